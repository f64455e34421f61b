package plan

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAML forms of the plan language's values that are not plain structs.

// UnmarshalYAML reads an expression: a scalar, kept as written.
func (e *Expr) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return typeErr(n.Line, "expected an expression")
	}
	e.Src, e.Line, e.Col = strings.TrimSpace(n.Value), n.Line, n.Column
	switch {
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		e.Col++ // the text starts after the quote
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		// A block's text starts on the next line; its columns are not the expression's.
		e.Line, e.Col = n.Line+1, 0
	}
	return nil
}

// MarshalYAML writes the expression.
func (e Expr) MarshalYAML() (any, error) { return e.Src, nil }

// UnmarshalYAML reads `{value: number, …}` keeping the file's order.
func (m *ValueMap) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeErr(n.Line, "expected values (value: number, …)")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		var d Dec
		if err := n.Content[i+1].Decode(&d); err != nil {
			return err
		}
		*m = append(*m, ValueAmount{Value: Ref{Name: strings.TrimSpace(k.Value), Line: k.Line}, Is: d})
	}
	return nil
}

// MarshalYAML writes the values in order.
func (m ValueMap) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, v := range m {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: v.Value.Name},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: v.Is.String()})
	}
	return n, nil
}

// UnmarshalYAML reads a rate: a number, {tiers: …} or {column: …, values: …, default: …}.
func (r *Rate) UnmarshalYAML(n *yaml.Node) error {
	r.Line = n.Line
	switch n.Kind {
	case yaml.ScalarNode:
		r.Value = new(Dec)
		return n.Decode(r.Value)
	case yaml.MappingNode:
		if hasKey(n, "by_role") {
			return r.unmarshalByRole(n)
		}
		var keys struct {
			Tiers  *Tiers `yaml:"tiers"`
			Column Ref    `yaml:"column"`
		}
		if len(n.Content) >= 2 && n.Content[0].Value == "tiers" {
			if len(n.Content) > 2 {
				return typeErr(n.Content[2].Line, fmt.Sprintf("a rate with tiers has no other key (%s)", n.Content[2].Value))
			}
			if err := n.Decode(&keys); err != nil {
				return err
			}
			r.Tiers = keys.Tiers
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Value != "column" && k.Value != "values" && k.Value != "default" {
				return typeErr(k.Line, fmt.Sprintf("field %s not found in type plan.Rate", k.Value))
			}
		}
		r.PerRow = &ByValue{}
		return n.Decode(r.PerRow)
	}
	return typeErr(n.Line, "expected a rate: a number, tiers: {…} or column: … values: {…}")
}

// MarshalYAML writes the rate in the form it was read.
func (r Rate) MarshalYAML() (any, error) {
	switch {
	case r.ByRole != nil:
		return r.byRoleYAML()
	case r.Value != nil:
		return r.Value, nil
	case r.Tiers != nil:
		return map[string]*Tiers{"tiers": r.Tiers}, nil
	}
	return r.PerRow, nil
}
