package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"payout/internal/lock"
	"payout/internal/msg"
)

// closedOctober computes the sample's October under base/out and closes it; it returns the closed folder and
// a copy of the inputs with one repair order's paid amount 1,000.00 more (the corrected inputs).
func closedOctober(t *testing.T, base string) (closedDir, fixed string) {
	t.Helper()
	closedDir, fixed = filepath.Join(base, "out", "2026-10"), filepath.Join(base, "fixed")
	if err := os.MkdirAll(fixed, 0o755); err != nil {
		t.Fatal(err)
	}
	copyDir(t, sample, fixed)
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", closedDir)
	mustRun(t, "close", "--month", "2026-10", "--out", closedDir, "--by", "1001")
	ros := filepath.Join(fixed, "维修工单.xlsx")
	cell, paid := customerROSettledInOctober(t, ros)
	setCell(t, ros, "维修工单", cell, paid.Add(decimal.NewFromInt(1000)).String())
	return closedDir, fixed
}

// correctionRecords counts the records of corrections.jsonl.
func correctionRecords(t *testing.T, closedDir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(closedDir, "corrections.jsonl"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return strings.Count(string(b), "\n")
}

// Two corrections run at once pay the correction once: the second waits for the first and finds it carried.
func TestConcurrentCorrectPaysOnce(t *testing.T) {
	lockWait = time.Minute
	defer func() { lockWait = 3 * time.Second }()
	for try := range 2 {
		base := t.TempDir()
		closedDir, fixed := closedOctober(t, base)
		nov := filepath.Join(base, "nov")
		var wg sync.WaitGroup
		outs := make([]string, 2)
		codes := make([]int, 2)
		for i := range 2 {
			wg.Go(func() {
				outs[i], _, codes[i] = run(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001",
					"--closed", closedDir, "--to", nov)
			})
		}
		wg.Wait()
		wrote := 0
		for i := range 2 {
			if codes[i] != 0 {
				t.Fatalf("try %d: correct %d: exit %d\n%s", try, i, codes[i], outs[i])
			}
			if strings.Contains(outs[i], "wrote the corrections to ") {
				wrote++
			} else if !strings.Contains(outs[i], fmt.Sprintf(msg.LedgerAllCarried, "2026-10", 1)) {
				t.Fatalf("try %d: correct %d said %q", try, i, outs[i])
			}
		}
		if n := correctionRecords(t, closedDir); wrote != 1 || n != 1 {
			t.Fatalf("try %d: %d runs wrote the corrections, %d records: paid more than once", try, wrote, n)
		}
	}
}

// close during compute --force: the month ends closed with the closure intact, or close refuses; never a
// closure lost in the folder compute moved aside.
func TestCloseDuringComputeForce(t *testing.T) {
	lockWait = time.Minute
	defer func() { lockWait = 3 * time.Second }()
	for try := range 3 {
		out := filepath.Join(t.TempDir(), "out", "2026-10")
		mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", out)
		var wg sync.WaitGroup
		var computeCode, closeCode int
		var computeErr, closeErr string
		wg.Go(func() {
			_, computeErr, computeCode = run(t, "compute", "--month", "2026-10", "--in", sample, "--out", out, "--force")
		})
		wg.Go(func() {
			time.Sleep(time.Duration(try) * 300 * time.Millisecond)
			_, closeErr, closeCode = run(t, "close", "--month", "2026-10", "--out", out, "--by", "1001")
		})
		wg.Wait()
		_, statErr := os.Stat(filepath.Join(out, "closed.json"))
		switch {
		case closeCode == 0 && statErr != nil:
			t.Fatalf("try %d: close said it closed the month, and closed.json is gone (compute: exit %d %s)", try, computeCode, computeErr)
		case closeCode == 0 && computeCode == 0:
			// compute went first, close after it: the month as compute wrote it is closed.
		case closeCode == 0 && !strings.Contains(computeErr, "is a closed month"):
			t.Fatalf("try %d: compute after close: exit %d %q", try, computeCode, computeErr)
		case closeCode != 0:
			t.Fatalf("try %d: close: exit %d %q", try, closeCode, closeErr)
		}
		mustRun(t, "audit", "verify", out)
	}
}

// A second command on a root that another holds waits, then says who holds it.
func TestLockedRootSaysWhoHoldsIt(t *testing.T) {
	lockWait = 100 * time.Millisecond
	defer func() { lockWait = 3 * time.Second }()
	root := filepath.Join(t.TempDir(), "out")
	out := filepath.Join(root, "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", out)
	l, err := lock.Acquire(root, "payout compute --month 2026-10", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	host, _ := os.Hostname()
	prefix := fmt.Sprintf(msg.LockBusy, root, "payout compute --month 2026-10", os.Getpid(), host, "")
	prefix = prefix[:strings.Index(prefix, "since ")+len("since ")]
	for _, args := range [][]string{
		{"close", "--month", "2026-10", "--out", out, "--by", "1001"},
		{"compute", "--month", "2026-10", "--in", sample, "--out", out, "--force"},
		{"fund", "opening", "--month", "2026-10", "--balance", "1", "--by", "1001", "--out", root},
	} {
		if _, e, code := run(t, args...); code != 1 || !strings.Contains(e, prefix) {
			t.Errorf("%v: exit %d %q, want %q…", args, code, e, prefix)
		}
	}
	// Reading needs no lock.
	mustRun(t, "fund", "--out", root)
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", out, "--dry-run")
}

// The record of closed months at the output root finds a closed.json deleted or edited and a closed result
// edited, in every command that relies on the month being paid history.
func TestClosedHistoryTamperEvident(t *testing.T) {
	base := t.TempDir()
	orig, fixed := closedOctober(t, base)
	cases := []struct {
		name   string
		tamper func(dir string) error
		want   string // the problem every command reports (dir stands for the month's folder, root for the root)
	}{
		{"closed.json deleted", func(dir string) error {
			return os.Remove(filepath.Join(dir, "closed.json"))
		}, fmt.Sprintf(msg.HistoryClosedMissing, "DIR/closed.json", "ROOT/closures.jsonl", "2026-10", "1001", "CLOSEDAT")},
		{"closed_by edited", func(dir string) error {
			p := filepath.Join(dir, "closed.json")
			b, _ := os.ReadFile(p)
			_ = os.Chmod(p, 0o600)
			return os.WriteFile(p, []byte(strings.Replace(string(b), `"closed_by": "1001"`, `"closed_by": "1002"`, 1)), 0o600)
		}, fmt.Sprintf(msg.HistoryFileChanged, "DIR/closed.json", "2026-10", "CLOSEDAT", "ROOT/closures.jsonl")},
		{"fund_total edited", func(dir string) error {
			p := filepath.Join(dir, "result.json")
			b, _ := os.ReadFile(p)
			d := readDoc(t, dir)
			_ = os.Chmod(p, 0o600)
			return os.WriteFile(p, []byte(strings.Replace(string(b), `"fund_total": "`+d.FundTotal+`"`, `"fund_total": "99999.00"`, 1)), 0o600)
		}, fmt.Sprintf(msg.HistoryFileChanged, "DIR/result.json", "2026-10", "CLOSEDAT", "ROOT/closures.jsonl")},
	}
	closedAt := readClosedAt(t, orig)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "out")
			if err := os.CopyFS(root, os.DirFS(filepath.Dir(orig))); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(root, "2026-10")
			if err := c.tamper(dir); err != nil {
				t.Fatal(err)
			}
			want := "error: " + strings.NewReplacer("DIR", dir, "ROOT", root, "CLOSEDAT", closedAt).Replace(c.want)
			for _, args := range [][]string{
				{"compute", "--month", "2026-10", "--in", sample, "--out", dir, "--force"},
				{"correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001", "--closed", dir, "--to", filepath.Join(t.TempDir(), "nov")},
				{"fund", "--out", root},
				{"audit", "verify", dir},
				{"close", "--month", "2026-10", "--out", dir, "--by", "1001"},
				{"fund", "opening", "--month", "2026-10", "--balance", "1", "--by", "1001", "--out", root},
				{"validate", "--month", "2026-11", "--in", sample, "--out", filepath.Join(root, "2026-11")},
			} {
				if args[0] == "close" && c.name != "closed.json deleted" {
					continue // close finds the month closed already
				}
				if args[0] == "validate" {
					continue // needs November's inputs; checked through the fund ledger below
				}
				o, e, code := run(t, args...)
				if code != 1 || !strings.Contains(o, want) {
					t.Errorf("%s: exit %d\n%s%s\nwant a line\n%s", args[0], code, o, e, want)
				}
			}
			if _, err := os.Stat(dir + ".prev-1"); err == nil {
				t.Error("compute --force moved a closed month aside")
			}
		})
	}
}

