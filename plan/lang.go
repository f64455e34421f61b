package plan

import (
	"slices"

	"payout/internal/msg"
	"payout/plan/formula"
)

// The plan language (version 2, docs/plan.md): a plan is its inputs (inputs.go), named quantities computed
// from them (bases) and the payslip lines (schemes) that pay on them. Nothing else is mandatory. The types
// here are what the file says; check.go checks them and compiles their expressions once, when the plan loads.

// Version2 is the version of plans written in the plan language.
const Version2 = 2

// Scope says whose value a base is: one per employee, one per team, or one for the store.
type Scope string

// The scopes, from the narrowest.
const (
	ScopeEmployee Scope = "employee"
	ScopeTeam     Scope = "team"
	ScopeStore    Scope = "store"
)

// Expr is an expression of the plan file (formula syntax, docs/plan.md), with where it stands.
type Expr struct {
	Src  string
	Line int // the line of the YAML scalar
	Col  int // the column of the scalar's first character

	prog *formula.Program // compiled when the plan loads
}

// Program is the compiled expression (nil only in a plan that failed to load).
func (e *Expr) Program() *formula.Program { return e.prog }

// Base is a named quantity of the month: exactly one of the kinds (a sum or count over a table's rows,
// a total of an employee base over the roster, arithmetic over other bases, an achievement rate), then
// optionally rounded and bounded.
type Base struct {
	Name  Ref    `yaml:"name"`  // an identifier used by expressions and schemes
	Label string `yaml:"label"` // the name printed in explanations; empty: Name
	Per   Ref    `yaml:"per"`   // employee, team or store; default: employee when By is set, else store

	// Rows of a table: Sum (an expression over the row's columns), Count or CountDistinct (a column),
	// over the rows of From that pass Where, each row assigned by the employee column By (to that employee,
	// or to that employee's team), each weighted by Weights.
	From          Ref      `yaml:"from"`
	Sum           *Expr    `yaml:"sum"`
	Count         bool     `yaml:"count"`
	CountDistinct Ref      `yaml:"count_distinct"`
	Where         *Expr    `yaml:"where"`
	By            Ref      `yaml:"by"`
	Weights       *ByValue `yaml:"weights"`

	// Total is an employee base summed over the roster's employees of Roles (all when empty) into each
	// team or the store; probation employees count unless Probation is "excluded".
	Total     Ref      `yaml:"total"`
	Roles     RoleList `yaml:"roles"` // `all` (AllRoles): every role of the plan
	Probation Ref      `yaml:"probation"`
	AllRoles  bool     `yaml:"-"` // Roles was written `all` (lang_pools.go)

	// Expr is arithmetic over other bases.
	Expr *Expr `yaml:"expr"`

	// Achievement is actual / target (the targets table), rounded and bounded.
	Achievement *AchievementOf `yaml:"achievement"`

	// Round rounds the value half away from zero to this many decimals; Min and Max bound it.
	Round *Dec `yaml:"round"`
	Min   *Dec `yaml:"min"`
	Max   *Dec `yaml:"max"`

	// Figure false: a store base not listed among the month's figures (lang_pools.go).
	Figure *bool `yaml:"figure"`

	BaseChecks `yaml:",inline"` // expected rows and rows of roles (lang_checks.go)
}

// AchievementOf is an achievement rate: the base Actual divided by the target of Metric for the base's
// scope (the employee id, the team's name, or for a store base the target's 范围 Scope), rounded half up to
// Decimals places.
type AchievementOf struct {
	Actual   Ref `yaml:"actual"`
	Metric   Ref `yaml:"metric"`
	Scope    Ref `yaml:"scope"`
	Decimals Dec `yaml:"decimals"`

	AchievementMore `yaml:",inline"` // roles, keys, others, missing, required (lang_terms.go)
}

// ByValue maps a column's values to numbers (weights, rates per unit); rows with another value take
// Default (absent: 1 for weights, an error for rates).
type ByValue struct {
	Column  Ref      `yaml:"column"`
	Values  ValueMap `yaml:"values"`
	Default *Dec     `yaml:"default"`
}

// ValueMap is `{value: number, …}` in file order.
type ValueMap []ValueAmount

// ValueAmount is one value of a ValueMap.
type ValueAmount struct {
	Value Ref
	Is    Dec
}

// Probation settings of a scheme.
const (
	ProbationExcluded = "excluded" // probation employees are not paid the line (the default)
	ProbationPaid     = "paid"     // probation employees are paid the line like the others
)

