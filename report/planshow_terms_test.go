package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"payout/internal/golden"
	"payout/plan"
)

// The achievement options and pool terms read out.
func TestPlanTextTerms(t *testing.T) {
	p, err := plan.LoadFile(filepath.Join("testdata", "planshow-terms.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := PlanText(&b, p); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "planshow-terms.golden", b.Bytes())
}
