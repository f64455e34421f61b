package importers

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"payout/internal/msg"
	"payout/model"
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
// around it; two invalid bytes around a dropped soft hyphen joined into one (ParseID was not idempotent).
func TestParseIDInvalidUTF8(t *testing.T) {
	for _, s := range []string{"\xf2ˢ", "\xf1ǲ", "ˢ\xf2ˢ", "\xff１", "\xc2\u00ad\xad"} {
		id := ParseID(s)
		if spaced := ParseID(" " + s + " "); spaced != id {
			t.Errorf("ParseID(%q) = %q, with spaces around %q", s, id, spaced)
		}
		if again := ParseID(id); again != id {
			t.Errorf("ParseID(%q) = %q, ParseID of that %q", s, id, again)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"\xf2ˢ", "\ufffds"},
		{"\xc2\u00ad\xad", "\ufffd\ufffd"},
	} {
		if got := ParseID(c.in); got != c.want {
			t.Errorf("ParseID(%q) = %q, want %q", c.in, got, c.want)
		}
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
	// Inputs of megabytes: parsing in quadratic time (as it once was: 4 min 47 s for 10 MB) would not end
	// within the test's timeout. The time itself is measured by BenchmarkParseAmountLong.
	for _, c := range cases {
		d, bad := ParseAmount(c.in)
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

// A long amount cell in a table: one error quoting an excerpt (value and message). Below Excel's cell limit it
// is read as a number that is too large; a 10 MB cell is refused by its length before it is parsed.
func TestReadLongCell(t *testing.T) {
	short := strings.Repeat("9", maxCellChars-1)
	huge := strings.Repeat("9", 10<<20)
	for _, c := range []struct {
		name, cell, want string
	}{
		{"under the cell limit", short, iss("维修工单.csv row 2, column 实收金额 (G2)", msg.ValTooLarge, excerpt(short))},
		{"10 MB", huge, "维修工单.csv row 2: " + fmt.Sprintf(msg.CellTooLong, "G2", len(huge), maxCellChars)},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder(baseFolder())
			f.add("维修工单.csv", "R1,保养,A01,2026-10-03,,,"+c.cell)
			f.write(t, dir)
			_, rep := read(t, dir)
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want %s; issues:%s", c.want, issueLines(rep))
			}
			for _, i := range rep.Issues {
				if len(i.Value) > 200 || len(i.Message) > 300 {
					t.Errorf("issue echoes %d bytes of value, %d of message", len(i.Value), len(i.Message))
				}
			}
		})
	}
}

// BenchmarkParseAmountLong parses a 10 MB number-looking cell (linear time: about 0.3 s).
func BenchmarkParseAmountLong(b *testing.B) {
	long := strings.Repeat("1", 10<<20)
	for b.Loop() {
		ParseAmount(long)
	}
}

func TestTableInName(t *testing.T) {
	for _, c := range []struct {
		name string
		want string   // table, "" for none
		amb  []string // ambiguous: the two tables
	}{
		{"维修工单", TRepairOrders, nil},
		{"10月维修工单", TRepairOrders, nil},
		{"工单", TRepairOrders, nil},
		{"2026-10 工单导出", TRepairOrders, nil},
		{"repair_orders_2026-10", TRepairOrders, nil},
		{"10月索赔回款", TWarrantyReceipts, nil}, // 索赔回款 holds 回款: the longest wins
		{"回款明细(10月)", TCollections, nil},
		{"员工名册(最新)", TEmployees, nil},
		{"10月员工", TEmployees, nil},
		{"考核与目标", TTargets, nil},
		{"10月維修工單", TRepairOrders, nil}, // traditional
		{"工单与回款", "", []string{TRepairOrders, TCollections}},
		{"工时明细+工单", "", []string{TLaborHours, TRepairOrders}},
		{"填表说明", "", nil},
		{"Sheet1", "", nil},
	} {
		tb, amb := TableInName(c.name)
		got := ""
		if tb != nil {
			got = tb.Name
		}
		var gotAmb []string
		for _, a := range amb {
			gotAmb = append(gotAmb, a.Name)
		}
		if got != c.want || fmt.Sprint(gotAmb) != fmt.Sprint(c.amb) {
			t.Errorf("TableInName(%q) = %q, %v; want %q, %v", c.name, got, gotAmb, c.want, c.amb)
		}
	}
}