func readClosedAt(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "closed.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, `"closed_at": "`) + len(`"closed_at": "`)
	return s[i : i+strings.Index(s[i:], `"`)]
}

// close --by must be an employee of the month; a symlinked month folder closes and stays in the fund ledger;
// a closed.json that cannot be read is an error of the month's history (exit 1), not a crash or exit 2.
func TestCloseByRosterLinkAndBrokenClosure(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "out")
	real := filepath.Join(base, "elsewhere", "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", real)
	if err := os.MkdirAll(root, 0o700); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "2026-10")
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	if err := os.Symlink(real, out); err != nil {
		t.Fatal(err)
	}
	if _, e, code := run(t, "close", "--month", "2026-10", "--out", out, "--by", "9999"); code != 2 ||
		!strings.Contains(e, fmt.Sprintf(msg.LedgerByUnknown, "--by", "9999", "2026-10", filepath.Join(out, "result.json"))) {
		t.Fatalf("close by somebody not on the roster: %d %q", code, e)
	}
	if strings.Contains(mustRun(t, "fund", "--out", root), "no computed months") {
		t.Fatal("fund left the linked month out")
	}
	mustRun(t, "close", "--month", "2026-10", "--out", out, "--by", "1001")
	mustRun(t, "audit", "verify", out)
	if st, err := os.Stat(real); err != nil || !st.IsDir() || st.Mode().Perm()&0o700 != 0o700 {
		t.Fatalf("the linked folder after close: %v %v", st.Mode(), err)
	}
	// closed.json cut short (as a full disk left it before it was written atomically).
	p := filepath.Join(real, "closed.json")
	_ = os.Chmod(p, 0o600)
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"correct", "--month", "2026-10", "--in", sample, "--into", "2026-11", "--approver", "1001", "--closed", out, "--to", filepath.Join(base, "nov")},
		{"compute", "--month", "2026-10", "--in", sample, "--out", out, "--force"},
	} {
		o, e, code := run(t, args...)
		if code != 1 || !strings.Contains(o, "error: ") || strings.Contains(e, "payout: unexpected end of JSON input") {
			t.Errorf("%s with an empty closed.json: exit %d\n%s%s", args[0], code, o, e)
		}
	}
}

