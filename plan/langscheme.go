package plan

import (
	"payout/internal/msg"
	"payout/plan/formula"
)

// The checks of a plan language scheme (a payslip line).

// PoolScope returns the scope a scheme's amount is computed at: the pool's (team or store), or employee.
func (s *Scheme) PoolScope() Scope {
	if s.Pool.Name == "" {
		return ScopeEmployee
	}
	return Scope(s.Pool.Name)
}

// Probationers reports whether the scheme pays probation employees.
func (s *Scheme) Probationers() bool { return s.Probation.Name == ProbationPaid }

// roleList checks a list of roles: each known, none twice (a repeat is named as what); it returns the set.
func (lc *langChecker) roleList(rs []Ref, what string) map[string]bool {
	set := map[string]bool{}
	for _, r := range rs {
		lc.known(r, "role", lc.roles)
		if set[r.Name] {
			lc.add(r.Line, msg.PlanDuplicate, what, r.Name)
		}
		set[r.Name] = true
	}
	return set
}

func (lc *langChecker) scheme(s *Scheme) {
	c := lc.checker
	name := s.Name.Name
	if len(s.Roles) == 0 {
		c.add(s.Name.Line, msg.PlanNoRoles, name)
	}
	roles := lc.roleList(s.Roles, "role")
	if p := s.Probation.Name; p != "" && p != ProbationExcluded && p != ProbationPaid {
		c.add(s.Probation.Line, msg.PlanBadProbation, "scheme "+name, p)
	}
	ps := s.PoolScope()
	switch s.Pool.Name {
	case "", string(ScopeStore):
	case string(ScopeTeam):
		if lc.p.Teams == nil {
			c.add(s.Pool.Line, msg.PlanNoTeams, "scheme "+name)
		}
	default:
		c.add(s.Pool.Line, msg.PlanBadPool, name, s.Pool.Name)
	}
	lc.amount(s, ps)
	lc.factors(s.Factors, "scheme "+name+" factors", ps, name)
	if s.Round != nil {
		lc.moneyDecimals(*s.Round, "round")
	}
	lc.bounds(s.Min, s.Max, "scheme "+name, s.Name.Line)
	lc.split(s, roles)
	if s.Then != nil {
		lc.factors(s.Then.Factors, "scheme "+name+" then", ScopeEmployee, name)
		if s.Then.Round != nil {
			lc.moneyDecimals(*s.Then.Round, "then.round")
		}
	}
	if q := s.Quota; q != nil {
		if len(q.Roles) == 0 {
			c.add(s.Name.Line, msg.PlanQuotaNoRoles, name)
		}
		for _, r := range q.Roles {
			if !roles[r.Name] {
				c.add(r.Line, msg.PlanRoleNotPaid, name, r.Name)
			}
		}
		on := q.On
		if on.Name == "" {
			on = s.Base
		}
		if on.Name == "" {
			c.add(s.Name.Line, msg.PlanQuotaNoBase, name)
		} else {
			lc.baseRef(on)
		}
		c.nonNegative(q.Target, "quota.target", s.Name.Line)
		c.nonNegative(q.Penalty, "quota.penalty", s.Name.Line)
	}
	for _, g := range s.Gates {
		if g.When == nil {
			c.add(s.Name.Line, msg.PlanMissingKey, "gates.when")
			continue
		}
		lc.compileBases(g.When, formula.Bool, "scheme "+name+" gate")
	}
	for i := range s.Deductions {
		d := &s.Deductions[i]
		lc.deduction(s, d)
	}
	lc.schemeMore(s)
}

