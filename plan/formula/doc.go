// Package formula compiles and evaluates the expressions of a plan (row filters, conditions, arithmetic
// over named figures) with exact decimals. It is built on github.com/expr-lang/expr (its parser, checker,
// optimizer and VM); this package adds the plan language's types, checks and functions.
package formula
