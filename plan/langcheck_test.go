package plan

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// exampleA is the example store A's plan, the base of the mutations below.
func exampleA(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../examples/a-advisor-own-output/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExamplePlansLoad(t *testing.T) {
	for _, dir := range []string{"a-advisor-own-output", "b-workshop-teams", "c-profit-pool", "d-body-paint-pieces"} {
		t.Run(dir, func(t *testing.T) {
			l, err := LoadFile("../examples/" + dir + "/plan.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if !l.IsLanguage() || len(l.Schemes) == 0 {
				t.Fatalf("version %d, %d schemes", l.Version, len(l.Schemes))
			}
			for _, s := range l.Schemes {
				for _, e := range []*Expr{s.Amount} {
					if e != nil && e.Program() == nil {
						t.Errorf("scheme %s: expression not compiled", s.Name.Name)
					}
				}
			}
		})
	}
}

// TestLanguageErrors mutates example A's plan and checks each error's line and exact message.
func TestLanguageErrors(t *testing.T) {
	cases := []struct {
		name, old, new, at, want string
	}{
		{"unknown column in a filter", "where: premium >= 3000", "where: premum >= 3000", "where: premum",
			`base renewals where: column 12: unknown name "premum" (did you mean "premium"?)`},
		{"money compared with text", "where: premium >= 3000", `where: premium >= "3000"`, `where: premium >= "3000"`,
			`base renewals where: column 20: cannot compare number with text`},
		{"unknown table", "from: scores\n    sum: kpi", "from: score\n    sum: kpi", "from: score\n",
			`unknown table "score" (the built-in tables and the plan's own: accessory_sales, adjustments, advisor_scores, beauty_sales, collections, employees, fund_spending, incidents, insurance_claims, labor_hours, renewals, repair_orders, scores, targets, warranty_receipts, washes, workshop_scores)`},
		{"label used twice", "label: 满意度奖", "label: 个人产值提成", "label: 个人产值提成\n    roles: [advisor]\n    steps",
			`label "个人产值提成" is used by schemes own_output_commission and satisfaction_bonus: each payslip line needs its own name`},
		{"tiers out of order", "{from: 150000, to: 300000, rate: 0.015}", "{from: 150000, to: 100000, rate: 0.015}", "to: 100000",
			"rate.tiers out of order: 150000 is not below 100000"},
		{"by not an employee column", "by: seller_id", "by: policy_no", "by: policy_no",
			`base renewals: by names "policy_no", which is not an employee column of renewals`},
		{"unknown role", "roles: [front_desk_supervisor]\n    fixed: 400", "roles: [front_desk]\n    fixed: 400", "roles: [front_desk]",
			`unknown role "front_desk"`},
		{"two amounts", "fixed: 400", "fixed: 400\n    base: kpi\n    rate: 1", "name: post_allowance",
			"scheme post_allowance must have exactly one amount: base with rate, fixed, steps, amount or terms; it has base, fixed"},
		{"split without a pool", "    fixed: 400\n", "    fixed: 400\n    split: {column: base_salary}\n", "name: post_allowance",
			"scheme post_allowance: split belongs to a pool (pool: team or store)"},
		{"store base uses an employee base", "    total: own_output\n    roles: [advisor]\n", "    expr: own_output * 2\n", "expr: own_output * 2",
			"base advisors_output is per store but uses own_output, which is per employee: a store value cannot use a value of each employee"},
		{"condition not a bool", "when: satisfaction < 85", "when: satisfaction - 85", "when: satisfaction - 85",
			"scheme own_output_commission gate: column 16: the expression gives number, a condition must give true/false"},
		{"weight value not in the enumeration", "values: {pds: 1}", "values: {PDX: 1}", "values: {PDX: 1}",
			`scheme intake_bonus rate: "PDX" is not a value of column type (values: customer, warranty, accident, internal, pds)`},
		{"a version-1 section", "fund: {rate: 0}\n", "fund: {rate: 0}\nwash: {roles: [advisor], piece_rate: 3}\n", "wash:",
			"wash is a section of version 1 plans, not of version 2"},
		{"a reserved word as a name", "  - name: satisfaction\n", "  - name: in\n", "name: in\n",
			`base name "in" is a word of the expression syntax; choose another name`},
		{"a rate by column without a rate for every value", "      default: 3\n", "", "      column: type",
			"scheme intake_bonus rate: value customer of column type has no rate and there is no default"},
		{"a quota for nobody", "      roles: [renewal_specialist]\n      target: 4", "      target: 4", "name: renewal_commission",
			"scheme renewal_commission: the quota applies to nobody: give its roles"},
		{"a label that is the adjustments line's", "label: 岗位津贴", "label: 調整", "label: 調整",
			"label \"調整\" of scheme post_allowance is the name of the adjustments line; choose another, or rename that line (adjustments: {label: …})"},
		{"money decimals", "rounding: {decimals: 2}", "rounding: {decimals: 3}", "rounding:",
			"rounding.decimals must be a whole number from 0 to 2 (amounts are in yuan and cents), got 3"},
		{"roles on a base over rows", "    sum: kpi\n    by: emp_id\n", "    sum: kpi\n    by: emp_id\n    roles: [advisor]\n", "    roles: [advisor]\n  - name: satisfaction",
			"base kpi: roles belongs to a total (total: …)"},
		{"present() over bases", "when: satisfaction < 85", "when: present(satisfaction)", "when: present(satisfaction)",
			"scheme own_output_commission gate: present() asks whether a row's cell is empty; it belongs to the expressions over a table's rows (sum, where, checks), not to those over bases"},
		{"unknown enumeration", "type: amount, required: true}", "type: enum, enum: premiums, required: true}", "enum: premiums",
			`column renewals.premium: unknown enumeration "premiums" (add it under vocabulary:)`},
	}
	base := exampleA(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := mutated(t, base, c.old, c.new)
			wantErrorAt(t, "a.yaml", text, c.at, c.want)
		})
	}
}

