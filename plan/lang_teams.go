package plan

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"payout/internal/msg"
	"payout/plan/formula"
)

// Master teams (teams: {master: master_id}): a team is a master and the apprentices whose 师傅工号 names it,
// named by the master's id (model.Teams); everybody else heads a team of one.

// MasterColumn is the roster column that master teams are read from.
const MasterColumn = "master_id"

// ByMaster reports whether the teams are masters and their apprentices.
func (t *Teams) ByMaster() bool { return t != nil && t.Master.Name != "" }

// masterTeams checks master teams; false when the teams are by a column (checked by inputs).
func (lc *langChecker) masterTeams() bool {
	t := lc.p.Teams
	if !t.ByMaster() {
		return false
	}
	if t.Column.Name != "" {
		lc.add(t.Column.Line, msg.PlanTeamsBoth)
	}
	if t.Master.Name != MasterColumn {
		lc.add(t.Master.Line, msg.PlanTeamsMaster, t.Master.Name)
	}
	return true
}

// apprenticeSplit checks the master/apprentice split: a team pool over master teams, alone, by a number
// column of the roster.
func (lc *langChecker) apprenticeSplit(s *Scheme) {
	sp, name := s.Split, s.Name.Name
	if sp == nil || sp.ApprenticeShare.Name == "" {
		return
	}
	if s.PoolScope() != ScopeTeam || !lc.p.Teams.ByMaster() {
		lc.add(sp.ApprenticeShare.Line, msg.PlanApprenticeTeams, name)
	}
	for _, k := range []struct {
		on  bool
		key string
	}{{len(sp.Coefficients) > 0, "coefficients"}, {sp.Column.Name != "", "column"}, {sp.Times != nil, "times"},
		{s.NetOfBaseSalaries, "net_of_base_salaries"}} {
		if k.on {
			lc.add(sp.ApprenticeShare.Line, msg.PlanApprenticeAlone, name, k.key)
		}
	}
	if col := lc.column(lc.tables["employees"], sp.ApprenticeShare); col != nil && col.ColumnType().Formula() != formula.Number {
		lc.add(sp.ApprenticeShare.Line, msg.PlanColumnNotNum, "scheme "+name+" split", sp.ApprenticeShare.Name)
	}
}

// RoleRate is one role's rate in a rate by role.
type RoleRate struct {
	Role Ref
	Rate *Rate
}

// For returns the rate of a role: its entry, else the default; nil when there is neither.
func (r *Rate) For(role string) *Rate {
	for _, rr := range r.ByRole {
		if rr.Role.Name == role {
			return rr.Rate
		}
	}
	return r.Default
}

// rateByRole checks a rate by role: a per-person scheme or a team pool over master teams, known roles of the
// scheme, each once, each rate (and the default) a number or tiers.
func (lc *langChecker) rateByRole(s *Scheme, r *Rate) {
	name := s.Name.Name
	switch ps := s.PoolScope(); {
	case ps == ScopeStore, ps == ScopeTeam && !lc.p.Teams.ByMaster():
		lc.add(r.Line, msg.PlanByRoleScope, name)
	}
	if len(r.ByRole) == 0 {
		lc.add(r.Line, msg.PlanByRoleEmpty, name)
	}
	seen := map[string]bool{}
	for _, rr := range r.ByRole {
		lc.known(rr.Role, "role", lc.roles)
		if seen[rr.Role.Name] {
			lc.add(rr.Role.Line, msg.PlanDuplicate, "rate of role", rr.Role.Name)
		}
		seen[rr.Role.Name] = true
		if lc.roles[rr.Role.Name] && !HasRef(s.Roles, rr.Role.Name) {
			lc.add(rr.Role.Line, msg.PlanByRoleNotPaid, name, rr.Role.Name)
		}
		lc.roleRate(s, rr.Rate, rr.Role.Name, rr.Role.Line)
	}
	if r.Default != nil {
		lc.roleRate(s, r.Default, "default", r.Default.Line)
	}
}

func (lc *langChecker) roleRate(s *Scheme, r *Rate, what string, line int) {
	if r == nil || (r.Value == nil && r.Tiers == nil) || r.PerRow != nil || r.ByRole != nil || r.Default != nil {
		lc.add(line, msg.PlanByRoleRate, s.Name.Name, what)
		return
	}
	lc.rate(s, r)
}

