//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSS is the peak resident set size of a finished process in MB (Linux reports it in kilobytes).
func peakRSS(ps *os.ProcessState) float64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok && ru != nil {
		return float64(ru.Maxrss) / 1024
	}
	return 0
}