// A DMS export whose name carries a date or a prefix is its table, as a workbook and as a CSV; a workbook
// whose sheets are named after tables is read by its sheets.
func TestReadDatedFileNames(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	delete(f, "维修工单.csv")
	delete(f, "回款.csv")
	delete(f, "目标.csv")
	f["2026年10月回款明细.csv"] = "单据号,类型,回款日期,回款金额\nC1,集团,2026-10-03,100\n"
	f.write(t, dir)
	writeXLSX(t, dir, "10月维修工单.xlsx", xbook{sheets: []xsheet{{name: "Sheet1", rows: [][]any{
		{"工单号", "维修类型", "服务顾问工号", "接车日期", "实收金额"},
		{"R1", "保养", "A01", "2026-10-03", 1684},
	}}}})
	targets := [][]any{{"指标", "范围", "目标值"}}
	for _, l := range strings.Split(strings.TrimSpace(baseFolder()["目标.csv"]), "\n")[1:] {
		c := strings.Split(l, ",")
		targets = append(targets, []any{c[0], c[1], c[2]})
	}
	writeXLSX(t, dir, "考核与目标.xlsx", xbook{sheets: []xsheet{
		{name: "车间考核", rows: [][]any{{"工号", "工作表现扣分"}}},
		{name: "目标", rows: targets},
	}})
	delete(f, "车间考核.csv")
	if err := os.Remove(filepath.Join(dir, "车间考核.csv")); err != nil {
		t.Fatal(err)
	}
	data, rep := read(t, dir)
	if len(rep.Issues) != 0 {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	if len(data.RepairOrders) != 1 || data.RepairOrders[0].Src != (model.Source{File: "10月维修工单.xlsx", Sheet: "Sheet1", Row: 2}) {
		t.Errorf("repair orders = %+v", data.RepairOrders)
	}
	if len(data.Collections) != 1 || data.Collections[0].Src.File != "2026年10月回款明细.csv" {
		t.Errorf("collections = %+v", data.Collections)
	}
	if len(data.Targets) != 5 || data.Targets[0].Src.Sheet != "目标" {
		t.Errorf("targets = %+v", data.Targets)
	}
}

// Every entry of the folder is read, or clearly not data, or an error.
func TestReadFolderEntries(t *testing.T) {
	cases := []struct {
		name string
		add  func(t *testing.T, dir string)
		want string
	}{
		{"a folder named like a table",
			func(t *testing.T, dir string) { mkdir(t, dir, "工单.csv") },
			iss("工单.csv", msg.InFolderNamedTable, TRepairOrders, "维修工单")},
		{"a folder named after a table with a date",
			func(t *testing.T, dir string) { mkdir(t, dir, "10月精品销售") },
			iss("10月精品销售", msg.InFolderNamedTable, TAccessorySales, "精品销售")},
		{"a CSV no table claims",
			func(t *testing.T, dir string) { writeFile(t, dir, "export.csv", []byte("a,b\n1,2\n")) },
			iss("export.csv", msg.InUnclaimedFile)},
		{"a workbook no table claims",
			func(t *testing.T, dir string) {
				writeXLSX(t, dir, "export.xlsx", xbook{sheets: []xsheet{{name: "Sheet1", rows: [][]any{{"a"}}}}})
			},
			iss("export.xlsx", msg.InUnclaimedFile)},
		{"a text table no table claims",
			func(t *testing.T, dir string) { writeFile(t, dir, "export.txt", []byte("a\tb\n1\t2\n")) },
			iss("export.txt", msg.InUnclaimedFile)},
		{"a file of another kind",
			func(t *testing.T, dir string) { writeFile(t, dir, "data.json", []byte("{}")) },
			iss("data.json", msg.InUnclaimedFile)},
		{"a backup named after a table",
			func(t *testing.T, dir string) { writeFile(t, dir, "维修工单.csv.bak", []byte("x")) },
			iss("维修工单.csv.bak", msg.InWrongFormat, TRepairOrders, ".bak")},
		{"a name of two tables",
			func(t *testing.T, dir string) { writeFile(t, dir, "工时明细与工单.csv", []byte("x")) },
			iss("工时明细与工单.csv", msg.InNameAmbiguous, TLaborHours, "工时明细", TRepairOrders, "维修工单")},
		{"a sheet named after two tables",
			func(t *testing.T, dir string) {
				writeXLSX(t, dir, "2026-10.xlsx", xbook{sheets: []xsheet{{name: "工单与回款", rows: [][]any{{"a"}}}}})
			},
			iss("2026-10.xlsx [工单与回款]", msg.InNameAmbiguous, TRepairOrders, "维修工单", TCollections, "回款")},
		{"a table found twice through dated names",
			func(t *testing.T, dir string) {
				writeFile(t, dir, "10月维修工单.csv", []byte(baseFolder()["维修工单.csv"]))
			},
			iss("维修工单.csv", msg.InAmbiguous, TRepairOrders, "10月维修工单.csv", "维修工单.csv")},
		{"a CSV over the size limit",
			func(t *testing.T, dir string) { sparse(t, dir, "10月工时.csv", MaxCSVSize+1) },
			iss("10月工时.csv", msg.InTooLarge, 201, 200, msg.KindCSV)},
		{"a workbook over the size limit",
			func(t *testing.T, dir string) { sparse(t, dir, "10月保险定损.xlsx", MaxXLSXSize+5<<20) },
			iss("10月保险定损.xlsx", msg.InTooLarge, 133, 128, msg.KindWorkbook)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			folder(baseFolder()).write(t, dir)
			c.add(t, dir)
			_, rep := read(t, dir)
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want error %s; issues:%s", c.want, issueLines(rep))
			}
		})
	}
}