// hasKey reports whether a mapping node has the key.
func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// unmarshalByRole reads {by_role: {role: rate, …}, default: rate}, keeping the file's order.
func (r *Rate) unmarshalByRole(n *yaml.Node) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "by_role":
			if v.Kind != yaml.MappingNode {
				return typeErr(v.Line, "expected rates by role (role: rate, …)")
			}
			r.ByRole = []RoleRate{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rr := RoleRate{Role: Ref{Name: strings.TrimSpace(v.Content[j].Value), Line: v.Content[j].Line}, Rate: &Rate{}}
				if err := v.Content[j+1].Decode(rr.Rate); err != nil {
					return err
				}
				r.ByRole = append(r.ByRole, rr)
			}
		case "default":
			r.Default = &Rate{}
			if err := v.Decode(r.Default); err != nil {
				return err
			}
		default:
			return typeErr(k.Line, fmt.Sprintf(msg.PlanByRoleKey, k.Value))
		}
	}
	return nil
}

// byRoleYAML writes a rate by role in the order it was read.
func (r Rate) byRoleYAML() (any, error) {
	roles := &yaml.Node{Kind: yaml.MappingNode}
	for _, rr := range r.ByRole {
		v := &yaml.Node{}
		if err := v.Encode(rr.Rate); err != nil {
			return nil, err
		}
		roles.Content = append(roles.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: rr.Role.Name}, v)
	}
	out := &yaml.Node{Kind: yaml.MappingNode}
	out.Content = append(out.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "by_role"}, roles)
	if r.Default != nil {
		v := &yaml.Node{}
		if err := v.Encode(r.Default); err != nil {
			return nil, err
		}
		out.Content = append(out.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "default"}, v)
	}
	return out, nil
}

// Reduction lowers every band's rate of a tier table by the first band whose UpTo × Per is at least Of (exact:
// no division), or by Above beyond the last band; only once the first tier is reached, and never below 0
// (the legacy painter material bands).
type Reduction struct {
	Of    Ref            `yaml:"of"`
	Per   Ref            `yaml:"per"`
	Bands []MaterialBand `yaml:"bands"`
	Above *Dec           `yaml:"above"`
	// WarnAbove warns when Of is above the last band (the rates are lowered by Above).
	WarnAbove bool `yaml:"warn_above,omitempty"`
}

// noLangTiers refuses the version-2 options of a tier table in a version-1 plan.
func (c *checker) noLangTiers(t Tiers, key string, line int) {
	if t.Reduction != nil {
		c.add(line, msg.PlanTiersV1Key, key, "reduction")
	}
	if t.WarnAboveTop {
		c.add(line, msg.PlanTiersV1Key, key, "warn_above_top")
	}
}

// tierOptions checks a tier table's reduction.
func (lc *langChecker) tierOptions(s *Scheme, t *Tiers, line int) {
	if n := len(t.Bands); t.WarnAboveTop && n > 0 && t.Bands[n-1].To == nil {
		lc.add(line, msg.PlanWarnNoTop, s.Name.Name)
	}
	rd := t.Reduction
	if rd == nil {
		return
	}
	ps := s.PoolScope()
	for _, r := range []Ref{rd.Of, rd.Per} {
		if r.Name == "" {
			lc.add(line, msg.PlanMissingKey, "rate.tiers.reduction.of and per")
			continue
		}
		if b := lc.baseRef(r); b != nil {
			lc.poolUse(s, ps, b)
		}
	}
	if len(rd.Bands) == 0 {
		lc.add(line, msg.PlanNoBands, "rate.tiers.reduction")
	}
	for i, b := range rd.Bands {
		lc.nonNegative(b.UpTo, "reduction.up_to", line)
		lc.nonNegative(b.Reduction, "reduction.reduction", orLine(b.UpTo.Line, line))
		if i > 0 && lc.comparable(b.UpTo, rd.Bands[i-1].UpTo) && !b.UpTo.GreaterThan(rd.Bands[i-1].UpTo.Decimal) {
			lc.add(b.UpTo.Line, msg.PlanTierOrder, "rate.tiers.reduction", rd.Bands[i-1].UpTo.String(), b.UpTo.String())
		}
	}
	if rd.Above == nil {
		lc.add(line, msg.PlanMissingKey, "rate.tiers.reduction.above")
	} else {
		lc.nonNegative(*rd.Above, "reduction.above", orLine(rd.Above.Line, line))
	}
}
