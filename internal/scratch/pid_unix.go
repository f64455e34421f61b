//go:build unix

package scratch

import (
	"errors"
	"syscall"
)

// pidRunning reports whether a process with this pid exists (it may belong to another user).
func pidRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
