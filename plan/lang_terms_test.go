package plan

import (
	"strings"
	"testing"
)

// termsPlan is a small version-2 plan for the achievement options' and terms' checks.
const termsPlan = `version: 2
roles: [{name: a, aliases: [甲]}, {name: b, aliases: [乙]}]
metrics:
  - {name: m, aliases: [目标一], scope: employee}
  - {name: pm, aliases: [目标二], scope: pool}
bases:
  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id}
  - {name: t, per: store, total: x}
  - {name: ach, per: employee, achievement: {actual: x, metric: m, decimals: 4, roles: [a], keys: with_rows, others: 1, missing: {probation: 1}, required: true}}
  - {name: pach, achievement: {actual: t, metric: pm, scope: p, decimals: 4, missing: by_pool, required: true}}
schemes:
  - {name: s, label: S, roles: all, amount: x * ach}
  - {name: p, label: P, roles: [a], pool: store, base: t, rate: 0.01, factors: [{value: pach}], split: {}}
`

func TestAchievementOptions(t *testing.T) {
	l, err := Parse("p.yaml", []byte(termsPlan))
	if err != nil {
		t.Fatal(err)
	}
	a := l.Base("ach").Achievement
	if !a.WithRows() || a.Others.String() != "1" || a.Missing.Probation.String() != "1" || !a.Required || !a.PaysRole("a") || a.PaysRole("b") {
		t.Errorf("ach %+v", a.AchievementMore)
	}
	if !l.Base("pach").Achievement.ByPool() {
		t.Errorf("pach not by_pool")
	}
}

// TestAchievementOptionsErrors mutates termsPlan and checks each error's line and exact message.
func TestAchievementOptionsErrors(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"missing neither warn, by_pool nor probation", "missing: {probation: 1}", "missing: {trainee: 1}",
			"p.yaml line 9: expected missing: warn, by_pool or {probation: number}"},
		{"missing an unknown word", "missing: by_pool", "missing: never",
			"p.yaml line 10: expected missing: warn, by_pool or {probation: number}"},
		{"unknown keys", "keys: with_rows", "keys: all",
			"p.yaml line 9: base ach: unknown achievement keys \"all\" (with_rows)"},
		{"an unknown role", "roles: [a], keys", "roles: [c], keys",
			"p.yaml line 9: unknown role \"c\""},
		{"by_pool on an employee achievement", "missing: {probation: 1}", "missing: by_pool",
			"p.yaml line 9: base ach: achievement missing: by_pool belongs to a store achievement of a pool (this one is per employee)"},
		{"store achievement with employee options", "missing: by_pool, required", "keys: with_rows, others: 2, missing: {probation: 1}, roles: [a], required",
			"p.yaml line 10: base pach: achievement roles belongs to a per-employee achievement (this one is per store)\n" +
				"p.yaml line 10: base pach: achievement keys does not apply to a store achievement (it has one key, the store)\n" +
				"p.yaml line 10: base pach: achievement others does not apply to a store achievement (it has one key, the store)\n" +
				"p.yaml line 10: base pach: achievement missing.probation belongs to a per-employee achievement (this one is per store)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.Count(termsPlan, c.old) != 1 {
				t.Fatalf("%q occurs %d times", c.old, strings.Count(termsPlan, c.old))
			}
			_, err := Parse("p.yaml", []byte(strings.Replace(termsPlan, c.old, c.new, 1)))
			if err == nil || err.Error() != c.want {
				t.Fatalf("err =\n%v\nwant\n%s", err, c.want)
			}
		})
	}
}

// poolTermsPlan has a store pool with terms.
const poolTermsPlan = `version: 2
roles: [{name: a, aliases: [甲]}]
metrics:
  - {name: pm, aliases: [目标二], scope: pool}
bases:
  - {name: x, from: repair_orders, sum: paid_amount, by: advisor_id}
  - {name: t, per: store, total: x}
  - {name: pach, achievement: {actual: t, metric: pm, scope: p, decimals: 4, missing: by_pool}}
schemes:
  - name: p
    label: P
    roles: [a]
    pool: store
    terms:
      - {base: t, rate: 0.01, factors: [pach]}
      - {base: t, rate: 0.02, shares: true}
    split: {}
`

func TestPoolTermsParse(t *testing.T) {
	l, err := Parse("p.yaml", []byte(poolTermsPlan))
	if err != nil {
		t.Fatal(err)
	}
	ts := l.Scheme("p").Terms
	if len(ts) != 2 || ts[0].Line != 15 || ts[0].Factors[0].Name != "pach" || !ts[1].Shares || ts[1].Rate.String() != "0.02" {
		t.Errorf("terms %+v", ts)
	}
}

func TestPoolTermsErrors(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"terms and a base", "    terms:\n", "    base: t\n    rate: 0.01\n    terms:\n",
			"p.yaml line 10: scheme p must have exactly one amount: base with rate, fixed, steps, amount or terms; it has base, terms"},
		{"terms of a scheme that is no store pool", "    pool: store\n", "",
			"p.yaml line 8: base pach: achievement scope \"p\" must be the name of a store pool scheme (pool: store), since metric pm's targets name a pool\n" +
				"p.yaml line 10: scheme p: terms belong to a store pool (pool: store): they sum the store's bases into one amount\n" +
				"p.yaml line 10: scheme p: split belongs to a pool (pool: team or store)"},
		{"a term without a rate, an unknown factor, a negative rate", "{base: t, rate: 0.01, factors: [pach]}", "{base: t, factors: [nope]}\n      - {base: t, rate: -1}",
			"p.yaml line 15: missing key terms.rate\np.yaml line 15: unknown base \"nope\"\np.yaml line 16: terms.rate must not be negative, got -1"},
		{"a term with an employee base", "{base: t, rate: 0.02", "{base: x, rate: 0.02",
			"p.yaml line 10: scheme p is a pool per store, so its amount cannot use x, which is per employee (use it in then:, gates or deductions)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.Count(poolTermsPlan, c.old) != 1 {
				t.Fatalf("%q occurs %d times", c.old, strings.Count(poolTermsPlan, c.old))
			}
			_, err := Parse("p.yaml", []byte(strings.Replace(poolTermsPlan, c.old, c.new, 1)))
			if err == nil || err.Error() != c.want {
				t.Fatalf("err =\n%v\nwant\n%s", err, c.want)
			}
		})
	}
}
