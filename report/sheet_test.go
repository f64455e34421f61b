package report

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// testBook is a new book, closed when the test ends.
func testBook(t *testing.T) *book {
	t.Helper()
	b, err := newBook()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.close)
	return b
}

// The first sheet takes the new book's default sheet, later ones are added in order.
func TestAddSheetNamesTheDefaultSheetFirst(t *testing.T) {
	b := testBook(t)
	for _, name := range []string{"一", "二", "三"} {
		if s := b.addSheet(name); s.err != nil || s.row != 1 {
			t.Fatalf("addSheet(%s): err %v, row %d", name, s.err, s.row)
		}
	}
	if got, want := b.f.GetSheetList(), []string{"一", "二", "三"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
}

// After a failed write nothing more is written and the first error is the one returned.
func TestSheetWriterKeepsTheFirstError(t *testing.T) {
	b := testBook(t)
	s := b.addSheet("a:b") // ':' is not allowed in a sheet name
	first := s.err
	if first == nil {
		t.Fatal("expected an error for an invalid sheet name")
	}
	s.header("h")
	s.texts(1, "x")
	s.exact(2, decimal.NewFromInt(1))
	s.totals("t", 3, decimal.NewFromInt(2))
	s.widths(10)
	if s.err != first {
		t.Fatalf("err %v, want the first error %v", s.err, first)
	}
	if len(b.used) != 0 {
		t.Fatalf("cells written after the error: %v", b.used)
	}
}
