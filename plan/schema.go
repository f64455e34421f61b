package plan

import (
	_ "embed"

	"go.yaml.in/yaml/v3"
)

//go:embed schema.yaml
var builtinSchemaYAML []byte

// builtinTables is the parsed schema.yaml: the built-in input tables, as data.
var builtinTables = func() []Table {
	var ts []Table
	if err := yaml.Unmarshal(builtinSchemaYAML, &ts); err != nil {
		panic("plan: the built-in schema is invalid: " + err.Error())
	}
	return ts
}()

// BuiltinTables returns the built-in input tables (schema.yaml) with their columns, in reading order.
func BuiltinTables() []Table {
	out := make([]Table, len(builtinTables))
	copy(out, builtinTables)
	return out
}

// BuiltinTable returns a built-in table by canonical name, or nil.
func BuiltinTable(name string) *Table {
	for i := range builtinTables {
		if builtinTables[i].Name.Name == name {
			t := builtinTables[i]
			return &t
		}
	}
	return nil
}

// TableOf returns a table the plan can read — a built-in one with the plan's extra columns appended, or one
// the plan declares — by canonical name, or nil.
func (p *Plan) TableOf(name string) *Table {
	if t := BuiltinTable(name); t != nil {
		t.Columns = append(append([]Column(nil), t.Columns...), p.ExtraColumnsOf(name)...)
		return t
	}
	if t := p.DeclaredTable(name); t != nil {
		c := *t
		return &c
	}
	return nil
}
