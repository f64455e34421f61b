package calc

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

var (
	zero    = decimal.Zero
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

// cents rounds half away from zero to 2 decimals (SPEC §5).
func cents(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// money prints an amount with exactly 2 decimals.
func money(d decimal.Decimal) string { return d.StringFixed(2) }

// engine holds the state of one computation.
type engine struct {
	p    *plan.Plan
	d    *model.MonthData
	res  *Result
	emps map[string]*model.Employee
	// lines collects each employee's lines by scheme, before ordering.
	lines   map[string]map[string]*Line
	figures map[string]decimal.Decimal
	figSrc  map[string][]model.Source
	// pool accessory shares (exact) and their sources.
	poolRows    map[string]decimal.Decimal
	poolRowsSrc map[string][]model.Source
	// accessory own parts per seller (exact) and eligible revenue per seller.
	accOwn     map[string]decimal.Decimal
	accOwnSrc  map[string][]model.Source
	accRevenue map[string]decimal.Decimal
	coefAdj    map[[2]string]model.Adjustment
	points     map[string]decimal.Decimal
	pointsSrc  map[string]model.Source
	teamOf     map[string]string // employee id → team (plan-language plans with teams)
}

// Compute computes the month's payout. The data must have passed the importers' validation without errors;
// Compute does not fail on data it cannot use, it skips it (the importers report it).
func Compute(d *model.MonthData, p *plan.Plan) *Result {
	e := &engine{
		p: p, d: d,
		res:         &Result{Month: d.Month.String(), PlanName: p.Name},
		emps:        map[string]*model.Employee{},
		lines:       map[string]map[string]*Line{},
		figures:     map[string]decimal.Decimal{},
		figSrc:      map[string][]model.Source{},
		poolRows:    map[string]decimal.Decimal{},
		poolRowsSrc: map[string][]model.Source{},
		accOwn:      map[string]decimal.Decimal{},
		accOwnSrc:   map[string][]model.Source{},
		accRevenue:  map[string]decimal.Decimal{},
		coefAdj:     map[[2]string]model.Adjustment{},
		points:      map[string]decimal.Decimal{},
		pointsSrc:   map[string]model.Source{},
	}
	for i := range d.Employees {
		em := &d.Employees[i]
		if _, dup := e.emps[em.ID]; !dup {
			e.emps[em.ID] = em
		}
	}
	for _, s := range d.WorkshopScores {
		e.points[s.EmpID] = s.Points()
		e.pointsSrc[s.EmpID] = s.Src
	}
	for _, a := range d.Adjustments {
		if a.Kind == plan.AdjCoefficient {
			e.coefAdj[[2]string{a.EmpID, a.Pool}] = a
		}
	}
	if p.IsLanguage() {
		return computeLanguage(e)
	}
	e.computeFigures()
	e.accessories()
	e.pools()
	e.hours()
	e.wash()
	e.insurance()
	e.renewals()
	e.advisorDeductions()
	e.beautyFines()
	e.adjustments()
	e.finish()
	return e.res
}

func (e *engine) step(s Step) { e.res.Steps = append(e.res.Steps, s) }

func (e *engine) warn(m string, src ...model.Source) {
	e.res.Warnings = append(e.res.Warnings, Warning{Message: m, Sources: src})
}

// line returns the employee's line of a scheme, creating it.
func (e *engine) line(id, scheme string) *Line {
	m := e.lines[id]
	if m == nil {
		m = map[string]*Line{}
		e.lines[id] = m
	}
	l := m[scheme]
	if l == nil {
		l = &Line{Scheme: scheme}
		m[scheme] = l
	}
	return l
}

func (e *engine) lineIf(id, scheme string) *Line {
	return e.lines[id][scheme]
}

// paid reports whether an employee earns commission (on the roster and not on probation).
func (e *engine) paid(id string) bool {
	em := e.emps[id]
	return em != nil && !em.Probation
}

// ---- figures (SPEC §4.2) ----

func (e *engine) addFig(name string, v decimal.Decimal, src model.Source) {
	e.figures[name] = e.figures[name].Add(v)
	e.figSrc[name] = append(e.figSrc[name], src)
}

func (e *engine) computeFigures() {
	m := e.d.Month
	for _, f := range plan.BaseFigures {
		e.figures[f] = zero
	}
	for _, o := range e.d.RepairOrders {
		if o.Category == plan.CatCustomer && m.Contains(o.Settled) {
			e.addFig("customer_repair_paid", o.PaidAmount, o.Src)
		}
		if o.Category == plan.CatAccident && !o.Delivered.IsZero() && !o.Approved.IsZero() && m.Contains(laterOf(o.Delivered, o.Approved)) {
			e.addFig("accident_approved", o.ApprovedAmount.Add(o.SelfPay), o.Src)
		}
		if o.Category != plan.CatInternal && o.Category != "" && m.Contains(o.Settled) {
			e.addFig("gross_profit", o.GrossProfit, o.Src)
		}
		if o.Category != plan.CatInternal && o.Category != "" && m.Contains(o.Received) {
			e.addFig("intake_count", one, o.Src)
		}
	}
	for _, w := range e.d.WarrantyReceipts {
		e.addFig("warranty_receipts", w.Amount, w.Src)
	}
	for _, c := range e.d.Collections {
		switch c.Kind {
		case plan.KindFleet:
			e.addFig("fleet_collections", c.Amount, c.Src)
		case plan.KindInsurance:
			e.addFig("insurance_collections", c.Amount, c.Src)
		}
	}
	for _, a := range e.d.AccessorySales {
		if a.SellerDept == plan.DeptAftersales && e.earning(a) {
			e.addFig("accessory_revenue", a.PaidAmount, a.Src)
			if a.Installed {
				e.addFig("accessory_revenue_installed", a.PaidAmount, a.Src)
			}
		}
	}
	for _, b := range e.d.BeautySales {
		e.addFig("beauty_revenue", b.Amount, b.Src)
	}
	for _, w := range e.d.Washes {
		e.addFig("wash_count", one, w.Src)
	}
	descr := map[string]string{
		"customer_repair_paid":        "Σ paid_amount of customer repair orders settled in " + m.String(),
		"warranty_receipts":           "Σ amount of warranty receipts dated in " + m.String(),
		"accident_approved":           "Σ (approved_amount + self_pay) of accident repair orders whose later of delivery and approval is in " + m.String(),
		"gross_profit":                "Σ gross_profit of non-internal repair orders settled in " + m.String(),
		"intake_count":                "number of non-internal repair orders received in " + m.String(),
		"fleet_collections":           "Σ fleet collections dated in " + m.String(),
		"insurance_collections":       "Σ insurance collections dated in " + m.String(),
		"accessory_revenue":           "Σ paid_amount of after-sales, earning-category accessory sales in " + m.String(),
		"accessory_revenue_installed": "the installed part of accessory_revenue",
		"beauty_revenue":              "Σ beauty sales in " + m.String(),
		"wash_count":                  "number of washes in " + m.String(),
	}
	for _, f := range plan.BaseFigures {
		e.res.Figures = append(e.res.Figures, Figure{Name: f, Value: e.figures[f]})
		e.step(Step{Rule: "figure." + f, Formula: descr[f], Result: e.figures[f].String(), Sources: e.figSrc[f]})
	}
	for _, f := range e.p.Figures {
		sum := zero
		var in []KV
		parts := make([]string, 0, len(f.Sum))
		for _, s := range f.Sum {
			sum = sum.Add(e.figures[s.Name])
			in = append(in, KV{s.Name, e.figures[s.Name].String()})
			parts = append(parts, s.Name)
		}
		e.figures[f.Name.Name] = sum
		e.res.Figures = append(e.res.Figures, Figure{Name: f.Name.Name, Value: sum})
		e.step(Step{Rule: "figure." + f.Name.Name, Inputs: in, Formula: strings.Join(parts, " + "), Result: sum.String()})
	}
}

func laterOf(a, b model.Date) model.Date {
	if a.After(b) {
		return a
	}
	return b
}

// earning reports whether an accessory row's category earns anything.
func (e *engine) earning(a model.AccessorySale) bool {
	return !plan.HasRef(e.p.Accessory.NonEarningCategories, a.Category)
}

// ---- achievement rates (SPEC §4.3) ----

// achievement computes actual/target rounded half-up to the plan's decimals, then floored and capped.
func (e *engine) achievement(metric, scope string, actual decimal.Decimal, target decimal.Decimal, src []model.Source) Achievement {
	a := Achievement{Metric: metric, Scope: scope, Actual: actual, Target: target}
	dec := int32(e.p.Achievement.Decimals.IntPart())
	raw := actual.DivRound(target, dec)
	a.Rate = raw
	if f := e.p.Achievement.Floor; f != nil && a.Rate.LessThan(f.Decimal) {
		a.Rate = f.Decimal
	}
	if c := e.p.Achievement.Cap; c != nil && a.Rate.GreaterThan(c.Decimal) {
		a.Rate = c.Decimal
	}
	e.res.Achievements = append(e.res.Achievements, a)
	e.step(Step{Rule: "achievement", Pool: poolScope(e.p, scope), Employee: empScope(e.p, scope),
		Inputs:  []KV{{"metric", metric}, {"scope", scope}, {"actual", actual.String()}, {"target", target.String()}},
		Formula: fmt.Sprintf("round_half_up(%s / %s, %d) = %s, bounded by floor/cap", actual, target, dec, raw),
		Result:  a.Rate.String(), Sources: src})
	return a
}

func poolScope(p *plan.Plan, scope string) string {
	if p.Pool(scope) != nil {
		return scope
	}
	return ""
}

func empScope(p *plan.Plan, scope string) string {
	if p.Pool(scope) != nil {
		return ""
	}
	return scope
}

// target finds the target of (metric, scope).
func (e *engine) target(metric, scope string) (model.Target, bool) {
	for _, t := range e.d.Targets {
		if t.Metric == metric && t.Scope == scope {
			return t, true
		}
	}
	return model.Target{}, false
}

// ---- employees' ordering ----

func sortedIDs(ids []string) {
	sort.Slice(ids, func(i, j int) bool { return bytes.Compare([]byte(ids[i]), []byte(ids[j])) < 0 })
}

// finish orders the lines by the plan's lines, computes funds, nets and totals, and the result's totals.
func (e *engine) finish() { e.finishLines(e.p.LineOrder()) }

// finishLines orders each employee's lines by the schemes in order, computes funds, nets and totals, and
// the result's totals.
func (e *engine) finishLines(order []string) {
	fundRate := e.p.Fund.Rate.Decimal
	ids := make([]string, 0, len(e.d.Employees))
	seen := map[string]bool{}
	for _, em := range e.d.Employees {
		if !seen[em.ID] {
			seen[em.ID] = true
			ids = append(ids, em.ID)
		}
	}
	sortedIDs(ids)
	for _, id := range ids {
		em := e.emps[id]
		r := EmployeeResult{ID: em.ID, Name: em.Name, Role: em.Role, Department: em.Department, Team: e.teamOf[id], Probation: em.Probation, BaseSalary: em.BaseSalary}
		if em.Probation {
			r.Notes = append(r.Notes, msg.CalcProbationNote)
		}
		for _, scheme := range order {
			l := e.lineIf(id, scheme)
			if l == nil {
				continue
			}
			if scheme == plan.LineAdjustment {
				l.Fund = zero
			} else {
				l.Fund = cents(l.Gross.Sub(l.Deduction).Mul(fundRate))
				e.step(Step{Rule: "fund." + scheme, Employee: id, Inputs: []KV{{"scheme", scheme}, {"gross", money(l.Gross)}, {"deduction", money(l.Deduction)}, {"fund_rate", fundRate.String()}},
					Formula: fmt.Sprintf("round((%s − %s) × %s)", money(l.Gross), money(l.Deduction), fundRate), Result: money(l.Fund)})
			}
			l.Net = l.Gross.Sub(l.Deduction).Sub(l.Fund)
			l.Label = e.p.LineLabel(scheme)
			if l.Gross.IsZero() && l.Deduction.IsZero() && l.Fund.IsZero() {
				continue
			}
			r.Lines = append(r.Lines, *l)
			r.Gross = r.Gross.Add(l.Gross)
			r.Deduction = r.Deduction.Add(l.Deduction)
			r.Fund = r.Fund.Add(l.Fund)
			r.NetCommission = r.NetCommission.Add(l.Net)
		}
		r.Total = r.BaseSalary.Add(r.NetCommission)
		e.step(Step{Rule: "total", Employee: id, Inputs: []KV{{"base_salary", money(r.BaseSalary)}, {"net_commission", money(r.NetCommission)}},
			Formula: "base_salary + Σ line net", Result: money(r.Total)})
		e.plausible(r)
		e.res.Employees = append(e.res.Employees, r)
		e.res.FundTotal = e.res.FundTotal.Add(r.Fund)
		e.res.PayoutTotal = e.res.PayoutTotal.Add(r.Total)
	}
	var spentSrc []model.Source
	for _, f := range e.d.FundSpending {
		e.res.FundSpent = e.res.FundSpent.Add(f.Amount)
		spentSrc = append(spentSrc, f.Src)
	}
	if len(spentSrc) > 0 {
		e.step(Step{Rule: "fund.spending", Formula: "Σ fund_spending amounts of the month", Result: money(e.res.FundSpent), Sources: spentSrc})
	}
	e.step(Step{Rule: "totals", Inputs: []KV{{"employees", fmt.Sprint(len(ids))}}, Formula: "Σ fund, Σ total",
		Result: fmt.Sprintf("fund_total %s, payout_total %s", money(e.res.FundTotal), money(e.res.PayoutTotal))})
}
