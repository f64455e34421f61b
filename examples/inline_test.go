package examples

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"payout/calc"
	"payout/importers"
	"payout/model"
	"payout/plan"
)

// Helpers of the tests that compute a plan on a month written inline.

// storeFiles are the inline roster and repair orders (constructs_test.go) with more files.
func storeFiles(more map[string]string) map[string]string {
	files := map[string]string{"员工名册.csv": roster, "维修工单.csv": orders}
	for k, v := range more {
		files[k] = v
	}
	return files
}

// readInline writes a month's files and reads them under the plan text.
func readInline(t *testing.T, planText string, files map[string]string) (*plan.Loaded, *model.MonthData, *importers.Report) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := plan.Parse("case.yaml", []byte(planText))
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	d, rep, err := importers.Read(importers.Options{Dir: dir, Month: model.Month{Year: 2026, Month: 10}, Plan: p.Plan})
	if err != nil {
		t.Fatal(err)
	}
	return p, d, rep
}

// computeInline reads a month written inline (readInline), which must have no input errors, and computes it.
func computeInline(t *testing.T, planText string, files map[string]string) *calc.Result {
	t.Helper()
	p, d, rep := readInline(t, planText, files)
	if rep.HasErrors() {
		t.Fatalf("read: %v", rep.Issues)
	}
	return calc.Compute(d, p.Plan)
}

// checkLines compares each employee's lines (label=net, zero lines left out) and the warnings (substrings in
// order; none when none are wanted).
func checkLines(t *testing.T, r *calc.Result, lines map[string]string, warn []string) {
	t.Helper()
	for _, e := range r.Employees {
		var got []string
		for _, l := range e.Lines {
			if !l.Net.IsZero() {
				got = append(got, l.Label+"="+l.Net.StringFixed(2))
			}
		}
		if g, w := strings.Join(got, " "), lines[e.ID]; g != w {
			t.Errorf("%s: %q, want %q", e.ID, g, w)
		}
	}
	var ws []string
	for _, w := range r.Warnings {
		ws = append(ws, w.Message)
	}
	all := strings.Join(ws, "\n")
	rest := all
	for _, w := range warn {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("warnings:\n%s\nwant one containing %q (in order)", all, w)
			continue
		}
		rest = rest[i+len(w):]
	}
	if len(warn) == 0 && len(ws) > 0 {
		t.Errorf("unexpected warnings:\n%s", all)
	}
}
