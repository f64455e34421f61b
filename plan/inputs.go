package plan

import "payout/model"

// The inputs a plan declares (docs/plan.md, 输入表): tables of its own, columns of its own on the built-in
// tables, its teams, and its enumerations (vocabulary.go). The importers read a declared table or column the
// way they read a built-in one: header matching by alias (simplified, traditional, English), value parsing
// by type, located errors, required columns.

// ColumnType is the type of a declared column's values.
type ColumnType string

// The column types. An employee column holds an id on the roster; an enum column holds a name of one of the
// plan's enumerations (Column.Enum), read as its canonical value.
const (
	TypeText     ColumnType = "text"
	TypeID       ColumnType = "id"
	TypeEmployee ColumnType = "employee"
	TypeNumber   ColumnType = "number"
	TypeAmount   ColumnType = "amount"
	TypeDate     ColumnType = "date"
	TypeBool     ColumnType = "bool"
	TypeEnum     ColumnType = "enum"
)

// ColumnTypes lists the column types, in the order docs/plan.md gives them.
var ColumnTypes = []ColumnType{TypeText, TypeID, TypeEmployee, TypeNumber, TypeAmount, TypeDate, TypeBool, TypeEnum}

// Column is a column a plan declares, on its own table or on a built-in one.
type Column struct {
	Name     Ref   `yaml:"name"`    // canonical English name, used in expressions
	Aliases  []Ref `yaml:"aliases"` // header names; the first is printed
	Type     Ref   `yaml:"type"`    // a ColumnType
	Enum     Ref   `yaml:"enum"`    // the enumeration of an enum column
	Required bool  `yaml:"required"`
	// Default is the value of an empty cell of a bool column (true or false); absent: false.
	Default *bool `yaml:"default"`
	// Min and Max bound a number or amount column's values (inclusive); a value outside is an error.
	Min *Dec `yaml:"min"`
	Max *Dec `yaml:"max"`
}

// Label is the column's first alias, else its name.
func (c Column) Label() string { return Named{Name: c.Name, Aliases: c.Aliases}.Label() }

// ColumnType returns the column's type.
func (c Column) ColumnType() ColumnType { return ColumnType(c.Type.Name) }

// Table is a table a plan declares.
type Table struct {
	Name    Ref      `yaml:"name"`
	Aliases []Ref    `yaml:"aliases"` // names a file or sheet may carry; the first is printed
	Columns []Column `yaml:"columns"`
	// Dated names the date column that places a row in the month: rows dated in another month are set aside
	// (with a warning, as for the built-in tables). Empty: every row counts.
	Dated Ref `yaml:"dated"`
	// Key names the columns whose values are unique across the table's rows (e.g. [emp_id]); a repeated
	// key is an error at the second row.
	Key []Ref `yaml:"key"`
	// Required: a month folder without this table is an error (otherwise the table counts as empty, with a
	// warning).
	Required bool `yaml:"required"`
}

// Named returns the table's names.
func (t Table) Named() Named { return Named{Name: t.Name, Aliases: t.Aliases} }

// Column returns the declared column by name, or nil.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name.Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// ExtraColumns are the columns a plan adds to a built-in table.
type ExtraColumns struct {
	Table   Ref      `yaml:"table"` // a built-in table's canonical name (employees, labor_hours, …)
	Columns []Column `yaml:"columns"`
}

// Teams says how the roster is grouped into teams: by the values of a roster column (a column the plan adds
// to employees, such as 班组), or (Master, lang_teams.go) as masters and their apprentices. A plan without
// teams has no team-scoped bases or splits.
type Teams struct {
	Column Ref `yaml:"column,omitempty"`
	Master Ref `yaml:"master,omitempty"`
}

// DeclaredTable returns the plan's own table by name, or nil.
func (p *Plan) DeclaredTable(name string) *Table {
	for i := range p.Tables {
		if p.Tables[i].Name.Name == name {
			return &p.Tables[i]
		}
	}
	return nil
}

// ExtraColumnsOf returns the columns the plan adds to a built-in table.
func (p *Plan) ExtraColumnsOf(table string) []Column {
	var out []Column
	for _, x := range p.Columns {
		if x.Table.Name == table {
			out = append(out, x.Columns...)
		}
	}
	return out
}

// Kind returns the kind of a column type's values in generic rows.
func (t ColumnType) Kind() model.Kind {
	switch t {
	case TypeNumber, TypeAmount:
		return model.KindNumber
	case TypeDate:
		return model.KindDate
	case TypeBool:
		return model.KindBool
	}
	return model.KindText
}
