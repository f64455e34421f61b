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

// lines checks a version-2 plan's `lines` (the payslip order, apart from the order the schemes are
// computed in): every scheme and the adjustments line exactly once.
func (lc *langChecker) lines() {
	if len(lc.p.Lines) == 0 {
		return
	}
	want := map[string]bool{LineAdjustment: true}
	for _, s := range lc.p.Schemes {
		want[s.Name.Name] = true
	}
	got := map[string]bool{}
	for _, l := range lc.p.Lines {
		lc.known(l, "line", want)
		if got[l.Name] {
			lc.add(l.Line, msg.PlanDuplicate, "line", l.Name)
		}
		got[l.Name] = true
	}
	for _, s := range lc.p.Schemes {
		if !got[s.Name.Name] {
			lc.add(lc.p.Lines[0].Line, msg.PlanLineMissing, s.Name.Name)
		}
	}
	if !got[LineAdjustment] {
		lc.add(lc.p.Lines[0].Line, msg.PlanLineMissing, LineAdjustment)
	}
}

// MetricScopePool is a metric's scope whose targets' 范围 names a store pool scheme (its name, label or one
// of its aliases); the target is read as the scheme's name.
const MetricScopePool Scope = "pool"

// PoolSchemes are the schemes with pool: store, in plan order: the pools a target's 范围 (metric scope
// pool) and an adjustment's 奖金池 name.
func (p *Plan) PoolSchemes() []*Scheme {
	var out []*Scheme
	for i := range p.Schemes {
		if s := &p.Schemes[i]; s.PoolScope() == ScopeStore {
			out = append(out, s)
		}
	}
	return out
}

// poolNamed is a store pool scheme's names: its name, then its label (printed) and aliases.
func (s *Scheme) poolNamed() Named {
	n := Named{Name: s.Name}
	if s.Label.Name != "" {
		n.Aliases = append(n.Aliases, s.Label)
	}
	for _, a := range s.Aliases {
		if a.Name != s.Label.Name {
			n.Aliases = append(n.Aliases, a)
		}
	}
	return n
}

// langPoolEnum is the store pool schemes by name, label and alias (PoolEnum under version 2).
func (p *Plan) langPoolEnum() Enum {
	var ns []Named
	for _, s := range p.PoolSchemes() {
		ns = append(ns, s.poolNamed())
	}
	return namedEnum(ns)
}

// poolNames checks scheme aliases: only on store pools, and no name of one pool is another's.
func (lc *langChecker) poolNames() {
	var ns []Named
	for i := range lc.p.Schemes {
		s := &lc.p.Schemes[i]
		if len(s.Aliases) == 0 {
			continue
		}
		if s.PoolScope() != ScopeStore {
			lc.add(s.Aliases[0].Line, msg.PlanAliasesNotPool, s.Name.Name)
		}
	}
	for _, s := range lc.p.PoolSchemes() {
		ns = append(ns, s.poolNamed())
	}
	if len(ns) > 0 {
		lc.names("pool", ns)
	}
}

// poolAchievement checks an achievement of a metric of scope pool: a store base whose scope names a store
// pool scheme by its name. It reports whether the metric is of scope pool.
func (lc *langChecker) poolAchievement(b *Base, m *Metric) bool {
	if Scope(m.Scope.Name) != MetricScopePool {
		return false
	}
	a := b.Achievement
	if b.Scope() != ScopeStore {
		lc.add(a.Metric.Line, msg.PlanAchMetricScope, b.Name.Name, b.Scope(), m.Name.Name, MetricScopePool)
		return true
	}
	if a.Scope.Name == "" {
		return true // PlanStoreAchScope
	}
	if s := lc.p.Scheme(a.Scope.Name); s == nil || s.PoolScope() != ScopeStore {
		lc.add(a.Scope.Line, msg.PlanAchScopeNotPool, b.Name.Name, a.Scope.Name, m.Name.Name)
	}
	return true
}

// adjustable checks split.adjustable: a store pool split by role coefficients (an adjustment's 奖金池 names
// a store pool; what it replaces is a role's coefficient).
func (lc *langChecker) adjustable(s *Scheme) {
	if !s.Split.Adjustable {
		return
	}
	if s.PoolScope() != ScopeStore || len(s.Split.Coefficients) == 0 {
		lc.add(s.Name.Line, msg.PlanAdjustableShape, s.Name.Name)
	}
}

// Adjustable reports whether the adjustments' coefficient rows apply to the scheme (split.adjustable).
func (s *Scheme) Adjustable() bool { return s.Split != nil && s.Split.Adjustable }

// IsFigure reports whether a base is listed among the month's figures (the result's figures, the summary's
// 指标 sheet): every store base unless it says figure: false.
func (b *Base) IsFigure() bool { return b.Scope() == ScopeStore && (b.Figure == nil || *b.Figure) }

// figure checks that figure is said of a store base only.
func (lc *langChecker) figure(b *Base) {
	if b.Figure != nil && b.Scope() != ScopeStore {
		lc.add(b.Name.Line, msg.PlanFigureNotStore, b.Name.Name, b.Scope())
	}
}
