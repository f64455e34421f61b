package cli

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"payout/internal/lock"
	"payout/internal/msg"
)

// treeSnapshot is every file under dir with its content (and every link with its target).
func treeSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			l, err := os.Readlink(p)
			out[p] = "-> " + l
			return err
		case !d.IsDir():
			b, err := os.ReadFile(p)
			out[p] = string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// --force replaces only a payout output of the same month; anything else is refused (exit 2) and left as it
// was: it used to be renamed to .prev-N whatever it was.
func TestComputeForceReplacesOnlyThisMonthsOutput(t *testing.T) {
	base := t.TempDir()
	// A payout output of 2026-11 (the sample inputs copied, computed as November).
	in := filepath.Join(base, "in")
	if err := os.CopyFS(in, os.DirFS(sample)); err != nil {
		t.Fatal(err)
	}
	nov := filepath.Join(base, "nov")
	if _, e, code := run(t, "compute", "--month", "2026-11", "--in", in, "--out", nov); code != 0 {
		t.Fatalf("compute 2026-11: exit %d %s", code, e)
	}
	// November's output with its result.json edited to say October: the audit trail still says November.
	mixed := filepath.Join(base, "mixed")
	if err := os.CopyFS(mixed, os.DirFS(nov)); err != nil {
		t.Fatal(err)
	}
	rj := filepath.Join(mixed, "result.json")
	b, _ := os.ReadFile(rj)
	if err := os.WriteFile(rj, []byte(strings.Replace(string(b), `"month": "2026-11"`, `"month": "2026-10"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	sys := filepath.Join(base, "etc")
	if err := os.MkdirAll(filepath.Join(sys, "ssl"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sys, "passwd"), []byte("root:x:0:0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(base, "notjson")
	if err := os.MkdirAll(notJSON, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notJSON, "result.json"), []byte("[1, 2]"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, dir, reason string
	}{
		{"a system folder", sys, fmt.Sprintf(msg.OutNoFile, "result.json")},
		{"a payout output of another month", nov, fmt.Sprintf(msg.OutOtherMonth, "result.json", "2026-11")},
		{"a trail of another month", mixed, fmt.Sprintf(msg.OutOtherMonth, "audit.jsonl", "2026-11")},
		{"another program's result.json", notJSON, fmt.Sprintf(msg.OutNotResult, "result.json")},
	}
	if runtime.GOOS != "windows" {
		oct := filepath.Join(base, "oct")
		if _, e, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--out", oct); code != 0 {
			t.Fatalf("compute 2026-10: exit %d %s", code, e)
		}
		link := filepath.Join(base, "link")
		if err := os.Symlink(oct, link); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ name, dir, reason string }{"a link to this month's output", link, msg.OutNotFolder})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := treeSnapshot(t, base)
			_, e, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--out", c.dir, "--force")
			want := "payout: " + fmt.Sprintf(msg.OutNotReplaced, c.dir, c.reason, "2026-10") + "\n"
			if code != 2 || e != want {
				t.Fatalf("exit %d, stderr\n%s\nwant exit 2 and\n%s", code, e, want)
			}
			if after := treeSnapshot(t, base); !maps.Equal(before, after) {
				t.Fatal("the folder was changed")
			}
		})
	}
}

// A half-written output folder that a killed run left beside the output is removed by the next compute,
// which says so on stderr.
func TestComputeRemovesAKilledRunsOutputFolder(t *testing.T) {
	c := exec.Command(os.Args[0], "-test.run=^$")
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	left := filepath.Join(root, fmt.Sprintf(".2026-10.tmp-%d-deadbeef-1", c.Process.Pid))
	if err := os.MkdirAll(filepath.Join(left, "payslips"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(left, "payslips", "1001-x.xlsx"), []byte("personal data"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "2026-10")
	_, e, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d %s", code, e)
	}
	if want := fmt.Sprintf(msg.ScratchRemovedOut+"\n", left); !strings.HasPrefix(e, want) {
		t.Errorf("stderr %q, want it to begin with %q", e, want)
	}
	var names []string
	got, _ := os.ReadDir(root)
	for _, d := range got {
		names = append(names, d.Name())
	}
	if want := []string{lock.File, "2026-10"}; !slices.Equal(names, want) {
		t.Errorf("output root holds %v, want %v", names, want)
	}
}
