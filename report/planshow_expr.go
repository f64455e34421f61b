package report

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"

	"payout/internal/msg"
	"payout/plan"
)

// An expression of the plan (a row filter, a condition, arithmetic) read out in plain Chinese for plan show:
// columns by their Chinese names in 「」, enumeration values by their names, bases by their labels,
// operators as a manager writes them (且, 或, ≥, ×, ÷). Numbers are printed as the plan writes them. An
// expression the reading does not know is printed as written.

// exprReader reads expressions over a table's rows (t set) or over the plan's bases (t nil).
type exprReader struct {
	p     *plan.Plan
	t     *plan.Table
	runes []rune
	ok    bool
}

// Precedence of the rendered forms, from the loosest.
const (
	precIf = iota + 1
	precOr
	precAnd
	precCompare
	precNot
	precAdd
	precMul
	precUnary
	precAtom
)

// exprText reads the expression e in Chinese; t is the table whose rows it is over, nil for bases.
func exprText(p *plan.Plan, t *plan.Table, e *plan.Expr) string {
	if e == nil {
		return ""
	}
	tree, err := parser.Parse(e.Src)
	if err != nil {
		return e.Src
	}
	r := &exprReader{p: p, t: t, runes: []rune(e.Src), ok: true}
	s, _ := r.node(tree.Node)
	if !r.ok {
		return e.Src
	}
	return s
}

// at renders n, in parentheses when it binds looser than prec.
func (r *exprReader) at(n ast.Node, prec int) string {
	s, p := r.node(n)
	if p < prec {
		return "(" + s + ")"
	}
	return s
}

func (r *exprReader) node(n ast.Node) (string, int) {
	switch n := n.(type) {
	case *ast.BinaryNode:
		return r.binary(n)
	case *ast.UnaryNode:
		return r.unary(n)
	case *ast.IdentifierNode:
		if col := r.column(n.Value); col != nil && col.ColumnType() == plan.TypeBool {
			return fmt.Sprintf(msg.ShowExprYes, r.name(n.Value)), precCompare
		}
		return r.name(n.Value), precAtom
	case *ast.IntegerNode, *ast.FloatNode:
		return r.literal(n), precAtom
	case *ast.StringNode:
		return fmt.Sprintf(msg.ShowExprText, n.Value), precAtom
	case *ast.BoolNode:
		if n.Value {
			return msg.ShowExprTrue, precAtom
		}
		return msg.ShowExprFalse, precAtom
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok {
			return r.call(id.Value, n.Arguments)
		}
	case *ast.BuiltinNode:
		return r.call(n.Name, n.Arguments)
	case *ast.ConditionalNode:
		return fmt.Sprintf(msg.ShowExprIf, r.at(n.Cond, precOr), r.at(n.Exp1, precOr), r.at(n.Exp2, precOr)), precAtom
	}
	r.ok = false
	return "", precAtom
}

// literal is a number as the plan writes it.
func (r *exprReader) literal(n ast.Node) string {
	loc := n.Location()
	if loc.From >= 0 && loc.From < loc.To && loc.To <= len(r.runes) {
		return strings.ReplaceAll(string(r.runes[loc.From:loc.To]), "_", "")
	}
	return fmt.Sprint(n)
}

var exprOps = map[string]struct {
	text string
	prec int
}{
	"&&": {msg.ShowExprAnd, precAnd}, "and": {msg.ShowExprAnd, precAnd},
	"||": {msg.ShowExprOr, precOr}, "or": {msg.ShowExprOr, precOr},
	"==": {" = ", precCompare}, "!=": {" ≠ ", precCompare}, "<": {" < ", precCompare}, "<=": {" ≤ ", precCompare},
	">": {" > ", precCompare}, ">=": {" ≥ ", precCompare},
	"+": {" + ", precAdd}, "-": {" − ", precAdd}, "*": {" × ", precMul}, "/": {" ÷ ", precMul},
}

func (r *exprReader) binary(n *ast.BinaryNode) (string, int) {
	if n.Operator == "in" {
		return r.in(n, false)
	}
	if s, ok := r.equality(n); ok {
		return s, precCompare
	}
	op, ok := exprOps[n.Operator]
	if !ok {
		r.ok = false
		return "", precAtom
	}
	left, right := op.prec, op.prec+1 // a − (b − c): the right side of a left-associative operator is grouped
	switch op.prec {
	case precAnd:
		right = precAnd
	case precOr: // a 且 b 或 c reads ambiguously: the 且 is grouped
		left, right = precCompare, precCompare
	}
	return r.at(n.Left, left) + op.text + r.at(n.Right, right), op.prec
}

// equality reads `column == "value"` and `column != "value"` as 「column」为 value.
func (r *exprReader) equality(n *ast.BinaryNode) (string, bool) {
	if n.Operator != "==" && n.Operator != "!=" {
		return "", false
	}
	id, s := n.Left, n.Right
	if _, ok := id.(*ast.IdentifierNode); !ok {
		id, s = s, id
	}
	ident, ok1 := id.(*ast.IdentifierNode)
	if !ok1 {
		return "", false
	}
	format := msg.ShowExprIs
	if n.Operator == "!=" {
		format = msg.ShowExprIsNot
	}
	switch v := s.(type) {
	case *ast.StringNode:
		return fmt.Sprintf(format, r.name(ident.Value), r.value(ident.Value, v.Value)), true
	case *ast.BoolNode:
		if v.Value == (n.Operator == "==") {
			return fmt.Sprintf(msg.ShowExprYes, r.name(ident.Value)), true
		}
		return fmt.Sprintf(msg.ShowExprNo, r.name(ident.Value)), true
	}
	return "", false
}

