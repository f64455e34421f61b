package report

import (
	"bytes"
	"os"
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

// PlanText of a version-1 plan is an error (plan show prints its YAML instead).
func TestPlanTextVersion1(t *testing.T) {
	var b bytes.Buffer
	err := PlanText(&b, plan.Default())
	if err == nil || err.Error() != "default.yaml is not written in the plan language (version 2)" || b.Len() > 0 {
		t.Fatalf("got %v and %q", err, b.String())
	}
}

// FuzzPlanText: any plan in the plan language that loads is read out without a panic, and the same way twice.
func FuzzPlanText(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*", "plan.yaml"))
	if err != nil || len(paths) != 4 {
		f.Fatalf("the example plans: %d files (%v), want 4", len(paths), err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := plan.Parse("fuzz.yaml", b)
		if err != nil || !p.IsLanguage() {
			return
		}
		var one, two bytes.Buffer
		if err := PlanText(&one, p); err != nil {
			t.Fatal(err)
		}
		if err := PlanText(&two, p); err != nil || one.String() != two.String() {
			t.Fatalf("read twice, differently: %v", err)
		}
	})
}
