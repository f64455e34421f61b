package importers

import (
	"strings"
	"testing"

	"payout/internal/msg"
	"payout/plan"
)

// poolsPlan is langPlan with a metric of scope pool and a store pool scheme with a label and aliases.
func poolsPlan() *plan.Plan {
	p := langPlan()
	p.Metrics = append(p.Metrics, plan.Metric{Name: ref("pool_output"), Aliases: refs("产值"), Scope: ref("pool")})
	p.Schemes = []plan.Scheme{
		{Name: ref("workshop"), Label: ref("车间组"), Aliases: refs("车间", "维修组"), Roles: refs("tech", "lead"), Pool: ref("store"),
			Split: &plan.Split{Adjustable: true, Coefficients: []plan.RoleCoefficient{{Role: ref("tech"), Coefficient: plan.D("1")}, {Role: ref("lead"), Coefficient: plan.D("1.5")}}}},
		{Name: ref("front"), Label: ref("前台组"), Roles: refs("advisor"), Pool: ref("store"), Split: &plan.Split{}},
		{Name: ref("own"), Label: ref("个人奖"), Roles: refs("advisor")},
	}
	p.Adjustments.CoefficientApprovers = refs("lead")
	p.Prepare()
	return p
}

// Under version 2 a target's 范围 of a pool metric, and an adjustment's 奖金池, name a store pool scheme by
// name, label or alias (folded), read as the scheme's name; anything else is an error at the cell.
func TestReadLanguagePlanPoolNames(t *testing.T) {
	dir := t.TempDir()
	f := langFolder()
	f.add("目标.csv", "产值,車間,5000")
	f.add("目标.csv", "产值,WORKSHOP,6000")
	f["调整.csv"] = "工号,类型,奖金池,数值,原因,审批人\nB02,系数,维修组,1.2,表现好,B01\n"
	f.write(t, dir)
	data, rep := readPlan(t, dir, poolsPlan())
	if len(rep.Issues) != 1 || rep.Issues[0].String() != iss("目标.csv row 6, column 范围 (B6)", msg.ValDuplicate, "metric / scope", "pool_output / workshop", 5) {
		t.Errorf("issues:%s", issueLines(rep))
	}
	var got []string
	for _, tg := range data.Targets {
		got = append(got, tg.Metric+"/"+tg.Scope)
	}
	if g, w := strings.Join(got, " "), "orders/一组 own_output/A01 store_profit/全店 pool_output/workshop pool_output/workshop"; g != w {
		t.Errorf("targets %s, want %s", g, w)
	}
	if len(data.Adjustments) != 1 || data.Adjustments[0].Pool != "workshop" {
		t.Errorf("adjustments %+v, want pool workshop", data.Adjustments)
	}

	cases := []struct{ file, line, want string }{
		{"目标.csv", "产值,个人奖,70", iss("目标.csv row 5, column 范围 (B5)", msg.ValScopeNotPool, "个人奖", "pool_output")},
		{"调整.csv", "B02,系数,厨房组,1.2,表现好,B01", iss("调整.csv row 2, column 奖金池 (C2)", msg.ValUnknownPool, "厨房组")},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			f["调整.csv"] = "工号,类型,奖金池,数值,原因,审批人\n"
			f.add(c.file, c.line)
			f.write(t, dir)
			_, rep := readPlan(t, dir, poolsPlan())
			if len(rep.Issues) != 1 || rep.Issues[0].String() != c.want {
				t.Errorf("issues:%s\nwant the error: %s", issueLines(rep), c.want)
			}
		})
	}
}

// Under version 2 a coefficient change names a pool whose split is adjustable, an employee of a role the
// pool pays, and is approved by a coefficient approver; a probation employee's change is warned about.
func TestReadLanguagePlanCoefficientChanges(t *testing.T) {
	cases := []struct{ line, want string }{
		{"B02,系数,前台组,1.2,表现好,B01", iss("调整.csv row 2, column 奖金池 (C2)", msg.ValPoolNotAdjustable, "front")},
		{"A01,系数,车间组,1.2,表现好,B01", iss("调整.csv row 2, column 奖金池 (C2)", msg.ValRoleNotInPool, "A01", "服务顾问", "workshop")},
		{"B03,系数,车间组,1.2,表现好,B01", iss("调整.csv row 2, column 工号 (A2)", msg.ValProbationAdjust, "B03")},
		{"B02,系数,车间组,1.2,表现好,B02", iss("调整.csv row 2, column 审批人 (F2)", msg.ValNotStationMgr, "机修组长", "B02", "机修工")},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			f["调整.csv"] = "工号,类型,奖金池,数值,原因,审批人\n" + c.line + "\n"
			f.write(t, dir)
			_, rep := readPlan(t, dir, poolsPlan())
			if len(rep.Issues) != 1 || rep.Issues[0].String() != c.want {
				t.Errorf("issues:%s\nwant: %s", issueLines(rep), c.want)
			}
		})
	}
}