func mkdir(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
		t.Fatal(err)
	}
}

// sparse makes a file of size bytes that takes no room on disk.
func sparse(t *testing.T, dir, name string, size int64) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
}

// A capReader ends with an error, never quietly, at the byte past its limit.
func TestCapReader(t *testing.T) {
	b, err := io.ReadAll(newCapReader(strings.NewReader("0123456789"), 10))
	if err != nil || string(b) != "0123456789" {
		t.Errorf("at the limit: %q, %v", b, err)
	}
	_, err = io.ReadAll(newCapReader(strings.NewReader("0123456789x"), 10))
	if err == nil || err.Error() != fmt.Sprintf(msg.InGrewTooLarge, 0) {
		t.Errorf("past the limit: %v", err)
	}
}

// A CSV's encoding is the one most of its lines are in; a line of the other is an error naming its row, and
// a file that is not text says so.
func TestReadCSVMixedEncodings(t *testing.T) {
	header := "工号,姓名,岗位,基本工资\n"
	cases := []struct {
		name string
		file []byte
		want string // the error, "" when the file reads clean
		ids  int
	}{
		{name: "UTF-8 without BOM, one GBK row",
			file: cat([]byte(header+"1001,张伟,结算员,3000\n1002,李娜,结算员,3000\n"), gb18030(t, "1003,王强,结算员,3000\n")),
			want: iss("员工名册.csv row 4", msg.CSVBadUTF8, "B4")},
		{name: "GB18030, one UTF-8 row",
			file: cat(gb18030(t, header+"1001,张伟,结算员,3000\n1002,李娜,结算员,3000\n"), []byte("1003,王强,结算员,3000\n")),
			want: iss("员工名册.csv row 4", msg.CSVUTF8InGB)},
		{name: "GB18030 whose one row is valid UTF-8 by chance (郑伟 in GBK is D6A3 CEB0)",
			file: gb18030(t, header+"1001,张伟,结算员,3000\n1002,郑伟,settlement_clerk,3000\n1003,李娜,结算员,3000\n"),
			ids:  3},
		{name: "GB18030, rows of one valid-UTF-8 name only",
			file: gb18030(t, "id,name,role,base_salary\n1001,郑伟,settlement_clerk,3000\n1002,卢强,settlement_clerk,3000\n1003,张伟,settlement_clerk,3000\n"),
			ids:  3},
		{name: "binary bytes",
			file: []byte("\x00\x01\x02PK\x03\x04\n\x00\x00"),
			want: iss("员工名册.csv row 1", msg.CSVNotText)},
		{name: "UTF-16 without its byte order mark",
			file: []byte(utf16le(header + "1001,张伟,结算员,3000\n"))[2:],
			want: iss("员工名册.csv row 1", msg.CSVNotText)},
		{name: "neither UTF-8 nor GB18030",
			file: []byte("\x80\x80\x80,\xff\xff\n\x80\xff\n"),
			want: iss("员工名册.csv row 1", msg.CSVNoEncoding)},
		{name: "GB18030 with a row of neither",
			file: cat(gb18030(t, header+"1001,张伟,结算员,3000\n"), []byte("1002,\x80\xff,x,1\n")),
			want: iss("员工名册.csv row 3", msg.CSVBadGB)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "员工名册.csv", c.file)
			data, rep := read(t, dir)
			if c.want == "" {
				if rep.HasErrors() || len(data.Employees) != c.ids {
					t.Errorf("employees %+v; issues:%s", data.Employees, issueLines(rep))
				}
				names := ""
				for _, e := range data.Employees {
					names += e.Name + " "
				}
				if !strings.Contains(names, "郑伟") || !strings.Contains(names, "张伟") {
					t.Errorf("names read: %s", names)
				}
				return
			}
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want %s; issues:%s", c.want, issueLines(rep))
			}
		})
	}
}

