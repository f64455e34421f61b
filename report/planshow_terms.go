package report

import (
	"fmt"

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
