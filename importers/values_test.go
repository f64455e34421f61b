package importers

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
)

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in   string
		want string // decimal text; "" when bad
		bad  string // expected reason
	}{
		{in: "1234.5", want: "1234.5"},
		{in: "1234.50", want: "1234.5"},
		{in: "1,234.50", want: "1234.5"},
		{in: "12,345,678.9", want: "12345678.9"},
		{in: "¥1,234.50", want: "1234.5"},
		{in: "￥1234", want: "1234"},
		{in: "¥ 1234", want: "1234"},
		{in: "１２３４．５", want: "1234.5"},
		{in: "１，２３４．５０", want: "1234.5"},
		{in: "  1234.5  ", want: "1234.5"},
		{in: "\t1234.5\r\n", want: "1234.5"},
		{in: "\u30001234.5\u3000", want: "1234.5"},
		{in: "-¥12.00", want: "-12"},
		{in: "¥-12.00", want: "-12"},
		{in: "-12.5", want: "-12.5"},
		{in: "－12.5", want: "-12.5"},
		{in: "+12.5", want: "12.5"},
		{in: "0", want: "0"},
		{in: "0.00", want: "0"},
		{in: ".5", want: "0.5"},
		{in: "1234.5元", want: "1234.5"},
		// Excel keeps 15 significant digits: binary floating-point noise is removed.
		{in: "1234.5600000000001", want: "1234.56"},
		{in: "0.30000000000000004", want: "0.3"},
		{in: "2311.0699999999997", want: "2311.07"},
		{in: "123456789012.345", want: "123456789012.345"},
		// Stored numbers in exponent form (a program's export).
		{in: "1.5E3", want: "1500"},
		{in: "1.2345E-2", want: "0.012345"},

		{in: "12O5.00", bad: msg.ValNotAmount},
		{in: "1,23", bad: msg.ValNotAmount},
		{in: "1,2345.00", bad: msg.ValNotAmount},
		{in: ",123", bad: msg.ValNotAmount},
		{in: "1.2.3", bad: msg.ValNotAmount},
		{in: "", bad: msg.ValNotAmount},
		{in: "   ", bad: msg.ValNotAmount},
		{in: "abc", bad: msg.ValNotAmount},
		{in: "¥", bad: msg.ValNotAmount},
		{in: "-", bad: msg.ValNotAmount},
		{in: "--12", bad: msg.ValNotAmount},
		{in: ".", bad: msg.ValNotAmount},
		{in: "12 34", bad: msg.ValNotAmount},
		{in: "NaN", bad: msg.ValNotAmount},
		{in: "Infinity", bad: msg.ValNotAmount},
		{in: "0x10", bad: msg.ValNotAmount},
		{in: "12%", bad: msg.ValNotAmount},
	}
	for _, c := range cases {
		got, bad := ParseAmount(c.in)
		if c.bad != "" {
			if bad != c.bad {
				t.Errorf("ParseAmount(%q): reason %q, want %q (value %s)", c.in, bad, c.bad, got)
			}
			if !got.IsZero() {
				t.Errorf("ParseAmount(%q): bad input gave %s, want 0", c.in, got)
			}
			continue
		}
		if bad != "" {
			t.Errorf("ParseAmount(%q): unexpected reason %q", c.in, bad)
			continue
		}
		if got.String() != c.want || !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("ParseAmount(%q) = %s, want %s", c.in, got.String(), c.want)
		}
	}
}

func TestParseRatio(t *testing.T) {
	cases := []struct {
		in, want, bad string
	}{
		{in: "0.3", want: "0.3"},
		{in: "30%", want: "0.3"},
		{in: "30 ％", want: "0.3"},
		{in: "３０％", want: "0.3"},
		{in: " 12.5% ", want: "0.125"},
		{in: "1", want: "1"},
		{in: "100%", want: "1"},
		{in: "0", want: "0"},
		{in: "0%", want: "0"},
		// Range is checked by the row reader, not the parser.
		{in: "1.5", want: "1.5"},
		{in: "-30%", want: "-0.3"},

		{in: "abc", bad: msg.ValNotRatio},
		{in: "", bad: msg.ValNotRatio},
		{in: "%", bad: msg.ValNotRatio},
		{in: "30%%", bad: msg.ValNotRatio},
		{in: "3O%", bad: msg.ValNotRatio},
		{in: "0,3", bad: msg.ValNotRatio},
	}
	for _, c := range cases {
		got, bad := ParseRatio(c.in)
		if c.bad != "" {
			if bad != c.bad {
				t.Errorf("ParseRatio(%q): reason %q, want %q (value %s)", c.in, bad, c.bad, got)
			}
			continue
		}
		if bad != "" {
			t.Errorf("ParseRatio(%q): unexpected reason %q", c.in, bad)
			continue
		}
		if !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("ParseRatio(%q) = %s, want %s", c.in, got.String(), c.want)
		}
	}
}

