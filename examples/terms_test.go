package examples

import (
	"fmt"
	"strings"
	"testing"

	"payout/importers"
)

// The achievement options (roles, keys: with_rows, others, missing, required) and pool terms of the plan
// language, each on an inline month.

// termsOrders are repair orders whose first row is A2's, so that first-row order differs from id order.
const termsOrders = `工单号,维修类型,服务顾问,接车日期,结算日期,实收金额
R1,保养,A2,2026-10-02,2026-10-03,500
R2,保养,A1,2026-10-05,2026-10-06,1000
R3,事故,A1,2026-10-07,2026-10-08,3000
R4,保养,A3,2026-10-11,2026-10-12,700
`

// achPlan has a per-employee achievement of the advisors only, computed for those with rows.
const achPlan = planHead + `  - name: ach
    per: employee
    achievement:
      actual: output
      metric: output
      decimals: 4
      roles: [advisor]
      keys: with_rows
      others: 1
      missing: {probation: 1}
metrics:
  - {name: output, aliases: [产值], scope: employee}
schemes:
  - {name: s, label: 提成, roles: [advisor], probation: paid, amount: output * 0.01 * ach}
  - {name: t, label: 主管奖, roles: [supervisor], amount: 10 * ach}
`

func TestAchievementOptions(t *testing.T) {
	cases := []struct {
		name    string
		targets string
		lines   map[string]string
		warn    []string
		achs    string // the result's achievements: scope=rate, in order
	}{
		{name: "rates in first-row order; a probation advisor without a target counts 1; others 1",
			targets: "产值,A1,5000\n产值,A2,250\n",
			// A2 500/250 = 2: 500 × 0.01 × 2 = 10; A1 4000/5000 = 0.8: 40 × 0.8 = 32; A3 (probation, no
			// target) 1: 7; S1 is no advisor: others 1, 10 × 1.
			lines: map[string]string{"A1": "提成=32.00", "A2": "提成=10.00", "A3": "提成=7.00", "S1": "主管奖=10.00"},
			achs:  "A2=2 A1=0.8"},
		{name: "a non-probation advisor without a target is warned about and counts 0",
			targets: "产值,A2,250\n",
			lines:   map[string]string{"A2": "提成=10.00", "A3": "提成=7.00", "S1": "主管奖=10.00"},
			warn:    []string{"no target for output (A1): achievement rate counts as 0"},
			achs:    "A2=2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := computeInline(t, achPlan, storeFiles(map[string]string{"维修工单.csv": termsOrders, "目标.csv": "指标,范围,目标值\n" + c.targets}))
			checkLines(t, r, c.lines, c.warn)
			var got []string
			for _, a := range r.Achievements {
				got = append(got, a.Scope+"="+a.Rate.String())
			}
			if g := strings.Join(got, " "); g != c.achs {
				t.Errorf("achievements %q, want %q", g, c.achs)
			}
		})
	}
}

// readErrors reads an inline month under a plan and returns its input errors, one a line.
func readErrors(t *testing.T, planText string, files map[string]string) string {
	t.Helper()
	_, _, rep := readInline(t, planText, files)
	var out []string
	for _, is := range rep.Issues {
		if is.Severity == importers.Error {
			out = append(out, is.Message)
		}
	}
	return strings.Join(out, "\n")
}

