//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"payout/internal/lock"
	"payout/internal/msg"
	"payout/internal/scratch"
)

// sample is the committed sample month.
const sample = "../../sample-data/2026-10"

// lockedOutput is an output folder whose root the test holds locked (as another payout command would): a
// compute into it waits for the lock (a few seconds), with its temporary folder made, and can be stopped then.
func lockedOutput(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "out")
	l, err := lock.Acquire(root, "test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Release() })
	return filepath.Join(root, "2026-10")
}

// waitForRunFolder waits until the run has made its folder in sys.
func waitForRunFolder(t *testing.T, sys string, c *exec.Cmd) string {
	t.Helper()
	for i := 0; i < 200; i++ {
		if m, _ := filepath.Glob(filepath.Join(sys, scratch.Prefix+"*")); len(m) == 1 {
			return m[0]
		}
		time.Sleep(25 * time.Millisecond)
	}
	_ = c.Process.Kill()
	t.Fatal("no run folder")
	return ""
}

// Ctrl-C in the middle of a compute removes the run's temporary folder and exits 130 (it used to die at
// once and leave its temporary files).
func TestInterruptedComputeLeavesNothing(t *testing.T) {
	sys := t.TempDir()
	out := lockedOutput(t)
	c, stderr := payout(sys, "compute", "--month", "2026-10", "--in", sample, "--out", out)
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	waitForRunFolder(t, sys, c)
	if err := c.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := c.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != scratch.ExitInterrupted {
		t.Fatalf("exit %v, want %d; stderr %s", err, scratch.ExitInterrupted, stderr)
	}
	if want := fmt.Sprintf(msg.ScratchInterrupted+"\n", os.Interrupt); stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if left, _ := os.ReadDir(sys); len(left) != 0 {
		t.Errorf("left in the temp folder: %v", left)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an output folder was written")
	}
}

// A run killed outright leaves its folder; the next run removes it and says so on stderr.
func TestNextRunRemovesAKilledRunsFolder(t *testing.T) {
	sys := t.TempDir()
	c, _ := payout(sys, "compute", "--month", "2026-10", "--in", sample, "--out", lockedOutput(t))
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	left := waitForRunFolder(t, sys, c)
	_ = c.Process.Kill()
	_ = c.Wait()
	next, stderr := payout(sys, "version")
	if err := next.Run(); err != nil {
		t.Fatal(err, stderr)
	}
	want := fmt.Sprintf(msg.ScratchRemovedTemp+"\n", left, c.Process.Pid)
	if !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if got, _ := os.ReadDir(sys); len(got) != 0 {
		t.Errorf("left: %v", got)
	}
}
