package ledger

import (
	"fmt"
	"golang.org/x/text/encoding/unicode"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"payout/calc"
	"payout/internal/msg"
)

func label(s string) string {
	return map[string]string{"advisor": "业务接待组", "renewal": "续保提成"}[s]
}

func TestCorrections(t *testing.T) {
	closed := calc.Document{Month: "2026-10", Employees: []calc.DocEmployee{
		emp("A1", "张伟", "3000.00", "3190.00", line("advisor", "200.00", "0.00", "10.00", "190.00"), line("renewal", "50.00", "0.00", "2.50", "47.50")),
		emp("A2", "李娜", "2000.00", "2000.00"),
		emp("A3", "王强", "2500.00", "2600.00", line("advisor", "100.00", "0.00", "0.00", "100.00")),
		emp("A9", "离职", "1000.00", "1000.00"),
	}}
	corrected := calc.Document{Month: "2026-10", Employees: []calc.DocEmployee{
		emp("A1", "张伟", "3000.00", "3180.50", line("advisor", "210.00", "0.00", "10.50", "199.50"), line("renewal", "30.00", "0.00", "1.50", "28.50")),
		emp("A2", "李娜", "2000.00", "2000.00"),
		emp("A3", "王强", "2400.00", "2500.00", line("advisor", "100.00", "0.00", "0.00", "100.00")),
		emp("A4", "新人", "1500.00", "1500.00"),
	}}
	var got []string
	for _, c := range Corrections(closed, corrected, nil, "1001", "奖励", "扣款", label) {
		got = append(got, fmt.Sprintf("%s %s %s %s %q %s", c.EmployeeID, c.Kind, c.Amount.StringFixed(2), c.Delta.StringFixed(2), c.Reason, c.ApproverID))
	}
	want := []string{
		`A1 扣款 9.50 -9.50 "2026-10 更正: 业务接待组 +9.50, 续保提成 -19.00" 1001`,
		`A3 扣款 100.00 -100.00 "2026-10 更正: 基本工资 -100.00" 1001`,
		`A4 奖励 1500.00 1500.00 "2026-10 更正: 基本工资 +1500.00" 1001`, // not on the closed result: paid nothing there
		`A9 扣款 1000.00 -1000.00 "2026-10 更正: 基本工资 -1000.00" 1001`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rows := Corrections(closed, corrected, nil, "1001", "奖励", "扣款", label)
	if s := CorrectionsTotal(rows); s != "390.50" { // −9.50 −100 +1500 −1000
		t.Errorf("total %s", s)
	}
	if len(Corrections(closed, closed, nil, "1001", "奖励", "扣款", label)) != 0 {
		t.Error("corrections of an unchanged month")
	}

	// What earlier corrections carried is not carried again: recorded, read back and summed.
	dir := t.TempDir()
	if err := AppendCorrections(dir, Record("2026-10", "2026-11", "2026-11-20T08:00:00Z", "1001", "fixed", "sha", "调整.csv", rows, decimal.Zero)); err != nil {
		t.Fatal(err)
	}
	recs, err := ReadCorrections(dir)
	if err != nil || len(recs) != 1 || recs[0].Rows[0].Total != "-9.50" || recs[0].Rows[0].Lines["renewal"] != "-19.00" {
		t.Fatalf("records %+v %v", recs, err)
	}
	if again := Corrections(closed, corrected, CarriedSoFar(recs), "1001", "奖励", "扣款", label); len(again) != 0 {
		t.Errorf("carried twice: %+v", again)
	}
	// Back to the closed inputs: everything carried is paid back, A4 (only ever in the correction) too.
	got = nil
	for _, c := range Corrections(closed, closed, CarriedSoFar(recs), "1001", "奖励", "扣款", label) {
		got = append(got, fmt.Sprintf("%s %s %s", c.EmployeeID, c.Kind, c.Amount.StringFixed(2)))
	}
	if w := "A1 奖励 9.50|A3 奖励 100.00|A4 扣款 1500.00|A9 奖励 1000.00"; strings.Join(got, "|") != w {
		t.Errorf("revert: %q, want %q", strings.Join(got, "|"), w)
	}
	// A further fix of A1's renewal line (30.00 → 40.00 gross; net 28.50 → 38.00): only that is carried.
	more := corrected
	more.Employees = append([]calc.DocEmployee{}, corrected.Employees...)
	more.Employees[0] = emp("A1", "张伟", "3000.00", "3190.00", line("advisor", "210.00", "0.00", "10.50", "199.50"), line("renewal", "40.00", "0.00", "2.00", "38.00"))
	more.Employees[0].Fund = "12.50"
	got = nil
	for _, c := range Corrections(closed, more, CarriedSoFar(recs), "1001", "奖励", "扣款", label) {
		got = append(got, fmt.Sprintf("%s %s %s %q", c.EmployeeID, c.Kind, c.Amount.StringFixed(2), c.Reason))
	}
	if w := `A1 奖励 9.50 "2026-10 更正: 续保提成 +9.50"`; strings.Join(got, "|") != w {
		t.Errorf("incremental: %q, want %q", got, w)
	}
}

// utf16le encodes s as UTF-16 little-endian with its byte order mark.
func utf16le(s string) string {
	b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	return b
}

func corrections() []Correction {
	closed := calc.Document{Month: "2026-10", Employees: []calc.DocEmployee{emp("A1", "张伟", "3000.00", "3190.00", line("advisor", "200.00", "0.00", "10.00", "190.00")), emp("A2", "李娜", "2000.00", "2000.00")}}
	fixed := calc.Document{Month: "2026-10", Employees: []calc.DocEmployee{emp("A1", "张伟", "3000.00", "3199.50", line("advisor", "210.00", "0.00", "10.50", "199.50")), emp("A2", "李娜", "2000.00", "1990.00")}}
	rows := Corrections(closed, fixed, nil, "1001", "奖励", "扣款", label)
	// Ids are written as they are (the roster has them so); free text is guarded against formulas.
	rows[1].EmployeeID, rows[1].ApproverID, rows[1].Reason = "=A2", "=1+2", "@"+rows[1].Reason
	return rows
}

const (
	rowA1 = "A1,奖励,,9.50,2026-10 更正: 业务接待组 +9.50,1001"
	rowA2 = "=A2,扣款,,10.00,'@2026-10 更正,=1+2"
)

func TestWriteCorrections(t *testing.T) {
	gb := func(s string) string {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, c := range []struct {
		name     string
		files    map[string]string
		file     string // where the rows go
		workbook string // the workbook the rows are to be copied into
		want     string // the file after; "" = not checked
		wantErr  string
	}{
		{name: "no adjustments table: a new CSV", file: "调整.csv",
			want: "\xef\xbb\xbf工号,类型,奖金池,数值,原因,审批人\r\n" + rowA1 + "\r\n" + rowA2 + "\r\n"},
		{name: "an empty CSV gets the header",
			files: map[string]string{"调整.csv": ""}, file: "调整.csv",
			want: "\xef\xbb\xbf工号,类型,奖金池,数值,原因,审批人\r\n" + rowA1 + "\r\n" + rowA2 + "\r\n"},
		{name: "appended to a CSV in its own column order, with a title row and no last newline",
			files: map[string]string{"调整.csv": "十一月调整\n审批人,原因,工号,数值,类型,备注\n1001,全勤,A2,50,奖励,x"}, file: "调整.csv",
			want: "十一月调整\n审批人,原因,工号,数值,类型,备注\n1001,全勤,A2,50,奖励,x\n" +
				"1001,2026-10 更正: 业务接待组 +9.50,A1,9.50,奖励,\n=1+2,'@2026-10 更正,=A2,10.00,扣款,\n"},
		{name: "appended to a GB18030 CSV in GB18030 with CRLF",
			files: map[string]string{"调整.csv": gb("工号,类型,数值,原因,审批人\r\nA2,奖励,50,全勤,1001\r\n")}, file: "调整.csv",
			want: gb("工号,类型,数值,原因,审批人\r\nA2,奖励,50,全勤,1001\r\n" +
				"A1,奖励,9.50,2026-10 更正: 业务接待组 +9.50,1001\r\n=A2,扣款,10.00,'@2026-10 更正,=1+2\r\n")},
		{name: "appended to a UTF-16 tab-separated file (Excel's Unicode Text) in UTF-16",
			files: map[string]string{"调整.csv": utf16le("工号\t类型\t数值\t原因\t审批人\r\n")}, file: "调整.csv",
			want: utf16le("工号\t类型\t数值\t原因\t审批人\r\n" +
				"A1\t奖励\t9.50\t2026-10 更正: 业务接待组 +9.50\t1001\r\n=A2\t扣款\t10.00\t'@2026-10 更正\t=1+2\r\n")},
		{name: "appended to a tab-separated CSV with tabs",
			files: map[string]string{"adjustments.CSV": "emp_id\tkind\tvalue\treason\tapprover_id\n"}, file: "adjustments.CSV",
			want: "emp_id\tkind\tvalue\treason\tapprover_id\n" +
				"A1\t奖励\t9.50\t2026-10 更正: 业务接待组 +9.50\t1001\n=A2\t扣款\t10.00\t'@2026-10 更正\t=1+2\n"},
		{name: "a CSV without the required columns",
			files: map[string]string{"调整.csv": "工号,类型,数值\n"}, file: "调整.csv",
			wantErr: fmt.Sprintf(msg.LedgerAdjustHeader, "调整.csv", "原因")},
		{name: "adjustments inside a workbook: a separate CSV to copy in",
			files: map[string]string{"调整.xlsx": "xlsx", "调整-2026-10更正.csv": "an earlier correction"},
			file:  "调整-2026-10更正-2.csv", workbook: "调整.xlsx",
			want: "\xef\xbb\xbf工号,类型,奖金池,数值,原因,审批人\r\n" + rowA1 + "\r\n" + rowA2 + "\r\n"},
		{name: "adjustments as a sheet of another workbook",
			files: map[string]string{"十一月.xlsx": "xlsx:调整"}, file: "调整-2026-10更正.csv", workbook: "十一月.xlsx"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range c.files {
				if sheet, ok := strings.CutPrefix(text, "xlsx"); ok {
					f := excelize.NewFile()
					if s := strings.TrimPrefix(sheet, ":"); s != "" {
						f.SetSheetName("Sheet1", s)
					}
					if err := f.SaveAs(filepath.Join(dir, name)); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			rel := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }
			p, workbook, err := WriteCorrections(dir, "2026-10", corrections())
			if c.wantErr != "" || err != nil {
				if err == nil || rel(err.Error()) != c.wantErr {
					t.Fatalf("error %v, want %q", err, c.wantErr)
				}
				return
			}
			if rel(p) != c.file || rel(workbook) != c.workbook {
				t.Fatalf("wrote %s (copy into %q), want %s (%q)", rel(p), rel(workbook), c.file, c.workbook)
			}
			if c.want != "" {
				b, _ := os.ReadFile(p)
				if string(b) != c.want {
					t.Errorf("file:\n%q\nwant:\n%q", b, c.want)
				}
			}
		})
	}
}

// The adjustments table is found where the month's reader finds it: a file whose name contains the table's
// name (11月调整.csv), or a workbook's sheet named after it. It used to be found by exact name only, so that
// correct wrote a second 调整.csv beside 11月调整.csv and the month read the table twice.
func TestFindAdjustments(t *testing.T) {
	header := strings.Join(adjustmentsHeader(), ",") + "\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"none", map[string]string{"员工名册.csv": "工号,姓名\n"}, ""},
		{"exact name", map[string]string{"调整.csv": header}, "调整.csv"},
		{"name with a month", map[string]string{"11月调整.csv": header, "员工名册.csv": "工号,姓名\n"}, "11月调整.csv"},
		{"corrections file is not the table", map[string]string{"调整-2026-10更正.csv": header}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for n, b := range c.files {
				if err := os.WriteFile(filepath.Join(dir, n), []byte(b), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			got, err := findAdjustments(dir)
			if err != nil {
				t.Fatal(err)
			}
			if want := c.want; want != "" {
				c.want = filepath.Join(dir, want)
			}
			if got != c.want {
				t.Errorf("findAdjustments = %q, want %q", got, c.want)
			}
		})
	}
}
