package formula

import (
	"errors"

	"github.com/expr-lang/expr"
	"github.com/shopspring/decimal"

	"payout/model"
)

// The names of the functions the checker's rewrite calls. They start with "$", which no identifier of the
// language can, so no plan variable or function can take them.
const (
	fnAdd     = "$add"
	fnSub     = "$sub"
	fnMul     = "$mul"
	fnDiv     = "$div"
	fnNeg     = "$neg"
	fnLt      = "$lt"
	fnLe      = "$le"
	fnGt      = "$gt"
	fnGe      = "$ge"
	fnEq      = "$eq"
	fnNe      = "$ne"
	fnDateLt  = "$date_lt"
	fnDateLe  = "$date_le"
	fnDateGt  = "$date_gt"
	fnDateGe  = "$date_ge"
	fnDateEq  = "$date_eq"
	fnDateNe  = "$date_ne"
	fnMin     = "$min"
	fnMax     = "$max"
	fnAbs     = "$abs"
	fnRound   = "$round"
	fnInMonth = "$in_month"
	fnIn      = "$in"
)

// textSet is the constant list of `x in ["a", "b"]`.
type textSet []string

var (
	errDivZero = errors.New("division by zero")
	// errValue is an argument of the wrong Go type: a variable the Env does not hold.
	errValue = errors.New("missing value")
)

type (
	num2   = func(decimal.Decimal, decimal.Decimal) decimal.Decimal
	cmp2   = func(decimal.Decimal, decimal.Decimal) bool
	date2  = func(model.Date, model.Date) bool
	num1   = func(decimal.Decimal) decimal.Decimal
	round2 = func(decimal.Decimal, int32) decimal.Decimal
	month2 = func(model.Date, model.Month) bool
	in2    = func(string, textSet) bool
)

// functions are expr options declaring this package's functions with their typed signatures.
func functions() []expr.Option {
	return []expr.Option{
		expr.Function(fnAdd, arith(decimal.Decimal.Add), new(num2)),
		expr.Function(fnSub, arith(decimal.Decimal.Sub), new(num2)),
		expr.Function(fnMul, arith(decimal.Decimal.Mul), new(num2)),
		expr.Function(fnDiv, divide, new(num2)),
		expr.Function(fnMin, arith(func(a, b decimal.Decimal) decimal.Decimal { return decimal.Min(a, b) }), new(num2)),
		expr.Function(fnMax, arith(func(a, b decimal.Decimal) decimal.Decimal { return decimal.Max(a, b) }), new(num2)),
		expr.Function(fnNeg, unary(decimal.Decimal.Neg), new(num1)),
		expr.Function(fnAbs, unary(decimal.Decimal.Abs), new(num1)),
		expr.Function(fnRound, round, new(round2)),
		expr.Function(fnLt, compare(func(c int) bool { return c < 0 }), new(cmp2)),
		expr.Function(fnLe, compare(func(c int) bool { return c <= 0 }), new(cmp2)),
		expr.Function(fnGt, compare(func(c int) bool { return c > 0 }), new(cmp2)),
		expr.Function(fnGe, compare(func(c int) bool { return c >= 0 }), new(cmp2)),
		expr.Function(fnEq, compare(func(c int) bool { return c == 0 }), new(cmp2)),
		expr.Function(fnNe, compare(func(c int) bool { return c != 0 }), new(cmp2)),
		expr.Function(fnDateLt, compareDates(func(c int) bool { return c < 0 }), new(date2)),
		expr.Function(fnDateLe, compareDates(func(c int) bool { return c <= 0 }), new(date2)),
		expr.Function(fnDateGt, compareDates(func(c int) bool { return c > 0 }), new(date2)),
		expr.Function(fnDateGe, compareDates(func(c int) bool { return c >= 0 }), new(date2)),
		expr.Function(fnDateEq, compareDates(func(c int) bool { return c == 0 }), new(date2)),
		expr.Function(fnDateNe, compareDates(func(c int) bool { return c != 0 }), new(date2)),
		expr.Function(fnInMonth, inMonth, new(month2)),
		expr.Function(fnIn, in, new(in2)),
	}
}