// in reads `column in ["a", "b"]` (not: `not in`).
func (r *exprReader) in(n *ast.BinaryNode, not bool) (string, int) {
	id, ok1 := n.Left.(*ast.IdentifierNode)
	arr, ok2 := n.Right.(*ast.ArrayNode)
	if !ok1 || !ok2 {
		r.ok = false
		return "", precAtom
	}
	vals := make([]string, len(arr.Nodes))
	for i, it := range arr.Nodes {
		s, ok := it.(*ast.StringNode)
		if !ok {
			r.ok = false
			return "", precAtom
		}
		vals[i] = r.value(id.Value, s.Value)
	}
	format := msg.ShowExprOneOf
	if not {
		format = msg.ShowExprNoneOf
	}
	return fmt.Sprintf(format, r.name(id.Value), strings.Join(vals, msg.ShowListSep)), precCompare
}

func (r *exprReader) unary(n *ast.UnaryNode) (string, int) {
	switch n.Operator {
	case "-":
		return "−" + r.at(n.Node, precUnary), precUnary
	case "+":
		return r.node(n.Node)
	case "!", "not":
		if b, ok := n.Node.(*ast.BinaryNode); ok && b.Operator == "in" {
			return r.in(b, true)
		}
		if id, ok := n.Node.(*ast.IdentifierNode); ok {
			if col := r.column(id.Value); col != nil && col.ColumnType() == plan.TypeBool {
				return fmt.Sprintf(msg.ShowExprNo, r.name(id.Value)), precCompare
			}
		}
		if c, ok := n.Node.(*ast.CallNode); ok && len(c.Arguments) == 1 {
			if id, ok := c.Callee.(*ast.IdentifierNode); ok && id.Value == "present" {
				return fmt.Sprintf(msg.ShowExprEmpty, r.at(c.Arguments[0], precAdd)), precCompare
			}
		}
		s, _ := r.node(n.Node)
		return fmt.Sprintf(msg.ShowExprNot, s), precNot
	}
	r.ok = false
	return "", precAtom
}

// call reads a function; min, max and round read as phrases ("a、b 中较小者"), grouped wherever they stand
// inside another operation or list.
func (r *exprReader) call(name string, args []ast.Node) (string, int) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = r.at(a, precAdd)
	}
	switch {
	case name == "in_month" && len(args) == 1:
		return fmt.Sprintf(msg.ShowExprInMonth, parts[0]), precCompare
	case name == "present" && len(args) == 1:
		return fmt.Sprintf(msg.ShowExprPresent, parts[0]), precCompare
	case name == "min":
		return fmt.Sprintf(msg.ShowExprMin, strings.Join(parts, msg.ShowListSep)), precAnd
	case name == "max":
		return fmt.Sprintf(msg.ShowExprMax, strings.Join(parts, msg.ShowListSep)), precAnd
	case name == "abs" && len(args) == 1:
		return fmt.Sprintf(msg.ShowExprAbs, parts[0]), precAtom
	case name == "round" && len(args) == 2:
		return fmt.Sprintf(msg.ShowExprRound, parts[0], parts[1]), precAnd
	case name == "date" && len(args) == 1:
		if s, ok := args[0].(*ast.StringNode); ok {
			return s.Value, precAtom
		}
	}
	r.ok = false
	return "", precAtom
}

// column is the table's column of that name (nil for an expression over bases).
func (r *exprReader) column(name string) *plan.Column {
	if r.t == nil {
		return nil
	}
	return r.t.Column(name)
}

// name is a column's Chinese name in 「」, or a base's label.
func (r *exprReader) name(id string) string {
	if r.t != nil {
		if col := r.t.Column(id); col != nil {
			return fmt.Sprintf(msg.ShowExprColumn, col.Label())
		}
		return id
	}
	if b := r.p.Base(id); b != nil {
		return b.Title()
	}
	return id
}

// value is a text compared with a column: an enumeration's value by its names, else the text in quotes.
func (r *exprReader) value(id, v string) string {
	if col := r.column(id); col != nil && col.ColumnType() == plan.TypeEnum {
		if s := enumValueText(r.p, col.Enum.Name, v); s != "" {
			return s
		}
	}
	return fmt.Sprintf(msg.ShowExprText, v)
}

// enumValueText is an enumeration value's names joined by "/" (a role's label for the roles), or "".
func enumValueText(p *plan.Plan, enum, v string) string {
	if enum == "roles" {
		if r, ok := p.Role(v); ok {
			return r.Label()
		}
		return ""
	}
	names := p.Enum(enum).Names[v]
	if len(names) == 0 {
		return ""
	}
	return strings.Join(plan.Refs(names), msg.ShowExprValueSep)
}

// exprAtomText is exprText in parentheses unless it reads as one term.
func exprAtomText(p *plan.Plan, t *plan.Table, e *plan.Expr) string {
	tree, err := parser.Parse(e.Src)
	if err != nil {
		return "(" + e.Src + ")"
	}
	r := &exprReader{p: p, t: t, runes: []rune(e.Src), ok: true}
	s := r.at(tree.Node, precAtom)
	if !r.ok {
		return "(" + e.Src + ")"
	}
	return s
}
