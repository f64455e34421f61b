package importers

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
	fx "payout/plan/formula"
)

// The input checks a plan written in the plan language declares on its bases (plan/lang_checks.go): they
// need only the roster and the rows read, so they run here, after reading, and `payout validate` shows
// them at their cells like every input issue. The default plan's tables keep the legacy texts.

// langChecks runs the bases' expected_for and rows_of_roles checks, base by base in the plan's order.
func (rd *reader) langChecks() {
	p := rd.opt.Plan
	for i := range p.Bases {
		b := &p.Bases[i]
		rows := rd.data.Generic[b.From.Name]
		if rows == nil || b.By.Name == "" {
			continue
		}
		by := rows.Index(b.By.Name)
		if by < 0 {
			continue
		}
		if s := p.Scheme(b.ExpectedFor.Name); s != nil {
			rd.expectedRows(b, s, rows, by)
		}
		if len(b.RowsOfRoles) > 0 {
			rd.rowsOfRoles(b, rows, by)
		}
	}
}

// rowsOfRoles reports, for each employee with rows in the base's table (in order of first row), rows of an
// employee of another role than the base's roles, at the first row's employee cell; on a base per master
// team, an apprentice of another role than its master. Rows of the labour hours keep the legacy texts.
func (rd *reader) rowsOfRoles(b *plan.Base, rows *model.Rows, by int) {
	p := rd.opt.Plan
	table := b.From.Name
	first := map[string]model.Source{}
	count := map[string]int{}
	var ids []string
	for _, r := range rows.Rows {
		id := r.Values[by].Text
		if id == "" {
			continue
		}
		if count[id] == 0 {
			first[id] = r.Src
			ids = append(ids, id)
		}
		count[id]++
	}
	masters := b.Scope() == plan.ScopeTeam && p.Teams.ByMaster()
	for _, id := range ids {
		e := rd.ids[id]
		if e == nil || e.Role == "" {
			continue
		}
		at := rd.cellAt(table, first[id], b.By.Name)
		if !plan.HasRef(b.RowsOfRoles, e.Role) {
			if table == TLaborHours {
				rd.rep.errorf(at, msg.ChkHoursRole, excerpt(e.ID), roleLabel(p, e.Role), count[id])
			} else {
				rd.rep.errorf(at, msg.ChkRowsOfRoles, excerpt(e.ID), roleLabel(p, e.Role), rd.tableLabel(table), roleLabels(p, b.RowsOfRoles), count[id])
			}
			continue
		}
		if m := rd.ids[e.MasterID]; masters && m != nil && m.Role != e.Role {
			if table == TLaborHours {
				rd.rep.errorf(at, msg.ChkApprenticeRole, excerpt(e.ID), roleLabel(p, e.Role), excerpt(m.ID), roleLabel(p, m.Role))
			} else {
				rd.rep.errorf(at, msg.ChkApprenticeRoleRows, excerpt(e.ID), roleLabel(p, e.Role), excerpt(m.ID), roleLabel(p, m.Role), rd.tableLabel(table))
			}
		}
	}
}

// expectedRows warns of each employee the scheme pays (in roster order) without a row in the base's table,
// at the roster row's 工号.
func (rd *reader) expectedRows(b *plan.Base, s *plan.Scheme, rows *model.Rows, by int) {
	has := map[string]bool{}
	for _, r := range rows.Rows {
		has[r.Values[by].Text] = true
	}
	for _, e := range rd.data.Employees {
		if e.Role == "" || !s.Pays(e.Role, e.Probation) || has[e.ID] {
			continue
		}
		at := rd.cellAt(TEmployees, e.Src, "id")
		if b.From.Name == TAdvisorScores {
			rd.rep.warnf(at, msg.ChkNoAdvisorScore, excerpt(e.ID), excerpt(e.Name))
		} else {
			rd.rep.warnf(at, msg.ChkNoExpectedRow, excerpt(e.ID), excerpt(e.Name), s.Label.Name, rd.tableLabel(b.From.Name))
		}
	}
}

// tableLabel is a table's name as its sheet is named (its first alias).
func (rd *reader) tableLabel(name string) string {
	if t := rd.schema.table(name); t != nil {
		return t.Label()
	}
	return name
}

// rowCheck is a plan's row check as one table reader evaluates it: the check, its Env (one per reader:
// tables are read in parallel) and the positions of the columns it reads in the row's generic values.
type rowCheck struct {
	c     *plan.Check
	env   *fx.Env
	vars  []fx.Var
	slots []int // vars[i]'s column in row.gen, -1 when the table lacks it
	names []string
	kinds []model.Kind
}

// startChecks prepares the plan's row checks of the table being read (none for a version-1 plan, or when
// the table's generic values are not kept).
func (tr *tableReader) startChecks() {
	p := tr.rd.opt.Plan
	if !p.IsLanguage() || tr.gen == nil {
		return
	}
	for i := range p.Checks {
		c := &p.Checks[i]
		pt := p.TableOf(c.Table.Name)
		if c.Table.Name != tr.t.Name || pt == nil || c.When.Program() == nil {
			continue
		}
		rc := &rowCheck{c: c, vars: plan.RowVars(pt)}
		rc.env = fx.NewEnv(rc.vars, tr.rd.opt.Month)
		for _, col := range tr.t.Columns {
			rc.names = append(rc.names, col.Name)
			rc.kinds = append(rc.kinds, col.Kind)
		}
		for _, v := range rc.vars {
			rc.slots = append(rc.slots, slices.Index(rc.names, v.Name))
		}
		tr.checks = append(tr.checks, rc)
	}
}

// rowChecks evaluates the table's row checks on the row just read and kept, in the plan's order.
func (tr *tableReader) rowChecks(r *row) {
	for _, rc := range tr.checks {
		for i := range rc.vars {
			rc.env.SetCell(i, model.ValueAt(r.gen, rc.slots[i]))
		}
		hit, err := rc.c.When.Program().EvalBool(rc.env)
		if err != nil {
			r.warnf(rc.c.Column.Name, msg.ChkCheckFailed, rc.c.When.Src, err)
			continue
		}
		if !hit {
			continue
		}
		text := rc.message(r)
		if rc.c.IsError() {
			tr.rep.errorf(r.at(rc.c.Column.Name), "%s", text)
		} else {
			tr.rep.warnf(r.at(rc.c.Column.Name), "%s", text)
		}
	}
}

// message is the check's message for the row: the named message with the ratio, or the text with its
// placeholders filled.
func (rc *rowCheck) message(r *row) string {
	c := rc.c
	ratio, min := "-", ""
	if c.Ratio != nil {
		min = fmtRatio(c.Ratio.Min.Decimal)
		of, to := rc.number(r, c.Ratio.Of.Name), rc.number(r, c.Ratio.To.Name)
		if !to.IsZero() {
			ratio = fmtRatio(of.DivRound(to, 4))
		}
	}
	if c.Named() == plan.MessageMinDiscount {
		return fmt.Sprintf(msg.ChkMinDiscount, ratio, min)
	}
	return plan.FillParts(c.Parts(), func(p plan.ReasonPart) string {
		switch p.Base {
		case plan.PlaceRatio:
			return ratio
		case plan.PlaceMin:
			return min
		}
		if j := slices.Index(rc.names, p.Base); j >= 0 {
			return valueText(r.gen[j], rc.kinds[j])
		}
		return ""
	})
}

func (rc *rowCheck) number(r *row, col string) decimal.Decimal {
	if j := slices.Index(rc.names, col); j >= 0 {
		return r.gen[j].Num
	}
	return decimal.Zero
}