// Scheme is one payslip line: whom it pays (Roles, Probation), what and how (the amount), and what follows.
// The order of the steps is fixed (docs/plan.md, 计算顺序): amount → factors → round → min/max → [pool: net of
// base salaries → split] → then → quota → gates → negate → deductions.
type Scheme struct {
	Name      Ref      `yaml:"name"`
	Label     Ref      `yaml:"label"`   // the payslip line's name
	Aliases   []Ref    `yaml:"aliases"` // a store pool's other names in 目标.范围 and 调整.奖金池 (lang_pools.go)
	Roles     RoleList `yaml:"roles"`   // `all` (AllRoles): every role of the plan
	Probation Ref      `yaml:"probation"`
	AllRoles  bool     `yaml:"-"` // Roles was written `all` (lang_pools.go)
	// Pool: empty, the amount is computed for each person; team or store, it is computed once for each
	// team (or the store) and split among the members by Split.
	Pool Ref `yaml:"pool"`

	// The amount, one of: Base × Rate, Fixed, Steps (an amount by the band a base falls in), Amount (an
	// expression over bases).
	Base   Ref    `yaml:"base"`
	Rate   *Rate  `yaml:"rate"`
	Fixed  *Dec   `yaml:"fixed"`
	Steps  *Steps `yaml:"steps"`
	Amount *Expr  `yaml:"amount"`
	// Terms: a store pool's amount as Σ base × rate × factors, exact, rounded once (lang_terms.go).
	Terms []PoolTerm `yaml:"terms"`

	Factors []Factor `yaml:"factors"`
	Round   *Dec     `yaml:"round"` // decimals of the amount; default: the plan's rounding.decimals
	Min     *Dec     `yaml:"min"`
	Max     *Dec     `yaml:"max"`

	NetOfBaseSalaries bool   `yaml:"net_of_base_salaries"`
	Split             *Split `yaml:"split"`
	Then              *Then  `yaml:"then"`

	Quota      *Quota      `yaml:"quota"`
	Gates      []Gate      `yaml:"gates"`
	Negate     bool        `yaml:"negate"`
	Deductions []Deduction `yaml:"deductions"`

	SchemeMore `yaml:",inline"`
}

// Rate is a scheme's rate: a constant (Value), a tier table (Tiers), or a rate per unit by a column's value
// of each row (PerRow; the scheme's base must then be a sum or count over rows).
type Rate struct {
	Value  *Dec
	Tiers  *Tiers
	PerRow *ByValue
	Line   int
	// ByRole: the rate of the person's role, else Default (lang_teams.go).
	ByRole  []RoleRate
	Default *Rate
}

// Steps pays the amount of the highest band whose From the base reaches (From ≤ value); below the first
// band, 0.
type Steps struct {
	On    Ref        `yaml:"on"`
	Bands []StepBand `yaml:"bands"`
}

// StepBand is one band of Steps.
type StepBand struct {
	From   Dec `yaml:"from"`
	Amount Dec `yaml:"amount"`
}

// Factor multiplies the amount: an expression over bases, optionally rounded and bounded.
type Factor struct {
	Label string `yaml:"label"`
	Value *Expr  `yaml:"value"`
	Round *Dec   `yaml:"round"`
	Min   *Dec   `yaml:"min"`
	Max   *Dec   `yaml:"max"`
}

// Split divides a pool's amount among its members in proportion to each member's weight: the role's
// coefficient (Coefficients), or a roster column's value (Column), or 1; times the expression Times when
// given. Cents go by largest remainder, ties in id order.
type Split struct {
	Coefficients []RoleCoefficient `yaml:"coefficients"`
	Column       Ref               `yaml:"column"`
	Times        *Expr             `yaml:"times"`
	// ApprenticeShare: the master/apprentice split (lang_teams.go), by this roster column of each apprentice.
	ApprenticeShare Ref  `yaml:"apprentice_share,omitempty"`
	Adjustable      bool `yaml:"adjustable"` // the adjustments' 系数 rows replace a member's coefficient (lang_pools.go)
}

// RoleCoefficient is a role's coefficient in a split.
type RoleCoefficient struct {
	Role        Ref `yaml:"role"`
	Coefficient Dec `yaml:"coefficient"`
}

// Then is applied to each member's share of a pool: factors, then rounding.
type Then struct {
	Factors []Factor `yaml:"factors"`
	Round   *Dec     `yaml:"round"`
}

