package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// A plan-language scheme pays one payslip line, in the fixed order of docs/plan.md (计算顺序):
// amount → factors → round → min/max → [pool: net of base salaries → split] → then → quota → gates →
// negate → deductions.

// paidBy lists the employees a scheme pays, by id: its roles, probation employees only when it pays them.
func (l *lang) paidBy(s *plan.Scheme) []string {
	var out []string
	for _, id := range l.ids {
		em := l.emps[id]
		if plan.HasRef(s.Roles, em.Role) && (!em.Probation || s.Probationers()) {
			out = append(out, id)
		}
	}
	return out
}

func (l *lang) scheme(s *plan.Scheme) {
	people := l.paidBy(s)
	amounts := map[string]decimal.Decimal{}
	details := map[string]LineDetail{}
	if s.Pool.Name == "" {
		for _, id := range people {
			amounts[id], _, details[id] = l.amount(s, plan.ScopeEmployee, id)
			details[id] = l.detail(s, id, details[id])
		}
	} else {
		l.pool(s, people, amounts, details)
	}
	for _, id := range people {
		l.person(s, id, amounts[id], details[id])
	}
	l.finesAfter(s, people)
}

// amount computes a scheme's amount for a key of scope sc (an employee, a team, the store), through its
// factors, rounding and bounds; it returns the amount, the exact amount before rounding and bounds, and what
// a payslip shows of it.
func (l *lang) amount(s *plan.Scheme, sc plan.Scope, key string) (decimal.Decimal, decimal.Decimal, LineDetail) {
	var det LineDetail
	var v decimal.Decimal
	var f string
	var src []model.Source
	switch {
	case s.Base.Name != "":
		b := l.p.Base(s.Base.Name)
		q := l.value(b.Name.Name, sc, key)
		src = l.sources(b.Name.Name, sc, key)
		det = LineDetail{BaseTitle: b.Title(), Base: q}
		switch r := l.rateFor(s, sc, key); {
		case r.Value != nil:
			v = q.Mul(r.Value.Decimal)
			det.Rate, det.HasRate = r.Value.Decimal, true
			f = fmt.Sprintf("%s × %s", q, r.Value)
		case r.Tiers != nil:
			tr := l.tiers(r.Tiers, q, sc, key)
			l.tierWarnings(s, r.Tiers, q, sc, key, src)
			v, f = tr.Amount, fmt.Sprintf("tiers(%s) = %s = %s", q, tr.Formula, tr.Amount)
		default:
			vs := &values{base: b, v: map[string]decimal.Decimal{}, src: map[string][]model.Source{}}
			l.rowSums(b, r.PerRow, vs)
			k, _ := l.keyOf(b, sc, key)
			v, src = vs.v[k], vs.src[k]
			f = fmt.Sprintf("Σ rows of %s × rate by %s", b.Name.Name, r.PerRow.Column.Name)
		}
	case s.Fixed != nil:
		v, f = s.Fixed.Decimal, "fixed "+s.Fixed.String()
	case s.Steps != nil:
		q := l.value(s.Steps.On.Name, sc, key)
		v = zero
		for _, b := range s.Steps.Bands {
			if q.GreaterThanOrEqual(b.From.Decimal) {
				v = b.Amount.Decimal
			}
		}
		f = fmt.Sprintf("steps(%s = %s)", s.Steps.On.Name, q)
		det = LineDetail{BaseTitle: l.p.Base(s.Steps.On.Name).Title(), Base: q}
		src = l.sources(s.Steps.On.Name, sc, key)
	default:
		v, f = l.number(s.Amount, sc, key, "scheme "+s.Name.Name), s.Amount.Src
	}
	v, f = l.factors(s.Factors, sc, key, v, f, s.Name.Name)
	exact := v
	v = bounded(v, l.round(s.Round), s.Min, s.Max)
	st := Step{Rule: "scheme." + s.Name.Name + ".amount", Formula: f, Result: v.StringFixed(l.dec), Sources: src,
		Inputs: []KV{{"exact", exact.String()}}}
	if sc == plan.ScopeEmployee {
		st.Employee = key
	} else {
		st.Pool = poolName(s, key)
	}
	if !v.IsZero() || !exact.IsZero() || len(src) > 0 {
		l.step(st)
	}
	return v, exact, det
}

