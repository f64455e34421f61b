package report

import (
	"fmt"
	"strings"

	"payout/internal/msg"
	"payout/plan"
)

// One scheme of plan show: its lines in the order calc computes them (docs/plan.md, 计算顺序), then how each
// quantity it uses is computed.

func (s *planShow) scheme(n int, sc *plan.Scheme) {
	s.line(msg.ShowNumbered, n, sc.Label.Name)
	prob := msg.ShowProbationNot
	if sc.Probationers() {
		prob = msg.ShowProbationPaid
	}
	s.detail(msg.ShowKeyPays, s.schemeRoles(sc)+prob)
	s.detail(msg.ShowKeyAliases, poolAliases(sc))
	s.detail(msg.ShowKeyAmount, s.amount(sc))
	s.detail(msg.ShowKeyFactors, s.factors(sc.Factors))
	if sc.Fixed == nil || len(sc.Factors) > 0 || sc.Round != nil { // a fixed amount needs no rounding
		s.detail(msg.ShowKeyRound, s.rounding(sc.Round))
	}
	s.detail(msg.ShowKeyLimits, limits(sc.Min, sc.Max, msg.ShowMinYuan, msg.ShowMaxYuan))
	s.detail(msg.ShowKeySplit, s.split(sc))
	if t := sc.Then; t != nil {
		s.detail(msg.ShowKeyThen, fmt.Sprintf(msg.ShowThen, s.factors(t.Factors), s.rounding(t.Round)))
	}
	if q := sc.Quota; q != nil {
		s.detail(fmt.Sprintf(msg.ShowKeyQuota, s.roleLabels(q.Roles)), fmt.Sprintf(msg.ShowQuota, s.baseTitle(quotaOn(sc)), q.Target, q.Penalty))
	}
	for _, g := range sc.Gates {
		s.detail(msg.ShowKeyGate, s.gate(g))
	}
	if sc.Negate {
		s.detail(msg.ShowKeyNegate, msg.ShowNegate)
	}
	for _, d := range sc.Deductions {
		key, text := s.deduction(d)
		s.detail(key, text)
	}
	s.schemeDeductions(sc)
	s.where(sc)
}

func quotaOn(sc *plan.Scheme) string {
	if sc.Quota.On.Name != "" {
		return sc.Quota.On.Name
	}
	return sc.Base.Name
}

func (s *planShow) baseTitle(name string) string {
	if b := s.p.Base(name); b != nil {
		return b.Title()
	}
	return name
}

// amount is the scheme's amount before its factors: base × rate, fixed, steps or a formula.
func (s *planShow) amount(sc *plan.Scheme) string {
	prefix := ""
	switch sc.PoolScope() {
	case plan.ScopeTeam:
		prefix = msg.ShowPoolTeam
	case plan.ScopeStore:
		prefix = msg.ShowPoolStore
	}
	switch {
	case sc.Base.Name != "" && sc.Rate != nil:
		return prefix + s.rate(s.p.Base(sc.Base.Name), sc.Rate)
	case sc.Fixed != nil:
		return prefix + fmt.Sprintf(msg.ShowFixed, sc.Fixed)
	case sc.Steps != nil:
		bands := make([]string, len(sc.Steps.Bands))
		for i, b := range sc.Steps.Bands {
			bands[i] = fmt.Sprintf(msg.ShowStep, b.From, b.Amount)
		}
		first := ""
		if len(sc.Steps.Bands) > 0 {
			first = sc.Steps.Bands[0].From.String()
		}
		return prefix + fmt.Sprintf(msg.ShowSteps, s.baseTitle(sc.Steps.On.Name), strings.Join(bands, msg.ShowClauseSep), first)
	case sc.Amount != nil:
		return prefix + fmt.Sprintf(msg.ShowFormula, exprText(s.p, nil, sc.Amount))
	case len(sc.Terms) > 0:
		return prefix + s.terms(sc)
	}
	return ""
}

// rate is base × rate: a percentage of money, an amount per unit of anything else, tiers, or a rate per row.
func (s *planShow) rate(b *plan.Base, r *plan.Rate) string {
	if r.ByRole != nil {
		return s.rateByRole(b, r)
	}
	money := s.isMoney(b, 0)
	switch {
	case r.Value != nil && money:
		return fmt.Sprintf(msg.ShowTimesPct, b.Title(), pct(r.Value.Decimal))
	case r.Value != nil:
		return fmt.Sprintf(msg.ShowTimesYuan, b.Title(), r.Value)
	case r.Tiers != nil:
		return tiersText(b.Title(), *r.Tiers, money) + s.tierOptions(b, r.Tiers)
	}
	return s.perRow(b, r.PerRow)
}

