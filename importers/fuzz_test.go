package importers

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"payout/internal/msg"
	"payout/plan"
)

// The value parsers never panic and give either a value or one of their documented reasons.

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1234.5", "1,234.50", "¥1,234.50", "￥1234", "１２３４．５", " 1234.5 ", "-¥12.00",
		"1234.5600000000001", "12O5.00", "1,23", "", "abc", "1e999", "1e-999", "-", "+1", "9" + strings.Repeat("9", 40)} {
		f.Add(s, int64(1234), uint8(56))
	}
	f.Add("0", int64(-987654321), uint8(5))
	f.Fuzz(func(t *testing.T, s string, whole int64, cents uint8) {
		d, bad := ParseAmount(s)
		switch bad {
		case "":
			// Idempotent: the parsed value reads back as itself.
			d2, bad2 := ParseAmount(d.String())
			if bad2 != "" || !d2.Equal(d) {
				t.Fatalf("ParseAmount(%q) = %s, but ParseAmount(%q) = %s, %q", s, d, d.String(), d2, bad2)
			}
		case msg.ValNotAmount, msg.ValTooLarge:
			if !d.IsZero() {
				t.Fatalf("ParseAmount(%q): bad input gave %s", s, d)
			}
		default:
			t.Fatalf("ParseAmount(%q): unexpected reason %q", s, bad)
		}
		// Surrounding spaces change nothing (they also take the parser off its fast path for plain numbers).
		if d2, bad2 := ParseAmount(" " + s + "\t"); bad2 != bad || !d2.Equal(d) {
			t.Fatalf("ParseAmount(%q) = %s, %q but with spaces around = %s, %q", s, d, bad, d2, bad2)
		}
		// A plain amount with cents and at most 15 significant digits round-trips exactly.
		p := fmt.Sprintf("%d.%02d", whole%10_000_000_000_000, cents%100)
		got, bad := ParseAmount(p)
		if bad != "" || got.StringFixed(2) != p {
			t.Fatalf("ParseAmount(%q) = %s, %q; want %s", p, got.StringFixed(2), bad, p)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"45931", "46298.75", "2026-10-03", "2026/10/3", "2026.10.03", "2026年10月3日",
		"2026-10-03 14:22:05", "2026/10/3 9:05", "2026-10-03T00:00:00Z", "2026-02-30", "2026-13-01", "abc",
		"2026-10-03 xyz", "", "2958465", "1e5"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, is1904 bool) {
		d, bad := ParseDate(s, is1904)
		if d2, bad2 := ParseDate(" "+s+" ", is1904); d2 != d || bad2 != bad {
			t.Fatalf("ParseDate(%q) = %v, %q but with spaces around = %v, %q", s, d, bad, d2, bad2)
		}
		switch bad {
		case "":
			if d.Year == 0 || d.Year > 9999 {
				// Known: year 0000 is accepted but is the model's "empty" date (TestParseDateYearZero); a
				// 1904-system serial can pass 9999-12-31, Excel's last date (TestParseDate).
				return
			}
			if d.Month < time.January || d.Month > time.December || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
				t.Fatalf("ParseDate(%q) = %+v: not a calendar date", s, d)
			}
			// The printed date reads back as itself.
			if d2, bad2 := ParseDate(d.String(), is1904); bad2 != "" || d2 != d {
				t.Fatalf("ParseDate(%q) = %v; ParseDate(%q) = %v, %q", s, d, d.String(), d2, bad2)
			}
		case msg.ValNotDate, msg.ValNoSuchDate:
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q): bad input gave %v", s, d)
			}
		default:
			t.Fatalf("ParseDate(%q): unexpected reason %q", s, bad)
		}
	})
}

func FuzzParseRatio(f *testing.F) {
	for _, s := range []string{"0.3", "30%", "30 ％", "1", "abc", "", "%", "-5%", "1e3%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, bad := ParseRatio(s)
		if bad != "" && bad != msg.ValNotRatio {
			t.Fatalf("ParseRatio(%q): unexpected reason %q", s, bad)
		}
		if bad != "" {
			return
		}
		// A percentage is its number divided by 100.
		if w := strings.TrimSpace(s); strings.HasSuffix(w, "%") {
			if a, bad := ParseAmount(strings.TrimSuffix(w, "%")); bad == "" && !a.Shift(-2).Equal(r) {
				t.Fatalf("ParseRatio(%q) = %s, want %s", s, r, a.Shift(-2))
			}
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"是", "否", "Y", "n", "yes", "NO", "TRUE", "false", "1", "0", "√", "×", "maybe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, bad := ParseBool(s)
		if bad != "" && bad != msg.ValNotBool {
			t.Fatalf("ParseBool(%q): unexpected reason %q", s, bad)
		}
		if bad != "" && b {
			t.Fatalf("ParseBool(%q): bad input gave true", s)
		}
	})
}

