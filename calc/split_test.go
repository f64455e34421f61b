package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestSplitLargestRemainder(t *testing.T) {
	cases := []struct {
		name   string
		amount string
		ids    []string
		coefs  []string
		want   []string
		extra  []bool
	}{
		{"SPEC §5 example: tie won by the lower id", "100.00", []string{"A", "B", "C"}, []string{"0.4", "0.4", "0.1"},
			[]string{"44.45", "44.44", "11.11"}, []bool{true, false, false}},
		{"tie order by id, not by position", "100.00", []string{"B", "A", "C"}, []string{"0.4", "0.4", "0.1"},
			[]string{"44.44", "44.45", "11.11"}, []bool{false, true, false}},
		{"byte-wise ids: 1001 < 999", "0.01", []string{"999", "1001"}, []string{"1", "1"},
			[]string{"0.00", "0.01"}, []bool{false, true}},
		{"exact split", "90.00", []string{"A", "B"}, []string{"0.2", "0.1"}, []string{"60.00", "30.00"}, []bool{false, false}},
		{"largest remainders win over the larger coefficient", "10.00", []string{"A", "B", "C"}, []string{"0.25", "0.2", "0.2"},
			[]string{"3.84", "3.08", "3.08"}, []bool{false, true, true}},
		{"zero amount", "0.00", []string{"A", "B"}, []string{"0.4", "0.1"}, []string{"0.00", "0.00"}, []bool{false, false}},
		{"one member takes all", "123.45", []string{"A"}, []string{"0.15"}, []string{"123.45"}, []bool{false}},
		{"negative amount still sums", "-0.05", []string{"A", "B"}, []string{"1", "1"}, []string{"-0.02", "-0.03"}, []bool{true, false}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ms []member
			for i, id := range c.ids {
				ms = append(ms, member{id, dec(c.coefs[i])})
			}
			got, extra := splitLargestRemainder(dec(c.amount), ms)
			sum := decimal.Zero
			for i := range got {
				sum = sum.Add(got[i])
				if got[i].StringFixed(2) != c.want[i] || extra[i] != c.extra[i] {
					t.Errorf("%s: got %s (extra %v), want %s (extra %v)", c.ids[i], got[i].StringFixed(2), extra[i], c.want[i], c.extra[i])
				}
			}
			if !sum.Equal(dec(c.amount)) {
				t.Errorf("Σ shares = %s, want %s", sum, c.amount)
			}
		})
	}
}
