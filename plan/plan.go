// Package plan holds the commission plan: its types, the embedded default plan (default.yaml, which cites
// the source document's sections) and strict loading with line numbers in every error.
//
// Every rate, tier, band, coefficient, role name, alias and mapping the tool uses comes from a Plan; calc
// contains none of them as literals.
package plan

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// Dec is a decimal read from the plan file, with the line it stands on. It is parsed from the YAML
// scalar's text, never through float64.
type Dec struct {
	decimal.Decimal
	Line int
}

// UnmarshalYAML parses a scalar as an exact decimal, within MaxNumber and MaxDecimals.
func (d *Dec) UnmarshalYAML(n *yaml.Node) error {
	d.Line = n.Line // also when the value is refused: its checks then know the line is reported
	if n.Kind != yaml.ScalarNode {
		return typeErr(n.Line, "expected a number")
	}
	v, err := decimal.NewFromString(strings.TrimSpace(n.Value))
	if err != nil {
		return typeErr(n.Line, fmt.Sprintf("%q is not a number", n.Value))
	}
	v, problem := bounded(v, n.Value)
	d.Decimal = v
	if problem != "" {
		// A type error lets the decoder go on, so that the file's other problems are reported too; the
		// checks do not compare the number with others (Parse knows its line).
		return typeErr(n.Line, problem)
	}
	return nil
}

// MarshalYAML writes the decimal as a plain number.
func (d Dec) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: d.String()}, nil
}

// D returns a Dec without a line, for plans built in code (tests).
func D(s string) Dec { return Dec{Decimal: decimal.RequireFromString(s)} }

// Ref is a name read from the plan file, with its line.
type Ref struct {
	Name string
	Line int
}

// UnmarshalYAML reads a scalar string.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return typeErr(n.Line, "expected a name")
	}
	r.Name, r.Line = strings.TrimSpace(n.Value), n.Line
	return nil
}

// MarshalYAML writes the name.
func (r Ref) MarshalYAML() (any, error) { return r.Name, nil }

// String returns the name.
func (r Ref) String() string { return r.Name }

// Named is a canonical English name with the Chinese names accepted for it (the first is the label).
type Named struct {
	Name    Ref   `yaml:"name"`
	Aliases []Ref `yaml:"aliases"`
}

// Label is the name printed for people: the first alias, else the canonical name.
func (n Named) Label() string {
	if len(n.Aliases) > 0 {
		return n.Aliases[0].Name
	}
	return n.Name.Name
}

// Plan is a whole commission plan.
type Plan struct {
	Version           int               `yaml:"version"`
	Name              string            `yaml:"name"`
	Store             string            `yaml:"store"` // the store's name, printed on payslips and the summary
	Achievement       Achievement       `yaml:"achievement"`
	Fund              Fund              `yaml:"fund"`
	Roles             []Named           `yaml:"roles"`
	Figures           []Figure          `yaml:"figures"`
	Metrics           []Metric          `yaml:"metrics"`
	Pools             []Pool            `yaml:"pools"`
	Accessory         Accessory         `yaml:"accessory"`
	Hours             Hours             `yaml:"hours"`
	Wash              Wash              `yaml:"wash"`
	Assessment        Assessment        `yaml:"assessment"`
	Insurance         Insurance         `yaml:"insurance"`
	Renewal           Renewal           `yaml:"renewal"`
	AdvisorDeductions AdvisorDeductions `yaml:"advisor_deductions"`
	BeautyFines       BeautyFines       `yaml:"beauty_fines"`
	Adjustments       Adjustments       `yaml:"adjustments"`
	PlausiblePay      PlausiblePay      `yaml:"plausible_pay"`
	Lines             []Ref             `yaml:"lines"`
	// LineLabels are the names of the lines that are not pools (version 1).
	LineLabels map[string]string `yaml:"line_labels"`
	// Vocabulary is the plan's additions to the built-in enumerations (vocabulary.yaml).
	Vocabulary Vocabulary `yaml:"vocabulary"`
	// Tables, Columns and Teams are the inputs the plan declares (inputs.go).
	Tables  []Table        `yaml:"tables"`
	Columns []ExtraColumns `yaml:"columns"`
	Teams   *Teams         `yaml:"teams"`
	// Rounding, Bases and Schemes are the plan language's (version 2, lang.go).
	Rounding *Rounding `yaml:"rounding"`
	Bases    []Base    `yaml:"bases"`
	Schemes  []Scheme  `yaml:"schemes"`
	Checks   []Check   `yaml:"checks"` // row checks of the input (lang_checks.go)

	vocab Vocabulary // the built-in enumerations with the plan's additions
}

