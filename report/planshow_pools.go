package report

import (
	"fmt"
	"strings"

	"payout/internal/msg"
	"payout/plan"
)

// plan show's text for the plan language's pool constructs (roles: all, lines, pool scopes and aliases,
// adjustable coefficients, figure: false).

// schemeRoles is whom a scheme pays: every role (roles: all), or its roles' Chinese names.
func (s *planShow) schemeRoles(sc *plan.Scheme) string {
	if sc.AllRoles {
		return msg.ShowAllRoles
	}
	return s.roleLabels(sc.Roles)
}

// lineOrder is the payslip's order of the lines when the plan's lines give one apart from the schemes'.
func (s *planShow) lineOrder() {
	if len(s.p.Lines) == 0 {
		return
	}
	ls := make([]string, len(s.p.Lines))
	for i, l := range s.p.Lines {
		ls[i] = s.p.LineLabel(l.Name)
	}
	s.line(msg.ShowLineOrder, strings.Join(ls, msg.ShowListSep))
}

// storeAchieveWho is whose target a store achievement divides by: a pool scheme's (metric scope pool), or
// the targets of its 范围.
func (s *planShow) storeAchieveWho(a *plan.AchievementOf) string {
	if m := s.p.Metric(a.Metric.Name); m != nil && plan.Scope(m.Scope.Name) == plan.MetricScopePool {
		label := a.Scope.Name
		if sc := s.p.Scheme(a.Scope.Name); sc != nil {
			label = sc.Label.Name
		}
		return fmt.Sprintf(msg.ShowAchievePool, label)
	}
	return fmt.Sprintf(msg.ShowAchieveStore, a.Scope.Name)
}

// poolAliases are a store pool's other names, which the targets' 范围 and the adjustments' 奖金池 may use.
func poolAliases(sc *plan.Scheme) string {
	if len(sc.Aliases) == 0 {
		return ""
	}
	return fmt.Sprintf(msg.ShowPoolAliases, strings.Join(plan.Refs(sc.Aliases), msg.ShowListSep))
}

// adjustable is the split's clause for coefficient adjustments (split.adjustable), if any.
func adjustable(sc *plan.Scheme) []string {
	if !sc.Adjustable() {
		return nil
	}
	return []string{msg.ShowAdjustable}
}

// notFigure is a store base's clause when it is not listed among the month's figures (figure: false).
func notFigure(b *plan.Base) []string {
	if b.Scope() != plan.ScopeStore || b.IsFigure() {
		return nil
	}
	return []string{msg.ShowNotFigure}
}
