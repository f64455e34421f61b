// Command payout computes the month-end after-sales bonus payout of a car dealership.
package main

import (
	"os"
	"runtime/debug"

	"payout/internal/cli"
)

// softMemoryLimit keeps a dealer-group month (thousands of employees, hundreds of thousands of rows) under
// half a gigabyte: the garbage collector works harder as the heap nears it. GOMEMLIMIT overrides it.
const softMemoryLimit = 450 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
