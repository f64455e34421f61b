package plan

import (
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"payout/internal/msg"
	"payout/plan/formula"
)

// The deduction keys of the plan language beyond each, rates and when (docs/plan.md 6.9): a part of the
// line with a rate computed per person.

// DedRate is a deduction's rate: a number (Dec), or an expression over bases (Expr) evaluated per person.
type DedRate struct {
	Dec
	Expr *Expr
}

// UnmarshalYAML reads a number, or else an expression.
func (r *DedRate) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		if _, err := decimal.NewFromString(strings.TrimSpace(n.Value)); err != nil {
			r.Line = n.Line
			r.Expr = new(Expr)
			return r.Expr.UnmarshalYAML(n)
		}
	}
	return r.Dec.UnmarshalYAML(n)
}

// MarshalYAML writes the rate as it was read.
func (r DedRate) MarshalYAML() (any, error) {
	if r.Expr != nil {
		return r.Expr.Src, nil
	}
	return r.Dec.MarshalYAML()
}

// String is the rate as written.
func (r DedRate) String() string {
	if r.Expr != nil {
		return r.Expr.Src
	}
	return r.Dec.String()
}

// DeductionMore are the deduction keys added to Deduction (inlined in it).
type DeductionMore struct {
	// Part: the deduction is round(round(line × Part) × Rate), Rate often an expression (the 40/60
	// assessment).
	Part *Dec `yaml:"part,omitempty"`
	// Fines: Σ count × each over several counts, taken as one deduction (reason {items}); Outside warn:
	// the fines of employees without the line are warned about too.
	Fines   []Fine `yaml:"fines,omitempty"`
	Outside Ref    `yaml:"outside,omitempty"`

	reason []ReasonPart // the reason read at load
}

// Fine is one kind of fine: Each per unit of the base Count; Label names it in the reason ({items}).
type Fine struct {
	Count Ref    `yaml:"count"`
	Each  Dec    `yaml:"each"`
	Label string `yaml:"label,omitempty"`
}

// OutsideWarn is the value of outside: the fines of employees without the line are warned about.
const OutsideWarn = "warn"

// WarnsOutside reports whether the fines of employees without the line are warned about.
func (d *Deduction) WarnsOutside() bool { return d.Outside.Name == OutsideWarn }

// deductionFines checks a fines deduction: its counts are bases, each is ≥ 0; outside is warn, with fines.
func (lc *langChecker) deductionFines(s *Scheme, d *Deduction) {
	for _, f := range d.Fines {
		lc.baseRef(f.Count)
		lc.nonNegative(f.Each, "deductions.fines.each", f.Count.Line)
	}
	if r := d.Outside; r.Name != "" && (r.Name != OutsideWarn || len(d.Fines) == 0) {
		lc.add(r.Line, msg.PlanDedOutside, s.Name.Name, r.Name)
	}
}

// deductionKinds checks that a deduction is exactly one kind with the keys that kind needs.
func (lc *langChecker) deductionKinds(s *Scheme, d *Deduction) bool {
	kinds := 0
	for _, has := range []bool{d.Each != nil, len(d.Rates) > 0, d.When != nil, d.Part != nil, len(d.Fines) > 0} {
		if has {
			kinds++
		}
	}
	needCount := d.Each != nil || len(d.Rates) > 0
	needRate := d.When != nil || d.Part != nil
	if kinds != 1 || needCount != (d.Count.Name != "") || needRate != (d.Rate != nil) {
		lc.add(s.Name.Line, msg.PlanDeductionKinds, s.Name.Name)
		return false
	}
	return true
}

// deductionRate checks a deduction's rate and part: numbers between 0 and 1; an expression gives a number.
func (lc *langChecker) deductionRate(s *Scheme, d *Deduction) {
	if d.Part != nil {
		lc.fraction(*d.Part, "deductions.part", s.Name.Line)
	}
	lc.deductionFines(s, d)
	switch {
	case d.Rate == nil:
	case d.Rate.Expr != nil:
		lc.compileBases(d.Rate.Expr, formula.Number, "scheme "+s.Name.Name+" deduction rate")
	default:
		lc.fraction(d.Rate.Dec, "deductions.rate", s.Name.Line)
	}
}

// ReasonPart is a piece of a deduction's reason: text as written, or a placeholder filled per person —
// a base's value ({base}), the deduction's rate as a percentage ({rate}), the fines counted ({items}).
type ReasonPart struct {
	Text  string
	Base  string
	Rate  bool
	Items bool
}

// ReasonParts is the deduction's reason, read at load; the text as written for a plan built in code.
func (d *Deduction) ReasonParts() []ReasonPart {
	if d.reason == nil {
		return []ReasonPart{{Text: d.Reason}}
	}
	return d.reason
}

