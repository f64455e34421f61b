package formula

import (
	"testing"

	"github.com/shopspring/decimal"

	"payout/model"
)

// TestPresent: present(x) says whether x's cell is not empty (Env.SetPresent); every variable is present
// until said otherwise; its argument must be a variable.
func TestPresent(t *testing.T) {
	vars := []Var{{"settled", Date}, {"paid", Number}}
	p, err := Compile(`present(settled) && !present(paid)`, vars, Bool)
	if err != nil {
		t.Fatal(err)
	}
	if !p.UsesPresent() || len(p.Uses()) != 2 {
		t.Fatalf("UsesPresent %v, uses %v", p.UsesPresent(), p.Uses())
	}
	env := NewEnv(vars, model.Month{Year: 2026, Month: 10})
	for _, c := range []struct {
		settled, paid, want bool
	}{{true, true, false}, {true, false, true}, {false, false, false}} {
		env.Set(0, model.Date{Year: 2026, Month: 10, Day: 3})
		env.Set(1, decimal.Zero)
		env.SetPresent(0, c.settled)
		env.SetPresent(1, c.paid)
		if got, err := p.EvalBool(env); err != nil || got != c.want {
			t.Errorf("settled %v paid %v: %v %v, want %v", c.settled, c.paid, got, err, c.want)
		}
	}
	if q, _ := Compile(`paid > 0`, vars, Bool); q.UsesPresent() {
		t.Error("paid > 0 uses present")
	}
	for src, want := range map[string]string{
		`present(1)`:          "1:9: present takes the name of a column, e.g. present(settled_date)",
		`present(settld)`:     `1:9: unknown name "settld" (did you mean "settled"?)`,
		`present(paid, paid)`: "1:1: present takes one argument, got 2",
	} {
		if _, err := Compile(src, vars, Bool); err == nil || err.Error() != want {
			t.Errorf("Compile(%q) = %v, want %s", src, err, want)
		}
	}
}
