package report

import (
	"fmt"

	"payout/internal/msg"
	"payout/plan"
)

// The input checks of plan show: the bases' expected rows and rows of roles, one item each, in the order of
// the bases, after the schemes.

// checks lists the plan's input checks (nothing when it has none).
func (s *planShow) checks() {
	var items []string
	for i := range s.p.Bases {
		items = append(items, s.baseChecks(&s.p.Bases[i])...)
	}
	for i := range s.p.Checks {
		items = append(items, s.rowCheck(&s.p.Checks[i]))
	}
	if len(items) == 0 {
		return
	}
	s.line(msg.ShowChecksHead)
	for _, it := range items {
		s.line(msg.ShowInputItem, it)
	}
}

// baseChecks says a base's checks: which scheme's members must have a row, which roles its rows may be of.
func (s *planShow) baseChecks(b *plan.Base) []string {
	var out []string
	t := s.p.TableOf(b.From.Name)
	if t == nil {
		return nil
	}
	table := t.Named().Label()
	if sc := s.p.Scheme(b.ExpectedFor.Name); sc != nil {
		out = append(out, fmt.Sprintf(msg.ShowExpectedFor, sc.Label.Name, table))
	}
	if len(b.RowsOfRoles) > 0 {
		text := fmt.Sprintf(msg.ShowRowsOfRoles, table, s.roleLabels(b.RowsOfRoles))
		if b.Scope() == plan.ScopeTeam && s.p.Teams.ByMaster() {
			text += msg.ShowApprenticeSameRole
		}
		out = append(out, text)
	}
	return out
}

// rowCheck says a row check: which rows, at which cell, warning or error, and its message (a named one
// described, or the text with its placeholders as the columns' names).
func (s *planShow) rowCheck(c *plan.Check) string {
	t := s.p.TableOf(c.Table.Name)
	if t == nil {
		return c.Table.Name
	}
	table := t.Named().Label()
	kind := msg.ShowCheckWarning
	if c.IsError() {
		kind = msg.ShowCheckError
	}
	ratio, min := "", ""
	if r := c.Ratio; r != nil {
		ratio = fmt.Sprintf(msg.ShowCheckRatio, s.columnLabel(c.Table.Name, r.Of.Name), s.columnLabel(c.Table.Name, r.To.Name))
		min = pct(r.Min.Decimal)
	}
	var text string
	if c.Named() == plan.MessageMinDiscount {
		text = fmt.Sprintf(msg.ShowCheckMinDiscount, ratio, min)
	} else {
		text = plan.FillParts(c.Parts(), func(p plan.ReasonPart) string {
			switch p.Base {
			case plan.PlaceRatio:
				return ratio
			case plan.PlaceMin:
				return min
			}
			return fmt.Sprintf(msg.ShowExprColumn, s.columnLabel(c.Table.Name, p.Base))
		})
	}
	return fmt.Sprintf(msg.ShowRowCheck, table, exprText(s.p, t, c.When), s.columnLabel(c.Table.Name, c.Column.Name), kind, text)
}
