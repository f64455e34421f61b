package examples

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"payout/plan"
	"payout/report"
)

// Master teams, the master/apprentice split, rates by role and the tiers' reduction and warning, each on a
// small workshop month written inline (as TestConstructs).

// workshopRoster: M1 (mechanic) with apprentices P1 (0.3) and P2 (0.2); M2 (painter) with P3 (0.5, on
// probation); M3 a mechanic alone.
const workshopRoster = `工号,姓名,岗位,基本工资,试用期,师傅工号,徒弟分配比例
M1,甲,机修工,3000,否,,
P1,乙,机修工,2000,否,M1,0.3
P2,丙,机修工,2000,否,M1,0.2
M2,丁,油漆工,3000,否,,
P3,戊,油漆工,1000,是,M2,0.5
M3,己,机修工,3000,否,,
`

// workshopHours: team M1 200 hours (M1 100, P1 50, P2 50), material 0; team M2 400 hours (M2 300, P3 100),
// material 22000 (55 per hour); M3 30 hours.
const workshopHours = `技师工号,日期,工时,材料费
M1,2026-10-02,100,0
P1,2026-10-03,50,0
P2,2026-10-04,50,0
M2,2026-10-05,300,16000
P3,2026-10-06,100,6000
M3,2026-10-07,30,0
`

const workshopHead = `version: 2
roles:
  - {name: mechanic, aliases: [机修工]}
  - {name: painter, aliases: [油漆工]}
teams: {master: master_id}
bases:
  - {name: team_hours, label: 团队工时, per: team, from: labor_hours, sum: hours, by: tech_id}
  - {name: team_material, label: 团队材料费, per: team, from: labor_hours, sum: material_cost, by: tech_id}
  - {name: own_hours, label: 本人工时, from: labor_hours, sum: hours, by: tech_id}
`

// apprenticeScheme is a team bonus split between the master and its apprentices.
const apprenticeScheme = `
  - name: hours
    label: 工时奖金
    roles: [mechanic, painter]
    pool: team
    base: team_hours
    rate: 2.2
    split: {apprentice_share: apprentice_share}`

// painterScheme: mechanics 2.2 per team hour; painters by tiers lowered by the team's material per hour.
const painterScheme = `
  - name: hours
    label: 工时奖金
    roles: [mechanic, painter]
    pool: team
    base: team_hours
    rate:
      by_role:
        mechanic: 2.2
        painter:
          tiers:
            mode: whole
            inclusive: lower
            bands: [{from: 100, to: 500, rate: 2.4}, {from: 500, to: 2000, rate: 2.6}]
            reduction:
              of: team_material
              per: team_hours
              bands: [{up_to: 55, reduction: 0}, {up_to: 60, reduction: 0.2}, {up_to: 65, reduction: 0.4}]
              above: 0.5
    split: {apprentice_share: apprentice_share}`