// numbers2 reads the two decimal arguments of a call.
func numbers2(p []any) (a, b decimal.Decimal, err error) {
	if len(p) != 2 {
		return a, b, errValue
	}
	a, ok1 := p[0].(decimal.Decimal)
	b, ok2 := p[1].(decimal.Decimal)
	if !ok1 || !ok2 {
		return a, b, errValue
	}
	return a, b, nil
}

func arith(op func(decimal.Decimal, decimal.Decimal) decimal.Decimal) func(...any) (any, error) {
	return func(p ...any) (any, error) {
		a, b, err := numbers2(p)
		if err != nil {
			return nil, err
		}
		return op(a, b), nil
	}
}

// divide rounds the quotient half away from zero to DivisionPlaces places; a zero divisor is an error.
func divide(p ...any) (any, error) {
	a, b, err := numbers2(p)
	if err != nil {
		return nil, err
	}
	if b.IsZero() {
		return nil, errDivZero
	}
	return a.DivRound(b, DivisionPlaces), nil
}

func unary(op func(decimal.Decimal) decimal.Decimal) func(...any) (any, error) {
	return func(p ...any) (any, error) {
		if len(p) != 1 {
			return nil, errValue
		}
		a, ok := p[0].(decimal.Decimal)
		if !ok {
			return nil, errValue
		}
		return op(a), nil
	}
}

// round rounds half away from zero (decimal.Round).
func round(p ...any) (any, error) {
	if len(p) != 2 {
		return nil, errValue
	}
	a, ok1 := p[0].(decimal.Decimal)
	n, ok2 := p[1].(int32)
	if !ok1 || !ok2 {
		return nil, errValue
	}
	return a.Round(n), nil
}

func compare(ok func(int) bool) func(...any) (any, error) {
	return func(p ...any) (any, error) {
		a, b, err := numbers2(p)
		if err != nil {
			return nil, err
		}
		return ok(cmpNumbers(a, b)), nil
	}
}

// pow10 holds the powers of ten that fit an int64.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// cmpNumbers is a.Cmp(b) without the allocation of Cmp's rescaling when both coefficients, brought to one
// exponent, fit an int64 (a figure of 3120.50 against a literal 3000).
func cmpNumbers(a, b decimal.Decimal) int {
	ea, eb := a.Exponent(), b.Exponent()
	if ea == eb {
		return a.Cmp(b)
	}
	if ea < eb {
		return -cmpNumbers(b, a)
	}
	shift := int64(ea) - int64(eb)
	if shift >= int64(len(pow10)) || int64(a.NumDigits())+shift > 18 || b.NumDigits() > 18 {
		return a.Cmp(b)
	}
	ca, cb := a.CoefficientInt64()*pow10[shift], b.CoefficientInt64()
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

func compareDates(ok func(int) bool) func(...any) (any, error) {
	return func(p ...any) (any, error) {
		if len(p) != 2 {
			return nil, errValue
		}
		a, ok1 := p[0].(model.Date)
		b, ok2 := p[1].(model.Date)
		if !ok1 || !ok2 {
			return nil, errValue
		}
		return ok(cmpDates(a, b)), nil
	}
}

// cmpDates is -1, 0 or 1 as a is before, on or after b; the zero date is before every other date.
func cmpDates(a, b model.Date) int {
	switch {
	case a == b:
		return 0
	case b.After(a):
		return -1
	}
	return 1
}

// inMonth reports whether the date is in the evaluation's month; a zero date is in no month.
func inMonth(p ...any) (any, error) {
	if len(p) != 2 {
		return nil, errValue
	}
	d, ok1 := p[0].(model.Date)
	m, ok2 := p[1].(model.Month)
	if !ok1 || !ok2 {
		return nil, errValue
	}
	return m.Contains(d), nil
}

func in(p ...any) (any, error) {
	if len(p) != 2 {
		return nil, errValue
	}
	x, ok1 := p[0].(string)
	set, ok2 := p[1].(textSet)
	if !ok1 || !ok2 {
		return nil, errValue
	}
	for _, s := range set {
		if s == x {
			return true, nil
		}
	}
	return false, nil
}
