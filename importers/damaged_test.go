package importers

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"payout/internal/msg"
)

const roSheet = "xl/worksheets/sheet1.xml"

// inRow puts XML into the end of row n of a sheet (before its </row>).
func inRow(s string, n int, x string) string {
	i := strings.Index(s, fmt.Sprintf(`<row r="%d"`, n))
	j := i + strings.Index(s[i:], "</row>")
	return s[:j] + x + s[j:]
}

// badCell is a cell of row n holding text t as written in the XML (not escaped).
func badCell(n int, t string) func(string) string {
	return func(s string) string {
		return inRow(s, n, fmt.Sprintf(`<c r="M%d" t="inlineStr"><is><t>%s</t></is></c>`, n, t))
	}
}

var (
	openTag  = regexp.MustCompile(`<(/?)([A-Za-z]\w*)([ />])`)
	mainNS   = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	prefixNS = `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
)

// prefixed writes a SpreadsheetML part with the prefix x: on every element, as some exporters do.
func prefixed(s string) string {
	return strings.Replace(openTag.ReplaceAllString(s, "<${1}x:${2}${3}"), mainNS, prefixNS, 1)
}

// readRO reads the base folder with 维修工单.xlsx made of b, its sheet edited by edit.
func readRO(t *testing.T, b []byte, part string, edit func(string) string) *Report {
	t.Helper()
	dir := t.TempDir()
	f := folder(baseFolder())
	delete(f, "维修工单.csv")
	if edit != nil {
		b = patchZip(t, b, part, edit)
	}
	f["维修工单.xlsx"] = string(b)
	f.write(t, dir)
	_, rep := read(t, dir)
	return rep
}

// Any XML error inside a sheet is an error at its row: excelize stops reading at it without a word (one bad
// cell in row 800 of 1,445 lost the rest of the month's repair orders).
func TestReadDamagedSheetXML(t *testing.T) {
	const at = "维修工单.xlsx [Sheet1]"
	damaged := func(row int, e string) string {
		loc := at
		if row > 0 {
			loc = fmt.Sprintf("%s row %d", at, row)
		}
		return iss(loc, msg.XLSXDamaged, "XML syntax error: "+e)
	}
	cases := []struct {
		name string
		edit func(string) string
		want string
	}{
		{"a raw &", badCell(4, "A&B"), damaged(4, "invalid character entity &B (no semicolon)")},
		{"an HTML entity", badCell(4, "A&nbsp;B"), damaged(4, "invalid character entity &nbsp;")},
		{"a control byte", badCell(4, "A\x01B"), damaged(4, "illegal character code U+0001")},
		{"a stray <", badCell(4, "A < B"), damaged(4, "expected element name after <")},
		{"a bad end tag", badCell(4, "A</x>"), damaged(4, "element <t> closed by </x>")},
		{"GBK bytes", badCell(4, string(gb18030(t, "张伟"))), damaged(4, "invalid UTF-8")},
		{"in the last row", badCell(7, "A&B"), damaged(7, "invalid character entity &B (no semicolon)")},
		{"in the header", badCell(1, "A&B"), damaged(1, "invalid character entity &B (no semicolon)")},
		{"after the rows", func(s string) string { return strings.Replace(s, "</sheetData>", "</sheetData>A&B", 1) },
			damaged(0, "invalid character entity &B (no semicolon)")},
		{"rows out of order after the damage", func(s string) string {
			s = badCell(4, "A&B")(s)
			return strings.Replace(s, "</sheetData>", `<row r="3"><c r="A3"><v>1</v></c></row></sheetData>`, 1)
		}, damaged(4, "invalid character entity &B (no semicolon)")},
		{"a prefixed sheet", func(s string) string { return prefixed(badCell(4, "A&B")(s)) },
			damaged(4, "invalid character entity &B (no semicolon)")},
		{"a comment before the damage", func(s string) string {
			return strings.Replace(badCell(7, "A&B")(s), "<sheetData>", "<sheetData><!-- <row r=\"99\"> -->", 1)
		}, damaged(7, "invalid character entity &B (no semicolon)")},
		{"rows after an empty sheet data", func(s string) string {
			return strings.Replace(s, "<sheetData>", "<sheetData></sheetData><sheetData>", 1)
		}, iss(at, msg.XLSXRowsNotRead, 0, 7)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := readRO(t, roBook(t), roSheet, c.edit)
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want\n  %s\nissues:%s", c.want, issueLines(rep))
			}
		})
	}
}

// A cell with an attribute excelize cannot read is an error: excelize reads it as empty without a word (an
// amount of 100 became 0).
func TestReadCellExcelizeCannotRead(t *testing.T) {
	const f4 = `<c r="F4"><v>100</v>`
	cases := []struct {
		name, cell, want string
	}{
		{"a style index that is not a number", `<c r="F4" s="x"><v>100</v>`,
			iss("维修工单.xlsx [Sheet1] row 4", msg.XLSXBadCell, "F4", "s", "x")},
		{"an empty style index", `<c r="F4" s=""><v>100</v>`,
			iss("维修工单.xlsx [Sheet1] row 4", msg.XLSXBadCell, "F4", "s", "")},
		{"a formula flag that is not true or false", `<c r="F4"><f ca="yes">50*2</f><v>100</v>`,
			iss("维修工单.xlsx [Sheet1] row 4", msg.XLSXBadCell, "F4", "ca", "yes")},
		{"a shared formula index that is not a number", `<c r="F4"><f t="shared" si="a">50*2</f><v>100</v>`,
			iss("维修工单.xlsx [Sheet1] row 4", msg.XLSXBadCell, "F4", "si", "a")},
	}
	const b4 = `<c r="B4" t="s"><v>7</v>`
	for _, c := range []struct{ name, cell, v string }{
		{"a shared string the workbook does not have", `<c r="B4" t="s"><v>16</v>`, "16"},
		{"a shared string index that is not a number", `<c r="B4" t="s"><v>x</v>`, "x"},
	} {
		cases = append(cases, struct{ name, cell, want string }{c.name, c.cell,
			iss("维修工单.xlsx [Sheet1] row 4", msg.XLSXBadSharedIndex, "B4", c.v, 16)})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := readRO(t, roBook(t), roSheet, func(s string) string {
				return strings.Replace(strings.Replace(s, f4, c.cell, 1), b4, c.cell, 1)
			})
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want\n  %s\nissues:%s", c.want, issueLines(rep))
			}
		})
	}
}

// Shared strings too many for memory, which excelize reads from a temporary file ignoring XML errors (the
// strings after one read as empty), are decoded in full.
func TestReadLargeSharedStringsDamaged(t *testing.T) {
	pad := "<si><t>" + strings.Repeat("x", UnzipXMLSizeLimit) + "</t></si></sst>"
	rep := readRO(t, roBook(t), "xl/sharedStrings.xml", func(s string) string {
		s = strings.Replace(s, "<si><t>R3</t></si>", "<si><t>R&3</t></si>", 1)
		return strings.Replace(s, "</sst>", pad, 1)
	})
	want := iss("维修工单.xlsx [Sheet1]", msg.InReadFailed,
		fmt.Sprintf(msg.XLSXSharedDamaged, "XML syntax error: invalid character entity &3 (no semicolon)"))
	if !hasIssue(rep, Error, want) {
		t.Errorf("want\n  %s\nissues:%s", want, issueLines(rep))
	}
}

// An intact sheet, prefixed or with a comment, reads as before: every row, no issue.
func TestReadIntactSheetXML(t *testing.T) {
	for name, edit := range map[string]func(string) string{
		"as written":  nil,
		"prefixed":    prefixed,
		"a comment":   func(s string) string { return strings.Replace(s, "<sheetData>", "<sheetData><!-- x -->", 1) },
		"a long last": func(s string) string { return badCell(7, strings.Repeat("长", 3000))(s) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder(baseFolder())
			delete(f, "维修工单.csv")
			b := roBook(t)
			if edit != nil {
				b = patchZip(t, b, roSheet, edit)
			}
			f["维修工单.xlsx"] = string(b)
			f.write(t, dir)
			data, rep := read(t, dir)
			if rep.HasErrors() || len(data.RepairOrders) != 6 {
				t.Errorf("%d repair orders, issues:%s", len(data.RepairOrders), issueLines(rep))
			}
		})
	}
}

// A formula without a cached value is found in a sheet whose elements carry a prefix (<x:f>): it read as an
// empty amount, and the month's total changed without a word.
func TestReadPrefixedFormulaWithoutValue(t *testing.T) {
	b := roBook(t, []any{"R9", "保养", "A01", "2026-10-03", "2026-10-04", formula("100*2")})
	rep := readRO(t, b, roSheet, prefixed)
	want := iss("维修工单.xlsx [Sheet1] row 8, column 实收金额 (F8)", msg.ValFormulaNoValue)
	if !hasIssue(rep, Error, want) {
		t.Errorf("want\n  %s\nissues:%s", want, issueLines(rep))
	}
}

// withEntry adds a part to a zip package (a second entry of a name it has, or a new one).
func withEntry(t *testing.T, b []byte, name, data string) []byte {
	t.Helper()
	return rewriteZip(t, b, func(_ string, d []byte) []byte { return d }, name, data)
}

// A package holding two entries of one part is refused (excelize reads the last, the checks read the
// other), and so is a workbook with two sheets whose names differ in case only (excelize takes either).
func TestReadDuplicateParts(t *testing.T) {
	cut := func(s string) string { return s[:strings.Index(s, `<row r="4"`)] }
	var sheet string
	patchZip(t, roBook(t), roSheet, func(s string) string { sheet = s; return s })
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"a sheet twice, the second cut short", withEntry(t, roBook(t), roSheet, cut(sheet)),
			iss("维修工单.xlsx", msg.XLSXDuplicatePart, roSheet)},
		{"a sheet twice, the second named with a backslash", withEntry(t, roBook(t), `xl\worksheets\sheet1.xml`, sheet),
			iss("维修工单.xlsx", msg.XLSXDuplicatePart, `xl\worksheets\sheet1.xml`)},
		{"sheet names differing in case", patchZip(t,
			xlsxBytes(t, xbook{sheets: []xsheet{{name: "Sheet1", rows: [][]any{{"x"}}}, {name: "说明", rows: [][]any{{"y"}}}}}),
			"xl/workbook.xml", func(s string) string { return strings.Replace(s, `name="说明"`, `name="SHEET1"`, 1) }),
			iss("维修工单.xlsx", msg.XLSXDuplicateSheet, "Sheet1", "SHEET1")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := readRO(t, c.b, "", nil)
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want\n  %s\nissues:%s", c.want, issueLines(rep))
			}
		})
	}
}
