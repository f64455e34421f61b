package examples

import (
	"testing"
)

// The constructs of the plan language that the example stores do not use, each on a small month written
// inline: the plan, the month's CSV files, and each employee's lines by label (net) with the warnings.

// roster is the roster every case uses: three advisors (A3 on probation) and a supervisor.
const roster = `工号,姓名,岗位,基本工资,试用期
A1,甲,服务顾问,3000,否
A2,乙,服务顾问,2000,否
A3,丙,服务顾问,1000,是
S1,丁,前台主管,5000,否
`

// orders are repair orders of 2026-10 by advisor.
const orders = `工单号,维修类型,服务顾问,接车日期,结算日期,实收金额
R1,保养,A1,2026-10-02,2026-10-03,1000
R2,事故,A1,2026-10-05,2026-10-06,3000
R3,保养,A2,2026-10-07,2026-10-08,500
R4,内部,A2,2026-10-09,2026-10-10,800
R5,保养,A3,2026-10-11,2026-10-12,700
`

const planHead = `version: 2
roles:
  - {name: advisor, aliases: [服务顾问]}
  - {name: supervisor, aliases: [前台主管]}
bases:
  - {name: output, from: repair_orders, sum: paid_amount, where: 'type != "internal"', by: advisor_id}
  - {name: orders, from: repair_orders, count: true, where: 'type != "internal"', by: advisor_id}
  - {name: store_output, per: store, total: output}
`

func TestConstructs(t *testing.T) {
	cases := []struct {
		name    string
		schemes string
		files   map[string]string
		lines   map[string]string // employee → "label=net …" (lines of 0.00 left out)
		warn    []string          // substrings of warnings, in order
	}{
		{name: "whole tiers: the band reached pays the whole amount",
			schemes: `
  - name: s
    label: 提成
    roles: [advisor]
    base: output
    rate: {tiers: {mode: whole, inclusive: lower, bands: [{from: 0, to: 1000, rate: 0.01}, {from: 1000, rate: 0.02}]}}`,
			// A1 4000 × 0.02 = 80; A2 500 × 0.01 = 5; A3 on probation.
			lines: map[string]string{"A1": "提成=80.00", "A2": "提成=5.00"}},
		{name: "amount expression, min and max",
			schemes: `
  - name: s
    label: 奖
    roles: [advisor]
    amount: output / 100 + orders
    min: 10
    max: 40`,
			// A1 4000/100 + 2 = 42 → max 40; A2 5 + 1 = 6 → min 10.
			lines: map[string]string{"A1": "奖=40.00", "A2": "奖=10.00"}},
		{name: "gate with an amount, then a percentage deduction by count and a deduction by condition",
			schemes: `
  - name: s
    label: 奖
    roles: [advisor]
    fixed: 100
    gates:
      - {when: orders >= 2, then: 150, reason: 两单以上}
    deductions:
      - {reason: 单数扣, count: orders, rates: [{count: 1, rate: 0.1}, {count: 2, rate: 0.2}]}
      - {reason: 产值低, when: output < 1000, rate: 0.5}`,
			// A1: gate → 150; 2 orders → 20% = 30.00; output 4000 ≥ 1000: net 120. A2: 100; 1 order → 10.00;
			// output 500 < 1000 → 50.00: net 40.
			lines: map[string]string{"A1": "奖=120.00", "A2": "奖=40.00"}},
		{name: "a store pool split equally (no coefficients), probation excluded",
			schemes: `
  - name: s
    label: 池
    roles: [advisor]
    pool: store
    base: store_output
    rate: 0.001
    split: {}`,
			// store_output counts A3's 700 too: 5200 × 0.001 = 5.20 among A1, A2: 2.60 each.
			lines: map[string]string{"A1": "池=2.60", "A2": "池=2.60"}},
		{name: "deductions stop at zero, with a warning when the line had an amount",
			schemes: `
  - name: s
    label: 奖
    roles: [advisor]
    fixed: 50
    deductions:
      - {reason: 扣, count: orders, each: 30}`,
			// A1: 2 × 30 = 60 > 50: 50 taken; A2: 30.
			lines: map[string]string{"A1": "", "A2": "奖=20.00"},
			warn:  []string{"A1 (甲): the deduction 扣 of 60.00 is more than what is left of the line 奖 (50.00); 10.00 is not taken"}},
		{name: "division by zero in an expression is a warning and counts as 0",
			schemes: `
  - name: s
    label: 奖
    roles: [supervisor]
    amount: store_output / (orders - orders)`,
			lines: map[string]string{},
			warn:  []string{"scheme s for S1: store_output / (orders - orders) could not be evaluated"}},
		{name: "a split whose weights are all 0 pays nobody and says so",
			schemes: `
  - name: s
    label: 池
    roles: [advisor]
    pool: store
    base: store_output
    rate: 0.01
    split: {times: orders - orders}`,
			lines: map[string]string{},
			warn:  []string{"pool s has an amount of 52.00 but no members"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := computeInline(t, planHead+"schemes:"+c.schemes+"\n", storeFiles(c.files))
			checkLines(t, r, c.lines, c.warn)
		})
	}
}

// TestPresent: present(column) tells an empty cell from a 0 or a date in another month: orders without a
// settlement date are counted apart from those settled (in any month) and from a paid amount of 0.
func TestPresent(t *testing.T) {
	text := `version: 2
roles:
  - {name: advisor, aliases: [服务顾问]}
  - {name: supervisor, aliases: [前台主管]}
bases:
  - {name: unsettled, from: repair_orders, count: true, where: "!present(settled_date)", by: advisor_id}
  - {name: unpaid, from: repair_orders, count: true, where: "present(paid_amount) && paid_amount == 0", by: advisor_id}
schemes:
  - {name: s, label: 未结算单, roles: [advisor], base: unsettled, rate: 10}
  - {name: u, label: 零元单, roles: [advisor], base: unpaid, rate: 1}
`
	orders := `工单号,维修类型,服务顾问,接车日期,结算日期,实收金额
R1,保养,A1,2026-10-02,,100
R2,保养,A1,2026-10-05,2026-11-02,
R3,保养,A2,2026-10-07,2026-10-08,0
R4,保养,A2,2026-10-09,,
`
	r := computeInline(t, text, map[string]string{"员工名册.csv": roster, "维修工单.csv": orders})
	// A1: R1 unsettled (R2 is settled in November: present); A2: R4 unsettled, R3 paid 0 (R4's empty amount
	// is not a 0).
	checkLines(t, r, map[string]string{"A1": "未结算单=10.00", "A2": "未结算单=10.00 零元单=1.00"}, nil)
}
