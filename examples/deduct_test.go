package examples

import (
	"fmt"
	"strings"
	"testing"
)

// The deductions of the plan language beyond each, rates and when (docs/plan.md 6.9), each on a small
// month written inline (the roster, orders and plan head of constructs_test.go): every line's gross,
// deduction and net, with each deduction's reason and amount, and the warnings in order.

// advisorDeds are the advisor deductions of the default plan: complaints by count, and 10% for a score
// below 96 (rounded once with deductions_rounding: once).
const advisorDeds = `
    deductions:
      - reason: "客户投诉 {complaints} 次 扣 {rate}"
        count: complaints
        rates: [{count: 1, rate: 0.05}, {count: 2, rate: 0.2}, {count: 3, rate: 0.5}]
      - {reason: "考核成绩 {score} 分 低于 96 分 扣 {rate}", when: scored > 0 && score < 96, rate: 0.10}`

const advisorBases = `  - {name: complaints, from: incidents, count: true, where: kind == "complaint" && verified, by: emp_id}
  - {name: score, from: advisor_scores, sum: score, by: emp_id}
  - {name: scored, from: advisor_scores, count: true, by: emp_id}
`

// advisorFiles: A1 has a verified complaint and a score of 95.5; A2 an unverified complaint and no score.
var advisorFiles = map[string]string{
	"投诉与违规.csv": "工号,日期,类型,属实\nA1,2026-10-05,客户投诉,是\nA2,2026-10-06,客户投诉,否\n",
	"接待考核.csv":  "工号,考核分\nA1,95.50\n"}

// fineBases count verified wash complaints and untidy incidents; fineFiles: A1 one wash complaint, A2 a
// wash complaint and an untidy incident (rows 4 and 2), A3 (probation) and S1 (not an advisor) one untidy
// incident each.
const fineBases = `  - {name: wash_complaints, label: 洗车投诉次数, from: incidents, count: true, where: kind == "wash_complaint" && verified, by: emp_id}
  - {name: untidy, label: 未整理次数, from: incidents, count: true, where: kind == "untidy" && verified, by: emp_id}
`

var fineFiles = map[string]string{"投诉与违规.csv": `工号,日期,类型,属实
A2,2026-10-02,物品未整理,是
A1,2026-10-03,洗车投诉,是
A2,2026-10-04,洗车投诉,是
A3,2026-10-05,物品未整理,是
S1,2026-10-06,物品未整理,是
A1,2026-10-07,物品未整理,否
`}

