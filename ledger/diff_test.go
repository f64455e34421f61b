package ledger

import (
	"fmt"
	"strings"
	"testing"

	"payout/calc"
	"payout/model"
)

func line(scheme, gross, ded, fund, net string) calc.DocLine {
	return calc.DocLine{Scheme: scheme, Gross: gross, Deduction: ded, Fund: fund, Net: net}
}

func emp(id, name, base, total string, lines ...calc.DocLine) calc.DocEmployee {
	return calc.DocEmployee{ID: id, Name: name, BaseSalary: base, Total: total, Lines: lines}
}

func mkStep(rule, employee, pool, result string, inputs ...string) calc.Step {
	s := calc.Step{Rule: rule, Employee: employee, Pool: pool, Result: result}
	for i, v := range inputs {
		s.Inputs = append(s.Inputs, calc.KV{Name: fmt.Sprintf("in%d", i), Value: v})
	}
	return s
}

func pools(kv ...string) calc.DocPools {
	p := calc.DocPools{Pools: map[string]calc.DocPool{}}
	for i := 0; i < len(kv); i += 2 {
		p.Names = append(p.Names, kv[i])
		p.Pools[kv[i]] = calc.DocPool{Amount: kv[i+1]}
	}
	return p
}

// diffText renders a diff one change a line.
func diffText(d *Diff) string {
	var b strings.Builder
	for _, c := range d.Causes {
		fmt.Fprintf(&b, "cause %s\n", c)
	}
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "%s %s %s.%s %s→%s %s", c.EmployeeID, c.Name, c.Scheme, c.Field, c.Old, c.New, c.Delta)
		if len(c.Causes) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(c.Causes, "; "))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "total %s\n", d.TotalDelta)
	return b.String()
}

