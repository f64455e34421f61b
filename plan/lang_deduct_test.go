package plan

import (
	"fmt"
	"strings"
	"testing"
)

// dedHead is a small plan whose scheme s takes the deductions of each case.
const dedHead = `version: 2
roles: [{name: a, aliases: [甲]}]
bases:
  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id}
  - {name: n, from: repair_orders, count: true, by: advisor_id}
  - {name: t, from: repair_orders, sum: paid_amount}
schemes:
  - name: s
    label: S
    roles: [a]
    base: x
    rate: 0.1
    deductions:
`

// TestDeductionErrors checks the errors of the deduction keys added by the plan language, exactly.
func TestDeductionErrors(t *testing.T) {
	cases := []struct{ name, deductions, want string }{
		{"part without a rate", "      - {reason: r, part: 0.6}",
			"d.yaml line 8: scheme s: a deduction is exactly one of each (with count), rates (with count), rate (with when), part (with rate), fines"},
		{"part with when", "      - {reason: r, part: 0.6, when: n > 1, rate: 0.1}",
			"d.yaml line 8: scheme s: a deduction is exactly one of each (with count), rates (with count), rate (with when), part (with rate), fines"},
		{"part above 1", "      - {reason: r, part: 1.5, rate: 0.1}",
			"d.yaml line 14: deductions.part must be between 0 and 1, got 1.5"},
		{"constant rate above 1", "      - {reason: r, part: 0.6, rate: 2}",
			"d.yaml line 14: deductions.rate must be between 0 and 1, got 2"},
		{"rate expression of a condition", "      - {reason: r, part: 0.6, rate: n > 1}",
			"d.yaml line 14: scheme s deduction rate: column 38: the expression gives bool, a figure must give a number"},
		{"rate expression with an unknown base", "      - {reason: r, part: 0.6, rate: nn / 100}",
			`d.yaml line 14: scheme s deduction rate: column 38: unknown name "nn" (did you mean "n"?)`},
		{"reason with an unknown name", `      - {reason: "扣 {nx} 次", count: n, each: 1}`,
			`d.yaml line 8: scheme s: the deduction reason names {nx}, which is not a base, rate or items (reason "扣 {nx} 次")`},
		{"reason with an unmatched brace", `      - {reason: "扣 {n 次", count: n, each: 1}`,
			`d.yaml line 8: scheme s: the deduction reason "扣 {n 次" has an unmatched brace (write {{ or }} for a brace itself)`},
		{"reason with a closing brace alone", `      - {reason: "扣 n} 次", count: n, each: 1}`,
			`d.yaml line 8: scheme s: the deduction reason "扣 n} 次" has an unmatched brace (write {{ or }} for a brace itself)`},
		{"reason shows the rate of a deduction per unit", `      - {reason: "扣 {rate}", count: n, each: 1}`,
			`d.yaml line 8: scheme s: the deduction reason "扣 {rate}" shows {rate}, but the deduction has no rate (rates, when or part)`},
		{"reason shows items without fines", `      - {reason: "扣 {items}", count: n, each: 1}`,
			`d.yaml line 8: scheme s: the deduction reason "扣 {items}" shows {items}, which belongs to a deduction with fines`},
		{"deductions_rounding neither once nor each", "      - {reason: r, count: n, each: 1}\n    deductions_rounding: twice",
			`d.yaml line 15: scheme s: deductions_rounding is "twice"; it is once or each (the default)`},
		{"fines with a count", "      - {reason: r, count: n, fines: [{count: n, each: 1}]}",
			"d.yaml line 8: scheme s: a deduction is exactly one of each (with count), rates (with count), rate (with when), part (with rate), fines"},
		{"fines with an unknown base", "      - {reason: r, fines: [{count: nn, each: 1}]}",
			`d.yaml line 14: unknown base "nn"`},
		{"fines with a negative amount", "      - {reason: r, fines: [{count: n, each: -1}]}",
			"d.yaml line 14: deductions.fines.each must not be negative, got -1"},
		{"fines without each", "      - {reason: r, fines: [{count: n}]}",
			"d.yaml line 14: missing key deductions.fines.each"},
		{"outside not warn", "      - {reason: r, fines: [{count: n, each: 1}], outside: ignore}",
			`d.yaml line 14: scheme s: outside is "ignore"; it is warn, on a deduction with fines`},
		{"outside without fines", "      - {reason: r, count: n, each: 1, outside: warn}",
			`d.yaml line 14: scheme s: outside is "warn"; it is warn, on a deduction with fines`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("d.yaml", []byte(dedHead+c.deductions+"\n"))
			if err == nil || !strings.Contains(err.Error()+"\n", c.want+"\n") {
				t.Fatalf("err =\n%v\nwant\n%v", err, c.want)
			}
		})
	}
}

