package formula

import (
	"errors"
	"fmt"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
)

// Env holds the variable values of one evaluation: Number = decimal.Decimal, Text = string,
// Date = model.Date, Bool = bool, and nil for the zero value (an empty cell). It is made once for a fixed
// variable list and refilled by position for each row, without allocating. An Env is not safe for
// concurrent use; any number of Programs may be evaluated with one Env, each reading the variables it uses.
type Env struct {
	names   []string
	present []string // the Env keys of the variables' presence (presentPrefix + name)
	types   []Type
	typeOf  map[string]Type
	values  map[string]any        // expr's env: variable name → value, and monthVar → the month
	wrong   []error               // per variable, the error of its last Set when it had the wrong type
	nWrong  int                   // how many of wrong are not nil
	broken  error                 // a fault of the Env itself: a name twice, a position out of the list
	checked map[*Program]struct{} // programs whose variables this Env holds with their types
	last    *Program              // the program evaluated last (checked)
	vm      vm.VM
}

// NewEnv makes an Env for vars, every variable at its zero value, evaluating in_month against month. A
// variable that Compile would refuse (a name twice, a reserved name, an invalid type) makes every
// evaluation with the Env fail.
func NewEnv(vars []Var, month model.Month) *Env {
	e := &Env{
		typeOf:  make(map[string]Type, len(vars)),
		values:  make(map[string]any, len(vars)+1),
		wrong:   make([]error, len(vars)),
		checked: map[*Program]struct{}{},
	}
	if _, err := varTypes(vars); err != nil {
		e.broken = err
	}
	for _, v := range vars {
		e.names = append(e.names, v.Name)
		e.present = append(e.present, presentPrefix+v.Name)
		e.types = append(e.types, v.Type)
		e.typeOf[v.Name] = v.Type
		e.values[v.Name] = v.Type.zero()
		e.values[e.present[len(e.present)-1]] = true
	}
	e.values[monthVar] = month
	return e
}

// Set gives the variable at position i of NewEnv's list the value v (nil for its zero value). A value of
// the wrong type makes the evaluations fail until the variable is set right; a position out of the list
// makes every later evaluation fail.
func (e *Env) Set(i int, v any) {
	if i < 0 || i >= len(e.names) {
		e.broken = &Error{Msg: fmt.Sprintf(msg.FormulaBadIndex, i)}
		return
	}
	t := e.types[i]
	if v == nil {
		v = t.zero()
	} else if !t.holds(v) {
		if e.wrong[i] == nil {
			e.nWrong++
		}
		e.wrong[i] = &Error{Msg: fmt.Sprintf(msg.FormulaBadValue, e.names[i], t, v)}
		return
	}
	if e.wrong[i] != nil {
		e.wrong[i] = nil
		e.nWrong--
	}
	e.values[e.names[i]] = v
}

// SetPresent says whether the cell of the variable at position i is not empty, for present(x) (every
// variable is present until said otherwise). A position out of the list makes every later evaluation fail.
func (e *Env) SetPresent(i int, present bool) {
	if i < 0 || i >= len(e.names) {
		e.broken = &Error{Msg: fmt.Sprintf(msg.FormulaBadIndex, i)}
		return
	}
	e.values[e.present[i]] = present
}

// SetCell gives the variable at position i a cell of a table's generic rows: its value by the variable's type
// (an empty cell is the type's zero value) and whether it is present. A position out of the list makes every
// later evaluation fail.
func (e *Env) SetCell(i int, c model.Value) {
	if i < 0 || i >= len(e.names) {
		e.broken = &Error{Msg: fmt.Sprintf(msg.FormulaBadIndex, i)}
		return
	}
	var v any
	switch e.types[i] {
	case Number:
		v = c.Num
	case Date:
		v = c.Date
	case Bool:
		v = c.Bool
	default:
		v = c.Text
	}
	e.Set(i, v)
	e.values[e.present[i]] = !c.Null
}

// holds reports whether v is a value of type t.
func (t Type) holds(v any) bool {
	switch v.(type) {
	case decimal.Decimal:
		return t == Number
	case string:
		return t == Text
	case model.Date:
		return t == Date
	case bool:
		return t == Bool
	}
	return false
}

// Eval evaluates the program with the Env's values; the value is of p.Type(). Errors are *Error.
func (p *Program) Eval(env *Env) (any, error) {
	if env == nil {
		return nil, &Error{Msg: msg.FormulaNoEnv}
	}
	if err := env.usable(p); err != nil {
		return nil, err
	}
	out, err := env.vm.Run(p.prog, env.values)
	if err != nil {
		return nil, p.evalError(err)
	}
	if !p.typ.holds(out) {
		return nil, &Error{Msg: fmt.Sprintf(msg.FormulaGives, fmt.Sprintf("%T", out), p.typ)}
	}
	return out, nil
}

// usable is the error that keeps p from being evaluated with e, if any: a fault of e, a bad value, a
// variable p uses that e lacks or holds with another type. The check of p's variables is made once per
// Env and program.
func (e *Env) usable(p *Program) error {
	if e.broken != nil {
		return e.broken
	}
	if e.nWrong > 0 {
		for _, err := range e.wrong {
			if err != nil {
				return err
			}
		}
	}
	if p == e.last {
		return nil
	}
	if _, ok := e.checked[p]; ok {
		e.last = p
		return nil
	}
	for _, v := range p.vars {
		t, ok := e.typeOf[v.Name]
		if !ok {
			return &Error{Msg: fmt.Sprintf(msg.FormulaMissing, v.Name)}
		}
		if t != v.Type {
			return &Error{Msg: fmt.Sprintf(msg.FormulaEnvType, v.Name, t, v.Type)}
		}
	}
	e.checked[p] = struct{}{}
	e.last = p
	return nil
}

// EvalBool evaluates a program of type Bool.
func (p *Program) EvalBool(env *Env) (bool, error) {
	out, err := p.Eval(env)
	if err != nil {
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, &Error{Msg: fmt.Sprintf(msg.FormulaGives, p.typ, Bool)}
	}
	return b, nil
}

// EvalNumber evaluates a program of type Number.
func (p *Program) EvalNumber(env *Env) (decimal.Decimal, error) {
	out, err := p.Eval(env)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d, ok := out.(decimal.Decimal)
	if !ok {
		return decimal.Decimal{}, &Error{Msg: fmt.Sprintf(msg.FormulaGives, p.typ, Number)}
	}
	return d, nil
}

// evalError turns an error of expr's VM into an *Error at the position of the operation that failed.
func (p *Program) evalError(err error) error {
	e := &Error{}
	var fe *file.Error
	if errors.As(err, &fe) {
		e.Line, e.Column = position(p.src, fe.From)
	}
	switch {
	case errors.Is(err, errDivZero):
		e.Msg = msg.FormulaDivZero
	case fe != nil:
		e.Msg = fmt.Sprintf(msg.FormulaEval, fe.Message)
	default:
		e.Msg = fmt.Sprintf(msg.FormulaEval, err)
	}
	return e
}
