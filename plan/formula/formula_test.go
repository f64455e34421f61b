package formula

import (
	"errors"
	"math/rand"
	"reflect"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"payout/model"
)

var october = model.Month{Year: 2026, Month: 10}

// testVars are the variables of the tests, with testRow's values.
var testVars = []Var{
	{"type", Text}, {"settled", Date}, {"paid", Number}, {"flag", Bool}, {"premium", Number},
	{"zero", Number}, {"attended", Number}, {"required", Number}, {"gross_profit", Number},
	{"claim_cost", Number}, {"controllable_cost", Number}, {"rate_ros", Number}, {"rate_rev", Number},
	{"satisfaction", Number}, {"team_safety_incidents", Number}, {"empty_date", Date}, {"name", Text},
	{"huge", Number},
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func testEnv(t testing.TB) *Env {
	t.Helper()
	env := NewEnv(testVars, october)
	values := map[string]any{
		"type": "customer", "settled": model.Date{Year: 2026, Month: 10, Day: 31}, "paid": dec("3000.00"),
		"flag": true, "premium": dec("2999.99"), "zero": dec("0"), "attended": dec("18"), "required": dec("22"),
		"gross_profit": dec("182000.50"), "claim_cost": dec("12000"), "controllable_cost": dec("8000.25"),
		"rate_ros": dec("1.05"), "rate_rev": dec("0.92"), "satisfaction": dec("84.9"),
		"team_safety_incidents": dec("0"), "empty_date": nil, "name": "é李",
		"huge": dec("123456789012345678901234567890.123456789012345678"),
	}
	for i, v := range testVars {
		env.Set(i, values[v.Name])
	}
	return env
}

func compile(t *testing.T, src string, want Type) *Program {
	t.Helper()
	p, err := Compile(src, testVars, want)
	if err != nil {
		t.Fatalf("Compile(%q): %v", src, err)
	}
	return p
}

func TestEvalNumber(t *testing.T) {
	tests := []struct{ src, want string }{
		{"0.003 * 150000", "450"},
		{"1/3*3", "0.9999999999999999"},
		{"1/3", "0.3333333333333333"},
		{"2/3", "0.6666666666666667"},
		{"-2/3", "-0.6666666666666667"},
		{"1/7*7", "1.0000000000000003"},
		{"10 / 4", "2.5"},
		{"0.1 + 0.2", "0.3"},
		{"1 + 2 * 3", "7"},
		{"(1 + 2) * 3", "9"},
		{"10 - 2 - 3", "5"},
		{"-paid", "-3000"},
		{"- -3", "3"},
		{"+3", "3"},
		{"-(1 - 3)", "2"},
		{"gross_profit - claim_cost - controllable_cost", "162000.25"},
		{"(rate_ros + rate_rev) / 2", "0.985"},
		{"min(attended / required, 1)", "0.8181818181818182"},
		{"min(paid, premium, 5000)", "2999.99"},
		{"max(paid, premium, -1)", "3000"},
		{"min(-1, 1)", "-1"},
		{"abs(-2.5)", "2.5"},
		{"abs(2.5)", "2.5"},
		{"round(2.345, 2)", "2.35"},
		{"round(-2.345, 2)", "-2.35"},
		{"round(2.5, 0)", "3"},
		{"round(-2.5, 0)", "-3"},
		{"round(2.344, 2)", "2.34"},
		{"round(1/3, 18)", "0.3333333333333333"},
		{"round(huge, 3)", "123456789012345678901234567890.123"},
		{"flag ? 1 : 2.5", "1"},
		{"!flag ? 1 : 2.5", "2.5"},
		{"satisfaction < 85 ? 0 : paid * 0.05", "0"},
		{"1e3 + 3_000 + 0x10 + 0b11 + 0o7", "4026"},
		{"1.5e-3", "0.0015"},
		{"999999999.999999 * 999999999.999999", "999999999999998000.000000000001"},
		{"huge + 1", "123456789012345678901234567891.123456789012345678"},
		{"huge * huge / huge", "123456789012345678901234567890.1234567890123457"},
		{"zero * 5", "0"},
		{"paid / 7", "428.5714285714285714"},
	}
	env := testEnv(t)
	for _, tt := range tests {
		got, err := compile(t, tt.src, Number).EvalNumber(env)
		if err != nil || got.String() != tt.want {
			t.Errorf("%s = %v, %v; want %s", tt.src, got, err, tt.want)
		}
	}
}

func TestEvalBool(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"0.1 + 0.2 == 0.3", true},
		{"1.0 == 1", true},
		{"1 != 1.00", false},
		{"paid == 3000", true},
		{"paid >= 3000", true},
		{"premium >= 3000", false},
		{"premium < 3000", true},
		{"premium <= 2999.99", true},
		{"premium > 2999.989", true},
		{"huge > 1", true},
		{"-huge < 1", true},
		{`type in ["customer", "accident"]`, true},
		{`type in ["warranty", "accident"]`, false},
		{`type not in ["warranty", "accident"]`, true},
		{`type not in ["customer"]`, false},
		{`type in [name, "customer"]`, true},
		{`type in []`, false},
		{`type in ["customer", "accident"] && premium >= 3000`, false},
		{`type in ["customer", "accident"] && paid >= 3000`, true},
		{`type == "customer"`, true},
		{`type == 'Customer'`, false},
		{`type != "customer"`, false},
		{`name == "é李"`, true},
		{"in_month(settled)", true},
		{"in_month(empty_date)", false},
		{`settled > date("2026-10-30")`, true},
		{`settled >= date("2026-10-31")`, true},
		{`settled < date("2026-11-01")`, true},
		{`settled <= date("2026-10-30")`, false},
		{`settled == date("2026-10-31")`, true},
		{`settled != date("2026-10-31")`, false},
		{`empty_date < date("2000-01-01")`, true},
		{"flag", true},
		{"!flag", false},
		{"not flag", false},
		{"flag == true", true},
		{"flag != false", true},
		{"flag and false", false},
		{"flag or false", true},
		{"flag && !flag || true", true},
		{"flag || paid / zero > 0", true},
		{"!flag && paid / zero > 0", false},
		{"not (paid == 3000)", false},
		{"satisfaction < 85", true},
		{"team_safety_incidents > 0", false},
		{"flag ? paid > 1 : false", true},
		{`(flag ? "a" : "b") == "a"`, true},
		{"(flag ? settled : empty_date) == settled", true},
		{"true", true},
		{"false", false},
	}
	env := testEnv(t)
	for _, tt := range tests {
		got, err := compile(t, tt.src, Bool).EvalBool(env)
		if err != nil || got != tt.want {
			t.Errorf("%s = %v, %v; want %v", tt.src, got, err, tt.want)
		}
	}
}

