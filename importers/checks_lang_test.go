package importers

import (
	"testing"

	"payout/internal/msg"
	"payout/plan"
)

// checksPlan is langPlan with a per-person scheme of the technicians and the bases' checks of the cases.
func checksPlan(bases ...plan.Base) *plan.Plan {
	p := langPlan()
	p.Schemes = []plan.Scheme{{Name: ref("own"), Label: ref("个人奖"), Roles: refs("tech", "lead")}}
	p.Bases = append(p.Bases, bases...)
	p.Prepare()
	return p
}

// Under version 2 a base's expected_for warns of each employee the scheme pays (not on probation) without a
// row in the base's table, at the roster's 工号, in roster order; for 接待考核 with the legacy text.
func TestReadLanguageExpectedRows(t *testing.T) {
	kpi := plan.Base{Name: ref("kpi"), From: ref("assessment"), Sum: &plan.Expr{Src: "kpi"}, By: ref("emp_id"),
		BaseChecks: plan.BaseChecks{ExpectedFor: ref("own")}}
	score := plan.Base{Name: ref("score"), From: ref(TAdvisorScores), Sum: &plan.Expr{Src: "score"}, By: ref("emp_id"),
		BaseChecks: plan.BaseChecks{ExpectedFor: ref("own")}}
	cases := []struct {
		name  string
		base  plan.Base
		files map[string]string
		want  []string
	}{
		{"every paid member has a row", kpi, nil, nil},
		{"one without a row", kpi, map[string]string{"考核.csv": "工号,KPI得分\nB01,110\n"},
			[]string{iss("员工名册.csv row 3, column 工号 (A3)", msg.ChkNoExpectedRow, "B02", "黄伟", "个人奖", "考核")}},
		{"none has a row", kpi, map[string]string{"考核.csv": "工号,KPI得分\n"}, []string{
			iss("员工名册.csv row 2, column 工号 (A2)", msg.ChkNoExpectedRow, "B01", "刘刚", "个人奖", "考核"),
			iss("员工名册.csv row 3, column 工号 (A3)", msg.ChkNoExpectedRow, "B02", "黄伟", "个人奖", "考核")}},
		{"advisor scores: the legacy text", score, map[string]string{"接待考核.csv": "工号,考核分\nB01,98\n"},
			[]string{iss("员工名册.csv row 3, column 工号 (A3)", msg.ChkNoAdvisorScore, "B02", "黄伟")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			if c.base.From.Name == TAdvisorScores {
				f["接待考核.csv"] = ""
			}
			for k, v := range c.files {
				f[k] = v
			}
			f.write(t, dir)
			_, rep := readPlan(t, dir, checksPlan(c.base))
			var got []string
			for _, is := range rep.Issues {
				got = append(got, is.String())
			}
			if len(got) != len(c.want) {
				t.Fatalf("issues:%s\nwant:%q", issueLines(rep), c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("issue %d: %s\nwant:      %s", i, got[i], c.want[i])
				}
			}
		})
	}
}

// Under version 2 a base's rows_of_roles is an error at the first row of each employee of another role
// (with the count of its rows), at the base's employee cell; on a base per master team an apprentice of
// another role than its master is one too. The labour hours keep the legacy texts.
func TestReadLanguageRowsOfRoles(t *testing.T) {
	hours := plan.Base{Name: ref("hours"), From: ref(TLaborHours), Sum: &plan.Expr{Src: "hours"}, By: ref("tech_id"),
		BaseChecks: plan.BaseChecks{RowsOfRoles: refs("tech")}}
	pieces := plan.Base{Name: ref("pieces_by"), From: ref("pieces"), Count: true, By: ref("emp_id"),
		BaseChecks: plan.BaseChecks{RowsOfRoles: refs("tech", "advisor")}}
	team := plan.Base{Name: ref("team_hours"), Per: ref("team"), From: ref(TLaborHours), Sum: &plan.Expr{Src: "hours"}, By: ref("tech_id"),
		BaseChecks: plan.BaseChecks{RowsOfRoles: refs("tech", "lead")}}
	masterRoster := "工号,姓名,岗位,基本工资,试用期,师傅工号,徒弟分配比例\n" +
		"B01,刘刚,机修组长,4000,否,,\n" + // row 2
		"B02,黄伟,机修工,3200,否,B01,0.3\n" + // row 3
		"B03,吴涛,机修工,3000,是,,\n" + // row 4
		"A01,李明,服务顾问,3000,否,,\n" // row 5
	cases := []struct {
		name    string
		base    plan.Base
		masters bool
		files   map[string]string
		want    []string
	}{
		{"every row of the roles", hours, false, nil, nil},
		{"hours of another role: the legacy text", hours, false, map[string]string{"工时明细.csv": "工单号,技师工号,日期,工时,工时费\n" +
			"RO1,B02,2026-10-12,3.1,682.00\nRO2,A01,2026-10-13,2,400\nRO3,B01,2026-10-13,1,100\nRO4,A01,2026-10-14,1,100\n"}, []string{
			iss("工时明细.csv row 3, column 技师工号 (B3)", msg.ChkHoursRole, "A01", "服务顾问", 2),
			iss("工时明细.csv row 4, column 技师工号 (B4)", msg.ChkHoursRole, "B01", "机修组长", 1)}},
		{"rows of a declared table", pieces, false, nil,
			[]string{iss("喷漆计件.csv row 2, column 工号 (C2)", msg.ChkRowsOfRoles, "B01", "机修组长", "喷漆计件", "机修工 / 服务顾问", 1)}},
		{"an apprentice of another role than its master", team, true, map[string]string{"员工名册.csv": masterRoster, "目标.csv": "指标,范围,目标值\n"},
			[]string{iss("工时明细.csv row 2, column 技师工号 (B2)", msg.ChkApprenticeRole, "B02", "机修工", "B01", "机修组长")}},
		{"rows of the roles, by column teams", team, false, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			for k, v := range c.files {
				f[k] = v
			}
			f.write(t, dir)
			p := checksPlan(c.base)
			if c.masters {
				p.Teams = &plan.Teams{Master: ref(plan.MasterColumn)}
				p.Metrics = nil
				p.Prepare()
			}
			_, rep := readPlan(t, dir, p)
			var got []string
			for _, is := range rep.Issues {
				got = append(got, is.String())
			}
			if len(got) != len(c.want) {
				t.Fatalf("issues:%s\nwant:%q", issueLines(rep), c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("issue %d: %s\nwant:      %s", i, got[i], c.want[i])
				}
			}
		})
	}
}
