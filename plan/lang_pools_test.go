package plan

import (
	"strings"
	"testing"
)

// poolsPlan is a small version-2 plan for the pool constructs' checks: two roles, a store base, a pool.
const poolsPlan = `version: 2
roles: [{name: a, aliases: [甲]}, {name: b, aliases: [乙]}]
bases:
  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id}
  - {name: t, per: store, total: x, roles: all}
schemes:
  - {name: s, label: S, roles: all, base: x, rate: 0.01}
`

func TestRolesAll(t *testing.T) {
	l, err := Parse("p.yaml", []byte(poolsPlan))
	if err != nil {
		t.Fatal(err)
	}
	s, b := l.Scheme("s"), l.Base("t")
	if got := strings.Join(Refs(s.Roles), ","); got != "a,b" || !s.AllRoles {
		t.Errorf("scheme roles %q all=%v, want a,b all", got, s.AllRoles)
	}
	if got := strings.Join(Refs(b.Roles), ","); got != "a,b" || !b.AllRoles {
		t.Errorf("total roles %q all=%v, want a,b all", got, b.AllRoles)
	}
	if l.Scheme("s").Roles[0].Line != 7 {
		t.Errorf("line %d, want 7", l.Scheme("s").Roles[0].Line)
	}
}

// TestPoolsErrors mutates poolsPlan and checks each error's line and exact message.
func TestPoolsErrors(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"roles neither a list nor all", "roles: all, base", "roles: every, base",
			"p.yaml line 7: expected a list of roles, or all (every role)"},
		{"roles all and a split missing a role's coefficient", "roles: all, base: x, rate: 0.01}",
			"roles: all, pool: store, base: t, rate: 0.01, split: {coefficients: [{role: a, coefficient: 1}]}}",
			"p.yaml line 7: scheme s: role b has no coefficient in the split"},
		{"lines without a scheme", "schemes:", "lines: [adjustment]\nschemes:",
			"p.yaml line 6: lines: \"s\" is missing"},
		{"lines with an unknown line and a repeat", "schemes:", "lines: [s, t, s]\nschemes:",
			"p.yaml line 6: unknown line \"t\"\np.yaml line 6: line \"s\" is defined twice\np.yaml line 6: lines: \"adjustment\" is missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := mutated(t, poolsPlan, c.old, c.new)
			_, err := Parse("p.yaml", []byte(text))
			if err == nil || err.Error() != c.want {
				t.Fatalf("err =\n%v\nwant\n%s", err, c.want)
			}
		})
	}
}

func TestLinesOrder(t *testing.T) {
	text := strings.Replace(poolsPlan, "schemes:", "lines: [adjustment, s2, s]\nschemes:", 1) +
		"  - {name: s2, label: S2, roles: [a], fixed: 1}\n"
	l, err := Parse("p.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(l.LineOrder(), ","); got != "adjustment,s2,s" {
		t.Errorf("LineOrder = %s", got)
	}
	l, err = Parse("p.yaml", []byte(poolsPlan))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(l.LineOrder(), ","); got != "s,adjustment" {
		t.Errorf("LineOrder without lines = %s", got)
	}
}

// poolScopePlan has a metric of scope pool, a store achievement of a pool scheme and two store pools.
const poolScopePlan = `version: 2
roles: [{name: a, aliases: [甲]}, {name: b, aliases: [乙]}]
metrics:
  - {name: out, aliases: [产值], scope: pool}
bases:
  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id}
  - {name: total_x, total: x}
  - {name: rate_p, achievement: {actual: total_x, metric: out, scope: p, decimals: 4}}
schemes:
  - {name: p, label: 甲组, aliases: [甲组池, 一组], roles: [a], pool: store, base: total_x, rate: 0.01, split: {}}
  - {name: q, label: 乙组, roles: [b], pool: store, fixed: 10, split: {}}
  - {name: own, label: 个人, roles: [a], base: x, rate: 0.01}
`

