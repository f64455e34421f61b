package examples

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"payout/calc"
	"payout/importers"
	"payout/model"
	"payout/plan"
)

// The pool constructs of the plan language (roles: all, lines, pool scopes and aliases, adjustable
// coefficients, figure: false), each on the inline month of constructs_test.go.

// poolCase is one case: the plan's text after planHead's roles and bases (extra bases, metrics, schemes…),
// extra files, each employee's lines by label (net, in line order), the warnings and the figures' names.
type poolCase struct {
	name  string
	plan  string            // appended to planHead
	files map[string]string // more CSV files
	lines map[string]string // employee → "label=net …" (lines of 0.00 left out)
	warn  []string          // substrings of warnings
	check func(t *testing.T, r *calc.Result)
}

func TestPoolConstructs(t *testing.T) {
	cases := []poolCase{
		{name: "roles: all pays every role, probation excluded",
			plan: `schemes:
  - name: s
    label: 人人奖
    roles: all
    fixed: 10
`,
			// A1, A2 (advisors) and S1 (supervisor); A3 on probation.
			lines: map[string]string{"A1": "人人奖=10.00", "A2": "人人奖=10.00", "S1": "人人奖=10.00"}},
		{name: "lines order the payslip apart from the schemes; pools stay in scheme order",
			plan: `lines: [second, adjustment, first]
schemes:
  - {name: first, label: 一池, roles: [advisor], pool: store, fixed: 10, split: {}}
  - {name: second, label: 二池, roles: [advisor], pool: store, fixed: 30, split: {}}
`,
			// A1 and A2 share each pool: 5 and 15.
			lines: map[string]string{"A1": "二池=15.00 一池=5.00", "A2": "二池=15.00 一池=5.00"},
			check: func(t *testing.T, r *calc.Result) {
				var got []string
				for _, p := range r.Pools {
					got = append(got, p.Name)
				}
				if g := strings.Join(got, " "); g != "first second" {
					t.Errorf("pools %q, want first second", g)
				}
				var ls []string
				for _, l := range r.Employees[0].Lines {
					ls = append(ls, l.Scheme)
				}
				if g := strings.Join(ls, " "); g != "second first" {
					t.Errorf("lines of %s: %q", r.Employees[0].ID, g)
				}
			}},
		{name: "a target's 范围 names a store pool by an alias; the achievement names the scheme",
			plan: `  - {name: ach, achievement: {actual: store_output, metric: out, scope: team_pool, decimals: 4}}
metrics:
  - {name: out, aliases: [产值], scope: pool}
schemes:
  - name: team_pool
    label: 顾问池
    aliases: [顾问组, 接待组]
    roles: [advisor]
    pool: store
    base: store_output
    rate: 0.01
    factors: [{value: ach}]
    split: {}
`,
			files: map[string]string{"目标.csv": "指标,范围,目标值\n产值,顧問組,4000\n"},
			// store_output 5200 (A3's 700 counts) / 4000 = 1.3; 5200 × 0.01 × 1.3 = 67.60 between A1 and A2.
			lines: map[string]string{"A1": "顾问池=33.80", "A2": "顾问池=33.80"},
			check: func(t *testing.T, r *calc.Result) {
				if len(r.Pools) != 1 || r.Pools[0].Name != "team_pool" || r.Pools[0].Amount.StringFixed(2) != "67.60" {
					t.Errorf("pools %+v", r.Pools)
				}
			}},
		{name: "an adjustable split: a 系数 row replaces one member's coefficient in that pool only",
			plan: `adjustments: {coefficient_approvers: [supervisor]}
schemes:
  - name: team_pool
    label: 顾问池
    aliases: [顾问组]
    roles: [advisor, supervisor]
    pool: store
    fixed: 10
    split:
      coefficients: [{role: advisor, coefficient: 1}, {role: supervisor, coefficient: 1}]
      adjustable: true
  - name: other
    label: 另一池
    roles: [advisor, supervisor]
    pool: store
    fixed: 9
    split:
      coefficients: [{role: advisor, coefficient: 1}, {role: supervisor, coefficient: 1}]
      adjustable: true
`,
			files: map[string]string{"调整.csv": "工号,类型,奖金池,数值,原因,审批人\nA2,系数,顾问组,3,表现好,S1\n"},
			// 顾问池: A1 1, A2 3 (adjusted), S1 1: 10 × 1/5 = 2, × 3/5 = 6, 2. 另一池: 9 / 3 = 3 each.
			lines: map[string]string{"A1": "顾问池=2.00 另一池=3.00", "A2": "顾问池=6.00 另一池=3.00", "S1": "顾问池=2.00 另一池=3.00"},
			check: func(t *testing.T, r *calc.Result) {
				var got []string
				for _, p := range r.Pools {
					for _, m := range p.Members {
						got = append(got, fmt.Sprintf("%s/%s:%s:%t", p.Name, m.EmployeeID, m.Coefficient, m.Adjusted))
					}
					if p.Name == "team_pool" && p.CoefSum.String() != "5" {
						t.Errorf("Σc %s, want 5", p.CoefSum)
					}
				}
				want := "team_pool/A1:1:false team_pool/A2:3:true team_pool/S1:1:false other/A1:1:false other/A2:1:false other/S1:1:false"
				if g := strings.Join(got, " "); g != want {
					t.Errorf("members %s\nwant %s", g, want)
				}
				n := 0
				for _, st := range r.Steps {
					if st.Rule == "pool.coefficient_adjustment" {
						n++
						if st.Pool != "team_pool" || st.Employee != "A2" || st.Result != "3" || st.Sources[0].String() != "调整.csv row 2" {
							t.Errorf("step %+v", st)
						}
					}
				}
				if n != 1 {
					t.Errorf("%d adjustment steps, want 1", n)
				}
			}},
		{name: "figure: false keeps a store base out of the month's figures",
			plan: `  - {name: helper, per: store, total: orders, figure: false}
  - {name: shown, per: store, total: orders, figure: true}
schemes:
  - {name: s, label: 单数奖, roles: [supervisor], base: helper, rate: 2}
`,
			// helper = 2 + 1 + 1 = 4 orders (A3 counts): S1 4 × 2 = 8.
			lines: map[string]string{"S1": "单数奖=8.00"},
			check: func(t *testing.T, r *calc.Result) {
				var got []string
				for _, f := range r.Figures {
					got = append(got, f.Name+"="+f.Value.String())
				}
				if g := strings.Join(got, " "); g != "store_output=5200 shown=4" {
					t.Errorf("figures %s", g)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runPoolCase(t, c) })
	}
}

func runPoolCase(t *testing.T, c poolCase) {
	dir := t.TempDir()
	files := map[string]string{"员工名册.csv": roster, "维修工单.csv": orders}
	for k, v := range c.files {
		files[k] = v
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := plan.Parse("case.yaml", []byte(planHead+c.plan))
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	d, rep, err := importers.Read(importers.Options{Dir: dir, Month: model.Month{Year: 2026, Month: 10}, Plan: p.Plan})
	if err != nil || rep.HasErrors() {
		t.Fatalf("read: %v %v", err, rep.Issues)
	}
	r := calc.Compute(d, p.Plan)
	for _, e := range r.Employees {
		var got []string
		for _, l := range e.Lines {
			if !l.Net.IsZero() {
				got = append(got, l.Label+"="+l.Net.StringFixed(2))
			}
		}
		if g, w := strings.Join(got, " "), c.lines[e.ID]; g != w {
			t.Errorf("%s: %q, want %q", e.ID, g, w)
		}
	}
	var ws []string
	for _, w := range r.Warnings {
		ws = append(ws, w.Message)
	}
	all := strings.Join(ws, "\n")
	for _, w := range c.warn {
		if !strings.Contains(all, w) {
			t.Errorf("warnings:\n%s\nwant one containing %q", all, w)
		}
	}
	if len(c.warn) == 0 && len(ws) > 0 {
		t.Errorf("unexpected warnings:\n%s", all)
	}
	if c.check != nil {
		c.check(t, r)
	}
}
