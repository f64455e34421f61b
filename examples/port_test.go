package examples

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"payout/calc"
	"payout/importers"
	"payout/model"
	"payout/plan"
)

// TestDefaultPlanDraft computes the sample month with the default plan and with its draft in the plan
// language (docs/port/default-v2.yaml, the input of the port of the default plan) and compares the result
// documents: every employee's lines (gross, deduction, fund, net), the pools, the totals and the warnings of
// the calculation and of the input. The draft is not yet the default plan; this test keeps it giving the
// default plan's cents while the port goes on.
func TestDefaultPlanDraft(t *testing.T) {
	draft, err := plan.LoadFile(filepath.Join("..", "docs", "port", "default-v2.yaml"))
	if err != nil {
		t.Fatalf("draft: %v", err)
	}
	m := model.Month{Year: 2026, Month: 10}
	doc := func(p *plan.Plan) []byte {
		d, rep, err := importers.Read(importers.Options{Dir: filepath.Join("..", "sample-data", "2026-10"), Month: m, Plan: p})
		if err != nil || rep.HasErrors() {
			t.Fatalf("read: %v %v", err, rep.Sorted())
		}
		r := calc.Compute(d, p)
		out := r.Document()
		for i := range out.Employees {
			for j := range out.Employees[i].Lines {
				out.Employees[i].Lines[j].Label = "" // the draft's line names may be worded apart
			}
		}
		var issues []string
		for _, is := range rep.Sorted() {
			issues = append(issues, is.String())
		}
		b, err := json.MarshalIndent(struct {
			Doc    calc.Document
			Issues []string
		}{out, issues}, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	want, got := doc(plan.Default().Plan), doc(draft.Plan)
	if string(got) != string(want) {
		t.Fatalf("the draft differs from the default plan on the sample month:\n%s", firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line of two texts, with the lines before it.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			from := max(i-3, 0)
			return "default:\n" + strings.Join(al[from:i+1], "\n") + "\ndraft:\n" + strings.Join(bl[from:i+1], "\n")
		}
	}
	return "one is longer"
}