// TestDeductionRateExpression: a rate written as an expression is compiled once, at load.
func TestDeductionRateExpression(t *testing.T) {
	p, err := Parse("d.yaml", []byte(dedHead+"      - {reason: r, part: 0.6, rate: n / 100}\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Schemes[0].Deductions[0]
	if d.Rate.Expr == nil || d.Rate.Expr.Program() == nil || d.Part.String() != "0.6" {
		t.Fatalf("rate %+v part %v", d.Rate, d.Part)
	}
}

// TestDeductionReasonParts: a reason is read once into text and placeholders; {{ and }} are braces.
func TestDeductionReasonParts(t *testing.T) {
	p, err := Parse("d.yaml", []byte(dedHead+`      - {reason: "投诉 {n} 次 {{说明}} 扣 { rate }", count: n, rates: [{count: 1, rate: 0.05}]}`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("%+v", p.Schemes[0].Deductions[0].ReasonParts())
	want := "[{Text:投诉  Base: Rate:false Items:false} {Text: Base:n Rate:false Items:false} {Text: 次 {说明} 扣  Base: Rate:false Items:false} {Text: Base: Rate:true Items:false}]"
	if got != want {
		t.Fatalf("parts\n%s\nwant\n%s", got, want)
	}
}

// TestDetailErrors checks the errors of a scheme's detail, exactly.
func TestDetailErrors(t *testing.T) {
	head := `version: 2
roles: [{name: a, aliases: [甲]}]
bases:
  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id}
  - {name: t, from: repair_orders, sum: paid_amount}
schemes:
  - name: s
    label: S
    roles: [a]
`
	cases := []struct{ name, scheme, want string }{
		{"detail of a pool", "    pool: store\n    base: t\n    rate: 0.1\n    split: {}\n    detail: {base: t}",
			"d.yaml line 7: scheme s: detail belongs to a scheme paid per person (a pool's line shows the pool)"},
		{"unknown base", "    base: x\n    rate: 0.1\n    detail: {base: xx}",
			`d.yaml line 12: unknown base "xx"`},
		{"achievement that is not one", "    base: x\n    rate: 0.1\n    detail: {rate: x, achievements: [t]}",
			"d.yaml line 12: scheme s: detail.achievements names t, which is not an achievement base"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("d.yaml", []byte(head+c.scheme+"\n"))
			if err == nil || !strings.Contains(err.Error()+"\n", c.want+"\n") {
				t.Fatalf("err =\n%v\nwant\n%v", err, c.want)
			}
		})
	}
}

// dedSeed uses every deduction key of the plan language, for FuzzParse.
const dedSeed = dedHead + `      - {reason: "投诉 {n} 次 扣 {rate}", count: n, rates: [{count: 1, rate: 0.05}]}
      - {reason: "{x} {rate}", when: n > 1, rate: x / 1000}
      - {reason: "考核 {n}", part: 0.6, rate: n / 100}
      - {reason: "罚 {items}", fines: [{count: n, each: 20, label: 次}], outside: warn}
    deductions_rounding: once
    detail: {base: x, rate: n}
`

func TestDeductionSeedLoads(t *testing.T) {
	if _, err := Parse("d.yaml", []byte(dedSeed)); err != nil {
		t.Fatal(err)
	}
}
