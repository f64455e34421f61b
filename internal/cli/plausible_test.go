package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"payout/calc"
)

// An implausible total pay is a warning like the others: in validate's text, compute --dry-run's table and
// the result document's warnings. The sample month's highest total is 17627.38 (1029 卢东鑫); a store's plan
// with plausible_pay.max_total 15000 makes it implausible.
func TestImplausiblePayShown(t *testing.T) {
	p := filepath.Join(t.TempDir(), "store.yaml")
	if _, e, code := run(t, "plan", "init", p); code != 0 {
		t.Fatalf("plan init: %d %s", code, e)
	}
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "max_total: 1000000", "max_total: 15000", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "员工名册.xlsx [员工名册] row 31: 1029 (卢东鑫): a total pay of 17627.38 for the month is implausible: above plausible_pay.max_total 15000.00; check the inputs and the plan"
	out, e, code := run(t, "validate", "--month", "2026-10", "--in", sample, "--plan", p)
	if code != 0 || !strings.Contains(out, "warning: "+want+"\n") {
		t.Fatalf("validate: %d %s\n%s", code, e, out)
	}
	out, e, code = run(t, "compute", "--month", "2026-10", "--in", sample, "--plan", p, "--dry-run")
	if code != 0 || !strings.Contains(out, "warning: "+want+"\n") {
		t.Fatalf("compute --dry-run: %d %s\n%s", code, e, out)
	}
	out, e, code = run(t, "compute", "--month", "2026-10", "--in", sample, "--plan", p, "--dry-run", "--format", "json")
	var doc calc.Document
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || !slices.Contains(doc.Warnings, want) {
		t.Fatalf("compute --dry-run --format json: %d %s\n%v", code, e, doc.Warnings)
	}
}
