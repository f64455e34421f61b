package plan

import (
	"strings"

	"payout/internal/msg"
	"payout/plan/formula"
)

// Input checks a plan declares (docs/plan.md §5.10): a base's expected rows (ExpectedFor, N20) and the roles
// its rows must belong to (RowsOfRoles, N21). The importers run them after reading (importers/checks_lang.go),
// so that `payout validate` shows them at their cells as well as compute.

// BaseChecks are a row base's keys about which rows its table must or may have.
type BaseChecks struct {
	// ExpectedFor names a scheme: each employee it pays (roles, probation rule) without a row in the base's
	// table is warned about.
	ExpectedFor Ref `yaml:"expected_for"`
	// RowsOfRoles: rows of the base's table must belong to employees of these roles (an input error
	// otherwise); on a base per master team, an apprentice's role must also be its master's.
	RowsOfRoles []Ref `yaml:"rows_of_roles"`
}

// baseChecks checks a base's expected_for and rows_of_roles: a row base by an employee column, a known
// scheme, known roles given once.
func (lc *langChecker) baseChecks(b *Base) {
	x := b.BaseChecks
	for _, k := range []struct {
		on   bool
		line int
		key  string
	}{{x.ExpectedFor.Name != "", x.ExpectedFor.Line, "expected_for"}, {x.RowsOfRoles != nil, b.Name.Line, "rows_of_roles"}} {
		if k.on && (b.From.Name == "" || b.By.Name == "") {
			lc.add(k.line, msg.PlanCheckNeedsBy, b.Name.Name, k.key)
		}
	}
	if x.ExpectedFor.Name != "" && lc.p.Scheme(x.ExpectedFor.Name) == nil {
		lc.add(x.ExpectedFor.Line, msg.PlanUnknownName, "scheme", x.ExpectedFor.Name)
	}
	if x.RowsOfRoles != nil && len(x.RowsOfRoles) == 0 {
		lc.add(b.Name.Line, msg.PlanRowsOfRolesEmpty, b.Name.Name)
	}
	lc.roleList(x.RowsOfRoles, "role of rows_of_roles")
}

// Pays reports whether the scheme pays an employee of the role, on probation or not.
func (s *Scheme) Pays(role string, probation bool) bool {
	return HasRef(s.Roles, role) && (!probation || s.Probationers())
}

// Check is a row check (top-level checks, N19): every kept row of Table for which When holds is reported
// at its cell of Column, as a warning (Warning) or an input error (Error). The message is a named message
// of internal/msg (an identifier: MessageMinDiscount) or a text with placeholders: {column} a column's value
// of the row, {ratio} Ratio.Of / Ratio.To as a percentage, {min} Ratio.Min as a percentage.
type Check struct {
	Table   Ref         `yaml:"table"`
	When    *Expr       `yaml:"when"`
	Column  Ref         `yaml:"column"`
	Warning string      `yaml:"warning"`
	Error   string      `yaml:"error"`
	Ratio   *CheckRatio `yaml:"ratio"`

	parts []ReasonPart // the message's pieces, read at load (placeholders in ReasonPart.Base)
}

// CheckRatio is the two columns of a check's ratio and the minimum it is compared with in the message.
type CheckRatio struct {
	Of  Ref `yaml:"of"`
	To  Ref `yaml:"to"`
	Min Dec `yaml:"min"`
}

// MessageMinDiscount names msg.ChkMinDiscount (sold at {ratio} of list price, at or below the minimum {min}).
const MessageMinDiscount = "min_discount"

// The placeholders of a check's message besides the table's columns.
const (
	PlaceRatio = "ratio"
	PlaceMin   = "min"
)

// IsError reports whether the check reports an input error (else a warning).
func (c *Check) IsError() bool { return c.Error != "" }

// Message is the check's message as written (its warning or its error).
func (c *Check) Message() string { return c.Warning + c.Error }

// Named is the internal/msg message the check names ("" when the message is a text).
func (c *Check) Named() string {
	if reIdent.MatchString(c.Message()) {
		return c.Message()
	}
	return ""
}

// Parts is the text message's pieces: text, and placeholders (a column, ratio or min) in Base.
func (c *Check) Parts() []ReasonPart { return c.parts }

// rowChecks checks the plan's row checks: a known table and column, a condition over its columns, one
// message (a known name, or a text whose placeholders are columns, ratio and min), a ratio of two number
// columns with its minimum.
func (lc *langChecker) rowChecks() {
	for i := range lc.p.Checks {
		c := &lc.p.Checks[i]
		t := lc.tables[c.Table.Name]
		if t == nil {
			lc.add(c.Table.Line, msg.PlanUnknownTable, c.Table.Name, strings.Join(lc.tableNames(), ", "))
			continue
		}
		where := "check of " + t.Name.Name
		if c.When == nil {
			lc.add(c.Table.Line, msg.PlanMissingKey, "checks.when")
		} else {
			lc.compile(c.When, RowVars(t), formula.Bool, where+" when")
		}
		if c.Column.Name == "" {
			lc.add(c.Table.Line, msg.PlanMissingKey, "checks.column")
		} else {
			lc.column(t, c.Column)
		}
		if c.Ratio != nil {
			lc.checkRatio(t, c.Ratio, where, c.Table.Line)
		}
		lc.checkMessage(t, c, where)
	}
}

func (lc *langChecker) checkRatio(t *Table, r *CheckRatio, where string, line int) {
	for _, ref := range []Ref{r.Of, r.To} {
		if ref.Name == "" {
			lc.add(line, msg.PlanMissingKey, "checks.ratio.of, checks.ratio.to")
		} else if col := lc.column(t, ref); col != nil && col.ColumnType().Formula() != formula.Number {
			lc.add(ref.Line, msg.PlanColumnNotNum, where+" ratio", ref.Name)
		}
	}
	lc.present(r.Min, "checks.ratio.min", line)
}

// checkMessage checks a check's message and reads its text once.
func (lc *langChecker) checkMessage(t *Table, c *Check, where string) {
	if (c.Warning == "") == (c.Error == "") {
		lc.add(c.Table.Line, msg.PlanCheckOneMessage, t.Name.Name)
		return
	}
	if name := c.Named(); name != "" {
		if name != MessageMinDiscount {
			lc.add(c.Table.Line, msg.PlanCheckUnknownMessage, t.Name.Name, name, MessageMinDiscount)
		} else if c.Ratio == nil {
			lc.add(c.Table.Line, msg.PlanCheckNeedsRatio, t.Name.Name, name)
		}
		return
	}
	parts, problem := parseReason(c.Message())
	if problem != "" {
		lc.add(c.Table.Line, msg.PlanCheckBrace, t.Name.Name, c.Message())
		return
	}
	for i, p := range parts {
		switch {
		case p.Rate:
			p = ReasonPart{Base: "rate"}
		case p.Items:
			p = ReasonPart{Base: "items"}
		}
		parts[i] = p
		switch {
		case p.Base == "":
		case p.Base == PlaceRatio || p.Base == PlaceMin:
			if c.Ratio == nil {
				lc.add(c.Table.Line, msg.PlanCheckNeedsRatio, t.Name.Name, "{"+p.Base+"}")
			}
		case t.Column(p.Base) == nil:
			lc.add(c.Table.Line, msg.PlanCheckPlaceholder, t.Name.Name, p.Base, c.Message())
		}
	}
	c.parts = parts
}
