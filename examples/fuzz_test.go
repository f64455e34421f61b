package examples

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/shopspring/decimal"

	"payout/calc"
	"payout/importers"
	"payout/model"
	"payout/plan"
)

// FuzzLanguageInvariants computes the example stores' months with their numbers replaced by numbers drawn
// from the fuzz input, and checks the money invariants of every result: no cent appears or disappears.
// A month the importers refuse (a number out of a column's bounds) is skipped; nothing may panic.
func FuzzLanguageInvariants(f *testing.F) {
	f.Add(uint8(0), []byte{1, 2, 3, 4})
	f.Add(uint8(1), []byte{200, 0, 7, 99, 250, 13})
	f.Add(uint8(2), []byte{0, 0, 0, 0})
	f.Add(uint8(3), []byte{255, 255, 1})
	stores := []string{"a-advisor-own-output", "b-workshop-teams", "c-profit-pool", "d-body-paint-pieces"}
	f.Fuzz(func(t *testing.T, which uint8, seed []byte) {
		store := stores[int(which)%len(stores)]
		p, err := plan.LoadFile(filepath.Join(store, "plan.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		src := filepath.Join(store, "2026-10")
		dir := t.TempDir()
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			lines := bytes.Split(b, []byte("\n"))
			for i := 1; i < len(lines) && len(seed) > 0; i++ {
				cells := bytes.Split(lines[i], []byte(","))
				for j, c := range cells {
					if number.Match(c) {
						x := int(seed[k%len(seed)])
						k++
						cells[j] = []byte(fmt.Sprintf("%d.%02d", x*x, x%100))
					}
				}
				lines[i] = bytes.Join(cells, []byte(","))
			}
			b = bytes.Join(lines, []byte("\n"))
			if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		d, rep, err := importers.Read(importers.Options{Dir: dir, Month: model.Month{Year: 2026, Month: 10}, Plan: p.Plan})
		if err != nil || rep.HasErrors() {
			if testing.Verbose() {
				t.Logf("skipped: %v %v", err, rep.Issues)
			}
			return
		}
		checkInvariants(t, calc.Compute(d, p.Plan))
	})
}

// number is a cell that is a plain decimal (not an id like A01, not a date).
var number = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?\r?$`)

func checkInvariants(t *testing.T, r *calc.Result) {
	t.Helper()
	total := decimal.Zero
	for _, e := range r.Employees {
		sum := decimal.Zero
		for _, l := range e.Lines {
			if !l.Net.Equal(l.Gross.Sub(l.Deduction).Sub(l.Fund)) {
				t.Fatalf("%s %s: net %s ≠ gross %s − deduction %s − fund %s", e.ID, l.Scheme, l.Net, l.Gross, l.Deduction, l.Fund)
			}
			if !l.Gross.IsNegative() && l.Deduction.GreaterThan(l.Gross) {
				t.Fatalf("%s %s: deduction %s above gross %s", e.ID, l.Scheme, l.Deduction, l.Gross)
			}
			if l.Net.Exponent() < -2 {
				t.Fatalf("%s %s: net %s is not in cents", e.ID, l.Scheme, l.Net)
			}
			sum = sum.Add(l.Net)
		}
		if !e.Total.Equal(e.BaseSalary.Add(sum)) {
			t.Fatalf("%s: total %s ≠ base %s + Σ net %s", e.ID, e.Total, e.BaseSalary, sum)
		}
		total = total.Add(e.Total)
	}
	if !total.Equal(r.PayoutTotal) {
		t.Fatalf("payout total %s ≠ Σ totals %s", r.PayoutTotal, total)
	}
	for _, pl := range r.Pools {
		shares := decimal.Zero
		for _, m := range pl.Members {
			shares = shares.Add(m.Amount)
		}
		if pl.CoefSum.IsPositive() && !shares.Equal(pl.Amount) {
			t.Fatalf("pool %s: Σ shares %s ≠ amount %s", pl.Name, shares, pl.Amount)
		}
	}
}
