package plan

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestDefaultPlanLoads(t *testing.T) {
	p := Default()
	if len(p.Pools) != 10 {
		t.Fatalf("pools = %d, want 10", len(p.Pools))
	}
	if got := p.Pool("advisor").Amount[0].Rate.String(); got != "0.005" {
		t.Fatalf("advisor rate = %s", got)
	}
	if p.SHA256 == "" || len(p.SHA256) != 64 {
		t.Fatalf("sha = %q", p.SHA256)
	}
}

// mutate returns the default plan text with one substitution, failing if old is not found exactly once.
func mutate(t *testing.T, old, new string) []byte {
	t.Helper()
	s := string(DefaultText())
	if strings.Count(s, old) != 1 {
		t.Fatalf("%q occurs %d times in default.yaml", old, strings.Count(s, old))
	}
	return []byte(strings.Replace(s, old, new, 1))
}

func lineOf(t *testing.T, text []byte, needle string) int {
	t.Helper()
	for i, l := range strings.Split(string(text), "\n") {
		if strings.Contains(l, needle) {
			return i + 1
		}
	}
	t.Fatalf("%q not found", needle)
	return 0
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, old, new, at, want string
	}{
		{"unknown key", "  rate: 0.05\n", "  rate: 0.05\n  rat: 1\n", "  rat: 1", `unknown key "rat"`},
		{"negative rate", "{figure: beauty_revenue, rate: 0.12}", "{figure: beauty_revenue, rate: -0.12}", "rate: -0.12", "rate must not be negative, got -0.12"},
		{"coefficient zero", "{role: washer, coefficient: 0.1}", "{role: washer, coefficient: 0}", "{role: washer, coefficient: 0}", "coefficient must be greater than 0, got 0"},
		{"coefficient negative", "{role: washer, coefficient: 0.1}", "{role: washer, coefficient: -1}", "{role: washer, coefficient: -1}", "coefficient must be greater than 0, got -1"},
		{"tiers out of order", "{from: 500, to: 700, rate: 2.4}", "{from: 500, to: 450, rate: 2.4}", "{from: 500, to: 450, rate: 2.4}", "hours.tiers out of order: 500 is not below 450"},
		{"tier gap", "{from: 700, to: 900, rate: 2.6}", "{from: 750, to: 900, rate: 2.6}", "{from: 750, to: 900, rate: 2.6}", "hours.tiers: bands must follow each other, 700 is followed by 750"},
		{"bad mode", "        mode: whole\n        inclusive: lower\n        bands:\n          - {from: 100, to: 500, rate: 2.2}", "        mode: sliding\n        inclusive: lower\n        bands:\n          - {from: 100, to: 500, rate: 2.2}", "mode: sliding", `hours.tiers.mode must be whole or marginal, got "sliding"`},
		{"unknown role", "{role: washer, coefficient: 0.1}", "{role: waser, coefficient: 0.1}", "role: waser", `unknown role "waser"`},
		{"not a number", "piece_rate: 3", "piece_rate: three", "piece_rate: three", `"three" is not a number`},
		{"alias clash", "{name: washer, aliases: [洗车工]}", "{name: washer, aliases: [洗车工, 站長]}", "{name: station_manager, aliases: [站长]}", `name "站长" is used by both "washer" and "station_manager"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := mutate(t, c.old, c.new)
			_, err := Parse("store.yaml", text)
			if err == nil {
				t.Fatal("no error")
			}
			want := "store.yaml line " + strconv.Itoa(lineOf(t, text, c.at)) + ": " + c.want
			if !strings.Contains(err.Error(), want) {
				t.Fatalf("error\n%s\nwant a line\n%s", err, want)
			}
		})
	}
}

// An unknown key does not hide the other problems of the file: all are reported at once, in line order.
func TestParseReportsEveryProblem(t *testing.T) {
	text := mutate(t, "  rate: 0.05\n", "  rate: 0.05\n  rat: 1\n")
	text = []byte(strings.Replace(string(text), "{figure: beauty_revenue, rate: 0.12}", "{figure: beauty_revenue, rate: -0.12}", 1))
	_, err := Parse("store.yaml", text)
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("%v", err)
	}
	want := []string{
		"store.yaml line " + strconv.Itoa(lineOf(t, text, "  rat: 1")) + `: unknown key "rat"`,
		"store.yaml line " + strconv.Itoa(lineOf(t, text, "rate: -0.12")) + ": rate must not be negative, got -0.12",
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
