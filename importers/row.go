package importers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
)

// row is one data row being read; its getters parse a column's cell and report what is wrong with it.
type row struct {
	tr       *tableReader
	cells    []string
	num      int
	reported []string // column and message of the issues reported
	// gen holds the row's generic values by column (the table reader's one slice, all Null at the row's
	// start), nil when the table's generic rows are not built.
	gen []model.Value
}

// row returns the row numbered n with its cells, in tr's one row value (a table reads a row at a time, and a
// row is not kept once read): reading a row allocates nothing for the row itself.
func (tr *tableReader) row(cells []string, n int) *row {
	for i := range tr.gen {
		tr.gen[i] = model.Value{Null: true}
	}
	tr.cur = row{tr: tr, cells: cells, num: n, reported: tr.cur.reported[:0], gen: tr.gen}
	return &tr.cur
}

func (r *row) source() model.Source {
	return model.Source{File: r.tr.loc.file, Sheet: r.tr.loc.sheet, Row: r.num}
}

// at is an issue located at a column of this row (or at the row when col is "").
func (r *row) at(col string) Issue {
	i := Issue{Table: r.tr.t.Name, File: r.tr.loc.file, Sheet: r.tr.loc.sheet, Row: r.num}
	if j, ok := r.tr.idx[col]; ok {
		i.Column, i.Cell = r.tr.headers[col], cellRef(j, r.num)
		if j < len(r.cells) {
			i.Value = excerpt(r.cells[j])
		}
	} else if c := r.tr.t.Column(col); c != nil {
		i.Column = c.Header()
	}
	return i
}

// errorf and warnf report an issue at a column of the row, once: a cell read by two getters (a type read
// as text and as an enumeration) is not reported twice.
func (r *row) errorf(col, format string, a ...any) {
	if r.first(col, format) {
		r.tr.rep.errorf(r.at(col), format, a...)
	}
}

func (r *row) warnf(col, format string, a ...any) {
	if r.first(col, format) {
		r.tr.rep.warnf(r.at(col), format, a...)
	}
}

func (r *row) first(col, format string) bool {
	k := col + "\x00" + format
	if slices.Contains(r.reported, k) {
		return false
	}
	r.reported = append(r.reported, k)
	return true
}

// raw returns the cell's text, or "" with ok false when empty or absent. An empty cell in a required column
// is reported missing; an empty formula cell without a cached value is reported whatever the column.
func (r *row) raw(col string) (string, bool) {
	j, ok := r.tr.idx[col]
	v := ""
	if ok && j < len(r.cells) {
		v = r.cells[j]
	}
	if ParseText(v) != "" {
		return v, true
	}
	if ok && r.tr.src.formulaWithoutValue(cellRef(j, r.num)) {
		r.errorf(col, msg.ValFormulaNoValue)
		return "", false
	}
	if c := r.tr.t.Column(col); c != nil && c.Required {
		r.errorf(col, msg.ValMissing)
	}
	return "", false
}

// cell is the text of a column's cell as read, "" when absent; nothing is reported.
func (r *row) cell(col string) string {
	if j, ok := r.tr.idx[col]; ok && j < len(r.cells) {
		return r.cells[j]
	}
	return ""
}

func (r *row) text(col string) string {
	v, _ := r.raw(col)
	return ParseText(v)
}

func (r *row) id(col string) string {
	v, _ := r.raw(col)
	return ParseID(v)
}

// amount parses a money or number column; empty gives 0 (and ok false).
func (r *row) amount(col string) (decimal.Decimal, bool) {
	v, ok := r.raw(col)
	if !ok {
		return decimal.Zero, false
	}
	d, bad := ParseAmount(v)
	if bad != "" {
		r.errorf(col, bad, excerpt(v))
		return decimal.Zero, false
	}
	return d, true
}

// number is amount with the number wording in messages.
func (r *row) number(col string) (decimal.Decimal, bool) {
	v, ok := r.raw(col)
	if !ok {
		return decimal.Zero, false
	}
	d, bad := ParseAmount(v)
	if bad != "" {
		r.errorf(col, msg.ValNotNumber, excerpt(v))
		return decimal.Zero, false
	}
	return d, true
}

func (r *row) nonNegative(col string, d decimal.Decimal, ok bool) decimal.Decimal {
	if ok && d.IsNegative() {
		r.errorf(col, msg.ValNegative, r.at(col).Value)
	}
	return d
}

// scoreRange checks a score of 0 to 100.
func (r *row) scoreRange(col string, d decimal.Decimal, ok bool) decimal.Decimal {
	if ok && (d.IsNegative() || d.GreaterThan(decimal.NewFromInt(100))) {
		r.errorf(col, msg.ValScoreRange, r.at(col).Value)
	}
	return d
}

// whole cents: an amount paid out as it is (base salary, a bonus or deduction) must not carry fractions of a
// fen, or the printed totals would not add up.
func (r *row) wholeCents(col string, d decimal.Decimal, ok bool) decimal.Decimal {
	if ok && !d.Equal(d.Truncate(2)) {
		r.errorf(col, msg.ValTooManyDecimals, r.at(col).Value)
	}
	return d
}

func (r *row) positive(col string, d decimal.Decimal, ok bool) decimal.Decimal {
	if ok && !d.IsPositive() {
		r.errorf(col, msg.ValNotPositive, r.at(col).Value)
	}
	return d
}

