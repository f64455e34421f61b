package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"payout/internal/golden"
	"payout/model"
)

// TestSummaryGolden writes the sample month's summary.xlsx (with warnings and a fund ledger that has a
// month without a result, and a missing table) and compares every sheet's cells (value, type and style), column widths, panes
// and page layout with testdata/summary-2026-10.golden (go test ./report -run SummaryGolden -update
// rewrites it).
func TestSummaryGolden(t *testing.T) {
	o := sampleMonth(t)
	d := decimal.RequireFromString
	data := *o.Data // and a table that is missing
	data.Tables = append(append([]model.TableInfo{}, data.Tables...), model.TableInfo{Table: "missing_table", Missing: true})
	in := SummaryInput{Result: o.Result, Plan: o.Plan, Data: &data, Store: "本店",
		Warnings: []string{"warning: 维修工单.xlsx [维修工单] row 5: a warning", strings.Repeat("长", 200)},
		FundLedger: []FundRow{
			{Month: "2026-08", Opening: d("0"), Inflow: d("1200.50"), Spent: d("300"), Closing: d("900.50"), Closed: true},
			{Month: "2026-09", Opening: d("900.50"), Closing: d("900.50"), Missing: true, Note: "no result"},
			{Month: "2026-10", Opening: d("900.50"), Inflow: o.Result.FundTotal, Spent: d("0.1"), Closing: d("900.40").Add(o.Result.FundTotal)},
		}}
	var buf bytes.Buffer
	if err := WriteSummary(&buf, in); err != nil {
		t.Fatal(err)
	}
	got := dumpBook(t, buf.Bytes())
	golden.Check(t, "summary-2026-10.golden", got)
}

// dumpBook renders a workbook as text: per sheet (in order) its page layout, panes, the widths of its used
// columns and every cell with its type, raw value and style.
func dumpBook(t *testing.T, xlsx []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	for _, sh := range f.GetSheetList() {
		w("sheet %s", sh)
		lay, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		w("layout %s", layoutText(lay))
		panes, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		w("panes freeze=%v y=%d top=%s active=%s", panes.Freeze, panes.YSplit, panes.TopLeftCell, panes.ActivePane)
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		cols := 0
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		for c := 1; c <= cols; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			cw, err := f.GetColWidth(sh, name)
			if err != nil {
				t.Fatal(err)
			}
			w("width %s %g", name, cw)
		}
		for i, r := range rows {
			for j := range r {
				w("%s", cellText(t, f, sh, ref(j+1, i+1)))
			}
		}
	}
	return b.Bytes()
}

func layoutText(l excelize.PageLayoutOptions) string {
	deref := func(p any) string {
		switch v := p.(type) {
		case *int:
			if v != nil {
				return fmt.Sprint(*v)
			}
		case *string:
			if v != nil {
				return *v
			}
		}
		return "-"
	}
	return fmt.Sprintf("size=%s orient=%s fitW=%s fitH=%s", deref(l.Size), deref(l.Orientation), deref(l.FitToWidth), deref(l.FitToHeight))
}

// cellText is one cell as a line: reference, type, raw value and style (number format, font, fill,
// border, alignment); empty cells that carry a style are listed too.
func cellText(t *testing.T, f *excelize.File, sh, c string) string {
	t.Helper()
	v, err := f.GetCellValue(sh, c, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := f.GetCellType(sh, c)
	if err != nil {
		t.Fatal(err)
	}
	id, err := f.GetCellStyle(sh, c)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s type=%d %q | %s", c, typ, v, styleText(s))
}

func styleText(s *excelize.Style) string {
	var parts []string
	parts = append(parts, fmt.Sprintf("fmt=%d", s.NumFmt))
	if s.CustomNumFmt != nil {
		parts = append(parts, "custom="+*s.CustomNumFmt)
	}
	if f := s.Font; f != nil {
		parts = append(parts, fmt.Sprintf("font=%s/%g/bold=%v", f.Family, f.Size, f.Bold))
	}
	if len(s.Fill.Color) > 0 {
		parts = append(parts, fmt.Sprintf("fill=%s/%d/%v", s.Fill.Type, s.Fill.Pattern, s.Fill.Color))
	}
	for _, bd := range s.Border {
		parts = append(parts, fmt.Sprintf("border=%s/%s/%d", bd.Type, bd.Color, bd.Style))
	}
	if a := s.Alignment; a != nil {
		parts = append(parts, fmt.Sprintf("align=%s/%s/wrap=%v", a.Horizontal, a.Vertical, a.WrapText))
	}
	return strings.Join(parts, " ")
}
