package importers

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// check runs the checks that need more than one row or table (SPEC §3). The checks of the default plan's
// schemes (pool targets, hours schemes, advisor scores, the tables a pool's figures are read from) do not run
// for a plan written in the plan language: it has no pools, hours schemes or advisor deductions.
func (rd *reader) check() {
	rd.checkMasters()
	if !rd.opt.Plan.IsLanguage() {
		rd.checkTargets()
		rd.checkHours()
		rd.checkAdvisorScores()
		rd.checkPoolSources()
	} else {
		rd.checkRequiredTargets()
		rd.langChecks()
	}
	rd.checkOutsideMonth()
}

// checkMasters checks apprentices and their masters 〔四.4.3〕.
func (rd *reader) checkMasters() {
	d := rd.data
	at := rd.cellAt
	shares := map[string]decimal.Decimal{}
	var masters []string
	for i := range d.Employees {
		e := &d.Employees[i]
		if e.MasterID == "" {
			continue
		}
		id, problem := rd.resolve(e.MasterID)
		m := rd.ids[id]
		switch {
		case strings.HasPrefix(problem, "ambiguous"):
			rd.rep.errorf(at(TEmployees, e.Src, "master_id"), msg.ValNameAmbiguous, excerpt(e.MasterID), strings.TrimPrefix(problem, "ambiguous:"))
			continue
		case problem != "":
			rd.rep.errorf(at(TEmployees, e.Src, "master_id"), msg.ChkMasterMissing, excerpt(e.MasterID))
			continue
		}
		e.MasterID = id
		switch {
		case id == e.ID:
			rd.rep.errorf(at(TEmployees, e.Src, "master_id"), msg.ChkMasterSelf)
			continue
		case m.MasterID != "":
			rd.rep.errorf(at(TEmployees, e.Src, "master_id"), msg.ChkMasterIsApprentice, excerpt(id), excerpt(m.MasterID))
		}
		if !e.HasShare {
			rd.rep.errorf(at(TEmployees, e.Src, "apprentice_share"), msg.ChkShareRequired)
		}
		if _, seen := shares[id]; !seen {
			masters = append(masters, id)
		}
		shares[id] = shares[id].Add(e.ApprenticeShare)
	}
	for _, id := range masters {
		if shares[id].GreaterThan(decimal.NewFromInt(1)) {
			rd.rep.errorf(at(TEmployees, rd.ids[id].Src, "id"), msg.ChkSharesOver, excerpt(id), shares[id].String())
		}
	}
}

// checkTargets checks the targets of pools with members, and of accessory specialists 〔一.5, 二(4)〕.
func (rd *reader) checkTargets() {
	p := rd.opt.Plan
	d := rd.data
	have := map[[2]string]bool{}
	for _, t := range d.Targets {
		have[[2]string{t.Metric, t.Scope}] = true
	}
	targetsAt := Issue{Table: TTargets}
	if ti := rd.info[TTargets]; ti != nil {
		targetsAt.File, targetsAt.Sheet = ti.File, ti.Sheet
	}
	for _, pl := range p.Pools {
		if !rd.hasMembers(&pl) {
			continue
		}
		for _, m := range pl.RequiredMetrics() {
			if !have[[2]string{m, pl.Name.Name}] {
				rd.rep.errorf(targetsAt, msg.ChkTargetMissing, pl.Name.Name, m, metricLabel(p, m), pl.Named().Label())
			}
		}
	}
	spec := p.Accessory.Specialists
	for _, e := range d.Employees {
		if e.Probation || !plan.HasRef(spec.Roles, e.Role) {
			continue
		}
		if !have[[2]string{spec.Metric.Name, e.ID}] {
			rd.rep.errorf(targetsAt, msg.ChkSellerTarget, excerpt(e.ID), excerpt(e.Name), spec.Metric.Name, metricLabel(p, spec.Metric.Name), excerpt(e.ID))
		}
	}
}

// person is a technician's labour hours.
type person struct {
	rows  int
	first model.Source
	hours decimal.Decimal
	mat   decimal.Decimal
}