func date(y int, m time.Month, d int) model.Date { return model.Date{Year: y, Month: m, Day: d} }

func TestParseDate(t *testing.T) {
	oct3 := date(2026, time.October, 3)
	cases := []struct {
		in      string
		is1904  bool
		want    model.Date
		bad     string
		comment string
	}{
		// Excel serials, 1900 system.
		{in: "45931", want: date(2025, time.October, 1)},
		{in: "46298", want: oct3},
		{in: "46298.0", want: oct3},
		{in: "46298.75", want: oct3, comment: "fraction is a time of day"},
		{in: "46298.999988426", want: oct3},
		{in: "1", want: date(1900, time.January, 1)},
		{in: "59", want: date(1900, time.February, 28)},
		{in: "61", want: date(1900, time.March, 1)},
		{in: "45658", want: date(2025, time.January, 1)},
		{in: "4.6298E4", want: oct3, comment: "serial in exponent form"},
		// 1904 system: 1462 days less.
		{in: "44836", is1904: true, want: oct3},
		{in: "44469", is1904: true, want: date(2025, time.October, 1)},
		{in: "44836.5", is1904: true, want: oct3},
		// Text dates.
		{in: "2026-10-03", want: oct3},
		{in: "2026-10-3", want: oct3},
		{in: "2026/10/3", want: oct3},
		{in: "2026/10/03", want: oct3},
		{in: "2026.10.03", want: oct3},
		{in: "2026.10.3", want: oct3},
		{in: "2026年10月3日", want: oct3},
		{in: "2026年10月03日", want: oct3},
		{in: "2026 年 10 月 3 日", want: oct3},
		{in: "２０２６－１０－０３", want: oct3},
		{in: " 2026-10-03 ", want: oct3},
		{in: "2024-02-29", want: date(2024, time.February, 29)},
		// With a time of day (ignored).
		{in: "2026-10-03 14:22:05", want: oct3},
		{in: "2026-10-03 14:22", want: oct3},
		{in: "2026/10/3 9:05", want: oct3},
		{in: "2026/10/3 9:05:00", want: oct3},
		{in: "2026-10-03T00:00:00Z", want: oct3},
		{in: "2026-10-03T14:22:05+08:00", want: oct3},
		{in: "2026-10-03 00:00:00.000", want: oct3},
		{in: "2026年10月3日 14:22", want: oct3},
		{in: "2026.10.03 23:59:59", want: oct3},
		{in: "2026/10/3 下午 3:04:00", want: oct3, comment: "as Chinese Windows writes it"},
		{in: "2026/10/3 上午 11:59", want: oct3},
		{in: "2026-10-03 3:04 PM", want: oct3},
		{in: "2026-10-03 15时4分5秒", want: oct3},
		{in: "2026-10-03 99:99", bad: msg.ValNotDate, comment: "no such time"},
		{in: "2026-10-03 24:00", bad: msg.ValNotDate},
		{in: "2026-10-03 下午 13:00", bad: msg.ValNotDate},
		{in: "2026-10-03 12:60:00", bad: msg.ValNotDate},

		{in: "2026-02-30", bad: msg.ValNoSuchDate},
		{in: "2026-02-29", bad: msg.ValNoSuchDate},
		{in: "2026-13-01", bad: msg.ValNoSuchDate},
		{in: "2026-00-10", bad: msg.ValNoSuchDate},
		{in: "2026-10-00", bad: msg.ValNoSuchDate},
		{in: "2026-09-31", bad: msg.ValNoSuchDate},
		{in: "2026年2月30日", bad: msg.ValNoSuchDate},
		{in: "abc", bad: msg.ValNotDate},
		{in: "", bad: msg.ValNotDate},
		{in: "2026-10-03 xyz", bad: msg.ValNotDate},
		{in: "2026-10-03 25:61:99x", bad: msg.ValNotDate},
		{in: "2026-10", bad: msg.ValNotDate},
		{in: "2026.10", bad: msg.ValNotDate}, // a year and a month, not the serial 2026.1
		{in: "2026.1", bad: msg.ValNotDate},
		{in: "10/03/2026", bad: msg.ValNotDate},
		{in: "0", bad: msg.ValNotDate},
		{in: "-1", bad: msg.ValNotDate},
		{in: "0.5", bad: msg.ValNotDate},
		{in: "¥46298", bad: msg.ValNotDate},
		{in: "46,298", bad: msg.ValNotDate},
		{in: "99999999", bad: msg.ValNotDate},
		{in: "1e999", bad: msg.ValNotDate},
		// Excel's last date is 9999-12-31: serial 2958465 in the 1900 system, 2957003 in the 1904 one.
		{in: "2958465", want: date(9999, time.December, 31)},
		{in: "2958466", bad: msg.ValNotDate},
		{in: "2957003", is1904: true, want: date(9999, time.December, 31)},
		{in: "2958465", is1904: true, bad: msg.ValNotDate},
	}
	for _, c := range cases {
		got, bad := ParseDate(c.in, c.is1904)
		if c.bad != "" {
			if bad != c.bad {
				t.Errorf("ParseDate(%q, 1904=%v): reason %q, want %q (date %v)", c.in, c.is1904, bad, c.bad, got)
			}
			if !got.IsZero() {
				t.Errorf("ParseDate(%q): bad input gave %v, want the zero date", c.in, got)
			}
			continue
		}
		if bad != "" {
			t.Errorf("ParseDate(%q, 1904=%v): unexpected reason %q %s", c.in, c.is1904, bad, c.comment)
			continue
		}
		if got != c.want {
			t.Errorf("ParseDate(%q, 1904=%v) = %v, want %v %s", c.in, c.is1904, got, c.want, c.comment)
		}
	}
}

