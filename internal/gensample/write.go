package gensample

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

type kind uint8

const (
	kBlank kind = iota
	kText
	kNum   // a number in General format (ids, hours, ratios)
	kMoney // a number shown as #,##0.00
	kDate  // an Excel date serial shown as yyyy-mm-dd
	kTime  // an Excel date-time serial shown as yyyy-mm-dd hh:mm
	kTitle // xlsx only: the bold title row above the header
	kHeader
)

// cell is one value of a generated table, rendered either into an xlsx cell or a CSV field.
type cell struct {
	k kind
	s string          // kText
	d decimal.Decimal // kNum, kMoney, and the amount behind a money text (for 合计 rows)
	t time.Time       // kDate, kTime
}

func txt(s string) cell            { return cell{k: kText, s: s} }
func num(v int) cell               { return cell{k: kNum, d: decimal.NewFromInt(int64(v))} }
func dnum(d decimal.Decimal) cell  { return cell{k: kNum, d: d} }
func money(d decimal.Decimal) cell { return cell{k: kMoney, d: d} }
func dtime(t time.Time) cell       { return timeCell(kTime, t) }
func date(t time.Time) cell        { return timeCell(kDate, t) }
func timeCell(k kind, t time.Time) cell {
	if t.IsZero() {
		return cell{}
	}
	return cell{k: k, t: t}
}

// moneyText writes an amount as text the way a clerk types it: "1,234.50" or "￥12,345.00".
func moneyText(d decimal.Decimal, prefix string) cell {
	s := d.Abs().StringFixed(2)
	intPart, frac := s[:len(s)-3], s[len(s)-3:]
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	sign := ""
	if d.IsNegative() {
		sign = "-"
	}
	return cell{k: kText, s: sign + prefix + b.String() + frac, d: d}
}

// text renders a cell for CSV; dateFmt is the table's date layout.
func (c cell) text(dateFmt string) string {
	switch c.k {
	case kText, kTitle, kHeader:
		return c.s
	case kNum:
		return c.d.String()
	case kMoney:
		return c.d.StringFixed(2)
	case kDate:
		return c.t.Format(dateFmt)
	case kTime:
		return c.t.Format(dateFmt + " 15:04")
	}
	return ""
}

// CSV encodings.
const (
	encUTF8    = "utf8"
	encBOM     = "utf8-bom"
	encGB18030 = "gb18030"
)

// table is one generated table. Tables with the same book are sheets of one workbook.
type table struct {
	name    string // table (and file) name; "" for sheets that are not tables (填表说明)
	book    string // workbook file name without .xlsx; defaults to name
	sheet   string // sheet name; defaults to name
	title   string // optional title row above the header
	header  []string
	rows    [][]cell // a nil row is written blank
	sum     []int    // columns summed in a trailing 合计 row; none: no total row
	enc     string   // CSV encoding; "" for an xlsx table
	dateFmt string   // CSV date layout; default 2006-01-02
}

// totalRow returns the 合计 row, or nil.
func (t *table) totalRow() []cell {
	if len(t.sum) == 0 {
		return nil
	}
	row := make([]cell, len(t.header))
	row[0] = txt("合计")
	for _, j := range t.sum {
		total, k := decimal.Zero, kMoney
		for _, r := range t.rows {
			if j < len(r) && r[j].k != kBlank {
				total = total.Add(r[j].d)
				if r[j].k == kNum {
					k = kNum
				}
			}
		}
		row[j] = cell{k: k, d: total}
	}
	return row
}

// streamRows is the size above which a sheet is written with excelize's StreamWriter.
const streamRows = 5000

