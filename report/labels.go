package report

import (
	"golang.org/x/text/width"

	"payout/calc"
	"payout/plan"
)

// Labels of workbooks (simplified Chinese: the people who read them). Every label printed in a workbook
// is defined here.
const (
	LabelGuideSheet    = "填表说明"
	LabelGuideTable    = "表名"
	LabelGuideColumn   = "列名"
	LabelGuideRequired = "必填"
	LabelGuideEnglish  = "英文名"
	LabelYes           = "是"
)

// displayWidth counts East Asian wide characters as 2 columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// Terminal and workbook column labels.
const (
	LabelID          = "工号"
	LabelName        = "姓名"
	LabelRole        = "岗位"
	LabelBase        = "基本工资"
	LabelDeduction   = "扣款"
	LabelFund        = "售后基金"
	LabelNet         = "提成净额"
	LabelTotal       = "应发合计"
	LabelPool        = "奖金池"
	LabelAmount      = "金额"
	LabelMembers     = "成员数"
	LabelCoefSum     = "系数合计"
	LabelFundTotal   = "售后基金合计"
	LabelPayoutTotal = "应发总额"
	LabelWarnings    = "提示"
	LabelProbation   = "试用期"
	LabelSumRow      = "合计"
)

// Payslip, summary and explain labels.
const (
	LabelRows                = "行"
	LabelRowsCount           = "行"
	LabelPayslipTitle        = "售后绩效工资条"
	LabelPayslipSheet        = "工资条"
	LabelStepsSheet          = "计算过程"
	LabelMonth               = "月份"
	LabelDepartment          = "部门"
	LabelItem                = "项目"
	LabelValue               = "数值"
	LabelNote                = "说明"
	LabelGross               = "应得"
	LabelFundLine            = "售后基金 %s"
	LabelLineNet             = "实发"
	LabelNetCommission       = "提成合计"
	LabelAchievement         = "达成率 %s"
	LabelAchievementCol      = "达成率"
	LabelCoefficient         = "系数"
	LabelShareOf             = "%s / %s"
	LabelRate                = "比例/单价"
	LabelRule                = "规则"
	LabelFormula             = "公式"
	LabelResult              = "结果"
	LabelSources             = "来源"
	LabelInputs              = "输入"
	LabelNo                  = "否"
	LabelSeq                 = "序号"
	LabelApprenticeShr       = "徒弟分配比例"
	LabelTeamBonus           = "团队奖金"
	LabelExtraCent           = "尾差 +0.01 (最大余数法)"
	LabelAdjusted            = "系数经调整"
	LabelFundOpening         = "期初余额"
	LabelFundInflow          = "本月计提"
	LabelFundSpent           = "本月支出"
	LabelFundClosing         = "期末余额"
	LabelClosedMonth         = "已结账"
	LabelFundMissing         = "未计算：本月无结果，收支未计入"
	LabelFundOpeningNote     = "期初余额由 %s 录入"
	LabelFundCorrectionNote  = "本月计提含以前月份更正 %s"
	LabelFundCorrectionSpent = "本月支出含以前月份更正 %s"
	LabelField               = "字段"
	LabelOld                 = "原值"
	LabelNew                 = "新值"
	LabelDelta               = "差额"
	LabelCause               = "原因"
	LabelPayoutDelta         = "应发总额差额"
)

// baseLabels are the labels of a line's base figure (calc.LineDetail.BaseLabel).
var baseLabels = map[string]string{
	"pool_amount":       "奖金池金额",
	"accessory_revenue": "本人精品实收 (计入目标部分)",
	"team_hours":        "团队工时",
	"wash_count":        "洗车台次",
	"approved_total":    "保险审批金额合计",
	"rebate_profit":     "返点毛利合计",
}

// metricLabels label achievement metrics by the plan's names; figureLabels label figures.
var figureLabels = map[string]string{
	"customer_repair_paid":        "正常维修结算实收",
	"warranty_receipts":           "索赔回款",
	"accident_approved":           "事故车定审金额(含车主自付)",
	"gross_profit":                "毛利",
	"intake_count":                "接车台次",
	"fleet_collections":           "集团回款",
	"insurance_collections":       "保险回款",
	"accessory_revenue":           "售后精品实收",
	"accessory_revenue_installed": "其中车间加装",
	"beauty_revenue":              "美容业绩",
	"wash_count":                  "洗车台次",
	"repair_output":               "维修产值",
	"workshop_output":             "车间产值",
	"aftersales_output":           "售后产值",
}

// diffFieldLabels label the fields of a diff's changes (ledger.Change.Field).
var diffFieldLabels = map[string]string{"gross": LabelGross, "deduction": LabelDeduction, "fund": LabelFund, "net": LabelNet, "amount": LabelAmount}

// DiffFieldLabel is the label of a changed field in payout diff's table.
func DiffFieldLabel(field string) string {
	if l, ok := diffFieldLabels[field]; ok {
		return l
	}
	return field
}

// DiffItemLabel is the label of a changed item in payout diff's table: a scheme, base salary or total pay.
func DiffItemLabel(p *plan.Plan, scheme string) string {
	switch scheme {
	case "total":
		return LabelTotal
	case "base_salary":
		return LabelBase
	}
	return SchemeLabel(p, scheme)
}

// baseTitle is the name printed for a line's base: the plan's name for it, else the built-in scheme's label.
func baseTitle(d calc.LineDetail) string {
	if d.BaseTitle != "" {
		return d.BaseTitle
	}
	return baseLabels[d.BaseLabel]
}