func TestAchievementRequired(t *testing.T) {
	poolPlan := planHead + `  - {name: pool_ach, achievement: {actual: store_output, metric: pout, scope: team_pool, decimals: 4, missing: by_pool, required: true}}
metrics:
  - {name: pout, aliases: [池产值], scope: pool}
schemes:
  - {name: team_pool, label: 顾问池, roles: %s, pool: store, base: store_output, rate: 0.01, split: {}}
`
	cases := []struct{ name, plan, targets, want string }{
		{"an advisor (not on probation) without a target",
			strings.Replace(achPlan, "      others: 1\n", "      others: 1\n      required: true\n", 1), "产值,A2,250\n",
			"accessory seller A1 (甲) has no target for output (add a row to 目标: 产值, A1)"},
		{"every advisor has a target (A3 is on probation)",
			strings.Replace(achPlan, "      others: 1\n", "      others: 1\n      required: true\n", 1), "产值,A1,1\n产值,A2,250\n", ""},
		{"a pool with members without its target",
			strings.Replace(poolPlan, "%s", "[advisor]", 1), "",
			"pool team_pool has members but no target for pout (add a row to 目标: 池产值, 顾问池)"},
		{"a pool with its target", strings.Replace(poolPlan, "%s", "[advisor]", 1), "池产值,顾问池,1000\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := readErrors(t, c.plan, storeFiles(map[string]string{"目标.csv": "指标,范围,目标值\n" + c.targets}))
			if got != c.want {
				t.Errorf("errors\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// termsPlan has a store pool whose amount is a term with an achievement factor plus a shares term.
const termsPlan = `version: 2
roles:
  - {name: advisor, aliases: [服务顾问]}
  - {name: supervisor, aliases: [前台主管]}
  - {name: trainee, aliases: [学员]}
bases:
  - {name: output, from: repair_orders, sum: paid_amount, where: 'type != "internal"', by: advisor_id}
  - {name: orders, from: repair_orders, count: true, where: 'type != "internal"', by: advisor_id}
  - {name: store_output, per: store, total: output}
  - {name: store_orders, per: store, total: orders}
  - {name: pool_ach, figure: false, achievement: {actual: store_output, metric: pout, scope: team_pool, decimals: 4, missing: by_pool}}
metrics:
  - {name: pout, aliases: [池产值], scope: pool}
schemes:
  - name: team_pool
    label: 顾问池
    roles: [ROLE]
    pool: store
    terms:
      - {base: store_output, rate: 0.01, factors: [pool_ach]}
      - {base: store_orders, rate: 0.333, shares: true}
    split: {}
`

func TestPoolTerms(t *testing.T) {
	cases := []struct {
		name, role, targets string
		lines               map[string]string
		warn                []string
		pool                string // amount exact terms(exact achievements…) from_rows
	}{
		{name: "Σ base × rate × achievement plus shares, exact, rounded once", role: "advisor", targets: "池产值,顾问池,4000\n",
			// store_output 5200 (A3's 700 counts) / 4000 = 1.3: 5200 × 0.01 × 1.3 = 67.6; 4 orders × 0.333 = 1.332;
			// 68.932 → 68.93 between A1 and A2: 34.465 each, the odd cent to A1 (ids).
			lines: map[string]string{"A1": "顾问池=34.47", "A2": "顾问池=34.46"},
			pool:  "68.93 68.932 [store_output 67.6 (1.3)] 1.332"},
		{name: "members and the target missing: the term is 0, warned; the shares are paid", role: "advisor",
			lines: map[string]string{"A1": "顾问池=0.67", "A2": "顾问池=0.66"},
			warn:  []string{"no target for pout (team_pool): achievement rate counts as 0"},
			pool:  "1.33 1.332 [store_output 0 ()] 1.332"},
		{name: "no members and the target missing: 0.00, shares included, said", role: "trainee",
			lines: map[string]string{},
			warn:  []string{"pool team_pool has no members and its target is missing: its amount is 0.00 and its accessory shares of 1.33 are paid to nobody"},
			pool:  "0.00 0 [store_output 0 ()] 1.332"},
		{name: "no members with the target: computed and listed, said", role: "trainee", targets: "池产值,顾问池,4000\n",
			lines: map[string]string{},
			warn:  []string{"pool team_pool has an amount of 68.93 but no members: nobody is paid it"},
			pool:  "68.93 68.932 [store_output 67.6 (1.3)] 1.332"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := computeInline(t, strings.Replace(termsPlan, "ROLE", c.role, 1), storeFiles(map[string]string{"目标.csv": "指标,范围,目标值\n" + c.targets}))
			checkLines(t, r, c.lines, c.warn)
			if len(r.Pools) != 1 {
				t.Fatalf("pools %+v", r.Pools)
			}
			p := r.Pools[0]
			got := p.Amount.StringFixed(2) + " " + p.Exact.String()
			for _, tr := range p.Terms {
				var as []string
				for _, a := range tr.Achievements {
					as = append(as, a.Rate.String())
				}
				got += fmt.Sprintf(" [%s %s (%s)]", tr.Figure, tr.Exact, strings.Join(as, " "))
			}
			got += " " + p.FromRows.String()
			if got != c.pool {
				t.Errorf("pool %q, want %q", got, c.pool)
			}
		})
	}
}