func (r *row) ratio(col string) (decimal.Decimal, bool) {
	v, ok := r.raw(col)
	if !ok {
		return decimal.Zero, false
	}
	d, bad := ParseRatio(v)
	if bad != "" {
		r.errorf(col, bad, excerpt(v))
		return decimal.Zero, false
	}
	if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1)) {
		r.errorf(col, msg.ValRatioRange, excerpt(v))
	}
	return d, true
}

func (r *row) date(col string) (model.Date, bool) {
	v, ok := r.raw(col)
	if !ok {
		return model.Date{}, false
	}
	d, bad := ParseDate(v, r.tr.src.date1904())
	if bad != "" {
		r.errorf(col, bad, excerpt(v))
		return model.Date{}, false
	}
	// SPEC is silent: every date of these tables is a business date of the store; a year outside
	// 2000–2099 is a typing slip (the day alone, "3", reads as the serial of 1900-01-03).
	if d.Year < model.MinYear || d.Year > model.MaxYear {
		r.errorf(col, msg.ValImplausibleDate, excerpt(v), d.String())
		return model.Date{}, false
	}
	r.farDate(col, d)
	return d, true
}

// farDate warns of a date more than maxFarMonths from the month computed, at its cell (the first
// maxFarListed of a table; the others are counted).
func (r *row) farDate(col string, d model.Date) {
	m := r.tr.rd.opt.Month
	apart := (d.Year*12 + int(d.Month)) - (m.Year*12 + int(m.Month))
	if apart >= -maxFarMonths && apart <= maxFarMonths {
		return
	}
	if r.tr.far++; r.tr.far > maxFarListed {
		return
	}
	if apart < 0 {
		r.warnf(col, msg.ValDateFarBefore, d, -apart, m)
	} else {
		r.warnf(col, msg.ValDateFarAfter, d, apart, m)
	}
}

// inMonth reports whether a row with governing date d is in the month: a date that could not be read (the
// zero date: date never returns a zero date as read) keeps the row, which has an error.
func (r *row) inMonth(d model.Date) bool {
	return d.IsZero() || r.tr.rd.opt.Month.Contains(d)
}

// dateRead reports whether a date column is empty or was read; false when it holds a value that is not a date.
func (r *row) dateRead(col string, ok bool) bool {
	if ok {
		return true
	}
	j, present := r.tr.idx[col]
	return !present || j >= len(r.cells) || ParseText(r.cells[j]) == ""
}

func (r *row) boolean(col string, def bool) bool {
	v, ok := r.raw(col)
	if !ok {
		return def
	}
	b, bad := ParseBool(v)
	if bad != "" {
		r.errorf(col, bad, excerpt(v))
		return def
	}
	return b
}

// enum matches the cell against an enumeration of the plan; empty gives def.
func (r *row) enum(col, enum, def, unknownFormat string) string {
	v, ok := r.raw(col)
	if !ok {
		return def
	}
	if c, ok := r.tr.rd.enums[enum][fold.Key(v)]; ok {
		return c
	}
	if unknownFormat == msg.ValUnknownKind {
		r.errorf(col, unknownFormat, enum, excerpt(ParseText(v)))
	} else {
		r.errorf(col, unknownFormat, excerpt(ParseText(v)))
	}
	return ""
}

// employee reads a column that refers to an employee: an id on the roster, or the name of exactly one
// roster employee. onRoster says whether a value that is neither is an error.
func (r *row) employee(col string, onRoster bool) string {
	v := r.id(col)
	if v == "" {
		return ""
	}
	id, problem := r.tr.rd.resolve(v)
	if problem != "" && (onRoster || strings.HasPrefix(problem, "ambiguous")) {
		cell := ParseText(r.cell(col))
		if strings.HasPrefix(problem, "ambiguous") {
			r.errorf(col, msg.ValNameAmbiguous, excerpt(cell), strings.TrimPrefix(problem, "ambiguous:"))
		} else if n := r.tr.notOnRoster(cell); n <= maxSameUnknown {
			r.errorf(col, msg.ValNotOnRoster, excerpt(cell))
		}
	}
	return id
}

// unique checks that key (the values of the key columns) was not seen before in this table.
func (r *row) unique(what, col string, key ...string) {
	k := strings.Join(key, "\x00")
	if strings.Trim(k, "\x00") == "" {
		return
	}
	m := r.tr.rd.uniques[r.tr.t.Name] // made before the tables are read in parallel
	if first, dup := m[k]; dup {
		r.errorf(col, msg.ValDuplicate, what, excerpt(strings.Join(key, " / ")), first)
		return
	}
	m[k] = r.num
}

// resolve maps an id or a unique name to an id; problem is "missing", or "ambiguous:<ids>".
func (rd *reader) resolve(v string) (string, string) {
	if _, ok := rd.ids[v]; ok {
		return v, ""
	}
	switch ids := rd.names[v]; len(ids) {
	case 0:
		return v, "missing"
	case 1:
		return ids[0], ""
	default:
		return v, "ambiguous:" + strings.Join(ids, ", ")
	}
}

func (rd *reader) indexRoster() {
	rd.ids = map[string]*model.Employee{}
	rd.names = map[string][]string{}
	for i := range rd.data.Employees {
		e := &rd.data.Employees[i]
		if e.ID == "" {
			continue
		}
		if _, dup := rd.ids[e.ID]; !dup {
			rd.ids[e.ID] = e
			if e.Name != "" {
				k := fold.Width(e.Name)
				rd.names[k] = append(rd.names[k], e.ID)
			}
		}
	}
}

// fmtRatio prints a ratio as a percentage for messages.
func fmtRatio(d decimal.Decimal) string {
	return fmt.Sprintf("%s%%", d.Shift(2).Round(2).String())
}
