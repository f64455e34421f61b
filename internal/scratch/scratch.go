// Package scratch owns the temporary files of a run. Unpacked workbook data (excelize's temp files: up to
// hundreds of megabytes of personal data in plaintext) goes to a folder of the run, created 0700 in the
// system temp folder and pointed to by TMPDIR (TMP and TEMP on Windows), so that every temp file of the
// process lands in it; the folder is removed when the run ends, also on Ctrl-C and SIGTERM (Interrupt),
// and a folder of an earlier run that was killed is removed at the next run (Sweep), as are the
// half-written output folders such a run left beside its output (SweepOutputs).
//
// A run is alive while it holds an OS file lock (gofrs/flock) on run.lock inside its folder; the folder is
// named payout-<pid>-<random>, the id of the run, which also names its temporary output folders.
package scratch

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"

	"payout/internal/msg"
)

// Prefix begins the name of every run's temporary folder; LockFile is the lock a live run holds in it.
const (
	Prefix   = "payout-"
	LockFile = "run.lock"
	dirMode  = 0o700
)

// tempEnv are the variables os.TempDir reads: TMPDIR on Unix, TMP and TEMP on Windows.
var tempEnv = []string{"TMPDIR", "TMP", "TEMP"}

// id is this process's run id: <pid>-<8 hex digits>.
var id = newID()

func newID() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%d-%s", os.Getpid(), hex.EncodeToString(b))
}

// ID is the id of this process's run.
func ID() string { return id }

// Run is this process's temporary folder, locked and set as the process's temp folder.
type Run struct {
	// Dir is the run's folder; Base the system temp folder it is in.
	Dir, Base string
	lock      *flock.Flock
	env       map[string]*string // the temp variables before Start (nil: unset)
}

// Start removes the folders of dead earlier runs from the system temp folder (a line on w for each),
// creates this run's folder (0700), locks it, and makes it the process's temp folder.
func Start(w io.Writer) (*Run, error) {
	base := os.TempDir()
	Sweep(base, w)
	r := &Run{Dir: filepath.Join(base, Prefix+id), Base: base, env: map[string]*string{}}
	if err := os.Mkdir(r.Dir, dirMode); err != nil {
		return nil, fmt.Errorf(msg.ScratchCreate, err)
	}
	r.lock = flock.New(filepath.Join(r.Dir, LockFile))
	if ok, err := r.lock.TryLock(); err != nil || !ok {
		_ = os.RemoveAll(r.Dir)
		if err == nil {
			err = errors.New(LockFile + " is held")
		}
		return nil, fmt.Errorf(msg.ScratchCreate, err)
	}
	for _, k := range tempEnv {
		if v, ok := os.LookupEnv(k); ok {
			r.env[k] = &v
		} else {
			r.env[k] = nil
		}
		_ = os.Setenv(k, r.Dir)
	}
	setCurrent(r)
	return r, nil
}

// Close gives the process its temp folder back and removes the run's folder with everything in it.
func (r *Run) Close() error {
	setCurrent(nil)
	for k, v := range r.env {
		if v == nil {
			_ = os.Unsetenv(k)
		} else {
			_ = os.Setenv(k, *v)
		}
	}
	return r.remove()
}

// remove unlocks and removes the run's folder (the lock is released first: Windows removes no open file).
func (r *Run) remove() error {
	_ = r.lock.Close()
	return os.RemoveAll(r.Dir)
}