// write writes every table into dir, as xlsx workbooks and CSV files.
func (g *gen) write(dir string) error {
	var books []string
	byBook := map[string][]*table{}
	for _, t := range g.tables {
		t.book, t.sheet, t.dateFmt = cmp.Or(t.book, t.name), cmp.Or(t.sheet, t.name), cmp.Or(t.dateFmt, "2006-01-02")
		csvFile, xlsxFile := filepath.Join(dir, t.name+".csv"), filepath.Join(dir, t.book+".xlsx")
		asCSV := t.enc != "" || g.cfg.AllCSV
		other := csvFile // this table's file of the other variant: both would be ambiguous
		if asCSV {
			other = xlsxFile
		}
		if err := os.Remove(other); t.name != "" && err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		switch {
		case asCSV && t.name != "": // (填表说明 has no CSV form)
			if err := writeCSV(csvFile, t, cmp.Or(t.enc, encBOM)); err != nil { // BOM: Excel's "CSV UTF-8"
				return err
			}
		case !asCSV:
			if byBook[t.book] == nil {
				books = append(books, t.book)
			}
			byBook[t.book] = append(byBook[t.book], t)
		}
	}
	for _, b := range books {
		if err := writeBook(filepath.Join(dir, b+".xlsx"), byBook[b], g.m1.Format("2006-01-02T15:04:05Z")); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(path string, t *table, enc string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // as Excel and WPS save CSV
	for _, r := range t.allRows() {
		rec := make([]string, len(t.header)) // every row padded to the header's width, as Excel does
		for j, c := range r {
			rec[j] = c.text(t.dateFmt)
		}
		_ = w.Write(rec)
	}
	w.Flush()
	data := buf.Bytes()
	switch enc {
	case encBOM:
		data = append([]byte("\uFEFF"), data...)
	case encGB18030:
		var err error
		if data, err = simplifiedchinese.GB18030.NewEncoder().Bytes(data); err != nil {
			return err
		}
	}
	return writeFile(path, func(f io.Writer) error { _, err := f.Write(data); return err })
}

// allRows is the title row (if any), the header, the data rows and the 合计 row (if any).
func (t *table) allRows() [][]cell {
	var rows [][]cell
	if t.title != "" {
		rows = append(rows, []cell{{k: kTitle, s: t.title}})
	}
	hdr := make([]cell, len(t.header))
	for j, h := range t.header {
		hdr[j] = cell{k: kHeader, s: h}
	}
	rows = append(append(rows, hdr), t.rows...)
	if tot := t.totalRow(); tot != nil {
		rows = append(rows, tot)
	}
	return rows
}

// writeFile creates path with mode 0644 and fills it.
func writeFile(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// styles maps a cell kind to its xlsx style id.
type styles map[kind]int

var styleDefs = map[kind]*excelize.Style{
	kTitle:  {Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}},
	kHeader: {Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}},
	kMoney:  {NumFmt: 4}, // #,##0.00
	kDate:   {CustomNumFmt: ptr("yyyy-mm-dd")},
	kTime:   {CustomNumFmt: ptr("yyyy-mm-dd hh:mm")},
}

func ptr[T any](v T) *T { return &v }

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// xcell converts a cell to an excelize cell: dates become serial numbers with a date format.
func (st styles) xcell(c cell) excelize.Cell {
	x := excelize.Cell{StyleID: st[c.k]}
	switch c.k {
	case kText, kTitle, kHeader:
		x.Value = c.s
	case kNum, kMoney:
		if x.Value = c.d.InexactFloat64(); c.d.IsInteger() {
			x.Value = c.d.IntPart()
		}
	case kDate, kTime:
		m := int64(c.t.Sub(excelEpoch) / time.Minute)
		x.Value = float64(m/1440) + float64(m%1440)/1440
	}
	return x
}

// writeBook writes one workbook. A big sheet goes through a StreamWriter, at most one per workbook
// (more make the zip entry order random); the rest use normal mode. Document properties are fixed, so
// the file is byte-identical run to run.
func writeBook(path string, tabs []*table, stamp string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Created: stamp, Modified: stamp, Creator: "DMS", LastModifiedBy: "DMS"}); err != nil {
		return err
	}
	st := styles{}
	for _, k := range []kind{kTitle, kHeader, kMoney, kDate, kTime} { // fixed order: fixed style ids
		id, err := f.NewStyle(styleDefs[k])
		if err != nil {
			return err
		}
		st[k] = id
	}
	streamed := false
	for i, t := range tabs {
		err := f.SetSheetName("Sheet1", t.sheet)
		if i > 0 {
			_, err = f.NewSheet(t.sheet)
		}
		if err != nil {
			return err
		}
		stream := !streamed && len(t.rows) > streamRows
		streamed = streamed || stream
		if err := writeSheet(f, t, st, stream); err != nil {
			return err
		}
	}
	return writeFile(path, func(w io.Writer) error { return f.Write(w) })
}

func writeSheet(f *excelize.File, t *table, st styles, stream bool) (err error) {
	var sw *excelize.StreamWriter
	if stream {
		if sw, err = f.NewStreamWriter(t.sheet); err != nil {
			return err
		}
	}
	for j, h := range t.header { // column widths come first when streaming
		w := float64(max(11, 2*len([]rune(h))+2))
		if len(t.rows) > 0 && j < len(t.rows[0]) && t.rows[0][j].k == kTime {
			w = 17
		}
		col, _ := excelize.ColumnNumberToName(j + 1)
		if stream {
			err = sw.SetColWidth(j+1, j+1, w)
		} else {
			err = f.SetColWidth(t.sheet, col, col, w)
		}
		if err != nil {
			return err
		}
	}
	if last, _ := excelize.ColumnNumberToName(len(t.header)); t.title != "" && stream {
		err = sw.MergeCell("A1", last+"1")
	} else if t.title != "" {
		err = f.MergeCell(t.sheet, "A1", last+"1")
	}
	if err != nil {
		return err
	}
	for i, r := range t.allRows() {
		if r == nil {
			continue // a blank row
		}
		cells := make([]any, len(r))
		for j, c := range r {
			x := st.xcell(c)
			cells[j] = x
			if ref, _ := excelize.CoordinatesToCellName(j+1, i+1); !stream && x.Value != nil {
				if err := f.SetCellValue(t.sheet, ref, x.Value); err != nil {
					return err
				}
				if x.StyleID != 0 {
					if err := f.SetCellStyle(t.sheet, ref, ref, x.StyleID); err != nil {
						return err
					}
				}
			}
		}
		if stream {
			if err := sw.SetRow("A"+fmt.Sprint(i+1), cells); err != nil {
				return err
			}
		}
	}
	if stream {
		return sw.Flush()
	}
	return nil
}
