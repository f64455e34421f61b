// Package examples holds example stores whose plans are not the default plan, each with its plan file
// (plan.yaml, written from the store's 方案.md alone), input months and the expected payout; the test
// computes every month and compares it with the expected payout, to the cent.
package examples

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"payout/calc"
	"payout/importers"
	"payout/model"
	"payout/plan"
)

// expected is an expected-<month>.json: each employee's lines by label and total, and the payout total.
type expected struct {
	Employees []struct {
		ID         string            `json:"id"`
		BaseSalary string            `json:"base_salary"`
		Lines      map[string]string `json:"lines"`
		Total      string            `json:"total"`
	} `json:"employees"`
	PayoutTotal string `json:"payout_total"`
}

func TestExampleStores(t *testing.T) {
	files, err := filepath.Glob("*/expected-*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example stores found (%v)", err)
	}
	for _, f := range files {
		store := filepath.Dir(f)
		month := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "expected-"), ".json")
		t.Run(store+"/"+month, func(t *testing.T) {
			p, err := plan.LoadFile(filepath.Join(store, "plan.yaml"))
			if err != nil {
				t.Fatalf("plan: %v", err)
			}
			m, err := model.ParseMonth(month)
			if err != nil {
				t.Fatal(err)
			}
			d, rep, err := importers.Read(importers.Options{Dir: filepath.Join(store, month), Month: m, Plan: p.Plan})
			if err != nil {
				t.Fatal(err)
			}
			for _, is := range rep.Issues {
				t.Logf("%s", is)
			}
			if rep.HasErrors() {
				t.Fatalf("the month has input errors")
			}
			r := calc.Compute(d, p.Plan)
			var want expected
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			got := map[string]calc.EmployeeResult{}
			for _, e := range r.Employees {
				got[e.ID] = e
			}
			if len(got) != len(want.Employees) {
				t.Errorf("%d employees, want %d", len(got), len(want.Employees))
			}
			for _, we := range want.Employees {
				e, ok := got[we.ID]
				if !ok {
					t.Errorf("%s: missing", we.ID)
					continue
				}
				lines := map[string]string{}
				for _, l := range e.Lines {
					if n := l.Net; !n.IsZero() {
						lines[l.Label] = n.StringFixed(2)
					}
				}
				if g, w := render(lines), render(we.Lines); g != w {
					t.Errorf("%s lines:\n got %s\nwant %s", we.ID, g, w)
				}
				if g := e.Total.StringFixed(2); g != we.Total {
					t.Errorf("%s total %s, want %s", we.ID, g, we.Total)
				}
			}
			if g := r.PayoutTotal.StringFixed(2); g != want.PayoutTotal {
				t.Errorf("payout total %s, want %s", g, want.PayoutTotal)
			}
			for _, w := range r.Warnings {
				t.Logf("warning: %s", w.Message)
			}
		})
	}
}

func render(m map[string]string) string {
	ks := make([]string, 0, len(m))
	for k, v := range m {
		if d, err := decimal.NewFromString(v); err == nil && d.IsZero() {
			continue
		}
		ks = append(ks, k+"="+v)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}
