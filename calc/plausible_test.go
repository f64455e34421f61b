package calc

import (
	"slices"
	"strings"
	"testing"

	"payout/importers"
	"payout/model"
	"payout/plan"
)

// implausible returns the implausible-pay warnings of a result.
func implausible(r *Result) []Warning {
	var out []Warning
	for _, w := range r.Warnings {
		if strings.Contains(w.Message, "is implausible") {
			out = append(out, w)
		}
	}
	return out
}

// TestImplausiblePay: a total above plausible_pay.max_total (1000000 in the default plan) or above
// max_base_multiple (20) × the base salary is warned about, naming the employee, the amount and the
// threshold, at the employee's roster row; exactly at a threshold is not; a base salary of 0 is checked
// against max_total only. The total is base salary + a bonus adjustment (no fund is withheld from it).
func TestImplausiblePay(t *testing.T) {
	const suffix = "; check the inputs and the plan"
	cases := []struct {
		name, base, bonus string
		plan              *plan.Plan
		want              string // "" = no warning
	}{
		{"at 20 × base", "3000.00", "57000.00", nil, ""},
		{"over 20 × base", "3000.00", "57000.01", nil,
			"E1 (name-E1): a total pay of 60000.01 for the month is implausible: more than plausible_pay.max_base_multiple 20 × the base salary 3000.00 (60000.00)" + suffix},
		{"at max_total", "60000.00", "940000.00", nil, ""},
		{"over max_total", "60000.00", "940000.01", nil,
			"E1 (name-E1): a total pay of 1000000.01 for the month is implausible: above plausible_pay.max_total 1000000.00" + suffix},
		{"over both", "3000.00", "2000000.00", nil,
			"E1 (name-E1): a total pay of 2003000.00 for the month is implausible: above plausible_pay.max_total 1000000.00; more than plausible_pay.max_base_multiple 20 × the base salary 3000.00 (60000.00)" + suffix},
		{"base 0, commission only", "0.00", "999999.99", nil, ""},
		{"base 0, at max_total", "0.00", "1000000.00", nil, ""},
		{"base 0, over max_total", "0.00", "1000000.01", nil,
			"E1 (name-E1): a total pay of 1000000.01 for the month is implausible: above plausible_pay.max_total 1000000.00" + suffix},
		{"no commission", "3000.00", "0", nil, ""},
		{"the plan's max_total", "3000.00", "2000.01", customPlan(t, edit{"plausible_pay:", "max_total: 1000000", "max_total: 5000"}),
			"E1 (name-E1): a total pay of 5000.01 for the month is implausible: above plausible_pay.max_total 5000.00" + suffix},
		{"the plan's multiple", "3000.00", "1500.01", customPlan(t, edit{"plausible_pay:", "max_base_multiple: 20", "max_base_multiple: 1.5"}),
			"E1 (name-E1): a total pay of 4500.01 for the month is implausible: more than plausible_pay.max_base_multiple 1.5 × the base salary 3000.00 (4500.00)" + suffix},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.plan
			if p == nil {
				p = defaultPlan()
			}
			b := newMonth()
			b.emp("E1", "settlement_clerk", salary(c.base))
			b.emp("E2", "settlement_clerk")
			if c.bonus != "0" {
				b.adjust("E1", plan.AdjBonus, "", c.bonus)
			}
			r := Compute(&b.d, p)
			ws := implausible(r)
			if c.want == "" {
				if len(ws) > 0 {
					t.Fatalf("warnings %v, want none", ws)
				}
				return
			}
			if len(ws) != 1 || ws[0].Message != c.want {
				t.Fatalf("warnings %v\nwant one: %s", ws, c.want)
			}
			if !slices.Equal(ws[0].Sources, []model.Source{b.d.Employees[0].Src}) {
				t.Errorf("sources %v, want the roster row %v", ws[0].Sources, b.d.Employees[0].Src)
			}
		})
	}
}

// TestSampleMonthPlausible: the sample month's pay is plausible (its highest total is 3.5 × the base salary).
func TestSampleMonthPlausible(t *testing.T) {
	m, _ := model.ParseMonth("2026-10")
	p := defaultPlan()
	data, rep, err := importers.Read(importers.Options{Dir: "../sample-data/2026-10", Month: m, Plan: p})
	if err != nil || rep.HasErrors() {
		t.Fatalf("%v %v", err, rep.Sorted())
	}
	if ws := implausible(Compute(data, p)); len(ws) > 0 {
		t.Fatalf("implausible pay in the sample month: %v", ws)
	}
}