func TestEvalTextAndDate(t *testing.T) {
	env := testEnv(t)
	text, err := compile(t, `flag ? type : "none"`, Text).Eval(env)
	if err != nil || text != "customer" {
		t.Errorf("text = %v, %v", text, err)
	}
	d, err := compile(t, `date("2026-02-28")`, Date).Eval(env)
	if want := (model.Date{Year: 2026, Month: 2, Day: 28}); err != nil || d != want {
		t.Errorf("date = %v, %v", d, err)
	}
}

// TestNoFloat: every value an expression gives is of its Go type; no float64 or int reaches it.
func TestNoFloat(t *testing.T) {
	env := testEnv(t)
	for _, src := range []string{"1", "1.5", "1e3", "0x10", "-1", "paid", "abs(-1)", "round(1.5, 0)", "min(1, 2)", "flag ? 1 : 2"} {
		got, err := compile(t, src, Number).Eval(env)
		if _, ok := got.(decimal.Decimal); err != nil || !ok {
			t.Errorf("%s gives %T %v, %v", src, got, got, err)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	const notPart = "this is not part of the plan language (numbers, text in quotes, true/false, names, + - * /, comparisons, in, and/or/not, ?: and the functions min, max, abs, round, in_month, date)"
	const funcs = " (the functions are min, max, abs, round, in_month, date and present)"
	tests := []struct {
		src       string
		want      Type
		line, col int
		msg       string
	}{
		{"", Bool, 1, 1, "the expression is empty"},
		{" \n ", Bool, 1, 1, "the expression is empty"},
		{"premum > 0", Bool, 1, 1, `unknown name "premum" (did you mean "premium"?)`},
		{"flag &&\n  premum > 0", Bool, 2, 3, `unknown name "premum" (did you mean "premium"?)`},
		{"xyz > 0", Bool, 1, 1, `unknown name "xyz"`},
		{"'é' == type && prem > 0", Bool, 1, 16, `unknown name "prem"`},
		{"now", Bool, 1, 1, `unknown name "now"`},
		{"$env", Bool, 1, 1, `unknown name "$env"`},
		{"paid == type", Bool, 1, 6, "cannot compare number with text"},
		{"settled == paid", Bool, 1, 9, "cannot compare date with number"},
		{"type + 1", Number, 1, 6, "+ needs two numbers, got text and number"},
		{"'a' + 'b'", Text, 1, 5, "+ needs two numbers, got text and text"},
		{"paid * flag", Number, 1, 6, "* needs two numbers, got number and bool"},
		{"settled - 1", Number, 1, 9, "- needs two numbers, got date and number"},
		{"paid", Bool, 1, 1, "the expression gives number, a condition must give true/false"},
		{"  paid / 2", Bool, 1, 3, "the expression gives number, a condition must give true/false"},
		{"paid > 0", Number, 1, 1, "the expression gives bool, a figure must give a number"},
		{"paid", Text, 1, 1, "the expression gives number, it must give text"},
		{"paid", Date, 1, 1, "the expression gives number, it must give a date"},
		{"type < 'b'", Bool, 1, 6, "< compares numbers or dates, not text"},
		{"flag >= true", Bool, 1, 6, ">= compares numbers or dates, not bool"},
		{"paid && flag", Bool, 1, 6, "&& needs true/false on both sides, got number and bool"},
		{"flag or type", Bool, 1, 6, "or needs true/false on both sides, got bool and text"},
		{"!paid", Bool, 1, 1, "! needs true/false, got number"},
		{"not type", Bool, 1, 1, "not needs true/false, got text"},
		{"not paid == 1", Bool, 1, 1, "not needs true/false, got number"},
		{"-type", Number, 1, 1, "unary - needs a number, got text"},
		{"paid in ['a']", Bool, 1, 6, "in needs text on its left, got number"},
		{"type in type", Bool, 1, 9, `in needs a list of text in brackets on its right, like ["a", "b"]`},
		{"type in ['a', 1]", Bool, 1, 15, "the list of in holds text only, got number"},
		{"paid ? 1 : 2", Number, 1, 1, "the condition of ?: must give true/false, got number"},
		{"flag ? 1 : 'a'", Number, 1, 12, "both branches of ?: must give the same type, got number and text"},
		{"paid > 1 ?: flag", Bool, 1, 13, "c ?: b is not part of the plan language (write c ? a : b)"},
		{"now()", Date, 1, 1, `unknown function "now"` + funcs},
		{"len(type) > 0", Bool, 1, 1, `unknown function "len"` + funcs},
		{"type(paid)", Text, 1, 1, `unknown function "type"` + funcs},
		{"upper(type) == 'A'", Bool, 1, 1, `unknown function "upper"` + funcs},
		{"all(['a'], # == 'a')", Bool, 1, 1, `unknown function "all"` + funcs},
		{"min(paid)", Number, 1, 1, "min takes two or more arguments, got 1"},
		{"max()", Number, 1, 1, "max takes two or more arguments, got 0"},
		{"abs(1, 2)", Number, 1, 1, "abs takes one argument, got 2"},
		{"abs(type)", Number, 1, 5, "argument 1 of abs must be a number, got text"},
		{"max(1, type)", Number, 1, 8, "argument 2 of max must be a number, got text"},
		{"round(paid)", Number, 1, 1, "round takes two arguments, got 1"},
		{"round(type, 2)", Number, 1, 7, "argument 1 of round must be a number, got text"},
		{"round(paid, 19)", Number, 1, 13, "the places of round must be a whole number from 0 to 18 written as digits"},
		{"round(paid, 2.0)", Number, 1, 13, "the places of round must be a whole number from 0 to 18 written as digits"},
		{"round(paid, 0x2)", Number, 1, 13, "the places of round must be a whole number from 0 to 18 written as digits"},
		{"round(paid, premium)", Number, 1, 13, "the places of round must be a whole number from 0 to 18 written as digits"},
		{"round(paid, -2)", Number, 1, 13, "the places of round must be a whole number from 0 to 18 written as digits"},
		{"in_month(paid)", Bool, 1, 10, "in_month needs a date, got number"},
		{"in_month()", Bool, 1, 1, "in_month takes one argument, got 0"},
		{"date('2026-13-01') == settled", Bool, 1, 6, `date("2026-13-01") is not a date YYYY-MM-DD with a year from 2000 to 2099`},
		{"date('2026-02-29') == settled", Bool, 1, 6, `date("2026-02-29") is not a date YYYY-MM-DD with a year from 2000 to 2099`},
		{"date('1999-12-31') == settled", Bool, 1, 6, `date("1999-12-31") is not a date YYYY-MM-DD with a year from 2000 to 2099`},
		{"date('2026-1-01') == settled", Bool, 1, 6, `date("2026-1-01") is not a date YYYY-MM-DD with a year from 2000 to 2099`},
		{"date(type) == settled", Bool, 1, 6, `date needs a date in quotes, like date("2026-10-01")`},
		{"date() == settled", Bool, 1, 1, "date takes one argument, got 0"},
		{"1000000000", Number, 1, 1, `"1000000000" is out of bounds: every number of a plan must be below 1000000000`},
		{"-1e9", Number, 1, 2, `"1e9" is out of bounds: every number of a plan must be below 1000000000`},
		{"0.1234567", Number, 1, 1, `"0.1234567" has more than 6 decimal places`},
		{"0.30000000000000004", Number, 1, 1, `"0.30000000000000004" has more than 6 decimal places`},
		{"1E-7", Number, 1, 1, `"1E-7" has more than 6 decimal places`},
		{"1e400", Number, 1, 5, `syntax error: invalid float literal: strconv.ParseFloat: parsing "1e400": value out of range`},
		{"paid +", Number, 1, 6, "syntax error: unexpected token EOF"},
		{"(paid", Number, 1, 5, "syntax error: unexpected token EOF"},
		{"paid)", Number, 1, 5, `syntax error: unexpected token Bracket(")")`},
		{"1 +* 2", Number, 1, 4, `syntax error: unexpected token Operator("*")`},
		{`"abc`, Text, 1, 5, "syntax error: literal not terminated"},
		{"if flag {1} else {2}", Number, 1, 4, `syntax error: unexpected token Identifier("flag")`},
		{"paid % 2", Number, 1, 6, `the operator "%" is not part of the plan language`},
		{"paid ** 2", Number, 1, 6, `the operator "**" is not part of the plan language`},
		{"paid ^ 2", Number, 1, 6, `the operator "^" is not part of the plan language`},
		{"paid ?? 1", Number, 1, 6, `the operator "??" is not part of the plan language`},
		{"type matches 'x'", Bool, 1, 6, `the operator "matches" is not part of the plan language`},
		{"type contains 'x'", Bool, 1, 6, `the operator "contains" is not part of the plan language`},
		{"type startsWith 'x'", Bool, 1, 6, `the operator "startsWith" is not part of the plan language`},
		{"1..3", Number, 1, 2, `the operator ".." is not part of the plan language`},
		{"paid | abs()", Number, 1, 8, `the operator "|" is not part of the plan language`},
		{"type.x", Text, 1, 6, notPart},
		{"type[0]", Text, 1, 5, notPart},
		{"type[1:2]", Text, 1, 5, notPart},
		{"paid?.x", Number, 1, 7, notPart},
		{"nil", Number, 1, 1, notPart},
		{"{a: 1}", Number, 1, 1, notPart},
		{"[1, 2]", Number, 1, 1, notPart},
		{"let x = 1; x", Number, 1, 5, notPart},
		{"paid; paid", Number, 1, 1, notPart},
		{"b'x'", Text, 1, 1, notPart},
	}
	for _, tt := range tests {
		p, err := Compile(tt.src, testVars, tt.want)
		var e *Error
		if !errors.As(err, &e) || p != nil {
			t.Errorf("Compile(%q) = %v, %v; want an *Error", tt.src, p, err)
			continue
		}
		if e.Line != tt.line || e.Column != tt.col || e.Msg != tt.msg {
			t.Errorf("Compile(%q):\n got %d:%d %s\nwant %d:%d %s", tt.src, e.Line, e.Column, e.Msg, tt.line, tt.col, tt.msg)
		}
	}
}

func TestCompileVarErrors(t *testing.T) {
	tests := []struct {
		vars []Var
		msg  string
	}{
		{[]Var{{"a", Number}, {"a", Text}}, `the variable "a" is declared twice`},
		{[]Var{{"a", 0}}, `the variable "a" has no valid type`},
		{[]Var{{"a", Bool + 1}}, `the variable "a" has no valid type`},
		{[]Var{{"$add", Number}}, `the variable name "$add" is reserved (it starts with $ or @)`},
		{[]Var{{"@month", Number}}, `the variable name "@month" is reserved (it starts with $ or @)`},
	}
	for _, tt := range tests {
		_, err := Compile("1", tt.vars, Number)
		if e, ok := err.(*Error); !ok || e.Msg != tt.msg || e.Line != 0 || e.Error() != tt.msg {
			t.Errorf("Compile with %v: %v; want %s", tt.vars, err, tt.msg)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"paid / zero", 1, 6, "division by zero"},
		{"1 + paid / (paid - 3000)", 1, 10, "division by zero"},
		{"flag ?\n  paid / zero : 1", 2, 8, "division by zero"},
		{"min(1, 1 / zero)", 1, 10, "division by zero"},
	}
	env := testEnv(t)
	for _, tt := range tests {
		_, err := compile(t, tt.src, Number).EvalNumber(env)
		e, ok := err.(*Error)
		if !ok || e.Line != tt.line || e.Column != tt.col || e.Msg != tt.msg {
			t.Errorf("%s: %#v; want %d:%d %s", tt.src, err, tt.line, tt.col, tt.msg)
		}
	}
}

func TestErrorString(t *testing.T) {
	if got := (&Error{Line: 1, Column: 6, Msg: "division by zero"}).Error(); got != "1:6: division by zero" {
		t.Errorf("Error() = %q", got)
	}
	if got := (&Error{Msg: "division by zero"}).Error(); got != "division by zero" {
		t.Errorf("Error() = %q", got)
	}
}

func TestEnvMisuse(t *testing.T) {
	p := compile(t, "paid > 1 && type == 'x'", Bool)
	evalMsg := func(env *Env) string {
		_, err := p.EvalBool(env)
		if err == nil {
			return ""
		}
		e := err.(*Error)
		if e.Line != 0 {
			t.Errorf("misuse error with a position: %v", e)
		}
		return e.Msg
	}
	env := testEnv(t)
	env.Set(2, "3000")
	if got, want := evalMsg(env), `the variable "paid" must hold a number, got string`; got != want {
		t.Errorf("wrong type: %q", got)
	}
	env.Set(0, 1)
	env.Set(2, dec("2"))
	if got, want := evalMsg(env), `the variable "type" must hold a text, got int`; got != want {
		t.Errorf("another wrong type: %q", got)
	}
	env.Set(0, "x")
	if got := evalMsg(env); got != "" {
		t.Errorf("after setting them right: %q", got)
	}
	env.Set(2, nil) // the zero value
	if ok, err := p.EvalBool(env); ok || err != nil {
		t.Errorf("nil is 0: %v, %v", ok, err)
	}
	env.Set(len(testVars), dec("1"))
	if got, want := evalMsg(env), "there is no variable number 18"; got != want {
		t.Errorf("out of the list: %q", got)
	}
	if got, want := evalMsg(NewEnv([]Var{{"type", Text}}, october)), `the variable "paid" is not among the variables of this evaluation`; got != want {
		t.Errorf("missing: %q", got)
	}
	if got, want := evalMsg(NewEnv([]Var{{"type", Text}, {"paid", Text}}, october)), `the variable "paid" is a text in this evaluation, the expression was compiled for a number`; got != want {
		t.Errorf("other type: %q", got)
	}
	if got, want := evalMsg(NewEnv([]Var{{"paid", Number}, {"paid", Number}, {"type", Text}}, october)), `the variable "paid" is declared twice`; got != want {
		t.Errorf("twice: %q", got)
	}
	if got, want := evalMsg(NewEnv([]Var{{"paid", Number}, {"@month", Number}, {"type", Text}}, october)), `the variable name "@month" is reserved (it starts with $ or @)`; got != want {
		t.Errorf("reserved: %q", got)
	}
	if got, want := evalMsg(nil), "the expression was evaluated without its variables"; got != want {
		t.Errorf("nil env: %q", got)
	}
	if _, err := compile(t, "paid", Number).EvalBool(testEnv(t)); err == nil || err.Error() != "the expression gives number, not bool" {
		t.Errorf("EvalBool of a number: %v", err)
	}
	if _, err := p.EvalNumber(testEnv(t)); err == nil || err.Error() != "the expression gives bool, not number" {
		t.Errorf("EvalNumber of a bool: %v", err)
	}
}

func TestProgramInfo(t *testing.T) {
	src := "b + a * b + min(c, a) > 0 && in_month(d)"
	vars := []Var{{"d", Date}, {"c", Number}, {"b", Number}, {"a", Number}, {"unused", Text}}
	p, err := Compile(src, vars, Bool)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Uses(); !reflect.DeepEqual(got, []string{"a", "b", "c", "d"}) {
		t.Errorf("Uses() = %q", got)
	}
	p.Uses()[0] = "changed"
	if p.Uses()[0] != "a" || p.Source() != src || p.Type() != Bool {
		t.Errorf("Uses %q, Source %q, Type %v", p.Uses(), p.Source(), p.Type())
	}
	if got := compile(t, "1 + 2", Number).Uses(); len(got) != 0 {
		t.Errorf("Uses of constants = %q", got)
	}
	names := []string{Number.String(), Text.String(), Date.String(), Bool.String(), Type(9).String()}
	if !reflect.DeepEqual(names, []string{"number", "text", "date", "bool", "type(9)"}) {
		t.Errorf("type names %q", names)
	}
}

// TestInMonth: the Env's month decides; the zero date is in no month.
func TestInMonth(t *testing.T) {
	vars := []Var{{"d", Date}}
	p, err := Compile("in_month(d)", vars, Bool)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		month model.Month
		d     model.Date
		want  bool
	}{
		{october, model.Date{Year: 2026, Month: 10, Day: 1}, true},
		{october, model.Date{Year: 2026, Month: 11, Day: 1}, false},
		{october, model.Date{Year: 2025, Month: 10, Day: 1}, false},
		{model.Month{Year: 2026, Month: 11}, model.Date{Year: 2026, Month: 11, Day: 30}, true},
		{october, model.Date{}, false},
	}
	for _, tt := range tests {
		env := NewEnv(vars, tt.month)
		env.Set(0, tt.d)
		if got, err := p.EvalBool(env); err != nil || got != tt.want {
			t.Errorf("in_month(%v) in %v = %v, %v", tt.d, tt.month, got, err)
		}
	}
}

// TestCmpNumbers: the allocation-free comparison agrees with decimal's Cmp.
func TestCmpNumbers(t *testing.T) {
	pairs := [][2]string{
		{"3120.50", "3000"}, {"3000", "3000.00"}, {"-1", "-1.0"}, {"0", "0.000"}, {"-0.01", "0"},
		{"999999999999999999", "1e-1"}, {"1e18", "1"}, {"123456789012345678901234567890", "1.5"},
		{"-5", "4.99"}, {"1e-20", "0"}, {"1e20", "99999999999999999999.9"},
	}
	r := rand.New(rand.NewSource(1))
	for range 2000 {
		a := decimal.New(r.Int63n(2_000_000)-1_000_000, int32(r.Intn(13)-6))
		b := decimal.New(r.Int63n(2_000_000)-1_000_000, int32(r.Intn(13)-6))
		pairs = append(pairs, [2]string{a.String(), b.String()})
	}
	for _, pr := range pairs {
		a, b := dec(pr[0]), dec(pr[1])
		if got, want := cmpNumbers(a, b), a.Cmp(b); got != want {
			t.Errorf("cmpNumbers(%s, %s) = %d, want %d", pr[0], pr[1], got, want)
		}
		if got, want := cmpNumbers(b, a), b.Cmp(a); got != want {
			t.Errorf("cmpNumbers(%s, %s) = %d, want %d", pr[1], pr[0], got, want)
		}
	}
}

// TestConcurrent: one Program evaluated from several goroutines, each with its own Env, gives the same.
func TestConcurrent(t *testing.T) {
	p := compile(t, "(gross_profit - claim_cost) / 3 + paid", Number)
	var wg sync.WaitGroup
	results := make([]string, 4)
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env := testEnv(t)
			for range 200 {
				d, err := p.EvalNumber(env)
				if err != nil {
					results[g] = err.Error()
					return
				}
				results[g] = d.String()
			}
		}()
	}
	wg.Wait()
	for _, r := range results {
		if r != "59666.8333333333333333" {
			t.Errorf("result %q", r)
		}
	}
}
