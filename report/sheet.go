package report

import "github.com/shopspring/decimal"

// sheetWriter writes one sheet of a book from the top down: row is the row being written. The first
// error ends every later write and stays in err, so that a sheet's code reads as its layout.
type sheetWriter struct {
	b   *book
	sh  string
	row int
	err error
}

// addSheet starts a sheet at row 1: the new book's default sheet takes the name, later sheets are added.
func (b *book) addSheet(name string) *sheetWriter {
	s := &sheetWriter{b: b, sh: name, row: 1}
	if l := b.f.GetSheetList(); len(l) == 1 && l[0] == "Sheet1" {
		s.err = b.f.SetSheetName("Sheet1", name)
	} else {
		_, s.err = b.f.NewSheet(name)
	}
	return s
}

// do runs f unless a write failed before.
func (s *sheetWriter) do(f func() error) {
	if s.err == nil {
		s.err = f()
	}
}

// next moves to the next row.
func (s *sheetWriter) next() { s.row++ }

// header writes a header row and moves to the next row.
func (s *sheetWriter) header(labels ...string) {
	s.do(func() error { return s.b.headerRow(s.sh, s.row, labels...) })
	s.next()
}

// str writes a text cell of the row in a style.
func (s *sheetWriter) str(col int, t string, style int) {
	if s.err == nil {
		s.err = s.b.str(s.sh, col, s.row, t, style)
	}
}

// num writes an exact number of the row (places < 0: as many as it has) in a style.
func (s *sheetWriter) num(col int, d decimal.Decimal, places int32, style int) {
	if s.err == nil {
		s.err = s.b.num(s.sh, col, s.row, d, places, style)
	}
}

// texts writes plain text cells from column col on.
func (s *sheetWriter) texts(col int, ts ...string) {
	for i, t := range ts {
		s.str(col+i, t, s.b.text)
	}
}

// exact writes numbers with all their decimals, as text-styled cells, from column col on.
func (s *sheetWriter) exact(col int, ds ...decimal.Decimal) {
	for i, d := range ds {
		s.num(col+i, d, -1, s.b.text)
	}
}

// moneys writes money cells (2 decimals, #,##0.00) from column col on.
func (s *sheetWriter) moneys(col int, ds ...decimal.Decimal) {
	for i, d := range ds {
		s.num(col+i, d, 2, s.b.moneyS)
	}
}

// counts writes whole numbers from column col on.
func (s *sheetWriter) counts(col int, ns ...int64) {
	for i, n := range ns {
		s.num(col+i, decimal.NewFromInt(n), 0, s.b.text)
	}
}

// totals writes a totals row: the label in column 1, empty totals cells before column from, the sums as
// money from there on; then moves to the next row.
func (s *sheetWriter) totals(label string, from int, sums ...decimal.Decimal) {
	s.str(1, label, s.b.sumText)
	for col := 2; col < from; col++ {
		s.str(col, "", s.b.sumText)
	}
	for i, d := range sums {
		s.num(from+i, d, 2, s.b.sumMoney)
	}
	s.next()
}

// widths sets the widths of the sheet's first columns (characters, CJK counted as 2).
func (s *sheetWriter) widths(ws ...float64) {
	s.do(func() error { return s.b.widths(s.sh, ws...) })
}
