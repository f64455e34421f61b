package calc

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// The deductions of the plan language beyond each, rates and when (docs/plan.md 6.9).

// dedRate is a deduction's rate for an employee: its number, or its expression evaluated for the employee
// (an expression that fails counts as 0, with a warning).
func (l *lang) dedRate(d plan.Deduction, id string) decimal.Decimal {
	if d.Rate == nil {
		return zero
	}
	if d.Rate.Expr != nil {
		return l.number(d.Rate.Expr, plan.ScopeEmployee, id, "deduction rate")
	}
	return d.Rate.Decimal
}

// deductionMore is the amount (exact) of a deduction of a kind added by the plan language, with its
// formula; ok is false for the other kinds.
func (l *lang) deductionMore(d plan.Deduction, id string, gross decimal.Decimal) (decimal.Decimal, string, bool) {
	if d.Part == nil {
		return zero, "", false
	}
	// The part is rounded first: the deduction is taken of the amount the payslip shows as that part.
	part := gross.Mul(d.Part.Decimal).Round(l.dec)
	rate := l.dedRate(d, id)
	return part.Mul(rate), fmt.Sprintf("round(round(%s × %s) × %s)", money(gross), d.Part, rate), true
}

// reasonRate is the rate a deduction applies for an employee ({rate} of its reason): the highest count
// reached for rates, else its rate.
func (l *lang) reasonRate(d plan.Deduction, id string) decimal.Decimal {
	if len(d.Rates) > 0 {
		n := l.value(d.Count.Name, plan.ScopeEmployee, id)
		rate := zero
		for _, cr := range d.Rates {
			if n.GreaterThanOrEqual(cr.Count.Decimal) {
				rate = cr.Rate.Decimal
			}
		}
		return rate
	}
	return l.dedRate(d, id)
}

// reason is a deduction's reason for an employee, its placeholders filled: a base's value as the number
// is written (1, 95.5, 30), the rate as a percentage (5%, 10%).
func (l *lang) reason(d plan.Deduction, id string) string {
	return plan.FillParts(d.ReasonParts(), func(p plan.ReasonPart) string {
		switch {
		case p.Rate:
			return pct(l.reasonRate(d, id))
		case p.Items:
			return l.fineItems(d, id)
		}
		return l.value(p.Base, plan.ScopeEmployee, id).String()
	})
}

// deductionsOnce takes a scheme's rate deductions (rates, when) off a line together: their rates add and
// line × the sum is rounded once; each deduction with a rate above 0 is listed with round(line × its rate),
// the last taking the rest (so a reason may show 0.00). It never takes more than what is left of the line
// (left), and returns what is left after it.
func (l *lang) deductionsOnce(s *plan.Scheme, id string, line *Line, gross, left decimal.Decimal) decimal.Decimal {
	var reasons []Deduction
	var rates []decimal.Decimal
	var src []model.Source
	sum := zero
	for _, d := range s.Deductions {
		if !d.IsRateDeduction() {
			continue
		}
		rate := zero
		switch {
		case len(d.Rates) > 0:
			rate = l.reasonRate(d, id)
			src = append(src, l.sources(d.Count.Name, plan.ScopeEmployee, id)...)
		case l.holds(d.When, plan.ScopeEmployee, id, "deduction"):
			rate = l.dedRate(d, id)
			src = append(src, l.exprSources(d.When, id)...)
		}
		if rate.IsPositive() {
			sum = sum.Add(rate)
			rates = append(rates, rate)
			reasons = append(reasons, Deduction{Reason: l.reason(d, id)})
		}
	}
	amt := gross.Mul(sum).Round(l.dec)
	if !amt.IsPositive() {
		return left
	}
	taken := decimal.Min(amt, left)
	var texts []string
	for _, r := range reasons {
		texts = append(texts, r.Reason)
	}
	joined := strings.Join(texts, msg.CalcReasonsJoin)
	if taken.LessThan(amt) {
		l.warn(fmt.Sprintf(msg.CalcDeductionOver, id, l.emps[id].Name, joined, money(amt), s.Label.Name, money(left), money(amt.Sub(taken))))
	}
	rest := taken
	for i := range reasons {
		if i == len(reasons)-1 {
			reasons[i].Amount = rest
			break
		}
		reasons[i].Amount = decimal.Min(gross.Mul(rates[i]).Round(l.dec), rest)
		rest = rest.Sub(reasons[i].Amount)
	}
	l.step(Step{Rule: "scheme." + s.Name.Name + ".deduction", Employee: id, Inputs: []KV{{"reason", joined}, {"gross", money(gross)}, {"rate", sum.String()}},
		Formula: fmt.Sprintf("round(%s × %s)", money(gross), sum), Result: money(taken), Sources: src})
	if taken.IsPositive() {
		line.Deduction = line.Deduction.Add(taken)
		line.Deductions = append(line.Deductions, reasons...)
	}
	return left.Sub(taken)
}

