package ledger

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"payout/internal/msg"
	"payout/report"
)

// A write that fails (a full disk: here the flush to disk) leaves the file as it was, or no file, and no
// temporary file: never an empty closed.json that blocks the month.
func TestSmallFilesAreWrittenAtomically(t *testing.T) {
	full := errors.New("no space left on device")
	defer func() { syncFile = (*os.File).Sync }()
	for _, c := range []struct {
		name  string
		write func(root string) error
		files []string // that must not exist after the failed write
	}{
		{"closed.json and the record of closed months", func(root string) error {
			dir := filepath.Join(root, "2026-10")
			return writeClosure(root, dir, &Closure{Month: "2026-10", ClosedBy: "1001"})
		}, []string{"2026-10/" + report.ClosedFile, ClosuresFile}},
		{"fund-opening.json", func(root string) error {
			return SetFundOpening(root, "2026-10", d("5.00"), "1001", false, time.Now())
		}, []string{FundOpeningFile}},
		{"corrections record", func(root string) error {
			return AppendCorrections(filepath.Join(root, "2026-10"), CorrectionRecord{Month: "2026-10", Into: "2026-11"})
		}, []string{"2026-10/" + CorrectionsFile}},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "2026-10")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{report.ResultFile, report.AuditFile} {
				if err := os.WriteFile(filepath.Join(dir, f), []byte(f), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			syncFile = func(*os.File) error { return full }
			if err := c.write(root); !errors.Is(err, full) {
				t.Fatalf("error %v, want %v", err, full)
			}
			for _, f := range c.files {
				if _, err := os.Lstat(filepath.Join(root, f)); err == nil {
					t.Errorf("%s was left after the failed write", f)
				}
			}
			for _, d := range []string{root, dir} {
				entries, _ := os.ReadDir(d)
				for _, e := range entries {
					if strings.Contains(e.Name(), ".tmp-") {
						t.Errorf("temporary file %s left", e.Name())
					}
				}
			}
			syncFile = (*os.File).Sync
			if err := c.write(root); err != nil {
				t.Fatal(err)
			}
			if err := CheckHistory(root, ""); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Each close is chained to the one before it: a line edited breaks the link of the line after it.
func TestClosuresChain(t *testing.T) {
	root := t.TempDir()
	for _, m := range []string{"2026-10", "2026-11"} {
		dir := filepath.Join(root, m)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{report.ResultFile, report.AuditFile} {
			if err := os.WriteFile(filepath.Join(dir, f), []byte(m), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if err := writeClosure(root, dir, &Closure{Month: m, ClosedBy: "1001", ClosedAt: "2026-12-01T00:00:00Z"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := CheckHistory(root, ""); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, ClosuresFile)
	b, _ := os.ReadFile(p)
	_ = os.Chmod(p, 0o600)
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), `"closed_by":"1001"`, `"closed_by":"1002"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	err := CheckHistory(root, "")
	if want := fmt.Sprintf(msg.HistoryBrokenChain, p, 2); err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
	// A new close refuses to extend a broken record.
	if err := appendClosure(root, ClosureEntry{Month: "2026-12"}); err == nil || err.Error() != fmt.Sprintf(msg.HistoryBrokenChain, p, 2) {
		t.Fatalf("appending to a broken record: %v", err)
	}
}
