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
			wantIssues(t, rep, c.want)
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
			wantIssues(t, rep, c.want)
		})
	}
}

// rowChecksPlan is a plan in the plan language with the row checks given (YAML, compiled by the loader).
func rowChecksPlan(t *testing.T, checks string) *plan.Plan {
	t.Helper()
	text := `version: 2
roles:
  - {name: advisor, aliases: [服务顾问]}
  - {name: tech, aliases: [机修工]}
bases:
  - {name: sales, from: accessory_sales, sum: paid_amount, by: seller_id}
schemes:
  - {name: own, label: 个人奖, roles: [advisor], base: sales, rate: 0.01}
checks:
` + checks
	l, err := plan.Parse("t.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return l.Plan
}

// Under version 2 the plan's row checks report each kept row for which the condition holds, in reading
// order, at the check's column: the named min_discount message with the legacy text and ratio, or a text
// with the row's values; as a warning or an input error.
func TestReadLanguageRowChecks(t *testing.T) {
	discount := `  - table: accessory_sales
    when: seller_dept == "aftersales" && category != "generic" && list_amount > 0 && paid_amount <= list_amount * 0.75
    column: paid_amount
    warning: min_discount
    ratio: {of: paid_amount, to: list_amount, min: 0.75}
`
	long := `  - {table: labor_hours, when: hours > 3, column: hours, error: "一行 {hours} 小时（工单 {ro_no}，{date}）"}
`
	ratio := `  - {table: accessory_sales, when: paid_amount < list_amount, column: list_amount, warning: "{doc_no} 按 {ratio} 售出（{min}）", ratio: {of: paid_amount, to: list_amount, min: 0.5}}
`
	sales := "单据号,销售日期,销售人工号,销售部门,类别,标价金额,实收金额\n" +
		"S1,2026-10-05,A01,售后,精品,100,75\n" + // row 2: at 75%
		"S2,2026-10-05,A01,售后,精品,100,76\n" + // row 3
		"S3,2026-10-06,A01,售后,通用,100,50\n" + // row 4: generic
		"S4,2026-10-06,A01,销售部,精品,100,50\n" + // row 5: sales
		"S5,2026-10-07,A01,售后,养护品,300,200\n" // row 6: 66.67%
	cases := []struct {
		name, checks string
		want         []string
	}{
		{"the 75% discount", discount, []string{
			iss("精品销售.csv row 2, column 实收金额 (G2)", msg.ChkMinDiscount, "75%", "75%"),
			iss("精品销售.csv row 6, column 实收金额 (G6)", msg.ChkMinDiscount, "66.67%", "75%")}},
		{"a text message, an error", long, []string{
			"工时明细.csv row 3, column 工时 (D3): 一行 3.5 小时（工单 RO2，2026-10-13）"}},
		{"the ratio in a text", ratio, []string{
			"精品销售.csv row 2, column 标价金额 (F2): S1 按 75% 售出（50%）",
			"精品销售.csv row 3, column 标价金额 (F3): S2 按 76% 售出（50%）",
			"精品销售.csv row 4, column 标价金额 (F4): S3 按 50% 售出（50%）",
			"精品销售.csv row 5, column 标价金额 (F5): S4 按 50% 售出（50%）",
			"精品销售.csv row 6, column 标价金额 (F6): S5 按 66.67% 售出（50%）"}},
		{"no row holds", "  - {table: labor_hours, when: hours > 30, column: hours, warning: 太长}\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder{
				"员工名册.csv": "工号,姓名,岗位,基本工资,试用期\nA01,李明,服务顾问,3000,否\nB02,黄伟,机修工,3200,否\n",
				"工时明细.csv": "工单号,技师工号,日期,工时\nRO1,B02,2026-10-12,3\nRO2,B02,2026-10-13,3.5\n",
				"精品销售.csv": sales,
			}
			f.write(t, dir)
			_, rep := readPlan(t, dir, rowChecksPlan(t, c.checks))
			wantIssues(t, rep, c.want)
		})
	}
}

// wantIssues compares a read's issues, in order, with the wanted ones.
func wantIssues(t *testing.T, rep *Report, want []string) {
	t.Helper()
	var got []string
	for _, is := range rep.Issues {
		got = append(got, is.String())
	}
	if len(got) != len(want) {
		t.Fatalf("issues:%s\nwant:%q", issueLines(rep), want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("issue %d: %s\nwant:      %s", i, got[i], want[i])
		}
	}
}
