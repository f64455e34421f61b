package importers

import (
	"payout/internal/msg"
	"payout/model"
	"payout/plan"
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
