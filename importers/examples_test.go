package importers

import (
	"path/filepath"
	"strings"
	"testing"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// The example stores' months (testdata/examples, copied from the stores' folders as they are: b's labour
// hours are a GB18030 export) read without an error with plans built from their 方案.md: their own tables
// (考核, 考勤, 费用, 喷漆计件), their columns (保费, 班组, 个人系数, 工时费, 工时类别, 返工), their teams and
// their enumeration values (PDS, 安全事故).

func basesFrom(tables ...string) []plan.Base {
	var out []plan.Base
	for _, t := range tables {
		out = append(out, plan.Base{Name: ref(t + "_rows"), From: ref(t), Count: true})
	}
	return out
}

func examplePlan(p *plan.Plan) *plan.Plan {
	p.Version = plan.Version2
	p.Prepare()
	return p
}

// planA: an advisors' store (its own assessment table, the renewals' premium, PDS orders).
func planA() *plan.Plan {
	return examplePlan(&plan.Plan{
		Name:  "示例店A",
		Roles: []plan.Named{named("advisor", "服务顾问"), named("front_lead", "前台主管"), named("renewal_agent", "续保专员")},
		Columns: []plan.ExtraColumns{{Table: ref(TRenewals), Columns: []plan.Column{
			pcol("premium", "amount", aliases("保费"), "req", "min=0"),
		}}},
		Tables: []plan.Table{{Name: ref("assessment"), Aliases: refs("考核"), Key: refs("emp_id"), Columns: []plan.Column{
			pcol("emp_id", "employee", aliases("工号"), "req"),
			pcol("kpi", "number", aliases("KPI得分"), "req", "min=0", "max=120"),
			pcol("satisfaction", "number", aliases("满意度"), "min=0", "max=100"),
		}}},
		Vocabulary: plan.Vocabulary{Enums: []plan.VocabEnum{venum(plan.VocabROTypes, []string{"pds", "PDS"})}},
		Bases:      basesFrom(TRepairOrders, "assessment", TIncidents, TRenewals),
	})
}

// planB: workshop teams (team and coefficient on the roster, fee, category and rework on the hours,
// attendance, team targets).
func planB() *plan.Plan {
	return examplePlan(&plan.Plan{
		Name:  "示例店B",
		Roles: []plan.Named{named("lead", "机修组长"), named("mechanic", "机修工")},
		Columns: []plan.ExtraColumns{
			{Table: ref(TEmployees), Columns: []plan.Column{
				pcol("team", "text", aliases("班组"), "req"),
				pcol("coefficient", "number", aliases("个人系数"), "req", "min=0"),
			}},
			{Table: ref(TLaborHours), Columns: []plan.Column{
				pcol("labor_fee", "amount", aliases("工时费"), "req"),
				pcol("labor_kind", "enum", aliases("工时类别"), "req", "enum=labor_kinds"),
				pcol("rework", "bool", aliases("返工"), "default=否"),
			}},
		},
		Tables: []plan.Table{{Name: ref("attendance"), Aliases: refs("考勤"), Key: refs("emp_id"), Required: true, Columns: []plan.Column{
			pcol("emp_id", "employee", aliases("工号"), "req"),
			pcol("due_days", "number", aliases("应出勤天数"), "req", "min=0"),
			pcol("worked_days", "number", aliases("出勤天数"), "req", "min=0"),
		}}},
		Teams:   &plan.Teams{Column: ref("team")},
		Metrics: []plan.Metric{{Name: ref("orders"), Aliases: refs("台次"), Scope: ref("team")}, {Name: ref("revenue"), Aliases: refs("营业额"), Scope: ref("team")}},
		Vocabulary: plan.Vocabulary{Enums: []plan.VocabEnum{
			venum("labor_kinds", []string{"normal", "正常"}, []string{"warranty", "保修"}, []string{"internal", "内部"}),
		}},
		Bases: basesFrom(TLaborHours, "attendance"),
	})
}

// planC: a profit pool (its expenses and assessment tables).
func planC() *plan.Plan {
	return examplePlan(&plan.Plan{
		Name: "示例店C",
		Roles: []plan.Named{named("manager", "售后经理"), named("advisor", "服务顾问"), named("mechanic", "机修工"),
			named("parts", "备件专员"), named("cashier", "结算员")},
		Tables: []plan.Table{
			{Name: ref("expenses"), Aliases: refs("费用"), Dated: ref("date"), Columns: []plan.Column{
				pcol("date", "date", aliases("日期"), "req"),
				pcol("item", "text", aliases("项目")),
				pcol("category", "enum", aliases("类别"), "req", "enum=expense_categories"),
				pcol("amount", "amount", aliases("金额"), "req"),
			}},
			{Name: ref("assessment"), Aliases: refs("考核"), Key: refs("emp_id"), Columns: []plan.Column{
				pcol("emp_id", "employee", aliases("工号"), "req"),
				pcol("score", "number", aliases("考核得分"), "req", "min=0", "max=100"),
			}},
		},
		Vocabulary: plan.Vocabulary{Enums: []plan.VocabEnum{
			venum("expense_categories", []string{"claim_cost", "索赔成本"}, []string{"controllable", "可控费用"}, []string{"other", "其他"}),
		}},
		Bases: basesFrom(TRepairOrders, "expenses", "assessment"),
	})
}

// planD: a body and paint shop (its piece table, teams, the safety incident).
func planD() *plan.Plan {
	return examplePlan(&plan.Plan{
		Name:  "示例店D",
		Roles: []plan.Named{named("body_lead", "钣喷组长"), named("painter", "油漆工"), named("panel_beater", "钣金工")},
		Columns: []plan.ExtraColumns{{Table: ref(TEmployees), Columns: []plan.Column{
			pcol("team", "text", aliases("班组"), "req"),
		}}},
		Tables: []plan.Table{{Name: ref("paint_pieces"), Aliases: refs("喷漆计件"), Dated: ref("date"), Columns: []plan.Column{
			pcol("date", "date", aliases("日期"), "req"),
			pcol("ro_no", "id", aliases("工单号")),
			pcol("emp_id", "employee", aliases("工号"), "req"),
			pcol("item", "enum", aliases("项目"), "req", "enum=paint_items"),
			pcol("count", "number", aliases("件数"), "req", "min=0"),
			pcol("rework", "bool", aliases("返工"), "default=否"),
		}}},
		Teams: &plan.Teams{Column: ref("team")},
		Vocabulary: plan.Vocabulary{Enums: []plan.VocabEnum{
			venum("paint_items", []string{"panel", "整板"}, []string{"small", "小件"}, []string{"full", "全车"},
				[]string{"polish", "抛光"}, []string{"full_polish", "全车抛光"}),
			venum(plan.VocabIncidentKinds, []string{"safety", "安全事故"}),
		}},
		Bases: basesFrom("paint_pieces", TLaborHours, TIncidents),
	})
}

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
		{folder: "a-advisor-own-output/2026-10", month: october, plan: planA(),
			rows: map[string]int{TEmployees: 6, "assessment": 6, TIncidents: 3, TRenewals: 7},
			warnings: []string{out("维修工单.csv", 3, october, "rows 31, 107, 109"), out("续保.csv", 1, october, "row 9"),
				out("投诉与违规.csv", 1, october, "row 5")}},
		{folder: "b-workshop-teams/2026-10", month: october, plan: planB(),
			rows:     map[string]int{TEmployees: 7, TTargets: 4, "attendance": 7},
			warnings: []string{out("工时明细.csv", 2, october, "rows 87, 123")}},
		{folder: "c-profit-pool/2026-10", month: october, plan: planC(),
			rows:     map[string]int{TEmployees: 8, "assessment": 7, "expenses": 4},
			warnings: []string{out("维修工单.csv", 1, october, "row 142"), out("费用.csv", 1, october, "row 6")}},
		{folder: "c-profit-pool/2026-11", month: nov, plan: planC(),
			rows:     map[string]int{TEmployees: 8},
			warnings: []string{out("维修工单.csv", 1, nov, "row 26"), out("费用.csv", 1, nov, "row 4")}},
		{folder: "d-body-paint-pieces/2026-10", month: october, plan: planD(),
			rows:     map[string]int{TEmployees: 6, TIncidents: 2},
			warnings: []string{out("投诉与违规.csv", 1, october, "row 4"), out("喷漆计件.csv", 1, october, "row 65")}},
	}
	for _, c := range cases {
		t.Run(c.folder, func(t *testing.T) {
			dir := filepath.Join("testdata", "examples", filepath.FromSlash(c.folder))
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
