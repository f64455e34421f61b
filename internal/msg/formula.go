package msg

// Plan expressions (package plan/formula): compile errors. Each is placed by the caller at its line and
// column inside the expression. Type names are "number", "text", "date" and "bool".
const (
	FormulaEmpty          = "the expression is empty"
	FormulaSyntax         = "syntax error: %s"
	FormulaUnknownName    = "unknown name %q"
	FormulaUnknownNameFix = "unknown name %q (did you mean %q?)"
	FormulaUnknownFunc    = "unknown function %q (the functions are min, max, abs, round, in_month and date)"
	FormulaNotAllowed     = "this is not part of the plan language (numbers, text in quotes, true/false, names, + - * /, comparisons, in, and/or/not, ?: and the functions min, max, abs, round, in_month, date)"
	FormulaOperator       = "the operator %q is not part of the plan language"
	FormulaArith          = "%s needs two numbers, got %s and %s"
	FormulaNegate         = "unary %s needs a number, got %s"
	FormulaCompare        = "cannot compare %s with %s"
	FormulaOrder          = "%s compares numbers or dates, not %s"
	FormulaLogic          = "%s needs true/false on both sides, got %s and %s"
	FormulaNot            = "%s needs true/false, got %s"
	FormulaInLeft         = "in needs text on its left, got %s"
	FormulaInRight        = "in needs a list of text in brackets on its right, like [\"a\", \"b\"]"
	FormulaInItem         = "the list of in holds text only, got %s"
	FormulaElvis          = "c ?: b is not part of the plan language (write c ? a : b)"
	FormulaCondition      = "the condition of ?: must give true/false, got %s"
	FormulaBranches       = "both branches of ?: must give the same type, got %s and %s"
	FormulaArgCount       = "%s takes %s, got %d"
	FormulaArgsOne        = "one argument"
	FormulaArgsTwo        = "two arguments"
	FormulaArgsTwoOrMore  = "two or more arguments"
	FormulaArgType        = "argument %d of %s must be a number, got %s"
	FormulaInMonthArg     = "in_month needs a date, got %s"
	FormulaRoundPlaces    = "the places of round must be a whole number from 0 to %d written as digits"
	FormulaDateArg        = "date needs a date in quotes, like date(\"2026-10-01\")"
	FormulaDateBad        = "date(%q) is not a date YYYY-MM-DD with a year from %d to %d"
	FormulaWantBool       = "the expression gives %s, a condition must give true/false"
	FormulaWantNumber     = "the expression gives %s, a figure must give a number"
	FormulaWantText       = "the expression gives %s, it must give text"
	FormulaWantDate       = "the expression gives %s, it must give a date"
	FormulaVarTwice       = "the variable %q is declared twice"
	FormulaVarType        = "the variable %q has no valid type"
	FormulaVarName        = "the variable name %q is reserved (it starts with $ or @)"
	FormulaInternal       = "internal error compiling the expression: %v"
)

// Plan expressions: evaluation errors.
const (
	FormulaDivZero  = "division by zero"
	FormulaBadValue = "the variable %q must hold a %s, got %T"
	FormulaBadIndex = "there is no variable number %d"
	FormulaMissing  = "the variable %q is not among the variables of this evaluation"
	FormulaEnvType  = "the variable %q is a %s in this evaluation, the expression was compiled for a %s"
	FormulaNoEnv    = "the expression was evaluated without its variables"
	FormulaEval     = "cannot evaluate the expression: %s"
	FormulaGives    = "the expression gives %s, not %s"
)