// scoped sets a step's employee or team.
func (l *lang) scoped(st *Step, sc plan.Scope, key string) {
	switch sc {
	case plan.ScopeEmployee:
		st.Employee = key
	case plan.ScopeTeam:
		st.Team = key
	}
}

// round is a scheme's rounding: its own, else the plan's.
func (l *lang) round(r *plan.Dec) *plan.Dec {
	if r != nil {
		return r
	}
	d := plan.D(fmt.Sprint(l.dec))
	return &d
}

// factors multiplies v by each factor's value, each rounded and bounded as the factor says.
func (l *lang) factors(fs []plan.Factor, sc plan.Scope, key string, v decimal.Decimal, f, scheme string) (decimal.Decimal, string) {
	for _, fa := range fs {
		x := bounded(l.number(fa.Value, sc, key, "scheme "+scheme+" factor"), fa.Round, fa.Min, fa.Max)
		v = v.Mul(x)
		f += fmt.Sprintf(" × %s (%s)", x, factorName(fa))
	}
	return v, f
}

func factorName(f plan.Factor) string {
	if f.Label != "" {
		return f.Label
	}
	return f.Value.Src
}

// pool computes a pool scheme's amount for each team (or the store) and splits it among its members.
func (l *lang) pool(s *plan.Scheme, people []string, amounts map[string]decimal.Decimal, details map[string]LineDetail) {
	if l.apprenticeSplit(s, amounts, details) {
		return
	}
	sc := s.PoolScope()
	groups := map[string][]string{}
	for _, id := range people {
		k := ""
		if sc == plan.ScopeTeam {
			t, ok := l.teamOf[id]
			if !ok {
				continue
			}
			k = t
		}
		groups[k] = append(groups[k], id)
	}
	for _, k := range l.keys(sc) {
		ms := groups[k]
		pr := PoolResult{Name: poolName(s, k), Label: poolLabel(s, k)}
		amt, exact, det := l.poolAmount(s, sc, k, len(ms) > 0, &pr)
		pr.Exact = exact
		if len(ms) == 0 {
			// Nobody the scheme pays is in this team (or the store): the amount is listed, and said when
			// it is not 0, but nobody is paid it.
			pr.Amount = amt
			if !amt.IsZero() {
				l.warn(fmt.Sprintf(msg.CalcPoolNoMembers, pr.Name, money(amt)))
			}
			l.res.Pools = append(l.res.Pools, pr)
			continue
		}
		if s.NetOfBaseSalaries {
			sal := zero
			for _, id := range ms {
				sal = sal.Add(l.emps[id].BaseSalary)
			}
			net := amt.Sub(sal)
			if net.IsNegative() {
				net = zero
			}
			l.step(Step{Rule: "scheme." + s.Name.Name + ".net", Pool: pr.Name, Inputs: []KV{{"amount", money(amt)}, {"base_salaries", money(sal)}},
				Formula: fmt.Sprintf("max(%s − %s, 0)", money(amt), money(sal)), Result: money(net)})
			amt = net
		}
		pr.Amount = amt
		members := make([]member, len(ms))
		for i, id := range ms {
			members[i] = member{id, l.weight(s, id)}
			pr.CoefSum = pr.CoefSum.Add(members[i].coef)
		}
		shares, extra := splitLargestRemainder(amt, members)
		if !pr.CoefSum.IsPositive() && amt.IsPositive() {
			l.warn(fmt.Sprintf(msg.CalcPoolNoMembers, pr.Name, money(amt)))
		}
		for i, m := range members {
			amounts[m.id] = shares[i]
			d := det
			d.BaseTitle, d.Base, d.BaseMoney, d.Pool = msg.CalcPoolAmountLabel, amt, true, pr.Name
			if k != "" {
				d.BaseTitle += " " + k
			}
			d.Coefficient, d.CoefSum, d.HasCoef = m.coef, pr.CoefSum, true
			details[m.id] = d
			pr.Members = append(pr.Members, Share{EmployeeID: m.id, Coefficient: m.coef, Amount: shares[i], ExtraCent: extra[i],
				Exact: exactShare(amt, m.coef, pr.CoefSum), Adjusted: l.adjusts(s, m.id)})
			note := ""
			if extra[i] {
				note = " + 0.01 (largest remainder)"
			}
			l.step(Step{Rule: "scheme." + s.Name.Name + ".share", Pool: pr.Name, Employee: m.id,
				Inputs:  []KV{{"amount", money(amt)}, {"weight", m.coef.String()}, {"weight_sum", pr.CoefSum.String()}},
				Formula: fmt.Sprintf("floor(%s × %s / %s)%s", money(amt), m.coef, pr.CoefSum, note), Result: money(shares[i])})
		}
		l.res.Pools = append(l.res.Pools, pr)
	}
}