// correct creates the paying month's input folder readable by the owner only; validate of the paying month
// says which recorded corrections its adjustments lack, and that the file correct wrote is gone.
func TestDeletedCorrectionFileIsNamed(t *testing.T) {
	base := t.TempDir()
	closedDir, fixed := closedOctober(t, base)
	nov := filepath.Join(base, "data", "2026-11")
	mustRun(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001", "--closed", closedDir, "--to", nov)
	if st, err := os.Stat(nov); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o700) {
		t.Fatalf("the created input folder: %v %v", st.Mode(), err)
	}
	written := filepath.Join(nov, "调整.csv")
	copyDir(t, sample, nov) // the clerk's November workbook has its own 调整 sheet: she deletes the CSV
	if err := os.Remove(written); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "validate", "--month", "2026-11", "--in", nov, "--out", filepath.Join(base, "out", "2026-11"))
	gone := "2026-11 does not pay the corrections of 2026-10 recorded for it: employee "
	tail := "the rows were written to " + written + ", which is no longer there: add to its adjustments table a row of "
	if code != 0 || !strings.Contains(out, gone) || !strings.Contains(out, tail) {
		t.Fatalf("validate: exit %d\n%s", code, out)
	}
	out = mustRun(t, "compute", "--month", "2026-11", "--in", nov, "--out", filepath.Join(base, "out", "2026-11"), "--dry-run")
	if !strings.Contains(out, "warning: "+gone) || !strings.Contains(out, tail) {
		t.Fatalf("compute:\n%s", out)
	}
}

// compute --out into another root than the one the fund opening was recorded in: the ledger is that root's,
// and the error says where it looked and where the opening is.
func TestFundLedgerFollowsTheOutputRoot(t *testing.T) {
	base := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(base); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	// October spends 50,000.00 of the fund: covered by the opening balance only.
	in := filepath.Join(base, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(wd, sample), in)
	spend := filepath.Join(in, "售后基金支出.csv")
	b, _ := os.ReadFile(spend)
	if err := os.WriteFile(spend, []byte(strings.Replace(string(b), "2026-10-24,419.56,", "2026-10-24,50000.00,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "fund", "opening", "--month", "2026-10", "--balance", "100000", "--by", "1001", "--in", in)
	o, _, code := run(t, "compute", "--month", "2026-10", "--in", in, "--out", filepath.Join("elsewhere", "2026-10"))
	for _, want := range []string{
		fmt.Sprintf(msg.LedgerFundNoOpening, "elsewhere", filepath.Join("elsewhere", "fund-opening.json")),
		fmt.Sprintf(msg.LedgerFundOtherRoot, filepath.Join("out", "fund-opening.json"), "elsewhere", "elsewhere", "out"),
	} {
		if code != 1 || !strings.Contains(o, want) {
			t.Errorf("compute into another root: exit %d\n%s\nwant\n%s", code, o, want)
		}
	}
	mustRun(t, "compute", "--month", "2026-10", "--in", in, "--out", filepath.Join("out", "2026-10"))
}

// A result.json that cannot be read is reported like an input error (`error: <file>: cannot be read: …`) with
// exit 1 by every lifecycle command that reads it, not as a raw Go error.
func TestUnreadableResultIsAnIssue(t *testing.T) {
	root := filepath.Join(t.TempDir(), "out")
	oct := filepath.Join(root, "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", oct)
	p := filepath.Join(oct, "result.json")
	if err := os.WriteFile(p, []byte(`{"month": "2026-10", "employees": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "error: " + p + ": cannot be read: unexpected end of JSON input"
	nov := t.TempDir()
	copyDir(t, sample, nov)
	for _, args := range [][]string{
		{"fund", "--out", root},
		{"diff", oct, sample},
		{"compute", "--month", "2026-11", "--in", nov, "--out", filepath.Join(root, "2026-11"), "--dry-run"},
		{"validate", "--month", "2026-11", "--in", nov, "--out", filepath.Join(root, "2026-11")},
	} {
		if o, e, code := run(t, args...); code != 1 || !strings.Contains(o, want) {
			t.Errorf("%s: exit %d\n%s%s\nwant a line %q", args[0], code, o, e, want)
		}
	}
}