func TestCompare(t *testing.T) {
	old := &Snapshot{Label: "old",
		Doc: calc.Document{Month: "2026-10", Pools: pools("advisor", "1000.00"), Employees: []calc.DocEmployee{
			emp("A1", "张伟", "3000.00", "3190.00", line("advisor", "200.00", "0.00", "10.00", "190.00")),
			emp("A2", "李娜", "2000.00", "2057.00", line("accessory", "60.00", "0.00", "3.00", "57.00"), line("renewal", "0.00", "0.00", "0.00", "0.00")),
			emp("A3", "王强", "2500.00", "2500.00"),
			emp("A9", "离职", "1000.00", "1000.00"),
		}},
		Inputs: []model.InputFile{{Name: "维修工单.xlsx", SHA256: "aa"}, {Name: "精品销售.csv", SHA256: "bb"}, {Name: "旧表.csv", SHA256: "cc"}},
		Steps: []calc.Step{
			mkStep("figure.repair_output", "", "", "100000.00"),
			mkStep("pool.amount", "", "advisor", "1000.00"),
			mkStep("pool.share", "A1", "advisor", "200.00"),
			mkStep("accessory.pool_seller", "A2", "", "10.00", "JP1"),
			mkStep("accessory.pool_seller", "A2", "", "20.00", "JP2"),
			mkStep("accessory.pool_seller", "A2", "", "30.00", "JP3"),
			mkStep("fund.accessory", "A2", "", "3.00"),
			mkStep("total", "A2", "", "2057.00"),
		}}
	nw := &Snapshot{Label: "new",
		Doc: calc.Document{Month: "2026-10", Pools: pools("advisor", "1100.00"), Employees: []calc.DocEmployee{
			emp("A1", "张伟", "3000.00", "3199.50", line("advisor", "210.00", "0.00", "10.50", "199.50")),
			emp("A2", "李娜", "2000.00", "2061.75", line("accessory", "65.00", "0.00", "3.25", "61.75"), line("renewal", "0.00", "0.00", "0.00", "0.00")),
			emp("A3", "王强", "2600.00", "2600.00"),
			emp("A4", "新人", "1500.00", "1500.00"),
		}},
		Inputs: []model.InputFile{{Name: "维修工单.xlsx", SHA256: "a2"}, {Name: "精品销售.csv", SHA256: "bb"}},
		Steps: []calc.Step{
			mkStep("figure.repair_output", "", "", "110000.00"),
			mkStep("pool.amount", "", "advisor", "1100.00"),
			mkStep("pool.share", "A1", "advisor", "210.00"),
			mkStep("accessory.pool_seller", "A2", "", "10.00", "JP1"),
			mkStep("accessory.pool_seller", "A2", "", "5.00", "JPX"), // a row inserted: one step added
			mkStep("accessory.pool_seller", "A2", "", "20.00", "JP2"),
			mkStep("accessory.pool_seller", "A2", "", "30.00", "JP3"),
			mkStep("fund.accessory", "A2", "", "3.25"),
			mkStep("total", "A2", "", "2061.75"),
		}}
	want := "cause input files changed: 维修工单.xlsx, 旧表.csv\n" +
		"cause figure.repair_output: 100000.00 → 110000.00\n" +
		"cause pool.amount [advisor]: 1000.00 → 1100.00\n" +
		"A1 张伟 advisor.gross 200.00→210.00 10.00 [pool advisor: 1000.00 → 1100.00; pool.share [advisor]: 200.00 → 210.00]\n" +
		"A1 张伟 advisor.fund 10.00→10.50 0.50 [pool advisor: 1000.00 → 1100.00; pool.share [advisor]: 200.00 → 210.00]\n" +
		"A1 张伟 advisor.net 190.00→199.50 9.50 [pool advisor: 1000.00 → 1100.00; pool.share [advisor]: 200.00 → 210.00]\n" +
		"A1 张伟 total.amount 3190.00→3199.50 9.50\n" +
		"A2 李娜 accessory.gross 60.00→65.00 5.00 [accessory.pool_seller JPX: — → 5.00; fund.accessory: 3.00 → 3.25]\n" +
		"A2 李娜 accessory.fund 3.00→3.25 0.25 [accessory.pool_seller JPX: — → 5.00; fund.accessory: 3.00 → 3.25]\n" +
		"A2 李娜 accessory.net 57.00→61.75 4.75 [accessory.pool_seller JPX: — → 5.00; fund.accessory: 3.00 → 3.25]\n" +
		"A2 李娜 total.amount 2057.00→2061.75 4.75\n" +
		"A3 王强 base_salary.amount 2500.00→2600.00 100.00\n" +
		"A3 王强 total.amount 2500.00→2600.00 100.00\n" +
		"A4 新人 total.amount 0.00→1500.00 1500.00 [new employee]\n" +
		"A9 离职 total.amount 1000.00→0.00 -1000.00 [employee removed]\n" +
		"total 614.25\n"
	if got := diffText(Compare(old, nw)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := diffText(Compare(old, old)); got != "total 0.00\n" {
		t.Errorf("a result compared with itself:\n%s", got)
	}
}

// A changed row of many: one pair of old and new, named by its first input; an input that leaves the result
// as it was is no cause.
func TestDiffStepsPairsChangedRows(t *testing.T) {
	old := []calc.Step{mkStep("r", "A1", "", "1.00", "X1"), mkStep("r", "A1", "", "2.00", "X2"), mkStep("r", "A1", "", "3.00", "X3"), mkStep("q", "A1", "", "7.00", "a")}
	nw := []calc.Step{mkStep("r", "A1", "", "1.00", "X1"), mkStep("r", "A1", "", "2.50", "X2"), mkStep("q", "A1", "", "7.00", "b")}
	var got []string
	for _, c := range diffSteps(old, nw) {
		got = append(got, stepCause(c))
	}
	want := "r X2: 2.00 → 2.50|r X3: 3.00 → —"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// Causes are capped per line.
func TestLineCausesCapped(t *testing.T) {
	var old, nw []calc.Step
	for i := range 9 {
		old = append(old, mkStep(fmt.Sprintf("r%d", i), "A1", "", "1.00"))
		nw = append(nw, mkStep(fmt.Sprintf("r%d", i), "A1", "", "2.00"))
	}
	got := lineCauses("A1", "hours", diffSteps(old, nw), calc.Document{}, calc.Document{})
	if len(got) != maxCauses+1 || got[maxCauses] != "…" || got[0] != "r0: 1.00 → 2.00" {
		t.Errorf("%q", got)
	}
}

// TestCompareLanguagePlan: for a plan in the plan language, a team's and the store's bases and a pool's
// amount are month-wide causes (each team apart), and a change names its line as the result does.
func TestCompareLanguagePlan(t *testing.T) {
	team := func(rule, team, result string) calc.Step {
		return calc.Step{Rule: rule, Team: team, Result: result}
	}
	lbl := func(l calc.DocLine, label string) calc.DocLine { l.Label = label; return l }
	old := &Snapshot{Label: "old", Doc: calc.Document{Month: "2026-10", PayoutTotal: "200.00", Employees: []calc.DocEmployee{
		emp("B01", "刘刚", "100.00", "200.00", lbl(line("team_performance", "100.00", "0.00", "0.00", "100.00"), "班组绩效"))}},
		Steps: []calc.Step{team("base.team_fee", "一组", "1000"), team("base.team_fee", "二组", "500"),
			mkStep("scheme.team_performance.amount", "", "team_performance/一组", "100.00"), mkStep("base.store_fee", "", "", "1500")}}
	nw := &Snapshot{Label: "new", Doc: calc.Document{Month: "2026-10", PayoutTotal: "210.00", Employees: []calc.DocEmployee{
		emp("B01", "刘刚", "100.00", "210.00", lbl(line("team_performance", "110.00", "0.00", "0.00", "110.00"), "班组绩效"))}},
		Steps: []calc.Step{team("base.team_fee", "一组", "1100"), team("base.team_fee", "二组", "500"),
			mkStep("scheme.team_performance.amount", "", "team_performance/一组", "110.00"), mkStep("base.store_fee", "", "", "1600")}}
	d := Compare(old, nw)
	want := []string{"payout_total: 200.00 → 210.00", "base.team_fee [一组]: 1000 → 1100",
		"scheme.team_performance.amount [team_performance/一组]: 100.00 → 110.00", "base.store_fee: 1500 → 1600"}
	if strings.Join(d.Causes, "\n") != strings.Join(want, "\n") {
		t.Fatalf("causes:\n%s\nwant:\n%s", strings.Join(d.Causes, "\n"), strings.Join(want, "\n"))
	}
	if len(d.Changes) == 0 || d.Changes[0].Label != "班组绩效" {
		t.Fatalf("changes: %+v", d.Changes)
	}
}
