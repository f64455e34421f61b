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
			if strings.Count(poolsPlan, c.old) != 1 {
				t.Fatalf("%q occurs %d times", c.old, strings.Count(poolsPlan, c.old))
			}
			_, err := Parse("p.yaml", []byte(strings.Replace(poolsPlan, c.old, c.new, 1)))
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