// amount checks that the scheme has exactly one amount, and its rate.
func (lc *langChecker) amount(s *Scheme, ps Scope) {
	c, name := lc.checker, s.Name.Name
	var kinds []string
	for _, k := range []struct {
		on  bool
		key string
	}{{s.Base.Name != "", "base"}, {s.Fixed != nil, "fixed"}, {s.Steps != nil, "steps"}, {s.Amount != nil, "amount"}, {len(s.Terms) > 0, "terms"}} {
		if k.on {
			kinds = append(kinds, k.key)
		}
	}
	if len(kinds) != 1 {
		c.add(s.Name.Line, msg.PlanSchemeAmount, name, orNone(kinds))
	}
	if s.Base.Name != "" {
		if b := lc.baseRef(s.Base); b != nil {
			lc.poolUse(s, ps, b)
		}
		if s.Rate == nil {
			c.add(s.Base.Line, msg.PlanSchemeNoRate, name, s.Base.Name)
		}
	} else if s.Rate != nil {
		c.add(s.Rate.Line, msg.PlanRateNoBase, name)
	}
	if r := s.Rate; r != nil {
		lc.rate(s, r)
	}
	if s.Fixed != nil {
		c.nonNegative(*s.Fixed, "fixed", s.Name.Line)
	}
	if st := s.Steps; st != nil {
		if b := lc.baseRef(st.On); b != nil {
			lc.poolUse(s, ps, b)
		}
		if len(st.Bands) == 0 {
			c.add(s.Name.Line, msg.PlanNoBands, "steps")
		}
		for i, b := range st.Bands {
			c.nonNegative(b.Amount, "steps.amount", b.From.Line)
			if i > 0 && c.comparable(b.From, st.Bands[i-1].From) && !b.From.GreaterThan(st.Bands[i-1].From.Decimal) {
				c.add(b.From.Line, msg.PlanTierOrder, "steps", st.Bands[i-1].From.String(), b.From.String())
			}
		}
	}
	if s.Amount != nil {
		lc.compileBases(s.Amount, formula.Number, "scheme "+name+" amount")
		lc.exprPoolUse(s, ps, s.Amount)
	}
	lc.terms(s, ps)
}

func (lc *langChecker) rate(s *Scheme, r *Rate) {
	c, name := lc.checker, s.Name.Name
	if r.ByRole != nil || r.Default != nil {
		lc.rateByRole(s, r)
		return
	}
	n := 0
	for _, on := range []bool{r.Value != nil, r.Tiers != nil, r.PerRow != nil} {
		if on {
			n++
		}
	}
	if n != 1 {
		c.add(r.Line, msg.PlanRateShape, name)
		return
	}
	switch {
	case r.Value != nil:
		c.nonNegative(*r.Value, "rate", r.Line)
	case r.Tiers != nil:
		c.tiers(*r.Tiers, "rate.tiers", r.Line, false)
		lc.tierOptions(s, r.Tiers, r.Line)
	default:
		b := lc.bases[s.Base.Name]
		if b == nil {
			return
		}
		t := lc.tables[b.From.Name]
		if t == nil || b.CountDistinct.Name != "" {
			c.add(r.Line, msg.PlanPerRowBase, name, b.Name.Name)
			return
		}
		lc.byValue(t, r.PerRow, "scheme "+name+" rate")
		lc.covered(t, r.PerRow, "scheme "+name+" rate")
	}
}

// covered checks that a rate by column's value has a rate for every value: a default, or (an enum column)
// every value of its enumeration listed.
func (lc *langChecker) covered(t *Table, bv *ByValue, where string) {
	col := t.Column(bv.Column.Name)
	if col == nil || bv.Default != nil || col.ColumnType().Formula() != formula.Text {
		return
	}
	if col.ColumnType() != TypeEnum {
		lc.add(bv.Column.Line, msg.PlanRateNeedsDef, where, col.Name.Name)
		return
	}
	listed := map[string]bool{}
	for _, v := range bv.Values {
		listed[v.Value.Name] = true
	}
	for _, v := range lc.p.Enum(col.Enum.Name).Values {
		if !listed[v] {
			lc.add(bv.Column.Line, msg.PlanRateUncovered, where, v, col.Name.Name)
		}
	}
}

// baseRef checks a reference to a base and returns it.
func (lc *langChecker) baseRef(r Ref) *Base {
	b := lc.bases[r.Name]
	if b == nil {
		lc.known(r, "base", map[string]bool{})
	}
	return b
}

// poolUse checks that a pool's amount uses no base narrower than the pool.
func (lc *langChecker) poolUse(s *Scheme, ps Scope, b *Base) {
	if ps != ScopeEmployee && narrower(b.Scope(), ps) {
		lc.add(s.Name.Line, msg.PlanPoolUses, s.Name.Name, ps, b.Name.Name)
	}
}

