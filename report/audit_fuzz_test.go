package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"payout/internal/gensample"
)

// FuzzVerifyAudit: any bytes as the audit trail of a real output folder are verified without a panic; the
// trail as written verifies, and a trail that is not the one written is never passed while it lacks the
// structure (one header first, one totals record last with its file list).
func FuzzVerifyAudit(f *testing.F) {
	// A small generated month (a few employees and orders): the sample month's trail is 630 KB, which the
	// fuzzer mutates and minimises a few inputs a minute.
	in := filepath.Join(f.TempDir(), "in")
	if err := gensample.Generate(gensample.Config{Month: "2026-10", Employees: 12, RepairOrders: 20, Seed: 1}, in); err != nil {
		f.Fatal(err)
	}
	o := monthAt(f, in)
	out := filepath.Join(f.TempDir(), "2026-10")
	if _, err := WriteOutput(out, false, o); err != nil {
		f.Fatal(err)
	}
	p := filepath.Join(out, AuditFile)
	orig, err := os.ReadFile(p)
	if err != nil {
		f.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		f.Fatal(err)
	}
	lines := strings.SplitAfter(string(orig), "\n")
	f.Add(orig)
	f.Add([]byte(strings.Join(lines[:len(lines)-2], "")))                 // without the totals record
	f.Add([]byte(strings.Join(append(lines[1:], lines[0]), "")))          // header last
	f.Add(bytes.Replace(orig, []byte(`"files"`), []byte(`"filez"`), 1))   // the file list hidden
	f.Add(append(bytes.Clone(orig), `{"kind":"totals","files":null}`...)) // a record appended
	f.Add([]byte("{}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		problems, err := VerifyAudit(out)
		if bytes.Equal(b, orig) && (err != nil || len(problems) > 0) {
			t.Fatalf("the trail as written does not verify: %v %v", err, problems)
		}
		if err == nil && len(problems) == 0 && !bytes.Equal(b, orig) && !bytes.Contains(b, []byte(`"files"`)) {
			t.Fatal("a trail without a file list verified")
		}
	})
}
