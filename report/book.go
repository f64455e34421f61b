package report

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"payout/calc"
	"payout/model"
)

// book is a workbook being written in normal mode (small sheets: byte-identical output run to run), with
// the styles every report uses. Text goes in as text (never a formula), money as exact numbers with the
// #,##0.00 format.
type book struct {
	f                                  *excelize.File
	title, header, text, moneyS, bold  int
	boldMoney, percent, wrap, sumMoney int
	sumText, number                    int
	// used is each sheet's used range so far (last column and row written), declared as the sheet's
	// dimension when the book is written: excelize leaves it at A1, and readers that trust it (openpyxl
	// read-only, some Java readers) would see one cell.
	used map[string]*[2]int
}

const cjkFont = "宋体"

func newBook() (*book, error) {
	f := excelize.NewFile()
	// Fastest deflate: payslips are small and many; the output stays deterministic.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, fastDeflate)
		return zw
	})
	b := &book{f: f, used: map[string]*[2]int{}}
	if err := f.SetDocProps(&excelize.DocProperties{Created: fixedTime, Modified: fixedTime, Creator: "payout", LastModifiedBy: "payout"}); err != nil {
		return nil, err
	}
	// Every cell written gets a style with the CJK font; the default font (in the theme) is left as it is,
	// which spares parsing and writing the theme for each of thousands of payslips.
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: cjkFont, Bold: bold, Size: size}
	}
	border := []excelize.Border{{Type: "top", Color: "#000000", Style: 1}}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}}
	styles := []struct {
		dst *int
		s   excelize.Style
	}{
		{&b.title, excelize.Style{Font: font(true, 14)}},
		{&b.header, excelize.Style{Font: font(true, 11), Fill: fill, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.text, excelize.Style{Font: font(false, 11), NumFmt: 49}},
		{&b.moneyS, excelize.Style{Font: font(false, 11), NumFmt: 4}},
		{&b.bold, excelize.Style{Font: font(true, 11), NumFmt: 49}},
		{&b.boldMoney, excelize.Style{Font: font(true, 11), NumFmt: 4}},
		{&b.percent, excelize.Style{Font: font(false, 11), CustomNumFmt: strPtr("0.0000%")}},
		{&b.wrap, excelize.Style{Font: font(false, 10), NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.sumMoney, excelize.Style{Font: font(true, 11), NumFmt: 4, Border: border}},
		{&b.sumText, excelize.Style{Font: font(true, 11), NumFmt: 49, Border: border}},
		{&b.number, excelize.Style{Font: font(false, 11), Alignment: &excelize.Alignment{Horizontal: "right"}}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return nil, err
		}
		*s.dst = id
	}
	return b, nil
}

var flatePool sync.Pool

// pooledFlate returns its deflate writer to the pool when closed (a new one costs about a megabyte).
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

func fastDeflate(out io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(out)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(out, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}

func strPtr(s string) *string { return &s }

func ref(col, row int) string {
	r, _ := excelize.CoordinatesToCellName(col, row)
	return r
}

// str writes a text cell (stored as a string whatever it starts with: never a formula).
func (b *book) str(sheet string, col, row int, s string, style int) error {
	// A cell holds at most 32,767 characters (Excel's limit); cut on a character, never inside one.
	if len(s) > 32000 {
		if r := []rune(s); len(r) > 32000 {
			s = string(r[:32000]) + "…"
		}
	}
	c := ref(col, row)
	b.touch(sheet, col, row)
	if err := b.f.SetCellStr(sheet, c, s); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, c, c, style)
}

// num writes an exact number (its decimal text is stored as is: no float rounding).
func (b *book) num(sheet string, col, row int, d decimal.Decimal, places int32, style int) error {
	c := ref(col, row)
	b.touch(sheet, col, row)
	v := d.String()
	if places >= 0 {
		v = d.StringFixed(places)
	}
	if err := b.f.SetCellDefault(sheet, c, v); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, c, c, style)
}

// headerRow writes a header row.
func (b *book) headerRow(sheet string, row int, labels ...string) error {
	for i, l := range labels {
		if err := b.str(sheet, i+1, row, l, b.header); err != nil {
			return err
		}
	}
	return nil
}

// widths sets column widths in characters (CJK counted as 2).
func (b *book) widths(sheet string, ws ...float64) error {
	for i, w := range ws {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetColWidth(sheet, c, c, w); err != nil {
			return err
		}
	}
	return nil
}

