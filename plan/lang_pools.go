package plan

import (
	"go.yaml.in/yaml/v3"

	"payout/internal/msg"
)

// The plan language's pool constructs: `roles: all`, `lines`, metric `scope: pool` with scheme `aliases`,
// `split.adjustable` and base `figure: false` (docs/plan.md).

// RolesAll is how `roles: all` is written: every role of the plan.
const RolesAll = "all"

// allRolesMark is the single element RoleList holds for `roles: all` until the checker expands it; it is
// not an identifier, so no role can have this name.
const allRolesMark = "*all"

// RoleList is a list of roles, or the scalar `all` (every role of the plan; the checker replaces it by the
// plan's roles and sets the scheme's or base's AllRoles).
type RoleList []Ref

// UnmarshalYAML reads a list of role names or the scalar all.
func (rl *RoleList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		if n.Value != RolesAll {
			return typeErr(n.Line, msg.PlanRolesAll)
		}
		*rl = RoleList{{Name: allRolesMark, Line: n.Line}}
		return nil
	}
	var rs []Ref
	if err := n.Decode(&rs); err != nil {
		return err
	}
	*rl = rs
	return nil
}

// all reports whether the list was written `all` (and not expanded yet).
func (rl RoleList) all() bool { return len(rl) == 1 && rl[0].Name == allRolesMark }

// allRoles expands `roles: all` of schemes and totals into every role of the plan, in the plan's order.
func (lc *langChecker) allRoles() {
	expand := func(rl *RoleList, flag *bool) {
		if !rl.all() {
			return
		}
		line := (*rl)[0].Line
		out := make(RoleList, len(lc.p.Roles))
		for i, r := range lc.p.Roles {
			out[i] = Ref{Name: r.Name.Name, Line: line}
		}
		*rl, *flag = out, true
	}
	for i := range lc.p.Schemes {
		s := &lc.p.Schemes[i]
		expand(&s.Roles, &s.AllRoles)
	}
	for i := range lc.p.Bases {
		b := &lc.p.Bases[i]
		expand(&b.Roles, &b.AllRoles)
	}
}