const fineScheme = `
  - name: beauty
    label: 美容
    roles: [advisor]
    fixed: 30
    deductions:
      - reason: "美容组扣罚: {items}"
        fines:
          - {count: wash_complaints, each: 20, label: 洗车投诉}
          - {count: untidy, each: 20, label: 物品未整理}`

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
		src     []string          // the first source of each warning, when given
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
		{name: "rounding once: the summed percentage is rounded once, the last reason takes the rest",
			bases: advisorBases,
			schemes: `
  - name: s
    label: 奖
    roles: [advisor]
    fixed: 0.04
    deductions_rounding: once` + advisorDeds,
			files: advisorFiles,
			// A1: round(0.04 × 0.15 = 0.006) = 0.01; the complaint's round(0.002) = 0.00, the score the rest
			// (each rounded by itself: 0.00 + 0.00). A2: no verified complaint, no score: no cut.
			lines: map[string]string{"A1": "奖 0.04 0.01 0.03 [客户投诉 1 次 扣 5% 0.00] [考核成绩 95.5 分 低于 96 分 扣 10% 0.01]",
				"A2": "奖 0.04 0.00 0.04"}},
		{name: "rounding once: SPEC §5 example (the percentages add)",
			bases: advisorBases,
			schemes: `
  - name: s
    label: 奖
    roles: [advisor]
    fixed: 2311.07
    deductions_rounding: once` + advisorDeds,
			files: advisorFiles,
			// A1: round(2311.07 × 0.15 = 346.6605) = 346.66: 5% = 115.55, the score 231.11.
			lines: map[string]string{"A1": "奖 2311.07 346.66 1964.41 [客户投诉 1 次 扣 5% 115.55] [考核成绩 95.5 分 低于 96 分 扣 10% 231.11]",
				"A2": "奖 2311.07 0.00 2311.07"}},
		{name: "rounding once: still down to zero, with a warning",
			bases: advisorBases,
			schemes: `
  - name: s
    label: 奖
    roles: [advisor]
    fixed: 10
    deductions_rounding: once
    deductions:
      - {reason: "投诉 {complaints} 次", count: complaints, rates: [{count: 1, rate: 0.5}]}
      - {reason: 考核, when: scored > 0, rate: 0.6}
      - {reason: 每单, count: orders, each: 1}`,
			files: advisorFiles,
			// A1: round(10 × 1.1) = 11.00, 10.00 taken (投诉 5.00, 考核 the rest 5.00); nothing left for 每单.
			// A2: 每单 1 × 1, by itself.
			lines: map[string]string{"A1": "奖 10.00 10.00 0.00 [投诉 1 次 5.00] [考核 5.00]", "A2": "奖 10.00 1.00 9.00 [每单 1.00]"},
			warn: []string{"A1 (甲): the deduction 投诉 1 次 + 考核 of 11.00 is more than what is left of the line 奖 (10.00); 1.00 is not taken (deductions stop at zero)",
				"A1 (甲): the deduction 每单 of 2.00 is more than what is left of the line 奖 (0.00); 2.00 is not taken (deductions stop at zero)"}},
		{name: "fines: several counts as one deduction down to zero; outside: warn says everybody else's",
			bases: fineBases, schemes: fineScheme + "\n        outside: warn", files: fineFiles,
			// A1: 20 of 30. A2: 40, the line takes 30. A3 (probation) and S1 have no line: all of it is warned.
			lines: map[string]string{"A1": "美容 30.00 20.00 10.00 [美容组扣罚: 洗车投诉×1 20.00]",
				"A2": "美容 30.00 30.00 0.00 [美容组扣罚: 洗车投诉×1, 物品未整理×1 30.00]"},
			warn: []string{"A2 (乙): fines of 40.00 are more than the beauty line of 30.00; 10.00 is not taken",
				"A3 (丙): fines of 20.00 are more than the beauty line of 0.00; 20.00 is not taken",
				"S1 (丁): fines of 20.00 are more than the beauty line of 0.00; 20.00 is not taken"},
			src: []string{"投诉与违规.csv row 2", "投诉与违规.csv row 5", "投诉与违规.csv row 6"}},
		{name: "fines: without outside only the line's people are warned about",
			bases: fineBases, schemes: fineScheme, files: fineFiles,
			lines: map[string]string{"A1": "美容 30.00 20.00 10.00 [美容组扣罚: 洗车投诉×1 20.00]",
				"A2": "美容 30.00 30.00 0.00 [美容组扣罚: 洗车投诉×1, 物品未整理×1 30.00]"},
			warn: []string{"A2 (乙): fines of 40.00 are more than the beauty line of 30.00; 10.00 is not taken"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := computeInline(t, planHead+c.bases+"schemes:"+c.schemes+"\n", storeFiles(c.files))
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
			var ws, srcs []string
			for _, w := range r.Warnings {
				ws = append(ws, w.Message)
				if len(w.Sources) > 0 {
					srcs = append(srcs, w.Sources[0].String())
				}
			}
			if g, w := strings.Join(srcs, "; "), strings.Join(c.src, "; "); c.src != nil && g != w {
				t.Errorf("first sources %s, want %s", g, w)
			}
			if g, w := strings.Join(ws, "\n"), strings.Join(c.warn, "\n"); g != w {
				t.Errorf("warnings:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// TestSchemeDetail: detail says what the payslip shows for a line whose amount is an expression: the base,
// the rate and the achievement (after the base's max), per person.
func TestSchemeDetail(t *testing.T) {
	text := planHead + `  - {name: ach, label: 产值完成率, per: employee, achievement: {actual: output, metric: output, decimals: 4}, max: 1}
  - {name: rate_b, label: 提成比例, per: employee, expr: "ach >= 1 ? 0.02 : 0.01"}
metrics:
  - {name: output, aliases: [产值], scope: employee}
schemes:
  - name: s
    label: 提成
    roles: [advisor]
    amount: output * rate_b
    detail: {base: output, rate: rate_b, achievements: [ach]}
`
	r := computeInline(t, text, storeFiles(map[string]string{"目标.csv": "指标,范围,目标值\n产值,A1,3200\n产值,A2,1000\n产值,A3,1000\n"}))
	var got []string
	for _, e := range r.Employees {
		for _, l := range e.Lines {
			d := l.Detail
			s := fmt.Sprintf("%s %s %s=%s rate=%s/%t", e.ID, l.Gross.StringFixed(2), d.BaseTitle, d.Base, d.Rate, d.HasRate)
			for _, a := range d.Achievements {
				s += fmt.Sprintf(" %s/%s %s/%s=%s", a.Metric, a.Scope, a.Actual, a.Target, a.Rate)
			}
			got = append(got, s)
		}
	}
	// A1 4000 / 3200 = 1.25, capped at 1: rate 0.02; A2 500 / 1000 = 0.5: rate 0.01.
	want := "A1 80.00 output=4000 rate=0.02/true output/A1 4000/3200=1\nA2 5.00 output=500 rate=0.01/true output/A2 500/1000=0.5"
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("details\n%s\nwant\n%s", g, want)
	}
}
