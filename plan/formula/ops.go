package formula

import (
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
)

// Bounds of a number literal, the same as those of every other number of a plan (plan.MaxNumber and
// plan.MaxDecimals): a typo such as 1e400 or a float's noise such as 0.30000000000000004 is refused.
const (
	MaxLiteral         = 1_000_000_000 // exclusive bound of a literal's absolute value
	MaxLiteralDecimals = 6             // most decimal places of a literal (trailing zeros do not count)
	MaxRoundPlaces     = 18            // most places of round(x, n)
	DivisionPlaces     = 16            // places of a quotient, rounded half away from zero
)

var maxLiteral = decimal.NewFromInt(MaxLiteral)

// numberOps and dateOps name the functions that carry out a binary operator on numbers or dates.
var (
	numberOps = map[string]string{
		"+": fnAdd, "-": fnSub, "*": fnMul, "/": fnDiv,
		"<": fnLt, "<=": fnLe, ">": fnGt, ">=": fnGe, "==": fnEq, "!=": fnNe,
	}
	dateOps = map[string]string{
		"<": fnDateLt, "<=": fnDateLe, ">": fnDateGt, ">=": fnDateGe, "==": fnDateEq, "!=": fnDateNe,
	}
)

func (c *checker) binary(n *ast.Node, node *ast.BinaryNode) (Type, error) {
	switch node.Operator {
	case "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "and", "or", "in":
	default:
		return 0, c.errAt(node, msg.FormulaOperator, node.Operator)
	}
	l, err := c.check(&node.Left)
	if err != nil {
		return 0, err
	}
	if node.Operator == "in" {
		return c.in(n, node, l)
	}
	r, err := c.check(&node.Right)
	if err != nil {
		return 0, err
	}
	switch node.Operator {
	case "+", "-", "*", "/":
		if l != Number || r != Number {
			return 0, c.errAt(node, msg.FormulaArith, node.Operator, l, r)
		}
		c.patchOp(n, numberOps[node.Operator], node)
		return Number, nil
	case "&&", "||", "and", "or":
		if l != Bool || r != Bool {
			return 0, c.errAt(node, msg.FormulaLogic, node.Operator, l, r)
		}
		return Bool, nil
	}
	return c.compare(n, node, l, r)
}

// compare checks a comparison: numbers by value and dates chronologically (by this package's functions),
// text and bools for equality only (by expr itself).
func (c *checker) compare(n *ast.Node, node *ast.BinaryNode, l, r Type) (Type, error) {
	if l != r {
		return 0, c.errAt(node, msg.FormulaCompare, l, r)
	}
	eq := node.Operator == "==" || node.Operator == "!="
	switch {
	case l == Number:
		c.patchOp(n, numberOps[node.Operator], node)
	case l == Date:
		c.patchOp(n, dateOps[node.Operator], node)
	case !eq:
		return 0, c.errAt(node, msg.FormulaOrder, node.Operator, l)
	}
	return Bool, nil
}

// in checks `x in [...]` (and `x not in [...]`, which expr parses as not (x in [...])). A list of literals
// becomes one constant set, looked up without allocating.
func (c *checker) in(n *ast.Node, node *ast.BinaryNode, l Type) (Type, error) {
	if l != Text {
		return 0, c.errAt(node, msg.FormulaInLeft, l)
	}
	list, ok := node.Right.(*ast.ArrayNode)
	if !ok {
		return 0, c.errAt(node.Right, msg.FormulaInRight)
	}
	literals := make(textSet, 0, len(list.Nodes))
	for i := range list.Nodes {
		t, err := c.check(&list.Nodes[i])
		if err != nil {
			return 0, err
		}
		if t != Text {
			return 0, c.errAt(list.Nodes[i], msg.FormulaInItem, t)
		}
		if s, ok := list.Nodes[i].(*ast.StringNode); ok && literals != nil {
			literals = append(literals, s.Value)
		} else {
			literals = nil
		}
	}
	if literals != nil {
		ast.Patch(n, call(fnIn, node.Left, constant(literals)))
	}
	return Bool, nil
}

// patchOp replaces the binary node by a call of fn on its operands.
func (c *checker) patchOp(n *ast.Node, fn string, node *ast.BinaryNode) {
	ast.Patch(n, call(fn, node.Left, node.Right))
}

// call checks a call of one of the plan language's functions.
func (c *checker) call(n *ast.Node, node *ast.CallNode) (Type, error) {
	id, ok := node.Callee.(*ast.IdentifierNode)
	if !ok {
		return 0, c.errAt(node, msg.FormulaNotAllowed)
	}
	if len(node.Arguments) > 0 && node.Arguments[0].Location().From < id.Location().From {
		// expr parses the pipe x | f(y) as f(x, y): its first argument stands before the function's name.
		return 0, c.errAt(node, msg.FormulaOperator, "|")
	}
	switch id.Value {
	case "min", "max":
		return c.minMax(n, node, id.Value)
	case "abs":
		return c.abs(n, node)
	case "round":
		return c.round(n, node)
	case "in_month":
		return c.inMonth(n, node)
	case "date":
		return c.date(n, node)
	case "present":
		return c.presentCall(n, node)
	}
	return 0, c.errAt(node, msg.FormulaUnknownFunc, id.Value)
}