// Achievement is how achievement rates are rounded and bounded 〔一.5〕.
type Achievement struct {
	Decimals Dec  `yaml:"decimals"`
	Floor    *Dec `yaml:"floor"`
	Cap      *Dec `yaml:"cap"`
}

// Fund is the after-sales fund withholding 〔十二.2〕.
type Fund struct {
	Rate Dec `yaml:"rate"`
	// SpendingApprovers and Keepers are the roles that may approve and keep fund spending 〔十二.5〕.
	SpendingApprovers []Ref `yaml:"spending_approvers"`
	Keepers           []Ref `yaml:"keepers"`
}

// Figure is a figure defined as the sum of other figures.
type Figure struct {
	Name Ref   `yaml:"name"`
	Sum  []Ref `yaml:"sum"`
}

// Metric is something a target is set for.
type Metric struct {
	Name        Ref   `yaml:"name"`
	Aliases     []Ref `yaml:"aliases"`
	Figure      Ref   `yaml:"figure"`
	PerEmployee bool  `yaml:"per_employee"`
	// Scope (version 2 plans) is what a target's 范围 names: employee (an id), team (a team's name) or
	// store (any text, matched by the achievement's scope).
	Scope Ref `yaml:"scope"`
}

// Named returns the metric's names.
func (m Metric) Named() Named { return Named{Name: m.Name, Aliases: m.Aliases} }

// Pool is a team pool split among its members by coefficient.
type Pool struct {
	Name    Ref      `yaml:"name"`
	Aliases []Ref    `yaml:"aliases"`
	Members []Member `yaml:"members"`
	Amount  []Term   `yaml:"amount"`
}

// Named returns the pool's names.
func (p Pool) Named() Named { return Named{Name: p.Name, Aliases: p.Aliases} }

// Member is a role in a pool with its coefficient.
type Member struct {
	Role        Ref `yaml:"role"`
	Coefficient Dec `yaml:"coefficient"`
}

// Term is one part of a pool's amount: figure × rate × Π achievement(metric).
type Term struct {
	Figure       Ref   `yaml:"figure"`
	Rate         Dec   `yaml:"rate"`
	Achievements []Ref `yaml:"achievements"`
}

// Accessory holds the accessory rules 〔二(2), 三, 十二.4〕.
type Accessory struct {
	MinRatio             Dec              `yaml:"min_ratio"`
	NonEarningCategories []Ref            `yaml:"non_earning_categories"`
	PoolSellers          PoolSellers      `yaml:"pool_sellers"`
	Specialists          Specialists      `yaml:"specialists"`
	OthersRate           Dec              `yaml:"others_rate"`
	OtherDepartments     OtherDepartments `yaml:"other_departments"`
}

// PoolSellers are sellers whose role is a member of one of Pools.
type PoolSellers struct {
	Pools  []Ref   `yaml:"pools"`
	Shares []Share `yaml:"shares"`
}

// Share sends rate × base of an accessory row to a pool.
type Share struct {
	Pool          Ref  `yaml:"pool"`
	Rate          Dec  `yaml:"rate"`
	InstalledOnly bool `yaml:"installed_only"`
}

// Specialists are the accessory-sales roles with their own rate and target.
type Specialists struct {
	Roles               []Ref `yaml:"roles"`
	Rate                Dec   `yaml:"rate"`
	Metric              Ref   `yaml:"metric"`
	InstalledSellerPart Dec   `yaml:"installed_seller_part"`
	InstalledPool       Ref   `yaml:"installed_pool"`
}

// OtherDepartments are the shares of rows sold or given by other departments.
type OtherDepartments struct {
	Shares []Share `yaml:"shares"`
}

// Hours holds the workshop hours schemes.
type Hours struct {
	Schemes []HoursScheme `yaml:"schemes"`
}

// HoursScheme is one role's tier table, with optional material bands.
type HoursScheme struct {
	Role     Ref       `yaml:"role"`
	Tiers    Tiers     `yaml:"tiers"`
	Material *Material `yaml:"material"`
}