func exactShare(amt, c, sum decimal.Decimal) decimal.Decimal {
	if !sum.IsPositive() {
		return zero
	}
	return amt.Mul(c).DivRound(sum, 10)
}

func poolName(s *plan.Scheme, key string) string {
	if key == "" {
		return s.Name.Name
	}
	return s.Name.Name + "/" + key
}

func poolLabel(s *plan.Scheme, key string) string {
	if key == "" {
		return s.Label.Name
	}
	return s.Label.Name + " " + key
}

// weight is a member's weight in a scheme's split: the role's coefficient, or the roster column's value,
// or 1; times the split's expression.
func (l *lang) weight(s *plan.Scheme, id string) decimal.Decimal {
	sp := s.Split
	w := one
	role := l.emps[id].Role
	for _, rc := range sp.Coefficients {
		if rc.Role.Name == role {
			w = rc.Coefficient.Decimal
		}
	}
	w = l.adjustedWeight(s, id, w)
	if sp.Column.Name != "" {
		w = l.rosterNumber(id, sp.Column.Name)
	}
	if sp.Times != nil {
		w = w.Mul(l.number(sp.Times, plan.ScopeEmployee, id, "scheme "+s.Name.Name+" split"))
	}
	return w
}

// rosterNumber is a number column's value on an employee's roster row (0 when empty).
func (l *lang) rosterNumber(id, column string) decimal.Decimal {
	rows := l.d.Generic["employees"]
	if rows == nil {
		return zero
	}
	idc, c := rows.Index("id"), rows.Index(column)
	if idc < 0 || c < 0 {
		return zero
	}
	for _, r := range rows.Rows {
		if r.Values[idc].Text == id {
			return r.Values[c].Num
		}
	}
	return zero
}

// person finishes one employee's line: then, quota, gates, negate, deductions.
func (l *lang) person(s *plan.Scheme, id string, v decimal.Decimal, det LineDetail) {
	name := s.Name.Name
	if t := s.Then; t != nil {
		f := money(v)
		v, f = l.factors(t.Factors, plan.ScopeEmployee, id, v, f, name)
		v = bounded(v, l.round(t.Round), nil, nil)
		l.step(Step{Rule: "scheme." + name + ".then", Employee: id, Formula: f, Result: money(v)})
	}
	if q := s.Quota; q != nil && plan.HasRef(q.Roles, l.emps[id].Role) {
		on := q.On.Name
		if on == "" {
			on = s.Base.Name
		}
		n := l.value(on, plan.ScopeEmployee, id)
		short := q.Target.Sub(n)
		if short.IsPositive() {
			pen := short.Mul(q.Penalty.Decimal)
			l.step(Step{Rule: "scheme." + name + ".quota", Employee: id, Inputs: []KV{{on, n.String()}, {"target", q.Target.String()}},
				Formula: fmt.Sprintf("%s − (%s − %s) × %s", money(v), q.Target, n, q.Penalty), Result: money(v.Sub(pen))})
			v = v.Sub(pen)
		}
	}
	for _, g := range s.Gates {
		if l.holds(g.When, plan.ScopeEmployee, id, "scheme "+name+" gate") {
			to := zero
			if g.Then != nil {
				to = g.Then.Decimal
			}
			l.step(Step{Rule: "scheme." + name + ".gate", Employee: id, Inputs: []KV{{"reason", g.Reason}},
				Formula: fmt.Sprintf("%s holds: %s → %s", g.When.Src, money(v), money(to)), Result: money(to), Sources: l.exprSources(g.When, id)})
			v = to
		}
	}
	if s.Negate {
		v = v.Neg()
	}
	line := l.line(id, name)
	line.Label = s.Label.Name
	line.Gross = v
	line.Detail = det
	l.deductions(s, id, line)
}

