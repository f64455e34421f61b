package importers

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"payout/model"
	"payout/plan"
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
	// extend returns the decoder with columns a plan adds to the table.
	extend(extra []plan.Column) decoder
}

// field is one entry of a table's declaration: a column with how its cell fills the row (col.Name set), or a
// step of the table's own (col.Name empty). A column's fill returns the cell's value as read and checked,
// which is the row's generic value of that column (generic.go) when generic rows are built. A keep step
// decides whether the row is in the month: when it says no, the row is set aside and the later steps are not
// run.
type field[T any] struct {
	col    Column
	fill   func(r *row, v *T) model.Value
	step   func(r *row, v *T)
	keep   func(r *row, v *T) bool
	before string // read just before this column (declared after it, read first); "" in declared order
	at     int    // the column's position among the table's columns (set by into)
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
	fields = slices.Clone(fields)
	for i := range fields {
		if f := &fields[i]; f.col.Name != "" {
			f.at = len(t.cols)
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
		switch f := &t.steps[i]; {
		case f.keep != nil:
			if !f.keep(r, v) {
				return false
			}
		case f.step != nil:
			f.step(r, v)
		default:
			val := f.fill(r, v)
			if r.gen != nil {
				r.gen[f.at] = val
			}
		}
	}
	if t.slice != nil {
		s := t.slice(d)
		*s = append(*s, *v)
	}
	return true
}

// extend is the decoder with the columns a plan adds to the table (declared fields, generic.go), after the
// table's own columns; they are read before the step that decides whether the row is in the month, so that
// every row's cells are checked.
func (t *typedRows[T]) extend(extra []plan.Column) decoder {
	x := &typedRows[T]{slice: t.slice, src: t.src, cols: slices.Clone(t.cols)}
	var fields []field[T]
	for _, c := range extra {
		f := declared[T](c)
		f.at = len(x.cols)
		x.cols = append(x.cols, f.col)
		fields = append(fields, f)
	}
	at := slices.IndexFunc(t.steps, func(f field[T]) bool { return f.keep != nil })
	if at < 0 {
		at = len(t.steps)
	}
	x.steps = slices.Concat(t.steps[:at], fields, t.steps[at:])
	return x
}

// withColumns sets each table's Columns from its declaration.
// withColumns sets each table's Columns from its declaration, and the names, date column and required
// columns from the built-in schema (plan/schema.yaml), the one place that says them. A declaration and the
// schema that disagree (a column one has and the other not, or of another kind) are a build defect.
func withColumns(ts []*Table) []*Table {
	for _, t := range ts {
		st := plan.BuiltinTable(t.Name)
		if st == nil {
			panic("importers: table " + t.Name + " is not in the built-in schema")
		}
		t.Aliases, t.Dated = plan.Refs(st.Aliases), st.Dated.Name
		t.Columns = t.rows.columns()
		if len(t.Columns) != len(st.Columns) {
			panic(fmt.Sprintf("importers: table %s declares %d columns, the built-in schema %d", t.Name, len(t.Columns), len(st.Columns)))
		}
		for i := range t.Columns {
			c, sc := &t.Columns[i], st.Column(t.Columns[i].Name)
			if sc == nil || sc.ColumnType().Kind() != c.Kind {
				panic("importers: column " + t.Name + "." + c.Name + " differs from the built-in schema")
			}
			c.Aliases, c.Required = plan.Refs(sc.Aliases), sc.Required
		}
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

// The values of generic rows (model.Value) by kind; an empty text, a date not read and a number not read
// are Null.
func textValue(s string) model.Value { return model.Value{Text: s, Null: s == ""} }

func numValue(d decimal.Decimal, ok bool) model.Value { return model.Value{Num: d, Null: !ok} }

func dateValue(d model.Date) model.Value { return model.Value{Date: d, Null: d.IsZero()} }

func boolValue(b bool) model.Value { return model.Value{Bool: b} }

// kinded is the column with the kind of its generic values.
func kinded(c Column, k model.Kind) Column {
	c.Kind = k
	return c
}

// asText, asID and asEmployee fill a string field with row.text, row.id and row.employee (on the roster).
func asText[T any](c Column, to func(*T) *string) field[T] {
	return asString(c, (*row).text, to)
}

func asID[T any](c Column, to func(*T) *string) field[T] {
	return asString(c, (*row).id, to)
}

func asEmployee[T any](c Column, to func(*T) *string) field[T] {
	return asString(c, func(r *row, col string) string { return r.employee(col, true) }, to)
}

func asString[T any](c Column, get func(r *row, col string) string, to func(*T) *string) field[T] {
	name := c.Name
	return field[T]{col: kinded(c, model.KindText), fill: func(r *row, v *T) model.Value {
		s := get(r, name)
		*to(v) = s
		return textValue(s)
	}}
}

// asEnum fills a string field with row.enum: enum is the plan's enumeration, def the value of an empty cell.
func asEnum[T any](c Column, enum, def, unknownFormat string, to func(*T) *string) field[T] {
	return asString(c, func(r *row, col string) string { return r.enum(col, enum, def, unknownFormat) }, to)
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
	return field[T]{col: kinded(c, model.KindNumber), fill: func(r *row, v *T) model.Value {
		d, ok := get(r, name)
		for _, ch := range checks {
			d = ch(r, name, d, ok)
		}
		*to(v) = d
		return numValue(d, ok)
	}}
}

func asFlagged[T any](c Column, get getter, to func(*T) (*decimal.Decimal, *bool)) field[T] {
	name := c.Name
	return field[T]{col: kinded(c, model.KindNumber), fill: func(r *row, v *T) model.Value {
		d, has := to(v)
		*d, *has = get(r, name)
		return numValue(*d, *has)
	}}
}

// asDate fills a date field with row.date: the zero date when the cell is empty or not a date.
func asDate[T any](c Column, to func(*T) *model.Date) field[T] {
	name := c.Name
	return field[T]{col: kinded(c, model.KindDate), fill: func(r *row, v *T) model.Value {
		d, _ := r.date(name)
		*to(v) = d
		return dateValue(d)
	}}
}

// asBool fills a bool field with row.boolean; def is the value of an empty cell.
func asBool[T any](c Column, def bool, to func(*T) *bool) field[T] {
	name := c.Name
	return field[T]{col: kinded(c, model.KindBool), fill: func(r *row, v *T) model.Value {
		b := r.boolean(name, def)
		*to(v) = b
		return boolValue(b)
	}}
}

// custom is a column whose reading is the table's own (it depends on another column, or fills two fields):
// fill returns the column's value, of kind k.
func custom[T any](c Column, k model.Kind, fill func(r *row, v *T) model.Value) field[T] {
	return field[T]{col: kinded(c, k), fill: fill}
}

// then is a step of the table's own, not one column's: a uniqueness key, a check across columns.
func then[T any](step func(r *row, v *T)) field[T] {
	return field[T]{step: step}
}

// keepIf is the step that decides whether the row is in the month; a row it sets aside is not read further.
func keepIf[T any](keep func(r *row, v *T) bool) field[T] {
	return field[T]{keep: keep}
}