// The model's zero date means "empty": a date the parser accepts must not be it.
func TestParseDateYearZero(t *testing.T) {
	for _, s := range []string{"0000-01-01", "0000/10/03", "0000年1月1日"} {
		if d, bad := ParseDate(s, false); bad == "" && d.IsZero() {
			t.Errorf("BUG: ParseDate(%q) accepts the date but returns the zero (empty) date %+v; want it refused (msg.ValNoSuchDate)", s, d)
		}
	}
}

func TestParseBool(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"是", true}, {"否", false},
		{"Y", true}, {"N", false}, {"y", true}, {"n", false},
		{"yes", true}, {"no", false}, {"YES", true}, {"No", false},
		{"TRUE", true}, {"false", false}, {"True", true}, {"FALSE", false},
		{"1", true}, {"0", false},
		{"√", true}, {"×", false},
		{" 是 ", true}, {"\u3000否\u3000", false},
		{"Ｙ", true}, {"１", true},
	}
	for _, c := range cases {
		got, bad := ParseBool(c.in)
		if bad != "" || got != c.want {
			t.Errorf("ParseBool(%q) = %v, %q; want %v", c.in, got, bad, c.want)
		}
	}
	for _, in := range []string{"maybe", "", "2", "是的", "yesno", "-1"} {
		if _, bad := ParseBool(in); bad != msg.ValNotBool {
			t.Errorf("ParseBool(%q): reason %q, want %q", in, bad, msg.ValNotBool)
		}
	}
}

func TestParseID(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1001", "1001"},
		{" 1001 ", "1001"},
		{"\u30001001\t", "1001"},
		{"１００１", "1001"},
		{"1.001E3", "1001"},
		{"1.001e+3", "1001"},
		{"1001.0", "1001"},
		{"1001.00", "1001"},
		{"A001", "A001"},
		{"a001", "a001"},
		{"0012", "0012"},
		{"RO-2026-0001", "RO-2026-0001"},
		{"张伟", "张伟"},
		{"1.5", "1.5"},
		{"", ""},
		{"1.2345678901234567E+19", "12345678901234567000"},
	}
	for _, c := range cases {
		if got := ParseID(c.in); got != c.want {
			t.Errorf("ParseID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseText(t *testing.T) {
	for in, want := range map[string]string{" 张伟 ": "张伟", "\u3000说明\u3000": "说明", "a b": "a b", "": ""} {
		if got := ParseText(in); got != want {
			t.Errorf("ParseText(%q) = %q, want %q", in, got, want)
		}
	}
}
