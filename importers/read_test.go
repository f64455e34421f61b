package importers

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// ---------------------------------------------------------------------------------------------------------
// Building input folders from Go values.

var october = model.Month{Year: 2026, Month: time.October}

// Cell values of xsheet rows. Plain Go values are written with SetCellValue (string → text cell, int/float →
// numeric cell, bool → boolean cell, time.Time → date serial with a date format); nil leaves the cell empty.
type (
	// formula is a formula cell written without a cached value (as a program that never opened Excel does).
	formula string
	// styled is a numeric value shown with a number format (e.g. 4 = #,##0.00): it must be read by its
	// stored value, not by what is displayed.
	styled struct {
		v      any
		numFmt int
	}
)

// xsheet is one worksheet: rows[i] is Excel row i+1; an empty row is left out of the file entirely.
type xsheet struct {
	name   string
	rows   [][]any
	hidden bool
	merge  [][2]string // merged ranges, e.g. {"A1", "H1"}
}

// xbook is a workbook to write.
type xbook struct {
	sheets   []xsheet
	date1904 bool
}

// xlsxBytes builds a workbook in normal mode and returns its bytes.
func xlsxBytes(t testing.TB, b xbook) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if b.date1904 {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			t.Fatal(err)
		}
	}
	active := -1
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		if !s.hidden && active < 0 {
			active = i
		}
	}
	if active >= 0 {
		f.SetActiveSheet(active)
	}
	styles := map[int]int{}
	for _, s := range b.sheets {
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					t.Fatal(err)
				}
				switch v := v.(type) {
				case formula:
					err = f.SetCellFormula(s.name, ref, string(v))
				case styled:
					if err = f.SetCellValue(s.name, ref, v.v); err == nil {
						id, ok := styles[v.numFmt]
						if !ok {
							id, err = f.NewStyle(&excelize.Style{NumFmt: v.numFmt})
							styles[v.numFmt] = id
						}
						if err == nil {
							err = f.SetCellStyle(s.name, ref, ref, id)
						}
					}
				default:
					err = f.SetCellValue(s.name, ref, v)
				}
				if err != nil {
					t.Fatalf("sheet %s %s: %v", s.name, ref, err)
				}
			}
		}
		for _, m := range s.merge {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, s := range b.sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeXLSX(t testing.TB, dir, name string, b xbook) {
	t.Helper()
	writeFile(t, dir, name, xlsxBytes(t, b))
}

func writeFile(t testing.TB, dir, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// csvText renders records as CSV (quoting as needed).
func csvText(t testing.TB, recs ...[]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// gb18030 encodes UTF-8 text as GB18030 (what Chinese Excel writes for "CSV").
func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func withBOM(s string) []byte { return append([]byte("\xef\xbb\xbf"), s...) }

// read reads dir for October 2026 with the default plan. A panic of Read is reported as a test failure
// (with its stack) instead of killing the test binary.
func read(t testing.TB, dir string) (*model.MonthData, *Report) {
	t.Helper()
	data, rep, err, p := readSafely(dir)
	if p != "" {
		t.Fatalf("Read panicked: %s", p)
	}
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if rep == nil || data == nil {
		t.Fatal("Read returned nil data or report")
	}
	return data, rep
}

var defaultPlan = plan.Default().Plan

func readSafely(dir string) (data *model.MonthData, rep *Report, err error, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprintf("%v\n%s", r, debug.Stack())
		}
	}()
	data, rep, err = Read(Options{Dir: dir, Month: october, Plan: defaultPlan})
	return
}

func issueLines(rep *Report) string {
	var b strings.Builder
	for _, i := range rep.Issues {
		fmt.Fprintf(&b, "\n  %-7s %s", i.Severity, i.String())
	}
	if b.Len() == 0 {
		return " (none)"
	}
	return b.String()
}

// hasIssue reports whether the report holds an issue with exactly this text and severity.
func hasIssue(rep *Report, sev Severity, text string) bool {
	for _, i := range rep.Issues {
		if i.Severity == sev && i.String() == text {
			return true
		}
	}
	return false
}

// iss renders an expected issue: its location and the message made from a msg format.
func iss(loc, format string, a ...any) string {
	m := fmt.Sprintf(format, a...)
	if loc == "" {
		return m
	}
	return loc + ": " + m
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func eqDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// ---------------------------------------------------------------------------------------------------------
// A good month: every table, CSV in three encodings and workbooks as DMS and WPS write them.

func writeGoodMonth(t *testing.T, dir string) {
	t.Helper()
	// The roster: workbook named after the table; a hidden old sheet first, the data on the first visible
	// sheet, an instructions sheet after it. Title row merged over the columns, traditional and English
	// headers, an unknown column, numeric ids, numeric and text salaries, real boolean cells, a blank row and a
	// total row.
	writeXLSX(t, dir, "员工名册.xlsx", xbook{sheets: []xsheet{
		{name: "旧名册", hidden: true, rows: [][]any{
			{"工号", "姓名", "岗位", "基本工资"},
			{"9999", "离职", "厨师", "x"},
		}},
		{name: "Sheet1", merge: [][2]string{{"A1", "I1"}}, rows: [][]any{
			{"2026年10月员工名册"},
			{"工號", "姓名", "岗位", "基本工資", "試用期", "師傅工號", "徒弟分配比例", "department", "备注"},
			{1001, "张伟", "服务顾问", 4000, false, nil, nil, "售后", "组长"},
			{1002, "李娜", "前台主管", 4500.5, "否", nil, nil, "售后"},
			{},
			{1003, "王芳", "精品销售", "3,000.00", "N", nil, nil, "售后"},
			{1004, "刘强", "机电工", styled{3000, 4}, nil, nil, nil, "车间"},
			{1005, "陈杰", "機電工", 2000, "否", 1004, 0.3, "车间"},
			{1006, "杨洋", "洗车工", 2000, nil, nil, nil, "美容"},
			{1007, "赵敏", "站长", 8000, nil, nil, nil, "售后"},
			{1008, "孙丽", "油漆工", 3000, nil, nil, nil, "车间"},
			{1009, "周涛", "保险业务经理", 5000, nil, nil, nil, "保险"},
			{"A010", " 吴刚 ", "fleet_dev", 4000, true, nil, nil, "售后"},
			{"合计", nil, nil, 38500.5},
		}},
		{name: "填表说明", rows: [][]any{
			{"工号", "姓名", "岗位", "基本工资"},
			{"填写说明：每人一行", "", "不存在的岗位", "abc"},
		}},
	}})

	// Repair orders as the DMS exports them: title row, traditional headers, an unknown column, dates as
	// date cells, serials and text, an amount shown as #,##0.00, a name instead of an advisor id, a blank
	// row and a total row.
	writeXLSX(t, dir, "维修工单.xlsx", xbook{sheets: []xsheet{{name: "Sheet1", merge: [][2]string{{"A1", "L1"}},
		rows: [][]any{
			{"2026年10月维修结算明细"},
			{"工單號", "維修類型", "接待顧問", "接車日期", "結算日期", "出廠日期", "實收金額", "定審金額", "車主自付", "定審日期", "毛利", "車架號"},
			{"RO001", "保养", "张伟", time.Date(2026, 10, 2, 9, 30, 0, 0, time.UTC), 46298, nil, styled{1234.5, 4}, nil, nil, nil, 300.25, "LSVAA4182E2123456"},
			{"RO002", "事故车", 1002, "2026/9/20", nil, "2026-10-05", 0, 20000, 1500.5, "2026年10月8日", 5000},
			{"RO003", "首保", nil, "2026.10.10", "2026-10-11 14:22:05", nil, "¥1,200.00"},
			{},
			{"RO004", "保养", 1001, "2026-09-01", "2026-09-02", nil, 500},
			{"合计", nil, nil, nil, nil, nil, 2934.5},
		}}}})

	// Warranty receipts: UTF-8 CSV with a BOM.
	writeFile(t, dir, "索赔回款.csv", withBOM(csvText(t,
		[]string{"索赔单号", "回款日期", "回款金额", "工单号"},
		[]string{"W1", "2026-10-15", "800", "RO003"},
		[]string{"W0", "2026-09-15", "100", ""},
	)))

	// Collections: GB18030 CSV with the canonical English headers.
	writeFile(t, dir, "回款.csv", gb18030(t, csvText(t,
		[]string{"doc_no", "kind", "receipt_date", "amount"},
		[]string{"C1", "集团", "2026/10/20", "10,000.00"},
		[]string{"C2", "理赔", "2026-10-21", "5000"},
		[]string{"C3", "保险", "2026-11-01", "100"},
	)))

	// Accessory sales: plain UTF-8 CSV, an unknown column, one doc with two items, another department's gift.
	writeFile(t, dir, "精品销售.csv", []byte(csvText(t,
		[]string{"单据号", "品名", "销售日期", "销售人工号", "销售部门", "类别", "标价金额", "实收金额", "车间加装", "赠送", "备注"},
		[]string{"S1", "贴膜", "2026-10-05", "1003", "售后", "精品", "1000", "900", "是", "否", "x"},
		[]string{"S1", "脚垫", "2026-10-05", "1001", "售后", "养护品", "200", "200", "", "", ""},
		[]string{"S2", "香水", "2026-10-06", "", "销售部", "通用", "100", "0", "否", "是", ""},
		[]string{"S3", "贴膜", "2026-09-30", "1003", "售后", "精品", "1000", "900", "", "", ""},
	)))

	// Labour hours: full-width headers, a name instead of an id.
	writeFile(t, dir, "工时明细.csv", []byte(csvText(t,
		[]string{"ｔｅｃｈ＿ｉｄ", "日期", "工时", "材料费", "工单号"},
		[]string{"1004", "2026-10-03", "320", "", "RO001"},
		[]string{"1005", "2026-10-04", "200", "", "RO001"},
		[]string{"刘强", "2026-10-05", "10.5", "", ""},
		[]string{"1008", "2026-10-06", "150", "7000", "RO002"},
		[]string{"1004", "2026-09-28", "50", "", ""},
	)))

	// Washes: a full-width header 用时（分钟）, tab-separated.
	writeFile(t, dir, "洗车记录.csv", []byte("日期\t洗车工工号\t车牌\t用时（分钟）\n"+
		"2026-10-01\t1006\t粤A12345\t12\n"+
		"2026-10-02\t杨洋\t粤B00001\t\n"+
		"2026-09-30\t1006\t粤C00001\t12\n"))

	writeFile(t, dir, "美容销售.csv", []byte("单据号,日期,实收金额\nB1,2026-10-01,300\nB2,2026-08-01,50\n"))
	writeFile(t, dir, "保险定损.csv", []byte("单据号,业务员工号,审批日期,审批金额\nI1,1009,2026-10-10,60000\nI2,1009,2026-09-10,1\n"))
	// Same month of another year is outside the month.
	writeFile(t, dir, "续保.csv", []byte("保单号,销售人工号,日期,返点毛利\nP1,1001,2026-10-12,-200\nP2,1001,2025-10-12,100\n"))
	writeFile(t, dir, "投诉与违规.csv", []byte("工号,日期,类型,属实,说明\n1001,2026-10-07,客户投诉,是,态度\n1006,2026-10-08,洗车超时,,\n1006,2026-09-08,洗车投诉,,\n"))
	writeFile(t, dir, "调整.csv", []byte("工号,类型,奖金池,数值,原因,审批人\n"+
		"1001,系数,业务接待组,0.5,表现突出,1007\n"+
		"1004,奖励,,200,加班,1007\n"+
		"1006,扣款,,50,迟到,赵敏\n"))

	// Targets and scores as sheets of one workbook that is not named after a table; its instructions sheet
	// is ignored. The targets sheet has a traditional name.
	writeXLSX(t, dir, "考核与目标.xlsx", xbook{sheets: []xsheet{
		{name: "目標", rows: [][]any{
			{"指标", "范围", "目标值"},
			{"维修产值", "业务接待组", 100000},
			{"毛利润", "业务接待", 30000},
			{"intake_count", "advisor", 200},
			{"售後產值", "售后管理", 150000},
			{"保险回款", "理赔组", 50000},
			{"精品销售额", "王芳", 20000},
		}},
		{name: "车间考核", rows: [][]any{
			{"工号", "工作表现扣分", "生产质量扣分", "车间车身环境扣分", "团队精神扣分"},
			{1004, 10, 5, nil, "0"},
			{1005, nil, nil, nil, nil},
		}},
		{name: "接待考核", rows: [][]any{
			{"工号", "考核分"},
			{1001, 98},
			{1002, 95.5},
		}},
		{name: "填表说明", rows: [][]any{{"指标", "范围", "目标值"}, {"乱写", "乱写", "-1"}}},
	}})
}

func TestReadGoodMonth(t *testing.T) {
	dir := t.TempDir()
	writeGoodMonth(t, dir)
	data, rep := read(t, dir)

	// Only the rows-outside-the-month warnings, one per dated table, and the renewal dated a year early.
	wantWarnings := []string{
		iss("续保.csv row 3, column 日期 (C3)", msg.ValDateFarBefore, "2025-10-12", 12, october),
		iss("维修工单.xlsx [Sheet1]", msg.InOutsideMonth, 1, october, "row 7"),
		iss("索赔回款.csv", msg.InOutsideMonth, 1, october, "row 3"),
		iss("回款.csv", msg.InOutsideMonth, 1, october, "row 4"),
		iss("精品销售.csv", msg.InOutsideMonth, 1, october, "row 5"),
		iss("工时明细.csv", msg.InOutsideMonth, 1, october, "row 6"),
		iss("洗车记录.csv", msg.InOutsideMonth, 1, october, "row 4"),
		iss("美容销售.csv", msg.InOutsideMonth, 1, october, "row 3"),
		iss("保险定损.csv", msg.InOutsideMonth, 1, october, "row 3"),
		iss("续保.csv", msg.InOutsideMonth, 1, october, "row 3"),
		iss("投诉与违规.csv", msg.InOutsideMonth, 1, october, "row 4"),
	}
	var got []string
	for _, i := range rep.Issues {
		if i.Severity != Warning {
			continue
		}
		got = append(got, i.String())
	}
	sort.Strings(got)
	sort.Strings(wantWarnings)
	if rep.HasErrors() || strings.Join(got, "\n") != strings.Join(wantWarnings, "\n") {
		t.Fatalf("issues:%s\nwant no errors and exactly the warnings:\n  %s", issueLines(rep), strings.Join(wantWarnings, "\n  "))
	}

	// Tables: where each was found, rows read (blank and total rows excluded) and rows set aside.
	type tinfo struct {
		file, sheet   string
		rows, outside int
	}
	wantTables := map[string]tinfo{
		TEmployees:        {"员工名册.xlsx", "Sheet1", 10, 0},
		TRepairOrders:     {"维修工单.xlsx", "Sheet1", 4, 1},
		TWarrantyReceipts: {"索赔回款.csv", "", 2, 1},
		TCollections:      {"回款.csv", "", 3, 1},
		TAccessorySales:   {"精品销售.csv", "", 4, 1},
		TLaborHours:       {"工时明细.csv", "", 5, 1},
		TWashes:           {"洗车记录.csv", "", 3, 1},
		TBeautySales:      {"美容销售.csv", "", 2, 1},
		TInsuranceClaims:  {"保险定损.csv", "", 2, 1},
		TRenewals:         {"续保.csv", "", 2, 1},
		TTargets:          {"考核与目标.xlsx", "目標", 6, 0},
		TWorkshopScores:   {"考核与目标.xlsx", "车间考核", 2, 0},
		TAdvisorScores:    {"考核与目标.xlsx", "接待考核", 2, 0},
		TIncidents:        {"投诉与违规.csv", "", 3, 1},
		TAdjustments:      {"调整.csv", "", 3, 0},
	}
	if len(data.Tables) != len(Tables) {
		t.Errorf("Tables has %d entries, want %d", len(data.Tables), len(Tables))
	}
	for i, ti := range data.Tables {
		if i < len(Tables) && ti.Table != Tables[i].Name {
			t.Errorf("Tables[%d] = %s, want %s (table order)", i, ti.Table, Tables[i].Name)
		}
		if ti.Table == TFundSpending {
			if !ti.Missing {
				t.Errorf("table fund_spending should be missing (this month has none): %+v", ti)
			}
			continue
		}
		w, ok := wantTables[ti.Table]
		if !ok {
			t.Errorf("unexpected table %s", ti.Table)
			continue
		}
		g := tinfo{ti.File, ti.Sheet, ti.Rows, ti.OutsideMonth}
		if g != w || ti.Missing {
			t.Errorf("table %s = %+v (missing %v), want %+v", ti.Table, g, ti.Missing, w)
		}
	}
	var files []string
	for _, f := range data.Files {
		files = append(files, f.Name)
		if len(f.SHA256) != 64 || f.Size <= 0 {
			t.Errorf("file %s: sha %q size %d", f.Name, f.SHA256, f.Size)
		}
	}
	wantFiles := []string{"保险定损.csv", "员工名册.xlsx", "回款.csv", "工时明细.csv", "投诉与违规.csv", "索赔回款.csv",
		"精品销售.csv", "美容销售.csv", "续保.csv", "维修工单.xlsx", "考核与目标.xlsx", "调整.csv", "洗车记录.csv"}
	sort.Strings(wantFiles)
	if strings.Join(files, ",") != strings.Join(wantFiles, ",") {
		t.Errorf("Files = %v, want %v", files, wantFiles)
	}

	// Employees.
	type emp struct {
		id, name, role string
		base           string
		probation      bool
		master, share  string
		dept           string
		row            int
	}
	wantEmps := []emp{
		{"1001", "张伟", "advisor", "4000", false, "", "", "售后", 3},
		{"1002", "李娜", "front_desk_supervisor", "4500.5", false, "", "", "售后", 4},
		{"1003", "王芳", "accessory_sales", "3000", false, "", "", "售后", 6},
		{"1004", "刘强", "mechanic", "3000", false, "", "", "车间", 7},
		{"1005", "陈杰", "mechanic", "2000", false, "1004", "0.3", "车间", 8},
		{"1006", "杨洋", "washer", "2000", false, "", "", "美容", 9},
		{"1007", "赵敏", "station_manager", "8000", false, "", "", "售后", 10},
		{"1008", "孙丽", "painter", "3000", false, "", "", "车间", 11},
		{"1009", "周涛", "insurance_manager", "5000", false, "", "", "保险", 12},
		{"A010", "吴刚", "fleet_dev", "4000", true, "", "", "售后", 13},
	}
	if len(data.Employees) != len(wantEmps) {
		t.Fatalf("%d employees, want %d: %+v", len(data.Employees), len(wantEmps), data.Employees)
	}
	for i, w := range wantEmps {
		e := data.Employees[i]
		if e.ID != w.id || e.Name != w.name || e.Role != w.role || e.Probation != w.probation ||
			e.MasterID != w.master || e.Department != w.dept {
			t.Errorf("employee %d = %+v, want %+v", i, e, w)
		}
		eqDec(t, "base salary of "+w.id, e.BaseSalary, w.base)
		if (w.share != "") != e.HasShare {
			t.Errorf("employee %s HasShare = %v", w.id, e.HasShare)
		}
		if w.share != "" {
			eqDec(t, "share of "+w.id, e.ApprenticeShare, w.share)
		}
		if want := (model.Source{File: "员工名册.xlsx", Sheet: "Sheet1", Row: w.row}); e.Src != want {
			t.Errorf("employee %s source = %+v, want %+v", w.id, e.Src, want)
		}
	}

	// Repair orders: every order that counts in some figure of the month; RO004 (all dates in September)
	// is set aside.
	if len(data.RepairOrders) != 3 {
		t.Fatalf("repair orders: %+v", data.RepairOrders)
	}
	ro := data.RepairOrders[0]
	if ro.RONo != "RO001" || ro.Type != "保养" || ro.Category != plan.CatCustomer || ro.AdvisorID != "1001" ||
		ro.Received != date(2026, 10, 2) || ro.Settled != date(2026, 10, 3) || !ro.Delivered.IsZero() || !ro.Approved.IsZero() {
		t.Errorf("RO001 = %+v", ro)
	}
	eqDec(t, "RO001 paid", ro.PaidAmount, "1234.5")
	eqDec(t, "RO001 gross profit", ro.GrossProfit, "300.25")
	if want := (model.Source{File: "维修工单.xlsx", Sheet: "Sheet1", Row: 3}); ro.Src != want {
		t.Errorf("RO001 source = %+v, want %+v", ro.Src, want)
	}
	ro = data.RepairOrders[1]
	if ro.RONo != "RO002" || ro.Category != plan.CatAccident || ro.AdvisorID != "1002" || ro.Received != date(2026, 9, 20) ||
		!ro.Settled.IsZero() || ro.Delivered != date(2026, 10, 5) || ro.Approved != date(2026, 10, 8) || ro.Src.Row != 4 {
		t.Errorf("RO002 = %+v", ro)
	}
	eqDec(t, "RO002 approved", ro.ApprovedAmount, "20000")
	eqDec(t, "RO002 self pay", ro.SelfPay, "1500.5")
	eqDec(t, "RO002 paid", ro.PaidAmount, "0")
	ro = data.RepairOrders[2]
	if ro.RONo != "RO003" || ro.Category != plan.CatWarranty || ro.AdvisorID != "" || ro.Received != date(2026, 10, 10) ||
		ro.Settled != date(2026, 10, 11) || ro.Src.Row != 5 {
		t.Errorf("RO003 = %+v", ro)
	}
	eqDec(t, "RO003 paid", ro.PaidAmount, "1200")

	// Warranty receipts (BOM CSV).
	if len(data.WarrantyReceipts) != 1 || data.WarrantyReceipts[0].ClaimNo != "W1" || data.WarrantyReceipts[0].RONo != "RO003" ||
		data.WarrantyReceipts[0].Date != date(2026, 10, 15) || data.WarrantyReceipts[0].Src != (model.Source{File: "索赔回款.csv", Row: 2}) {
		t.Errorf("warranty receipts = %+v", data.WarrantyReceipts)
	} else {
		eqDec(t, "W1 amount", data.WarrantyReceipts[0].Amount, "800")
	}

	// Collections (GB18030, English headers).
	if len(data.Collections) != 2 {
		t.Fatalf("collections = %+v", data.Collections)
	}
	if c := data.Collections[0]; c.DocNo != "C1" || c.Kind != plan.KindFleet || c.Date != date(2026, 10, 20) || c.Src.Row != 2 {
		t.Errorf("C1 = %+v", c)
	}
	eqDec(t, "C1 amount", data.Collections[0].Amount, "10000")
	if c := data.Collections[1]; c.DocNo != "C2" || c.Kind != plan.KindInsurance || c.Src.Row != 3 {
		t.Errorf("C2 = %+v", c)
	}

	// Accessory sales.
	if len(data.AccessorySales) != 3 {
		t.Fatalf("accessory sales = %+v", data.AccessorySales)
	}
	a := data.AccessorySales[0]
	if a.DocNo != "S1" || a.Item != "贴膜" || a.SellerID != "1003" || a.SellerDept != plan.DeptAftersales ||
		a.Category != plan.CategoryAccessory || !a.Installed || a.Gift || a.Date != date(2026, 10, 5) || a.Src.Row != 2 {
		t.Errorf("S1 贴膜 = %+v", a)
	}
	eqDec(t, "S1 list", a.ListAmount, "1000")
	eqDec(t, "S1 paid", a.PaidAmount, "900")
	if a := data.AccessorySales[1]; a.Item != "脚垫" || a.SellerID != "1001" || a.Category != plan.CategoryCare || a.Installed || a.Gift {
		t.Errorf("S1 脚垫 = %+v", a)
	}
	if a := data.AccessorySales[2]; a.DocNo != "S2" || a.SellerID != "" || a.SellerDept != plan.DeptSales ||
		a.Category != plan.CategoryGeneric || !a.Gift || a.Installed {
		t.Errorf("S2 = %+v", a)
	}

	// Labour hours: a name resolved to the id.
	if len(data.LaborHours) != 4 {
		t.Fatalf("labour hours = %+v", data.LaborHours)
	}
	for i, w := range []struct{ id, hours, mat string }{{"1004", "320", "0"}, {"1005", "200", "0"}, {"1004", "10.5", "0"}, {"1008", "150", "7000"}} {
		h := data.LaborHours[i]
		if h.TechID != w.id || h.Src.Row != i+2 {
			t.Errorf("hours %d = %+v, want tech %s", i, h, w.id)
		}
		eqDec(t, "hours", h.Hours, w.hours)
		eqDec(t, "material", h.MaterialCost, w.mat)
	}

	// Washes (tab-separated).
	if len(data.Washes) != 2 {
		t.Fatalf("washes = %+v", data.Washes)
	}
	if w := data.Washes[0]; w.WasherID != "1006" || w.Plate != "粤A12345" || !w.HasMinutes || !w.Minutes.Equal(dec("12")) || w.Src.Row != 2 {
		t.Errorf("wash 0 = %+v", w)
	}
	if w := data.Washes[1]; w.WasherID != "1006" || w.HasMinutes || w.Src.Row != 3 {
		t.Errorf("wash 1 = %+v", w)
	}

	if len(data.BeautySales) != 1 || data.BeautySales[0].DocNo != "B1" || !data.BeautySales[0].Amount.Equal(dec("300")) {
		t.Errorf("beauty sales = %+v", data.BeautySales)
	}
	if len(data.InsuranceClaims) != 1 || data.InsuranceClaims[0].AgentID != "1009" || !data.InsuranceClaims[0].ApprovedAmount.Equal(dec("60000")) ||
		data.InsuranceClaims[0].ApprovedDate != date(2026, 10, 10) {
		t.Errorf("insurance claims = %+v", data.InsuranceClaims)
	}
	if len(data.Renewals) != 1 || data.Renewals[0].PolicyNo != "P1" || !data.Renewals[0].RebateProfit.Equal(dec("-200")) {
		t.Errorf("renewals = %+v", data.Renewals)
	}

	// Targets: metric and pool aliases (simplified, traditional, English), a seller named instead of numbered.
	wantTargets := []struct{ metric, scope, target string }{
		{"repair_output", "advisor", "100000"},
		{"gross_profit", "advisor", "30000"},
		{"intake_count", "advisor", "200"},
		{"aftersales_output", "aftersales_mgmt", "150000"},
		{"insurance_collections", "claims", "50000"},
		{"accessory_sales", "1003", "20000"},
	}
	if len(data.Targets) != len(wantTargets) {
		t.Fatalf("targets = %+v", data.Targets)
	}
	for i, w := range wantTargets {
		g := data.Targets[i]
		if g.Metric != w.metric || g.Scope != w.scope || !g.Target.Equal(dec(w.target)) ||
			g.Src != (model.Source{File: "考核与目标.xlsx", Sheet: "目標", Row: i + 2}) {
			t.Errorf("target %d = %+v, want %+v", i, g, w)
		}
	}

	if len(data.WorkshopScores) != 2 || data.WorkshopScores[0].EmpID != "1004" || !data.WorkshopScores[0].Points().Equal(dec("15")) ||
		!data.WorkshopScores[1].Points().IsZero() {
		t.Errorf("workshop scores = %+v", data.WorkshopScores)
	}
	if len(data.AdvisorScores) != 2 || data.AdvisorScores[1].EmpID != "1002" || !data.AdvisorScores[1].Score.Equal(dec("95.5")) {
		t.Errorf("advisor scores = %+v", data.AdvisorScores)
	}

	// Incidents: verified defaults to true.
	if len(data.Incidents) != 2 {
		t.Fatalf("incidents = %+v", data.Incidents)
	}
	if i := data.Incidents[0]; i.EmpID != "1001" || i.Kind != plan.IncComplaint || !i.Verified || i.Note != "态度" {
		t.Errorf("incident 0 = %+v", i)
	}
	if i := data.Incidents[1]; i.EmpID != "1006" || i.Kind != plan.IncWashOvertime || !i.Verified {
		t.Errorf("incident 1 = %+v", i)
	}

	// Adjustments.
	if len(data.Adjustments) != 3 {
		t.Fatalf("adjustments = %+v", data.Adjustments)
	}
	if j := data.Adjustments[0]; j.EmpID != "1001" || j.Kind != plan.AdjCoefficient || j.Pool != "advisor" ||
		!j.Value.Equal(dec("0.5")) || j.Reason != "表现突出" || j.ApproverID != "1007" {
		t.Errorf("adjustment 0 = %+v", j)
	}
	if j := data.Adjustments[1]; j.Kind != plan.AdjBonus || j.Pool != "" || !j.Value.Equal(dec("200")) {
		t.Errorf("adjustment 1 = %+v", j)
	}
	if j := data.Adjustments[2]; j.Kind != plan.AdjDeduction || j.ApproverID != "1007" {
		t.Errorf("adjustment 2 = %+v", j)
	}
}

// The same roster in every CSV flavour reads the same.
func TestReadCSVEncodings(t *testing.T) {
	// Roles of the support pool: no targets needed, so a roster alone is a valid month.
	text := "工号,姓名,岗位,基本工资,试用期\n1001,张伟,结算员,\"4,000.50\",否\n\n1002,李娜,客户接待员,5000,是\n"
	flavours := map[string][]byte{
		"utf8":      []byte(text),
		"utf8-bom":  withBOM(text),
		"gb18030":   gb18030(t, text),
		"crlf":      []byte(strings.ReplaceAll(text, "\n", "\r\n")),
		"tab":       []byte("工号\t姓名\t岗位\t基本工资\t试用期\n1001\t张伟\t结算员\t4,000.50\t否\n\n1002\t李娜\t客户接待员\t5000\t是\n"),
		"gb18030-t": gb18030(t, strings.ReplaceAll(text, "工号,姓名,岗位,基本工资,试用期", "工號,姓名,崗位,基本工資,試用期")),
	}
	for name, b := range flavours {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "员工名册.csv", b)
			data, rep := read(t, dir)
			if rep.HasErrors() {
				t.Fatalf("issues:%s", issueLines(rep))
			}
			if len(data.Employees) != 2 {
				t.Fatalf("employees = %+v", data.Employees)
			}
			e0, e1 := data.Employees[0], data.Employees[1]
			if e0.ID != "1001" || e0.Name != "张伟" || e0.Role != "settlement_clerk" || !e0.BaseSalary.Equal(dec("4000.5")) || e0.Probation {
				t.Errorf("employee 0 = %+v", e0)
			}
			// The blank line 3 is skipped; row numbers are the file's line numbers.
			if e1.ID != "1002" || e1.Role != "receptionist" || !e1.Probation || e1.Src != (model.Source{File: "员工名册.csv", Row: 4}) {
				t.Errorf("employee 1 = %+v", e1)
			}
		})
	}
}

