package calc

import (
	"github.com/shopspring/decimal"

	"fmt"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// The plan language's achievement options (docs/plan.md): roles and keys: with_rows say whose rate is
// computed (in the order of the actual's first rows, as the legacy accessory specialists' rates), others the
// value of everybody else, missing what a missing target means (the legacy rules: a probation specialist
// without a target counts 1; a pool's missing target is the pool's to judge).

// achievements computes actual / target for the achievement's keys, and others for the rest of the scope.
func (l *lang) achievements(b *plan.Base, vs *values) {
	a := b.Achievement
	sc := b.Scope()
	computed := map[string]bool{}
	for _, k := range l.achievementKeys(b) {
		computed[k] = true
		scope := k
		if sc == plan.ScopeStore {
			scope = a.Scope.Name
		}
		t, ok := l.target(a.Metric.Name, scope)
		actual := l.value(a.Actual.Name, sc, k)
		if !ok {
			vs.v[k] = l.targetMissing(b, sc, k, scope)
			continue
		}
		rate := actual.DivRound(t.Target, int32(a.Decimals.IntPart()))
		vs.v[k] = rate
		vs.src[k] = append(append([]model.Source{}, l.sources(a.Actual.Name, sc, k)...), t.Src)
		l.achieved[b.Name.Name+"\x00"+k] = Achievement{Metric: a.Metric.Name, Scope: scope, Actual: actual, Target: t.Target, Rate: rate}
	}
	if a.Others == nil {
		return
	}
	for _, k := range l.keys(sc) {
		if !computed[k] {
			vs.v[k] = a.Others.Decimal
		}
	}
}

// targetMissing is the value of a key whose target is missing: missing {probation: v} gives a probation
// employee v silently; by_pool leaves it to the pool schemes (0, recorded); otherwise 0, warned for a key
// whose actual has rows (a team or person with data, the store).
func (l *lang) targetMissing(b *plan.Base, sc plan.Scope, k, scope string) decimal.Decimal {
	a := b.Achievement
	if m := a.Missing; m != nil {
		if m.Probation != nil && l.emps[k] != nil && l.emps[k].Probation {
			return m.Probation.Decimal
		}
		if m.Kind == plan.MissingByPool {
			l.noTarget[b.Name.Name+"\x00"+k] = true
			return zero
		}
	}
	if sc == plan.ScopeStore || len(l.sources(a.Actual.Name, sc, k)) > 0 {
		l.warn(fmt.Sprintf(msg.CalcTargetMissing, a.Metric.Name, keyLabel(scope)))
	}
	return zero
}

// achievementKeys are the keys an achievement computes: the scope's keys (employees of its roles), only those
// whose actual has rows with keys: with_rows, then in the order of their first row.
func (l *lang) achievementKeys(b *plan.Base) []string {
	a := b.Achievement
	sc := b.Scope()
	var keys []string
	for _, k := range l.keys(sc) {
		if sc == plan.ScopeEmployee && len(a.Roles) > 0 && (l.emps[k] == nil || !a.PaysRole(l.emps[k].Role)) {
			continue
		}
		keys = append(keys, k)
	}
	if !a.WithRows() {
		return keys
	}
	in := map[string]bool{}
	for _, k := range keys {
		in[k] = true
	}
	var out []string
	done := map[string]bool{}
	if vs := l.bases[a.Actual.Name]; vs != nil {
		for _, k := range vs.order {
			if in[k] && !done[k] && len(vs.src[k]) > 0 {
				done[k] = true
				out = append(out, k)
			}
		}
	}
	for _, k := range keys {
		if !done[k] && len(l.sources(a.Actual.Name, sc, k)) > 0 {
			out = append(out, k) // an actual without row order (a total, an expression): by key
		}
	}
	return out
}

// baseKeys are the keys a base's values are bounded and recorded in: an achievement with keys: with_rows
// first in its keys' order (the result's achievements keep it), then the rest of the scope.
func (l *lang) baseKeys(b *plan.Base) []string {
	if b.Achievement == nil || !b.Achievement.WithRows() {
		return l.keys(b.Scope())
	}
	out := l.achievementKeys(b)
	first := map[string]bool{}
	for _, k := range out {
		first[k] = true
	}
	for _, k := range l.keys(b.Scope()) {
		if !first[k] {
			out = append(out, k)
		}
	}
	return out
}

// poolAmount is a pool's amount for a key: the scheme's amount, or for a scheme with terms Σ base × rate ×
// factors plus the shares terms, exact and rounded once, filling the pool result's Terms and FromRows. As
// the legacy pools: a factor of a missing: by_pool achievement without its target makes its term 0 (warned
// when the pool has members); a pool without members and such a term has the amount 0.00, shares included
// (said when they were not 0.00).
func (l *lang) poolAmount(s *plan.Scheme, sc plan.Scope, k string, members bool, pr *PoolResult) (decimal.Decimal, decimal.Decimal, LineDetail) {
	if len(s.Terms) == 0 {
		return l.amount(s, sc, k)
	}
	var det LineDetail
	exact, missing := zero, false
	var src []model.Source
	for _, t := range s.Terms {
		tr, gone := l.term(s, t, sc, k, members, pr.Name)
		missing = missing || gone
		det.Achievements = append(det.Achievements, tr.Achievements...)
		if t.Shares {
			pr.FromRows = pr.FromRows.Add(tr.Exact)
			src = append(src, l.sources(t.Base.Name, sc, k)...)
			continue
		}
		pr.Terms = append(pr.Terms, tr)
		exact = exact.Add(tr.Exact)
	}
	f := "round(Σ terms + Σ shares)"
	if missing && !members {
		f, exact = "no members and a target missing: 0.00", zero
		if !cents(pr.FromRows).IsZero() {
			l.warn(fmt.Sprintf(msg.CalcPoolSharesUnpaid, pr.Name, money(cents(pr.FromRows))))
		}
	} else {
		exact = exact.Add(pr.FromRows)
	}
	v, f := l.factors(s.Factors, sc, k, exact, f, s.Name.Name)
	exact = v
	v = bounded(v, l.round(s.Round), s.Min, s.Max)
	l.step(Step{Rule: "pool.amount", Pool: pr.Name, Inputs: []KV{{"terms", exact.Sub(pr.FromRows).String()}, {"shares", pr.FromRows.String()}},
		Formula: f, Result: money(v), Sources: src})
	return v, exact, det
}

// term is one term's exact value: base × rate × each factor, with the achievements among the factors; gone
// reports a by_pool achievement factor whose target is missing (the term is then 0).
func (l *lang) term(s *plan.Scheme, t plan.PoolTerm, sc plan.Scope, k string, members bool, pool string) (Term, bool) {
	tr := Term{Figure: t.Base.Name, Value: l.value(t.Base.Name, sc, k), Rate: t.Rate.Decimal}
	v := tr.Value.Mul(tr.Rate)
	f := fmt.Sprintf("%s × %s", tr.Value, tr.Rate)
	gone := false
	for _, fa := range t.Factors {
		key, _ := l.keyOf(l.p.Base(fa.Name), sc, k)
		if l.noTarget[fa.Name+"\x00"+key] {
			gone = true
			if members {
				l.warn(fmt.Sprintf(msg.CalcTargetMissing, l.p.Base(fa.Name).Achievement.Metric.Name, keyLabel(l.p.Base(fa.Name).Achievement.Scope.Name)))
			}
			continue
		}
		x := l.value(fa.Name, sc, k)
		if a, ok := l.achieved[fa.Name+"\x00"+key]; ok {
			a.Rate = x
			tr.Achievements = append(tr.Achievements, a)
		}
		v = v.Mul(x)
		f += fmt.Sprintf(" × %s", x)
	}
	if gone {
		v, f = zero, f+" (target missing: 0)"
	}
	tr.Exact = v
	l.step(Step{Rule: "pool.term", Pool: pool, Inputs: []KV{{"base", t.Base.Name}, {"value", tr.Value.String()}, {"rate", t.Rate.String()}},
		Formula: f, Result: v.String(), Sources: l.sources(t.Base.Name, sc, k)})
	return tr, gone
}
