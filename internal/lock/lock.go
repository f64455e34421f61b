// Package lock keeps two payout commands from changing the same output root at once: every command that
// changes a month or the ledger (compute, close, correct, fund opening) holds an OS file lock on the root's
// lock file while it runs. The OS releases the lock when the process ends, crash or not, so a stale lock
// never blocks anybody; the lock file also records who holds it, for the message a second command prints.
package lock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"payout/internal/msg"
)

// File is the lock file's name at an output root.
const File = ".payout.lock"

// holderAt is where the holder's record starts in the lock file: Windows locks the file's first byte
// (LockFileEx), which no other handle may then read or write.
const holderAt = 1

// holderSize is the room kept for the record (padded with spaces, so no truncation is needed).
const holderSize = 1024

// Holder is who holds a lock.
type Holder struct {
	Command string `json:"command"`
	PID     int    `json:"pid"`
	Host    string `json:"host"`
	Since   string `json:"since"`
}

// Lock is a held lock on an output root.
type Lock struct{ f *flock.Flock }

// BusyError is a lock another command held for longer than the wait.
type BusyError struct {
	Root   string
	Holder *Holder // nil when its record cannot be read
}

func (e *BusyError) Error() string {
	if h := e.Holder; h != nil {
		return fmt.Sprintf(msg.LockBusy, e.Root, h.Command, h.PID, h.Host, h.Since)
	}
	return fmt.Sprintf(msg.LockBusyUnknown, e.Root)
}

// Acquire takes the lock of root for command (e.g. "payout close --month 2026-10"), waiting up to wait for
// another command to finish. The root is created (0700) when it does not exist.
func Acquire(root, command string, wait time.Duration) (*Lock, error) {
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, err
	}
	p := filepath.Join(root, File)
	f := flock.New(p, flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	ok, err := f.TryLockContext(ctx, 50*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf(msg.LockFailed, p, err)
	}
	if !ok {
		return nil, &BusyError{Root: root, Holder: readHolder(p)}
	}
	host, _ := os.Hostname()
	h := Holder{Command: command, PID: os.Getpid(), Host: host, Since: time.Now().UTC().Format(time.RFC3339)}
	if err := writeHolder(p, h); err != nil {
		_ = f.Unlock()
		return nil, fmt.Errorf(msg.LockFailed, p, err)
	}
	return &Lock{f}, nil
}

// Release gives the lock up (the record of its holder stays: it is read only while the file is locked).
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	return l.f.Unlock()
}

func writeHolder(p string, h Holder) error {
	b, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if len(b) < holderSize {
		b = append(b, strings.Repeat(" ", holderSize-len(b))...)
	}
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteAt(b, holderAt)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func readHolder(p string) *Holder {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	b := make([]byte, holderSize)
	n, _ := f.ReadAt(b, holderAt)
	var h Holder
	if json.Unmarshal([]byte(strings.TrimSpace(string(b[:n]))), &h) != nil || h.PID == 0 {
		return nil
	}
	return &h
}
