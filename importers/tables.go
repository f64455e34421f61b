package importers

import (
	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// buildRow reads one data row into its typed table, as the table's declaration says (schema.go). It returns
// false when the row is set aside because its governing date is outside the month (the row is validated all
// the same).
func (rd *reader) buildRow(r *row) bool {
	return r.tr.t.rows.decode(r, rd.data)
}

// roType reads a repair order's type: the text as written, and its category of the plan (the column's value).
func roType(r *row, o *model.RepairOrder) model.Value {
	o.Type = r.text("type")
	o.Category = r.enum("type", "type", "", msg.ValUnknownROType)
	return textValue(o.Category)
}

// roInMonth keeps a repair order that counts in the month (ROInMonth), or one with a date that could not be
// read: that is an error, and the row is not counted as outside the month.
func roInMonth(r *row, o *model.RepairOrder) bool {
	datesRead := r.dateRead("received_date", !o.Received.IsZero()) && r.dateRead("settled_date", !o.Settled.IsZero()) &&
		r.dateRead("delivered_date", !o.Delivered.IsZero()) && r.dateRead("approved_date", !o.Approved.IsZero())
	return !datesRead || ROInMonth(*o, r.tr.rd.opt.Month)
}

// sellerID reads an accessory sale's seller: an after-sales sale needs one on the roster; another
// department's seller is kept as written.
func sellerID(r *row, a *model.AccessorySale) model.Value {
	switch _, has := r.raw("seller_id"); {
	case a.SellerDept != plan.DeptAftersales:
		a.SellerID = r.id("seller_id")
	case !has:
		r.errorf("seller_id", msg.ValSellerRequired)
	default:
		a.SellerID = r.employee("seller_id", true)
	}
	return textValue(a.SellerID)
}

// adjustmentValue reads an adjustment's value: positive, and in whole cents for a bonus or a deduction.
func adjustmentValue(r *row, a *model.Adjustment) model.Value {
	v, ok := r.number("value")
	a.Value = r.positive("value", v, ok)
	if a.Kind == plan.AdjBonus || a.Kind == plan.AdjDeduction {
		r.wholeCents("value", v, ok)
	}
	return numValue(a.Value, ok)
}

// fundInMonth keeps fund spending dated in the month. Money out of the fund is never dropped quietly: one
// dated in another month is set aside with a warning (the month it is dated in must have counted it).
func fundInMonth(r *row, f *model.FundSpending) bool {
	if r.inMonth(f.Date) {
		return true
	}
	m := r.tr.rd.opt.Month
	r.warnf("date", msg.ValFundOutside, f.Date, f.Amount.StringFixed(2), m)
	return false
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

// scope resolves a target's scope: a pool for pool metrics, an employee for per-employee metrics; under a plan
// written in the plan language, by the metric's scope (langScope).
func (rd *reader) scope(r *row, metric, raw string) string {
	if raw == "" || metric == "" {
		return raw
	}
	mt := rd.opt.Plan.Metric(metric)
	if rd.opt.Plan.IsLanguage() {
		return rd.langScope(r, mt, raw)
	}
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

// checkDiscount warns of an after-sales, earning row sold at or below the minimum ratio of its list price (a
// rule of the default plan's accessory scheme: not for a plan written in the plan language).
func (rd *reader) checkDiscount(r *row, a model.AccessorySale) {
	ac := rd.opt.Plan.Accessory
	if rd.opt.Plan.IsLanguage() || a.SellerDept != plan.DeptAftersales || plan.HasRef(ac.NonEarningCategories, a.Category) || !a.ListAmount.IsPositive() {
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
	if e != nil && e.Role != "" && p.IsLanguage() {
		rd.langAdjustment(r, a, e)
	} else if e != nil && e.Role != "" {
		if pl := p.Pool(a.Pool); pl == nil {
			return // not a pool of the plan: reported as an unknown pool
		} else if _, ok := pl.Coefficient(e.Role); !ok {
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
