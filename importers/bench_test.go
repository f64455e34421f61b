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

// BenchmarkReadGroupMonthGeneric reads the group month under the default plan's roles and enumerations as a
// plan in the plan language (with its pools as store pool schemes, which the month's coefficient changes
// name): every table is also kept as generic rows.
func BenchmarkReadGroupMonthGeneric(b *testing.B) {
	cfg := benchmonth.Group()
	dir := benchmonth.Folder(b, cfg)
	m, _ := model.ParseMonth(cfg.Month)
	p := languagePlanOfDefault()
	b.ResetTimer()
	rows := 0
	for i := 0; i < b.N; i++ {
		data, rep, err := importers.Read(importers.Options{Dir: dir, Month: m, Plan: p})
		if err != nil || rep.HasErrors() {
			b.Fatal(err, rep.Sorted()[:1])
		}
		if len(data.Generic[importers.TRepairOrders].Rows) != len(data.RepairOrders) {
			b.Fatal("generic rows differ from the typed rows")
		}
		rows += rep.Timing.Rows
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// languagePlanOfDefault is the default plan's roles, metrics, fund and adjustments rules as a plan in the
// plan language, with each pool a store pool scheme of its members' roles whose coefficients can be
// adjusted (the inputs of a default month then read without errors).
func languagePlanOfDefault() *plan.Plan {
	def := plan.Default().Plan
	p := &plan.Plan{Version: plan.Version2, Roles: def.Roles, Metrics: def.Metrics, Adjustments: def.Adjustments, Fund: def.Fund}
	for _, pl := range def.Pools {
		s := plan.Scheme{Name: pl.Name, Label: plan.Ref{Name: pl.Named().Label()}, Pool: plan.Ref{Name: string(plan.ScopeStore)},
			Aliases: pl.Aliases, Split: &plan.Split{Adjustable: true}}
		for _, m := range pl.Members {
			s.Roles = append(s.Roles, m.Role)
			s.Split.Coefficients = append(s.Split.Coefficients, plan.RoleCoefficient{Role: m.Role, Coefficient: m.Coefficient})
		}
		p.Schemes = append(p.Schemes, s)
	}
	p.Prepare()
	return p
}