func TestPoolScopes(t *testing.T) {
	l, err := Parse("p.yaml", []byte(poolScopePlan))
	if err != nil {
		t.Fatal(err)
	}
	e := l.PoolEnum()
	if got := strings.Join(e.Values, ","); got != "p,q" {
		t.Errorf("pool enum %s, want p,q", got)
	}
	if got := strings.Join(Refs(e.Names["p"]), ","); got != "甲组,甲组池,一组" {
		t.Errorf("names of p: %s", got)
	}
	cases := []struct {
		name, old, new, want string
	}{
		{"achievement scope not a pool scheme", "metric: out, scope: p,", "metric: out, scope: own,",
			`p.yaml line 8: base rate_p: achievement scope "own" must be the name of a store pool scheme (pool: store), since metric out's targets name a pool`},
		{"pool metric on an employee base", "  - {name: rate_p, achievement: {actual: total_x, metric: out, scope: p, decimals: 4}}",
			"  - {name: rate_p, per: employee, achievement: {actual: x, metric: out, decimals: 4}}",
			"p.yaml line 8: base rate_p is per employee, but metric out's targets are per pool"},
		{"aliases on a scheme that is no store pool", "label: 个人, roles", "label: 个人, aliases: [自己], roles",
			"p.yaml line 12: scheme own: aliases belong to a store pool (pool: store), whose names a target's 范围 or an adjustment's 奖金池 may use"},
		{"an alias of two pools", "label: 乙组, roles", "label: 乙组, aliases: [一組], roles",
			`p.yaml line 11: name "一組" is used by both "p" and "q"`},
		{"adjustable without coefficients", "pool: store, fixed: 10, split: {}}", "pool: store, fixed: 10, split: {adjustable: true}}",
			"p.yaml line 11: scheme q: split.adjustable belongs to a store pool (pool: store) split by coefficients: an adjustment replaces a role's coefficient"},
		{"figure on an employee base", "  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id}",
			"  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id, figure: false}",
			"p.yaml line 6: base x: figure belongs to a store base (this one is per employee): only store bases are listed among the month's figures"},
		{"figure not a bool", "  - {name: total_x, total: x}", "  - {name: total_x, total: x, figure: maybe}",
			"p.yaml line 7: \"maybe\" is not the kind of value expected here"},
		{"unknown metric scope", "scope: pool}", "scope: pools}",
			"p.yaml line 4: metric out: unknown scope \"pools\" (employee, team, store or pool)\n" +
				"p.yaml line 8: base rate_p is per store, but metric out's targets are per pools"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := mutated(t, poolScopePlan, c.old, c.new)
			_, err := Parse("p.yaml", []byte(text))
			if err == nil || err.Error() != c.want {
				t.Fatalf("err =\n%v\nwant\n%s", err, c.want)
			}
		})
	}
}

func TestIsFigure(t *testing.T) {
	text := strings.Replace(poolScopePlan, "  - {name: total_x, total: x}", "  - {name: total_x, total: x, figure: false}", 1)
	l, err := Parse("p.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		base string
		want bool
	}{{"x", false}, {"total_x", false}, {"rate_p", true}} {
		if got := l.Base(c.base).IsFigure(); got != c.want {
			t.Errorf("%s: IsFigure %v, want %v", c.base, got, c.want)
		}
	}
}

// FuzzPoolsParse: the pool constructs' plans, mutated, load or fail with located errors, never panic.
func FuzzPoolsParse(f *testing.F) {
	f.Add([]byte(poolsPlan))
	f.Add([]byte(poolScopePlan))
	f.Add([]byte(strings.Replace(poolsPlan, "schemes:", "lines: [s, adjustment]\nschemes:", 1)))
	f.Add([]byte(strings.Replace(poolScopePlan, "split: {}}", "split: {adjustable: true, coefficients: [{role: a, coefficient: 1}]}}", 1)))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := Parse("fuzz.yaml", b)
		if err == nil {
			return
		}
		es, ok := err.(Errors)
		if !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
		for _, e := range es {
			if e.File != "fuzz.yaml" || e.Msg == "" {
				t.Fatalf("error without file or message: %+v", e)
			}
		}
	})
}
