package plan

import (
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
	f.Add([]byte(strings.Replace(string(DefaultText()), "mode: whole", "mode: whale", 1)))
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
