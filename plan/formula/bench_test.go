package formula

import (
	"testing"

	"github.com/shopspring/decimal"

	"payout/model"
)

// BenchmarkEvalFilter evaluates a typical row filter over a reused Env, as the calc engine does per row.
func BenchmarkEvalFilter(b *testing.B) {
	vars := []Var{{"type", Text}, {"settled", Date}, {"paid", Number}}
	p, err := Compile(`type in ["customer", "accident"] && in_month(settled) && paid >= 3000`, vars, Bool)
	if err != nil {
		b.Fatal(err)
	}
	env := NewEnv(vars, model.Month{Year: 2026, Month: 10})
	var paid any = decimal.RequireFromString("3120.50")
	var settled any = model.Date{Year: 2026, Month: 10, Day: 12}
	env.Set(0, "accident")
	env.Set(1, settled)
	env.Set(2, paid)
	b.ReportAllocs()
	for b.Loop() {
		ok, err := p.EvalBool(env)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// BenchmarkSetEvalFilter also refills the Env's three variables before each evaluation.
func BenchmarkSetEvalFilter(b *testing.B) {
	vars := []Var{{"type", Text}, {"settled", Date}, {"paid", Number}}
	p, err := Compile(`type in ["customer", "accident"] && in_month(settled) && paid >= 3000`, vars, Bool)
	if err != nil {
		b.Fatal(err)
	}
	env := NewEnv(vars, model.Month{Year: 2026, Month: 10})
	var paid any = decimal.RequireFromString("3120.50")
	var settled any = model.Date{Year: 2026, Month: 10, Day: 12}
	b.ReportAllocs()
	for b.Loop() {
		env.Set(0, "accident")
		env.Set(1, settled)
		env.Set(2, paid)
		ok, err := p.EvalBool(env)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// BenchmarkEvalArith evaluates arithmetic over three figures (each operation allocates its result).
func BenchmarkEvalArith(b *testing.B) {
	vars := []Var{{"gross_profit", Number}, {"claim_cost", Number}, {"controllable_cost", Number}}
	p, err := Compile(`(gross_profit - claim_cost - controllable_cost) * 0.05`, vars, Number)
	if err != nil {
		b.Fatal(err)
	}
	env := NewEnv(vars, model.Month{Year: 2026, Month: 10})
	env.Set(0, decimal.RequireFromString("182000.50"))
	env.Set(1, decimal.RequireFromString("12000"))
	env.Set(2, decimal.RequireFromString("8000.25"))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.EvalNumber(env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile compiles a filter, as the plan loader does once per expression.
func BenchmarkCompile(b *testing.B) {
	vars := []Var{{"type", Text}, {"settled", Date}, {"paid", Number}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(`type in ["customer", "accident"] && in_month(settled) && paid >= 3000`, vars, Bool); err != nil {
			b.Fatal(err)
		}
	}
}