// checkHours checks labour hours: only hours-scheme roles, apprentices of the master's role; team warnings
// 〔四.4.3〕.
func (rd *reader) checkHours() {
	p := rd.opt.Plan
	at := rd.cellAt
	byTech, techs := rd.hoursByTech()
	for _, id := range techs {
		e := rd.ids[id]
		if e == nil || e.Role == "" {
			continue
		}
		ps := byTech[id]
		if p.HoursScheme(e.Role) == nil {
			rd.rep.errorf(at(TLaborHours, ps.first, "tech_id"), msg.ChkHoursRole, excerpt(e.ID), roleLabel(p, e.Role), ps.rows)
			continue
		}
		if m := rd.ids[e.MasterID]; m != nil && m.Role != e.Role {
			rd.rep.errorf(at(TLaborHours, ps.first, "tech_id"), msg.ChkApprenticeRole, excerpt(e.ID), roleLabel(p, e.Role), excerpt(m.ID), roleLabel(p, m.Role))
		}
	}
	rd.checkTeamHours(byTech)
}

// hoursByTech sums the labour hours by technician, in order of first row.
func (rd *reader) hoursByTech() (map[string]*person, []string) {
	byTech := map[string]*person{}
	var techs []string
	for _, h := range rd.data.LaborHours {
		ps := byTech[h.TechID]
		if ps == nil {
			ps = &person{first: h.Src}
			byTech[h.TechID] = ps
			techs = append(techs, h.TechID)
		}
		ps.rows++
		ps.hours = ps.hours.Add(h.Hours)
		ps.mat = ps.mat.Add(h.MaterialCost)
	}
	return byTech, techs
}

// checkTeamHours warns of a master's team above its scheme's top tier or material bands.
func (rd *reader) checkTeamHours(byTech map[string]*person) {
	at := rd.cellAt
	for _, t := range model.Teams(rd.data.Employees) {
		m := rd.ids[t.Master]
		if m == nil {
			continue
		}
		sch := rd.opt.Plan.HoursScheme(m.Role)
		if sch == nil {
			continue
		}
		var hours, mat decimal.Decimal
		for _, id := range t.Members() {
			if ps := byTech[id]; ps != nil {
				hours, mat = hours.Add(ps.hours), mat.Add(ps.mat)
			}
		}
		if !hours.IsPositive() {
			continue
		}
		src := m.Src
		if ps := byTech[t.Master]; ps != nil {
			src = ps.first
		}
		if top := sch.Tiers.Bands[len(sch.Tiers.Bands)-1].To; top != nil && hours.GreaterThan(top.Decimal) {
			rd.rep.warnf(at(TLaborHours, src, "hours"), msg.ChkHoursAboveTop, excerpt(t.Master), hours.String(), top.String())
		}
		if mt := sch.Material; mt != nil && len(mt.Bands) > 0 {
			last := mt.Bands[len(mt.Bands)-1].UpTo.Decimal
			if mat.GreaterThan(last.Mul(hours)) {
				// SPEC §3 warns of it whatever the hours; below the first tier the team earns nothing anyway.
				if hours.GreaterThanOrEqual(sch.Tiers.Bands[0].From.Decimal) {
					rd.rep.warnf(at(TLaborHours, src, "material_cost"), msg.ChkMaterialAbove, excerpt(t.Master), mat.String(), hours.String(), last.String(), mt.Above.String())
				} else {
					rd.rep.warnf(at(TLaborHours, src, "material_cost"), msg.ChkMaterialAboveNoTier, excerpt(t.Master), mat.String(), hours.String(), last.String())
				}
			}
		}
	}
}

// checkAdvisorScores warns of advisor-pool members without an assessment score 〔二 说明(2)〕.
func (rd *reader) checkAdvisorScores() {
	p := rd.opt.Plan
	d := rd.data
	scored := map[string]bool{}
	for _, s := range d.AdvisorScores {
		scored[s.EmpID] = true
	}
	if ap := p.Pool(p.AdvisorDeductions.Pool.Name); ap != nil {
		for _, e := range d.Employees {
			if _, member := ap.Coefficient(e.Role); member && !e.Probation && !scored[e.ID] {
				rd.rep.warnf(rd.cellAt(TEmployees, e.Src, "id"), msg.ChkNoAdvisorScore, excerpt(e.ID), excerpt(e.Name))
			}
		}
	}
}

