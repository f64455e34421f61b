package report

import "golang.org/x/text/width"

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

// schemeLabels are the labels of the individual schemes; pools are labelled by their first Chinese name in
// the plan.
var schemeLabels = map[string]string{
	"accessory":  "精品提成",
	"hours":      "工时奖金",
	"wash":       "洗车计件",
	"insurance":  "保险提成",
	"renewal":    "续保提成",
	"adjustment": "调整",
}
