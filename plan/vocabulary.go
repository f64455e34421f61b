package plan

import (
	_ "embed"
	"fmt"

	"go.yaml.in/yaml/v3"

	"payout/internal/fold"
	"payout/internal/msg"
)

// The enumerations of the input tables: the built-in ones (vocabulary.yaml, part of the default schema) and
// a plan's additions (its `vocabulary` section).

//go:embed vocabulary.yaml
var builtinVocabularyYAML []byte

// Names of the built-in enumerations.
const (
	VocabROTypes         = "repair_order_types"
	VocabCollectionKinds = "collection_kinds"
	VocabIncidentKinds   = "incident_kinds"
	VocabSellerDepts     = "seller_departments"
	VocabAccessoryCats   = "accessory_categories"
	VocabAdjustmentKinds = "adjustment_kinds"
)

// Vocabulary is a list of enumerations, in file order.
type Vocabulary struct {
	Enums []VocabEnum
}

// VocabEnum is one enumeration: its canonical values with the names accepted for each, in file order.
type VocabEnum struct {
	Name   Ref
	Values []VocabValue
}

// VocabValue is a canonical value with its names (the first is printed).
type VocabValue struct {
	Name  Ref
	Names []Ref
}

// UnmarshalYAML reads `enumeration: {value: [name, …], …}` keeping the file's order.
func (v *Vocabulary) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeErr(n.Line, "expected enumerations (name: {value: [names]})")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, body := n.Content[i], n.Content[i+1]
		e := VocabEnum{Name: Ref{Name: k.Value, Line: k.Line}}
		if body.Kind != yaml.MappingNode {
			return typeErr(body.Line, fmt.Sprintf("enumeration %s: expected values (value: [names])", k.Value))
		}
		for j := 0; j+1 < len(body.Content); j += 2 {
			vk, vn := body.Content[j], body.Content[j+1]
			val := VocabValue{Name: Ref{Name: vk.Value, Line: vk.Line}}
			if err := vn.Decode(&val.Names); err != nil {
				return err
			}
			e.Values = append(e.Values, val)
		}
		v.Enums = append(v.Enums, e)
	}
	return nil
}

// MarshalYAML writes the enumerations in order.
func (v Vocabulary) MarshalYAML() (any, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, e := range v.Enums {
		body := &yaml.Node{Kind: yaml.MappingNode, Style: 0}
		for _, val := range e.Values {
			seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, nm := range val.Names {
				seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: nm.Name})
			}
			body.Content = append(body.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: val.Name.Name}, seq)
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: e.Name.Name}, body)
	}
	return root, nil
}

// builtinVocabulary is the parsed vocabulary.yaml.
func builtinVocabulary() Vocabulary {
	var v Vocabulary
	if err := yaml.Unmarshal(builtinVocabularyYAML, &v); err != nil {
		panic("plan: the built-in vocabulary is invalid: " + err.Error())
	}
	return v
}

// merged is the built-in vocabulary with the plan's additions: a plan's name for a value is removed from any
// other value of the enumeration (the plan moves it), then added to its value (made when new); a plan's
// enumeration that is not built in is added whole.
func (v Vocabulary) mergedInto(base Vocabulary) Vocabulary {
	out := Vocabulary{}
	for _, e := range base.Enums {
		c := VocabEnum{Name: e.Name}
		for _, val := range e.Values {
			c.Values = append(c.Values, VocabValue{Name: val.Name, Names: append([]Ref(nil), val.Names...)})
		}
		out.Enums = append(out.Enums, c)
	}
	for _, e := range v.Enums {
		t := out.enum(e.Name.Name)
		if t == nil {
			out.Enums = append(out.Enums, VocabEnum{Name: e.Name})
			t = &out.Enums[len(out.Enums)-1]
		}
		for _, val := range e.Values {
			keys := map[string]bool{}
			for _, nm := range append([]Ref{val.Name}, val.Names...) {
				keys[fold.Key(nm.Name)] = true
			}
			for i := range t.Values {
				if t.Values[i].Name.Name == val.Name.Name {
					continue
				}
				kept := t.Values[i].Names[:0]
				for _, nm := range t.Values[i].Names {
					if !keys[fold.Key(nm.Name)] {
						kept = append(kept, nm)
					}
				}
				t.Values[i].Names = kept
			}
			if tv := t.value(val.Name.Name); tv != nil {
				tv.Names = append(tv.Names, val.Names...)
			} else {
				t.Values = append(t.Values, VocabValue{Name: val.Name, Names: append([]Ref(nil), val.Names...)})
			}
		}
	}
	return out
}

func (v *Vocabulary) enum(name string) *VocabEnum {
	for i := range v.Enums {
		if v.Enums[i].Name.Name == name {
			return &v.Enums[i]
		}
	}
	return nil
}

func (e *VocabEnum) value(name string) *VocabValue {
	for i := range e.Values {
		if e.Values[i].Name.Name == name {
			return &e.Values[i]
		}
	}
	return nil
}

// Enum returns an enumeration of the plan's vocabulary (built in, or added by the plan); empty when none.
func (p *Plan) Enum(name string) Enum {
	e := Enum{Names: map[string][]Ref{}}
	v := p.vocab
	if ve := v.enum(name); ve != nil {
		for _, val := range ve.Values {
			e.Values = append(e.Values, val.Name.Name)
			e.Names[val.Name.Name] = val.Names
		}
	}
	return e
}

// HasEnum reports whether the vocabulary has the enumeration.
func (p *Plan) HasEnum(name string) bool { return p.vocab.enum(name) != nil }

// EnumNames lists the vocabulary's enumerations, in order.
func (p *Plan) EnumNames() []string {
	out := make([]string, len(p.vocab.Enums))
	for i, e := range p.vocab.Enums {
		out[i] = e.Name.Name
	}
	return out
}

// ROTypeEnum is repair-order type → category.
func (p *Plan) ROTypeEnum() Enum { return p.Enum(VocabROTypes) }

// CollectionKindEnum is collection kind.
func (p *Plan) CollectionKindEnum() Enum { return p.Enum(VocabCollectionKinds) }

// IncidentKindEnum is incident kind.
func (p *Plan) IncidentKindEnum() Enum { return p.Enum(VocabIncidentKinds) }

// SellerDeptEnum is accessory seller department.
func (p *Plan) SellerDeptEnum() Enum { return p.Enum(VocabSellerDepts) }

// CategoryEnum is accessory category.
func (p *Plan) CategoryEnum() Enum { return p.Enum(VocabAccessoryCats) }

// AdjustmentKindEnum is adjustment kind.
func (p *Plan) AdjustmentKindEnum() Enum { return p.Enum(VocabAdjustmentKinds) }

// vocabulary checks the plan's vocabulary: names unique within each of its enumerations (after folding),
// every value with a name, and the merged enumerations free of clashes.
func (c *checker) vocabulary(p *Plan) {
	seen := map[string]bool{}
	for _, e := range p.Vocabulary.Enums {
		if seen[e.Name.Name] {
			c.add(e.Name.Line, msg.PlanDuplicate, "enumeration", e.Name.Name)
		}
		seen[e.Name.Name] = true
		ns := make([]Named, len(e.Values))
		for i, v := range e.Values {
			ns[i] = Named{Name: v.Name, Aliases: v.Names}
			if len(v.Names) == 0 {
				c.add(v.Name.Line, msg.PlanNoNames, v.Name.Name, e.Name.Name)
			}
		}
		c.names(e.Name.Name, ns)
	}
}
