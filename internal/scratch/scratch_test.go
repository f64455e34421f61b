package scratch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/xuri/excelize/v2"

	"payout/internal/msg"
)

// deadPid is the pid of a process that has ended.
func deadPid(t *testing.T) int {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^$")
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	return c.Process.Pid
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// Unpacked workbook data goes to the run's folder (0700), which is removed when the run ends.
func TestStartOwnsTheTempFolder(t *testing.T) {
	base := t.TempDir()
	for _, k := range tempEnv {
		t.Setenv(k, base)
	}
	// A workbook whose sheet excelize unpacks to a temp file when read.
	src := excelize.NewFile()
	for i := 1; i <= 200; i++ {
		_ = src.SetCellValue("Sheet1", fmt.Sprintf("A%d", i), strings.Repeat("x", 50))
	}
	book := filepath.Join(t.TempDir(), "big.xlsx")
	if err := src.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	r, err := Start(&bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if os.TempDir() != r.Dir || filepath.Dir(r.Dir) != base {
		t.Fatalf("temp folder %s, run folder %s", os.TempDir(), r.Dir)
	}
	if st, err := os.Stat(r.Dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("run folder: %v %v", st.Mode(), err)
	}
	f, err := excelize.OpenFile(book, excelize.Options{UnzipXMLSizeLimit: 100})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
	}
	if got := names(t, r.Dir); len(got) < 2 || !slices.Contains(got, LockFile) {
		t.Errorf("run folder holds %v, want the lock and excelize's temp files", got)
	}
	if got := names(t, base); !slices.Equal(got, []string{filepath.Base(r.Dir)}) {
		t.Errorf("system temp folder holds %v", got)
	}
	_ = rows.Close()
	_ = f.Close()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if got := names(t, base); len(got) != 0 {
		t.Errorf("left after the run: %v", got)
	}
	if os.Getenv("TMPDIR") != base {
		t.Errorf("TMPDIR not given back: %q", os.Getenv("TMPDIR"))
	}
}

// The folders of dead runs are removed, with a line each; live runs and other folders are left alone.
func TestSweepRemovesOnlyDeadRuns(t *testing.T) {
	base := t.TempDir()
	dead := deadPid(t)
	mk := func(name string, lock bool, age time.Duration) string {
		p := filepath.Join(base, name)
		if err := os.MkdirAll(p, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "excelize-1"), []byte("personal data"), 0o600); err != nil {
			t.Fatal(err)
		}
		if lock {
			if err := os.WriteFile(filepath.Join(p, LockFile), nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		old := time.Now().Add(-age)
		_ = os.Chtimes(filepath.Join(p, LockFile), old, old)
		return p
	}
	me := os.Getpid()
	deadLocked := mk(fmt.Sprintf("payout-%d-0000000a", dead), true, 0)   // lock free, process gone
	deadNoLock := mk(fmt.Sprintf("payout-%d-0000000b", dead), false, 0)  // never locked, process gone
	reused := mk(fmt.Sprintf("payout-%d-0000000c", me), true, time.Hour) // lock free for long, pid reused
	starting := mk(fmt.Sprintf("payout-%d-0000000d", me), true, 0)       // just created, about to lock
	noLockYet := mk(fmt.Sprintf("payout-%d-0000000e", me), false, 0)     // created, lock not yet made
	held := mk(fmt.Sprintf("payout-%d-0000000f", dead), true, time.Hour) // its lock is held
	other := mk("payout-notes", false, time.Hour)                        // not a run's folder
	l := flock.New(filepath.Join(held, LockFile))
	if ok, err := l.TryLock(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	defer l.Close()
	var w bytes.Buffer
	removed := Sweep(base, &w)
	want := []string{deadLocked, deadNoLock, reused}
	slices.Sort(want) // in the order of the folder's listing
	if !slices.Equal(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	var lines string
	for _, p := range want {
		pid := dead
		if p == reused {
			pid = me
		}
		lines += fmt.Sprintf(msg.ScratchRemovedTemp+"\n", p, pid)
	}
	if w.String() != lines {
		t.Errorf("said\n%s\nwant\n%s", w.String(), lines)
	}
	for _, p := range []string{starting, noLockYet, held, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
}

// Half-written output folders of dead runs are removed; those of live runs, of this run, and anything
// else are left alone.
func TestSweepOutputsRemovesOnlyDeadRuns(t *testing.T) {
	sys := t.TempDir()
	for _, k := range tempEnv {
		t.Setenv(k, sys)
	}
	parent := t.TempDir()
	dead := deadPid(t)
	liveRun := fmt.Sprintf("%d-0000000a", dead) // its run folder holds its lock: alive
	if err := os.MkdirAll(filepath.Join(sys, Prefix+liveRun), 0o700); err != nil {
		t.Fatal(err)
	}
	l := flock.New(filepath.Join(sys, Prefix+liveRun, LockFile))
	if ok, err := l.TryLock(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	defer l.Close()
	deadRun := fmt.Sprintf("%d-0000000b", dead)        // no run folder, process gone
	freeRun := fmt.Sprintf("%d-0000000c", os.Getpid()) // run folder with a free, old lock
	if err := os.MkdirAll(filepath.Join(sys, Prefix+freeRun), 0o700); err != nil {
		t.Fatal(err)
	}
	lp := filepath.Join(sys, Prefix+freeRun, LockFile)
	_ = os.WriteFile(lp, nil, 0o600)
	old := time.Now().Add(-2 * time.Hour)
	_ = os.Chtimes(lp, old, old)
	otherTemp := fmt.Sprintf("%d-0000000d", os.Getpid()) // no run folder here, process running
	mk := func(name string, age time.Duration) string {
		p := filepath.Join(parent, name)
		if err := os.MkdirAll(filepath.Join(p, "payslips"), 0o700); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		_ = os.Chtimes(p, at, at)
		return p
	}
	removedWant := []string{
		mk(".2026-10.tmp-"+deadRun+"-1", 0),
		mk(".2026-10.tmp-"+freeRun+"-2", 0),
		mk(".2026-11.tmp-123456", 2*time.Hour), // an earlier version's, untouched for two hours
	}
	kept := []string{
		mk(".2026-10.tmp-"+ID()+"-3", 0),
		mk(".2026-10.tmp-"+liveRun+"-4", 0),
		mk(".2026-10.tmp-"+otherTemp+"-5", 0),
		mk(".2026-12.tmp-654321", 0), // an earlier version's, just changed
		mk("2026-10", 2*time.Hour),
		mk(".2026-10.tmp-notes", 2*time.Hour),
	}
	got := SweepOutputs(parent)
	slices.Sort(removedWant)
	if !slices.Equal(got, removedWant) {
		t.Errorf("removed %v, want %v", got, removedWant)
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
}

// helperEnv makes the test binary a run that creates its folders, says "ready" and waits to be stopped.
const helperEnv = "PAYOUT_SCRATCH_HELPER"

func TestHelperRun(t *testing.T) {
	parent := os.Getenv(helperEnv)
	if parent == "" {
		t.Skip("helper process only")
	}
	stop := HandleInterrupt(os.Stderr, os.Exit)
	defer stop()
	r, err := Start(os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, _, err := MkdirTemp(parent, OutputTempPrefix("2026-10")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(os.TempDir(), "excelize-1"), []byte("personal data"), 0o600); err != nil {
		t.Fatal(err)
	}
	fmt.Println("ready")
	time.Sleep(time.Minute)
}

// startHelper starts a helper run with sys as its system temp folder and parent as its output root, and
// waits until it is ready.
func startHelper(t *testing.T, sys, parent string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^TestHelperRun$")
	c.Env = append(os.Environ(), helperEnv+"="+parent, "TMPDIR="+sys, "TMP="+sys, "TEMP="+sys)
	out, err := c.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "ready\n" {
		_ = c.Process.Kill()
		_ = c.Wait()
		t.Fatalf("helper said %q %s", line, stderr.String())
	}
	return c, &stderr
}

// Ctrl-C (SIGINT) and SIGTERM remove the run's temp folder and its half-written output folder, and exit
// with ExitInterrupted.
func TestInterruptRemovesTheRunsFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		sys, parent := t.TempDir(), t.TempDir()
		c, stderr := startHelper(t, sys, parent)
		if len(names(t, sys)) != 1 || len(names(t, parent)) != 1 {
			t.Fatalf("helper made %v and %v", names(t, sys), names(t, parent))
		}
		if err := c.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err := c.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != ExitInterrupted {
			t.Fatalf("%v: exit %v, want %d", sig, err, ExitInterrupted)
		}
		if got := append(names(t, sys), names(t, parent)...); len(got) != 0 {
			t.Errorf("%v: left %v", sig, got)
		}
		if want := fmt.Sprintf(msg.ScratchInterrupted+"\n", sig); !strings.HasSuffix(stderr.String(), want) {
			t.Errorf("%v: said %q, want %q", sig, stderr.String(), want)
		}
	}
}

// A run killed outright (no clean-up possible) leaves its folders; the next run removes them.
func TestKilledRunIsSweptByTheNext(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals")
	}
	sys, parent := t.TempDir(), t.TempDir()
	c, _ := startHelper(t, sys, parent)
	_ = c.Process.Kill()
	_ = c.Wait()
	left, outs := names(t, sys), names(t, parent)
	if len(left) != 1 || len(outs) != 1 {
		t.Fatalf("killed run left %v and %v", left, outs)
	}
	for _, k := range tempEnv {
		t.Setenv(k, sys)
	}
	var w bytes.Buffer
	if got := Sweep(sys, &w); len(got) != 1 {
		t.Fatalf("swept %v", got)
	}
	if want := fmt.Sprintf(msg.ScratchRemovedTemp+"\n", filepath.Join(sys, left[0]), c.Process.Pid); w.String() != want {
		t.Errorf("said %q, want %q", w.String(), want)
	}
	if got := SweepOutputs(parent); !slices.Equal(got, []string{filepath.Join(parent, outs[0])}) {
		t.Errorf("swept outputs %v", got)
	}
	if got := append(names(t, sys), names(t, parent)...); len(got) != 0 {
		t.Errorf("left %v", got)
	}
}
