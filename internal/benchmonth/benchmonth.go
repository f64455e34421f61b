// Package benchmonth makes generated months for benchmarks and scale tests: a folder written once per
// process by the sample generator, then read with the importers.
package benchmonth

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"payout/importers"
	"payout/internal/gensample"
	"payout/model"
	"payout/plan"
)

var (
	mu      sync.Mutex
	folders = map[gensample.Config]string{}
)

// Folder writes the month of cfg into a temporary folder (once per process) and returns it.
func Folder(tb testing.TB, cfg gensample.Config) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if dir, ok := folders[cfg]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "payout-benchmonth-")
	if err != nil {
		tb.Fatal(err)
	}
	dir = filepath.Join(dir, cfg.Month)
	if err := gensample.Generate(cfg, dir); err != nil {
		tb.Fatal(err)
	}
	folders[cfg] = dir
	return dir
}

// Group is a smaller dealer-group month: 10 stores' staff and 20,000 repair orders.
func Group() gensample.Config {
	return gensample.Config{Month: "2026-10", Employees: 450, RepairOrders: 20000, Seed: 7}
}

// Read reads a generated month with the default plan, failing on any input error.
func Read(tb testing.TB, cfg gensample.Config) (*model.MonthData, *importers.Report) {
	tb.Helper()
	m, _ := model.ParseMonth(cfg.Month)
	data, rep, err := importers.Read(importers.Options{Dir: Folder(tb, cfg), Month: m, Plan: plan.Default().Plan})
	if err != nil {
		tb.Fatal(err)
	}
	if rep.HasErrors() {
		tb.Fatalf("generated month has errors: %v", rep.Sorted()[:1])
	}
	return data, rep
}