// a4 sets A4 paper, fitted to one page wide.
func (b *book) a4(sheet string, landscape bool) error {
	size, one, zero := 9, 1, 0
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	return b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// touch extends the sheet's used range to the cell at col, row.
func (b *book) touch(sheet string, col, row int) {
	u := b.used[sheet]
	if u == nil {
		u = &[2]int{1, 1}
		b.used[sheet] = u
	}
	u[0], u[1] = max(u[0], col), max(u[1], row)
}

// merge merges the cells from col1, row1 to col2, row2 (within the used range).
func (b *book) merge(sheet string, col1, row1, col2, row2 int) error {
	b.touch(sheet, col2, row2)
	return b.f.MergeCell(sheet, ref(col1, row1), ref(col2, row2))
}

// write declares every sheet's used range and writes the workbook.
func (b *book) write(w io.Writer) error {
	for sheet, u := range b.used {
		if err := setDimension(b.f, sheet, u[0], u[1]); err != nil {
			return err
		}
	}
	_, err := b.f.WriteTo(w)
	return err
}

// setDimension declares a sheet's used range as A1 to the cell at lastCol, lastRow.
func setDimension(f *excelize.File, sheet string, lastCol, lastRow int) error {
	r := "A1"
	if lastCol > 1 || lastRow > 1 {
		r += ":" + ref(lastCol, lastRow)
	}
	return f.SetSheetDimension(sheet, r)
}

func (b *book) close() { _ = b.f.Close() }

// fitWidth is a column width for the longest of texts, CJK counted as 2, within [min, max].
func fitWidth(min, max float64, texts ...string) float64 {
	w := min
	for _, t := range texts {
		if x := float64(displayWidth(t)) + 2; x > w {
			w = x
		}
	}
	if w > max {
		return max
	}
	return w
}

// SourcesText summarises source rows: per file and sheet, the rows as ranges, e.g.
// `维修工单.xlsx [维修工单] 行 5-9, 12` (at most max characters).
func SourcesText(srcs []model.Source, max int) string {
	type key struct{ file, sheet string }
	rows := map[key][]int{}
	var keys []key
	for _, s := range srcs {
		k := key{s.File, s.Sheet}
		if _, ok := rows[k]; !ok {
			keys = append(keys, k)
		}
		rows[k] = append(rows[k], s.Row)
	}
	var parts []string
	for _, k := range keys {
		rs := rows[k]
		sort.Ints(rs)
		var ranges []string
		for i := 0; i < len(rs); {
			j := i
			for j+1 < len(rs) && rs[j+1] <= rs[j]+1 {
				j++
			}
			if rs[j] == rs[i] {
				ranges = append(ranges, fmt.Sprint(rs[i]))
			} else {
				ranges = append(ranges, fmt.Sprintf("%d-%d", rs[i], rs[j]))
			}
			i = j + 1
		}
		loc := k.file
		if k.sheet != "" {
			loc += " [" + k.sheet + "]"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", loc, LabelRows, strings.Join(ranges, ", ")))
	}
	s := strings.Join(parts, "; ")
	if max > 0 && len([]rune(s)) > max {
		s = string([]rune(s)[:max]) + fmt.Sprintf(" … (%d %s)", len(srcs), LabelRowsCount)
	}
	return s
}

// fitRow sets a row's height for wrapped texts in columns of the given widths (CJK counted as 2), so that
// office suites that do not re-measure rows show every line.
func (b *book) fitRow(sheet string, row int, widths []float64, texts []string) error {
	lines := 1
	for i, t := range texts {
		if i >= len(widths) || widths[i] <= 2 {
			continue
		}
		n := 0
		for _, part := range strings.Split(t, "\n") {
			w := float64(displayWidth(part))
			n += int(w/(widths[i]-1)) + 1
		}
		if n > lines {
			lines = n
		}
	}
	if lines > 30 {
		lines = 30
	}
	if lines == 1 {
		return nil
	}
	return b.f.SetRowHeight(sheet, row, float64(lines)*13.5+2)
}

// sourceTexts caches SourcesText of the steps of a result: a figure's step can name hundreds of thousands
// of rows, and every payslip of its pool shows it. Safe for concurrent use.
type sourceTexts struct {
	r   *calc.Result
	max int
	mu  sync.Mutex
	m   map[int]string
}

func newSourceTexts(r *calc.Result, max int) *sourceTexts {
	return &sourceTexts{r: r, max: max, m: map[int]string{}}
}

func (c *sourceTexts) get(i int) string {
	if len(c.r.Steps[i].Sources) < 32 {
		return SourcesText(c.r.Steps[i].Sources, c.max)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[i]
	if !ok {
		s = SourcesText(c.r.Steps[i].Sources, c.max)
		c.m[i] = s
	}
	return s
}
