package report

import (
	"io"
	"testing"
)

// BenchmarkPayslip measures one payslip of the sample month written in memory (single core).
func BenchmarkPayslip(b *testing.B) {
	o := sampleMonth(b)
	texts := newSourceTexts(o.Result, payslipSourcesMax)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := &o.Result.Employees[i%len(o.Result.Employees)]
		if err := writePayslip(io.Discard, o.Result, e, o.Plan.Plan, "", texts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "payslips/s")
}
