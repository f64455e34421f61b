package calc

import (
	"testing"

	"payout/internal/benchmonth"
	"payout/plan"
)

// TestGroupMonthInvariants computes a generated dealer-group month (10 stores' staff, 20,000 repair orders,
// read from xlsx and CSV like the real thing) and checks every money invariant on it: Σ shares = pool amount,
// Σ lines = employee totals, payout and fund totals.
func TestGroupMonthInvariants(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and reads a 20,000-order month")
	}
	data, _ := benchmonth.Read(t, benchmonth.Group())
	p := plan.Default().Plan
	r := Compute(data, p)
	if len(r.Employees) != len(data.Employees) || len(r.Employees) < 400 {
		t.Fatalf("%d employees computed of %d", len(r.Employees), len(data.Employees))
	}
	paid := 0
	for _, pl := range r.Pools {
		if len(pl.Members) > 0 && pl.Amount.IsPositive() {
			paid++
		}
	}
	if paid < len(p.Pools)-1 {
		t.Fatalf("only %d pools paid anything: the generated month does not exercise the plan", paid)
	}
	checkInvariants(t, data, p, r)
}
