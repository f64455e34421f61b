package report

import (
	"fmt"
	"strings"

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
	if len(d.Fines) > 0 {
		fs := make([]string, len(d.Fines))
		for i, f := range d.Fines {
			label := f.Label
			if label == "" {
				label = s.baseTitle(f.Count.Name)
			}
			fs[i] = fmt.Sprintf(msg.ShowDedFine, label, f.Each)
		}
		text := fmt.Sprintf(msg.ShowDedFines, strings.Join(fs, msg.ShowListSep))
		if d.WarnsOutside() {
			text += msg.ShowDedOutside
		}
		return text, true
	}
	return "", false
}

// reasonText is a deduction's reason as plan show prints it: placeholders by what they show.
func (s *planShow) reasonText(d plan.Deduction) string {
	return plan.FillParts(d.ReasonParts(), func(p plan.ReasonPart) string {
		switch {
		case p.Rate:
			return msg.ShowReasonRate
		case p.Items:
			return msg.ShowReasonItems
		}
		return fmt.Sprintf(msg.ShowReasonBase, s.baseTitle(p.Base))
	})
}

// dedBases are the bases a deduction's reason shows and its fines count.
func dedBases(d plan.Deduction) []string {
	var out []string
	for _, f := range d.Fines {
		out = append(out, f.Count.Name)
	}
	for _, p := range d.ReasonParts() {
		if p.Base != "" {
			out = append(out, p.Base)
		}
	}
	return out
}

// schemeDeductions reads a scheme's keys about its deductions as a whole.
func (s *planShow) schemeDeductions(sc *plan.Scheme) {
	if sc.RoundedOnce() {
		s.detail(msg.ShowKeyDedRounding, msg.ShowDedRoundOnce)
	}
	if dt := sc.Detail; dt != nil {
		var parts []string
		if dt.Base.Name != "" {
			parts = append(parts, fmt.Sprintf(msg.ShowDetailBase, s.baseTitle(dt.Base.Name)))
		}
		if dt.Rate.Name != "" {
			parts = append(parts, fmt.Sprintf(msg.ShowDetailRate, s.baseTitle(dt.Rate.Name)))
		}
		for _, a := range dt.Achievements {
			parts = append(parts, fmt.Sprintf(msg.ShowDetailAch, s.baseTitle(a.Name)))
		}
		s.detail(msg.ShowKeyDetail, strings.Join(parts, msg.ShowListSep))
	}
}

// detailBases are the bases a scheme's detail shows.
func detailBases(sc *plan.Scheme) []string {
	dt := sc.Detail
	if dt == nil {
		return nil
	}
	out := []string{dt.Base.Name, dt.Rate.Name}
	for _, a := range dt.Achievements {
		out = append(out, a.Name)
	}
	return out
}
