package report

import (
	"fmt"
	"strings"

	"payout/internal/msg"
	"payout/plan"
)

// The quantities (bases) of plan show: for each scheme, how every base it uses is computed, and the bases
// those use, each once, in the order they are first met.

// where lists the bases a scheme uses, and theirs.
func (s *planShow) where(sc *plan.Scheme) {
	names := schemeBases(sc)
	seen := map[string]bool{}
	var order []*plan.Base
	for i := 0; i < len(names); i++ {
		b := s.p.Base(names[i])
		if b == nil || seen[names[i]] {
			continue
		}
		seen[names[i]] = true
		order = append(order, b)
		names = append(names, b.Uses()...)
	}
	if len(order) == 0 {
		return
	}
	s.line(msg.ShowWhereHead)
	for _, b := range order {
		s.line(msg.ShowWhereItem, s.baseName(b), s.baseText(b))
	}
}

// schemeBases are the bases a scheme names, in the order of its steps.
func schemeBases(sc *plan.Scheme) []string {
	var out []string
	uses := func(e *plan.Expr) {
		if e != nil && e.Program() != nil {
			out = append(out, e.Program().Uses()...)
		}
	}
	factors := func(fs []plan.Factor) {
		for _, f := range fs {
			uses(f.Value)
		}
	}
	out = append(out, sc.Base.Name)
	if sc.Steps != nil {
		out = append(out, sc.Steps.On.Name)
	}
	uses(sc.Amount)
	out = append(out, termBases(sc)...)
	factors(sc.Factors)
	if sc.Split != nil {
		uses(sc.Split.Times)
	}
	if sc.Then != nil {
		factors(sc.Then.Factors)
	}
	if sc.Quota != nil {
		out = append(out, quotaOn(sc))
	}
	for _, g := range sc.Gates {
		uses(g.When)
	}
	for _, d := range sc.Deductions {
		out = append(out, d.Count.Name)
		uses(d.When)
		if d.Rate != nil {
			uses(d.Rate.Expr)
		}
		out = append(out, dedBases(d)...)
	}
	out = append(out, detailBases(sc)...)
	return out
}

// baseName is the base's label, with its scope when it is not said by the description.
func (s *planShow) baseName(b *plan.Base) string {
	if b.Expr == nil && b.Achievement == nil {
		return b.Title()
	}
	switch b.Scope() {
	case plan.ScopeTeam:
		return fmt.Sprintf(msg.ShowScopeTeam, b.Title())
	case plan.ScopeStore:
		return fmt.Sprintf(msg.ShowScopeStore, b.Title())
	}
	return b.Title()
}

// baseText says how a base is computed, then its rounding and bounds.
func (s *planShow) baseText(b *plan.Base) string {
	var parts []string
	switch {
	case b.From.Name != "":
		parts = s.rowBase(b)
	case b.Total.Name != "":
		parts = []string{s.total(b)}
	case b.Expr != nil:
		parts = []string{exprText(s.p, nil, b.Expr)}
	case b.Achievement != nil:
		parts = append([]string{s.achievement(b)}, s.achievementMore(b)...)
	}
	if b.Round != nil {
		parts = append(parts, fmt.Sprintf(msg.ShowRoundN, b.Round))
	}
	if l := limits(b.Min, b.Max, msg.ShowMin, msg.ShowMax); l != "" {
		parts = append(parts, l)
	}
	parts = append(parts, notFigure(b)...)
	return strings.Join(parts, msg.ShowClauseSep)
}

// rowBase reads a sum or count over a table's rows: what, which rows, weights, whose.
func (s *planShow) rowBase(b *plan.Base) []string {
	t := s.p.TableOf(b.From.Name)
	if t == nil {
		return []string{b.From.Name}
	}
	table := fmt.Sprintf(msg.ShowExprColumn, t.Named().Label())
	if t.Dated.Name != "" {
		table += fmt.Sprintf(msg.ShowRowsDated, s.columnLabel(b.From.Name, t.Dated.Name))
	}
	var what string
	switch {
	case b.Sum != nil:
		what = fmt.Sprintf(msg.ShowRowsSum, table, exprAtomText(s.p, t, b.Sum))
	case b.Count:
		what = fmt.Sprintf(msg.ShowRowsCount, table)
	default:
		what = fmt.Sprintf(msg.ShowRowsDistinct, table, s.columnLabel(b.From.Name, b.CountDistinct.Name))
	}
	parts := []string{what}
	if b.Where != nil {
		parts = append(parts, fmt.Sprintf(msg.ShowCondition, exprText(s.p, t, b.Where)))
	}
	if w := b.Weights; w != nil {
		vals := s.byValue(t, w, func(v string, d plan.Dec) string { return fmt.Sprintf(msg.ShowWeightPct, v, pct(d.Decimal)) })
		rest := "100%"
		if w.Default != nil {
			rest = pct(w.Default.Decimal)
		}
		parts = append(parts, fmt.Sprintf(msg.ShowWeights, s.columnLabel(b.From.Name, w.Column.Name), strings.Join(vals, msg.ShowListSep), rest))
	}
	switch {
	case b.By.Name == "":
		parts = append(parts, msg.ShowByStore)
	case b.Scope() == plan.ScopeTeam:
		parts = append(parts, fmt.Sprintf(msg.ShowByTeam, s.columnLabel(b.From.Name, b.By.Name)))
	default:
		parts = append(parts, fmt.Sprintf(msg.ShowByEmployee, s.columnLabel(b.From.Name, b.By.Name)))
	}
	return parts
}

// total reads an employee base totalled over the roster into each team or the store.
func (s *planShow) total(b *plan.Base) string {
	scope := msg.ShowTotalStore
	if b.Scope() == plan.ScopeTeam {
		scope = msg.ShowTotalTeam
	}
	who := msg.ShowAllStaff
	if len(b.Roles) > 0 && !b.AllRoles {
		who = s.roleLabels(b.Roles)
	}
	prob := msg.ShowIncludeProb
	if b.Probation.Name == plan.ProbationExcluded {
		prob = msg.ShowExcludeProb
	}
	return fmt.Sprintf(msg.ShowTotal, scope, who, prob, s.baseTitle(b.Total.Name))
}

// achievement reads actual / target.
func (s *planShow) achievement(b *plan.Base) string {
	a := b.Achievement
	who := msg.ShowAchieveEmp
	switch b.Scope() {
	case plan.ScopeTeam:
		who = msg.ShowAchieveTeam
	case plan.ScopeStore:
		who = s.storeAchieveWho(a)
	}
	metric := a.Metric.Name
	if m := s.p.Metric(metric); m != nil {
		metric = m.Named().Label()
	}
	return fmt.Sprintf(msg.ShowAchieve, s.baseTitle(a.Actual.Name), who, metric, a.Decimals)
}

// isMoney reports whether a base is an amount of money (its rates are percentages): a sum over an amount
// column, a total of one, or arithmetic over one.
func (s *planShow) isMoney(b *plan.Base, depth int) bool {
	if b == nil || depth > len(s.p.Bases) {
		return false
	}
	switch {
	case b.Sum != nil && b.Sum.Program() != nil:
		t := s.p.TableOf(b.From.Name)
		for _, u := range b.Sum.Program().Uses() {
			if c := t.Column(u); c != nil && c.ColumnType() == plan.TypeAmount {
				return true
			}
		}
	case b.Total.Name != "":
		return s.isMoney(s.p.Base(b.Total.Name), depth+1)
	case b.Expr != nil:
		for _, u := range b.Uses() {
			if s.isMoney(s.p.Base(u), depth+1) {
				return true
			}
		}
	}
	return false
}