// A 1904-date-system workbook (old Mac Excel) stores serials 1462 days smaller.
func TestReadXLSXDate1904(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "员工名册.csv", []byte("工号,姓名,岗位,基本工资\n1001,张伟,结算员,3000\n"))
	writeXLSX(t, dir, "美容销售.xlsx", xbook{date1904: true, sheets: []xsheet{{name: "Sheet1", rows: [][]any{
		{"单据号", "日期", "实收金额"},
		{"B1", 44836, 100},                                        // 2026-10-03 in the 1904 system
		{"B2", time.Date(2026, 10, 4, 0, 0, 0, 0, time.UTC), 200}, // written by excelize as a 1904 serial
		{"B3", 46298, 300},                                        // 2030-10-04 in the 1904 system: outside
	}}}})
	data, rep := read(t, dir)
	if rep.HasErrors() {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	if len(data.BeautySales) != 2 || data.BeautySales[0].Date != date(2026, 10, 3) || data.BeautySales[1].Date != date(2026, 10, 4) {
		t.Errorf("beauty sales = %+v", data.BeautySales)
	}
	if ti := data.Tables[7]; ti.Table != TBeautySales || ti.OutsideMonth != 1 {
		t.Errorf("beauty table = %+v", ti)
	}
}

// A workbook named after a table gives the sheet named after it when it has one, whatever its position;
// other sheets named after tables give those tables.
func TestReadWorkbookSheets(t *testing.T) {
	dir := t.TempDir()
	writeXLSX(t, dir, "员工名册.xlsx", xbook{sheets: []xsheet{
		{name: "填表说明", rows: [][]any{{"请在第二个工作表填写"}}},
		{name: "員工名冊", rows: [][]any{{"工号", "姓名", "岗位", "基本工资"}, {"E1", "张伟", "结算员", 3000}}},
		{name: "美容销售", rows: [][]any{{"单据号", "日期", "实收金额"}, {"B1", "2026-10-03", 100}}},
	}})
	data, rep := read(t, dir)
	if rep.HasErrors() {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	if len(data.Employees) != 1 || data.Employees[0].Src != (model.Source{File: "员工名册.xlsx", Sheet: "員工名冊", Row: 2}) {
		t.Errorf("employees = %+v", data.Employees)
	}
	if len(data.BeautySales) != 1 || data.BeautySales[0].Src.Sheet != "美容销售" {
		t.Errorf("beauty sales = %+v", data.BeautySales)
	}
}

// BUG check: an employee row without an id must be reported (missing value), not crash the reader.
func TestReadEmployeeWithoutID(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "员工名册.csv", []byte("工号,姓名,岗位,基本工资\nA01,张伟,结算员,3000\n,李娜,服务顾问,3000\n"))
	data, rep, err, p := readSafely(dir)
	if p != "" {
		t.Fatalf("BUG: Read panicked on a roster row with an empty id (want the issue %q): %s",
			"员工名册.csv row 3, column 工号 (A3): missing value", firstLines(p, 12))
	}
	if err != nil || data == nil {
		t.Fatalf("Read: %v", err)
	}
	if want := "员工名册.csv row 3, column 工号 (A3): missing value"; !hasIssue(rep, Error, want) {
		t.Errorf("want error %q; issues:%s", want, issueLines(rep))
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// ---------------------------------------------------------------------------------------------------------
// Bad input: one case per error kind of SPEC §3, with the exact issue text.

// baseFolder is a small valid month: every table present (most with a header only), a roster whose pools
// have their targets. Row numbers: the header is line 1, so the n-th data row is row n+1.
//
// employees:        A 工号 B 姓名 C 岗位 D 基本工资 E 试用期 F 师傅工号 G 徒弟分配比例 H 部门
// repair_orders:    A 工单号 B 维修类型 C 服务顾问工号 D 接车日期 E 结算日期 F 出厂日期 G 实收金额 H 定审金额 I 车主自付 J 定审日期 K 毛利
// accessory_sales:  A 单据号 B 品名 C 销售日期 D 销售人工号 E 销售部门 F 类别 G 标价金额 H 实收金额 I 车间加装 J 赠送
// labor_hours:      A 技师工号 B 日期 C 工时 D 材料费 E 工单号
// adjustments:      A 工号 B 类型 C 奖金池 D 数值 E 原因 F 审批人
func baseFolder() map[string]string {
	return map[string]string{
		"员工名册.csv": "工号,姓名,岗位,基本工资,试用期,师傅工号,徒弟分配比例,部门\n" +
			"A01,张伟,服务顾问,4000,否,,,售后\n" + // row 2
			"A02,李娜,站长,8000,否,,,售后\n" + // row 3
			"A03,王强,机电工,3000,否,,,车间\n" + // row 4
			"A04,赵六,机电工,2000,否,A03,0.3,车间\n" + // row 5
			"A05,孙七,精品销售,2500,否,,,售后\n" + // row 6
			"A06,周八,洗车工,2000,否,,,美容\n", // row 7; added employees start at row 8
		"目标.csv": "指标,范围,目标值\n" +
			"维修产值,业务接待组,100000\n" + // row 2
			"毛利,业务接待组,30000\n" + // row 3
			"接车台次,业务接待组,200\n" + // row 4
			"售后产值,售后管理,150000\n" + // row 5
			"精品销售额,A05,20000\n", // row 6
		"接待考核.csv":  "工号,考核分\nA01,98\n",
		"维修工单.csv":  "工单号,维修类型,服务顾问工号,接车日期,结算日期,出厂日期,实收金额,定审金额,车主自付,定审日期,毛利\n",
		"索赔回款.csv":  "索赔单号,回款日期,回款金额,工单号\n",
		"回款.csv":    "单据号,类型,回款日期,回款金额\n",
		"精品销售.csv":  "单据号,品名,销售日期,销售人工号,销售部门,类别,标价金额,实收金额,车间加装,赠送\n",
		"工时明细.csv":  "技师工号,日期,工时,材料费,工单号\n",
		"洗车记录.csv":  "日期,洗车工工号,车牌,用时(分钟)\n",
		"美容销售.csv":  "单据号,日期,实收金额\n",
		"保险定损.csv":  "单据号,业务员工号,审批日期,审批金额\n",
		"续保.csv":    "保单号,销售人工号,日期,返点毛利\n",
		"车间考核.csv":  "工号,工作表现扣分,生产质量扣分,车间车身环境扣分,团队精神扣分\n",
		"投诉与违规.csv": "工号,日期,类型,属实,说明\n",
		"调整.csv":    "工号,类型,奖金池,数值,原因,审批人\n",
	}
}

type folder map[string]string

func (f folder) add(file string, lines ...string) {
	for _, l := range lines {
		f[file] += l + "\n"
	}
}

// drop removes the line of file that starts with prefix.
func (f folder) drop(file, prefix string) {
	var out []string
	for _, l := range strings.SplitAfter(f[file], "\n") {
		if !strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	f[file] = strings.Join(out, "")
}

func (f folder) write(t *testing.T, dir string) {
	t.Helper()
	for name, text := range f {
		writeFile(t, dir, name, []byte(text))
	}
}

// xlsMagic8 is the start of an old binary (OLE2) .xls file.
var xlsMagic8 = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func TestReadBaseFolderIsClean(t *testing.T) {
	dir := t.TempDir()
	folder(baseFolder()).write(t, dir)
	_, rep := read(t, dir)
	if len(rep.Issues) != 0 {
		t.Fatalf("the base folder must read without issues:%s", issueLines(rep))
	}
}

func TestReadBadInput(t *testing.T) {
	const (
		roster  = "员工名册.csv"
		ros     = "维修工单.csv"
		acc     = "精品销售.csv"
		hours   = "工时明细.csv"
		adj     = "调整.csv"
		targets = "目标.csv"
	)
	cases := []struct {
		name  string
		edit  func(f folder)
		extra func(t *testing.T, dir string)
		sev   Severity
		want  string
	}{
		// Missing columns and values.
		{name: "missing required column", sev: Error,
			edit: func(f folder) { f[ros] = "工单号,维修类型,服务顾问工号\nR1,保养,A01\n" },
			want: iss("维修工单.csv", msg.InNoHeader, "接车日期")},
		{name: "missing required value", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,A01,,2026-10-05,,100") },
			want: iss("维修工单.csv row 2, column 接车日期 (D2)", msg.ValMissing)},
		{name: "missing reason", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,奖励,,100,,A02") },
			want: iss("调整.csv row 2, column 原因 (E2)", msg.ValMissing)},
		{name: "after-sales accessory without seller", sev: Error,
			edit: func(f folder) { f.add(acc, "S1,贴膜,2026-10-05,,售后,精品,100,100,否,否") },
			want: iss("精品销售.csv row 2, column 销售人工号 (D2)", msg.ValSellerRequired)},
		{name: "coefficient change without pool", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,系数,,0.5,表现好,A02") },
			want: iss("调整.csv row 2, column 奖金池 (C2)", msg.ValPoolRequired)},
		{name: "duplicate column", sev: Error,
			edit: func(f folder) {
				f[roster] = strings.Replace(f[roster], "部门\n", "部门,员工编号\n", 1)
			},
			want: iss("员工名册.csv row 1, column 员工编号 (I1)", msg.InDuplicateColumn, "工号", "A1", "员工编号", "I1", "id")},
		{name: "a header that looks like an optional column", sev: Warning,
			edit: func(f folder) {
				f[ros] = "工单号,维修类型,服务顾问工号,接车日期,结算时间,实收金额(元)\n"
			},
			want: iss("维修工单.csv row 1, column 实收金额(元) (F1)", msg.InLooksLike, "实收金额(元)", "实收金额", "paid_amount")},
		{name: "a header that starts like an optional column", sev: Warning,
			edit: func(f folder) {
				f[ros] = "工单号,维修类型,服务顾问工号,接车日期,结算时间,实收金额(元)\n"
			},
			want: iss("维修工单.csv row 1, column 结算时间 (E1)", msg.InLooksLike, "结算时间", "结算日期", "settled_date")},

		// Unparseable values.
		{name: "unparseable amount", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,A01,2026-10-03,2026-10-05,,12O5.00") },
			want: iss("维修工单.csv row 2, column 实收金额 (G2)", msg.ValNotAmount, "12O5.00")},
		{name: "unparseable amount in a workbook (the SPEC's example)", sev: Error,
			edit: func(f folder) { delete(f, ros) },
			extra: func(t *testing.T, dir string) {
				rows := [][]any{{"工单号", "维修类型", "接车日期", "实收金额"}}
				for i := 2; i <= 16; i++ {
					rows = append(rows, []any{fmt.Sprintf("R%d", i), "保养", "2026-10-03", 100 + i})
				}
				rows = append(rows, []any{"R17", "保养", "2026-10-03", "12O5.00"})
				writeXLSX(t, dir, "repair_orders.xlsx", xbook{sheets: []xsheet{{name: "Sheet1", rows: rows}}})
			},
			want: `repair_orders.xlsx [Sheet1] row 17, column 实收金额 (D17): "12O5.00" is not an amount`},
		{name: "unparseable number", sev: Error,
			edit: func(f folder) { f.add(hours, "A03,2026-10-03,十,,") },
			want: iss("工时明细.csv row 2, column 工时 (C2)", msg.ValNotNumber, "十")},
		{name: "unparseable date", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,A01,2026-10-3x") },
			want: iss("维修工单.csv row 2, column 接车日期 (D2)", msg.ValNotDate, "2026-10-3x")},
		{name: "impossible date", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,A01,2026-10-03,2026-02-30") },
			want: iss("维修工单.csv row 2, column 结算日期 (E2)", msg.ValNoSuchDate, "2026-02-30")},
		{name: "unparseable bool", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,结算员,3000,maybe,,,售后") },
			want: iss("员工名册.csv row 8, column 试用期 (E8)", msg.ValNotBool, "maybe")},
		{name: "unparseable ratio", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,机电工,2000,否,A03,abc,车间") },
			want: iss("员工名册.csv row 8, column 徒弟分配比例 (G8)", msg.ValNotRatio, "abc")},

		// Values out of range.
		{name: "negative base salary", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,结算员,-100,否,,,售后") },
			want: iss("员工名册.csv row 8, column 基本工资 (D8)", msg.ValNegative, "-100")},
		{name: "list amount 0", sev: Error,
			edit: func(f folder) { f.add(acc, "S1,贴膜,2026-10-05,A05,售后,精品,0,0,否,否") },
			want: iss("精品销售.csv row 2, column 标价金额 (G2)", msg.ValNotPositive, "0")},
		{name: "negative paid amount", sev: Error,
			edit: func(f folder) { f.add(acc, "S1,贴膜,2026-10-05,A05,售后,精品,100,-1,否,否") },
			want: iss("精品销售.csv row 2, column 实收金额 (H2)", msg.ValNegative, "-1")},
		{name: "negative hours", sev: Error,
			edit: func(f folder) { f.add(hours, "A03,2026-10-03,-5,,") },
			want: iss("工时明细.csv row 2, column 工时 (C2)", msg.ValNegative, "-5")},
		{name: "score 101", sev: Error,
			edit: func(f folder) { f["接待考核.csv"] = "工号,考核分\nA01,101\n" },
			want: iss("接待考核.csv row 2, column 考核分 (B2)", msg.ValScoreRange, "101")},
		{name: "ratio 1.5", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,机电工,2000,否,A03,1.5,车间") },
			want: iss("员工名册.csv row 8, column 徒弟分配比例 (G8)", msg.ValRatioRange, "1.5")},
		{name: "target 0", sev: Error,
			edit: func(f folder) {
				f[targets] = strings.Replace(f[targets], "接车台次,业务接待组,200", "接车台次,业务接待组,0", 1)
			},
			want: iss("目标.csv row 4, column 目标值 (C4)", msg.ValNotPositive, "0")},
		{name: "negative deduction points", sev: Error,
			edit: func(f folder) { f.add("车间考核.csv", "A03,-5,,,") },
			want: iss("车间考核.csv row 2, column 工作表现扣分 (B2)", msg.ValNegative, "-5")},
		{name: "base salary in fractions of a fen", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,结算员,3000.005,否,,,售后") },
			want: iss("员工名册.csv row 8, column 基本工资 (D8)", msg.ValTooManyDecimals, "3000.005")},
		{name: "bonus in fractions of a fen", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,奖励,,100.001,表现好,A02") },
			want: iss("调整.csv row 2, column 数值 (D2)", msg.ValTooManyDecimals, "100.001")},
		{name: "adjustment amount 0", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,奖励,,0,表现好,A02") },
			want: iss("调整.csv row 2, column 数值 (D2)", msg.ValNotPositive, "0")},

		// Duplicate keys.
		{name: "duplicate ro_no", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,A01,2026-10-03", "R1,保养,A01,2026-10-04") },
			want: iss("维修工单.csv row 3, column 工单号 (A3)", msg.ValDuplicate, "ro_no", "R1", 2)},
		{name: "duplicate doc_no and item", sev: Error,
			edit: func(f folder) {
				f.add(acc, "S1,贴膜,2026-10-05,A05,售后,精品,100,100,否,否", "S1,脚垫,2026-10-05,A05,售后,精品,100,100,否,否",
					"S1,贴膜,2026-10-06,A05,售后,精品,100,100,否,否")
			},
			want: iss("精品销售.csv row 4, column 单据号 (A4)", msg.ValDuplicate, "doc_no / item", "S1 / 贴膜", 2)},
		{name: "duplicate employee id", sev: Error,
			edit: func(f folder) { f.add(roster, "A01,钱九,结算员,3000,否,,,售后") },
			want: iss("员工名册.csv row 8, column 工号 (A8)", msg.ValDuplicate, "id", "A01", 2)},
		{name: "duplicate target", sev: Error,
			edit: func(f folder) { f.add(targets, "产值,业务接待,5") },
			want: iss("目标.csv row 7, column 范围 (B7)", msg.ValDuplicate, "metric / scope", "repair_output / advisor", 2)},

		// Unknown names.
		{name: "unknown role", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,厨师,3000,否,,,售后") },
			want: iss("员工名册.csv row 8, column 岗位 (C8)", msg.ValUnknownRole, "厨师")},
		{name: "unknown RO type", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,喷漆,A01,2026-10-03") },
			want: iss("维修工单.csv row 2, column 维修类型 (B2)", msg.ValUnknownROType, "喷漆")},
		{name: "unknown collection kind", sev: Error,
			edit: func(f folder) { f.add("回款.csv", "C1,现金,2026-10-03,100") },
			want: iss("回款.csv row 2, column 类型 (B2)", msg.ValUnknownKind, "collection kind", "现金")},
		{name: "unknown incident kind", sev: Error,
			edit: func(f folder) { f.add("投诉与违规.csv", "A01,2026-10-03,迟到,是,") },
			want: iss("投诉与违规.csv row 2, column 类型 (C2)", msg.ValUnknownKind, "incident kind", "迟到")},
		{name: "unknown seller_dept", sev: Error,
			edit: func(f folder) { f.add(acc, "S1,贴膜,2026-10-05,A05,市场部,精品,100,100,否,否") },
			want: iss("精品销售.csv row 2, column 销售部门 (E2)", msg.ValUnknownKind, "seller department", "市场部")},
		{name: "unknown category", sev: Error,
			edit: func(f folder) { f.add(acc, "S1,贴膜,2026-10-05,A05,售后,配件,100,100,否,否") },
			want: iss("精品销售.csv row 2, column 类别 (F2)", msg.ValUnknownKind, "category", "配件")},
		{name: "unknown pool", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,系数,厨房组,0.5,表现好,A02") },
			want: iss("调整.csv row 2, column 奖金池 (C2)", msg.ValUnknownPool, "厨房组")},
		{name: "unknown metric", sev: Error,
			edit: func(f folder) { f.add(targets, "利润率,业务接待组,5") },
			want: iss("目标.csv row 7, column 指标 (A7)", msg.ValUnknownMetric, "利润率")},
		{name: "unknown adjustment kind", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,罚款,,50,迟到,A02") },
			want: iss("调整.csv row 2, column 类型 (B2)", msg.ValUnknownKind, "adjustment kind", "罚款")},
		{name: "target scope not a pool", sev: Error,
			edit: func(f folder) { f.add(targets, "维修产值,车间,5") },
			want: iss("目标.csv row 7, column 范围 (B7)", msg.ValScopeNotPool, "车间", "repair_output")},
		{name: "target scope not an employee", sev: Error,
			edit: func(f folder) { f.add(targets, "精品销售额,X99,5") },
			want: iss("目标.csv row 7, column 范围 (B7)", msg.ValScopeNotEmployee, "X99", "accessory_sales")},

		// The roster.
		{name: "advisor id not on the roster", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,X99,2026-10-03") },
			want: iss("维修工单.csv row 2, column 服务顾问工号 (C2)", msg.ValNotOnRoster, "X99")},
		{name: "technician id not on the roster", sev: Error,
			edit: func(f folder) { f.add(hours, "X99,2026-10-03,5,,") },
			want: iss("工时明细.csv row 2, column 技师工号 (A2)", msg.ValNotOnRoster, "X99")},
		{name: "approver not on the roster", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,奖励,,100,表现好,X99") },
			want: iss("调整.csv row 2, column 审批人 (F2)", msg.ValNotOnRoster, "X99")},
		{name: "name shared by two employees", sev: Error,
			edit: func(f folder) {
				f.add(roster, "A07,张伟,结算员,3000,否,,,售后")
				f.add(ros, "R1,保养,张伟,2026-10-03")
			},
			want: iss("维修工单.csv row 2, column 服务顾问工号 (C2)", msg.ValNameAmbiguous, "张伟", "A01, A07")},
		{name: "master named by a shared name", sev: Error,
			edit: func(f folder) {
				f.add(roster, "A07,王强,机电工,3000,否,,,车间", "A08,钱九,机电工,2000,否,王强,0.2,车间")
			},
			want: iss("员工名册.csv row 9, column 师傅工号 (F9)", msg.ValNameAmbiguous, "王强", "A03, A07")},

		// Apprentices and masters.
		{name: "master missing", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,机电工,2000,否,X99,0.2,车间") },
			want: iss("员工名册.csv row 8, column 师傅工号 (F8)", msg.ChkMasterMissing, "X99")},
		{name: "master is itself an apprentice", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,机电工,2000,否,A04,0.2,车间") },
			want: iss("员工名册.csv row 8, column 师傅工号 (F8)", msg.ChkMasterIsApprentice, "A04", "A03")},
		{name: "own master", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,机电工,2000,否,A07,0.2,车间") },
			want: iss("员工名册.csv row 8, column 师傅工号 (F8)", msg.ChkMasterSelf)},
		{name: "apprentice shares over 1", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,机电工,2000,否,A03,0.8,车间") },
			want: iss("员工名册.csv row 4, column 工号 (A4)", msg.ChkSharesOver, "A03", "1.1")},
		{name: "apprentice without share", sev: Error,
			edit: func(f folder) { f.add(roster, "A07,钱九,机电工,2000,否,A03,,车间") },
			want: iss("员工名册.csv row 8, column 徒弟分配比例 (G8)", msg.ChkShareRequired)},
		{name: "hours of an employee outside the hours scheme", sev: Error,
			edit: func(f folder) { f.add(hours, "A01,2026-10-03,5,,") },
			want: iss("工时明细.csv row 2, column 技师工号 (A2)", msg.ChkHoursRole, "A01", "服务顾问", 1)},
		{name: "apprentice of another role", sev: Error,
			edit: func(f folder) {
				f.add(roster, "A07,钱九,钣金工,2000,否,A03,0.2,车间")
				f.add(hours, "A03,2026-10-03,5,,", "A07,2026-10-03,5,,")
			},
			want: iss("工时明细.csv row 3, column 技师工号 (A3)", msg.ChkApprenticeRole, "A07", "钣金工", "A03", "机电工")},

		// Targets.
		{name: "pool with members but no target", sev: Error,
			edit: func(f folder) { f.drop(targets, "售后产值") },
			want: iss("目标.csv", msg.ChkTargetMissing, "aftersales_mgmt", "aftersales_output", "售后产值", "售后管理")},
		{name: "accessory seller without target", sev: Error,
			edit: func(f folder) { f.drop(targets, "精品销售额") },
			want: iss("目标.csv", msg.ChkSellerTarget, "A05", "孙七", "accessory_sales", "精品销售额", "A05")},

		// Adjustments.
		{name: "coefficient change not approved by a station manager", sev: Error,
			edit: func(f folder) { f.add(adj, "A01,系数,业务接待组,0.5,表现好,A03") },
			want: iss("调整.csv row 2, column 审批人 (F2)", msg.ValNotStationMgr, "站长", "A03", "机电工")},
		{name: "coefficient for a pool the employee is not in", sev: Error,
			edit: func(f folder) { f.add(adj, "A03,系数,业务接待组,0.5,表现好,A02") },
			want: iss("调整.csv row 2, column 奖金池 (C2)", msg.ValRoleNotInPool, "A03", "机电工", "advisor")},

		// Fund spending 〔十二.5〕.
		{name: "fund spending not approved by a station manager", sev: Error,
			edit: func(f folder) {
				f.add(roster, "A07,钱九,站长助理,4000,否,,,售后")
				f["售后基金支出.csv"] = "日期,金额,用途,审批人,保管人\n2026-10-20,300.00,团队活动,A01,A07\n"
			},
			want: iss("售后基金支出.csv row 2, column 审批人 (D2)", msg.ValFundApprover, "站长", "A01", "服务顾问")},
		{name: "fund kept by someone other than an assistant", sev: Error,
			edit: func(f folder) {
				f["售后基金支出.csv"] = "日期,金额,用途,审批人,保管人\n2026-10-20,300.00,团队活动,A02,A03\n"
			},
			want: iss("售后基金支出.csv row 2, column 保管人 (E2)", msg.ValFundKeeper, "站长助理 / 业务接待助理", "A03", "机电工")},

		{name: "fund spending dated in another month", sev: Warning,
			edit: func(f folder) {
				f.add(roster, "A07,钱九,站长助理,4000,否,,,售后")
				f["售后基金支出.csv"] = "日期,金额,用途,审批人,保管人\n2026-09-30,300.00,团队活动,A02,A07\n"
			},
			want: iss("售后基金支出.csv row 2, column 日期 (A2)", msg.ValFundOutside, "2026-09-30", "300.00", "2026-10")},

		// Files and tables.
		{name: "a table saved as OpenDocument", sev: Error,
			edit: func(f folder) { f["续保.ods"] = "PK" },
			want: iss("续保.ods", msg.InWrongFormat, "renewals", ".ods")},
		{name: "corrections not copied in", sev: Warning,
			edit: func(f folder) { f["调整-2026-09更正-2.csv"] = "工号,类型,奖金池,数值,原因,审批人\n" },
			want: iss("调整-2026-09更正-2.csv", msg.InCorrectionsFile)},
		{name: "table found twice", sev: Error,
			edit: func(f folder) { f["工单.csv"] = f[ros] },
			want: iss("维修工单.csv", msg.InAmbiguous, "repair_orders", "工单.csv", "维修工单.csv")},
		{name: "table found twice, as a sheet", sev: Error,
			extra: func(t *testing.T, dir string) {
				writeXLSX(t, dir, "2026-10.xlsx", xbook{sheets: []xsheet{
					{name: "目标", rows: [][]any{{"指标", "范围", "目标值"}}},
					{name: "填表说明", rows: [][]any{{"x"}}},
				}})
			},
			want: iss("目标.csv", msg.InAmbiguous, "targets", "2026-10.xlsx [目标]", "目标.csv")},
		{name: "missing employees table", sev: Error,
			edit: func(f folder) { delete(f, roster) },
			want: iss("", msg.InMissingTable, "employees", "员工名册")},
		{name: ".xls workbook refused", sev: Error,
			extra: func(t *testing.T, dir string) { writeFile(t, dir, "员工名册.xls", xlsMagic8) },
			want:  iss("员工名册.xls", msg.XLSOldFormat)},
		{name: ".xls bytes in a .xlsx file", sev: Error,
			edit:  func(f folder) { delete(f, ros) },
			extra: func(t *testing.T, dir string) { writeFile(t, dir, "维修工单.xlsx", xlsMagic8) },
			want:  iss("维修工单.xlsx", msg.XLSOldFormat)},
		{name: "formula without cached value", sev: Error,
			edit: func(f folder) { delete(f, ros) },
			extra: func(t *testing.T, dir string) {
				writeXLSX(t, dir, "维修工单.xlsx", xbook{sheets: []xsheet{{name: "Sheet1", rows: [][]any{
					{"工单号", "维修类型", "接车日期", "实收金额"},
					{"R1", "保养", "2026-10-03", formula("SUM(E2:F2)"), 100, 200},
				}}}})
			},
			want: iss("维修工单.xlsx [Sheet1] row 2, column 实收金额 (D2)", msg.ValFormulaNoValue)},
		{name: "formula without cached value in a required column", sev: Error,
			edit: func(f folder) { delete(f, ros) },
			extra: func(t *testing.T, dir string) {
				writeXLSX(t, dir, "维修工单.xlsx", xbook{sheets: []xsheet{{name: "Sheet1", rows: [][]any{
					{"工单号", "维修类型", "接车日期", "实收金额"},
					{"R1", "保养", formula("DATE(2026,10,3)"), 100},
				}}}})
			},
			want: iss("维修工单.xlsx [Sheet1] row 2, column 接车日期 (C2)", msg.ValFormulaNoValue)},
		{name: "CSV syntax error", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,A01,2026-10-03", `R2,保"养,A01,2026-10-03`) },
			want: iss("维修工单.csv row 3", msg.CSVSyntax, csv.ErrBareQuote)},
		{name: "CSV unterminated quote", sev: Error,
			edit: func(f folder) { f.add(ros, "R1,保养,A01,2026-10-03", `R2,"保养,A01,2026-10-03`) },
			want: iss("维修工单.csv row 3", msg.CSVSyntax, csv.ErrQuote)},
		{name: "broken workbook", sev: Error,
			edit: func(f folder) { delete(f, ros) },
			extra: func(t *testing.T, dir string) {
				writeFile(t, dir, "维修工单.xlsx", []byte("PK\x03\x04 this is not a zip"))
			},
			want: iss("维修工单.xlsx", msg.XLSXBroken, "zip: not a valid zip file")},

		// Warnings.
		{name: "minimum discount", sev: Warning,
			edit: func(f folder) { f.add(acc, "S1,贴膜,2026-10-05,A05,售后,精品,1000,750,否,否") },
			want: iss("精品销售.csv row 2, column 实收金额 (H2)", msg.ChkMinDiscount, "75%", "75%")},
		{name: "below the minimum discount", sev: Warning,
			edit: func(f folder) { f.add(acc, "S1,贴膜,2026-10-05,A05,售后,精品,300,200,否,否") },
			want: iss("精品销售.csv row 2, column 实收金额 (H2)", msg.ChkMinDiscount, "66.67%", "75%")},
		{name: "hours above the top tier", sev: Warning,
			edit: func(f folder) { f.add(hours, "A03,2026-10-03,1500,,", "A04,2026-10-04,600.5,,") },
			want: iss("工时明细.csv row 2, column 工时 (C2)", msg.ChkHoursAboveTop, "A03", "2100.5", "2000")},
		{name: "painter material above the last band", sev: Warning,
			edit: func(f folder) {
				f.add(roster, "A07,钱九,油漆工,3000,否,,,车间")
				f.add(hours, "A07,2026-10-03,200,13000.01,")
			},
			want: iss("工时明细.csv row 2, column 材料费 (D2)", msg.ChkMaterialAbove, "A07", "13000.01", "200", "65", "0.4")},
		{name: "painter material above the last band, below the first tier", sev: Warning,
			edit: func(f folder) {
				f.add(roster, "A07,钱九,油漆工,3000,否,,,车间")
				f.add(hours, "A07,2026-10-03,50,9999,")
			},
			want: iss("工时明细.csv row 2, column 材料费 (D2)", msg.ChkMaterialAboveNoTier, "A07", "9999", "50", "65")},
		{name: "advisor member without score", sev: Warning,
			edit: func(f folder) { f["接待考核.csv"] = "工号,考核分\n" },
			want: iss("员工名册.csv row 2, column 工号 (A2)", msg.ChkNoAdvisorScore, "A01", "张伟")},
		{name: "rows outside the month", sev: Warning,
			edit: func(f folder) {
				f.add("续保.csv", "P1,A01,2026-09-30,100", "P2,A01,2026-10-01,100", "P3,A01,2026-11-01,100")
			},
			want: iss("续保.csv", msg.InOutsideMonth, 2, october, "rows 2, 4")},
		{name: "probation coefficient change ignored", sev: Warning,
			edit: func(f folder) {
				f.add(roster, "A07,钱九,服务顾问,3000,是,,,售后")
				f.add(adj, "A07,系数,业务接待组,0.5,表现好,A02")
			},
			want: iss("调整.csv row 2, column 工号 (A2)", msg.ValProbationAdjust, "A07")},
		{name: "unknown file", sev: Error,
			edit: func(f folder) { f["notes.csv"] = "a,b\n1,2\n" },
			want: iss("notes.csv", msg.InUnclaimedFile)},
		{name: "pool whose source table is missing", sev: Warning,
			edit: func(f folder) { delete(f, "洗车记录.csv") },
			want: iss("", msg.InPoolNoSource, "beauty", "washes")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder(baseFolder())
			if c.edit != nil {
				c.edit(f)
			}
			f.write(t, dir)
			if c.extra != nil {
				c.extra(t, dir)
			}
			_, rep := read(t, dir)
			if !hasIssue(rep, c.sev, c.want) {
				t.Errorf("want %s\n  %s\nissues:%s", c.sev, c.want, issueLines(rep))
			}
			if c.sev == Error && !rep.HasErrors() {
				t.Errorf("HasErrors() = false")
			}
			if c.sev == Warning && rep.HasErrors() {
				t.Errorf("a warning case has errors:%s", issueLines(rep))
			}
			for _, i := range rep.Issues {
				if strings.TrimSpace(i.Message) == "" {
					t.Errorf("issue without a message: %+v", i)
				}
			}
		})
	}
}

// Every bad row is reported, not only the first.
func TestReadReportsEveryRow(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f.add("维修工单.csv",
		"R1,保养,A01,2026-10-03,,,12O5.00",
		"R2,保养,A01,2026-10-03,,,100",
		"R3,保养,A01,2026-10-03,abc,,100",
		"R4,保养,A01,2026-10-03,,,100",
		"R5,喷漆,A01,2026-10-03,,,100",
	)
	f.write(t, dir)
	_, rep := read(t, dir)
	want := []string{
		iss("维修工单.csv row 2, column 实收金额 (G2)", msg.ValNotAmount, "12O5.00"),
		iss("维修工单.csv row 4, column 结算日期 (E4)", msg.ValNotDate, "abc"),
		iss("维修工单.csv row 6, column 维修类型 (B6)", msg.ValUnknownROType, "喷漆"),
	}
	var got []string
	for _, i := range rep.Issues {
		got = append(got, i.String())
		if i.Severity != Error {
			t.Errorf("severity of %s = %s", i, i.Severity)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("issues:%s\nwant:\n  %s", issueLines(rep), strings.Join(want, "\n  "))
	}
	if rep.Count(Error) != 3 || rep.Summary() != fmt.Sprintf(msg.ReportSummary, 3, 0) {
		t.Errorf("summary %q", rep.Summary())
	}
}

// Rows dated outside the month are validated all the same.
func TestReadValidatesRowsOutsideMonth(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f.add("续保.csv", "P1,X99,2026-09-30,abc")
	f.write(t, dir)
	_, rep := read(t, dir)
	for _, w := range []struct {
		sev  Severity
		want string
	}{
		{Error, iss("续保.csv row 2, column 销售人工号 (B2)", msg.ValNotOnRoster, "X99")},
		{Error, iss("续保.csv row 2, column 返点毛利 (D2)", msg.ValNotAmount, "abc")},
		{Warning, iss("续保.csv", msg.InOutsideMonth, 1, october, "row 2")},
	} {
		if !hasIssue(rep, w.sev, w.want) {
			t.Errorf("want %s %s; issues:%s", w.sev, w.want, issueLines(rep))
		}
	}
}

// Issues of checks across rows point at a cell like every other issue (SPEC §3: "each with file, sheet,
// row number as Excel shows it, column header and cell reference"), using the header as written.
func TestReadCrossTableIssuesUseHeaderAsWritten(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f["员工名册.csv"] = strings.Replace(f["员工名册.csv"], "工号,姓名,岗位,基本工资,试用期,师傅工号,徒弟分配比例,部门",
		"id,name,role,base_salary,probation,master_id,apprentice_share,department", 1)
	f.add("员工名册.csv", "A07,钱九,机电工,2000,否,X99,0.2,车间")
	f.write(t, dir)
	_, rep := read(t, dir)
	want := iss("员工名册.csv row 8, column master_id (F8)", msg.ChkMasterMissing, "X99")
	if !hasIssue(rep, Error, want) {
		t.Errorf("want %s; issues:%s", want, issueLines(rep))
	}
}

func TestReadNoFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	if _, _, err := Read(Options{Dir: dir, Month: october, Plan: defaultPlan}); err == nil ||
		err.Error() != fmt.Sprintf(msg.InNoFolder, dir) {
		t.Errorf("err = %v", err)
	}
	file := filepath.Join(t.TempDir(), "f.csv")
	writeFile(t, filepath.Dir(file), "f.csv", []byte("x"))
	if _, _, err := Read(Options{Dir: file, Month: october, Plan: defaultPlan}); err == nil ||
		err.Error() != fmt.Sprintf(msg.InNotFolder, file) {
		t.Errorf("err = %v", err)
	}
}

// patchZip rewrites one part of a zip package (an xlsx) with fn.
func patchZip(t testing.TB, b []byte, part string, fn func(string) string) []byte {
	t.Helper()
	found := false
	out := rewriteZip(t, b, func(name string, data []byte) []byte {
		if name != part {
			return data
		}
		found = true
		return []byte(fn(string(data)))
	})
	if !found {
		t.Fatalf("no part %s", part)
	}
	return out
}

// rewriteZip copies a zip package entry by entry through edit, then adds the extra entries (name, data
// pairs: a second entry of a name the package has, or a new one).
func rewriteZip(t testing.TB, b []byte, edit func(name string, data []byte) []byte, extra ...string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		write(f.Name, edit(f.Name, data))
	}
	for i := 0; i+1 < len(extra); i += 2 {
		write(extra[i], []byte(extra[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A formula cell is read by its cached value (a file saved by Excel or WPS).
func TestReadFormulaWithCachedValue(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	delete(f, "维修工单.csv")
	f.write(t, dir)
	b := xlsxBytes(t, xbook{sheets: []xsheet{{name: "Sheet1", rows: [][]any{
		{"工单号", "维修类型", "接车日期", "实收金额", "工时费", "材料费"},
		{"R1", "保养", "2026-10-03", formula("E2+F2"), 100, 200.5},
		{"R2", "保养", formula("DATE(2026,10,4)"), formula("E3*2"), 50},
	}}}})
	b = patchZip(t, b, "xl/worksheets/sheet1.xml", func(s string) string {
		s = strings.Replace(s, "<f>E2+F2</f>", "<f>E2+F2</f><v>300.5</v>", 1)
		s = strings.Replace(s, "<f>DATE(2026,10,4)</f>", "<f>DATE(2026,10,4)</f><v>46299</v>", 1)
		return strings.Replace(s, "<f>E3*2</f>", "<f>E3*2</f><v>100</v>", 1)
	})
	writeFile(t, dir, "维修工单.xlsx", b)
	data, rep := read(t, dir)
	if len(rep.Issues) != 0 {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	if len(data.RepairOrders) != 2 || !data.RepairOrders[0].PaidAmount.Equal(dec("300.5")) ||
		data.RepairOrders[1].Received != date(2026, 10, 4) || !data.RepairOrders[1].PaidAmount.Equal(dec("100")) {
		t.Errorf("repair orders = %+v", data.RepairOrders)
	}
}

// Title rows above the header, headers in any case and spacing, total rows in every spelling, blank rows.
func TestReadTitleAndTotalRows(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f["美容销售.csv"] = "2026年10月美容销售明细,,\n制表：财务部,,\n" +
		" DOC_NO ,Date,AMOUNT\n" + // row 3: the header
		"B1,2026-10-01,100\n" + // row 4
		",,\n" + // row 5: blank
		"合计,,100\n" +
		"合計,,100\n" +
		"总计,,100\n" +
		"總計：,,100\n" +
		"小计,,100\n" +
		"小計,,100\n" +
		"Total,,100\n" +
		"TOTAL amount,,100\n" +
		",合计,100\n" + // the first non-empty cell starts with 合计
		"　,,\n" + // a full-width space only: blank
		"B2,2026-10-02,200\n" // row 16
	f.write(t, dir)
	data, rep := read(t, dir)
	if len(rep.Issues) != 0 {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	if len(data.BeautySales) != 2 || data.BeautySales[0].Src.Row != 4 || data.BeautySales[1].Src.Row != 16 {
		t.Errorf("beauty sales = %+v", data.BeautySales)
	}
	for _, ti := range data.Tables {
		if ti.Table == TBeautySales && ti.Rows != 2 {
			t.Errorf("beauty_sales rows = %d, want 2 (blank and total rows are not rows)", ti.Rows)
		}
	}
}

// Lock files of Excel/WPS, hidden files, documents, images and sub-folders not named after a table are not
// input.
func TestReadIgnoredFiles(t *testing.T) {
	dir := t.TempDir()
	folder(baseFolder()).write(t, dir)
	writeFile(t, dir, "~$员工名册.xlsx", []byte("owner lock"))
	writeFile(t, dir, ".~lock.员工名册.xlsx#", []byte("lock"))
	writeFile(t, dir, ".DS_Store", []byte{0, 1, 2})
	if err := os.Mkdir(filepath.Join(dir, "备份"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Thumbs.db", "desktop.ini", "10月维修工单.pdf", "方案.docx", "扫描.JPG", "截图.png", "~$10月维修工单.xlsx"} {
		writeFile(t, dir, n, []byte("not a table"))
	}
	_, rep := read(t, dir)
	if len(rep.Issues) != 0 {
		t.Fatalf("issues:%s", issueLines(rep))
	}
}

// A name written the same way in the roster and in a reference resolves, whatever its characters.
func TestReadNameWithFullWidthLetters(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f.add("员工名册.csv", "A07,王Ａ,结算员,3000,否,,,售后")
	f.add("续保.csv", "P1,王Ａ,2026-10-01,100")
	f.write(t, dir)
	data, rep := read(t, dir)
	if rep.HasErrors() {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	if len(data.Renewals) != 1 || data.Renewals[0].SellerID != "A07" {
		t.Errorf("renewals = %+v", data.Renewals)
	}
}

// A row whose governing date cannot be read is an error, not a row "dated outside the month".
func TestReadBadDateIsNotOutsideMonth(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f.add("维修工单.csv", "R1,保养,A01,abc")
	f.add("美容销售.csv", "B1,abc,100")
	f.write(t, dir)
	data, rep := read(t, dir)
	if !rep.HasErrors() {
		t.Fatalf("issues:%s", issueLines(rep))
	}
	for _, ti := range data.Tables {
		if ti.OutsideMonth != 0 {
			t.Errorf("table %s: OutsideMonth = %d, want 0 (its one row has an unreadable date)", ti.Table, ti.OutsideMonth)
		}
	}
}