func cat(b ...[]byte) []byte { return bytes.Join(b, nil) }

// DecodeCSV (what payout correct appends in) finds the encoding as the reader does.
func TestDecodeCSVMajority(t *testing.T) {
	utf8Rows := "工号,类型,奖金池,数值,原因,审批人\nA01,奖励,,100,表现好,A02\nA02,奖励,,100,表现好,A02\n"
	_, enc, _ := DecodeCSV(cat([]byte(utf8Rows), gb18030(t, "A03,奖励,,100,表现好,A02\n")))
	if enc != EncUTF8 {
		t.Errorf("UTF-8 with a GBK row: %v", enc)
	}
	text, enc, _ := DecodeCSV(gb18030(t, utf8Rows))
	if enc != EncGB18030 || string(text) != utf8Rows {
		t.Errorf("GB18030: %v %q", enc, text)
	}
}

// A date typed a year wrong is warned about at its cell; rows set aside are listed by number.
func TestReadFarDates(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f.add("维修工单.csv",
		"R1,保养,A01,2026-09-28,2025-10-20,,1684", // row 2: settled a year early: set aside
		"R2,保养,A01,2026-08-31,2026-10-02,,100",  // row 3: received 2 months before: no warning, counted
		"R3,保养,A01,2026-09-30,2027-01-01,,100",  // row 4: settled 3 months after
	)
	for i := 1; i <= 7; i++ {
		f.add("续保.csv", fmt.Sprintf("P%d,A01,2025-10-%02d,100", i, i)) // rows 2–8
	}
	f.write(t, dir)
	data, rep := read(t, dir)
	want := []string{
		iss("维修工单.csv row 2, column 结算日期 (E2)", msg.ValDateFarBefore, "2025-10-20", 12, october),
		iss("维修工单.csv row 4, column 结算日期 (E4)", msg.ValDateFarAfter, "2027-01-01", 3, october),
		iss("续保.csv row 2, column 日期 (C2)", msg.ValDateFarBefore, "2025-10-01", 12, october),
		iss("续保.csv row 6, column 日期 (C6)", msg.ValDateFarBefore, "2025-10-05", 12, october),
		iss("续保.csv", msg.InFarDatesMore, 2, 7, 2, october),
		iss("维修工单.csv", msg.InOutsideMonth, 2, october, "rows 2, 4"),
		iss("续保.csv", msg.InOutsideMonth, 7, october, "rows 2, 3, 4, 5, 6 and 2 more"),
	}
	for _, w := range want {
		if !hasIssue(rep, Warning, w) {
			t.Errorf("want warning %s", w)
		}
	}
	if hasIssue(rep, Warning, iss("续保.csv row 7, column 日期 (C7)", msg.ValDateFarBefore, "2025-10-06", 12, october)) {
		t.Errorf("more than %d far dates listed", maxFarListed)
	}
	if t.Failed() {
		t.Logf("issues:%s", issueLines(rep))
	}
	if len(data.RepairOrders) != 1 || data.RepairOrders[0].RONo != "R2" {
		t.Errorf("repair orders = %+v", data.RepairOrders)
	}
}

func TestRowList(t *testing.T) {
	for _, c := range []struct {
		listed []int
		count  int
		want   string
	}{
		{[]int{3}, 1, "row 3"},
		{[]int{3, 17}, 2, "rows 3, 17"},
		{[]int{3, 4, 5, 6, 7}, 55, "rows 3, 4, 5, 6, 7 and 50 more"},
	} {
		if got := rowList(c.listed, c.count); got != c.want {
			t.Errorf("rowList(%v, %d) = %q, want %q", c.listed, c.count, got, c.want)
		}
	}
}
