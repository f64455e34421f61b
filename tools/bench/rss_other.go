//go:build !unix

package main

import "os"

// peakRSS is not measured where the process's resource usage does not carry it (Windows): 0.
func peakRSS(*os.ProcessState) float64 { return 0 }