// Tier modes and inclusive ends.
const (
	ModeWhole      = "whole"
	ModeMarginal   = "marginal"
	InclusiveLower = "lower"
	InclusiveUpper = "upper"
)

// Tiers is a tier table.
type Tiers struct {
	Mode      Ref    `yaml:"mode"`
	Inclusive Ref    `yaml:"inclusive"`
	Bands     []Band `yaml:"bands"`
	// Reduction lowers every band's rate; WarnAboveTop warns of a quantity above the top band's To (version 2
	// only, lang_teams.go).
	Reduction    *Reduction `yaml:"reduction,omitempty"`
	WarnAboveTop bool       `yaml:"warn_above_top,omitempty"`
}

// Band is one tier: [From, To) or (From, To] by Tiers.Inclusive; To nil = no upper bound.
type Band struct {
	From Dec  `yaml:"from"`
	To   *Dec `yaml:"to"`
	Rate Dec  `yaml:"rate"`
}

// Material are the painter material-cost bands.
type Material struct {
	Bands []MaterialBand `yaml:"bands"`
	Above Dec            `yaml:"above"`
}

// MaterialBand lowers the rate by Reduction when cost ≤ UpTo × hours.
type MaterialBand struct {
	UpTo      Dec `yaml:"up_to"`
	Reduction Dec `yaml:"reduction"`
}

// Wash is the washer piece rate.
type Wash struct {
	Roles     []Ref `yaml:"roles"`
	PieceRate Dec   `yaml:"piece_rate"`
}

// Assessment is the 40/60 split with deduction points 〔四.4.1–4.2〕.
type Assessment struct {
	Schemes      []Ref `yaml:"schemes"`
	AssessedPart Dec   `yaml:"assessed_part"`
	MaxPoints    Dec   `yaml:"max_points"`
}

// Insurance is the individual insurance-agent scheme.
type Insurance struct {
	Tiers Tiers `yaml:"tiers"`
}

// Renewal is the insurance renewal scheme.
type Renewal struct {
	Rate Dec `yaml:"rate"`
}

// AdvisorDeductions are the complaint and score cuts of an advisor line.
type AdvisorDeductions struct {
	Pool       Ref             `yaml:"pool"`
	Complaints []ComplaintRate `yaml:"complaints"`
	ScoreBelow Dec             `yaml:"score_below"`
	ScoreRate  Dec             `yaml:"score_rate"`
}

// ComplaintRate applies from Count verified complaints on.
type ComplaintRate struct {
	Count Dec `yaml:"count"`
	Rate  Dec `yaml:"rate"`
}

// BeautyFines are the beauty-group fines.
type BeautyFines struct {
	Pool        Ref            `yaml:"pool"`
	PerIncident IncidentAmount `yaml:"per_incident"`
	WashMinutes MinutesWindow  `yaml:"wash_minutes"`
}

// IncidentAmount is a fine per incident kind.
type IncidentAmount struct {
	WashComplaint Dec `yaml:"wash_complaint"`
	Untidy        Dec `yaml:"untidy"`
	WashOvertime  Dec `yaml:"wash_overtime"`
}

// MinutesWindow is the allowed wash time.
type MinutesWindow struct {
	Min Dec `yaml:"min"`
	Max Dec `yaml:"max"`
}

// Adjustments are the rules for the adjustments table.
type Adjustments struct {
	CoefficientApprovers []Ref `yaml:"coefficient_approvers"`
	// Label is the name of the adjustments line on payslips; empty: 调整.
	Label string `yaml:"label"`
}

// PlausiblePay are the thresholds above which a person's total pay for the month (base salary + net
// commission) is warned about: a check of the result, not a rule of the source document. A key the file
// leaves out takes its default (DefaultMaxTotal, DefaultMaxBaseMultiple).
type PlausiblePay struct {
	MaxTotal Dec `yaml:"max_total"`
	// MaxBaseMultiple bounds the total as a multiple of the base salary; a base salary of 0 is not checked
	// against it (0 × anything would make every paid person implausible), only against MaxTotal.
	MaxBaseMultiple Dec `yaml:"max_base_multiple"`
}

