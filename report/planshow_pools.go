package report

import (
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
