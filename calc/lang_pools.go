package calc

import (
	"github.com/shopspring/decimal"

	"payout/model"
	"payout/plan"
)

// The plan language's coefficient adjustments (split.adjustable): an adjustment of kind coefficient whose
// 奖金池 is the scheme replaces the member's coefficient for the month (before split.times), as the legacy
// pools do (calc/schemes.go pools): step pool.coefficient_adjustment, Share.Adjusted.

// adjustedWeight is a member's coefficient after the month's adjustment, if the scheme takes adjustments and
// the member has one (the last row wins); the replacement is recorded as a step.
func (l *lang) adjustedWeight(s *plan.Scheme, id string, w decimal.Decimal) decimal.Decimal {
	if !l.adjusts(s, id) {
		return w
	}
	a := l.coefAdj[[2]string{id, s.Name.Name}]
	l.step(Step{Rule: "pool.coefficient_adjustment", Pool: s.Name.Name, Employee: id, Inputs: []KV{{"approver", a.ApproverID}, {"reason", a.Reason}},
		Formula: "coefficient replaced for this month", Result: a.Value.String(), Sources: []model.Source{a.Src}})
	return a.Value
}

// adjusts reports whether an employee's coefficient in the scheme is replaced by an adjustment this month.
func (l *lang) adjusts(s *plan.Scheme, id string) bool {
	if !s.Adjustable() {
		return false
	}
	_, ok := l.coefAdj[[2]string{id, s.Name.Name}]
	return ok
}
