// Command payout computes the month-end after-sales bonus payout of a car dealership.
package main

import (
	"os"

	"payout/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
