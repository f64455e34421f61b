package importers

import (
	"path/filepath"
	"strings"
	"testing"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// The example stores' months (../examples, as the stores handed them over: b's labour hours are a GB18030
// export) read without an error with the stores' plans (examples/*/plan.yaml, written from their 方案.md): their own tables
// (考核, 考勤, 费用, 喷漆计件), their columns (保费, 班组, 个人系数, 工时费, 工时类别, 返工), their teams and
// their enumeration values (PDS, 安全事故).

func TestReadExampleStores(t *testing.T) {
	nov := model.Month{Year: 2026, Month: 11}
	out := func(file string, n int, m model.Month, rows string) string {
		return iss(file, msg.InOutsideMonth, n, m, rows)
	}
	cases := []struct {
		folder string
		month  model.Month
		plan   *plan.Plan
		// rows is the generic rows kept per table read; warnings the issues (all warnings: rows dated
		// outside the month, which the stores' exports have on purpose).
		rows     map[string]int
		warnings []string
	}{
		{folder: "a-advisor-own-output/2026-10", month: october, plan: examplePlanFile("a-advisor-own-output"),
			rows: map[string]int{TEmployees: 6, "scores": 6, TIncidents: 3, TRenewals: 7},
			warnings: []string{out("维修工单.csv", 3, october, "rows 31, 107, 109"), out("续保.csv", 1, october, "row 9"),
				out("投诉与违规.csv", 1, october, "row 5")}},
		{folder: "b-workshop-teams/2026-10", month: october, plan: examplePlanFile("b-workshop-teams"),
			rows:     map[string]int{TEmployees: 7, TTargets: 4, "attendance": 7},
			warnings: []string{out("工时明细.csv", 2, october, "rows 87, 123")}},
		{folder: "c-profit-pool/2026-10", month: october, plan: examplePlanFile("c-profit-pool"),
			rows:     map[string]int{TEmployees: 8, "scores": 7, "costs": 4},
			warnings: []string{out("维修工单.csv", 1, october, "row 142"), out("费用.csv", 1, october, "row 6")}},
		{folder: "c-profit-pool/2026-11", month: nov, plan: examplePlanFile("c-profit-pool"),
			rows:     map[string]int{TEmployees: 8},
			warnings: []string{out("维修工单.csv", 1, nov, "row 26"), out("费用.csv", 1, nov, "row 4")}},
		{folder: "d-body-paint-pieces/2026-10", month: october, plan: examplePlanFile("d-body-paint-pieces"),
			rows:     map[string]int{TEmployees: 6, TIncidents: 2},
			warnings: []string{out("投诉与违规.csv", 1, october, "row 4"), out("喷漆计件.csv", 1, october, "row 65")}},
	}
	for _, c := range cases {
		t.Run(c.folder, func(t *testing.T) {
			dir := filepath.Join("..", "examples", filepath.FromSlash(c.folder))
			data, rep, err := Read(Options{Dir: dir, Month: c.month, Plan: c.plan})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, i := range rep.Issues {
				if i.Severity == Error {
					t.Errorf("error: %s", i)
				} else {
					got = append(got, i.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.warnings, "\n") {
				t.Errorf("warnings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(c.warnings, "\n  "))
			}
			for _, ti := range data.Tables {
				rs := data.Generic[ti.Table]
				if ti.Missing {
					continue
				}
				if len(rs.Rows) != ti.Rows-ti.OutsideMonth {
					t.Errorf("%s: %d generic rows, %d read, %d set aside", ti.Table, len(rs.Rows), ti.Rows, ti.OutsideMonth)
				}
				if n, ok := c.rows[ti.Table]; ok && n > 0 && len(rs.Rows) != n {
					t.Errorf("%s: %d generic rows, want %d", ti.Table, len(rs.Rows), n)
				}
			}
		})
	}
}

// examplePlanFile loads an example store's plan.
func examplePlanFile(store string) *plan.Plan {
	l, err := plan.LoadFile(filepath.Join("..", "examples", store, "plan.yaml"))
	if err != nil {
		panic(err)
	}
	return l.Plan
}
