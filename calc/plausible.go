package calc

import (
	"fmt"
	"strings"

	"payout/internal/msg"
	"payout/model"
)

// plausible warns when an employee's total pay is above the plan's plausible_pay thresholds: the absolute
// max_total, or max_base_multiple × the base salary. Being exactly at a threshold is plausible. A base salary
// of 0 is checked against max_total only (any multiple of 0 is 0, which every paid person would pass). A
// threshold that is not positive (a plan built in code without it; loading refuses it) checks nothing. The
// warning points at the employee's roster row, where the base salary comes from.
func (e *engine) plausible(r EmployeeResult) {
	pp := e.p.PlausiblePay
	var reasons []string
	if max := pp.MaxTotal.Decimal; max.IsPositive() && r.Total.GreaterThan(max) {
		reasons = append(reasons, fmt.Sprintf(msg.CalcPayAboveTotal, money(max)))
	}
	if k := pp.MaxBaseMultiple.Decimal; k.IsPositive() && r.BaseSalary.IsPositive() {
		if limit := r.BaseSalary.Mul(k); r.Total.GreaterThan(limit) {
			reasons = append(reasons, fmt.Sprintf(msg.CalcPayAboveBaseMult, k, money(r.BaseSalary), money(limit)))
		}
	}
	if len(reasons) == 0 {
		return
	}
	var src []model.Source
	if em := e.emps[r.ID]; em != nil && em.Src.File != "" {
		src = []model.Source{em.Src}
	}
	e.warn(fmt.Sprintf(msg.CalcImplausiblePay, r.ID, r.Name, money(r.Total), strings.Join(reasons, msg.CalcPayReasonsSep)), src...)
}