// tiersText reads a tier table: each band's range and its rate (a percentage of money, else an amount per
// unit).
func tiersText(label string, t plan.Tiers, money bool) string {
	marginal := t.Mode.Name == plan.ModeMarginal
	upper := t.Inclusive.Name == plan.InclusiveUpper
	parts := make([]string, len(t.Bands))
	for i, b := range t.Bands {
		from := bound(b.From.Decimal, money)
		last, first0 := i == len(t.Bands)-1, i == 0 && b.From.IsZero()
		var rng string
		switch {
		case last && upper:
			rng = pick(marginal, msg.ShowBandAbove, msg.ShowWholeAbove, from)
		case last:
			rng = pick(marginal, msg.ShowBandFromUp, msg.ShowWholeFromUp, from)
		case first0 && upper:
			rng = pick(marginal, msg.ShowBandAtMost, msg.ShowWholeAtMost, bound(b.To.Decimal, money))
		case first0:
			rng = pick(marginal, msg.ShowBandBelow, msg.ShowWholeBelow, bound(b.To.Decimal, money))
		case upper:
			rng = pick(marginal, msg.ShowBandUpper, msg.ShowWholeUpper, from, bound(b.To.Decimal, money))
		default:
			rng = pick(marginal, msg.ShowBandLower, msg.ShowWholeLower, from, bound(b.To.Decimal, money))
		}
		rate := fmt.Sprintf(msg.ShowUnitPrice, b.Rate)
		if money {
			rate = pct(b.Rate.Decimal)
		}
		parts[i] = fmt.Sprintf(msg.ShowBandRate, rng, rate)
	}
	format := msg.ShowWhole
	if marginal {
		format = msg.ShowMarginal
	}
	return fmt.Sprintf(format, label, strings.Join(parts, msg.ShowClauseSep))
}

func pick(marginal bool, m, whole string, a ...any) string {
	if marginal {
		return fmt.Sprintf(m, a...)
	}
	return fmt.Sprintf(whole, a...)
}

// perRow reads a rate by a column's value of each row.
func (s *planShow) perRow(b *plan.Base, bv *plan.ByValue) string {
	t := s.p.TableOf(b.From.Name)
	col := s.columnLabel(b.From.Name, bv.Column.Name)
	vals := s.byValue(t, bv, func(v string, d plan.Dec) string { return fmt.Sprintf(msg.ShowValueYuan, v, d) })
	if bv.Default != nil {
		vals = append(vals, fmt.Sprintf(msg.ShowOtherYuan, bv.Default))
	}
	list := strings.Join(vals, msg.ShowListSep)
	if b.Sum != nil {
		return fmt.Sprintf(msg.ShowPerRowSum, b.Title(), col, exprAtomText(s.p, t, b.Sum), list)
	}
	return fmt.Sprintf(msg.ShowPerRowCount, b.Title(), col, list)
}

// byValue formats each value of a map from a column's values to numbers.
func (s *planShow) byValue(t *plan.Table, bv *plan.ByValue, f func(v string, d plan.Dec) string) []string {
	out := make([]string, len(bv.Values))
	for i, v := range bv.Values {
		name := fmt.Sprintf(msg.ShowExprText, v.Value.Name)
		if t != nil {
			if c := t.Column(bv.Column.Name); c != nil && c.ColumnType() == plan.TypeEnum {
				if n := enumValueText(s.p, c.Enum.Name, v.Value.Name); n != "" {
					name = n
				}
			}
		}
		out[i] = f(name, v.Is)
	}
	return out
}

func (s *planShow) factors(fs []plan.Factor) string {
	out := make([]string, len(fs))
	for i, f := range fs {
		text := exprText(s.p, nil, f.Value)
		if f.Label != "" && f.Label != text {
			text = fmt.Sprintf(msg.ShowFactor, f.Label, text)
		}
		var opts []string
		if f.Round != nil {
			opts = append(opts, fmt.Sprintf(msg.ShowRoundN, f.Round))
		}
		if l := limits(f.Min, f.Max, msg.ShowMin, msg.ShowMax); l != "" {
			opts = append(opts, l)
		}
		if len(opts) > 0 {
			text += "，" + strings.Join(opts, "，")
		}
		out[i] = text
	}
	return strings.Join(out, msg.ShowClauseSep)
}

