package importers

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"payout/internal/msg"
)

// sharedText replaces the text of the shared string "保养" (B2…B7 of roBook) with t as written in the XML.
func sharedText(t string) func(string) string {
	return func(s string) string { return strings.Replace(s, "<si><t>保养</t></si>", "<si><t>"+t+"</t></si>", 1) }
}

// A cell's text is at most Excel's 32,767 characters, in sheets (inline or shared, counted before excelize
// decodes it: a 120 MB shared string named by 85 cells exhausted memory) and in CSV files alike.
func TestReadCellTooLong(t *testing.T) {
	long := strings.Repeat("长", 40000)
	tooLong := func(loc, cell string, n int) string { return iss(loc, msg.CellTooLong, cell, n, 32767) }
	cases := []struct {
		name string
		part string
		edit func(string) string
		csv  string // 美容销售.csv instead of a workbook
		want string
	}{
		{name: "inline", part: roSheet, edit: badCell(4, long),
			want: tooLong("维修工单.xlsx [Sheet1] row 4", "M4", 40000)},
		{name: "inline, in rich-text runs", part: roSheet,
			edit: func(s string) string {
				r := strings.Repeat("长", 20000)
				return inRow(s, 4, `<c r="M4" t="inlineStr"><is><r><t>`+r+`</t></r><r><t>`+r+"x</t></r></is></c>")
			},
			want: tooLong("维修工单.xlsx [Sheet1] row 4", "M4", 40001)},
		{name: "entities count as one character", part: roSheet, edit: badCell(5, strings.Repeat("&amp;", 32768)),
			want: tooLong("维修工单.xlsx [Sheet1] row 5", "M5", 32768)},
		{name: "a cell without a reference", part: roSheet,
			edit: func(s string) string { return inRow(s, 3, "<c><v>"+strings.Repeat("9", 40000)+"</v></c>") },
			want: tooLong("维修工单.xlsx [Sheet1] row 3", "G3", 40000)},
		{name: "shared", part: "xl/sharedStrings.xml", edit: sharedText(long),
			want: tooLong("维修工单.xlsx [Sheet1] row 2", "B2", 40000)},
		{name: "CSV", csv: "单据号,日期,实收金额\nMR1,2026-10-05,100\nMR2,\"" + long + "\",100\n",
			want: tooLong("美容销售.csv row 3", "B3", 40000)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder(baseFolder())
			if c.csv != "" {
				f["美容销售.csv"] = c.csv
			} else {
				delete(f, "维修工单.csv")
				f["维修工单.xlsx"] = string(patchZip(t, roBook(t), c.part, c.edit))
			}
			f.write(t, dir)
			_, rep := read(t, dir)
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want\n  %s\nissues:%s", c.want, issueLines(rep))
			}
		})
	}
}

// A cell of exactly 32,767 characters is read, inline, shared or in a CSV file.
func TestReadCellAtLimit(t *testing.T) {
	limit := strings.Repeat("长", 32766) + "&amp;"
	dir := t.TempDir()
	f := folder(baseFolder())
	delete(f, "维修工单.csv")
	b := patchZip(t, roBook(t), roSheet, badCell(4, limit))
	f["维修工单.xlsx"] = string(patchZip(t, b, "xl/sharedStrings.xml", sharedText(limit)))
	f["美容销售.csv"] = "单据号,日期,实收金额,备注\nMR1,2026-10-05,100," + strings.Repeat("长", 32767) + "\n"
	f.write(t, dir)
	data, rep := read(t, dir)
	if len(data.RepairOrders) != 6 || len(data.BeautySales) != 1 {
		t.Errorf("%d repair orders, %d beauty sales", len(data.RepairOrders), len(data.BeautySales))
	}
	for _, i := range rep.Issues {
		if strings.Contains(i.Message, "characters") {
			t.Errorf("issue %s", i)
		}
	}
}

// The text a sheet or CSV file gives is limited in sum: a long shared string named by many cells is
// refused at the cell that passes the limit, before excelize copies it for each.
func TestReadTextTooMuch(t *testing.T) {
	defer func(n int64) { maxSourceText = n }(maxSourceText)
	maxSourceText = 1 << 20
	s2000 := strings.Repeat("长", 2000) // 6,000 bytes: 174 of them are 1,044,000, 175 pass 1 MiB
	rows := [][]any{}
	var csvText strings.Builder
	csvText.WriteString("单据号,日期,实收金额,备注\n") // 36 bytes of text
	for i := 0; i < 200; i++ {
		rows = append(rows, []any{s2000})
		fmt.Fprintf(&csvText, "MR%d,2026-10-05,100,%s\n", i, s2000)
	}
	// CSV: the header's 36 bytes, then per row "MRi" + 10 + 3 + 6,000.
	sum, want := int64(36), ""
	for r := 2; want == ""; r++ {
		for j, c := range []string{fmt.Sprintf("MR%d", r-2), "2026-10-05", "100", s2000} {
			if sum += int64(len(c)); sum > maxSourceText {
				want = iss(fmt.Sprintf("美容销售.csv row %d", r), msg.TextTooMuch, 1, cellRef(j, r))
				break
			}
		}
	}
	dir := t.TempDir()
	f := folder(baseFolder())
	delete(f, "维修工单.csv")
	f["维修工单.xlsx"] = string(xlsxBytes(t, xbook{sheets: []xsheet{{name: "Sheet1", rows: rows}}}))
	f["美容销售.csv"] = csvText.String()
	f.write(t, dir)
	_, rep := read(t, dir)
	for _, w := range []string{iss("维修工单.xlsx [Sheet1] row 175", msg.TextTooMuch, 1, "A175"), want} {
		if !hasIssue(rep, Error, w) {
			t.Errorf("want\n  %s\nissues:%s", w, issueLines(rep))
		}
	}
}

// The byte scan refuses an overlong shared string before excelize reads a row (it would copy the string
// for every cell naming it).
func TestOpenRefusesLongSharedStringFirst(t *testing.T) {
	dir := t.TempDir()
	b := patchZip(t, roBook(t), "xl/sharedStrings.xml", sharedText(strings.Repeat("长", 1<<20)))
	writeFile(t, dir, "w.xlsx", b)
	wb, err := openWorkbook(filepath.Join(dir, "w.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	s, err := wb.open("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var re *rowError
	if !errors.As(s.err(), &re) || s.rows != nil || re.row != 2 ||
		re.msg != fmt.Sprintf(msg.CellTooLong, "B2", 1<<20, 32767) {
		t.Errorf("err = %v, rows started: %v", s.err(), s.rows != nil)
	}
}

// A file of many rows without a header is reported (Read waited forever for the rows nobody took).
func TestReadNoHeaderManyRows(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f["美容销售.csv"] = strings.Repeat("a,b,c\n", 5000)
	f.write(t, dir)
	done := make(chan *Report, 1)
	go func() { _, rep := read(t, dir); done <- rep }()
	select {
	case rep := <-done:
		want := iss("美容销售.csv", msg.InNoHeader, "单据号, 日期, 实收金额")
		if !hasIssue(rep, Error, want) {
			t.Errorf("want\n  %s\nissues:%s", want, issueLines(rep))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Read did not return")
	}
}
