package importers

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// The inputs a plan declares (plan/inputs.go) and the generic rows of a plan written in the plan language.
//
// A plan's own tables and its columns on the built-in tables are read by the same machinery as the built-in
// ones: a declared column is a field of its table's declaration (declared), parsed by its type with the row
// getters of row.go, so that header matching, located errors, required columns, uniqueness and the month's
// dates work the same. For a version-2 plan every table read is also kept as generic rows
// (model.MonthData.Generic): each column's field returns the value it read, and the decoder keeps it in the
// row's generic values (decode.go).

// schema is the tables one Read reads, in reading order (the roster first), with the keys their file, sheet
// and header names are matched by.
type schema struct {
	tables   []*Table
	keys     map[string]*Table // name key of a table's canonical or Chinese name → the table
	nameKeys []nameKeyOf       // those keys, longest first (TableInName)
}

// builtin is the schema of the built-in tables alone: a plan that declares no inputs is read with it.
var builtin = newSchema(Tables)

// newSchema indexes tables, setting each table's header keys.
func newSchema(ts []*Table) *schema {
	s := &schema{tables: ts, keys: map[string]*Table{}}
	for _, t := range ts {
		s.keys[nameKey(t.Name)] = t
		for _, a := range t.Aliases {
			s.keys[nameKey(a)] = t
		}
		if t.headerKeys != nil {
			continue // a built-in table without the plan's columns: indexed with the built-in schema
		}
		t.headerKeys = map[string]string{}
		for _, c := range t.Columns {
			t.headerKeys[nameKey(c.Name)] = c.Name
			for _, a := range c.Aliases {
				t.headerKeys[nameKey(a)] = c.Name
			}
		}
	}
	s.nameKeys = sortedNameKeys(s.keys)
	return s
}

// schemaOf is the schema a plan's month is read with: the built-in tables, each with the columns the plan
// adds to it, then the plan's own tables in the plan's order.
func schemaOf(p *plan.Plan) *schema {
	if p == nil || len(p.Tables) == 0 && len(p.Columns) == 0 {
		return builtin
	}
	ts := make([]*Table, 0, len(Tables)+len(p.Tables))
	for _, t := range Tables {
		if extra := p.ExtraColumnsOf(t.Name); len(extra) > 0 {
			x := *t
			x.rows = t.rows.extend(extra)
			x.Columns, x.headerKeys = x.rows.columns(), nil
			t = &x
		}
		ts = append(ts, t)
	}
	for i := range p.Tables {
		ts = append(ts, declaredTable(&p.Tables[i]))
	}
	return newSchema(ts)
}

// TablesOf lists the tables a month is read with under the plan p, in reading order: the built-in tables
// (with the plan's columns) and the plan's own.
func TablesOf(p *plan.Plan) []*Table { return schemaOf(p).tables }

// TemplateTables are the tables a blank input workbook for the plan has a sheet for: every built-in table
// for a version-1 plan; for a plan in the plan language, the built-in tables its bases read and its own.
func TemplateTables(p *plan.Plan) []*Table {
	all := TablesOf(p)
	if !p.IsLanguage() {
		return all
	}
	used := map[string]bool{}
	for _, t := range p.UsedTables() {
		used[t] = true
	}
	var out []*Table
	for _, t := range all {
		if used[t.Name] || t.Declared() {
			out = append(out, t)
		}
	}
	return out
}

