package plan

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"payout/internal/fold"
	"payout/internal/msg"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultName is the name the embedded default plan is known by in messages and the audit trail.
const DefaultName = "default.yaml"

// Loaded is a plan with where it came from.
type Loaded struct {
	*Plan
	Source string // file path, or DefaultName
	Text   []byte // the file's bytes, as read
	SHA256 string // hex SHA-256 of Text
}

// DefaultText returns the embedded default plan file, comments included.
func DefaultText() []byte { return bytes.Clone(defaultYAML) }

// Default returns the embedded default plan. It is checked by the tests; a broken default is a build defect.
func Default() *Loaded {
	l, err := Parse(DefaultName, defaultYAML)
	if err != nil {
		panic("embedded default plan is invalid: " + err.Error())
	}
	return l
}

// LoadFile reads and strictly decodes a plan file; an empty path gives the default plan.
func LoadFile(path string) (*Loaded, error) {
	if path == "" {
		return Default(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf(msg.PlanRead, path, err)
	}
	return Parse(path, b)
}

// Error is one problem of a plan file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf(msg.PlanErrorAt, e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf(msg.PlanError, e.File, e.Msg)
}

// Errors is every problem found in a plan file, in order of line.
type Errors []Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

var (
	reYAMLLine    = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	reUnknownKey  = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	reCannotParse = regexp.MustCompile(`^cannot unmarshal !!(\w+) (?:` + "`" + `([^` + "`" + `]*)` + "`" + ` )?into (\S+)$`)
)

// Parse strictly decodes and checks a plan: an unknown key, a value of the wrong kind, a negative rate,
// tiers out of order, a coefficient ≤ 0, a number out of the sanity bounds (MaxNumber, MaxDecimals,
// MaxMoneyRate, MaxScore) or a reference to something the plan does not define is an error with its line
// number. All problems are reported, not just the first. The keys of plausible_pay that the file leaves out
// take their defaults.
func Parse(name string, b []byte) (*Loaded, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var p Plan
	var es Errors
	if err := dec.Decode(&p); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: name, Msg: msg.PlanEmpty}}
		}
		es = decodeErrors(name, err)
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, es // a syntax error: nothing was decoded
		}
		// Unknown keys and values of the wrong type: the rest was decoded, so its checks run too (all
		// problems are reported at once), except on the lines already reported.
	}
	p.applyDefaults()
	seen := map[int]bool{}
	for _, e := range es {
		seen[e.Line] = true
	}
	for _, e := range p.check(name, seen, topKeys(b)) {
		if !seen[e.Line] || e.Line == 0 {
			es = append(es, e)
		}
	}
	if len(es) > 0 {
		sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
		return nil, es
	}
	sum := sha256.Sum256(b)
	return &Loaded{Plan: &p, Source: name, Text: bytes.Clone(b), SHA256: hex.EncodeToString(sum[:])}, nil
}

