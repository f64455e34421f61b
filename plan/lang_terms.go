package plan

import (
	"go.yaml.in/yaml/v3"

	"payout/internal/msg"
)

// The plan language's achievement options (N6: roles, keys, others, missing, required; docs/plan.md) and
// pool terms (N7).

// AchievementMore are the achievement keys that say whose rate is computed and what a missing target means
// (inlined in AchievementOf).
type AchievementMore struct {
	// Roles: a per-employee achievement only for the employees of these roles (probation included).
	Roles []Ref `yaml:"roles"`
	// Keys: KeysWithRows computes only the keys whose actual has rows, in the order of their first row.
	Keys Ref `yaml:"keys"`
	// Others is the value of every key not computed (default 0).
	Others *Dec `yaml:"others"`
	// Missing says what a missing target means (default: warned, 0).
	Missing *Missing `yaml:"missing"`
	// Required: a missing target is an input error (importers).
	Required bool `yaml:"required"`
}

// KeysWithRows is `keys: with_rows`.
const KeysWithRows = "with_rows"

// The scalar values of an achievement's missing.
const (
	MissingWarn   = "warn"    // warned, the rate is 0 (the default)
	MissingByPool = "by_pool" // not warned here: the pool schemes whose terms use the base decide (N7)
)

// Missing is an achievement's `missing`: warn, by_pool, or {probation: v} (a probation employee without a
// target gets v silently; anyone else is warned about and gets 0).
type Missing struct {
	Kind      string // MissingWarn, MissingByPool, or "" with Probation set
	Probation *Dec
	Line      int
}

// UnmarshalYAML reads warn, by_pool or {probation: number}.
func (m *Missing) UnmarshalYAML(n *yaml.Node) error {
	m.Line = n.Line
	if n.Kind == yaml.ScalarNode {
		if n.Value != MissingWarn && n.Value != MissingByPool {
			return typeErr(n.Line, msg.PlanAchMissing)
		}
		m.Kind = n.Value
		return nil
	}
	var v struct {
		Probation *Dec `yaml:"probation"`
	}
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 || n.Content[0].Value != "probation" {
		return typeErr(n.Line, msg.PlanAchMissing)
	}
	if err := n.Decode(&v); err != nil {
		return err
	}
	m.Probation = v.Probation
	return nil
}

// MarshalYAML writes the scalar or the mapping.
func (m Missing) MarshalYAML() (any, error) {
	if m.Probation != nil {
		return map[string]Dec{"probation": *m.Probation}, nil
	}
	return m.Kind, nil
}

// ByPool reports whether a missing target is left to the pool schemes (missing: by_pool).
func (a *AchievementOf) ByPool() bool { return a.Missing != nil && a.Missing.Kind == MissingByPool }

// WithRows reports whether only keys whose actual has rows are computed (keys: with_rows).
func (a *AchievementOf) WithRows() bool { return a.Keys.Name == KeysWithRows }

// achievementMore checks an achievement's options against the base's scope.
func (lc *langChecker) achievementMore(b *Base, sc Scope) {
	a, c, name := b.Achievement, lc.checker, b.Name.Name
	for _, r := range a.Roles {
		c.known(r, "role", lc.roles)
	}
	if len(a.Roles) > 0 && sc != ScopeEmployee {
		c.add(a.Roles[0].Line, msg.PlanAchNotEmployee, name, "roles", sc)
	}
	if a.Keys.Name != "" && a.Keys.Name != KeysWithRows {
		c.add(a.Keys.Line, msg.PlanAchKeys, name, a.Keys.Name)
	}
	if a.Keys.Name != "" && sc == ScopeStore {
		c.add(a.Keys.Line, msg.PlanAchStoreKey, name, "keys")
	}
	if a.Others != nil && sc == ScopeStore {
		c.add(a.Others.Line, msg.PlanAchStoreKey, name, "others")
	}
	if m := a.Missing; m != nil {
		switch {
		case m.Probation != nil && sc != ScopeEmployee:
			c.add(m.Line, msg.PlanAchNotEmployee, name, "missing.probation", sc)
		case m.Kind == MissingByPool && sc != ScopeStore:
			c.add(m.Line, msg.PlanAchByPool, name, sc)
		}
	}
	if a.Required && sc == ScopeTeam {
		c.add(b.Name.Line, msg.PlanAchRequiredTeam, name)
	}
}

// PaysRole reports whether an employee of this role has a computed rate (roles empty: every role).
func (a *AchievementOf) PaysRole(role string) bool { return len(a.Roles) == 0 || HasRef(a.Roles, role) }

// PoolTerm is one term of a store pool's amount (scheme terms): the base × Rate × every factor (bases,
// usually achievement rates), exact. Shares terms are the pool's shares of rows sent to it (the result's
// FromRows, the summary's 精品提成 row) rather than a term of its own.
type PoolTerm struct {
	Base    Ref   `yaml:"base"`
	Rate    Dec   `yaml:"rate"`
	Factors []Ref `yaml:"factors"`
	Shares  bool  `yaml:"shares"`
	Line    int   `yaml:"-"`
}

// UnmarshalYAML reads a term and keeps its line.
func (t *PoolTerm) UnmarshalYAML(n *yaml.Node) error {
	type plain PoolTerm
	var v plain
	err := n.Decode(&v)
	*t = PoolTerm(v)
	t.Line = n.Line
	return err
}

// terms checks a scheme's terms: a store pool's, each with a base, a rate of at least 0 and factors that are
// store bases.
func (lc *langChecker) terms(s *Scheme, ps Scope) {
	if len(s.Terms) == 0 {
		return
	}
	c, name := lc.checker, s.Name.Name
	if ps != ScopeStore {
		c.add(s.Name.Line, msg.PlanTermsNotStore, name)
	}
	for _, t := range s.Terms {
		if t.Base.Name == "" {
			c.add(t.Line, msg.PlanMissingKey, "terms.base")
		} else if b := lc.baseRef(t.Base); b != nil {
			lc.poolUse(s, ps, b)
		}
		if t.Rate.Line == 0 {
			c.add(t.Line, msg.PlanMissingKey, "terms.rate")
		} else {
			c.nonNegative(t.Rate, "terms.rate", t.Line)
		}
		for _, f := range t.Factors {
			if b := lc.baseRef(f); b != nil {
				lc.poolUse(s, ps, b)
			}
		}
	}
}
