package importers

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
	Name     string   // canonical English name
	Aliases  []string // Chinese names; the first is the header of templates
	Required bool     // the column must be present and every row must have a value
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
	Columns []Column
	Dated   string // the governing date column, "" when the table is not dated (or, for repair_orders, per figure)
}

// Label is the simplified-Chinese name of the table.
func (t *Table) Label() string { return t.Aliases[0] }

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

// Tables is every input table, in reading order (the roster first: other tables refer to it).
var Tables = []*Table{
	{Name: TEmployees, Aliases: []string{"员工名册", "员工", "花名册", "人员名单"}, Columns: []Column{
		col("id", req, "工号", "员工编号", "员工工号"),
		col("name", req, "姓名", "员工姓名"),
		col("role", req, "岗位", "职位", "职务"),
		col("base_salary", req, "基本工资", "底薪"),
		col("probation", opt, "试用期", "是否试用期"),
		col("master_id", opt, "师傅工号", "师傅"),
		col("apprentice_share", opt, "徒弟分配比例", "徒弟比例", "分配比例"),
		col("department", opt, "部门"),
	}},
	{Name: TRepairOrders, Aliases: []string{"维修工单", "结算单", "工单", "维修结算明细"}, Columns: []Column{
		col("ro_no", req, "工单号", "工单编号", "委托书号"),
		col("type", req, "维修类型", "工单类型", "维修类别", "业务类型"),
		col("advisor_id", opt, "服务顾问工号", "服务顾问", "接待顾问"),
		col("received_date", req, "接车日期", "接待日期", "开单日期"),
		col("settled_date", opt, "结算日期"),
		col("delivered_date", opt, "出厂日期"),
		col("paid_amount", opt, "实收金额"),
		col("approved_amount", opt, "定审金额"),
		col("self_pay", opt, "车主自付"),
		col("approved_date", opt, "定审日期"),
		col("gross_profit", opt, "毛利"),
	}},
	{Name: TWarrantyReceipts, Aliases: []string{"索赔回款"}, Dated: "receipt_date", Columns: []Column{
		col("claim_no", req, "索赔单号"),
		col("receipt_date", req, "回款日期"),
		col("amount", req, "回款金额"),
		col("ro_no", opt, "工单号"),
	}},
	{Name: TCollections, Aliases: []string{"回款", "回款明细"}, Dated: "receipt_date", Columns: []Column{
		col("doc_no", req, "单据号"),
		col("kind", req, "类型"),
		col("receipt_date", req, "回款日期"),
		col("amount", req, "回款金额"),
	}},
	{Name: TAccessorySales, Aliases: []string{"精品销售"}, Dated: "date", Columns: []Column{
		col("doc_no", req, "单据号"),
		col("item", opt, "品名", "商品名称"),
		col("date", req, "销售日期"),
		col("seller_id", opt, "销售人工号", "销售人"),
		col("seller_dept", opt, "销售部门"),
		col("category", opt, "类别"),
		col("list_amount", req, "标价金额"),
		col("paid_amount", req, "实收金额"),
		col("installed", opt, "车间加装"),
		col("gift", opt, "赠送"),
	}},
	{Name: TLaborHours, Aliases: []string{"工时明细", "工时"}, Dated: "date", Columns: []Column{
		col("tech_id", req, "技师工号", "技师"),
		col("date", req, "日期"),
		col("hours", req, "工时"),
		col("material_cost", opt, "材料费"),
		col("ro_no", opt, "工单号"),
	}},
	{Name: TWashes, Aliases: []string{"洗车记录"}, Dated: "date", Columns: []Column{
		col("date", req, "日期"),
		col("washer_id", req, "洗车工工号", "洗车工"),
		col("plate", opt, "车牌", "车牌号"),
		col("minutes", opt, "用时(分钟)", "用时"),
	}},
	{Name: TBeautySales, Aliases: []string{"美容销售"}, Dated: "date", Columns: []Column{
		col("doc_no", req, "单据号"),
		col("date", req, "日期"),
		col("amount", req, "实收金额"),
	}},
	{Name: TInsuranceClaims, Aliases: []string{"保险定损"}, Dated: "approved_date", Columns: []Column{
		col("doc_no", req, "单据号"),
		col("agent_id", req, "业务员工号", "业务员"),
		col("approved_date", req, "审批日期"),
		col("approved_amount", req, "审批金额"),
	}},
	{Name: TRenewals, Aliases: []string{"续保"}, Dated: "date", Columns: []Column{
		col("policy_no", req, "保单号"),
		col("seller_id", req, "销售人工号", "销售人"),
		col("date", req, "日期"),
		col("rebate_profit", req, "返点毛利"),
	}},
	{Name: TTargets, Aliases: []string{"目标"}, Columns: []Column{
		col("metric", req, "指标"),
		col("scope", req, "范围"),
		col("target", req, "目标值"),
	}},
	{Name: TWorkshopScores, Aliases: []string{"车间考核"}, Columns: []Column{
		col("emp_id", req, "工号"),
		col("performance", opt, "工作表现扣分"),
		col("quality", opt, "生产质量扣分"),
		col("environment", opt, "车间车身环境扣分"),
		col("teamwork", opt, "团队精神扣分"),
	}},
	{Name: TAdvisorScores, Aliases: []string{"接待考核"}, Columns: []Column{
		col("emp_id", req, "工号"),
		col("score", req, "考核分"),
	}},
	{Name: TIncidents, Aliases: []string{"投诉与违规"}, Dated: "date", Columns: []Column{
		col("emp_id", req, "工号"),
		col("date", req, "日期"),
		col("kind", req, "类型"),
		col("verified", opt, "属实"),
		col("note", opt, "说明"),
	}},
	{Name: TAdjustments, Aliases: []string{"调整"}, Columns: []Column{
		col("emp_id", req, "工号"),
		col("kind", req, "类型"),
		col("pool", opt, "奖金池"),
		col("value", req, "数值"),
		col("reason", req, "原因"),
		col("approver_id", req, "审批人"),
	}},
	{Name: TFundSpending, Aliases: []string{"售后基金支出", "基金支出"}, Dated: "date", Columns: []Column{
		col("date", req, "日期", "支出日期"),
		col("amount", req, "金额", "支出金额"),
		col("purpose", req, "用途"),
		col("approver_id", req, "审批人"),
		col("keeper_id", req, "保管人"),
	}},
}

// TableByName returns the table with the canonical name.
func TableByName(name string) *Table {
	for _, t := range Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}
