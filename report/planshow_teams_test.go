package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"payout/internal/golden"
	"payout/plan"
)

// Master teams, the master/apprentice split, rates by role, tier reductions and warnings read out.
func TestPlanTextTeams(t *testing.T) {
	p, err := plan.LoadFile(filepath.Join("testdata", "planshow-teams.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := PlanText(&b, p); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "planshow-teams.golden", b.Bytes())
}
