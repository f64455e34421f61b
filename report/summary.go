package report

import (
	"encoding/json"
	"io"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"payout/calc"
	"payout/model"
	"payout/plan"
)

// Summary sheet names and labels.
const (
	SheetEmployees = "员工汇总"
	SheetPools     = "奖金池"
	SheetFigures   = "指标与达成率"
	SheetFund      = "售后基金"
	SheetWarnings  = "提示"
	SheetInputs    = "输入文件"

	LabelFile        = "文件"
	LabelSheet       = "工作表"
	LabelTable       = "表"
	LabelRowsUsed    = "本月行数"
	LabelRowsOutside = "月外行数"
	LabelSHA256      = "SHA-256"
	LabelSize        = "字节"
	LabelFigure      = "指标"
	LabelActual      = "实际"
	LabelTarget      = "目标"
	LabelScope       = "范围"
	LabelTerm        = "计算项"
	LabelExact       = "精确值"
	LabelShare       = "分配金额"
	LabelPlan        = "方案"
	LabelMissing     = "缺失"
)

var paneTopRow = excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}

// FundRow is one month of the after-sales fund ledger 〔十二.2, 十二.5〕.
type FundRow struct {
	Month   string          `json:"month"`
	Opening decimal.Decimal `json:"opening"`
	Inflow  decimal.Decimal `json:"inflow"`
	Spent   decimal.Decimal `json:"spent"`
	Closing decimal.Decimal `json:"closing"`
	Closed  bool            `json:"closed"`
	// CorrectionFund is the part of Inflow that is the fund of corrections of closed months paid this month.
	CorrectionFund decimal.Decimal `json:"correction_fund"`
	// CorrectionSpent is the part of Spent that is corrected fund spending of closed months.
	CorrectionSpent decimal.Decimal `json:"correction_spent"`
	// Missing marks a month between computed ones that has no result: nothing in or out is known.
	Missing bool   `json:"missing,omitempty"`
	Note    string `json:"note,omitempty"`
}

// MarshalJSON writes the amounts as strings with exactly 2 decimals, as result.json does.
func (r FundRow) MarshalJSON() ([]byte, error) {
	type plain FundRow
	return json.Marshal(struct {
		plain
		Opening         string `json:"opening"`
		Inflow          string `json:"inflow"`
		Spent           string `json:"spent"`
		Closing         string `json:"closing"`
		CorrectionFund  string `json:"correction_fund"`
		CorrectionSpent string `json:"correction_spent"`
	}{plain(r), m2(r.Opening), m2(r.Inflow), m2(r.Spent), m2(r.Closing), m2(r.CorrectionFund), m2(r.CorrectionSpent)})
}

// SummaryInput is what the summary shows besides the result.
type SummaryInput struct {
	Result   *calc.Result
	Plan     *plan.Loaded
	Data     *model.MonthData
	Warnings []string
	Store    string
	// FundLedger is the fund's running balance through this month (empty: only this month's fund).
	FundLedger []FundRow
}

// WriteSummary writes summary.xlsx: all employees with a totals row; the pools (amount, terms, members and
// shares); figures and achievement rates; the fund; warnings; the input files with their SHA-256 and rows.
func WriteSummary(w io.Writer, in SummaryInput) error {
	b, err := newBook()
	if err != nil {
		return err
	}
	defer b.close()
	for _, write := range []func(*book, SummaryInput) error{
		writeEmployees, writePools, writeFigures, writeFund, writeWarnings, writeInputs,
	} {
		if err := write(b, in); err != nil {
			return err
		}
	}
	return b.write(w)
}

// employeeMoneyCol is the first money column of 员工汇总 (after ID, name, role, department, probation).
const employeeMoneyCol = 6

// writeEmployees writes 员工汇总: one row per employee with a money column per scheme that occurs, and a
// totals row; the header row frozen, A4 landscape.
func writeEmployees(b *book, in SummaryInput) error {
	r, p := in.Result, in.Plan.Plan
	s := b.addSheet(SheetEmployees)
	schemes := usedSchemes(r, p)
	head := []string{LabelID, LabelName, LabelRole, LabelDepartment, LabelProbation, LabelBase}
	for _, sc := range schemes {
		head = append(head, SchemeLabel(p, sc))
	}
	head = append(head, LabelGross, LabelDeduction, LabelFund, LabelNetCommission, LabelTotal)
	s.header(head...)
	sums := make([]decimal.Decimal, len(head)-employeeMoneyCol+1)
	names := []string{}
	for _, e := range r.Employees {
		names = append(names, e.Name)
		s.texts(1, e.ID, e.Name, RoleLabel(p, e.Role), e.Department, yesNo(e.Probation))
		for j, v := range employeeAmounts(e, schemes) {
			sums[j] = sums[j].Add(v)
			s.moneys(employeeMoneyCol+j, v)
		}
		s.next()
	}
	s.totals(LabelSumRow, employeeMoneyCol, sums...)
	ws := []float64{10, fitWidth(8, 20, names...), 16, 10, 8, 12}
	for _, h := range head[employeeMoneyCol:] {
		ws = append(ws, fitWidth(12, 18, h))
	}
	s.widths(ws...)
	s.do(func() error { return b.f.SetPanes(s.sh, &paneTopRow) })
	s.do(func() error { return b.a4(s.sh, true) })
	return s.err
}

// employeeAmounts is an employee's money columns: base salary, the net of each scheme (zero where the
// employee has no line of it), gross, deductions, fund, net commission and total.
func employeeAmounts(e calc.EmployeeResult, schemes []string) []decimal.Decimal {
	nets := map[string]decimal.Decimal{}
	for _, l := range e.Lines {
		nets[l.Scheme] = l.Net
	}
	vals := []decimal.Decimal{e.BaseSalary}
	for _, s := range schemes {
		vals = append(vals, nets[s])
	}
	return append(vals, e.Gross, e.Deduction, e.Fund, e.NetCommission, e.Total)
}

// yesNo is 是 or 否.
func yesNo(v bool) string {
	if v {
		return LabelYes
	}
	return LabelNo
}
