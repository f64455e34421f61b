package plan

import "payout/internal/msg"

// Input checks a plan declares (docs/plan.md §5.10): a base's expected rows (ExpectedFor, N20) and the roles
// its rows must belong to (RowsOfRoles, N21). The importers run them after reading (importers/checks_lang.go),
// so that `payout validate` shows them at their cells as well as compute.

// BaseChecks are a row base's keys about which rows its table must or may have.
type BaseChecks struct {
	// ExpectedFor names a scheme: each employee it pays (roles, probation rule) without a row in the base's
	// table is warned about.
	ExpectedFor Ref `yaml:"expected_for"`
	// RowsOfRoles: rows of the base's table must belong to employees of these roles (an input error
	// otherwise); on a base per master team, an apprentice's role must also be its master's.
	RowsOfRoles []Ref `yaml:"rows_of_roles"`
}

// baseChecks checks a base's expected_for and rows_of_roles: a row base by an employee column, a known
// scheme, known roles given once.
func (lc *langChecker) baseChecks(b *Base) {
	x := b.BaseChecks
	for _, k := range []struct {
		on   bool
		line int
		key  string
	}{{x.ExpectedFor.Name != "", x.ExpectedFor.Line, "expected_for"}, {x.RowsOfRoles != nil, b.Name.Line, "rows_of_roles"}} {
		if k.on && (b.From.Name == "" || b.By.Name == "") {
			lc.add(k.line, msg.PlanCheckNeedsBy, b.Name.Name, k.key)
		}
	}
	if x.ExpectedFor.Name != "" && lc.p.Scheme(x.ExpectedFor.Name) == nil {
		lc.add(x.ExpectedFor.Line, msg.PlanUnknownName, "scheme", x.ExpectedFor.Name)
	}
	if x.RowsOfRoles != nil && len(x.RowsOfRoles) == 0 {
		lc.add(b.Name.Line, msg.PlanRowsOfRolesEmpty, b.Name.Name)
	}
	seen := map[string]bool{}
	for _, r := range x.RowsOfRoles {
		lc.known(r, "role", lc.roles)
		if seen[r.Name] {
			lc.add(r.Line, msg.PlanDuplicate, "role of rows_of_roles", r.Name)
		}
		seen[r.Name] = true
	}
}

// Pays reports whether the scheme pays an employee of the role, on probation or not.
func (s *Scheme) Pays(role string, probation bool) bool {
	return HasRef(s.Roles, role) && (!probation || s.Probationers())
}
