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

func col(name string, req bool, aliases ...string) Column {
	return Column{Name: name, Aliases: aliases, Required: req}
}

const req, opt = true, false

// Tables is every input table, in reading order (the roster first: other tables refer to it). Each declares
// its columns in template order, each with the field it fills (decode.go), and the steps of its own.
var Tables = withColumns([]*Table{
	{Name: TEmployees, Aliases: []string{"员工名册", "员工", "花名册", "人员名单"}, rows: into(
		func(d *model.MonthData) *[]model.Employee { return &d.Employees },
		func(e *model.Employee) *model.Source { return &e.Src },
		asID(col("id", req, "工号", "员工编号", "员工工号"), func(e *model.Employee) *string { return &e.ID }),
		then(func(r *row, e *model.Employee) { r.unique("id", "id", e.ID) }),
		asText(col("name", req, "姓名", "员工姓名"), func(e *model.Employee) *string { return &e.Name }),
		asEnum(col("role", req, "岗位", "职位", "职务"), "role", "", msg.ValUnknownRole,
			func(e *model.Employee) *string { return &e.Role }),
		asAmount(col("base_salary", req, "基本工资", "底薪"), func(e *model.Employee) *decimal.Decimal { return &e.BaseSalary },
			nonNegative, wholeCents),
		asBool(col("probation", opt, "试用期", "是否试用期"), false, func(e *model.Employee) *bool { return &e.Probation }),
		asID(col("master_id", opt, "师傅工号", "师傅"), func(e *model.Employee) *string { return &e.MasterID }),
		asRatio(col("apprentice_share", opt, "徒弟分配比例", "徒弟比例", "分配比例"),
			func(e *model.Employee) (*decimal.Decimal, *bool) { return &e.ApprenticeShare, &e.HasShare }),
		asText(col("department", opt, "部门"), func(e *model.Employee) *string { return &e.Department }),
	)},
	{Name: TRepairOrders, Aliases: []string{"维修工单", "结算单", "工单", "维修结算明细"}, rows: into(
		func(d *model.MonthData) *[]model.RepairOrder { return &d.RepairOrders },
		func(o *model.RepairOrder) *model.Source { return &o.Src },
		asID(col("ro_no", req, "工单号", "工单编号", "委托书号"), func(o *model.RepairOrder) *string { return &o.RONo }),
		then(func(r *row, o *model.RepairOrder) { r.unique("ro_no", "ro_no", o.RONo) }),
		custom(col("type", req, "维修类型", "工单类型", "维修类别", "业务类型"), model.KindText, roType),
		asEmployee(col("advisor_id", opt, "服务顾问工号", "服务顾问", "接待顾问"),
			func(o *model.RepairOrder) *string { return &o.AdvisorID }),
		asDate(col("received_date", req, "接车日期", "接待日期", "开单日期"),
			func(o *model.RepairOrder) *model.Date { return &o.Received }),
		asDate(col("settled_date", opt, "结算日期"), func(o *model.RepairOrder) *model.Date { return &o.Settled }),
		asDate(col("delivered_date", opt, "出厂日期"), func(o *model.RepairOrder) *model.Date { return &o.Delivered }),
		asAmount(col("paid_amount", opt, "实收金额"), func(o *model.RepairOrder) *decimal.Decimal { return &o.PaidAmount }),
		asAmount(col("approved_amount", opt, "定审金额"),
			func(o *model.RepairOrder) *decimal.Decimal { return &o.ApprovedAmount }),
		asAmount(col("self_pay", opt, "车主自付"), func(o *model.RepairOrder) *decimal.Decimal { return &o.SelfPay }),
		// The four dates that place an order in the month are read together.
		asDate(col("approved_date", opt, "定审日期"), func(o *model.RepairOrder) *model.Date { return &o.Approved }).
			readBefore("paid_amount"),
		asAmount(col("gross_profit", opt, "毛利"), func(o *model.RepairOrder) *decimal.Decimal { return &o.GrossProfit }),
		keepIf(roInMonth),
	)},
	{Name: TWarrantyReceipts, Aliases: []string{"索赔回款"}, Dated: "receipt_date", rows: into(
		func(d *model.MonthData) *[]model.WarrantyReceipt { return &d.WarrantyReceipts },
		func(w *model.WarrantyReceipt) *model.Source { return &w.Src },
		asID(col("claim_no", req, "索赔单号"), func(w *model.WarrantyReceipt) *string { return &w.ClaimNo }),
		then(func(r *row, w *model.WarrantyReceipt) { r.unique("claim_no", "claim_no", w.ClaimNo) }),
		asDate(col("receipt_date", req, "回款日期"), func(w *model.WarrantyReceipt) *model.Date { return &w.Date }),
		asAmount(col("amount", req, "回款金额"), func(w *model.WarrantyReceipt) *decimal.Decimal { return &w.Amount }),
		asID(col("ro_no", opt, "工单号"), func(w *model.WarrantyReceipt) *string { return &w.RONo }),
		keepIf(func(r *row, w *model.WarrantyReceipt) bool { return r.inMonth(w.Date) }),
	)},
	{Name: TCollections, Aliases: []string{"回款", "回款明细"}, Dated: "receipt_date", rows: into(
		func(d *model.MonthData) *[]model.Collection { return &d.Collections },
		func(c *model.Collection) *model.Source { return &c.Src },
		asID(col("doc_no", req, "单据号"), func(c *model.Collection) *string { return &c.DocNo }),
		then(func(r *row, c *model.Collection) { r.unique("doc_no", "doc_no", c.DocNo) }),
		asEnum(col("kind", req, "类型"), "collection kind", "", msg.ValUnknownKind,
			func(c *model.Collection) *string { return &c.Kind }),
		asDate(col("receipt_date", req, "回款日期"), func(c *model.Collection) *model.Date { return &c.Date }),
		asAmount(col("amount", req, "回款金额"), func(c *model.Collection) *decimal.Decimal { return &c.Amount }),
		keepIf(func(r *row, c *model.Collection) bool { return r.inMonth(c.Date) }),
	)},
	{Name: TAccessorySales, Aliases: []string{"精品销售"}, Dated: "date", rows: into(
		func(d *model.MonthData) *[]model.AccessorySale { return &d.AccessorySales },
		func(a *model.AccessorySale) *model.Source { return &a.Src },
		asID(col("doc_no", req, "单据号"), func(a *model.AccessorySale) *string { return &a.DocNo }),
		asText(col("item", opt, "品名", "商品名称"), func(a *model.AccessorySale) *string { return &a.Item }),
		then(func(r *row, a *model.AccessorySale) { r.unique("doc_no / item", "doc_no", a.DocNo, a.Item) }),
		asDate(col("date", req, "销售日期"), func(a *model.AccessorySale) *model.Date { return &a.Date }),
		custom(col("seller_id", opt, "销售人工号", "销售人"), model.KindText, sellerID),
		// The department decides how the seller is read.
		asEnum(col("seller_dept", opt, "销售部门"), "seller department", plan.DeptAftersales, msg.ValUnknownKind,
			func(a *model.AccessorySale) *string { return &a.SellerDept }).readBefore("seller_id"),
		asEnum(col("category", opt, "类别"), "category", plan.CategoryAccessory, msg.ValUnknownKind,
			func(a *model.AccessorySale) *string { return &a.Category }),
		asAmount(col("list_amount", req, "标价金额"), func(a *model.AccessorySale) *decimal.Decimal { return &a.ListAmount },
			positive),
		asAmount(col("paid_amount", req, "实收金额"), func(a *model.AccessorySale) *decimal.Decimal { return &a.PaidAmount },
			nonNegative),
		asBool(col("installed", opt, "车间加装"), false, func(a *model.AccessorySale) *bool { return &a.Installed }),
		asBool(col("gift", opt, "赠送"), false, func(a *model.AccessorySale) *bool { return &a.Gift }),
		keepIf(func(r *row, a *model.AccessorySale) bool { return r.inMonth(a.Date) }),
		then(func(r *row, a *model.AccessorySale) { r.tr.rd.checkDiscount(r, *a) }),
	)},
	{Name: TLaborHours, Aliases: []string{"工时明细", "工时"}, Dated: "date", rows: into(
		func(d *model.MonthData) *[]model.LaborHours { return &d.LaborHours },
		func(h *model.LaborHours) *model.Source { return &h.Src },
		asEmployee(col("tech_id", req, "技师工号", "技师"), func(h *model.LaborHours) *string { return &h.TechID }),
		asDate(col("date", req, "日期"), func(h *model.LaborHours) *model.Date { return &h.Date }),
		asNumber(col("hours", req, "工时"), func(h *model.LaborHours) *decimal.Decimal { return &h.Hours }, nonNegative),
		asAmount(col("material_cost", opt, "材料费"), func(h *model.LaborHours) *decimal.Decimal { return &h.MaterialCost }),
		asID(col("ro_no", opt, "工单号"), func(h *model.LaborHours) *string { return &h.RONo }),
		keepIf(func(r *row, h *model.LaborHours) bool { return r.inMonth(h.Date) }),
	)},
	{Name: TWashes, Aliases: []string{"洗车记录"}, Dated: "date", rows: into(
		func(d *model.MonthData) *[]model.Wash { return &d.Washes },
		func(w *model.Wash) *model.Source { return &w.Src },
		asDate(col("date", req, "日期"), func(w *model.Wash) *model.Date { return &w.Date }),
		asEmployee(col("washer_id", req, "洗车工工号", "洗车工"), func(w *model.Wash) *string { return &w.WasherID }),
		asText(col("plate", opt, "车牌", "车牌号"), func(w *model.Wash) *string { return &w.Plate }),
		asNumberIf(col("minutes", opt, "用时(分钟)", "用时"),
			func(w *model.Wash) (*decimal.Decimal, *bool) { return &w.Minutes, &w.HasMinutes }),
		keepIf(func(r *row, w *model.Wash) bool { return r.inMonth(w.Date) }),
	)},
	{Name: TBeautySales, Aliases: []string{"美容销售"}, Dated: "date", rows: into(
		func(d *model.MonthData) *[]model.BeautySale { return &d.BeautySales },
		func(b *model.BeautySale) *model.Source { return &b.Src },
		asID(col("doc_no", req, "单据号"), func(b *model.BeautySale) *string { return &b.DocNo }),
		then(func(r *row, b *model.BeautySale) { r.unique("doc_no", "doc_no", b.DocNo) }),
		asDate(col("date", req, "日期"), func(b *model.BeautySale) *model.Date { return &b.Date }),
		asAmount(col("amount", req, "实收金额"), func(b *model.BeautySale) *decimal.Decimal { return &b.Amount }),
		keepIf(func(r *row, b *model.BeautySale) bool { return r.inMonth(b.Date) }),
	)},
	{Name: TInsuranceClaims, Aliases: []string{"保险定损"}, Dated: "approved_date", rows: into(
		func(d *model.MonthData) *[]model.InsuranceClaim { return &d.InsuranceClaims },
		func(c *model.InsuranceClaim) *model.Source { return &c.Src },
		asID(col("doc_no", req, "单据号"), func(c *model.InsuranceClaim) *string { return &c.DocNo }),
		then(func(r *row, c *model.InsuranceClaim) { r.unique("doc_no", "doc_no", c.DocNo) }),
		asEmployee(col("agent_id", req, "业务员工号", "业务员"), func(c *model.InsuranceClaim) *string { return &c.AgentID }),
		asDate(col("approved_date", req, "审批日期"), func(c *model.InsuranceClaim) *model.Date { return &c.ApprovedDate }),
		asAmount(col("approved_amount", req, "审批金额"),
			func(c *model.InsuranceClaim) *decimal.Decimal { return &c.ApprovedAmount }),
		keepIf(func(r *row, c *model.InsuranceClaim) bool { return r.inMonth(c.ApprovedDate) }),
	)},
	{Name: TRenewals, Aliases: []string{"续保"}, Dated: "date", rows: into(
		func(d *model.MonthData) *[]model.Renewal { return &d.Renewals },
		func(n *model.Renewal) *model.Source { return &n.Src },
		asID(col("policy_no", req, "保单号"), func(n *model.Renewal) *string { return &n.PolicyNo }),
		then(func(r *row, n *model.Renewal) { r.unique("policy_no", "policy_no", n.PolicyNo) }),
		asEmployee(col("seller_id", req, "销售人工号", "销售人"), func(n *model.Renewal) *string { return &n.SellerID }),
		asDate(col("date", req, "日期"), func(n *model.Renewal) *model.Date { return &n.Date }),
		asAmount(col("rebate_profit", req, "返点毛利"), func(n *model.Renewal) *decimal.Decimal { return &n.RebateProfit }),
		keepIf(func(r *row, n *model.Renewal) bool { return r.inMonth(n.Date) }),
	)},
	{Name: TTargets, Aliases: []string{"目标"}, rows: into(
		func(d *model.MonthData) *[]model.Target { return &d.Targets },
		func(t *model.Target) *model.Source { return &t.Src },
		asEnum(col("metric", req, "指标"), "metric", "", msg.ValUnknownMetric, func(t *model.Target) *string { return &t.Metric }),
		custom(col("scope", req, "范围"), model.KindText, func(r *row, t *model.Target) model.Value {
			t.Scope = r.tr.rd.scope(r, t.Metric, r.text("scope"))
			return textValue(t.Scope)
		}),
		then(func(r *row, t *model.Target) { r.unique("metric / scope", "scope", t.Metric, t.Scope) }),
		asNumber(col("target", req, "目标值"), func(t *model.Target) *decimal.Decimal { return &t.Target }, positive),
	)},
	{Name: TWorkshopScores, Aliases: []string{"车间考核"}, rows: into(
		func(d *model.MonthData) *[]model.WorkshopScore { return &d.WorkshopScores },
		func(s *model.WorkshopScore) *model.Source { return &s.Src },
		asEmployee(col("emp_id", req, "工号"), func(s *model.WorkshopScore) *string { return &s.EmpID }),
		then(func(r *row, s *model.WorkshopScore) { r.unique("emp_id", "emp_id", s.EmpID) }),
		asNumber(col("performance", opt, "工作表现扣分"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Performance }, nonNegative),
		asNumber(col("quality", opt, "生产质量扣分"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Quality }, nonNegative),
		asNumber(col("environment", opt, "车间车身环境扣分"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Environment }, nonNegative),
		asNumber(col("teamwork", opt, "团队精神扣分"),
			func(s *model.WorkshopScore) *decimal.Decimal { return &s.Teamwork }, nonNegative),
	)},
	{Name: TAdvisorScores, Aliases: []string{"接待考核"}, rows: into(
		func(d *model.MonthData) *[]model.AdvisorScore { return &d.AdvisorScores },
		func(s *model.AdvisorScore) *model.Source { return &s.Src },
		asEmployee(col("emp_id", req, "工号"), func(s *model.AdvisorScore) *string { return &s.EmpID }),
		then(func(r *row, s *model.AdvisorScore) { r.unique("emp_id", "emp_id", s.EmpID) }),
		asNumber(col("score", req, "考核分"), func(s *model.AdvisorScore) *decimal.Decimal { return &s.Score }, scoreRange),
	)},
	{Name: TIncidents, Aliases: []string{"投诉与违规"}, Dated: "date", rows: into(
		func(d *model.MonthData) *[]model.Incident { return &d.Incidents },
		func(i *model.Incident) *model.Source { return &i.Src },
		asEmployee(col("emp_id", req, "工号"), func(i *model.Incident) *string { return &i.EmpID }),
		asDate(col("date", req, "日期"), func(i *model.Incident) *model.Date { return &i.Date }),
		asEnum(col("kind", req, "类型"), "incident kind", "", msg.ValUnknownKind, func(i *model.Incident) *string { return &i.Kind }),
		asBool(col("verified", opt, "属实"), true, func(i *model.Incident) *bool { return &i.Verified }),
		asText(col("note", opt, "说明"), func(i *model.Incident) *string { return &i.Note }),
		keepIf(func(r *row, i *model.Incident) bool { return r.inMonth(i.Date) }),
	)},
	{Name: TAdjustments, Aliases: []string{"调整"}, rows: into(
		func(d *model.MonthData) *[]model.Adjustment { return &d.Adjustments },
		func(a *model.Adjustment) *model.Source { return &a.Src },
		asEmployee(col("emp_id", req, "工号"), func(a *model.Adjustment) *string { return &a.EmpID }),
		asEnum(col("kind", req, "类型"), "adjustment kind", "", msg.ValUnknownKind,
			func(a *model.Adjustment) *string { return &a.Kind }),
		asEnum(col("pool", opt, "奖金池"), "pool", "", msg.ValUnknownPool, func(a *model.Adjustment) *string { return &a.Pool }),
		custom(col("value", req, "数值"), model.KindNumber, adjustmentValue),
		asText(col("reason", req, "原因"), func(a *model.Adjustment) *string { return &a.Reason }),
		asEmployee(col("approver_id", req, "审批人"), func(a *model.Adjustment) *string { return &a.ApproverID }),
		then(func(r *row, a *model.Adjustment) { r.tr.rd.checkAdjustment(r, *a) }),
	)},
	{Name: TFundSpending, Aliases: []string{"售后基金支出", "基金支出"}, Dated: "date", rows: into(
		func(d *model.MonthData) *[]model.FundSpending { return &d.FundSpending },
		func(f *model.FundSpending) *model.Source { return &f.Src },
		asDate(col("date", req, "日期", "支出日期"), func(f *model.FundSpending) *model.Date { return &f.Date }),
		asAmount(col("amount", req, "金额", "支出金额"), func(f *model.FundSpending) *decimal.Decimal { return &f.Amount },
			positive, wholeCents),
		asText(col("purpose", req, "用途"), func(f *model.FundSpending) *string { return &f.Purpose }),
		asEmployee(col("approver_id", req, "审批人"), func(f *model.FundSpending) *string { return &f.ApproverID }),
		asEmployee(col("keeper_id", req, "保管人"), func(f *model.FundSpending) *string { return &f.KeeperID }),
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
