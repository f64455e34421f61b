package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"payout/internal/golden"
	"payout/plan"
)

// The four example stores' plans read out in Chinese (plan show): each golden is checked by a person against
// the store's 方案.md beside its plan.
func TestPlanTextExamples(t *testing.T) {
	for _, ex := range []string{"a-advisor-own-output", "b-workshop-teams", "c-profit-pool", "d-body-paint-pieces"} {
		t.Run(ex, func(t *testing.T) {
			p, err := plan.LoadFile(filepath.Join("..", "examples", ex, "plan.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := PlanText(&b, p); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "planshow-"+ex[:1]+".golden", b.Bytes())
		})
	}
}
