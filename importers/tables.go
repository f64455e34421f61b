package importers

import (
	"github.com/shopspring/decimal"

	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// buildRow reads one data row into its typed table. It returns false when the row is set aside because its
// governing date is outside the month (the row is validated all the same).
func (rd *reader) buildRow(r *row) bool {
	d := rd.data
	m := rd.opt.Month
	// in: a row whose governing date could not be read is kept (it has an error); others by their month.
	in := func(col string, dt model.Date, ok bool) bool { return !ok || m.Contains(dt) }
	switch r.tr.t.Name {
	case TEmployees:
		e := model.Employee{Src: r.source()}
		e.ID = r.id("id")
		r.unique("id", "id", e.ID)
		e.Name = r.text("name")
		e.Role = r.enum("role", "role", "", msg.ValUnknownRole)
		v, ok := r.amount("base_salary")
		e.BaseSalary = r.wholeCents("base_salary", r.nonNegative("base_salary", v, ok), ok)
		e.Probation = r.boolean("probation", false)
		e.MasterID = r.id("master_id")
		e.ApprenticeShare, e.HasShare = r.ratio("apprentice_share")
		e.Department = r.text("department")
		d.Employees = append(d.Employees, e)
		return true

	case TRepairOrders:
		o := model.RepairOrder{Src: r.source()}
		o.RONo = r.id("ro_no")
		r.unique("ro_no", "ro_no", o.RONo)
		o.Type = r.text("type")
		o.Category = r.enum("type", "type", "", msg.ValUnknownROType)
		o.AdvisorID = r.employee("advisor_id", true)
		var okR, okS, okD, okA bool
		o.Received, okR = r.date("received_date")
		o.Settled, okS = r.date("settled_date")
		o.Delivered, okD = r.date("delivered_date")
		o.Approved, okA = r.date("approved_date")
		// A date that could not be read is an error; the row is kept (not counted as outside the month).
		datesRead := r.dateRead("received_date", okR) && r.dateRead("settled_date", okS) && r.dateRead("delivered_date", okD) && r.dateRead("approved_date", okA)
		o.PaidAmount, _ = r.amount("paid_amount")
		o.ApprovedAmount, _ = r.amount("approved_amount")
		o.SelfPay, _ = r.amount("self_pay")
		o.GrossProfit, _ = r.amount("gross_profit")
		if datesRead && !ROInMonth(o, m) {
			return false
		}
		d.RepairOrders = append(d.RepairOrders, o)
		return true

	case TWarrantyReceipts:
		w := model.WarrantyReceipt{Src: r.source()}
		w.ClaimNo = r.id("claim_no")
		r.unique("claim_no", "claim_no", w.ClaimNo)
		dt, ok := r.date("receipt_date")
		w.Date = dt
		w.Amount, _ = r.amount("amount")
		w.RONo = r.id("ro_no")
		if !in("receipt_date", dt, ok) {
			return false
		}
		d.WarrantyReceipts = append(d.WarrantyReceipts, w)
		return true

	case TCollections:
		c := model.Collection{Src: r.source()}
		c.DocNo = r.id("doc_no")
		r.unique("doc_no", "doc_no", c.DocNo)
		c.Kind = r.enum("kind", "collection kind", "", msg.ValUnknownKind)
		dt, ok := r.date("receipt_date")
		c.Date = dt
		c.Amount, _ = r.amount("amount")
		if !in("receipt_date", dt, ok) {
			return false
		}
		d.Collections = append(d.Collections, c)
		return true

	case TAccessorySales:
		a := model.AccessorySale{Src: r.source()}
		a.DocNo = r.id("doc_no")
		a.Item = r.text("item")
		r.unique("doc_no / item", "doc_no", a.DocNo, a.Item)
		dt, ok := r.date("date")
		a.Date = dt
		a.SellerDept = r.enum("seller_dept", "seller department", plan.DeptAftersales, msg.ValUnknownKind)
		if a.SellerDept == plan.DeptAftersales {
			if _, has := r.raw("seller_id"); !has {
				r.errorf("seller_id", msg.ValSellerRequired)
			} else {
				a.SellerID = r.employee("seller_id", true)
			}
		} else {
			a.SellerID = r.id("seller_id")
		}
		a.Category = r.enum("category", "category", plan.CategoryAccessory, msg.ValUnknownKind)
		v, ok2 := r.amount("list_amount")
		a.ListAmount = r.positive("list_amount", v, ok2)
		v, ok2 = r.amount("paid_amount")
		a.PaidAmount = r.nonNegative("paid_amount", v, ok2)
		a.Installed = r.boolean("installed", false)
		a.Gift = r.boolean("gift", false)
		if !in("date", dt, ok) {
			return false
		}
		rd.checkDiscount(r, a)
		d.AccessorySales = append(d.AccessorySales, a)
		return true

	case TLaborHours:
		h := model.LaborHours{Src: r.source()}
		h.TechID = r.employee("tech_id", true)
		dt, ok := r.date("date")
		h.Date = dt
		v, ok2 := r.number("hours")
		h.Hours = r.nonNegative("hours", v, ok2)
		h.MaterialCost, _ = r.amount("material_cost")
		h.RONo = r.id("ro_no")
		if !in("date", dt, ok) {
			return false
		}
		d.LaborHours = append(d.LaborHours, h)
		return true

	case TWashes:
		w := model.Wash{Src: r.source()}
		dt, ok := r.date("date")
		w.Date = dt
		w.WasherID = r.employee("washer_id", true)
		w.Plate = r.text("plate")
		w.Minutes, w.HasMinutes = r.number("minutes")
		if !in("date", dt, ok) {
			return false
		}
		d.Washes = append(d.Washes, w)
		return true

	case TBeautySales:
		b := model.BeautySale{Src: r.source()}
		b.DocNo = r.id("doc_no")
		r.unique("doc_no", "doc_no", b.DocNo)
		dt, ok := r.date("date")
		b.Date = dt
		b.Amount, _ = r.amount("amount")
		if !in("date", dt, ok) {
			return false
		}
		d.BeautySales = append(d.BeautySales, b)
		return true

	case TInsuranceClaims:
		c := model.InsuranceClaim{Src: r.source()}
		c.DocNo = r.id("doc_no")
		r.unique("doc_no", "doc_no", c.DocNo)
		c.AgentID = r.employee("agent_id", true)
		dt, ok := r.date("approved_date")
		c.ApprovedDate = dt
		c.ApprovedAmount, _ = r.amount("approved_amount")
		if !in("approved_date", dt, ok) {
			return false
		}
		d.InsuranceClaims = append(d.InsuranceClaims, c)
		return true

	case TRenewals:
		n := model.Renewal{Src: r.source()}
		n.PolicyNo = r.id("policy_no")
		r.unique("policy_no", "policy_no", n.PolicyNo)
		n.SellerID = r.employee("seller_id", true)
		dt, ok := r.date("date")
		n.Date = dt
		n.RebateProfit, _ = r.amount("rebate_profit")
		if !in("date", dt, ok) {
			return false
		}
		d.Renewals = append(d.Renewals, n)
		return true

	case TTargets:
		t := model.Target{Src: r.source()}
		t.Metric = r.enum("metric", "metric", "", msg.ValUnknownMetric)
		rawScope := r.text("scope")
		t.Scope = rd.scope(r, t.Metric, rawScope)
		r.unique("metric / scope", "scope", t.Metric, t.Scope)
		v, ok := r.number("target")
		t.Target = r.positive("target", v, ok)
		d.Targets = append(d.Targets, t)
		return true

	case TWorkshopScores:
		s := model.WorkshopScore{Src: r.source()}
		s.EmpID = r.employee("emp_id", true)
		r.unique("emp_id", "emp_id", s.EmpID)
		for _, c := range []struct {
			col string
			dst *decimal.Decimal
		}{{"performance", &s.Performance}, {"quality", &s.Quality}, {"environment", &s.Environment}, {"teamwork", &s.Teamwork}} {
			v, ok := r.number(c.col)
			*c.dst = r.nonNegative(c.col, v, ok)
		}
		d.WorkshopScores = append(d.WorkshopScores, s)
		return true

	case TAdvisorScores:
		s := model.AdvisorScore{Src: r.source()}
		s.EmpID = r.employee("emp_id", true)
		r.unique("emp_id", "emp_id", s.EmpID)
		v, ok := r.number("score")
		if ok && (v.IsNegative() || v.GreaterThan(decimal.NewFromInt(100))) {
			r.errorf("score", msg.ValScoreRange, r.at("score").Value)
		}
		s.Score = v
		d.AdvisorScores = append(d.AdvisorScores, s)
		return true

	case TIncidents:
		i := model.Incident{Src: r.source()}
		i.EmpID = r.employee("emp_id", true)
		dt, ok := r.date("date")
		i.Date = dt
		i.Kind = r.enum("kind", "incident kind", "", msg.ValUnknownKind)
		i.Verified = r.boolean("verified", true)
		i.Note = r.text("note")
		if !in("date", dt, ok) {
			return false
		}
		d.Incidents = append(d.Incidents, i)
		return true

	case TAdjustments:
		a := model.Adjustment{Src: r.source()}
		a.EmpID = r.employee("emp_id", true)
		a.Kind = r.enum("kind", "adjustment kind", "", msg.ValUnknownKind)
		a.Pool = r.enum("pool", "pool", "", msg.ValUnknownPool)
		v, ok := r.number("value")
		a.Value = r.positive("value", v, ok)
		if a.Kind == plan.AdjBonus || a.Kind == plan.AdjDeduction {
			r.wholeCents("value", v, ok)
		}
		a.Reason = r.text("reason")
		a.ApproverID = r.employee("approver_id", true)
		rd.checkAdjustment(r, a)
		d.Adjustments = append(d.Adjustments, a)
		return true

	case TFundSpending:
		f := model.FundSpending{Src: r.source()}
		dt, ok := r.date("date")
		f.Date = dt
		v, ok2 := r.amount("amount")
		f.Amount = r.wholeCents("amount", r.positive("amount", v, ok2), ok2)
		f.Purpose = r.text("purpose")
		f.ApproverID = r.employee("approver_id", true)
		f.KeeperID = r.employee("keeper_id", true)
		rd.checkFundRoles(r, f)
		if !in("date", dt, ok) {
			// Money out of the fund is never dropped quietly: the month it is dated in must have counted it.
			r.warnf("date", msg.ValFundOutside, dt, f.Amount.StringFixed(2), m)
			return false
		}
		d.FundSpending = append(d.FundSpending, f)
		return true
	}
	return true
}

// ROInMonth reports whether a repair order counts in any figure of the month (SPEC §4.2): received in it,
// settled in it, or an accident order whose later of delivery and approval falls in it.
func ROInMonth(o model.RepairOrder, m model.Month) bool {
	if m.Contains(o.Received) || m.Contains(o.Settled) {
		return true
	}
	return !o.Delivered.IsZero() && !o.Approved.IsZero() && m.Contains(AccidentDate(o))
}

// AccidentDate is the date an accident order counts on: the later of delivery and approval.
func AccidentDate(o model.RepairOrder) model.Date {
	if o.Approved.After(o.Delivered) {
		return o.Approved
	}
	return o.Delivered
}

// scope resolves a target's scope: a pool for pool metrics, an employee for per-employee metrics.
func (rd *reader) scope(r *row, metric, raw string) string {
	if raw == "" || metric == "" {
		return raw
	}
	mt := rd.opt.Plan.Metric(metric)
	if mt.PerEmployee {
		id, problem := rd.resolve(ParseID(raw))
		if problem != "" {
			r.errorf("scope", msg.ValScopeNotEmployee, excerpt(raw), metric)
		}
		return id
	}
	p, ok := rd.enums["pool"][fold.Key(raw)]
	if !ok {
		r.errorf("scope", msg.ValScopeNotPool, excerpt(raw), metric)
		return raw
	}
	return p
}

// checkDiscount warns of an after-sales, earning row sold at or below the minimum ratio of its list price.
func (rd *reader) checkDiscount(r *row, a model.AccessorySale) {
	ac := rd.opt.Plan.Accessory
	if a.SellerDept != plan.DeptAftersales || plan.HasRef(ac.NonEarningCategories, a.Category) || !a.ListAmount.IsPositive() {
		return
	}
	if a.PaidAmount.LessThanOrEqual(a.ListAmount.Mul(ac.MinRatio.Decimal)) {
		ratio := a.PaidAmount.DivRound(a.ListAmount, 4)
		r.warnf("paid_amount", msg.ChkMinDiscount, fmtRatio(ratio), fmtRatio(ac.MinRatio.Decimal))
	}
}

// checkAdjustment checks a coefficient change: pool given, employee a member of it, approved by an allowed
// role; a probation employee's change is ignored with a warning.
func (rd *reader) checkAdjustment(r *row, a model.Adjustment) {
	if a.Kind != plan.AdjCoefficient {
		return
	}
	if a.Pool == "" {
		if _, has := r.raw("pool"); !has {
			r.errorf("pool", msg.ValPoolRequired)
		}
		return
	}
	p := rd.opt.Plan
	e := rd.ids[a.EmpID]
	if e != nil && e.Role != "" {
		if _, ok := p.Pool(a.Pool).Coefficient(e.Role); !ok {
			r.errorf("pool", msg.ValRoleNotInPool, excerpt(e.ID), roleLabel(p, e.Role), a.Pool)
		} else if e.Probation {
			r.warnf("emp_id", msg.ValProbationAdjust, excerpt(e.ID))
		}
	}
	rd.checkRole(r, "approver_id", a.ApproverID, p.Adjustments.CoefficientApprovers, msg.ValNotStationMgr)
}

// checkFundRoles checks that fund spending is approved and kept by the plan's roles 〔十二.5〕.
func (rd *reader) checkFundRoles(r *row, f model.FundSpending) {
	rd.checkRole(r, "approver_id", f.ApproverID, rd.opt.Plan.Fund.SpendingApprovers, msg.ValFundApprover)
	rd.checkRole(r, "keeper_id", f.KeeperID, rd.opt.Plan.Fund.Keepers, msg.ValFundKeeper)
}

// checkRole reports an error at column when the employee id (known, with a role) does not have one of the
// roles (an empty list allows any role). format takes the allowed roles, the id and the employee's role.
func (rd *reader) checkRole(r *row, column, id string, roles []plan.Ref, format string) {
	p := rd.opt.Plan
	if e := rd.ids[id]; e != nil && len(roles) > 0 && !plan.HasRef(roles, e.Role) {
		r.errorf(column, format, roleLabels(p, roles), excerpt(e.ID), roleLabel(p, e.Role))
	}
}

func roleLabel(p *plan.Plan, role string) string {
	if n, ok := p.Role(role); ok {
		return n.Label()
	}
	return role
}

func roleLabels(p *plan.Plan, roles []plan.Ref) string {
	out := ""
	for i, r := range roles {
		if i > 0 {
			out += " / "
		}
		out += roleLabel(p, r.Name)
	}
	return out
}