// dedState is what deductions keep across a scheme's people: the fines warnings of its members, said after
// them in id order together with those of everybody else.
type dedState struct {
	finesOver map[string][]Warning
}

// fines is an employee's fines of a fines deduction (exact), with the rows behind them in row order of
// each table.
func (l *lang) fines(d plan.Deduction, id string) (decimal.Decimal, []model.Source) {
	total := zero
	var src []model.Source
	for _, f := range d.Fines {
		n := l.value(f.Count.Name, plan.ScopeEmployee, id)
		if n.IsZero() {
			continue
		}
		total = total.Add(n.Mul(f.Each.Decimal))
		src = append(src, l.sources(f.Count.Name, plan.ScopeEmployee, id)...)
	}
	file := map[string]int{}
	for _, s := range src {
		if _, ok := file[s.File+"\x00"+s.Sheet]; !ok {
			file[s.File+"\x00"+s.Sheet] = len(file)
		}
	}
	sort.SliceStable(src, func(i, j int) bool {
		fi, fj := file[src[i].File+"\x00"+src[i].Sheet], file[src[j].File+"\x00"+src[j].Sheet]
		return fi < fj || fi == fj && src[i].Row < src[j].Row
	})
	return total, src
}

// fineItems are an employee's fines for {items}: label×count of each kind counted, in the plan's order.
func (l *lang) fineItems(d plan.Deduction, id string) string {
	var parts []string
	for _, f := range d.Fines {
		if n := l.value(f.Count.Name, plan.ScopeEmployee, id); n.IsPositive() {
			label := f.Label
			if label == "" {
				label = l.p.Base(f.Count.Name).Title()
			}
			parts = append(parts, label+"×"+n.String())
		}
	}
	return strings.Join(parts, ", ")
}

// finesDeduction takes an employee's fines off the line as one deduction, down to zero; what the line
// cannot take is warned about after the scheme's people (finesAfter). It returns what is left of the line.
func (l *lang) finesDeduction(s *plan.Scheme, d plan.Deduction, id string, line *Line, left decimal.Decimal) decimal.Decimal {
	total, src := l.fines(d, id)
	total = total.Round(l.dec)
	if !total.IsPositive() {
		return left
	}
	taken := decimal.Min(total, left)
	if total.GreaterThan(left) {
		if l.deduct.finesOver == nil {
			l.deduct.finesOver = map[string][]Warning{}
		}
		l.deduct.finesOver[id] = append(l.deduct.finesOver[id], Warning{Message: l.finesOver(s, id, total, left), Sources: src})
	}
	reason := l.reason(d, id)
	l.step(Step{Rule: "scheme." + s.Name.Name + ".deduction", Employee: id, Inputs: []KV{{"reason", reason}, {"fines", money(total)}, {"line", money(left)}},
		Formula: msg.CalcFinesFormula, Result: money(taken), Sources: src})
	if taken.IsPositive() {
		line.Deduction = line.Deduction.Add(taken)
		line.Deductions = append(line.Deductions, Deduction{Reason: reason, Amount: taken})
	}
	return left.Sub(taken)
}

func (l *lang) finesOver(s *plan.Scheme, id string, total, left decimal.Decimal) string {
	name := id
	if em := l.emps[id]; em != nil {
		name = em.Name
	}
	return fmt.Sprintf(msg.CalcLangFinesOver, id, name, money(total), s.Name.Name, money(left), money(total.Sub(left)))
}

// finesAfter says, in id order, the fines a scheme's lines could not take and, for its fines deductions
// with outside: warn, the fines of every other employee (probation included), who have no line to take
// them from.
func (l *lang) finesAfter(s *plan.Scheme, people []string) {
	paid := make(map[string]bool, len(people))
	for _, id := range people {
		paid[id] = true
	}
	for _, id := range l.ids {
		for _, w := range l.deduct.finesOver[id] {
			l.warn(w.Message, w.Sources...)
		}
		if paid[id] {
			continue
		}
		for _, d := range s.Deductions {
			if !d.WarnsOutside() {
				continue
			}
			total, src := l.fines(d, id)
			if total = total.Round(l.dec); total.IsPositive() {
				l.warn(l.finesOver(s, id, total, zero), src...)
				l.step(Step{Rule: "scheme." + s.Name.Name + ".deduction", Employee: id, Inputs: []KV{{"reason", l.reason(d, id)}, {"fines", money(total)}, {"line", money(zero)}},
					Formula: msg.CalcFinesFormula, Result: money(zero), Sources: src})
			}
		}
	}
	l.deduct.finesOver = nil
}
