package scratch

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"payout/internal/msg"
)

// ExitInterrupted is the exit code of a run ended by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it),
// after its temporary files were removed.
const ExitInterrupted = 130

// The paths to remove when the run is interrupted, and the run's folder. mu is held while a path is created
// and registered, and while a step that must not be cut in the middle runs (Hold); Abort takes it and never
// gives it back, so that nothing is created after the clean-up.
var (
	mu      sync.Mutex
	tracked = map[string]bool{}
	current *Run
)

func setCurrent(r *Run) {
	mu.Lock()
	defer mu.Unlock()
	current = r
}

// systemTemp is the system temp folder: the one the run's folder is in, os.TempDir() without a run.
func systemTemp() string {
	mu.Lock()
	defer mu.Unlock()
	if current != nil {
		return current.Base
	}
	return os.TempDir()
}

// MkdirTemp creates a temporary folder (os.MkdirTemp, 0700) that is removed if the run is interrupted;
// release stops that (call it once the folder is renamed or removed).
func MkdirTemp(parent, prefix string) (dir string, release func(), err error) {
	mu.Lock()
	defer mu.Unlock()
	dir, err = os.MkdirTemp(parent, prefix)
	if err != nil {
		return "", func() {}, err
	}
	tracked[dir] = true
	return dir, func() {
		mu.Lock()
		defer mu.Unlock()
		delete(tracked, dir)
	}, nil
}

// Hold runs f without an interruption cutting it in the middle: the clean-up waits for it (for renames
// that put an output folder in place).
func Hold(f func() error) error {
	mu.Lock()
	defer mu.Unlock()
	return f()
}

// Abort removes every tracked folder and the run's folder, and returns what it removed. It never returns
// the lock it takes: call it only on the way out of the process.
func Abort() []string {
	mu.Lock()
	var removed []string
	for p := range tracked {
		if os.RemoveAll(p) == nil {
			removed = append(removed, p)
		}
	}
	if current != nil && current.remove() == nil {
		removed = append(removed, current.Dir)
	}
	return removed
}

// HandleInterrupt makes Ctrl-C and SIGTERM end the process with ExitInterrupted after Abort, saying so
// on w; exit is os.Exit but for tests. stop ends the handling.
func HandleInterrupt(w io.Writer, exit func(int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			Abort()
			fmt.Fprintf(w, msg.ScratchInterrupted+"\n", s)
			exit(ExitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
