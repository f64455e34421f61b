package importers

import (
	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// Column and table names of SPEC §2. Headers are matched through fold.Key, so a traditional-Chinese,
// full-width or differently spaced header matches the simplified aliases listed here.

// Table names (canonical).
const (
	TEmployees        = "employees"
	TRepairOrders     = "repair_orders"
	TWarrantyReceipts = "warranty_receipts"
	TCollections      = "collections"
	TAccessorySales   = "accessory_sales"
	TLaborHours       = "labor_hours"
	TWashes           = "washes"
	TBeautySales      = "beauty_sales"
	TInsuranceClaims  = "insurance_claims"
	TRenewals         = "renewals"
	TTargets          = "targets"
	TWorkshopScores   = "workshop_scores"
	TAdvisorScores    = "advisor_scores"
	TIncidents        = "incidents"
	TAdjustments      = "adjustments"
	TFundSpending     = "fund_spending"
)

// Column is one column of a table.
type Column struct {
	Name     string     // canonical English name
	Aliases  []string   // Chinese names; the first is the header of templates
	Required bool       // the column must be present and every row must have a value
	Kind     model.Kind // the kind of its values in generic rows (set by the column's field, decode.go)
}

// Header is the simplified-Chinese header written in templates.
func (c Column) Header() string {
	if len(c.Aliases) > 0 {
		return c.Aliases[0]
	}
	return c.Name
}

// Table is one input table.
type Table struct {
	Name    string
	Aliases []string // Chinese names; the first is used for template sheets
	Columns []Column // in template order; set from the table's declaration (rows)
	Dated   string   // the governing date column, "" when the table is not dated (or, for repair_orders, per figure)
	rows    decoder  // how a data row becomes the table's typed row

	headerKeys map[string]string // name key of a column's canonical or Chinese name → the column (newSchema)
	own        *plan.Table       // the plan's declaration of a table the plan declares; nil for a built-in table
}

// Label is the simplified-Chinese name of the table (its canonical name when it has none).
func (t *Table) Label() string {
	if len(t.Aliases) == 0 {
		return t.Name
	}
	return t.Aliases[0]
}

// Declared reports whether the table is one the plan declares (not built in).
func (t *Table) Declared() bool { return t.own != nil }

// Column returns the column by canonical name.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// col is a built-in column by canonical name; its names and whether it is required come from the built-in
// schema (plan/schema.yaml), set by withColumns.
func col(name string) Column { return Column{Name: name} }

// Tables is every input table, in reading order (the roster first: other tables refer to it). Each declares
// its columns in template order, each with the field it fills (decode.go), and the steps of its own.
var Tables = withColumns([]*Table{
	{Name: TEmployees, rows: into(
		func(d *model.MonthData) *[]model.Employee { return &d.Employees },
		func(e *model.Employee) *model.Source { return &e.Src },
		asID(col("id"), func(e *model.Employee) *string { return &e.ID }),
		then(func(r *row, e *model.Employee) { r.unique("id", "id", e.ID) }),
		asText(col("name"), func(e *model.Employee) *string { return &e.Name }),
		asEnum(col("role"), "role", "", msg.ValUnknownRole,
			func(e *model.Employee) *string { return &e.Role }),
		asAmount(col("base_salary"), func(e *model.Employee) *decimal.Decimal { return &e.BaseSalary },
			nonNegative, wholeCents),
		asBool(col("probation"), false, func(e *model.Employee) *bool { return &e.Probation }),
		asID(col("master_id"), func(e *model.Employee) *string { return &e.MasterID }),
		asRatio(col("apprentice_share"),
			func(e *model.Employee) (*decimal.Decimal, *bool) { return &e.ApprenticeShare, &e.HasShare }),
		asText(col("department"), func(e *model.Employee) *string { return &e.Department }),
	)},
	{Name: TRepairOrders, rows: into(
		func(d *model.MonthData) *[]model.RepairOrder { return &d.RepairOrders },
		func(o *model.RepairOrder) *model.Source { return &o.Src },
		asID(col("ro_no"), func(o *model.RepairOrder) *string { return &o.RONo }),
		then(func(r *row, o *model.RepairOrder) { r.unique("ro_no", "ro_no", o.RONo) }),
		custom(col("type"), model.KindText, roType),
		asEmployee(col("advisor_id"),
			func(o *model.RepairOrder) *string { return &o.AdvisorID }),
		asDate(col("received_date"),
			func(o *model.RepairOrder) *model.Date { return &o.Received }),
		asDate(col("settled_date"), func(o *model.RepairOrder) *model.Date { return &o.Settled }),
		asDate(col("delivered_date"), func(o *model.RepairOrder) *model.Date { return &o.Delivered }),
		asAmount(col("paid_amount"), func(o *model.RepairOrder) *decimal.Decimal { return &o.PaidAmount }),
		asAmount(col("approved_amount"),
			func(o *model.RepairOrder) *decimal.Decimal { return &o.ApprovedAmount }),
		asAmount(col("self_pay"), func(o *model.RepairOrder) *decimal.Decimal { return &o.SelfPay }),
		// The four dates that place an order in the month are read together.
		asDate(col("approved_date"), func(o *model.RepairOrder) *model.Date { return &o.Approved }).
			readBefore("paid_amount"),
		asAmount(col("gross_profit"), func(o *model.RepairOrder) *decimal.Decimal { return &o.GrossProfit }),
		keepIf(roInMonth),
	)},
	{Name: TWarrantyReceipts, rows: into(
		func(d *model.MonthData) *[]model.WarrantyReceipt { return &d.WarrantyReceipts },
		func(w *model.WarrantyReceipt) *model.Source { return &w.Src },
		asID(col("claim_no"), func(w *model.WarrantyReceipt) *string { return &w.ClaimNo }),
		then(func(r *row, w *model.WarrantyReceipt) { r.unique("claim_no", "claim_no", w.ClaimNo) }),
		asDate(col("receipt_date"), func(w *model.WarrantyReceipt) *model.Date { return &w.Date }),
		asAmount(col("amount"), func(w *model.WarrantyReceipt) *decimal.Decimal { return &w.Amount }),
		asID(col("ro_no"), func(w *model.WarrantyReceipt) *string { return &w.RONo }),
		keepIf(func(r *row, w *model.WarrantyReceipt) bool { return r.inMonth(w.Date) }),
	)},
	{Name: TCollections, rows: into(
		func(d *model.MonthData) *[]model.Collection { return &d.Collections },
		func(c *model.Collection) *model.Source { return &c.Src },
		asID(col("doc_no"), func(c *model.Collection) *string { return &c.DocNo }),
		then(func(r *row, c *model.Collection) { r.unique("doc_no", "doc_no", c.DocNo) }),
		asEnum(col("kind"), "collection kind", "", msg.ValUnknownKind,
			func(c *model.Collection) *string { return &c.Kind }),
		asDate(col("receipt_date"), func(c *model.Collection) *model.Date { return &c.Date }),
		asAmount(col("amount"), func(c *model.Collection) *decimal.Decimal { return &c.Amount }),
		keepIf(func(r *row, c *model.Collection) bool { return r.inMonth(c.Date) }),
	)},
	{Name: TAccessorySales, rows: into(
		func(d *model.MonthData) *[]model.AccessorySale { return &d.AccessorySales },
		func(a *model.AccessorySale) *model.Source { return &a.Src },
		asID(col("doc_no"), func(a *model.AccessorySale) *string { return &a.DocNo }),
		asText(col("item"), func(a *model.AccessorySale) *string { return &a.Item }),
		then(func(r *row, a *model.AccessorySale) { r.unique("doc_no / item", "doc_no", a.DocNo, a.Item) }),
		asDate(col("date"), func(a *model.AccessorySale) *model.Date { return &a.Date }),
		custom(col("seller_id"), model.KindText, sellerID),
		// The department decides how the seller is read.
		asEnum(col("seller_dept"), "seller department", plan.DeptAftersales, msg.ValUnknownKind,
			func(a *model.AccessorySale) *string { return &a.SellerDept }).readBefore("seller_id"),
		asEnum(col("category"), "category", plan.CategoryAccessory, msg.ValUnknownKind,
			func(a *model.AccessorySale) *string { return &a.Category }),
		asAmount(col("list_amount"), func(a *model.AccessorySale) *decimal.Decimal { return &a.ListAmount },
			positive),
		asAmount(col("paid_amount"), func(a *model.AccessorySale) *decimal.Decimal { return &a.PaidAmount },
			nonNegative),
		asBool(col("installed"), false, func(a *model.AccessorySale) *bool { return &a.Installed }),
		asBool(col("gift"), false, func(a *model.AccessorySale) *bool { return &a.Gift }),
		keepIf(func(r *row, a *model.AccessorySale) bool { return r.inMonth(a.Date) }),
		then(func(r *row, a *model.AccessorySale) { r.tr.rd.checkDiscount(r, *a) }),
	)},
	{Name: TLaborHours, rows: into(
		func(d *model.MonthData) *[]model.LaborHours { return &d.LaborHours },
		func(h *model.LaborHours) *model.Source { return &h.Src },
		asEmployee(col("tech_id"), func(h *model.LaborHours) *string { return &h.TechID }),
		asDate(col("date"), func(h *model.LaborHours) *model.Date { return &h.Date }),
		asNumber(col("hours"), func(h *model.LaborHours) *decimal.Decimal { return &h.Hours }, nonNegative),
		asAmount(col("material_cost"), func(h *model.LaborHours) *decimal.Decimal { return &h.MaterialCost }),
		asID(col("ro_no"), func(h *model.LaborHours) *string { return &h.RONo }),
		keepIf(func(r *row, h *model.LaborHours) bool { return r.inMonth(h.Date) }),
	)},
	{Name: TWashes, rows: into(
		func(d *model.MonthData) *[]model.Wash { return &d.Washes },
		func(w *model.Wash) *model.Source { return &w.Src },
		asDate(col("date"), func(w *model.Wash) *model.Date { return &w.Date }),
		asEmployee(col("washer_id"), func(w *model.Wash) *string { return &w.WasherID }),
		asText(col("plate"), func(w *model.Wash) *string { return &w.Plate }),
		asNumberIf(col("minutes"),
			func(w *model.Wash) (*decimal.Decimal, *bool) { return &w.Minutes, &w.HasMinutes }),
		keepIf(func(r *row, w *model.Wash) bool { return r.inMonth(w.Date) }),
	)},
	{Name: TBeautySales, rows: into(
		func(d *model.MonthData) *[]model.BeautySale { return &d.BeautySales },
		func(b *model.BeautySale) *model.Source { return &b.Src },
		asID(col("doc_no"), func(b *model.BeautySale) *string { return &b.DocNo }),
		then(func(r *row, b *model.BeautySale) { r.unique("doc_no", "doc_no", b.DocNo) }),
		asDate(col("date"), func(b *model.BeautySale) *model.Date { return &b.Date }),
		asAmount(col("amount"), func(b *model.BeautySale) *decimal.Decimal { return &b.Amount }),
		keepIf(func(r *row, b *model.BeautySale) bool { return r.inMonth(b.Date) }),
	)},
	{Name: TInsuranceClaims, rows: into(
		func(d *model.MonthData) *[]model.InsuranceClaim { return &d.InsuranceClaims },
		func(c *model.InsuranceClaim) *model.Source { return &c.Src },
		asID(col("doc_no"), func(c *model.InsuranceClaim) *string { return &c.DocNo }),
		then(func(r *row, c *model.InsuranceClaim) { r.unique("doc_no", "doc_no", c.DocNo) }),
		asEmployee(col("agent_id"), func(c *model.InsuranceClaim) *string { return &c.AgentID }),
		asDate(col("approved_date"), func(c *model.InsuranceClaim) *model.Date { return &c.ApprovedDate }),
		asAmount(col("approved_amount"),
			func(c *model.InsuranceClaim) *decimal.Decimal { return &c.ApprovedAmount }),
		keepIf(func(r *row, c *model.InsuranceClaim) bool { return r.inMonth(c.ApprovedDate) }),
	)},
	{Name: TRenewals, rows: into(
		func(d *model.MonthData) *[]model.Renewal { return &d.Renewals },
		func(n *model.Renewal) *model.Source { return &n.Src },
		asID(col("policy_no"), func(n *model.Renewal) *string { return &n.PolicyNo }),
		then(func(r *row, n *model.Renewal) { r.unique("policy_no", "policy_no", n.PolicyNo) }),
		asEmployee(col("seller_id"), func(n *model.Renewal) *string { return &n.SellerID }),
		asDate(col("date"), func(n *model.Renewal) *model.Date { return &n.Date }),
		asAmount(col("rebate_profit"), func(n *model.Renewal) *decimal.Decimal { return &n.RebateProfit }),
		keepIf(func(r *row, n *model.Renewal) bool { return r.inMonth(n.Date) }),
	)},
	{Name: TTargets, rows: into(
		func(d *model.MonthData) *[]model.Target { return &d.Targets },
		func(t *model.Target) *model.Source { return &t.Src },
		asEnum(col("metric"), "metric", "", msg.ValUnknownMetric, func(t *model.Target) *string { return &t.Metric }),
		custom(col("scope"), model.KindText, func(r *row, t *model.Target) model.Value {
			t.Scope = r.tr.rd.scope(r, t.Metric, r.text("scope"))
			return textValue(t.Scope)
		}),
		then(func(r *row, t *model.Target) { r.unique("metric / scope", "scope", t.Metric, t.Scope) }),
		asNumber(col("target"), func(t *model.Target) *decimal.Decimal { return &t.Target }, positive),
	)},
	{Name: TWorkshopScores, rows: into(
		func(d *model.MonthData) *[]model.WorkshopScore { return &d.WorkshopScores },
		func(s *model.WorkshopScore) *model.Source { return &s.Src },
		asEmployee(col("emp_id"), func(s *model.WorkshopScore) *string { return &s.EmpID }),
		then(func(r *row, s *model.WorkshopScore) { r.unique("emp_id", "emp_id", s.EmpID) }),
		asNumber(col("performance"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Performance }, nonNegative),
		asNumber(col("quality"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Quality }, nonNegative),
		asNumber(col("environment"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Environment }, nonNegative),
		asNumber(col("teamwork"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Teamwork }, nonNegative),
	)},
	{Name: TAdvisorScores, rows: into(
		func(d *model.MonthData) *[]model.AdvisorScore { return &d.AdvisorScores },
		func(s *model.AdvisorScore) *model.Source { return &s.Src },
		asEmployee(col("emp_id"), func(s *model.AdvisorScore) *string { return &s.EmpID }),
		then(func(r *row, s *model.AdvisorScore) { r.unique("emp_id", "emp_id", s.EmpID) }),
		asNumber(col("score"), func(s *model.AdvisorScore) *decimal.Decimal { return &s.Score }, scoreRange),
	)},
	{Name: TIncidents, rows: into(
		func(d *model.MonthData) *[]model.Incident { return &d.Incidents },
		func(i *model.Incident) *model.Source { return &i.Src },
		asEmployee(col("emp_id"), func(i *model.Incident) *string { return &i.EmpID }),
		asDate(col("date"), func(i *model.Incident) *model.Date { return &i.Date }),
		asEnum(col("kind"), "incident kind", "", msg.ValUnknownKind, func(i *model.Incident) *string { return &i.Kind }),
		asBool(col("verified"), true, func(i *model.Incident) *bool { return &i.Verified }),
		asText(col("note"), func(i *model.Incident) *string { return &i.Note }),
		keepIf(func(r *row, i *model.Incident) bool { return r.inMonth(i.Date) }),
	)},
	{Name: TAdjustments, rows: into(
		func(d *model.MonthData) *[]model.Adjustment { return &d.Adjustments },
		func(a *model.Adjustment) *model.Source { return &a.Src },
		asEmployee(col("emp_id"), func(a *model.Adjustment) *string { return &a.EmpID }),
		asEnum(col("kind"), "adjustment kind", "", msg.ValUnknownKind,
			func(a *model.Adjustment) *string { return &a.Kind }),
		asEnum(col("pool"), "pool", "", msg.ValUnknownPool, func(a *model.Adjustment) *string { return &a.Pool }),
		custom(col("value"), model.KindNumber, adjustmentValue),
		asText(col("reason"), func(a *model.Adjustment) *string { return &a.Reason }),
		asEmployee(col("approver_id"), func(a *model.Adjustment) *string { return &a.ApproverID }),
		then(func(r *row, a *model.Adjustment) { r.tr.rd.checkAdjustment(r, *a) }),
	)},
	{Name: TFundSpending, rows: into(
		func(d *model.MonthData) *[]model.FundSpending { return &d.FundSpending },
		func(f *model.FundSpending) *model.Source { return &f.Src },
		asDate(col("date"), func(f *model.FundSpending) *model.Date { return &f.Date }),
		asAmount(col("amount"), func(f *model.FundSpending) *decimal.Decimal { return &f.Amount },
			positive, wholeCents),
		asText(col("purpose"), func(f *model.FundSpending) *string { return &f.Purpose }),
		asEmployee(col("approver_id"), func(f *model.FundSpending) *string { return &f.ApproverID }),
		asEmployee(col("keeper_id"), func(f *model.FundSpending) *string { return &f.KeeperID }),
		then(func(r *row, f *model.FundSpending) { r.tr.rd.checkFundRoles(r, *f) }),
		keepIf(fundInMonth),
	)},
})

// TableByName returns the table with the canonical name.
func TableByName(name string) *Table {
	for _, t := range Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}
