package lock

import (
	"errors"
	"fmt"
	"os"
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
