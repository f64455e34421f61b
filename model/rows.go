package model

import "github.com/shopspring/decimal"

// Generic rows: every table a plan's schemes read (a built-in table or one the plan declares) is also held as
// rows of typed values by column, so that the plan language can filter, sum and look up any column of any
// table. The typed structs above serve the built-in schemes; generic rows serve the plan's schemes.

// Kind is the type of a column's values.
type Kind uint8

// The kinds of values. An id, an employee id, a text and an enumeration's canonical value are all Text.
const (
	KindText Kind = iota
	KindNumber
	KindDate
	KindBool
)

// Value is one cell, read and checked. Null is an empty cell (or one that could not be read: then the
// importers reported an error and nothing is computed).
type Value struct {
	Null bool
	Num  decimal.Decimal // KindNumber
	Text string          // KindText
	Date Date            // KindDate
	Bool bool            // KindBool
}

// Row is one data row with a value per column of its Rows, in the Rows' column order.
type Row struct {
	Values []Value
	Src    Source
}

// Rows is a table read as generic rows: its columns (canonical names, in declaration order) with their
// kinds, and the rows kept for the month (a dated table's rows outside the month are set aside).
type Rows struct {
	Table   string
	Columns []string
	Kinds   []Kind
	Rows    []Row
}

// Index returns the position of a column, or -1.
func (r *Rows) Index(column string) int {
	for i, c := range r.Columns {
		if c == column {
			return i
		}
	}
	return -1
}

// ValueAt is the value at position i of a row's values, or an empty one (Null) when the row has none there.
func ValueAt(vals []Value, i int) Value {
	if i >= 0 && i < len(vals) {
		return vals[i]
	}
	return Value{Null: true}
}
