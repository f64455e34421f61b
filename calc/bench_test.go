package calc_test

import (
	"testing"

	"payout/calc"
	"payout/internal/benchmonth"
	"payout/plan"
)

// BenchmarkComputeGroupMonth computes a generated group month and reports employees computed per second.
func BenchmarkComputeGroupMonth(b *testing.B) {
	data, _ := benchmonth.Read(b, benchmonth.Group())
	p := plan.Default().Plan
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		calc.Compute(data, p)
	}
	b.ReportMetric(float64(len(data.Employees)*b.N)/b.Elapsed().Seconds(), "employees/s")
}
