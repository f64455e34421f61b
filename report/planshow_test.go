package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"payout/internal/golden"
	"payout/plan"
)

// The four example stores' plans read out in Chinese (plan show): each golden is checked by a person against
// the store's 方案.md beside its plan.
func TestPlanTextExamples(t *testing.T) {
	for _, ex := range []string{"a-advisor-own-output", "b-workshop-teams", "c-profit-pool", "d-body-paint-pieces"} {
		t.Run(ex, func(t *testing.T) {
			p, err := plan.LoadFile(filepath.Join("..", "examples", ex, "plan.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := PlanText(&b, p); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "planshow-"+ex[:1]+".golden", b.Bytes())
		})
	}
}

// TestPlanTextConstructs reads out the testdata plans of the constructs the example stores do not use:
// constructs (whole and lower-inclusive tiers, tiers on a count, a formula amount, equal and weighted
// splits, then, quota on another base, gates with an amount, percentage deductions, negate, steps, totals
// without probation, achievements of an employee and of the store, every operator and function of
// expressions, added names of a built-in value), teams (master teams, apprentice shares, rates by role, tier
// reductions and warnings), terms (achievement options, pool terms) and checks (the bases' input checks and
// the row checks).
func TestPlanTextConstructs(t *testing.T) {
	for _, name := range []string{"constructs", "teams", "terms", "checks"} {
		t.Run(name, func(t *testing.T) {
			p, err := plan.LoadFile(filepath.Join("testdata", "planshow-"+name+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := PlanText(&b, p); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "planshow-"+name+".golden", b.Bytes())
		})
	}
}

func TestPlanTextVersion1(t *testing.T) {
	var b bytes.Buffer
	err := PlanText(&b, plan.Default())
	if err == nil || err.Error() != "default.yaml is not written in the plan language (version 2)" || b.Len() > 0 {
		t.Fatalf("got %v and %q", err, b.String())
	}
}

// FuzzPlanText: any plan in the plan language that loads is read out without a panic, and the same way twice.
func FuzzPlanText(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*", "plan.yaml"))
	if err != nil || len(paths) != 4 {
		f.Fatalf("the example plans: %d files (%v), want 4", len(paths), err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := plan.Parse("fuzz.yaml", b)
		if err != nil || !p.IsLanguage() {
			return
		}
		var one, two bytes.Buffer
		if err := PlanText(&one, p); err != nil {
			t.Fatal(err)
		}
		if err := PlanText(&two, p); err != nil || one.String() != two.String() {
			t.Fatalf("read twice, differently: %v", err)
		}
	})
}

// exprText reads expressions in Chinese, columns and values by their names, numbers as written.
func TestExprText(t *testing.T) {
	p, err := plan.LoadFile(filepath.Join("testdata", "planshow-constructs.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ros, inc := p.TableOf("repair_orders"), p.TableOf("incidents")
	cases := []struct {
		name string
		t    *plan.Table
		src  string
		want string
	}{
		{"enum equality", inc, `kind == "complaint" && verified`, "「类型」为 客户投诉 且 「属实」为是"},
		{"enum inequality, value first", inc, `"safety" != kind`, "「类型」不为 安全事故"},
		{"bool is false", inc, `verified == false || !verified`, "「属实」为否 或 「属实」为否"},
		{"in and not in", ros, `type in ["accident"] and type not in ["customer"]`, "「维修类型」为 事故/事故车/保险 之一 且 「维修类型」不为 保养/定保/小修/一般维修/普通维修/机修/钣喷/定期保养 中的任何一个"},
		{"an unknown enum value in quotes", ros, `type == "nope"`, "「维修类型」为 “nope”"},
		{"text column", inc, `note == "x"`, "「说明」为 “x”"},
		{"numbers as written", ros, `paid_amount >= 3_000.50 && self_pay <= 0.0010`, "「实收金额」 ≥ 3000.50 且 「车主自付」 ≤ 0.0010"},
		{"grouping", ros, `(paid_amount - (self_pay - 1)) * 2 / -gross_profit`, "(「实收金额」 − (「车主自付」 − 1)) × 2 ÷ −「毛利」"},
		{"present and its negation", ros, `!present(settled_date) && present(paid_amount)`, "「结算日期」为空 且 「实收金额」不为空"},
		{"or inside and, and inside or", ros, `(in_month(settled_date) || paid_amount > 0) && (paid_amount < 1 && self_pay < 1 || true)`, "(「结算日期」在本月 或 「实收金额」 > 0) 且 ((「实收金额」 < 1 且 「车主自付」 < 1) 或 是)"},
		{"not of a comparison", ros, `not (paid_amount == 0)`, "并非（「实收金额」 = 0）"},
		{"a function in arithmetic and in a comparison", nil, `min(score, 1) * 2 < round(score, 0)`, "(得分、1 中较小者) × 2 < (得分 四舍五入保留 0 位小数)"},
		{"dates", ros, `settled_date != date("2026-10-01")`, "「结算日期」 ≠ 2026-10-01"},
		{"bases by label", nil, `score > 90 ? own_rate : 1`, "（若 得分 > 90 则 个人完成率，否则 1）"},
		{"functions", nil, `max(min(own_rate, 1), abs(store_rate), round(score / 3, 2))`, "(个人完成率、1 中较小者)、|全店完成率|、(得分 ÷ 3 四舍五入保留 2 位小数) 中较大者"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := exprText(p.Plan, c.t, &plan.Expr{Src: c.src}); got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