// exprSources are the rows behind the bases an expression uses, for an employee.
func (l *lang) exprSources(e *plan.Expr, id string) []model.Source {
	var out []model.Source
	for _, u := range e.Program().Uses() {
		out = append(out, l.sources(u, plan.ScopeEmployee, id)...)
	}
	return out
}

// deductions takes a scheme's deductions off an employee's line, never below zero: each is rounded, and
// what would take the line below zero is left out, with a warning.
func (l *lang) deductions(s *plan.Scheme, id string, line *Line) {
	gross := line.Gross
	left := gross
	if left.IsNegative() {
		left = zero
	}
	once := false
	for _, d := range s.Deductions {
		if len(d.Fines) > 0 {
			left = l.finesDeduction(s, d, id, line, left)
			continue
		}
		if s.RoundedOnce() && d.IsRateDeduction() {
			if !once {
				left, once = l.deductionsOnce(s, id, line, gross, left), true
			}
			continue
		}
		amt, f := l.deduction(d, id, gross)
		amt = amt.Round(l.dec)
		if !amt.IsPositive() {
			continue
		}
		reason := l.reason(d, id)
		taken := amt
		if taken.GreaterThan(left) {
			taken = left
			if gross.IsPositive() {
				// Down to zero is the rule; said when a line that had an amount loses all of it.
				l.warn(fmt.Sprintf(msg.CalcDeductionOver, id, l.emps[id].Name, reason, money(amt), s.Label.Name, money(left), money(amt.Sub(left))))
			}
		}
		left = left.Sub(taken)
		var src []model.Source
		if d.Count.Name != "" {
			src = l.sources(d.Count.Name, plan.ScopeEmployee, id)
		}
		l.step(Step{Rule: "scheme." + s.Name.Name + ".deduction", Employee: id, Inputs: []KV{{"reason", reason}, {"gross", money(gross)}},
			Formula: f, Result: money(taken), Sources: src})
		if taken.IsPositive() {
			line.Deduction = line.Deduction.Add(taken)
			line.Deductions = append(line.Deductions, Deduction{Reason: reason, Amount: taken})
		}
	}
}

// deduction is one deduction's amount (exact) for an employee, with its formula.
func (l *lang) deduction(d plan.Deduction, id string, gross decimal.Decimal) (decimal.Decimal, string) {
	if amt, f, ok := l.deductionMore(d, id, gross); ok {
		return amt, f
	}
	switch {
	case d.Each != nil:
		n := l.value(d.Count.Name, plan.ScopeEmployee, id)
		return n.Mul(d.Each.Decimal), fmt.Sprintf("%s × %s", n, d.Each)
	case len(d.Rates) > 0:
		n := l.value(d.Count.Name, plan.ScopeEmployee, id)
		rate := zero
		for _, cr := range d.Rates {
			if n.GreaterThanOrEqual(cr.Count.Decimal) {
				rate = cr.Rate.Decimal
			}
		}
		return gross.Mul(rate), fmt.Sprintf("%s × %s (%s = %s)", money(gross), rate, d.Count.Name, n)
	}
	if l.holds(d.When, plan.ScopeEmployee, id, "deduction") {
		rate := l.dedRate(d, id)
		return gross.Mul(rate), fmt.Sprintf("%s holds: %s × %s", d.When.Src, money(gross), rate)
	}
	return zero, ""
}