// checkPoolSources warns of pools with members whose source tables are missing.
func (rd *reader) checkPoolSources() {
	p := rd.opt.Plan
	for _, pl := range p.Pools {
		if !rd.hasMembers(&pl) {
			continue
		}
		for _, t := range poolTables(p, &pl) {
			if ti := rd.info[t]; ti != nil && ti.Missing {
				rd.rep.warnf(Issue{Table: t}, msg.InPoolNoSource, pl.Name.Name, t)
			}
		}
	}
}

// checkOutsideMonth warns of each table's rows set aside as dated outside the month.
func (rd *reader) checkOutsideMonth() {
	for _, ti := range rd.data.Tables {
		if ti.OutsideMonth > 0 {
			rd.rep.warnf(Issue{Table: ti.Table, File: ti.File, Sheet: ti.Sheet}, msg.InOutsideMonth, ti.OutsideMonth, rd.opt.Month,
				rowList(*rd.aside[ti.Table], ti.OutsideMonth))
		}
	}
}

// rowList names the rows listed (the first of count) by number: "row 3", "rows 3, 17", "rows 3, 17 and 53
// more".
func rowList(listed []int, count int) string {
	nums := make([]string, len(listed))
	for i, n := range listed {
		nums[i] = strconv.Itoa(n)
	}
	switch {
	case count == 1 && len(listed) == 1:
		return fmt.Sprintf(msg.RowOne, listed[0])
	case count > len(listed):
		return fmt.Sprintf(msg.RowsMore, strings.Join(nums, ", "), count-len(listed))
	}
	return fmt.Sprintf(msg.Rows, strings.Join(nums, ", "))
}

// cellAt is an issue at a row of a table read earlier, with the column's header as written in the file and
// its cell (the template header when the column is absent).
func (rd *reader) cellAt(table string, src model.Source, col string) Issue {
	i := Issue{Table: table, File: src.File, Sheet: src.Sheet, Row: src.Row}
	if col == "" {
		return i
	}
	if l := rd.layouts[table]; l != nil {
		if j, ok := l.idx[col]; ok {
			i.Column, i.Cell = l.headers[col], cellRef(j, src.Row)
			return i
		}
	}
	if t := rd.schema.table(table); t != nil {
		if c := t.Column(col); c != nil {
			i.Column = c.Header()
		}
	}
	return i
}

// hasMembers reports whether a pool has a non-probation member on the roster.
func (rd *reader) hasMembers(pl *plan.Pool) bool {
	for _, e := range rd.data.Employees {
		if _, ok := pl.Coefficient(e.Role); ok && !e.Probation {
			return true
		}
	}
	return false
}

func metricLabel(p *plan.Plan, m string) string {
	if mt := p.Metric(m); mt != nil {
		return mt.Named().Label()
	}
	return m
}

// figureTables says which table each base figure is read from.
var figureTables = map[string]string{
	"customer_repair_paid": TRepairOrders, "warranty_receipts": TWarrantyReceipts, "accident_approved": TRepairOrders,
	"gross_profit": TRepairOrders, "intake_count": TRepairOrders, "fleet_collections": TCollections,
	"insurance_collections": TCollections, "accessory_revenue": TAccessorySales,
	"accessory_revenue_installed": TAccessorySales, "beauty_revenue": TBeautySales, "wash_count": TWashes,
}

// poolTables lists the tables a pool's amount is read from, sorted: its terms' figures (expanded through the
// plan's sums) and accessory_sales when accessory rows send shares to it.
func poolTables(p *plan.Plan, pl *plan.Pool) []string {
	set := map[string]bool{}
	var expand func(f string)
	expand = func(f string) {
		if t, ok := figureTables[f]; ok {
			set[t] = true
			return
		}
		for _, fg := range p.Figures {
			if fg.Name.Name == f {
				for _, s := range fg.Sum {
					expand(s.Name)
				}
			}
		}
	}
	for _, t := range pl.Amount {
		expand(t.Figure.Name)
	}
	ac := p.Accessory
	for _, s := range append(append([]plan.Share{}, ac.PoolSellers.Shares...), ac.OtherDepartments.Shares...) {
		if s.Pool.Name == pl.Name.Name {
			set[TAccessorySales] = true
		}
	}
	if ac.Specialists.InstalledPool.Name == pl.Name.Name {
		set[TAccessorySales] = true
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