func (lc *langChecker) exprPoolUse(s *Scheme, ps Scope, e *Expr) {
	if e.prog == nil {
		return
	}
	for _, u := range e.prog.Uses() {
		if b := lc.bases[u]; b != nil {
			lc.poolUse(s, ps, b)
		}
	}
}

func (lc *langChecker) factors(fs []Factor, where string, ps Scope, scheme string) {
	for _, f := range fs {
		if f.Value == nil {
			lc.add(0, msg.PlanMissingKey, where+".value")
			continue
		}
		lc.compileBases(f.Value, formula.Number, where)
		if ps != ScopeEmployee && f.Value.prog != nil {
			for _, u := range f.Value.prog.Uses() {
				if b := lc.bases[u]; b != nil && narrower(b.Scope(), ps) {
					lc.add(f.Value.Line, msg.PlanPoolUses, scheme, ps, u)
				}
			}
		}
		if f.Round != nil {
			lc.decimals(*f.Round, where+".round")
		}
		lc.bounds(f.Min, f.Max, where, f.Value.Line)
	}
}

func (lc *langChecker) split(s *Scheme, roles map[string]bool) {
	c, name := lc.checker, s.Name.Name
	sp := s.Split
	if s.Pool.Name == "" {
		if sp != nil {
			c.add(s.Name.Line, msg.PlanSplitNoPool, name, "split")
		}
		if s.NetOfBaseSalaries {
			c.add(s.Name.Line, msg.PlanSplitNoPool, name, "net_of_base_salaries")
		}
		return
	}
	if sp == nil {
		c.add(s.Name.Line, msg.PlanPoolNeedsSplit, name)
		return
	}
	if len(sp.Coefficients) > 0 && sp.Column.Name != "" {
		c.add(sp.Column.Line, msg.PlanSplitOneWay, name)
	}
	if len(sp.Coefficients) > 0 {
		got, positive := map[string]bool{}, false
		for _, rc := range sp.Coefficients {
			if !roles[rc.Role.Name] {
				c.add(rc.Role.Line, msg.PlanSplitOutside, name, rc.Role.Name)
			}
			if got[rc.Role.Name] {
				c.add(rc.Role.Line, msg.PlanDuplicate, "coefficient of role", rc.Role.Name)
			}
			got[rc.Role.Name] = true
			c.nonNegative(rc.Coefficient, "coefficient", rc.Role.Line)
			positive = positive || rc.Coefficient.IsPositive()
		}
		for _, r := range s.Roles {
			if !got[r.Name] {
				c.add(r.Line, msg.PlanSplitMissing, name, r.Name)
			}
		}
		if !positive {
			c.add(s.Name.Line, msg.PlanSplitNoMembers, name)
		}
	}
	if sp.Column.Name != "" {
		if col := lc.column(lc.tables["employees"], sp.Column); col != nil && col.ColumnType().Formula() != formula.Number {
			c.add(sp.Column.Line, msg.PlanColumnNotNum, "scheme "+name+" split", sp.Column.Name)
		}
	}
	lc.adjustable(s)
	if sp.Times != nil {
		lc.compileBases(sp.Times, formula.Number, "scheme "+name+" split times")
	}
	lc.apprenticeSplit(s)
}

func (lc *langChecker) deduction(s *Scheme, d *Deduction) {
	c, name := lc.checker, s.Name.Name
	if !lc.deductionKinds(s, d) {
		return
	}
	if d.Count.Name != "" {
		lc.baseRef(d.Count)
	}
	if d.Each != nil {
		c.nonNegative(*d.Each, "deductions.each", d.Count.Line)
	}
	for i, cr := range d.Rates {
		c.positive(cr.Count, "deductions.rates.count", d.Count.Line)
		c.fraction(cr.Rate, "deductions.rates.rate", cr.Count.Line)
		if i > 0 && c.comparable(cr.Count, d.Rates[i-1].Count) && !cr.Count.GreaterThan(d.Rates[i-1].Count.Decimal) {
			c.add(cr.Count.Line, msg.PlanTierOrder, "deductions.rates", d.Rates[i-1].Count.String(), cr.Count.String())
		}
	}
	if d.When != nil {
		lc.compileBases(d.When, formula.Bool, "scheme "+name+" deduction")
	}
	lc.deductionRate(s, d)
	lc.deductionReason(s, d)
}
