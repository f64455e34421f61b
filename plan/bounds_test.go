package plan

import (
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestParseBounds: each sanity bound refuses a number of the plan with the file's line, and only that
// problem is reported (a refused tier bound is not also reported as a gap); numbers just inside the bounds
// load.
func TestParseBounds(t *testing.T) {
	const big = `is out of bounds: every number of a plan must be below 1000000000`
	const money = ` is a part of an amount of money and must be at most 1 (rates are plain decimals: 0.05 = 5%), got `
	cases := []struct {
		name, old, new, at, want string // want "" = loads
	}{
		{"rate 1e400", "{figure: repair_output, rate: 0.005,", "{figure: repair_output, rate: 1e400,", "rate: 1e400", `"1e400" ` + big},
		{"rate -1e400", "{figure: repair_output, rate: 0.005,", "{figure: repair_output, rate: -1e400,", "rate: -1e400", `"-1e400" ` + big},
		{"rate 1e-400", "{figure: repair_output, rate: 0.005,", "{figure: repair_output, rate: 1e-400,", "rate: 1e-400", `"1e-400" has more than 6 decimal places`},
		{"float noise", "{figure: beauty_revenue, rate: 0.12}", "{figure: beauty_revenue, rate: 0.30000000000000004}", "0.30000000000000004", `"0.30000000000000004" has more than 6 decimal places`},
		{"7 decimal places", "{figure: repair_output, rate: 0.005,", "{figure: repair_output, rate: 0.0050001,", "rate: 0.0050001", `"0.0050001" has more than 6 decimal places`},
		{"6 places and trailing zeros", "{figure: repair_output, rate: 0.005,", "{figure: repair_output, rate: 0.00500100000,", "", ""},
		{"exponent form in bounds", "piece_rate: 3", "piece_rate: 3e2", "", ""},
		{"amount just below 10^9", "piece_rate: 3", "piece_rate: 999999999.999999", "", ""},
		{"amount 10^9", "piece_rate: 3", "piece_rate: 1000000000", "piece_rate:", `"1000000000" ` + big},
		{"fine 1E12", "wash_complaint: 20", "wash_complaint: 1E12", "wash_complaint:", `"1E12" ` + big},
		{"coefficient 1e10", "{role: advisor, coefficient: 0.4}", "{role: advisor, coefficient: 1e10}", "{role: advisor, coefficient: 1e10}", `"1e10" ` + big},
		{"middle tier bound 1e400", "{from: 500, to: 700, rate: 2.4}", "{from: 500, to: 1e400, rate: 2.4}", "to: 1e400", `"1e400" ` + big},
		{"insurance tier bound", "{from: 200000, rate: 0.03}", "{from: 2000000000, rate: 0.03}", "{from: 2000000000", `"2000000000" ` + big},
		{"pool rate of money above 1", "{figure: beauty_revenue, rate: 0.12}", "{figure: beauty_revenue, rate: 12}", "rate: 12}", "rate" + money + "12"},
		{"pool rate of money 1", "{figure: beauty_revenue, rate: 0.12}", "{figure: beauty_revenue, rate: 1}", "", ""},
		{"pool rate per wash above 1", "{figure: wash_count, rate: 1}", "{figure: wash_count, rate: 5}", "", ""},
		{"accessory share", "{pool: advisor, rate: 0.04}", "{pool: advisor, rate: 4}", "{pool: advisor, rate: 4}", "accessory.pool_sellers.shares.rate" + money + "4"},
		{"other departments share", "{pool: accessory_team, rate: 0.007}", "{pool: accessory_team, rate: 0.7001}", "", ""},
		{"other departments share above 1", "{pool: accessory_team, rate: 0.007}", "{pool: accessory_team, rate: 1.007}", "rate: 1.007", "accessory.other_departments.shares.rate" + money + "1.007"},
		{"specialists rate", "    rate: 0.10\n", "    rate: 10\n", "    rate: 10", "accessory.specialists.rate" + money + "10"},
		{"others rate", "others_rate: 0.10", "others_rate: 1.1", "others_rate:", "accessory.others_rate" + money + "1.1"},
		{"renewal rate in percent", "  rate: 0.4\n", "  rate: 40\n", "  rate: 40", "renewal.rate" + money + "40"},
		{"insurance tier rate", "{from: 200000, rate: 0.03}", "{from: 200000, rate: 3}", "{from: 200000, rate: 3}", "insurance.tiers.rate" + money + "3"},
		{"hours tier rate is per hour", "{from: 900, to: 2000, rate: 2.8}", "{from: 900, to: 2000, rate: 28}", "", ""},
		{"score_below above 100", "score_below: 96", "score_below: 960", "score_below:", "advisor_deductions.score_below must be at most 100 (scores and points are out of 100), got 960"},
		{"max_points above 100", "max_points: 100", "max_points: 100.5", "max_points:", "assessment.max_points must be at most 100 (scores and points are out of 100), got 100.5"},
		{"max_total 0", "max_total: 1000000", "max_total: 0", "max_total:", "plausible_pay.max_total must be greater than 0, got 0"},
		{"max_total 1e9", "max_total: 1000000", "max_total: 1e9", "max_total:", `"1e9" ` + big},
		{"max_base_multiple negative", "max_base_multiple: 20", "max_base_multiple: -20", "max_base_multiple:", "plausible_pay.max_base_multiple must be greater than 0, got -20"},
		{"plausible_pay unknown key", "max_base_multiple: 20", "max_base_multiple: 20\n  max_multiple: 20", "max_multiple:", `unknown key "max_multiple"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := mutate(t, c.old, c.new)
			_, err := Parse("store.yaml", text)
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			want := "store.yaml line " + strconv.Itoa(lineOf(t, text, c.at)) + ": " + c.want
			if err.Error() != want {
				t.Fatalf("error\n%s\nwant exactly\n%s", err, want)
			}
		})
	}
}

// Two numbers out of bounds on different lines are both reported, in line order.
func TestParseBoundsEveryProblem(t *testing.T) {
	text := mutate(t, "piece_rate: 3", "piece_rate: 1e400")
	text = []byte(strings.Replace(string(text), "{from: 500, to: 700, rate: 2.4}", "{from: 500, to: 700, rate: 2.4000001}", 1))
	_, err := Parse("store.yaml", text)
	want := "store.yaml line " + strconv.Itoa(lineOf(t, text, "rate: 2.4000001")) + `: "2.4000001" has more than 6 decimal places` + "\n" +
		"store.yaml line " + strconv.Itoa(lineOf(t, text, "piece_rate: 1e400")) + `: "1e400" ` + "is out of bounds: every number of a plan must be below 1000000000"
	if err == nil || err.Error() != want {
		t.Fatalf("error\n%v\nwant\n%s", err, want)
	}
}

// A store's plan without plausible_pay (written before it existed) gets the defaults, which are the
// default plan's values; a key left out of the section gets its default too.
func TestPlausiblePayDefaults(t *testing.T) {
	d := Default().PlausiblePay
	if d.MaxTotal.String() != DefaultMaxTotal || d.MaxBaseMultiple.String() != DefaultMaxBaseMultiple {
		t.Fatalf("default.yaml has %s and %s, the defaults are %s and %s", d.MaxTotal, d.MaxBaseMultiple, DefaultMaxTotal, DefaultMaxBaseMultiple)
	}
	cases := []struct{ name, old, new, total, multiple string }{
		{"no section", "plausible_pay:\n  max_total: 1000000\n  max_base_multiple: 20\n", "", "1000000", "20"},
		{"no max_total", "  max_total: 1000000\n", "", "1000000", "20"},
		{"only max_total", "  max_base_multiple: 20\n", "", "1000000", "20"},
		{"own values", "  max_total: 1000000\n  max_base_multiple: 20\n", "  max_total: 250000.50\n  max_base_multiple: 12.5\n", "250000.5", "12.5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := Parse("store.yaml", mutate(t, c.old, c.new))
			if err != nil {
				t.Fatal(err)
			}
			if got := l.PlausiblePay; got.MaxTotal.String() != c.total || got.MaxBaseMultiple.String() != c.multiple {
				t.Fatalf("max_total %s, max_base_multiple %s; want %s, %s", got.MaxTotal, got.MaxBaseMultiple, c.total, c.multiple)
			}
		})
	}
}

// FuzzBounded: bounded never panics, and what it accepts is the same number, below MaxNumber in size and
// with at most MaxDecimals places.
func FuzzBounded(f *testing.F) {
	for _, s := range []string{"0.005", "1e400", "-1e400", "1e-400", "0e9999", "1.000000000", "999999999.999999", "1000000000", "-0.0000001", "3E2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := decimal.NewFromString(s)
		if err != nil {
			return
		}
		got, problem := bounded(v, s)
		if problem != "" {
			return
		}
		if !got.Equal(v) || got.Abs().Cmp(decimal.NewFromInt(MaxNumber)) >= 0 || got.Exponent() < -MaxDecimals {
			t.Fatalf("%q accepted as %s (exponent %d)", s, got, got.Exponent())
		}
	})
}
