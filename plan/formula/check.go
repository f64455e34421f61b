package formula

import (
	"errors"
	"fmt"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/shopspring/decimal"

	"payout/internal/msg"
)

// checker type-checks a parsed expression in the plan language and rewrites it, in place, into a tree
// that expr compiles with exact decimals: number literals become decimal constants, operators on numbers
// and dates become calls of this package's functions, date("...") becomes a date constant.
type checker struct {
	src   string
	runes []rune
	vars  map[string]Type
	uses  map[string]bool
	// present: the expression asks whether a variable's cell is empty (present(x))
	present bool
}

func newChecker(src string, vars map[string]Type) *checker {
	return &checker{src: src, runes: []rune(src), vars: vars, uses: map[string]bool{}}
}

func (c *checker) used() []string { return sorted(c.uses) }

// errAt is an *Error at the node's position.
func (c *checker) errAt(n ast.Node, format string, args ...any) error {
	line, col := position(c.src, n.Location().From)
	return &Error{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// check gives the type of *n after rewriting it.
func (c *checker) check(n *ast.Node) (Type, error) {
	switch node := (*n).(type) {
	case nil:
		return 0, &Error{Msg: msg.FormulaNotAllowed}
	case *ast.IdentifierNode:
		return c.identifier(node)
	case *ast.IntegerNode, *ast.FloatNode:
		return c.number(n)
	case *ast.StringNode:
		return Text, nil
	case *ast.BoolNode:
		return Bool, nil
	case *ast.UnaryNode:
		return c.unary(n, node)
	case *ast.BinaryNode:
		return c.binary(n, node)
	case *ast.ConditionalNode:
		return c.conditional(node)
	case *ast.CallNode:
		return c.call(n, node)
	case *ast.BuiltinNode:
		return 0, c.errAt(node, msg.FormulaUnknownFunc, node.Name)
	}
	return 0, c.errAt(*n, msg.FormulaNotAllowed)
}

func (c *checker) identifier(node *ast.IdentifierNode) (Type, error) {
	t, ok := c.vars[node.Value]
	if !ok {
		if near := closest(node.Value, c.vars); near != "" {
			return 0, c.errAt(node, msg.FormulaUnknownNameFix, node.Value, near)
		}
		return 0, c.errAt(node, msg.FormulaUnknownName, node.Value)
	}
	c.uses[node.Value] = true
	return t, nil
}

// number turns an integer or float literal into a decimal constant read from the source text itself (the
// parser's float64 is not exact), within the bounds of a plan's numbers.
func (c *checker) number(n *ast.Node) (Type, error) {
	loc := (*n).Location()
	text := ""
	if loc.From >= 0 && loc.From < loc.To && loc.To <= len(c.runes) {
		text = string(c.runes[loc.From:loc.To])
	}
	d, err := literal(text, *n)
	if err != nil {
		return 0, c.errAt(*n, msg.FormulaSyntax, err)
	}
	if d.Abs().Cmp(maxLiteral) >= 0 {
		return 0, c.errAt(*n, msg.PlanTooLarge, text, MaxLiteral)
	}
	if !d.Equal(d.Truncate(MaxLiteralDecimals)) {
		return 0, c.errAt(*n, msg.PlanTooPrecise, text, MaxLiteralDecimals)
	}
	ast.Patch(n, constant(d))
	return Number, nil
}

// literal is the exact value of a number literal: its text without "_" in decimal notation, the parser's
// integer for hexadecimal, octal and binary ones.
func literal(text string, n ast.Node) (decimal.Decimal, error) {
	text = strings.ReplaceAll(text, "_", "")
	lower := strings.ToLower(text)
	if in, ok := n.(*ast.IntegerNode); ok && len(lower) > 1 && lower[0] == '0' && strings.ContainsAny(lower[1:2], "xob") {
		return decimal.NewFromInt(int64(in.Value)), nil
	}
	return decimal.NewFromString(text)
}

func (c *checker) unary(n *ast.Node, node *ast.UnaryNode) (Type, error) {
	t, err := c.check(&node.Node)
	if err != nil {
		return 0, err
	}
	switch node.Operator {
	case "-", "+":
		if t != Number {
			return 0, c.errAt(node, msg.FormulaNegate, node.Operator, t)
		}
		if node.Operator == "+" {
			*n = node.Node
		} else if k, ok := node.Node.(*ast.ConstantNode); ok {
			ast.Patch(n, constant(k.Value.(decimal.Decimal).Neg()))
		} else {
			ast.Patch(n, call(fnNeg, node.Node))
		}
		return Number, nil
	case "!", "not":
		if t != Bool {
			return 0, c.errAt(node, msg.FormulaNot, node.Operator, t)
		}
		return Bool, nil
	}
	return 0, c.errAt(node, msg.FormulaOperator, node.Operator)
}

func (c *checker) conditional(node *ast.ConditionalNode) (Type, error) {
	if node.Exp1 == node.Cond {
		// expr parses c ?: b as a conditional whose condition is its first branch, one node for both.
		return 0, c.errAt(node.Exp2, msg.FormulaElvis)
	}
	t, err := c.check(&node.Cond)
	if err != nil {
		return 0, err
	}
	if t != Bool {
		return 0, c.errAt(node.Cond, msg.FormulaCondition, t)
	}
	t1, err := c.check(&node.Exp1)
	if err != nil {
		return 0, err
	}
	t2, err := c.check(&node.Exp2)
	if err != nil {
		return 0, err
	}
	if t1 != t2 {
		return 0, c.errAt(node.Exp2, msg.FormulaBranches, t1, t2)
	}
	return t1, nil
}

// closest is the known name nearest to name by edit distance, if it is near enough to be a typo (at most
// two edits, and fewer than the name's length); ties go to the first in sorted order.
func closest(name string, vars map[string]Type) string {
	best, bestD := "", 3
	for _, v := range sorted(setOf(vars)) {
		if d := distance(name, v); d < bestD && d < len([]rune(name)) {
			best, bestD = v, d
		}
	}
	return best
}

func setOf(vars map[string]Type) map[string]bool {
	s := make(map[string]bool, len(vars))
	for k := range vars {
		s[k] = true
	}
	return s
}

// distance is the Levenshtein distance of a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// exprError turns an error of expr (a *file.Error with a rune offset) into an *Error with format around
// expr's message.
func exprError(src string, err error, format string) error {
	var fe *file.Error
	if !errors.As(err, &fe) {
		return &Error{Msg: fmt.Sprintf(format, err)}
	}
	line, col := position(src, fe.From)
	return &Error{Line: line, Column: col, Msg: fmt.Sprintf(format, fe.Message)}
}