// Quota takes Penalty off the line for each unit the base On (default: the scheme's base) is below Target,
// for employees of Roles; the line may go negative.
type Quota struct {
	Roles   []Ref `yaml:"roles"`
	On      Ref   `yaml:"on"`
	Target  Dec   `yaml:"target"`
	Penalty Dec   `yaml:"penalty"`
}

// Gate replaces the line's amount by Then (default 0) when the condition When holds.
type Gate struct {
	When   *Expr  `yaml:"when"`
	Then   *Dec   `yaml:"then"`
	Reason string `yaml:"reason"`
}

// Deduction takes an amount off the line (its Reason is printed on the payslip): Each per unit of the base
// Count, or a part of the line — Rate when the condition When holds, or the rate of the highest count in
// Rates that the base Count reaches. Deductions never take a line below zero (the rest is said in a warning).
type Deduction struct {
	Reason string      `yaml:"reason"`
	Count  Ref         `yaml:"count"`
	Each   *Dec        `yaml:"each"`
	Rates  []CountRate `yaml:"rates"`
	When   *Expr       `yaml:"when"`
	Rate   *DedRate    `yaml:"rate"`

	DeductionMore `yaml:",inline"`
}

// CountRate applies Rate from Count units on.
type CountRate struct {
	Count Dec `yaml:"count"`
	Rate  Dec `yaml:"rate"`
}

// Rounding is the plan's rounding of money: half away from zero to Decimals places.
type Rounding struct {
	Decimals Dec `yaml:"decimals"`
}

// IsLanguage reports whether the plan is written in the plan language (version 2).
func (p *Plan) IsLanguage() bool { return p.Version == Version2 }

// BaseTables lists the tables the plan's bases read (From; targets for an achievement) and its row checks
// read, in order of first use, without repeats; the roster is always first. A month without one of them is warned about.
func (p *Plan) BaseTables() []string {
	out := []string{"employees"}
	seen := map[string]bool{"employees": true}
	for _, b := range p.Bases {
		t := b.From.Name
		if b.Achievement != nil {
			t = "targets"
		}
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, c := range p.Checks {
		if t := c.Table.Name; t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// UsedTables are the BaseTables with the adjustments and the fund spending, which every plan's engine reads
// when a month has them (the adjustments line, the fund): the tables of a blank input workbook for the plan.
func (p *Plan) UsedTables() []string {
	out := p.BaseTables()
	for _, t := range []string{"adjustments", "fund_spending"} {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Uses lists the bases a base depends on (its total, its achievement's actual, its expression's names).
func (b *Base) Uses() []string {
	rs := b.uses()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}

// Decimals returns the plan's money decimals (rounding.decimals; 2 when the plan does not say).
func (p *Plan) Decimals() int32 {
	if p.Rounding == nil || p.Rounding.Decimals.Line == 0 {
		return 2
	}
	return int32(p.Rounding.Decimals.IntPart())
}

// Base returns the base by name, or nil.
func (p *Plan) Base(name string) *Base {
	for i := range p.Bases {
		if p.Bases[i].Name.Name == name {
			return &p.Bases[i]
		}
	}
	return nil
}

// Title is the base's label, else its name.
func (b *Base) Title() string {
	if b.Label != "" {
		return b.Label
	}
	return b.Name.Name
}

// Scheme returns the plan-language scheme by name, or nil.
func (p *Plan) Scheme(name string) *Scheme {
	for i := range p.Schemes {
		if p.Schemes[i].Name.Name == name {
			return &p.Schemes[i]
		}
	}
	return nil
}

// LineOrder is the order of the lines on a payslip and in the result: the plan's lines (version 1, or
// version 2 when it has them), else its schemes followed by the adjustments line (version 2).
func (p *Plan) LineOrder() []string {
	if !p.IsLanguage() || len(p.Lines) > 0 {
		return Refs(p.Lines)
	}
	out := make([]string, 0, len(p.Schemes)+1)
	for _, s := range p.Schemes {
		out = append(out, s.Name.Name)
	}
	return append(out, LineAdjustment)
}

// LineLabel is the name printed for a line: a scheme's label, a pool's first Chinese name, the plan's
// line_labels (version 1), the adjustments label; else the line's name.
func (p *Plan) LineLabel(line string) string {
	if s := p.Scheme(line); s != nil {
		return s.Label.Name
	}
	if pl := p.Pool(line); pl != nil {
		return pl.Named().Label()
	}
	if line == LineAdjustment {
		if p.Adjustments.Label != "" {
			return p.Adjustments.Label
		}
		return msg.LabelAdjustment
	}
	if l, ok := p.LineLabels[line]; ok {
		return l
	}
	return line
}
