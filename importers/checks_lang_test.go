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