// FillParts writes a reason or message read at load: its text as written, each placeholder by fill.
func FillParts(parts []ReasonPart, fill func(ReasonPart) string) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Base == "" && !p.Rate && !p.Items {
			b.WriteString(p.Text)
		} else {
			b.WriteString(fill(p))
		}
	}
	return b.String()
}

// parseReason splits a reason into text and placeholders: {name} is a placeholder, {{ and }} are braces.
func parseReason(s string) ([]ReasonPart, string) {
	var out []ReasonPart
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, ReasonPart{Text: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"), strings.HasPrefix(s[i:], "}}"):
			text.WriteByte(s[i])
			i++
		case s[i] == '}':
			return nil, msg.PlanReasonBrace
		case s[i] == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, msg.PlanReasonBrace
			}
			flush()
			name := strings.TrimSpace(s[i+1 : i+end])
			switch name {
			case "rate":
				out = append(out, ReasonPart{Rate: true})
			case "items":
				out = append(out, ReasonPart{Items: true})
			default:
				out = append(out, ReasonPart{Base: name})
			}
			i += end
		default:
			text.WriteByte(s[i])
		}
	}
	flush()
	return out, ""
}

// deductionReason reads a deduction's reason once: its placeholders name bases, or rate in a deduction
// with a rate (rates, when, part).
func (lc *langChecker) deductionReason(s *Scheme, d *Deduction) {
	parts, problem := parseReason(d.Reason)
	if problem != "" {
		lc.add(s.Name.Line, problem, s.Name.Name, d.Reason)
		return
	}
	hasRate := len(d.Rates) > 0 || d.Rate != nil
	for _, p := range parts {
		switch {
		case p.Rate && !hasRate:
			lc.add(s.Name.Line, msg.PlanReasonNoRate, s.Name.Name, d.Reason)
		case p.Items && len(d.Fines) == 0:
			lc.add(s.Name.Line, msg.PlanReasonNoItems, s.Name.Name, d.Reason)
		case p.Base != "" && lc.bases[p.Base] == nil:
			lc.add(s.Name.Line, msg.PlanReasonUnknown, s.Name.Name, p.Base, d.Reason)
		}
	}
	d.reason = parts
}

// Values of a scheme's deductions_rounding.
const (
	// DedRoundEach rounds each deduction by itself (the default).
	DedRoundEach = "each"
	// DedRoundOnce adds the rates of the rate deductions (rates, when) and rounds line × their sum once.
	DedRoundOnce = "once"
)

// SchemeMore are a scheme's keys about its deductions as a whole and about what its payslip block shows
// (inlined in Scheme).
type SchemeMore struct {
	DeductionsRounding Ref     `yaml:"deductions_rounding,omitempty"`
	Detail             *Detail `yaml:"detail,omitempty"`
}

// Detail is what the payslip shows for a line paid per person, instead of what its amount gives: the
// value of the base Base, the base Rate's value as the rate, the achievement records of Achievements.
type Detail struct {
	Base         Ref   `yaml:"base,omitempty"`
	Rate         Ref   `yaml:"rate,omitempty"`
	Achievements []Ref `yaml:"achievements,omitempty"`
}

// RoundedOnce reports whether the scheme's rate deductions are rounded once, on the sum of their rates.
func (s *Scheme) RoundedOnce() bool { return s.DeductionsRounding.Name == DedRoundOnce }

// IsRateDeduction reports whether a deduction is a part of the line by a rate: rates, or when with rate.
func (d *Deduction) IsRateDeduction() bool { return len(d.Rates) > 0 || d.When != nil }

// schemeMore checks the scheme's keys about its deductions as a whole and its detail.
func (lc *langChecker) schemeMore(s *Scheme) {
	if r := s.DeductionsRounding; r.Name != "" && r.Name != DedRoundEach && r.Name != DedRoundOnce {
		lc.add(r.Line, msg.PlanDedRounding, s.Name.Name, r.Name)
	}
	dt := s.Detail
	if dt == nil {
		return
	}
	if s.Pool.Name != "" {
		lc.add(s.Name.Line, msg.PlanDetailPool, s.Name.Name)
		return
	}
	for _, r := range []Ref{dt.Base, dt.Rate} {
		if r.Name != "" {
			lc.baseRef(r)
		}
	}
	for _, r := range dt.Achievements {
		if b := lc.baseRef(r); b != nil && b.Achievement == nil {
			lc.add(r.Line, msg.PlanDetailNotAch, s.Name.Name, r.Name)
		}
	}
}
