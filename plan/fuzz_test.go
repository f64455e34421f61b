package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: any bytes as a plan file are either a plan or errors that name the file and say what is wrong;
// never a panic. A plan that loads loads again the same (same SHA-256).
func FuzzParse(f *testing.F) {
	f.Add(DefaultText())
	f.Add([]byte("version: 1\n"))
	f.Add([]byte("version: 1\nfund:\n  rate: 1e400\n"))
	f.Add([]byte("{{{"))
	f.Add([]byte(teamsPlan))
	f.Add([]byte(checksPlan))
	f.Add([]byte(dedSeed))
	f.Add([]byte(termsPlan))
	f.Add([]byte(poolTermsPlan))
	f.Add([]byte(strings.Replace(string(DefaultText()), "mode: whole", "mode: whale", 1)))
	for _, b := range examplePlans(f) {
		f.Add(b)
		f.Add([]byte(strings.Replace(string(b), "version: 2", "version: 1", 1)))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := Parse("fuzz.yaml", b)
		if err != nil {
			es, ok := err.(Errors)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			for _, e := range es {
				if e.File != "fuzz.yaml" || e.Msg == "" {
					t.Fatalf("error without file or message: %+v", e)
				}
			}
			return
		}
		again, err := Parse("fuzz.yaml", b)
		if err != nil || again.SHA256 != l.SHA256 {
			t.Fatalf("a plan that loaded does not load again: %v", err)
		}
	})
}

// examplePlans are the four example stores' plans (../examples/*/plan.yaml), seeds of the plan language.
func examplePlans(f *testing.F) [][]byte {
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*", "plan.yaml"))
	if err != nil || len(paths) != 4 {
		f.Fatalf("the example plans: %d files (%v), want 4", len(paths), err)
	}
	out := make([][]byte, len(paths))
	for i, p := range paths {
		if out[i], err = os.ReadFile(p); err != nil {
			f.Fatal(err)
		}
	}
	return out
}
