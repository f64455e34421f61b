package report

import (
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
