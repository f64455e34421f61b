package examples

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"payout/calc"
	"payout/importers"
	"payout/model"
	"payout/plan"
)

// The deductions of the plan language beyond each, rates and when (docs/plan.md 6.9), each on a small
// month written inline (the roster, orders and plan head of constructs_test.go): every line's gross,
// deduction and net, with each deduction's reason and amount, and the warnings in order.

// workshopScores are deduction points of A1 (30.5) and A2 (120, above the cap of 100).
const workshopScores = `工号,工作表现扣分,生产质量扣分,车间车身环境扣分,团队精神扣分
A1,10,20.5,,
A2,100,20,,
`

const pointsBase = `  - {name: points, label: 考核扣分, from: workshop_scores, sum: performance + quality + environment + teamwork, by: emp_id, max: 100}
`

func TestDeductions(t *testing.T) {
	cases := []struct {
		name    string
		bases   string // more bases, after planHead's
		schemes string
		files   map[string]string
		lines   map[string]string // employee → "label gross deduction net [reason amount]…" (lines all 0 left out)
		warn    []string          // the warnings, exactly, in order
	}{
		{name: "part and rate expression: round(round(line × part) × rate), points capped by the base's max",
			bases: pointsBase,
			schemes: `
  - name: s
    label: 计件
    roles: [advisor]
    base: output
    rate: 0.1
    deductions:
      - {reason: 考核扣分, part: 0.6, rate: points / 100}`,
			files: map[string]string{"车间考核.csv": workshopScores},
			// A1 400.00: round(400 × 0.6) = 240.00 × 0.305 = 73.20; A2 50.00: 30.00 × 1 (120 capped at 100).
			lines: map[string]string{"A1": "计件 400.00 73.20 326.80 [考核扣分 73.20]", "A2": "计件 50.00 30.00 20.00 [考核扣分 30.00]"}},
		{name: "part and rate expression: the part is rounded before the rate",
			schemes: `
  - name: s
    label: 计件
    roles: [advisor]
    base: output
    rate: 0.02002
    deductions:
      - {reason: 考核扣分, part: 0.6, rate: 0.5}`,
			// A1 80.08: round(48.048) = 48.05 × 0.5 = 24.025 → 24.03 (80.08 × 0.3 would be 24.02);
			// A2 10.01: 6.01 × 0.5 = 3.005 → 3.01 (10.01 × 0.3 would be 3.00).
			lines: map[string]string{"A1": "计件 80.08 24.03 56.05 [考核扣分 24.03]", "A2": "计件 10.01 3.01 7.00 [考核扣分 3.01]"}},
		{name: "reason placeholders: a base's value and the rate reached",
			bases: `  - {name: complaints, from: incidents, count: true, where: kind == "complaint" && verified, by: emp_id}
  - {name: score, from: advisor_scores, sum: score, by: emp_id}
`,
			schemes: `
  - name: s
    label: 计件
    roles: [advisor]
    base: output
    rate: 0.1
    deductions:
      - reason: "客户投诉 {complaints} 次 扣 {rate}"
        count: complaints
        rates: [{count: 1, rate: 0.05}, {count: 2, rate: 0.2}]
      - {reason: "考核成绩 {score} 分 低于 96 分 扣 {rate}", when: score < 96, rate: 0.10}`,
			files: map[string]string{
				"投诉与违规.csv": "工号,日期,类型,属实\nA1,2026-10-05,客户投诉,是\nA2,2026-10-06,客户投诉,否\n",
				"接待考核.csv":  "工号,考核分\nA1,95.50\nA2,98\n"},
			// A1 400.00: one verified complaint, 5% = 20.00; score 95.5 < 96, 10% = 40.00. A2: its complaint is
			// not verified, score 98: nothing.
			lines: map[string]string{"A1": "计件 400.00 60.00 340.00 [客户投诉 1 次 扣 5% 20.00] [考核成绩 95.5 分 低于 96 分 扣 10% 40.00]",
				"A2": "计件 50.00 0.00 50.00"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := computeInline(t, planHead+c.bases+"schemes:"+c.schemes+"\n", c.files)
			for _, e := range r.Employees {
				var got []string
				for _, l := range e.Lines {
					if l.Gross.IsZero() && l.Deduction.IsZero() && l.Net.IsZero() {
						continue
					}
					s := l.Label + " " + l.Gross.StringFixed(2) + " " + l.Deduction.StringFixed(2) + " " + l.Net.StringFixed(2)
					for _, d := range l.Deductions {
						s += " [" + d.Reason + " " + d.Amount.StringFixed(2) + "]"
					}
					got = append(got, s)
				}
				if g, w := strings.Join(got, "; "), c.lines[e.ID]; g != w {
					t.Errorf("%s: %q, want %q", e.ID, g, w)
				}
			}
			var ws []string
			for _, w := range r.Warnings {
				ws = append(ws, w.Message)
			}
			if g, w := strings.Join(ws, "\n"), strings.Join(c.warn, "\n"); g != w {
				t.Errorf("warnings:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// computeInline computes a plan on the inline roster and orders with more files.
func computeInline(t *testing.T, planText string, more map[string]string) *calc.Result {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"员工名册.csv": roster, "维修工单.csv": orders}
	for k, v := range more {
		files[k] = v
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := plan.Parse("case.yaml", []byte(planText))
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	d, rep, err := importers.Read(importers.Options{Dir: dir, Month: model.Month{Year: 2026, Month: 10}, Plan: p.Plan})
	if err != nil || rep.HasErrors() {
		t.Fatalf("read: %v %v", err, rep.Issues)
	}
	return calc.Compute(d, p.Plan)
}
