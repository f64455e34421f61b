package importers

import (
	"fmt"
	"golang.org/x/text/encoding/unicode"
	"strings"
	"testing"

	"payout/internal/msg"
)

// roBook is a small repair-order workbook: a header and n orders R1…Rn of 100.00 each, settled in October.
func roBook(t *testing.T, extra ...[]any) []byte {
	rows := [][]any{{"工单号", "维修类型", "服务顾问工号", "接车日期", "结算日期", "实收金额"}}
	for i := 1; i <= 6; i++ {
		rows = append(rows, []any{"R" + string(rune('0'+i)), "保养", "A01", "2026-10-03", "2026-10-04", 100})
	}
	rows = append(rows, extra...)
	return xlsxBytes(t, xbook{sheets: []xsheet{{name: "Sheet1", rows: rows}}})
}

// Exports as they come from real DMS, WPS and clerks: each case a base folder changed one way, and either
// the one issue it must give or, with want "", no issue at all and the rows counted as check says.
func TestMessyExports(t *testing.T) {
	const sheet = "xl/worksheets/sheet1.xml"
	cases := []struct {
		name  string
		edit  func(t *testing.T, f folder)
		sev   Severity
		want  string
		check func(t *testing.T, r *Report, rows map[string]int)
	}{
		{name: "a sheet cut short inside an intact zip", sev: Error,
			edit: func(t *testing.T, f folder) {
				delete(f, "维修工单.csv")
				f["维修工单.xlsx"] = string(patchZip(t, roBook(t), sheet, func(s string) string {
					i := strings.Index(s, `<row r="4"`)
					return s[:i] // rows 4… and the end of the part are gone
				}))
			},
			want: iss("维修工单.xlsx [Sheet1]", msg.InReadFailed, msg.XLSXCutShort)},
		{name: "a formula whose cached string result is empty is an empty cell",
			edit: func(t *testing.T, f folder) {
				delete(f, "维修工单.csv")
				b := roBook(t, []any{"R9", "保养", "A01", "2026-10-03", formula(`IF(1,"","")`), 100})
				f["维修工单.xlsx"] = string(patchZip(t, b, sheet, func(s string) string {
					return strings.Replace(s, `<f>IF(1,&#34;&#34;,&#34;&#34;)</f></c>`, `<f>IF(1,&#34;&#34;,&#34;&#34;)</f><v></v></c>`, 1)
				}))
			},
			check: func(t *testing.T, r *Report, rows map[string]int) {
				if rows[TRepairOrders] != 7 {
					t.Errorf("%d repair orders, want 7", rows[TRepairOrders])
				}
			}},
		{name: "a row of formulas without cached values is not a blank row", sev: Error,
			edit: func(t *testing.T, f folder) {
				delete(f, "维修工单.csv")
				f["维修工单.xlsx"] = string(roBook(t, []any{formula(`"R9"`), formula(`"保养"`), nil, formula("DATE(2026,10,5)")}))
			},
			want: iss("维修工单.xlsx [Sheet1] row 8, column 工单号 (A8)", msg.ValFormulaNoValue)},
		{name: "an unquoted thousands separator in a CSV", sev: Error,
			edit: func(t *testing.T, f folder) {
				f.add("美容销售.csv", "MR1,2026-10-05,100", "MR2,2026-10-05,1,234.50")
			},
			want: iss("美容销售.csv row 3, column "+msg.CSVBeyondHeader+" (D3)", msg.CSVExtraCells, 4, 3)},
		{name: "empty trailing cells of a CSV are fine, and so is data under an unnamed header field",
			edit: func(t *testing.T, f folder) {
				f["美容销售.csv"] = "单据号,日期,实收金额,\nMR1,2026-10-05,100,客户自带券\nMR2,2026-10-05,100,,\n"
			},
			check: func(t *testing.T, r *Report, rows map[string]int) {
				if rows[TBeautySales] != 2 {
					t.Errorf("%d beauty rows", rows[TBeautySales])
				}
			}},
		{name: "a zero-width space does not make a second key", sev: Error,
			edit: func(t *testing.T, f folder) {
				f.add("美容销售.csv", "MR1,2026-10-05,100", "MR1\u200b,2026-10-06,100")
			},
			want: iss("美容销售.csv row 3, column 单据号 (A3)", msg.ValDuplicate, "doc_no", "MR1", 2)},
		{name: "a product named TOTAL is data, not a total row",
			edit: func(t *testing.T, f folder) {
				f["美容销售.csv"] = "项目,单据号,日期,实收金额\n精致洗车,MR1,2026-10-05,100\nTOTAL 镀晶套餐,MR2,2026-10-06,800\n合 计,,,900\n"
			},
			check: func(t *testing.T, r *Report, rows map[string]int) {
				if rows[TBeautySales] != 2 {
					t.Errorf("%d beauty rows, want 2 (the TOTAL product counted, 合 计 skipped)", rows[TBeautySales])
				}
			}},
		{name: "the day alone in a date column", sev: Error,
			edit: func(t *testing.T, f folder) { f.add("美容销售.csv", "MR1,3,100") },
			want: iss("美容销售.csv row 2, column 日期 (B2)", msg.ValImplausibleDate, "3", "1900-01-03")},
		{name: "an amount no payroll has", sev: Error,
			edit: func(t *testing.T, f folder) { f.add("美容销售.csv", "MR1,2026-10-05,1e400") },
			want: iss("美容销售.csv row 2, column 实收金额 (C2)", msg.ValTooLarge, "1e400")},
		{name: "an id not on the roster in many rows: three listed, the rest counted", sev: Error,
			edit: func(t *testing.T, f folder) {
				for i := range 5 {
					f.add("维修工单.csv", fmt.Sprintf("R%d,保养,X99,2026-10-03", i))
				}
			},
			check: func(t *testing.T, r *Report, rows map[string]int) {
				var got []string
				for _, i := range r.Issues {
					got = append(got, i.String())
				}
				want := []string{
					iss("维修工单.csv row 2, column 服务顾问工号 (C2)", msg.ValNotOnRoster, "X99"),
					iss("维修工单.csv row 3, column 服务顾问工号 (C3)", msg.ValNotOnRoster, "X99"),
					iss("维修工单.csv row 4, column 服务顾问工号 (C4)", msg.ValNotOnRoster, "X99"),
					iss("维修工单.csv", msg.ValNotOnRosterMore, "X99", 2, 5, 3),
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}},
		{name: "an empty file", sev: Error,
			edit: func(t *testing.T, f folder) { f["美容销售.csv"] = "\r\n,,\r\n" },
			want: iss("美容销售.csv", msg.InEmptyFile)},
		{name: "UTF-16 tab-separated text (Excel's Unicode Text, saved as .txt); other .txt files ignored",
			edit: func(t *testing.T, f folder) {
				delete(f, "美容销售.csv")
				f["美容销售.txt"] = utf16le("单据号\t日期\t实收金额\r\nMR1\t2026-10-05\t100\r\n")
				f["说明.txt"] = "notes"
				f["维修工单.pdf"] = "%PDF-1.4" // a printout beside the table: left alone
			},
			check: func(t *testing.T, r *Report, rows map[string]int) {
				if rows[TBeautySales] != 1 {
					t.Errorf("%d beauty rows", rows[TBeautySales])
				}
			}},
		{name: "a UTF-8 file with a GBK row", sev: Error,
			edit: func(t *testing.T, f folder) {
				f["美容销售.csv"] = string(withBOM("单据号,日期,实收金额\nMR1,2026-10-05,100\n")) + string(gb18030(t, "MR2,2026-10-05,洗车\n"))
			},
			want: iss("美容销售.csv row 3", msg.CSVBadUTF8, "C3")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder(baseFolder())
			c.edit(t, f)
			f.write(t, dir)
			data, rep := read(t, dir)
			if c.want != "" {
				if !hasIssue(rep, c.sev, c.want) {
					t.Errorf("want %s\n  %s\nissues:%s", c.sev, c.want, issueLines(rep))
				}
				return
			}
			if len(rep.Issues) != 0 && c.sev != Error {
				t.Errorf("want no issues:%s", issueLines(rep))
			}
			rows := map[string]int{}
			for _, ti := range data.Tables {
				rows[ti.Table] = ti.Rows
			}
			c.check(t, rep, rows)
		})
	}
}

// A workbook whose shared strings unpack to more than the limit is refused before it is unpacked.
func TestSharedStringsBomb(t *testing.T) {
	defer func(n uint64) { maxSharedStrings = n }(maxSharedStrings)
	maxSharedStrings = 4 << 10
	dir := t.TempDir()
	f := folder(baseFolder())
	delete(f, "维修工单.csv")
	f["维修工单.xlsx"] = string(xlsxBytes(t, xbook{sheets: []xsheet{{name: "Sheet1", rows: [][]any{
		{"工单号", "维修类型", "服务顾问工号", "接车日期"}, {strings.Repeat("长", 3000), "保养", "A01", "2026-10-03"},
	}}}}))
	f.write(t, dir)
	_, rep := read(t, dir)
	want := iss("维修工单.xlsx", msg.XLSXTooLarge, "xl/sharedStrings.xml", 0, 0)
	if !hasIssue(rep, Error, want) {
		t.Errorf("want %s\nissues:%s", want, issueLines(rep))
	}
}

// utf16le encodes s as UTF-16 little-endian with its byte order mark.
func utf16le(s string) string {
	b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	return b
}
