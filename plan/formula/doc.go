// Package formula compiles and evaluates the expressions of a plan: row filters
// (`type in ["customer", "accident"] && premium >= 3000`), conditions (`satisfaction < 85`) and arithmetic
// over named figures (`gross_profit - claim_cost - controllable_cost`, `min(attended / required, 1)`).
// An expression is compiled and type-checked once, when the plan loads (Compile), then evaluated many
// times, once per row, with an Env refilled by position (NewEnv, Env.Set, Program.Eval). Every number is
// an exact decimal (shopspring/decimal), never a float.
//
// It is built on github.com/expr-lang/expr: expr parses the text, and checks, optimises, compiles and
// runs the program; this package checks the plan language's types first, with its own messages, and
// rewrites the tree so that numbers and dates are computed by its own functions.
//
// # Types
//
// There are four types: number (an exact decimal), text, date (a calendar date, no time of day) and bool
// (true/false). Each variable has one; an empty cell is given as the zero value of its type: 0, "", the
// zero date, false.
//
// # Literals
//
// Numbers are written in decimal (100, 0.003, 3_000, 1e3) and are exact: 0.1 + 0.2 == 0.3 is true and
// 0.003 * 150000 is exactly 450. Like every number of a plan, a literal is below 1,000,000,000 and has at
// most 6 decimal places (trailing zeros do not count). Text is written in double or single quotes
// ("customer"); true and false are the bools; date("2026-10-01") is a date (YYYY-MM-DD, a year from 2000
// to 2099; anything else is a compile error).
//
// # Operators
//
//   - + - * / on numbers, and unary minus. + - * are exact. / gives its quotient rounded half away from
//     zero to 16 decimal places: 1/3 is 0.3333333333333333, 1/3*3 is 0.9999999999999999, 2/3 is
//     0.6666666666666667. Division by zero is an evaluation error at the position of the /.
//   - < <= > >= == != on two numbers (by value: 1.0 == 1 is true) and on two dates (chronologically; the
//     zero date is before every other date); == and != on two texts (exact, case-sensitive) and on two
//     bools. Comparing values of two types (a number with text) is a compile error.
//   - x in ["a", "b"] and x not in ["a", "b"], x a text and the list's items texts.
//   - && || ! and their word forms and or not, on bools; && and || evaluate their right side only when
//     needed.
//   - c ? a : b: c a bool, a and b of one type.
//
// Parentheses group. Precedence, from the tightest: unary minus; * /; + -; ! and not; comparisons and in;
// && and; || or; ?:. So not binds tighter than a comparison: write not (a == b), or a != b.
//
// # Functions
//
//   - min(a, b, ...) and max(a, b, ...): the least or greatest of two or more numbers.
//   - abs(x): the absolute value.
//   - round(x, n): x rounded half away from zero to n decimal places (2.345 → 2.35, -2.345 → -2.35); n is
//     written as digits, 0 to 18.
//   - in_month(d): whether the date d is in the month being computed; the zero date (an empty cell) is in
//     no month.
//   - date("YYYY-MM-DD"): a date literal.
//
// Nothing else is reachable: none of expr's builtins (now(), len, map, filter, string functions), no
// member access, no maps, no variables of one's own (let), no if/else (write c ? a : b), so an expression
// depends on its variables and the month alone: evaluations are pure and reproducible.
//
// # Errors
//
// Compile checks the whole expression and reports the first error as an *Error with its 1-based line and
// column (in runes) in the expression's text: a syntax error, an unknown name (with the closest known name
// when one is near: unknown name "premum" (did you mean "premium"?)), an unknown function, an operator on
// the wrong types, a condition that is not true/false, a result of another type than wanted ("the
// expression gives number, a condition must give true/false"). No path can give a float or an int: every
// value is of one of the four types. Eval reports division by zero and a misuse of the Env (a value of the
// wrong type, a variable it lacks) as an *Error; neither Compile nor Eval panics on any text or values.
package formula