// table returns the schema's table by canonical name, or nil.
func (s *schema) table(name string) *Table {
	for _, t := range s.tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// declaredRow is the typed row of a table a plan declares: it has no typed slice, its values are its generic
// values (the table reader always keeps them, for the key and the month's date).
type declaredRow struct{ Src model.Source }

// declaredTable is the table a plan declares: a field per column (declared), then the uniqueness of its key
// right after the key's last column, then whether the row's date is in the month.
func declaredTable(pt *plan.Table) *Table {
	var key []int
	for _, k := range pt.Key {
		if i := columnIndex(pt, k.Name); i >= 0 {
			key = append(key, i)
		}
	}
	var fields []field[declaredRow]
	for i, c := range pt.Columns {
		fields = append(fields, declared[declaredRow](c))
		if len(key) > 0 && i == maxOf(key) {
			fields = append(fields, then(keyStep(pt, key)))
		}
	}
	if d := columnIndex(pt, pt.Dated.Name); d >= 0 {
		fields = append(fields, keepIf(func(r *row, _ *declaredRow) bool {
			v := r.gen[d]
			return v.Null || r.inMonth(v.Date)
		}))
	}
	dec := into(nil, func(v *declaredRow) *model.Source { return &v.Src }, fields...)
	t := &Table{Name: pt.Name.Name, Aliases: plan.Refs(pt.Aliases), Dated: pt.Dated.Name, rows: dec, own: pt}
	t.Columns = dec.columns()
	return t
}

// keyStep checks that the row's values of the key columns (positions key) were not seen on an earlier row.
func keyStep(pt *plan.Table, key []int) func(r *row, _ *declaredRow) {
	what := strings.Join(plan.Refs(pt.Key), " / ")
	first := pt.Columns[key[0]].Name.Name
	return func(r *row, _ *declaredRow) {
		vals := make([]string, len(key))
		for i, k := range key {
			vals[i] = valueText(r.gen[k], pt.Columns[k].ColumnType().Kind())
		}
		r.unique(what, first, vals...)
	}
}

func columnIndex(pt *plan.Table, name string) int {
	for i, c := range pt.Columns {
		if name != "" && c.Name.Name == name {
			return i
		}
	}
	return -1
}

func maxOf(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

// valueText is a generic value of kind k as text ("" when Null).
func valueText(v model.Value, k model.Kind) string {
	switch {
	case v.Null:
		return ""
	case k == model.KindNumber:
		return v.Num.String()
	case k == model.KindDate:
		return v.Date.String()
	case k == model.KindBool:
		return fmt.Sprint(v.Bool)
	}
	return v.Text
}

// declared is the field of a column a plan declares (on its own table or on a built-in one): its cell read by
// the column's type with the row getter of that type and its value checked as the declaration says (on the
// roster, an enumeration's name, Min and Max); the value is the row's generic value of the column.
func declared[T any](c plan.Column) field[T] {
	col := Column{Name: c.Name.Name, Aliases: plan.Refs(c.Aliases), Required: c.Required}
	name := col.Name
	var get func(r *row) model.Value
	switch c.ColumnType() {
	case plan.TypeID:
		get = func(r *row) model.Value { return textValue(r.id(name)) }
	case plan.TypeEmployee:
		get = func(r *row) model.Value { return textValue(r.employee(name, true)) }
	case plan.TypeNumber, plan.TypeAmount:
		read := (*row).number
		if c.ColumnType() == plan.TypeAmount {
			read = (*row).amount
		}
		get = func(r *row) model.Value {
			d, ok := read(r, name)
			r.bounded(name, d, ok, c.Min, c.Max)
			return numValue(d, ok)
		}
	case plan.TypeDate:
		get = func(r *row) model.Value { d, _ := r.date(name); return dateValue(d) }
	case plan.TypeBool:
		def := false
		if c.Default != nil {
			def = *c.Default
		}
		get = func(r *row) model.Value { return boolValue(r.boolean(name, def)) }
	case plan.TypeEnum:
		enum := c.Enum.Name
		get = func(r *row) model.Value { return textValue(r.vocabEnum(name, enum)) }
	default:
		get = func(r *row) model.Value { return textValue(r.text(name)) }
	}
	return field[T]{col: kinded(col, c.ColumnType().Kind()), fill: func(r *row, _ *T) model.Value { return get(r) }}
}

// bounded checks a number read (ok) against a declared column's Min and Max (inclusive; nil: no bound).
func (r *row) bounded(col string, d decimal.Decimal, ok bool, lo, hi *plan.Dec) {
	switch {
	case !ok:
	case lo != nil && d.LessThan(lo.Decimal):
		r.errorf(col, msg.ValBelowMin, r.at(col).Value, lo.String())
	case hi != nil && d.GreaterThan(hi.Decimal):
		r.errorf(col, msg.ValAboveMax, r.at(col).Value, hi.String())
	}
}

// vocabEnum matches the cell against the plan's enumeration enum: a name of one of its values gives that
// value; empty gives "".
func (r *row) vocabEnum(col, enum string) string {
	v, ok := r.raw(col)
	if !ok {
		return ""
	}
	e := r.tr.rd.vocab[enum]
	if c, ok := e.values[fold.Key(v)]; ok {
		return c
	}
	r.errorf(col, msg.ValNotInEnum, excerpt(ParseText(v)), enum, e.names)
	return ""
}

// vocabEnum is an enumeration of the plan's vocabulary as the reader matches it.
type vocabEnum struct {
	values map[string]string // folded name (or canonical value) → canonical value
	names  string            // the accepted names, for messages
}

// buildVocab indexes every enumeration of the plan's vocabulary (built in, and the plan's).
func (rd *reader) buildVocab() {
	p := rd.opt.Plan
	rd.vocab = map[string]vocabEnum{}
	for _, name := range p.EnumNames() {
		e := p.Enum(name)
		ve := vocabEnum{values: map[string]string{}}
		var names []string
		for _, v := range e.Values {
			ve.values[fold.Key(v)] = v
			for _, a := range e.Names[v] {
				ve.values[fold.Key(a.Name)] = v
				names = append(names, a.Name)
			}
		}
		ve.names = strings.Join(names, ", ")
		rd.vocab[name] = ve
	}
}

// startGeneric makes the generic rows of every table of the schema (with no rows yet), before the tables
// are read in parallel: a table that is missing has its columns and no rows.
func (rd *reader) startGeneric() {
	rd.data.Generic = make(map[string]*model.Rows, len(rd.schema.tables))
	for _, t := range rd.schema.tables {
		rs := &model.Rows{Table: t.Name, Columns: make([]string, len(t.Columns)), Kinds: make([]model.Kind, len(t.Columns))}
		for i, c := range t.Columns {
			rs.Columns[i], rs.Kinds[i] = c.Name, c.Kind
		}
		rd.data.Generic[t.Name] = rs
	}
}

// keepGeneric adds the row just read and kept to its table's generic rows: a copy of its values (carved
// from blocks the table reader allocates, growing) and its source.
func (tr *tableReader) keepGeneric(r *row) {
	n := len(r.gen)
	if len(tr.block) < n {
		tr.blockRows = min(max(2*tr.blockRows, 16), 1024)
		tr.block = make([]model.Value, n*tr.blockRows)
	}
	vals := tr.block[:n:n]
	tr.block = tr.block[n:]
	copy(vals, r.gen)
	rs := tr.rd.data.Generic[tr.t.Name]
	rs.Rows = append(rs.Rows, model.Row{Values: vals, Src: r.source()})
}

// indexTeams indexes the teams of a plan with teams: the values of the roster's team column (folded, as
// a target's 范围 names them) → the name as the roster first writes it. Each roster row's team is then
// written that way, so that 一组 and 一組 are one team.
func (rd *reader) indexTeams() {
	p := rd.opt.Plan
	rd.teams = map[string]string{}
	if p.Teams == nil || rd.data.Generic == nil {
		return
	}
	rs := rd.data.Generic[TEmployees]
	j := rs.Index(p.Teams.Column.Name)
	if j < 0 {
		return
	}
	for _, row := range rs.Rows {
		if name := valueText(row.Values[j], rs.Kinds[j]); name != "" {
			k := fold.Key(name)
			if _, seen := rd.teams[k]; !seen {
				rd.teams[k] = name
			}
			if rs.Kinds[j] == model.KindText {
				row.Values[j].Text = rd.teams[k]
			}
		}
	}
}

// langScope resolves a target's 范围 under a plan written in the plan language, by the metric's scope: an
// employee's id (or unique name), a team's name (a value of the roster's team column), a store pool scheme
// (pools.go), or for the store any text.
func (rd *reader) langScope(r *row, mt *plan.Metric, raw string) string {
	switch plan.Scope(mt.Scope.Name) {
	case plan.ScopeEmployee:
		id, problem := rd.resolve(ParseID(raw))
		if problem != "" {
			r.errorf("scope", msg.ValScopeNotEmployee, excerpt(raw), mt.Name.Name)
		}
		return id
	case plan.ScopeTeam:
		if team, ok := rd.teams[fold.Key(raw)]; ok {
			return team
		}
		r.errorf("scope", msg.ValScopeNotTeam, excerpt(raw), mt.Name.Name, rd.teamColumnLabel())
	case plan.MetricScopePool:
		return rd.poolScope(r, mt, raw)
	}
	return raw
}

// teamColumnLabel is the header of the roster's team column.
func (rd *reader) teamColumnLabel() string {
	p := rd.opt.Plan
	if p.Teams == nil {
		return ""
	}
	if t := rd.schema.table(TEmployees); t != nil {
		if c := t.Column(p.Teams.Column.Name); c != nil {
			return c.Header()
		}
	}
	return p.Teams.Column.Name
}

// missingTable reports a table the folder does not have: the roster and a plan's required table are errors;
// a plan's other tables, and under a plan written in the plan language the built-in tables its bases read
// (plan.UsedTables), are warnings (they count as empty). Other built-in tables are not needed.
func (rd *reader) missingTable(t *Table, rep *Report) {
	at := Issue{Table: t.Name}
	p := rd.opt.Plan
	switch {
	case t.Name == TEmployees || t.own != nil && t.own.Required:
		rep.errorf(at, msg.InMissingTable, t.Name, t.Label())
	case t.own != nil || p.IsLanguage() && rd.usedTables[t.Name]:
		rep.warnf(at, msg.InMissingUsed, t.Name, t.Label())
	}
}
