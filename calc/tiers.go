package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"payout/plan"
)

// tierResult is what a tier table gives for a quantity.
type tierResult struct {
	Amount  decimal.Decimal // exact, before rounding
	Rate    decimal.Decimal // whole mode: the rate of the tier reached (after reduction); marginal: the top band's reached
	Band    int             // index of the band reached, -1 below the first
	Above   bool            // beyond the top band's upper bound
	Formula string
}

// inBand reports whether q falls in band b by the table's inclusive end.
func inBand(t plan.Tiers, b plan.Band, q decimal.Decimal) bool {
	if t.Inclusive.Name == plan.InclusiveUpper {
		return q.GreaterThan(b.From.Decimal) && (b.To == nil || q.LessThanOrEqual(b.To.Decimal))
	}
	return q.GreaterThanOrEqual(b.From.Decimal) && (b.To == nil || q.LessThan(b.To.Decimal))
}

// reached returns the index of the band q reaches, or -1. At or beyond the top band's start the top band is
// reached (its upper bound belongs to it: the source's "900-2000" includes 2000; above it the top rate
// applies, with a warning from the importers).
func reached(t plan.Tiers, q decimal.Decimal) int {
	n := len(t.Bands)
	top := t.Bands[n-1]
	if q.GreaterThan(top.From.Decimal) || (t.Inclusive.Name != plan.InclusiveUpper && q.Equal(top.From.Decimal)) {
		return n - 1
	}
	for i, b := range t.Bands {
		if inBand(t, b, q) {
			return i
		}
	}
	return -1
}

// applyTiers computes quantity q through a tier table, every band's rate lowered by reduction (never below 0).
func applyTiers(t plan.Tiers, q, reduction decimal.Decimal) tierResult {
	rate := func(i int) decimal.Decimal {
		r := t.Bands[i].Rate.Sub(reduction)
		if r.IsNegative() {
			return decimal.Zero
		}
		return r
	}
	res := tierResult{Band: reached(t, q)}
	top := t.Bands[len(t.Bands)-1]
	res.Above = top.To != nil && q.GreaterThan(top.To.Decimal)
	if t.Mode.Name == plan.ModeMarginal {
		sum := decimal.Zero
		f := ""
		for i, b := range t.Bands {
			hi := q
			if b.To != nil && i < len(t.Bands)-1 && hi.GreaterThan(b.To.Decimal) {
				hi = b.To.Decimal
			}
			part := hi.Sub(b.From.Decimal)
			if !part.IsPositive() {
				continue
			}
			sum = sum.Add(part.Mul(rate(i)))
			if f != "" {
				f += " + "
			}
			f += fmt.Sprintf("%s × %s", part, rate(i))
		}
		if res.Band >= 0 {
			res.Rate = rate(res.Band)
		}
		res.Amount = sum
		if f == "" {
			f = "0"
		}
		res.Formula = f
		return res
	}
	if res.Band < 0 {
		res.Formula = fmt.Sprintf("%s below the first tier (%s): 0", q, t.Bands[0].From)
		return res
	}
	res.Rate = rate(res.Band)
	res.Amount = q.Mul(res.Rate)
	res.Formula = fmt.Sprintf("%s × %s", q, res.Rate)
	return res
}
