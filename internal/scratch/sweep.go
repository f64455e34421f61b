package scratch

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/gofrs/flock"

	"payout/internal/msg"
)

var (
	// runDir is the name of a run's temporary folder: payout-<pid>-<random>.
	runDir = regexp.MustCompile(`^payout-([0-9]+)-[0-9a-f]{8}$`)
	// outputTemp is the name of a run's half-written output folder: .<name>.tmp-<pid>-<random>-<n>;
	// oldOutputTemp the name earlier versions gave it, .<name>.tmp-<n>, without the run.
	outputTemp    = regexp.MustCompile(`^\..+\.tmp-(([0-9]+)-[0-9a-f]{8})-[0-9]+$`)
	oldOutputTemp = regexp.MustCompile(`^\..+\.tmp-[0-9]+$`)
)

// startGrace: a run's lock file that is free while its process runs is taken for a run starting up (it
// creates the file, then locks it) when the folder is younger than this; oldGrace: an output folder of an
// earlier version (no run to ask) is left alone while it changed less than this long ago.
var (
	startGrace = 10 * time.Second
	oldGrace   = time.Hour
)

// OutputTempPrefix is the prefix (for os.MkdirTemp) of this run's temporary output folder for the output
// folder named name.
func OutputTempPrefix(name string) string { return "." + name + ".tmp-" + id + "-" }

// Sweep removes the temporary folders of dead runs from base (the system temp folder), writing a line to w
// for each, and returns them. Folders it cannot remove are left for the next run.
func Sweep(base string, w io.Writer) []string {
	entries, err := os.ReadDir(base)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		m := runDir.FindStringSubmatch(e.Name())
		if m == nil || !e.IsDir() || e.Name() == Prefix+id {
			continue
		}
		pid, _ := strconv.Atoi(m[1])
		p := filepath.Join(base, e.Name())
		if runAlive(p, pid) || os.RemoveAll(p) != nil {
			continue
		}
		fmt.Fprintf(w, msg.ScratchRemovedTemp+"\n", p, pid)
		removed = append(removed, p)
	}
	return removed
}

// runAlive reports whether the run of the folder dir (process pid) may still be running: it holds its
// lock, or its process runs and the lock cannot tell (no lock file yet, or a free one in a folder that was
// just created).
func runAlive(dir string, pid int) bool {
	lockPath := filepath.Join(dir, LockFile)
	st, err := os.Lstat(lockPath)
	if err != nil {
		return pidRunning(pid)
	}
	l := flock.New(lockPath)
	ok, err := l.TryLock()
	_ = l.Close()
	if err != nil || !ok {
		return true // held (or cannot be tried): alive
	}
	return pidRunning(pid) && time.Since(st.ModTime()) < startGrace
}

// SweepOutputs removes the temporary output folders that dead runs left in parent (the output root),
// and returns them. The run of a folder is looked up in the system temp folder; a run not found there
// counts as alive while its process runs (it may use another temp folder). Folders of earlier versions,
// which name no run, are removed once they have not changed for an hour.
func SweepOutputs(parent string) []string {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if outputAlive(p, e.Name()) || os.RemoveAll(p) != nil {
			continue
		}
		removed = append(removed, p)
	}
	return removed
}

// outputAlive reports whether the temporary output folder p (named name) may belong to a live run; a
// folder not named as one counts as alive (it is left alone).
func outputAlive(p, name string) bool {
	if m := outputTemp.FindStringSubmatch(name); m != nil {
		if m[1] == id {
			return true
		}
		pid, _ := strconv.Atoi(m[2])
		dir := filepath.Join(systemTemp(), Prefix+m[1])
		if _, err := os.Lstat(dir); err != nil {
			return pidRunning(pid)
		}
		return runAlive(dir, pid)
	}
	if oldOutputTemp.MatchString(name) {
		st, err := os.Lstat(p)
		return err != nil || time.Since(st.ModTime()) < oldGrace
	}
	return true
}
