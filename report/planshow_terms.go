package report

import (
	"fmt"
	"strings"

	"payout/internal/msg"
	"payout/plan"
)

// plan show's reading of the achievement options (roles, keys, others, missing, required) and pool terms.

// achievementMore says whose rate an achievement computes, what everybody else gets and what a missing
// target means.
func (s *planShow) achievementMore(b *plan.Base) []string {
	a := b.Achievement
	var out []string
	if len(a.Roles) > 0 {
		out = append(out, fmt.Sprintf(msg.ShowAchRoles, s.roleLabels(a.Roles)))
	}
	if a.WithRows() {
		out = append(out, msg.ShowAchWithRows)
	}
	if a.Others != nil {
		out = append(out, fmt.Sprintf(msg.ShowAchOthers, a.Others))
	}
	if m := a.Missing; m != nil {
		switch {
		case m.Probation != nil:
			out = append(out, fmt.Sprintf(msg.ShowAchMissingProb, m.Probation))
		case m.Kind == plan.MissingByPool:
			out = append(out, msg.ShowAchMissingPool)
		}
	}
	if a.Required {
		what := msg.ShowAchRequiredEmp
		if b.Scope() == plan.ScopeStore {
			what = msg.ShowAchRequiredStore
		}
		out = append(out, what)
	}
	return out
}

// terms reads a pool's terms: each base × rate × factors, the shares terms marked, summed exactly and
// rounded once.
func (s *planShow) terms(sc *plan.Scheme) string {
	parts := make([]string, len(sc.Terms))
	for i, t := range sc.Terms {
		b := s.p.Base(t.Base.Name)
		var p string
		if s.isMoney(b, 0) {
			p = fmt.Sprintf(msg.ShowTimesPct, b.Title(), pct(t.Rate.Decimal))
		} else {
			p = fmt.Sprintf(msg.ShowTimesYuan, b.Title(), t.Rate)
		}
		for _, f := range t.Factors {
			p += msg.ShowTermTimes + s.baseTitle(f.Name)
		}
		if t.Shares {
			p += msg.ShowTermShares
		}
		parts[i] = p
	}
	return fmt.Sprintf(msg.ShowTerms, strings.Join(parts, msg.ShowTermPlus))
}

// termBases are the bases a scheme's terms name, in order.
func termBases(sc *plan.Scheme) []string {
	var out []string
	for _, t := range sc.Terms {
		out = append(out, t.Base.Name)
		out = append(out, plan.Refs(t.Factors)...)
	}
	return out
}