// Canonical values of the enumerations (the vocabulary's keys). These are names of the data model, not
// numbers of the plan.
const (
	CatCustomer = "customer"
	CatWarranty = "warranty"
	CatAccident = "accident"
	CatInternal = "internal"

	KindFleet     = "fleet"
	KindInsurance = "insurance"

	IncComplaint     = "complaint"
	IncWashComplaint = "wash_complaint"
	IncUntidy        = "untidy"
	IncWashOvertime  = "wash_overtime"

	DeptAftersales = "aftersales"
	DeptSales      = "sales"
	DeptOther      = "other"

	CategoryAccessory = "accessory"
	CategoryCare      = "care"
	CategoryGeneric   = "generic"

	AdjCoefficient = "coefficient"
	AdjBonus       = "bonus"
	AdjDeduction   = "deduction"
)

// Individual scheme names (lines that are not pools).
const (
	LineAccessory  = "accessory"
	LineHours      = "hours"
	LineWash       = "wash"
	LineInsurance  = "insurance"
	LineRenewal    = "renewal"
	LineAdjustment = "adjustment"
)

// IndividualLines are the line names that are not pools.
var IndividualLines = []string{LineAccessory, LineHours, LineWash, LineInsurance, LineRenewal, LineAdjustment}

// Enum is one enumeration: canonical value → accepted names (canonical first).
type Enum struct {
	Values []string
	Names  map[string][]Ref
}

// RoleEnum is role.
func (p *Plan) RoleEnum() Enum { return namedEnum(p.Roles) }

// PoolEnum is pool name.
func (p *Plan) PoolEnum() Enum {
	if p.IsLanguage() {
		return p.langPoolEnum()
	}
	ns := make([]Named, len(p.Pools))
	for i, x := range p.Pools {
		ns[i] = x.Named()
	}
	return namedEnum(ns)
}

// MetricEnum is metric name.
func (p *Plan) MetricEnum() Enum {
	ns := make([]Named, len(p.Metrics))
	for i, x := range p.Metrics {
		ns[i] = x.Named()
	}
	return namedEnum(ns)
}

func namedEnum(ns []Named) Enum {
	e := Enum{Names: map[string][]Ref{}}
	for _, n := range ns {
		e.Values = append(e.Values, n.Name.Name)
		e.Names[n.Name.Name] = n.Aliases
	}
	return e
}

// Role returns the role's names, or false.
func (p *Plan) Role(name string) (Named, bool) {
	for _, r := range p.Roles {
		if r.Name.Name == name {
			return r, true
		}
	}
	return Named{}, false
}

// Pool returns the pool, or nil.
func (p *Plan) Pool(name string) *Pool {
	for i := range p.Pools {
		if p.Pools[i].Name.Name == name {
			return &p.Pools[i]
		}
	}
	return nil
}

// Metric returns the metric, or nil.
func (p *Plan) Metric(name string) *Metric {
	for i := range p.Metrics {
		if p.Metrics[i].Name.Name == name {
			return &p.Metrics[i]
		}
	}
	return nil
}

// PoolsOfRole returns the names of the pools that list role as a member, in plan order.
func (p *Plan) PoolsOfRole(role string) []string {
	var out []string
	for _, pl := range p.Pools {
		for _, m := range pl.Members {
			if m.Role.Name == role {
				out = append(out, pl.Name.Name)
				break
			}
		}
	}
	return out
}

// Coefficient returns role's coefficient in pool, or false.
func (pl *Pool) Coefficient(role string) (decimal.Decimal, bool) {
	for _, m := range pl.Members {
		if m.Role.Name == role {
			return m.Coefficient.Decimal, true
		}
	}
	return decimal.Zero, false
}

// HoursScheme returns the hours scheme of role, or nil.
func (p *Plan) HoursScheme(role string) *HoursScheme {
	for i := range p.Hours.Schemes {
		if p.Hours.Schemes[i].Role.Name == role {
			return &p.Hours.Schemes[i]
		}
	}
	return nil
}

// RequiredMetrics returns the pool-scoped metrics a pool's amount needs, in order, without repeats.
func (pl *Pool) RequiredMetrics() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range pl.Amount {
		for _, a := range t.Achievements {
			if !seen[a.Name] {
				seen[a.Name] = true
				out = append(out, a.Name)
			}
		}
	}
	return out
}

// Refs is a helper that lists names of refs.
func Refs(rs []Ref) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}

// HasRef reports whether name is among rs.
func HasRef(rs []Ref, name string) bool {
	for _, r := range rs {
		if r.Name == name {
			return true
		}
	}
	return false
}
