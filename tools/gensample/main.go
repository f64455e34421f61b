// Command gensample writes a deterministic, realistic month of after-sales input data (SPEC §2).
//
//	go run ./tools/gensample -out sample-data/2026-10
//	go run ./tools/gensample -employees 5000 -ros 200000 -out /tmp/group-2026-10
package main

import (
	"flag"
	"fmt"
	"os"

	"payout/internal/gensample"
)

func main() {
	d := gensample.DefaultConfig()
	cfg := gensample.Config{}
	flag.StringVar(&cfg.Month, "month", d.Month, "month to generate, YYYY-MM")
	flag.IntVar(&cfg.Employees, "employees", d.Employees, "number of employees (45 per store; more repeat the store)")
	flag.IntVar(&cfg.RepairOrders, "ros", d.RepairOrders, "number of repair orders")
	flag.Uint64Var(&cfg.Seed, "seed", d.Seed, "random seed (same seed, same bytes)")
	flag.BoolVar(&cfg.AllCSV, "csv", false, "write every table as CSV")
	out := flag.String("out", "", "output folder (default sample-data/<month>)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "gensample: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	if *out == "" {
		*out = "sample-data/" + cfg.Month
	}
	if err := gensample.Generate(cfg, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
}