func FuzzParseID(f *testing.F) {
	for _, s := range []string{"1001", " 1001 ", "1.001E3", "1001.0", "A001", "0012", "", "1e999", "１００１", "张伟",
		"\xf2ˢ", "\xf1ǲ", "'=1+1", "''-1"} { // issue 10: invalid UTF-8 before a character NFKC changes; the formula guard
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := ParseID(s)
		if id2 := ParseID(" " + s + " "); id2 != id {
			t.Fatalf("ParseID(%q) = %q but with spaces around = %q", s, id, id2)
		}
		if ParseID(id) != id {
			t.Fatalf("ParseID(%q) = %q, but ParseID(%q) = %q", s, id, id, ParseID(id))
		}
		if id != strings.TrimSpace(id) {
			t.Fatalf("ParseID(%q) = %q keeps surrounding spaces", s, id)
		}
	})
}

// readFuzz runs Read on dir with the default plan, failing on any panic and on a Read that does not return.
func readFuzz(t *testing.T, dir string) *Report {
	t.Helper()
	return readFuzzPlan(t, dir, defaultPlan)
}

// readFuzzPlan is readFuzz with the plan p.
func readFuzzPlan(t *testing.T, dir string, p *plan.Plan) *Report {
	t.Helper()
	type result struct {
		rep   *Report
		err   error
		panic any
		stack string
	}
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if r := recover(); r != nil {
				res.panic, res.stack = r, string(debug.Stack())
			}
			done <- res
		}()
		_, res.rep, res.err = Read(Options{Dir: dir, Month: october, Plan: p})
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Read did not return within 10 s")
	}
	if res.panic != nil {
		t.Fatalf("Read panicked: %v\n%s", res.panic, res.stack)
	}
	if res.err != nil {
		t.Fatalf("Read: %v", res.err)
	}
	if res.rep == nil {
		t.Fatal("nil report")
	}
	for _, i := range res.rep.Issues {
		if strings.TrimSpace(i.Message) == "" || (i.Severity != Error && i.Severity != Warning) {
			t.Fatalf("bad issue %+v", i)
		}
	}
	return res.rep
}

func FuzzReadCSV(f *testing.F) {
	base := baseFolder()
	f.Add([]byte(base["员工名册.csv"]), []byte("工单号,维修类型,服务顾问工号,接车日期,实收金额\nR1,保养,A01,2026-10-03,100\n"))
	f.Add([]byte("工号,姓名,岗位,基本工资\n1001,张伟,服务顾问,\"4,000\"\n1002,张伟,机电工,3000\n"),
		[]byte("工单号,维修类型,接待顾问,接车日期\nR1,保养,张伟,2026/10/3\nR1,喷漆,X,2026-02-30\n"))
	f.Add(withBOM("id\tname\trole\tbase_salary\tmaster_id\tapprentice_share\nA1\t甲\t机电工\t1\t\t\nA2\t乙\t机电工\t1\tA1\t30%\n"),
		[]byte("合计,,,\n"))
	f.Add(gb18030(f, "工号,姓名,岗位,基本工资,试用期\n1001,张伟,结算员,3000,是\n"), []byte("\"unterminated\n"))
	f.Add([]byte("2026年10月\n\n工號,姓名,崗位,基本工資\nA,B,C,D\n"), []byte(""))
	f.Add([]byte{0xff, 0xfe, 0, 0, '\n', ','}, []byte{0x81, 0x30, 0x81, 0x30})
	f.Fuzz(func(t *testing.T, roster, orders []byte) {
		dir := t.TempDir()
		writeFile(t, dir, "员工名册.csv", roster)
		writeFile(t, dir, "维修工单.csv", orders)
		writeFile(t, dir, "目标.csv", []byte(base["目标.csv"]))
		rep := readFuzz(t, dir)
		if !rep.HasErrors() {
			data, _, _ := Read(Options{Dir: dir, Month: october, Plan: defaultPlan})
			for _, e := range data.Employees {
				if e.ID == "" {
					t.Fatalf("no error, but an employee without id: %+v", e)
				}
			}
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	seeds := []xbook{
		{sheets: []xsheet{{name: "Sheet1", rows: [][]any{
			{"工号", "姓名", "岗位", "基本工资"},
			{1001, "张伟", "结算员", 3000},
		}}}},
		{sheets: []xsheet{
			{name: "Sheet1", merge: [][2]string{{"A1", "D1"}}, rows: [][]any{
				{"2026年10月员工名册"},
				{"工號", "姓名", "崗位", "基本工資", "试用期", "师傅工号", "徒弟分配比例"},
				{"A1", "甲", "机电工", 3000.5, true},
				{},
				{"A2", "乙", "机电工", "2,000", false, "A1", 0.3},
				{"合计", nil, nil, formula("SUM(D3:D5)")},
			}},
			{name: "填表说明", rows: [][]any{{"说明"}}},
		}},
		{date1904: true, sheets: []xsheet{
			{name: "旧", hidden: true, rows: [][]any{{"x"}}},
			{name: "员工名册", rows: [][]any{{"id", "name", "role", "base_salary"}, {"B1", "丙", "洗车工", formula("1+1")}}},
			{name: "美容销售", rows: [][]any{{"单据号", "日期", "实收金额"}, {"M1", 44836, 100}}},
		}},
	}
	for _, b := range seeds {
		f.Add(xlsxBytes(f, b))
	}
	f.Add(xlsMagic8)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "员工名册.xlsx"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		readFuzz(t, dir)
	})
}

// FuzzReadXLSXSheet fuzzes the XML of a sheet inside an intact workbook (fuzzing the zip's bytes mostly fails
// its checksums and never reaches bad XML in a valid package). Read never panics, and a sheet whose XML
// encoding/xml cannot decode is never read without an error (excelize alone would give fewer rows).
func FuzzReadXLSXSheet(f *testing.F) {
	book := xlsxBytes(f, xbook{sheets: []xsheet{{name: "员工名册", rows: [][]any{
		{"工号", "姓名", "岗位", "基本工资"},
		{"A01", "张伟", "服务顾问", 4000},
		{"A02", "李娜", "站长", 8000},
		{"A03", "王强", "机电工", 3000},
	}}}})
	var sheet string
	patchZip(f, book, roSheet, func(s string) string { sheet = s; return s })
	f.Add([]byte(sheet)) // read without an issue
	f.Add([]byte(prefixed(sheet)))
	f.Add([]byte(badCell(3, "A&B")(sheet)))
	f.Add([]byte(badCell(4, "A</x>")(sheet)))
	f.Add([]byte(strings.Replace(sheet, "<sheetData>", "<sheetData><!-- <row r=\"9\"> -->", 1)))
	f.Add([]byte(strings.Replace(sheet, "<sheetData>", "<sheetData></sheetData><sheetData>", 1)))
	f.Add([]byte(strings.Replace(sheet, `encoding="UTF-8"`, `encoding="GBK"`, 1)))
	f.Add([]byte(sheet[:len(sheet)/2]))
	cr := excelize.NewFile().CharsetReader
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		writeFile(t, dir, "员工名册.xlsx", patchZip(t, book, roSheet, func(string) string { return string(b) }))
		rep := readFuzz(t, dir)
		d := xml.NewDecoder(strings.NewReader(string(b)))
		d.CharsetReader = cr
		for {
			_, err := d.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				if !rep.HasErrors() {
					t.Fatalf("the sheet's XML is bad (%v), but no error:%s", err, issueLines(rep))
				}
				return
			}
		}
	})
}