// numbers checks that every argument of the call is a number, and that there are count of them (at least
// count when more is true).
func (c *checker) numbers(node *ast.CallNode, name string, count int, more bool, want string) error {
	got := len(node.Arguments)
	if got < count || (!more && got > count) {
		return c.errAt(node, msg.FormulaArgCount, name, want, got)
	}
	for i := range node.Arguments {
		t, err := c.check(&node.Arguments[i])
		if err != nil {
			return err
		}
		if t != Number {
			return c.errAt(node.Arguments[i], msg.FormulaArgType, i+1, name, t)
		}
	}
	return nil
}

// minMax folds min(a, b, c) into min(min(a, b), c).
func (c *checker) minMax(n *ast.Node, node *ast.CallNode, name string) (Type, error) {
	if err := c.numbers(node, name, 2, true, msg.FormulaArgsTwoOrMore); err != nil {
		return 0, err
	}
	fn := fnMin
	if name == "max" {
		fn = fnMax
	}
	acc := node.Arguments[0]
	for _, a := range node.Arguments[1:] {
		next := call(fn, acc, a)
		next.SetLocation(node.Location())
		acc = next
	}
	ast.Patch(n, acc)
	return Number, nil
}

func (c *checker) abs(n *ast.Node, node *ast.CallNode) (Type, error) {
	if err := c.numbers(node, "abs", 1, false, msg.FormulaArgsOne); err != nil {
		return 0, err
	}
	ast.Patch(n, call(fnAbs, node.Arguments[0]))
	return Number, nil
}

// round checks round(x, n): n is written as digits, 0 to MaxRoundPlaces.
func (c *checker) round(n *ast.Node, node *ast.CallNode) (Type, error) {
	if len(node.Arguments) != 2 {
		return 0, c.errAt(node, msg.FormulaArgCount, "round", msg.FormulaArgsTwo, len(node.Arguments))
	}
	places, ok := node.Arguments[1].(*ast.IntegerNode)
	if !ok || !c.digits(places) || places.Value < 0 || places.Value > MaxRoundPlaces {
		return 0, c.errAt(node.Arguments[1], msg.FormulaRoundPlaces, MaxRoundPlaces)
	}
	t, err := c.check(&node.Arguments[0])
	if err != nil {
		return 0, err
	}
	if t != Number {
		return 0, c.errAt(node.Arguments[0], msg.FormulaArgType, 1, "round", t)
	}
	ast.Patch(n, call(fnRound, node.Arguments[0], constant(int32(places.Value))))
	return Number, nil
}

// digits reports whether the literal is written as decimal digits only (not 0x10, 1_0 or 1e1).
func (c *checker) digits(n ast.Node) bool {
	loc := n.Location()
	if loc.From < 0 || loc.From >= loc.To || loc.To > len(c.runes) {
		return false
	}
	for _, r := range c.runes[loc.From:loc.To] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// inMonth checks in_month(d) and passes the evaluation's month as a second argument.
func (c *checker) inMonth(n *ast.Node, node *ast.CallNode) (Type, error) {
	if len(node.Arguments) != 1 {
		return 0, c.errAt(node, msg.FormulaArgCount, "in_month", msg.FormulaArgsOne, len(node.Arguments))
	}
	t, err := c.check(&node.Arguments[0])
	if err != nil {
		return 0, err
	}
	if t != Date {
		return 0, c.errAt(node.Arguments[0], msg.FormulaInMonthArg, t)
	}
	month := &ast.IdentifierNode{Value: monthVar}
	month.SetLocation(node.Location())
	ast.Patch(n, call(fnInMonth, node.Arguments[0], month))
	return Bool, nil
}

// presentCall checks present(x), x a variable, and reads it as the Env's presence of x.
func (c *checker) presentCall(n *ast.Node, node *ast.CallNode) (Type, error) {
	if len(node.Arguments) != 1 {
		return 0, c.errAt(node, msg.FormulaArgCount, "present", msg.FormulaArgsOne, len(node.Arguments))
	}
	id, ok := node.Arguments[0].(*ast.IdentifierNode)
	if !ok {
		return 0, c.errAt(node.Arguments[0], msg.FormulaPresentArg)
	}
	if _, err := c.check(&node.Arguments[0]); err != nil {
		return 0, err
	}
	c.present = true
	p := &ast.IdentifierNode{Value: presentPrefix + id.Value}
	p.SetLocation(node.Location())
	ast.Patch(n, p)
	return Bool, nil
}

// date turns date("YYYY-MM-DD") into a date constant.
func (c *checker) date(n *ast.Node, node *ast.CallNode) (Type, error) {
	if len(node.Arguments) != 1 {
		return 0, c.errAt(node, msg.FormulaArgCount, "date", msg.FormulaArgsOne, len(node.Arguments))
	}
	s, ok := node.Arguments[0].(*ast.StringNode)
	if !ok {
		return 0, c.errAt(node.Arguments[0], msg.FormulaDateArg)
	}
	t, err := time.Parse("2006-01-02", s.Value)
	if err != nil || len(s.Value) != 10 || t.Year() < model.MinYear || t.Year() > model.MaxYear {
		return 0, c.errAt(node.Arguments[0], msg.FormulaDateBad, s.Value, model.MinYear, model.MaxYear)
	}
	ast.Patch(n, constant(model.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}))
	return Date, nil
}

// call is a call node of one of this package's functions; its location is set by ast.Patch.
func call(fn string, args ...ast.Node) ast.Node {
	return &ast.CallNode{Callee: &ast.IdentifierNode{Value: fn}, Arguments: args}
}

// constant is a constant node of v.
func constant(v any) ast.Node { return &ast.ConstantNode{Value: v} }
