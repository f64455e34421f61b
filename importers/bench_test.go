package importers_test

import (
	"testing"

	"payout/importers"
	"payout/internal/benchmonth"
	"payout/model"
	"payout/plan"
)

// BenchmarkReadGroupMonth reads a generated group month (450 employees, 20,000 repair orders, xlsx and CSV)
// and reports rows read per second.
func BenchmarkReadGroupMonth(b *testing.B) {
	cfg := benchmonth.Group()
	dir := benchmonth.Folder(b, cfg)
	m, _ := model.ParseMonth(cfg.Month)
	p := plan.Default().Plan
	b.ResetTimer()
	rows := 0
	for i := 0; i < b.N; i++ {
		_, rep, err := importers.Read(importers.Options{Dir: dir, Month: m, Plan: p})
		if err != nil || rep.HasErrors() {
			b.Fatal(err, rep.Sorted())
		}
		rows += rep.Timing.Rows
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
