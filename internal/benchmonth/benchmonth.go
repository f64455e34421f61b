// Package benchmonth makes generated months for benchmarks and scale tests: a folder written once per
// process by the sample generator, then read with the importers. A test package that uses it calls Main
// from its TestMain, which removes the folders when the tests end.
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
	temps   []string // the temporary folders made, removed by Main
)

// Main runs a test package's tests and benchmarks (from its TestMain) and removes the generated months.
func Main(m *testing.M) {
	code := m.Run()
	mu.Lock()
	for _, d := range temps {
		_ = os.RemoveAll(d)
	}
	mu.Unlock()
	os.Exit(code)
}

// Folder writes the month of cfg into a temporary folder (once per process) and returns it.
func Folder(tb testing.TB, cfg gensample.Config) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if dir, ok := folders[cfg]; ok {
		return dir
	}
	tmp, err := os.MkdirTemp("", "payout-benchmonth-")
	if err != nil {
		tb.Fatal(err)
	}
	temps = append(temps, tmp)
	dir := filepath.Join(tmp, cfg.Month)
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