func decodeErrors(name string, err error) Errors {
	var lines []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		lines = te.Errors
	} else {
		lines = []string{err.Error()}
	}
	var out Errors
	for _, l := range lines {
		e := Error{File: name, Msg: l}
		if m := reYAMLLine.FindStringSubmatch(l); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Msg = m[2]
			if k := reUnknownKey.FindStringSubmatch(e.Msg); k != nil {
				e.Msg = fmt.Sprintf(msg.PlanUnknownKey, k[1])
			} else if k := reCannotParse.FindStringSubmatch(e.Msg); k != nil {
				if k[2] == "" {
					e.Msg = fmt.Sprintf(msg.PlanWrongKindOf, k[1])
				} else {
					e.Msg = fmt.Sprintf(msg.PlanWrongKind, k[2])
				}
			} else if strings.HasPrefix(e.Msg, "line ") {
				if m2 := reYAMLLine.FindStringSubmatch(e.Msg); m2 != nil {
					e.Line, _ = strconv.Atoi(m2[1])
					e.Msg = m2[2]
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// BaseFigures are the figures read from the month's tables (SPEC §4.2); the plan's `figures` adds sums of them.
var BaseFigures = []string{
	"customer_repair_paid", "warranty_receipts", "accident_approved", "gross_profit", "intake_count",
	"fleet_collections", "insurance_collections", "accessory_revenue", "accessory_revenue_installed",
	"beauty_revenue", "wash_count",
}

// checker collects the semantic problems of a decoded plan.
type checker struct {
	file string
	errs Errors
	// bad are the lines whose values the decoder refused: numbers on them are not compared with others
	// (a refused 1e400 would otherwise also be reported as a gap before the next tier).
	bad map[int]bool
}

// comparable reports whether none of ds stands on a line the decoder refused.
func (c *checker) comparable(ds ...Dec) bool {
	for _, d := range ds {
		if c.bad[d.Line] {
			return false
		}
	}
	return true
}

func (c *checker) add(line int, format string, a ...any) {
	c.errs = append(c.errs, Error{File: c.file, Line: line, Msg: fmt.Sprintf(format, a...)})
}

// present reports a missing key (a Dec never set by the file has line 0).
func (c *checker) present(d Dec, key string, line int) bool {
	if d.Line == 0 {
		c.add(line, msg.PlanMissingKey, key)
		return false
	}
	return true
}

func (c *checker) nonNegative(d Dec, key string, line int) {
	if c.present(d, key, line) && d.IsNegative() {
		c.add(d.Line, msg.PlanNegative, key, d.String())
	}
}

func (c *checker) fraction(d Dec, key string, line int) {
	if c.present(d, key, line) && (d.IsNegative() || d.GreaterThan(one)) {
		c.add(d.Line, msg.PlanNotFraction, key, d.String())
	}
}

func (c *checker) positive(d Dec, key string, line int) {
	if c.present(d, key, line) && !d.IsPositive() {
		c.add(d.Line, msg.PlanNotPositive, key, d.String())
	}
}

// known checks a reference against a set of names.
func (c *checker) known(r Ref, what string, set map[string]bool) {
	if r.Name == "" {
		c.add(r.Line, msg.PlanMissingName, what)
		return
	}
	if !set[r.Name] {
		c.add(r.Line, msg.PlanUnknownName, what, r.Name)
	}
}

// names checks that canonical names and their aliases are unique (after folding) within one enumeration.
func (c *checker) names(what string, ns []Named) map[string]bool {
	set := map[string]bool{}
	keys := map[string]string{}
	for _, n := range ns {
		if n.Name.Name == "" {
			c.add(n.Name.Line, msg.PlanMissingName, what)
			continue
		}
		if set[n.Name.Name] {
			c.add(n.Name.Line, msg.PlanDuplicate, what, n.Name.Name)
		}
		set[n.Name.Name] = true
		for _, a := range append([]Ref{n.Name}, n.Aliases...) {
			k := fold.Key(a.Name)
			if prev, ok := keys[k]; ok && prev != n.Name.Name {
				c.add(a.Line, msg.PlanAliasClash, a.Name, prev, n.Name.Name)
			}
			keys[k] = n.Name.Name
		}
	}
	return set
}

func (c *checker) enum(what string, e Enum) {
	ns := make([]Named, 0, len(e.Values))
	for _, v := range e.Values {
		ns = append(ns, Named{Name: Ref{Name: v}, Aliases: e.Names[v]})
	}
	c.names(what, ns)
}

// tiers checks a tier table; moneyRates says its rates are parts of money (insurance), not amounts per unit
// (hours).
func (c *checker) tiers(t Tiers, key string, line int, moneyRates bool) {
	if t.Mode.Name != ModeWhole && t.Mode.Name != ModeMarginal {
		c.add(orLine(t.Mode.Line, line), msg.PlanBadMode, key, t.Mode.Name)
	}
	if t.Inclusive.Name != InclusiveLower && t.Inclusive.Name != InclusiveUpper {
		c.add(orLine(t.Inclusive.Line, line), msg.PlanBadInclusive, key, t.Inclusive.Name)
	}
	if len(t.Bands) == 0 {
		c.add(line, msg.PlanNoBands, key)
	}
	for i, b := range t.Bands {
		c.nonNegative(b.From, key+".from", line)
		if moneyRates {
			c.moneyRate(b.Rate, key+".rate", b.From.Line)
		} else {
			c.nonNegative(b.Rate, key+".rate", b.From.Line)
		}
		if b.To == nil {
			if i != len(t.Bands)-1 {
				c.add(b.From.Line, msg.PlanOpenBand, key)
			}
			continue
		}
		if c.comparable(b.From, *b.To) && !b.To.GreaterThan(b.From.Decimal) {
			c.add(b.To.Line, msg.PlanTierOrder, key, b.From.String(), b.To.String())
		}
		if i+1 < len(t.Bands) && c.comparable(*b.To, t.Bands[i+1].From) && !t.Bands[i+1].From.Equal(b.To.Decimal) {
			c.add(t.Bands[i+1].From.Line, msg.PlanTierGap, key, b.To.String(), t.Bands[i+1].From.String())
		}
	}
}

func orLine(a, b int) int {
	if a > 0 {
		return a
	}
	return b
}

func (p *Plan) check(file string, bad map[int]bool, keys []Ref) Errors {
	c := &checker{file: file, bad: bad}
	if p.Version != 1 && p.Version != Version2 {
		c.add(0, msg.PlanVersions, p.Version)
		return c.errs
	}
	for _, k := range keys {
		if v, ok := keyVersion[k.Name]; ok && v != p.Version {
			c.add(k.Line, msg.PlanKeyOfVersion, k.Name, v, p.Version)
		}
	}
	if p.Version == Version2 {
		p.checkLanguage(c)
		return c.errs
	}
	a := p.Achievement
	if c.present(a.Decimals, "achievement.decimals", 0) {
		if !a.Decimals.IsInteger() || a.Decimals.IsNegative() || a.Decimals.GreaterThan(D("18").Decimal) {
			c.add(a.Decimals.Line, msg.PlanDecimals, a.Decimals.String())
		}
	}
	if a.Floor != nil {
		c.nonNegative(*a.Floor, "achievement.floor", 0)
	}
	if a.Cap != nil && a.Floor != nil && c.comparable(*a.Cap, *a.Floor) && a.Cap.LessThan(a.Floor.Decimal) {
		c.add(a.Cap.Line, msg.PlanCapBelowFloor)
	}
	c.fraction(p.Fund.Rate, "fund.rate", 0)

	roles := c.names("role", p.Roles)
	for _, r := range p.Roles {
		if len(r.Aliases) == 0 {
			c.add(r.Name.Line, msg.PlanNoAlias, r.Name.Name)
		}
	}

	figures := map[string]bool{}
	for _, f := range BaseFigures {
		figures[f] = true
	}
	for _, f := range p.Figures {
		for _, s := range f.Sum {
			c.known(s, "figure", figures)
		}
		if figures[f.Name.Name] {
			c.add(f.Name.Line, msg.PlanDuplicate, "figure", f.Name.Name)
		}
		figures[f.Name.Name] = true
	}

	mNamed := make([]Named, len(p.Metrics))
	for i, m := range p.Metrics {
		mNamed[i] = m.Named()
		if m.PerEmployee == (m.Figure.Name != "") {
			c.add(m.Name.Line, msg.PlanMetricKind, m.Name.Name)
		}
		if m.Figure.Name != "" {
			c.known(m.Figure, "figure", figures)
		}
	}
	metrics := c.names("metric", mNamed)
	poolMetric := func(r Ref) {
		c.known(r, "metric", metrics)
		if m := p.Metric(r.Name); m != nil && m.PerEmployee {
			c.add(r.Line, msg.PlanMetricScope, r.Name)
		}
	}

	counts := p.countFigures()
	pNamed := make([]Named, len(p.Pools))
	for i, pl := range p.Pools {
		pNamed[i] = pl.Named()
		seen := map[string]bool{}
		for _, m := range pl.Members {
			c.known(m.Role, "role", roles)
			if seen[m.Role.Name] {
				c.add(m.Role.Line, msg.PlanDuplicate, "member", m.Role.Name)
			}
			seen[m.Role.Name] = true
			c.positive(m.Coefficient, "coefficient", m.Role.Line)
		}
		for _, t := range pl.Amount {
			c.known(t.Figure, "figure", figures)
			if counts[t.Figure.Name] {
				c.nonNegative(t.Rate, "rate", t.Figure.Line) // an amount per unit
			} else {
				c.moneyRate(t.Rate, "rate", t.Figure.Line)
			}
			for _, m := range t.Achievements {
				poolMetric(m)
			}
		}
	}
	pools := c.names("pool", pNamed)
	for _, pl := range p.Pools {
		if slices.Contains(IndividualLines, pl.Name.Name) {
			c.add(pl.Name.Line, msg.PlanPoolName, pl.Name.Name)
		}
	}

	ac := p.Accessory
	c.fraction(ac.MinRatio, "accessory.min_ratio", 0)
	cats := map[string]bool{CategoryAccessory: true, CategoryCare: true, CategoryGeneric: true}
	for _, r := range ac.NonEarningCategories {
		c.known(r, "accessory category", cats)
	}
	for _, r := range ac.PoolSellers.Pools {
		c.known(r, "pool", pools)
	}
	shares := func(ss []Share, key string) {
		for _, s := range ss {
			c.known(s.Pool, "pool", pools)
			c.moneyRate(s.Rate, key+".rate", s.Pool.Line)
		}
	}
	shares(ac.PoolSellers.Shares, "accessory.pool_sellers.shares")
	shares(ac.OtherDepartments.Shares, "accessory.other_departments.shares")
	for _, r := range ac.Specialists.Roles {
		c.known(r, "role", roles)
	}
	c.moneyRate(ac.Specialists.Rate, "accessory.specialists.rate", 0)
	c.fraction(ac.Specialists.InstalledSellerPart, "accessory.specialists.installed_seller_part", 0)
	c.known(ac.Specialists.InstalledPool, "pool", pools)
	c.known(ac.Specialists.Metric, "metric", metrics)
	if m := p.Metric(ac.Specialists.Metric.Name); m != nil && !m.PerEmployee {
		c.add(ac.Specialists.Metric.Line, msg.PlanMetricPerEmployee, m.Name.Name)
	}
	c.moneyRate(ac.OthersRate, "accessory.others_rate", 0)

	hr := map[string]bool{}
	for _, s := range p.Hours.Schemes {
		c.known(s.Role, "role", roles)
		if hr[s.Role.Name] {
			c.add(s.Role.Line, msg.PlanDuplicate, "hours scheme", s.Role.Name)
		}
		hr[s.Role.Name] = true
		c.tiers(s.Tiers, "hours.tiers", s.Role.Line, false)
		c.noLangTiers(s.Tiers, "hours.tiers", s.Role.Line)
		if m := s.Material; m != nil {
			for i, b := range m.Bands {
				c.nonNegative(b.UpTo, "material.up_to", s.Role.Line)
				c.nonNegative(b.Reduction, "material.reduction", b.UpTo.Line)
				if i > 0 && c.comparable(b.UpTo, m.Bands[i-1].UpTo) && !b.UpTo.GreaterThan(m.Bands[i-1].UpTo.Decimal) {
					c.add(b.UpTo.Line, msg.PlanTierOrder, "material", m.Bands[i-1].UpTo.String(), b.UpTo.String())
				}
			}
			c.nonNegative(m.Above, "material.above", s.Role.Line)
		}
	}
	for _, r := range p.Wash.Roles {
		c.known(r, "role", roles)
	}
	c.nonNegative(p.Wash.PieceRate, "wash.piece_rate", 0)
	for _, r := range p.Assessment.Schemes {
		c.known(r, "assessed scheme", map[string]bool{LineHours: true, LineWash: true})
	}
	c.fraction(p.Assessment.AssessedPart, "assessment.assessed_part", 0)
	c.positive(p.Assessment.MaxPoints, "assessment.max_points", 0)
	c.score(p.Assessment.MaxPoints, "assessment.max_points")
	c.tiers(p.Insurance.Tiers, "insurance.tiers", 0, true)
	c.noLangTiers(p.Insurance.Tiers, "insurance.tiers", 0)
	c.moneyRate(p.Renewal.Rate, "renewal.rate", 0)

	ad := p.AdvisorDeductions
	c.known(ad.Pool, "pool", pools)
	for i, cr := range ad.Complaints {
		c.positive(cr.Count, "complaints.count", ad.Pool.Line)
		c.fraction(cr.Rate, "complaints.rate", cr.Count.Line)
		if !cr.Count.IsInteger() {
			c.add(cr.Count.Line, msg.PlanNotWhole, "complaints.count", cr.Count.String())
		}
		if i > 0 && c.comparable(cr.Count, ad.Complaints[i-1].Count) && !cr.Count.GreaterThan(ad.Complaints[i-1].Count.Decimal) {
			c.add(cr.Count.Line, msg.PlanTierOrder, "complaints", ad.Complaints[i-1].Count.String(), cr.Count.String())
		}
	}
	c.nonNegative(ad.ScoreBelow, "advisor_deductions.score_below", 0)
	c.score(ad.ScoreBelow, "advisor_deductions.score_below")
	c.fraction(ad.ScoreRate, "advisor_deductions.score_rate", 0)

	bf := p.BeautyFines
	c.known(bf.Pool, "pool", pools)
	c.nonNegative(bf.PerIncident.WashComplaint, "beauty_fines.per_incident.wash_complaint", 0)
	c.nonNegative(bf.PerIncident.Untidy, "beauty_fines.per_incident.untidy", 0)
	c.nonNegative(bf.PerIncident.WashOvertime, "beauty_fines.per_incident.wash_overtime", 0)
	c.nonNegative(bf.WashMinutes.Min, "beauty_fines.wash_minutes.min", 0)
	c.nonNegative(bf.WashMinutes.Max, "beauty_fines.wash_minutes.max", 0)
	if c.comparable(bf.WashMinutes.Min, bf.WashMinutes.Max) && bf.WashMinutes.Max.LessThan(bf.WashMinutes.Min.Decimal) {
		c.add(bf.WashMinutes.Max.Line, msg.PlanTierOrder, "wash_minutes", bf.WashMinutes.Min.String(), bf.WashMinutes.Max.String())
	}
	for _, rs := range [][]Ref{p.Adjustments.CoefficientApprovers, p.Fund.SpendingApprovers, p.Fund.Keepers} {
		for _, r := range rs {
			c.known(r, "role", roles)
		}
	}

	c.checkPlausiblePay(p.PlausiblePay)

	want := map[string]bool{}
	for _, l := range IndividualLines {
		want[l] = true
	}
	for k := range pools {
		want[k] = true
	}
	got := map[string]bool{}
	for _, l := range p.Lines {
		c.known(l, "line", want)
		if got[l.Name] {
			c.add(l.Line, msg.PlanDuplicate, "line", l.Name)
		}
		got[l.Name] = true
	}
	for k := range p.LineLabels {
		if !slices.Contains(IndividualLines, k) || k == LineAdjustment {
			c.add(0, msg.PlanUnknownName, "line_labels line", k)
		}
	}
	for _, l := range append(append([]string{}, IndividualLines...), Refs(poolNames(p))...) {
		if !got[l] {
			c.add(0, msg.PlanLineMissing, l)
		}
	}

	c.vocabulary(p)
	return c.errs
}

func poolNames(p *Plan) []Ref {
	out := make([]Ref, len(p.Pools))
	for i, pl := range p.Pools {
		out[i] = pl.Name
	}
	return out
}

var one = D("1").Decimal

// keyVersion names the top-level sections that belong to one version of plans only.
var keyVersion = map[string]int{
	"achievement": 1, "figures": 1, "pools": 1, "accessory": 1, "hours": 1, "wash": 1, "assessment": 1,
	"insurance": 1, "renewal": 1, "advisor_deductions": 1, "beauty_fines": 1, "line_labels": 1, // lines: both (lang_pools.go)
	"rounding": Version2, "bases": Version2, "schemes": Version2, "tables": Version2, "columns": Version2,
	"teams": Version2, "checks": Version2,
}

// topKeys lists the plan file's top-level keys with their lines (none when the file is not a mapping).
func topKeys(b []byte) []Ref {
	var n yaml.Node
	if yaml.Unmarshal(b, &n) != nil || len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := n.Content[0]
	out := make([]Ref, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, Ref{Name: m.Content[i].Value, Line: m.Content[i].Line})
	}
	return out
}

// typeErr is a problem of one value of the file: the decoder reports it and goes on with the rest of the
// file, so that every problem is reported at once.
func typeErr(line int, msg string) error {
	return &yaml.TypeError{Errors: []string{(&lineError{line, msg}).Error()}}
}