// FuzzReadDeclared fuzzes a table a plan declares (a column of every type: 喷漆计件) and the roster with the
// plan's columns, as CSV files or (xlsx) as the declared table's only sheet of a workbook. Read never panics;
// without an error, every generic row of the table has a value per column and its source.
func FuzzReadDeclared(f *testing.F) {
	base := langFolder()
	pieces := [][]any{
		{"日期", "工單號", "工號", "項目", "件數", "金額", "備註", "返工"},
		{"2026-10-22", "RO7000", "B01", "小件", 1, 20, nil, "否"},
		{46300, 7001, "吴涛", "整板", "3", "1,234.50", "补漆", true},
	}
	f.Add([]byte(base["员工名册.csv"]), []byte(base["喷漆计件.csv"]), false)
	f.Add([]byte(base["员工名册.csv"]), []byte("日期,工单号,工号,项目,件数\n2026-13-01,R1,Z9,喷砂,0\n2026-09-01,R2,B01,整板,1\n"), false)
	f.Add(gb18030(f, "工號,姓名,崗位,基本工資,班組,個人係數\nB01,刘刚,机修组长,4000,一组,9\n"), []byte("date,emp_id,item,count\n,,,\n合计,,,1\n"), false)
	f.Add([]byte(base["员工名册.csv"]), xlsxBytes(f, xbook{sheets: []xsheet{{name: "噴漆計件", rows: pieces}}}), true)
	p := langPlan()
	f.Fuzz(func(t *testing.T, roster, table []byte, xlsx bool) {
		dir := t.TempDir()
		writeFile(t, dir, "员工名册.csv", roster)
		if xlsx {
			writeFile(t, dir, "喷漆计件.xlsx", table)
		} else {
			writeFile(t, dir, "喷漆计件.csv", table)
		}
		for _, name := range []string{"工时明细.csv", "考勤.csv", "目标.csv"} {
			writeFile(t, dir, name, []byte(base[name]))
		}
		if rep := readFuzzPlan(t, dir, p); rep.HasErrors() {
			return
		}
		data, _, _ := Read(Options{Dir: dir, Month: october, Plan: p})
		rs := data.Generic["pieces"]
		for _, r := range rs.Rows {
			if len(r.Values) != len(rs.Columns) || r.Src.Row == 0 {
				t.Fatalf("no error, but a generic row %+v of columns %v", r, rs.Columns)
			}
		}
	})
}
