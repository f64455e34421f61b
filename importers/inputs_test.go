package importers

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"payout/internal/msg"
)

// Tests of issue 10 (the reader's side): ids behind the CSV formula guard, invalid UTF-8 in ids, long cells.

// An id written behind the formula guard of a CSV writer ('=1+1) is the id without the apostrophe.
func TestParseIDFormulaGuard(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"'=1+1", "=1+1"},
		{"'+86", "+86"},
		{"'-7", "-7"},
		{"'@home", "@home"},
		{" '=1+1 ", "=1+1"},
		{"＇=1", "=1"}, // a full-width apostrophe folds to '
		{"'A01", "'A01"},
		{"'", "'"},
		{"it's", "it's"},
	} {
		if got := ParseID(c.in); got != c.want {
			t.Errorf("ParseID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The adjustments row that payout correct writes for an id starting with = names the roster's employee.
func TestReadGuardedIDOnRoster(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f.add("员工名册.csv", "=1+1,钱九,结算员,3000,否,,,售后")
	f.add("调整.csv", "'=1+1,奖励,,100,2026-10 更正,A02")
	f.write(t, dir)
	data, rep := read(t, dir)
	if rep.HasErrors() {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	if len(data.Adjustments) != 1 || data.Adjustments[0].EmpID != "=1+1" {
		t.Errorf("adjustments = %+v", data.Adjustments)
	}
}

// FuzzParseID found these: invalid UTF-8 followed by a character NFKC changes gave another id with spaces
// around it.
func TestParseIDInvalidUTF8(t *testing.T) {
	for _, s := range []string{"\xf2ˢ", "\xf1ǲ", "ˢ\xf2ˢ", "\xff１"} {
		id := ParseID(s)
		if spaced := ParseID(" " + s + " "); spaced != id {
			t.Errorf("ParseID(%q) = %q, with spaces around %q", s, id, spaced)
		}
		if again := ParseID(id); again != id {
			t.Errorf("ParseID(%q) = %q, ParseID of that %q", s, id, again)
		}
	}
	if got := ParseID("\xf2ˢ"); got != "\xf2s" {
		t.Errorf("ParseID(%q) = %q, want %q", "\xf2ˢ", got, "\xf2s")
	}
}

// A 10 MB number-looking cell is parsed in linear time and the message quotes an excerpt of it.
func TestParseLongNumber(t *testing.T) {
	long := strings.Repeat("1", 10<<20)
	cases := []struct {
		in, want, bad string
	}{
		{long, "0", msg.ValTooLarge},
		{"0." + long, "0.111111111111111", ""},
		{long + ".0", "0", msg.ValTooLarge},
		{"1" + strings.Repeat(",111", 3<<20), "0", msg.ValTooLarge},
		{"0." + strings.Repeat("0", 2000) + "1", "0", msg.ValNotAmount},
		// Exactly as the short form: rounded to 15 significant digits.
		{"12345.678901234567" + strings.Repeat("9", 100), "12345.6789012346", ""},
		{"0.00000" + strings.Repeat("4", 100), "0.00000444444444444444", ""},
	}
	for _, c := range cases {
		start := time.Now()
		d, bad := ParseAmount(c.in)
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("ParseAmount of %d bytes took %v", len(c.in), took)
		}
		if bad != c.bad || d.String() != c.want {
			t.Errorf("ParseAmount(%s) = %s, %q; want %s, %q", excerpt(c.in), d, bad, c.want, c.bad)
		}
	}
}

func TestExcerpt(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"12O5.00", "12O5.00"},
		{strings.Repeat("x", maxExcerpt), strings.Repeat("x", maxExcerpt)},
		{strings.Repeat("x", maxExcerpt+1), strings.Repeat("x", maxExcerpt) + fmt.Sprintf("… (%d bytes)", maxExcerpt+1)},
		{strings.Repeat("工", 60), strings.Repeat("工", maxExcerpt) + "… (180 bytes)"},
		{"\xff" + strings.Repeat("a", 60), "\xff" + strings.Repeat("a", maxExcerpt-1) + "… (61 bytes)"},
	} {
		if got := excerpt(c.in); got != c.want {
			t.Errorf("excerpt(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A 10 MB amount cell in a table: one error, quick, quoting an excerpt (value and message).
func TestReadLongCell(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	long := strings.Repeat("9", 10<<20)
	f.add("维修工单.csv", "R1,保养,A01,2026-10-03,,,"+long)
	f.write(t, dir)
	start := time.Now()
	_, rep := read(t, dir)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("Read took %v", took)
	}
	want := iss("维修工单.csv row 2, column 实收金额 (G2)", msg.ValTooLarge, excerpt(long))
	if !hasIssue(rep, Error, want) {
		t.Errorf("want %s; issues:%s", want, issueLines(rep))
	}
	for _, i := range rep.Issues {
		if len(i.Value) > 200 || len(i.Message) > 300 {
			t.Errorf("issue echoes %d bytes of value, %d of message", len(i.Value), len(i.Message))
		}
	}
}
