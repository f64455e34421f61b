// Package golden compares what a test produced with a golden file under the test package's testdata/, and
// rewrites the file when the tests run with -update (go test ./importers -update). Imported by tests only.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Check compares got with testdata/name (rewriting it first with -update) and fails the test at the first
// line that differs, naming the file.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			t.Fatalf("%s differs from what the test produced at line %d (run with -update if the change is intended):\n got: %s\nwant: %s", p, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("%s differs from what the test produced: %d lines, want %d (run with -update if the change is intended)", p, len(gl), len(wl))
}
