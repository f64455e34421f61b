package plan

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
)

// Sanity bounds of a plan's numbers. A plan is edited by hand (and pasted from spreadsheets), so a typo such
// as `1e400` or a float's noise such as `0.30000000000000004` must be refused when the plan is loaded, with
// its line, rather than carried into every total.
const (
	// MaxNumber bounds every number of a plan from above, exclusively: amounts (piece rate, fines, the
	// plausible-pay total), tier bounds (hours, insurance amounts), per-unit rates (yuan per hour or per
	// wash), counts and coefficients. A store's whole month is a few million yuan: 10^9 leaves ample room,
	// and with MaxDecimals it keeps every plan number within the 15 significant digits a spreadsheet keeps.
	MaxNumber = 1_000_000_000

	// MaxDecimals is the most decimal places a plan number may have (trailing zeros do not count). The finest
	// rate of the source document is 0.85% (0.0085, 4 places); 6 places is a ten-thousandth of a percent.
	// Longer fractions are floating-point noise or typos, and `1e-400` would carry 400 places into the amounts.
	MaxDecimals = 6

	// MaxMoneyRate bounds a rate that is a part of an amount of money (a pool's share of a revenue, an
	// accessory share, the insurance and renewal rates): above 1 it would pay more than the money it is
	// taken from. Rates per unit (yuan per hour, per wash, per repair order) are amounts, bounded by MaxNumber.
	MaxMoneyRate = 1

	// MaxScore bounds assessment scores and deduction points, which are out of 100: a score_below above 100
	// would cut every advisor, a max_points above 100 would take more than the whole assessed part.
	MaxScore = 100
)

// Defaults of the plausible_pay section, for a store's plan written before the section existed. They are
// the thresholds the issue that introduced the check gave: no after-sales employee is paid a million yuan
// in a month, nor 20 times their base salary (the sample month's highest is 3.5 times).
const (
	DefaultMaxTotal        = "1000000"
	DefaultMaxBaseMultiple = "20"
)

// CountFigures are the base figures that count things (repair orders, washes) rather than sum money: a
// pool's rate on one of them is an amount per unit, not a part of money.
var CountFigures = []string{"intake_count", "wash_count"}

var (
	maxNumber    = decimal.NewFromInt(MaxNumber)
	maxMoneyRate = decimal.NewFromInt(MaxMoneyRate)
	maxScore     = decimal.NewFromInt(MaxScore)
)

// bounded checks a number read from the plan against MaxDecimals and MaxNumber without any arithmetic on
// its exponent (1e400 is never expanded), and returns it without the trailing zeros of its fraction. text
// is the file's text of the number, for the message; the message is "" when the number is within bounds.
func bounded(v decimal.Decimal, text string) (decimal.Decimal, string) {
	c := v.Coefficient()
	if c.Sign() == 0 {
		return decimal.Zero, ""
	}
	digits := strings.TrimPrefix(c.String(), "-")
	exp := int64(v.Exponent())
	if exp < 0 {
		k := min(int64(len(digits)-len(strings.TrimRight(digits, "0"))), -exp)
		digits, exp = digits[:int64(len(digits))-k], exp+k
	}
	if -exp > MaxDecimals {
		return v, fmt.Sprintf(msg.PlanTooPrecise, text, MaxDecimals)
	}
	// |v| < 10^(len(digits)+exp): the exact comparison below runs only on numbers of a few digits.
	if int64(len(digits))+exp > int64(len(maxNumber.String()))+1 {
		return v, fmt.Sprintf(msg.PlanTooLarge, text, MaxNumber)
	}
	n, _ := new(big.Int).SetString(digits, 10)
	if c.Sign() < 0 {
		n.Neg(n)
	}
	v = decimal.NewFromBigInt(n, int32(exp))
	if v.Abs().Cmp(maxNumber) >= 0 {
		return v, fmt.Sprintf(msg.PlanTooLarge, text, MaxNumber)
	}
	return v, ""
}

// moneyRate checks a rate that is a part of an amount of money: 0 to MaxMoneyRate.
func (c *checker) moneyRate(d Dec, key string, line int) {
	if !c.present(d, key, line) {
		return
	}
	if d.IsNegative() {
		c.add(d.Line, msg.PlanNegative, key, d.String())
	} else if d.GreaterThan(maxMoneyRate) {
		c.add(d.Line, msg.PlanMoneyRate, key, MaxMoneyRate, d.String())
	}
}

// score checks that a score or a number of points is at most MaxScore (its presence and sign are checked
// by the caller).
func (c *checker) score(d Dec, key string) {
	if d.Line > 0 && d.GreaterThan(maxScore) {
		c.add(d.Line, msg.PlanAboveScore, key, MaxScore, d.String())
	}
}

// countFigures returns the figures of the plan that count things: the base CountFigures and the plan's
// sums made of count figures only.
func (p *Plan) countFigures() map[string]bool {
	out := map[string]bool{}
	for _, f := range CountFigures {
		out[f] = true
	}
	for _, f := range p.Figures {
		all := len(f.Sum) > 0
		for _, s := range f.Sum {
			all = all && out[s.Name]
		}
		if all {
			out[f.Name.Name] = true
		}
	}
	return out
}

// applyDefaults fills in the keys of the plausible_pay section that the file leaves out (Line 0).
func (p *Plan) applyDefaults() {
	pp := &p.PlausiblePay
	if pp.MaxTotal.Line == 0 {
		pp.MaxTotal.Decimal = decimal.RequireFromString(DefaultMaxTotal)
	}
	if pp.MaxBaseMultiple.Line == 0 {
		pp.MaxBaseMultiple.Decimal = decimal.RequireFromString(DefaultMaxBaseMultiple)
	}
	p.vocab = p.Vocabulary.mergedInto(builtinVocabulary())
}

// checkPlausiblePay checks the plausible_pay section: both thresholds the file gives greater than 0 (a key it
// leaves out has its default).
func (c *checker) checkPlausiblePay(pp PlausiblePay) {
	for _, x := range []struct {
		d   Dec
		key string
	}{{pp.MaxTotal, "plausible_pay.max_total"}, {pp.MaxBaseMultiple, "plausible_pay.max_base_multiple"}} {
		if x.d.Line > 0 {
			c.positive(x.d, x.key, x.d.Line)
		}
	}
}
