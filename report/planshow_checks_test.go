package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"payout/internal/golden"
	"payout/plan"
)

// The bases' input checks (expected_for, rows_of_roles) read out after the schemes.
func TestPlanTextChecks(t *testing.T) {
	p, err := plan.LoadFile(filepath.Join("testdata", "planshow-checks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := PlanText(&b, p); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "planshow-checks.golden", b.Bytes())
}
