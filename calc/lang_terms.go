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
