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
