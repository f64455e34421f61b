package formula

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"payout/model"
)

var types = []Type{Number, Text, Date, Bool}

// FuzzCompile: any text as an expression compiles or gives an *Error with a message and a position inside
// the text; never a panic. A compiled program has the wanted type, sorted known variables, and evaluates
// with zero values without a panic to a value of its type or an *Error.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		`type in ["customer", "accident"] && premium >= 3000`, "satisfaction < 85", "(rate_ros + rate_rev) / 2",
		"min(attended / required, 1)", "round(paid, 2)", `date("2026-10-01") < settled`, "flag ? 'a' : type",
		"paid / zero", "1e400", "0x", "'", "(((", "a.b.c", "let x = 1; x", "[1,2][0]", "nil ?? 1", "#", "$env",
		"in_month(settled)", "date('x')", "round(1, 99999999999999999999)", "\x00", "é", "paid | abs()",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		env := NewEnv(testVars, october)
		for _, want := range types {
			p, err := Compile(src, testVars, want)
			if err != nil {
				checkError(t, src, err)
				continue
			}
			if p.Type() != want || !slices.IsSorted(p.Uses()) {
				t.Fatalf("%q: type %v, uses %q", src, p.Type(), p.Uses())
			}
			for _, name := range p.Uses() {
				if !slices.ContainsFunc(testVars, func(v Var) bool { return v.Name == name }) {
					t.Fatalf("%q uses unknown %q", src, name)
				}
			}
			checkEval(t, p, env)
		}
	})
}

// FuzzEval: expressions of a small grammar over number, text, date and bool variables, evaluated with
// any decimals (zero and huge ones included), never panic; a number program gives a decimal.Decimal, a
// condition a bool, and the same again on a second evaluation.
func FuzzEval(f *testing.F) {
	f.Add([]byte{}, int64(0), int8(0), int64(0), int8(0), "customer", true, uint8(1))
	f.Add([]byte{3, 1, 2, 0, 5}, int64(1), int8(-2), int64(0), int8(0), "x", false, uint8(0))
	f.Add([]byte{9, 9, 9, 9, 9, 9, 9, 9}, int64(-9_223_372_036_854_775_808), int8(39), int64(3), int8(-39), "", true, uint8(31))
	f.Add([]byte("division by zero please"), int64(7), int8(0), int64(0), int8(5), "accident", false, uint8(200))
	f.Fuzz(func(t *testing.T, grammar []byte, a int64, ea int8, b int64, eb int8, s string, flag bool, day uint8) {
		vars := []Var{{"x", Number}, {"y", Number}, {"t", Text}, {"d", Date}, {"f", Bool}}
		env := NewEnv(vars, october)
		env.Set(0, decimal.New(a, int32(ea%40)))
		env.Set(1, decimal.New(b, int32(eb%40)))
		env.Set(2, s)
		if day%32 != 0 {
			env.Set(3, model.Date{Year: 2026, Month: time.Month(9 + day%3), Day: int(day%28) + 1})
		}
		env.Set(4, flag)
		for _, want := range []Type{Number, Bool} {
			g := &grammarGen{b: grammar}
			src := g.number(0)
			if want == Bool {
				src = g.cond(0)
			}
			p, err := Compile(src, vars, want)
			if err != nil {
				checkError(t, src, err)
				continue
			}
			first := checkEval(t, p, env)
			if second := checkEval(t, p, env); fmt.Sprint(first) != fmt.Sprint(second) {
				t.Fatalf("%q gives %v then %v", src, first, second)
			}
		}
	})
}

// checkError fails unless err is an *Error with a message and a position inside src (or none).
func checkError(t *testing.T, src string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Msg == "" {
		t.Fatalf("%q: error %T %v", src, err, err)
	}
	lines := 1
	for _, r := range src {
		if r == '\n' {
			lines++
		}
	}
	if e.Line < 0 || e.Line > lines || e.Column < 0 || e.Column > utf8.RuneCountInString(src)+1 || (e.Line == 0) != (e.Column == 0) {
		t.Fatalf("%q: position %d:%d outside the text (%s)", src, e.Line, e.Column, e.Msg)
	}
}

// checkEval evaluates p and fails unless it gives a value of its type or an *Error.
func checkEval(t *testing.T, p *Program, env *Env) any {
	t.Helper()
	v, err := p.Eval(env)
	if err != nil {
		checkError(t, p.Source(), err)
		return err.Error()
	}
	if !p.Type().holds(v) {
		t.Fatalf("%q gives %T, not %v", p.Source(), v, p.Type())
	}
	return v
}

// grammarGen makes an expression of the plan language from bytes: each byte picks a production; when the
// bytes run out, a terminal.
type grammarGen struct {
	b []byte
	i int
}

func (g *grammarGen) pick(n int) int {
	if g.i >= len(g.b) {
		return 0
	}
	c := g.b[g.i]
	g.i++
	return int(c) % n
}

var (
	genNumbers = []string{"x", "y", "0", "1", "0.5", "3000", "999999999.999999", "0.000001", "-7", "1e3"}
	genTexts   = []string{"t", `"customer"`, `""`, `'é'`}
	genDates   = []string{"d", `date("2026-10-01")`, `date("2000-01-01")`}
)

func (g *grammarGen) number(depth int) string {
	if depth > 4 {
		return genNumbers[g.pick(len(genNumbers))]
	}
	ops := []string{"+", "-", "*", "/"}
	switch g.pick(9) {
	case 1:
		return "(" + g.number(depth+1) + " " + ops[g.pick(4)] + " " + g.number(depth+1) + ")"
	case 2:
		return "-" + g.number(depth+1)
	case 3:
		return []string{"min", "max"}[g.pick(2)] + "(" + g.number(depth+1) + ", " + g.number(depth+1) + ", " + g.number(depth+1) + ")"
	case 4:
		return "abs(" + g.number(depth+1) + ")"
	case 5:
		return fmt.Sprintf("round(%s, %d)", g.number(depth+1), g.pick(19))
	case 6:
		return "(" + g.cond(depth+1) + " ? " + g.number(depth+1) + " : " + g.number(depth+1) + ")"
	case 7:
		return g.number(depth+1) + " / " + g.number(depth+1)
	}
	return genNumbers[g.pick(len(genNumbers))]
}

func (g *grammarGen) cond(depth int) string {
	if depth > 4 {
		return "f"
	}
	cmps := []string{"<", "<=", ">", ">=", "==", "!="}
	switch g.pick(9) {
	case 1:
		return g.number(depth+1) + " " + cmps[g.pick(6)] + " " + g.number(depth+1)
	case 2:
		return genTexts[g.pick(len(genTexts))] + []string{" in ", " not in "}[g.pick(2)] + `["customer", t, "accident"]`
	case 3:
		return genTexts[g.pick(len(genTexts))] + []string{" == ", " != "}[g.pick(2)] + genTexts[g.pick(len(genTexts))]
	case 4:
		return "in_month(" + genDates[g.pick(len(genDates))] + ")"
	case 5:
		return genDates[g.pick(len(genDates))] + " " + cmps[g.pick(6)] + " " + genDates[g.pick(len(genDates))]
	case 6:
		return "!(" + g.cond(depth+1) + ")"
	case 7:
		return "(" + g.cond(depth+1) + []string{" && ", " || ", " and ", " or "}[g.pick(4)] + g.cond(depth+1) + ")"
	case 8:
		return "(" + g.cond(depth+1) + " ? " + g.cond(depth+1) + " : " + g.cond(depth+1) + ")"
	}
	return "f"
}
