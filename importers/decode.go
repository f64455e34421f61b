package importers

import (
	"fmt"

	"github.com/shopspring/decimal"

	"payout/model"
)

// How a data row becomes its table's typed model row. Each table of schema.go declares, in one list, its
// columns with the decoder of each (the row getter that reads the cell, the field it fills, the checks on the
// value) and the few steps that are not one column's: the uniqueness key, the checks across columns, and the
// date that decides whether the row is in the month. The list is read in order for every row: that order is
// the order of a row's issues. Decoding calls a function per cell, without reflection, and fills the row in
// one value per table reader, appended to its typed slice when kept (no allocation per row beyond the slice's
// growth).

// decoder reads a table's data rows into its typed slice of the month data.
type decoder interface {
	// columns is the table's columns, in the order declared.
	columns() []Column
	// decode reads one row into the month data; false when the row is set aside as outside the month.
	decode(r *row, d *model.MonthData) bool
}

// field is one entry of a table's declaration: a column with how its cell fills the row (col.Name set), or a
// step of the table's own (col.Name empty). A keep step decides whether the row is in the month: when it says
// no, the row is set aside and the later steps are not run.
type field[T any] struct {
	col    Column
	fill   func(r *row, v *T)
	keep   func(r *row, v *T) bool
	before string // read just before this column (declared after it, read first); "" in declared order
}

// readBefore reads the field just before the column named: a value another column's reading needs, or a
// cell whose issues come first, while the column keeps its place in the table's column order.
func (f field[T]) readBefore(column string) field[T] {
	f.before = column
	return f
}

// typedRows is the decoder of a table whose typed rows are T.
type typedRows[T any] struct {
	slice func(*model.MonthData) *[]T // the typed slice of the month data
	src   func(*T) *model.Source      // the row's source location field
	cols  []Column
	steps []field[T] // in reading order
}

// into declares a table's decoding: the typed slice the rows go to, the row's source field, and its fields
// (columns and steps) in the table's column order.
func into[T any](slice func(*model.MonthData) *[]T, src func(*T) *model.Source, fields ...field[T]) decoder {
	t := &typedRows[T]{slice: slice, src: src}
	for _, f := range fields {
		if f.col.Name != "" {
			t.cols = append(t.cols, f.col)
		}
	}
	for _, f := range fields {
		if f.before != "" {
			continue
		}
		for _, g := range fields {
			if g.before != "" && g.before == f.col.Name {
				t.steps = append(t.steps, g)
			}
		}
		t.steps = append(t.steps, f)
	}
	if len(t.steps) != len(fields) {
		var zero T
		panic(fmt.Sprintf("importers: a field of the %T rows is read before a column they do not have", zero))
	}
	return t
}

func (t *typedRows[T]) columns() []Column { return t.cols }

func (t *typedRows[T]) decode(r *row, d *model.MonthData) bool {
	// The row is filled in the table reader's one T (made at its first row), then appended when kept.
	v, _ := r.tr.typed.(*T)
	if v == nil {
		v = new(T)
		r.tr.typed = v
	}
	var zero T
	*v = zero
	*t.src(v) = r.source()
	for i := range t.steps {
		if f := &t.steps[i]; f.keep != nil {
			if !f.keep(r, v) {
				return false
			}
		} else {
			f.fill(r, v)
		}
	}
	s := t.slice(d)
	*s = append(*s, *v)
	return true
}

// withColumns sets each table's Columns from its declaration.
func withColumns(ts []*Table) []*Table {
	for _, t := range ts {
		t.Columns = t.rows.columns()
	}
	return ts
}

// check is a check on a number read from a column (row.nonNegative, row.positive, row.wholeCents,
// row.scoreRange): it reports at the column and returns the value.
type check func(r *row, col string, d decimal.Decimal, ok bool) decimal.Decimal

var (
	nonNegative check = (*row).nonNegative
	positive    check = (*row).positive
	wholeCents  check = (*row).wholeCents
	scoreRange  check = (*row).scoreRange
)

// asText, asID and asEmployee fill a string field with row.text, row.id and row.employee (on the roster).
func asText[T any](c Column, to func(*T) *string) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) { *to(v) = r.text(name) }}
}

func asID[T any](c Column, to func(*T) *string) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) { *to(v) = r.id(name) }}
}

func asEmployee[T any](c Column, to func(*T) *string) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) { *to(v) = r.employee(name, true) }}
}

// asEnum fills a string field with row.enum: enum is the plan's enumeration, def the value of an empty cell.
func asEnum[T any](c Column, enum, def, unknownFormat string, to func(*T) *string) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) { *to(v) = r.enum(name, enum, def, unknownFormat) }}
}

// asAmount and asNumber fill a decimal field with row.amount and row.number, after the checks in order.
func asAmount[T any](c Column, to func(*T) *decimal.Decimal, checks ...check) field[T] {
	return asDecimal(c, (*row).amount, to, checks)
}

func asNumber[T any](c Column, to func(*T) *decimal.Decimal, checks ...check) field[T] {
	return asDecimal(c, (*row).number, to, checks)
}

// asNumberIf and asRatio fill a decimal field and the flag saying whether the cell had a value.
func asNumberIf[T any](c Column, to func(*T) (*decimal.Decimal, *bool)) field[T] {
	return asFlagged(c, (*row).number, to)
}

func asRatio[T any](c Column, to func(*T) (*decimal.Decimal, *bool)) field[T] {
	return asFlagged(c, (*row).ratio, to)
}

// getter is a row getter of a decimal column (row.amount, row.number, row.ratio): the value, and whether
// the cell had one that could be read.
type getter func(r *row, col string) (decimal.Decimal, bool)

func asDecimal[T any](c Column, get getter, to func(*T) *decimal.Decimal, checks []check) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) {
		d, ok := get(r, name)
		for _, ch := range checks {
			d = ch(r, name, d, ok)
		}
		*to(v) = d
	}}
}

func asFlagged[T any](c Column, get getter, to func(*T) (*decimal.Decimal, *bool)) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) {
		d, has := to(v)
		*d, *has = get(r, name)
	}}
}

// asDate fills a date field with row.date: the zero date when the cell is empty or not a date.
func asDate[T any](c Column, to func(*T) *model.Date) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) { *to(v), _ = r.date(name) }}
}

// asBool fills a bool field with row.boolean; def is the value of an empty cell.
func asBool[T any](c Column, def bool, to func(*T) *bool) field[T] {
	name := c.Name
	return field[T]{col: c, fill: func(r *row, v *T) { *to(v) = r.boolean(name, def) }}
}

// custom is a column whose reading is the table's own (it depends on another column, or fills two fields).
func custom[T any](c Column, fill func(r *row, v *T)) field[T] {
	return field[T]{col: c, fill: fill}
}

// then is a step of the table's own, not one column's: a uniqueness key, a check across columns.
func then[T any](step func(r *row, v *T)) field[T] {
	return field[T]{fill: step}
}

// keepIf is the step that decides whether the row is in the month; a row it sets aside is not read further.
func keepIf[T any](keep func(r *row, v *T) bool) field[T] {
	return field[T]{keep: keep}
}