// rounding is a rounding's text: its own decimals, else the plan's.
func (s *planShow) rounding(r *plan.Dec) string {
	if r != nil {
		return fmt.Sprintf(msg.ShowRoundN, r)
	}
	return fmt.Sprintf(msg.ShowRoundN, fmt.Sprint(s.p.Decimals()))
}

func limits(min, max *plan.Dec, minF, maxF string) string {
	var out []string
	if min != nil {
		out = append(out, fmt.Sprintf(minF, min))
	}
	if max != nil {
		out = append(out, fmt.Sprintf(maxF, max))
	}
	return strings.Join(out, "，")
}

// split reads how a pool is divided among its members.
func (s *planShow) split(sc *plan.Scheme) string {
	sp := sc.Split
	if sc.Pool.Name == "" || sp == nil {
		return ""
	}
	if t := s.apprenticeSplit(sc); t != "" {
		return t
	}
	var weight string
	switch {
	case len(sp.Coefficients) > 0:
		cs := make([]string, len(sp.Coefficients))
		for i, rc := range sp.Coefficients {
			cs[i] = fmt.Sprintf(msg.ShowCoefficient, s.roleLabels([]plan.Ref{rc.Role}), rc.Coefficient)
		}
		weight = fmt.Sprintf(msg.ShowCoefficients, strings.Join(cs, msg.ShowListSep))
	case sp.Column.Name != "":
		weight = fmt.Sprintf(msg.ShowSplitColumn, s.columnLabel("employees", sp.Column.Name))
	}
	if sp.Times != nil {
		times := exprAtomText(s.p, nil, sp.Times)
		if weight == "" {
			weight = times
		} else {
			weight += " × " + times
		}
	}
	team := sc.PoolScope() == plan.ScopeTeam
	var how string
	switch {
	case weight == "" && team:
		how = msg.ShowSplitTeamEq
	case weight == "":
		how = msg.ShowSplitStoreEq
	case team:
		how = fmt.Sprintf(msg.ShowSplitTeam, weight)
	default:
		how = fmt.Sprintf(msg.ShowSplitStore, weight)
	}
	parts := append([]string{how}, adjustable(sc)...)
	parts = append(parts, msg.ShowSplitCents)
	if sc.NetOfBaseSalaries {
		parts = append([]string{msg.ShowNetSalaries}, parts...)
	}
	return strings.Join(parts, msg.ShowClauseSep)
}

func (s *planShow) gate(g plan.Gate) string {
	cond := exprText(s.p, nil, g.When)
	text := fmt.Sprintf(msg.ShowGate, cond)
	if g.Then != nil {
		text = fmt.Sprintf(msg.ShowGateThen, cond, g.Then)
	}
	if g.Reason != "" {
		text = fmt.Sprintf(msg.ShowReason, text, g.Reason)
	}
	return text
}

// deduction reads one deduction; the key names its reason when the text does not.
func (s *planShow) deduction(d plan.Deduction) (string, string) {
	count := s.baseTitle(d.Count.Name)
	text, more := s.deductionMore(d)
	switch {
	case more:
	case d.Each != nil:
		text = fmt.Sprintf(msg.ShowDedEach, count, d.Each)
	case len(d.Rates) > 0:
		rs := make([]string, len(d.Rates))
		for i, cr := range d.Rates {
			rs[i] = fmt.Sprintf(msg.ShowDedRate, cr.Count, pct(cr.Rate.Decimal))
		}
		text = fmt.Sprintf(msg.ShowDedRates, count, strings.Join(rs, msg.ShowListSep))
	default:
		text = fmt.Sprintf(msg.ShowDedWhen, exprText(s.p, nil, d.When), s.dedRateText(d))
	}
	text += msg.ShowDedFloor
	if d.Reason == "" || (d.Count.Name != "" && d.Reason == count) {
		return msg.ShowKeyDeduction, text
	}
	return fmt.Sprintf(msg.ShowKeyDeductionR, s.reasonText(d)), text
}
