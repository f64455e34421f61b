package formula

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"

	"github.com/expr-lang/expr"
	exprchecker "github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
)

// Type is the type of a variable or of an expression.
type Type uint8

// The types of the plan language.
const (
	Number Type = iota + 1 // an exact decimal (decimal.Decimal)
	Text                   // a string
	Date                   // a calendar date (model.Date)
	Bool                   // true or false
)

// String names the type as messages do: "number", "text", "date", "bool".
func (t Type) String() string {
	switch t {
	case Number:
		return "number"
	case Text:
		return "text"
	case Date:
		return "date"
	case Bool:
		return "bool"
	}
	return fmt.Sprintf("type(%d)", uint8(t))
}

func (t Type) valid() bool { return t >= Number && t <= Bool }

// goType is the Go type of the values of t.
func (t Type) goType() reflect.Type { return reflect.TypeOf(t.zero()) }

// zero is the value of an empty cell of type t.
func (t Type) zero() any {
	switch t {
	case Number:
		return decimal.Decimal{}
	case Text:
		return ""
	case Date:
		return model.Date{}
	}
	return false
}

// Var is a variable an expression may use, with its type.
type Var struct {
	Name string
	Type Type
}

// Error is a compile or evaluation error with its position in the source: the 1-based line and column,
// counted in runes, of the expression text (0 when unknown). Msg alone reads as a whole sentence.
type Error struct {
	Line, Column int
	Msg          string
}

// Error gives "line:column: msg", or msg alone when the position is unknown.
func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
}

// Program is a compiled, type-checked expression. It is safe for concurrent use: each evaluation brings
// its own Env.
type Program struct {
	src  string
	uses []string
	vars []Var // the variables of uses, with their types
	typ  Type
	prog *vm.Program
	// present: the expression uses present(x)
	present bool
}

// Source is the expression's text as given to Compile.
func (p *Program) Source() string { return p.src }

// Uses lists the variable names the expression references, sorted, without repeats.
func (p *Program) Uses() []string { return append([]string(nil), p.uses...) }

// UsesPresent reports whether the expression asks whether a cell is empty (present(x)): it then needs the
// Env's presence of its variables (Env.SetPresent).
func (p *Program) UsesPresent() bool { return p.present }

// Type is the type of the expression's value (the want given to Compile).
func (p *Program) Type() Type { return p.typ }

// monthVar is the Env key of the evaluation's month, passed to in_month; it is not an identifier, so no
// plan variable can take its name.
const monthVar = "@month"

// presentPrefix names the Env key that says whether a variable's cell is not empty (present(x)); "$" is not
// an identifier's first character, so no plan variable can take such a name.
const presentPrefix = "$present:"

// Compile parses src, checks it against vars and want, and compiles it. Errors are *Error.
func Compile(src string, vars []Var, want Type) (p *Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, &Error{Msg: fmt.Sprintf(msg.FormulaInternal, r)}
		}
	}()
	if strings.TrimSpace(src) == "" {
		return nil, &Error{Line: 1, Column: 1, Msg: msg.FormulaEmpty}
	}
	types, err := varTypes(vars)
	if err != nil {
		return nil, err
	}
	config := newConfig(types)
	tree, err := parser.ParseWithConfig(src, config)
	if err != nil {
		return nil, exprError(src, err, msg.FormulaSyntax)
	}
	c := newChecker(src, types)
	got, err := c.check(&tree.Node)
	if err != nil {
		return nil, err
	}
	if got != want {
		line, col := start(src)
		return nil, &Error{Line: line, Column: col, Msg: fmt.Sprintf(wantMsg(want), got)}
	}
	if _, err := exprchecker.Check(tree, config); err != nil {
		return nil, exprError(src, err, msg.FormulaInternal)
	}
	if tree.Node.Type() != want.goType() {
		return nil, &Error{Msg: fmt.Sprintf(msg.FormulaInternal, tree.Node.Type())}
	}
	if err := optimizer.Optimize(&tree.Node, config); err != nil {
		return nil, exprError(src, err, msg.FormulaInternal)
	}
	prog, err := compiler.Compile(tree, config)
	if err != nil {
		return nil, exprError(src, err, msg.FormulaInternal)
	}
	uses := c.used()
	used := make([]Var, len(uses))
	for i, name := range uses {
		used[i] = Var{Name: name, Type: types[name]}
	}
	return &Program{src: src, uses: uses, vars: used, typ: want, prog: prog, present: c.present}, nil
}

// varTypes maps each variable to its type, refusing a name declared twice and an invalid type.
func varTypes(vars []Var) (map[string]Type, error) {
	types := make(map[string]Type, len(vars))
	for _, v := range vars {
		if strings.HasPrefix(v.Name, "$") || strings.HasPrefix(v.Name, "@") {
			return nil, &Error{Msg: fmt.Sprintf(msg.FormulaVarName, v.Name)}
		}
		if !v.Type.valid() {
			return nil, &Error{Msg: fmt.Sprintf(msg.FormulaVarType, v.Name)}
		}
		if _, ok := types[v.Name]; ok {
			return nil, &Error{Msg: fmt.Sprintf(msg.FormulaVarTwice, v.Name)}
		}
		types[v.Name] = v.Type
	}
	return types, nil
}

// newConfig is expr's configuration for the variables: an env of their zero values (which gives expr's
// checker their Go types), the plan language's functions, and none of expr's builtins.
func newConfig(types map[string]Type) *conf.Config {
	env := make(map[string]any, len(types)+1)
	for name, t := range types {
		env[name] = t.zero()
		env[presentPrefix+name] = false
	}
	env[monthVar] = model.Month{}
	config := conf.CreateNew()
	opts := append([]expr.Option{expr.Env(env), expr.DisableAllBuiltins(), expr.DisableIfOperator()}, functions()...)
	for _, o := range opts {
		o(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	config.Check()
	return config
}

// wantMsg is the message for an expression whose type is not the wanted one.
func wantMsg(want Type) string {
	switch want {
	case Bool:
		return msg.FormulaWantBool
	case Number:
		return msg.FormulaWantNumber
	case Text:
		return msg.FormulaWantText
	}
	return msg.FormulaWantDate
}

// start is the position of the expression's first character that is not a space.
func start(src string) (line, col int) {
	for i, r := range []rune(src) {
		if !unicode.IsSpace(r) {
			return position(src, i)
		}
	}
	return 1, 1
}

// position turns a rune offset of src into a 1-based line and column (in runes).
func position(src string, offset int) (line, col int) {
	line, col = 1, 1
	for i, r := range []rune(src) {
		if i == offset {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// sorted returns the keys of a set, sorted.
func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