func TestLanguageCycle(t *testing.T) {
	text := `version: 2
roles: [{name: a, aliases: [甲]}]
bases:
  - {name: x, expr: y + 1}
  - {name: y, expr: x * 2}
schemes:
  - {name: s, label: S, roles: [a], base: x, rate: 1}
`
	_, err := Parse("c.yaml", []byte(text))
	if err == nil || err.Error() != "c.yaml line 5: bases use each other in a cycle: x → y → x" {
		t.Fatalf("err = %v", err)
	}
}

func TestLanguageSplitChecks(t *testing.T) {
	text := `version: 2
roles: [{name: a, aliases: [甲]}, {name: b, aliases: [乙]}]
bases:
  - {name: x, from: repair_orders, sum: paid_amount}
schemes:
  - name: s
    label: S
    roles: [a, b]
    pool: store
    base: x
    rate: 0.01
    split:
      coefficients:
        - {role: a, coefficient: 0}
`
	_, err := Parse("s.yaml", []byte(text))
	want := "s.yaml line 6: scheme s: the split's coefficients are all 0, so nobody can be paid\n" +
		"s.yaml line 8: scheme s: role b has no coefficient in the split"
	if err == nil || err.Error() != want {
		t.Fatalf("err =\n%v\nwant\n%v", err, want)
	}
}

// TestLanguageErrorsTogether: values of the wrong kind in two places are both reported (decoding goes on).
func TestLanguageErrorsTogether(t *testing.T) {
	text := strings.Replace(strings.Replace(exampleA(t), "rate: 60", "rate: sixty", 1), "fixed: 400", "fixed: [400]", 1)
	_, err := Parse("a.yaml", []byte(text))
	line := func(s string) int { return strings.Count(text[:strings.Index(text, s)], "\n") + 1 }
	want := fmt.Sprintf("a.yaml line %d: \"sixty\" is not a number\na.yaml line %d: expected a number", line("rate: sixty"), line("fixed: [400]"))
	if err == nil || err.Error() != want {
		t.Fatalf("err =\n%v\nwant\n%s", err, want)
	}
}

// mutated is base with old replaced by new, failing the test unless old occurs exactly once.
func mutated(t *testing.T, base, old, new string) string {
	t.Helper()
	if strings.Count(base, old) != 1 {
		t.Fatalf("%q occurs %d times", old, strings.Count(base, old))
	}
	return strings.Replace(base, old, new, 1)
}

// wantErrorAt parses text and fails the test unless one of its errors is msg on the line where at begins.
func wantErrorAt(t *testing.T, file, text, at, msg string) {
	t.Helper()
	_, err := Parse(file, []byte(text))
	es, ok := err.(Errors)
	if !ok {
		t.Fatalf("err = %v, want plan errors", err)
	}
	want := Error{File: file, Line: strings.Count(text[:strings.Index(text, at)], "\n") + 1, Msg: msg}
	for _, e := range es {
		if e == want {
			return
		}
	}
	t.Fatalf("errors:\n%v\nwant:\n%v", es, want)
}