func TestTeams(t *testing.T) {
	cases := []struct {
		name    string
		schemes string
		files   map[string]string
		lines   map[string]string // employee → "label=net …" (lines of 0.00 left out)
		warn    []string          // substrings of warnings, in order
	}{
		{name: "master teams: a master and its apprentices, split equally",
			schemes: `
  - name: s
    label: 班组奖
    roles: [mechanic, painter]
    pool: team
    base: team_hours
    rate: 0.1
    split: {}`,
			// Team M1: 200 × 0.1 = 20.00 among M1, P1, P2: 6.66 each, the 2 cents left to M1 and P1 (id order).
			// Team M2: 400 × 0.1 = 40.00, P3 on probation: all to M2. M3 alone: 3.00.
			lines: map[string]string{"M1": "班组奖=6.67", "P1": "班组奖=6.67", "P2": "班组奖=6.66", "M2": "班组奖=40.00",
				"M3": "班组奖=3.00"}},
		{name: "master and apprentices: each apprentice its share, the master the rest",
			schemes: apprenticeScheme,
			// Team M1: 200 × 2.2 = 440.00; P1 round(440 × 0.3) = 132.00, P2 88.00, M1 the rest 220.00.
			// Team M2: 880.00; P3 on probation: its share stays with M2. M3 alone: 66.00.
			lines: map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00",
				"M2": "工时奖金=880.00", "M3": "工时奖金=66.00"}},
		{name: "a probation master's part is not paid; its apprentices are",
			schemes: apprenticeScheme,
			files:   map[string]string{"员工名册.csv": strings.Replace(workshopRoster, "M1,甲,机修工,3000,否", "M1,甲,机修工,3000,是", 1)},
			lines: map[string]string{"P1": "工时奖金=132.00", "P2": "工时奖金=88.00",
				"M2": "工时奖金=880.00", "M3": "工时奖金=66.00"}},
		{name: "apprentice shares adding up to 1, each rounded up: the master's rest is -0.01, with a warning",
			schemes: strings.Replace(apprenticeScheme, "rate: 2.2", "rate: 1", 1),
			files: map[string]string{
				"员工名册.csv": "工号,姓名,岗位,基本工资,试用期,师傅工号,徒弟分配比例\nM1,甲,机修工,3000,否,,\nP1,乙,机修工,2000,否,M1,0.5\nP2,丙,机修工,2000,否,M1,0.5\n",
				"工时明细.csv": "技师工号,日期,工时,材料费\nM1,2026-10-02,50,0\nP1,2026-10-03,50.01,0\n"},
			// 100.01 × 0.5 = 50.005 → 50.01 each: 100.02 of 100.01.
			lines: map[string]string{"M1": "工时奖金=-0.01", "P1": "工时奖金=50.01", "P2": "工时奖金=50.01"},
			warn:  []string{"master M1 gets -0.01 of the team bonus 100.01: the apprentices' shares, each rounded, take more than all of it"}},
		{name: "rate by role of the team's master: tiers for mechanics, a constant for painters",
			schemes: `
  - name: hours
    label: 工时奖金
    roles: [mechanic, painter]
    pool: team
    base: team_hours
    rate:
      by_role:
        mechanic: {tiers: {mode: whole, inclusive: lower, bands: [{from: 100, to: 500, rate: 2.2}, {from: 500, to: 2000, rate: 2.4}]}}
        painter: 3
    split: {apprentice_share: apprentice_share}`,
			// Team M1 (mechanic) 200 h → 2.2: 440.00 (P1 132.00, P2 88.00, M1 220.00); team M2 (painter)
			// 400 × 3 = 1200.00; M3 30 h, below the first tier: 0.
			lines: map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00",
				"M2": "工时奖金=1200.00"}},
		{name: "rate by the person's role, with a default",
			schemes: `
  - name: own
    label: 个人工时奖
    roles: [mechanic, painter]
    base: own_hours
    rate: {by_role: {painter: 1}, default: 0.5}`,
			// Painters 1 per hour (M2 300; P3 on probation), the others 0.5 (M1 50, P1 25, P2 25, M3 15).
			lines: map[string]string{"M1": "个人工时奖=50.00", "P1": "个人工时奖=25.00", "P2": "个人工时奖=25.00",
				"M2": "个人工时奖=300.00", "M3": "个人工时奖=15.00"}},
		{name: "rate by role without an entry or a default: 0",
			schemes: `
  - name: own
    label: 个人工时奖
    roles: [mechanic, painter]
    base: own_hours
    rate: {by_role: {painter: 1}}`,
			lines: map[string]string{"M2": "个人工时奖=300.00"}},
		{name: "painter material at exactly 55 per hour: no reduction",
			schemes: painterScheme,
			// Team M2: 22000 ≤ 55 × 400: 400 × 2.4 = 960.00 (P3 on probation). Team M1 (mechanic) 440.00.
			lines: map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00", "M3": "工时奖金=66.00", "M2": "工时奖金=960.00"}},
		{name: "painter material just above 55 per hour: every rate −0.2",
			schemes: painterScheme,
			files:   map[string]string{"工时明细.csv": strings.Replace(workshopHours, "300,16000", "300,16000.01", 1)},
			// 22000.01 > 55 × 400, ≤ 60 × 400: 400 × 2.2 = 880.00.
			lines: map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00", "M3": "工时奖金=66.00", "M2": "工时奖金=880.00"}},
		{name: "painter material above the last band: above",
			schemes: painterScheme,
			files:   map[string]string{"工时明细.csv": strings.Replace(workshopHours, "300,16000", "300,20000.01", 1)},
			// 26000.01 > 65 × 400: −0.5: 400 × 1.9 = 760.00.
			lines: map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00", "M3": "工时奖金=66.00", "M2": "工时奖金=760.00"}},
		{name: "a reduction larger than the rate: the rate is 0, never below",
			schemes: strings.Replace(painterScheme, "above: 0.5", "above: 3", 1),
			files:   map[string]string{"工时明细.csv": strings.Replace(workshopHours, "300,16000", "300,20000.01", 1)},
			lines:   map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00", "M3": "工时奖金=66.00"}},
		{name: "the reduction of the painters' table only: mechanics keep their rate",
			schemes: painterScheme,
			files:   map[string]string{"工时明细.csv": strings.Replace(workshopHours, "M1,2026-10-02,100,0", "M1,2026-10-02,100,90000", 1)},
			lines:   map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00", "M3": "工时奖金=66.00", "M2": "工时奖金=960.00"}}, {name: "team hours above the top band's upper bound: the top rate, with a warning",
			schemes: `
  - name: hours
    label: 工时奖金
    roles: [mechanic, painter]
    pool: team
    base: team_hours
    rate: {tiers: {mode: whole, inclusive: lower, warn_above_top: true, bands: [{from: 10, to: 100, rate: 1}, {from: 100, to: 150, rate: 2}]}}
    split: {apprentice_share: apprentice_share}`,
			// Team M1 200 h > 150: 200 × 2 = 400.00 (P1 120.00, P2 80.00, M1 200.00); team M2 400 h: 800.00,
			// warned too; M3 30 × 1 = 30.00.
			lines: map[string]string{"M1": "工时奖金=200.00", "P1": "工时奖金=120.00", "P2": "工时奖金=80.00", "M2": "工时奖金=800.00",
				"M3": "工时奖金=30.00"},
			warn: []string{"team M1 has team_hours 200, above the top band's 150 (scheme hours): the top rate applies",
				"team M2 has team_hours 400, above the top band's 150 (scheme hours): the top rate applies"}},
		{name: "material above the last band is warned about (warn_above)",
			schemes: strings.Replace(painterScheme, "above: 0.5", "above: 0.5\n              warn_above: true", 1),
			files:   map[string]string{"工时明细.csv": strings.Replace(workshopHours, "300,16000", "300,20000.01", 1)},
			lines: map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00", "M3": "工时奖金=66.00",
				"M2": "工时奖金=760.00"},
			warn: []string{"team M2: team_material 26000.01 for team_hours 400 is above 65 per unit (scheme hours): rates lowered by 0.5"}},
		{name: "material above the last band of a team below the first tier: warned, no amount",
			schemes: strings.Replace(painterScheme, "above: 0.5", "above: 0.5\n              warn_above: true", 1),
			files:   map[string]string{"工时明细.csv": strings.Replace(strings.Replace(workshopHours, "M2,2026-10-05,300,", "M2,2026-10-05,50,", 1), "P3,2026-10-06,100,", "P3,2026-10-06,10,", 1)},
			lines:   map[string]string{"M1": "工时奖金=220.00", "P1": "工时奖金=132.00", "P2": "工时奖金=88.00", "M3": "工时奖金=66.00"},
			warn:    []string{"team M2: team_material 22000 for team_hours 60 is above 65 per unit (scheme hours; below the first tier, so no amount anyway)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"员工名册.csv": workshopRoster, "工时明细.csv": workshopHours}
			for k, v := range c.files {
				files[k] = v
			}
			r := computeInline(t, workshopHead+"schemes:"+c.schemes+"\n", files)
			checkLines(t, r, c.lines, c.warn)
		})
	}
}

// TestTeamsApprenticeDetail: the master/apprentice split is a team bonus, not a pool: no pool is listed, and
// each line shows the team hours, the rate, the team bonus and (an apprentice's) its share.
func TestTeamsApprenticeDetail(t *testing.T) {
	r := computeInline(t, workshopHead+"schemes:"+apprenticeScheme+"\n", map[string]string{"员工名册.csv": workshopRoster, "工时明细.csv": workshopHours})
	if len(r.Pools) != 0 {
		t.Errorf("pools: %+v, want none", r.Pools)
	}
	got := map[string]string{}
	for _, e := range r.Employees {
		if e.ID == "P1" && e.Team != "M1" {
			t.Errorf("P1's team %q, want M1 (its master's id)", e.Team)
		}
		for _, l := range e.Lines {
			d := l.Detail
			got[e.ID] = fmt.Sprintf("%s %s rate %s bonus %s coef %v %s", d.BaseTitle, d.Base, d.Rate, d.TeamBonus.StringFixed(2), d.HasCoef, d.Coefficient)
		}
	}
	want := map[string]string{"M1": "团队工时 200 rate 2.2 bonus 440.00 coef false 0", "P1": "团队工时 200 rate 2.2 bonus 440.00 coef true 0.3",
		"P2": "团队工时 200 rate 2.2 bonus 440.00 coef true 0.2"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
}

// TestTeamsReducedRateDetail: the line shows the rate of the band reached after the reduction.
func TestTeamsReducedRateDetail(t *testing.T) {
	hours := strings.Replace(workshopHours, "300,16000", "300,16000.01", 1)
	r := computeInline(t, workshopHead+"schemes:"+painterScheme+"\n", map[string]string{"员工名册.csv": workshopRoster, "工时明细.csv": hours})
	for _, e := range r.Employees {
		if e.ID != "M2" {
			continue
		}
		if d := e.Lines[0].Detail; !d.HasRate || d.Rate.String() != "2.2" || d.TeamBonus.StringFixed(2) != "880.00" {
			t.Errorf("M2 detail: %+v, want rate 2.2, team bonus 880.00", d)
		}
		return
	}
	t.Error("no M2")
}

// TestTeamsAboveTopSources: the warning of hours above the top band points at the team's labour rows.
func TestTeamsAboveTopSources(t *testing.T) {
	scheme := strings.Replace(painterScheme, "bands: [{from: 100, to: 500, rate: 2.4}, {from: 500, to: 2000, rate: 2.6}]",
		"warn_above_top: true\n            bands: [{from: 100, to: 300, rate: 2.4}]", 1)
	r := computeInline(t, workshopHead+"schemes:"+scheme+"\n", map[string]string{"员工名册.csv": workshopRoster, "工时明细.csv": workshopHours})
	if len(r.Warnings) != 1 {
		t.Fatalf("warnings: %+v, want one", r.Warnings)
	}
	w := r.Warnings[0]
	var src []string
	for _, s := range w.Sources {
		src = append(src, s.String())
	}
	if g, want := w.Message+" @ "+strings.Join(src, "; "), "team M2 has team_hours 400, above the top band's 300 (scheme hours): the top rate applies @ 工时明细.csv row 5; 工时明细.csv row 6"; g != want {
		t.Errorf("got %q\nwant %q", g, want)
	}
}

// TestTeamsApprenticeExplain: explain prints an apprentice's share as 徒弟分配比例 (not a pool coefficient),
// with the team bonus.
func TestTeamsApprenticeExplain(t *testing.T) {
	p, err := plan.Parse("case.yaml", []byte(workshopHead+"schemes:"+apprenticeScheme+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := computeInline(t, workshopHead+"schemes:"+apprenticeScheme+"\n", map[string]string{"员工名册.csv": workshopRoster, "工时明细.csv": workshopHours})
	for i := range r.Employees {
		e := &r.Employees[i]
		if e.ID != "P1" {
			continue
		}
		var b bytes.Buffer
		if err := report.WriteExplain(&b, r, e, p.Plan); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"  团队工时: 200\n", "  比例/单价: 2.2\n", "  团队奖金: 440.00\n", "  徒弟分配比例: 0.3\n"} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("explain of P1:\n%s\nwant %q", b.String(), want)
			}
		}
		return
	}
	t.Fatal("no P1")
}
