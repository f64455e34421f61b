package report

import (
	"fmt"

	"payout/internal/msg"
	"payout/plan"
)

// dedRateText is a deduction's rate: a percentage, or the expression that gives it.
func (s *planShow) dedRateText(d plan.Deduction) string {
	if d.Rate.Expr != nil {
		return fmt.Sprintf(msg.ShowDedRateOf, exprText(s.p, nil, d.Rate.Expr))
	}
	return pct(d.Rate.Decimal)
}

// deductionMore reads a deduction of a kind the plan language added to each, rates and when.
func (s *planShow) deductionMore(d plan.Deduction) (string, bool) {
	if d.Part != nil {
		return fmt.Sprintf(msg.ShowDedPart, pct(d.Part.Decimal), s.dedRateText(d)), true
	}
	return "", false
}
