// Command payout computes the month-end after-sales bonus payout of a car dealership.
//
// Exit codes: 0 success; 1 the input or the plan has errors; 2 usage error; 130 interrupted (Ctrl-C or
// SIGTERM: the run's temporary files are removed first).
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"payout/internal/cli"
	"payout/internal/msg"
	"payout/internal/scratch"
)

// softMemoryLimit keeps a dealer-group month (thousands of employees, hundreds of thousands of rows) under
// half a gigabyte: the garbage collector works harder as the heap nears it. GOMEMLIMIT overrides it.
const softMemoryLimit = 450 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(run(os.Args[1:]))
}

// run runs the command line with the run's temporary folder (removed on every way out: a return, an
// error, Ctrl-C, SIGTERM) and returns the exit code.
func run(args []string) int {
	stop := scratch.HandleInterrupt(os.Stderr, os.Exit)
	defer stop() // after the folder is removed: an interruption until then still cleans up
	r, err := scratch.Start(os.Stderr)
	if err != nil {
		fmt.Fprintf(os.Stderr, msg.ScratchUnavailable+"\n", err)
	} else {
		defer r.Close()
	}
	return cli.Main(args, os.Stdout, os.Stderr)
}
