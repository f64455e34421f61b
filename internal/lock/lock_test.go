package lock

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"payout/internal/msg"
)

func TestSecondHolderWaitsThenSaysWhoHoldsIt(t *testing.T) {
	root := t.TempDir()
	first, err := Acquire(root, "payout compute --month 2026-10", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Acquire(root, "payout close --month 2026-10", 200*time.Millisecond)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Holder == nil || time.Since(start) < 200*time.Millisecond {
		t.Fatalf("second lock: %v after %s", err, time.Since(start))
	}
	host, _ := os.Hostname()
	want := fmt.Sprintf(msg.LockBusy, root, "payout compute --month 2026-10", os.Getpid(), host, busy.Holder.Since)
	if err.Error() != want || !strings.HasPrefix(busy.Holder.Since, time.Now().UTC().Format("2006-01-02T")) {
		t.Fatalf("got %q, want %q", err, want)
	}
	// Released: the next one gets it, also while waiting.
	go func() { time.Sleep(100 * time.Millisecond); _ = first.Release() }()
	second, err := Acquire(root, "payout close --month 2026-10", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_ = second.Release()
}

// The helper process: takes the lock of $LOCK_HELPER_ROOT, says so, and then either ends without releasing
// it (a crash) or holds it until its standard input closes.
func TestMain(m *testing.M) {
	if root := os.Getenv("LOCK_HELPER_ROOT"); root != "" {
		if _, err := Acquire(root, "payout correct --month 2026-10", time.Second); err != nil {
			fmt.Println(err)
			os.Exit(2)
		}
		fmt.Println("locked")
		if os.Getenv("LOCK_HELPER_CRASH") != "" {
			os.Exit(3)
		}
		_, _ = io.ReadAll(os.Stdin)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Another process's lock is seen (and named); a process that ends without releasing it frees it.
func TestLockAcrossProcesses(t *testing.T) {
	root := t.TempDir()
	helper := func(crash bool) (*exec.Cmd, io.WriteCloser) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "LOCK_HELPER_ROOT="+root)
		if crash {
			cmd.Env = append(cmd.Env, "LOCK_HELPER_CRASH=1")
		}
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		if line != "locked\n" {
			t.Fatalf("helper said %q", line)
		}
		return cmd, stdin
	}
	cmd, stdin := helper(false)
	_, err := Acquire(root, "payout close --month 2026-10", 100*time.Millisecond)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Holder == nil || busy.Holder.PID != cmd.Process.Pid || busy.Holder.Command != "payout correct --month 2026-10" {
		t.Fatalf("while another process holds it: %v", err)
	}
	stdin.Close()
	_ = cmd.Wait()
	cmd, _ = helper(true)
	_ = cmd.Wait() // ended without releasing
	l, err := Acquire(root, "payout close --month 2026-10", 100*time.Millisecond)
	if err != nil {
		t.Fatalf("after the holder crashed: %v", err)
	}
	_ = l.Release()
}
