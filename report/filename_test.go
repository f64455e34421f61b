package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"payout/calc"
)

func TestSanitizeFileNameLimitsAndInvisibles(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1001-\u202egpj.exe", "1001-gpj.exe"}, // right-to-left override
		{"1001-张\u200b伟\ufeff", "1001-张伟"},     // zero-width space, BOM
		{"1001-\u2066李\u2069\u200e", "1001-李"}, // isolates, left-to-right mark
		{"1001-\u3164\u115f王\ufe0f", "1001-王"}, // Hangul fillers, variation selector
		{"CON", "_CON"},         // a Windows device name
		{"nul.txt", "_nul.txt"}, // also with an extension
		{"COM1", "_COM1"},       //
		{"COM10", "COM10"},      // not a device
		{strings.Repeat("工", 90), strings.Repeat("工", 85)}, // 270 bytes: cut to 255 on a character
		{"a" + strings.Repeat("工", 90), "a" + strings.Repeat("工", 84)},
		{strings.Repeat("x", 254) + " .y", strings.Repeat("x", 254)}, // no trailing space or dot after the cut
	}
	for _, c := range cases {
		got := SanitizeFileName(c.in)
		if got != c.want {
			t.Errorf("SanitizeFileName(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(got) > 255 || !utf8.ValidString(got) {
			t.Errorf("SanitizeFileName(%q): %d bytes, valid UTF-8 %v", c.in, len(got), utf8.ValidString(got))
		}
	}
}

func TestPayslipNamesDistinctAndShort(t *testing.T) {
	long := strings.Repeat("张", 100)
	emps := []calc.EmployeeResult{
		{ID: "2001-x", Name: "y"}, {ID: "2001", Name: "x-y"}, // both 2001-x-y
		{ID: "2001", Name: "x-y~2"},                    // the number a collision would take
		{ID: "a1", Name: "Li"}, {ID: "A1", Name: "li"}, // one file on Windows and macOS
		{ID: "3001", Name: long}, {ID: "3001", Name: long + "x"}, // equal once cut
		{ID: "1004", Name: "王杰昊"},
	}
	got := PayslipNames(emps)
	want := []string{"2001-x-y.xlsx", "2001-x-y~3.xlsx", "2001-x-y~2.xlsx", "a1-Li.xlsx", "A1-li~2.xlsx",
		"3001-" + strings.Repeat("张", 79) + ".xlsx", "3001-" + strings.Repeat("张", 79) + "~2.xlsx", "1004-王杰昊.xlsx"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
		if len(got[i]) > 255 {
			t.Errorf("name %d is %d bytes", i, len(got[i]))
		}
	}
}

// Long names, names that collide and invisible characters used to fail the whole month (file name too long,
// file exists); every payslip is now written, each to a file of its own within 255 bytes.
func TestWriteOutputLongAndCollidingNames(t *testing.T) {
	o := sampleMonth(t)
	// Extra employees (copies of the first with other ids and names): no pool counts them.
	for _, n := range [][2]string{{"2001-x", "y"}, {"2001", "x-y"}, {"2002", strings.Repeat("欧阳", 50)}, {"2003", "abc\u202egpj.exe"}} {
		e := o.Result.Employees[0]
		e.ID, e.Name = n[0], n[1]
		o.Result.Employees = append(o.Result.Employees, e)
	}
	emps := o.Result.Employees
	out := filepath.Join(t.TempDir(), "2026-10")
	if _, err := WriteOutput(out, false, o); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(out, PayslipDir))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(emps) {
		t.Fatalf("%d payslips for %d employees", len(entries), len(emps))
	}
	for _, e := range entries {
		if n := e.Name(); len(n) > 255 || strings.ContainsRune(n, '\u202e') || !strings.HasSuffix(n, ".xlsx") {
			t.Errorf("payslip name %q (%d bytes)", n, len(n))
		}
	}
}
