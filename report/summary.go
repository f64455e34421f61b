package report

import (
	"encoding/json"
	"fmt"
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
	r, p := in.Result, in.Plan.Plan
	if err := b.f.SetSheetName("Sheet1", SheetEmployees); err != nil {
		return err
	}

	// Employees: one row each, one column per scheme that occurs, totals row.
	schemes := usedSchemes(r, p)
	sh := SheetEmployees
	head := []string{LabelID, LabelName, LabelRole, LabelDepartment, LabelProbation, LabelBase}
	for _, s := range schemes {
		head = append(head, SchemeLabel(p, s))
	}
	head = append(head, LabelGross, LabelDeduction, LabelFund, LabelNetCommission, LabelTotal)
	if err := b.headerRow(sh, 1, head...); err != nil {
		return err
	}
	sums := make([]decimal.Decimal, len(head))
	names := []string{}
	for i, e := range r.Employees {
		row := i + 2
		prob := LabelNo
		if e.Probation {
			prob = LabelYes
		}
		names = append(names, e.Name)
		for j, t := range []string{e.ID, e.Name, RoleLabel(p, e.Role), e.Department, prob} {
			if err := b.str(sh, j+1, row, t, b.text); err != nil {
				return err
			}
		}
		vals := []decimal.Decimal{e.BaseSalary}
		nets := map[string]decimal.Decimal{}
		for _, l := range e.Lines {
			nets[l.Scheme] = l.Net
		}
		for _, s := range schemes {
			vals = append(vals, nets[s])
		}
		vals = append(vals, e.Gross, e.Deduction, e.Fund, e.NetCommission, e.Total)
		for j, v := range vals {
			col := 6 + j
			sums[col-1] = sums[col-1].Add(v)
			if err := b.money(sh, col, row, v); err != nil {
				return err
			}
		}
	}
	tot := len(r.Employees) + 2
	if err := b.str(sh, 1, tot, LabelSumRow, b.sumText); err != nil {
		return err
	}
	for col := 2; col <= 5; col++ {
		if err := b.str(sh, col, tot, "", b.sumText); err != nil {
			return err
		}
	}
	for col := 6; col <= len(head); col++ {
		if err := b.num(sh, col, tot, sums[col-1], 2, b.sumMoney); err != nil {
			return err
		}
	}
	ws := []float64{10, fitWidth(8, 20, names...), 16, 10, 8, 12}
	for _, h := range head[6:] {
		ws = append(ws, fitWidth(12, 18, h))
	}
	if err := b.widths(sh, ws...); err != nil {
		return err
	}
	if err := b.f.SetPanes(sh, &paneTopRow); err != nil {
		return err
	}
	if err := b.a4(sh, true); err != nil {
		return err
	}

	// Pools.
	sh = SheetPools
	if _, err := b.f.NewSheet(sh); err != nil {
		return err
	}
	row := 1
	if err := b.headerRow(sh, row, LabelPool, LabelTerm, LabelValue, LabelRate, LabelAchievementCol, LabelExact, LabelAmount); err != nil {
		return err
	}
	row++
	for _, pl := range r.Pools {
		if err := b.str(sh, 1, row, pl.Label+" ("+pl.Name+")", b.bold); err != nil {
			return err
		}
		if err := b.num(sh, 6, row, pl.Exact, -1, b.text); err != nil {
			return err
		}
		if err := b.num(sh, 7, row, pl.Amount, 2, b.boldMoney); err != nil {
			return err
		}
		row++
		for _, t := range pl.Terms {
			ach := ""
			for _, a := range t.Achievements {
				ach += fmt.Sprintf("%s %s ", FigureLabel(p, a.Metric), pctText(a.Rate))
			}
			cells := []struct {
				col int
				s   string
			}{{2, FigureLabel(p, t.Figure)}, {5, ach}}
			for _, c := range cells {
				if err := b.str(sh, c.col, row, c.s, b.text); err != nil {
					return err
				}
			}
			if err := b.num(sh, 3, row, t.Value, -1, b.text); err != nil {
				return err
			}
			if err := b.num(sh, 4, row, t.Rate, -1, b.text); err != nil {
				return err
			}
			if err := b.num(sh, 6, row, t.Exact, -1, b.text); err != nil {
				return err
			}
			row++
		}
		if !pl.FromRows.IsZero() {
			if err := b.str(sh, 2, row, SchemeLabel(p, plan.LineAccessory), b.text); err != nil {
				return err
			}
			if err := b.num(sh, 6, row, pl.FromRows, -1, b.text); err != nil {
				return err
			}
			row++
		}
		for _, m := range pl.Members {
			e := r.Employee(m.EmployeeID)
			note := fmt.Sprintf("%s %s / %s", LabelCoefficient, m.Coefficient, pl.CoefSum)
			if m.ExtraCent {
				note += "; " + LabelExtraCent
			}
			if m.Adjusted {
				note += "; " + LabelAdjusted
			}
			if err := b.str(sh, 2, row, m.EmployeeID+" "+e.Name, b.text); err != nil {
				return err
			}
			if err := b.str(sh, 5, row, note, b.text); err != nil {
				return err
			}
			if err := b.num(sh, 6, row, m.Exact, -1, b.text); err != nil {
				return err
			}
			if err := b.money(sh, 7, row, m.Amount); err != nil {
				return err
			}
			row++
		}
		row++
	}
	if err := b.widths(sh, 26, 24, 16, 10, 34, 22, 14); err != nil {
		return err
	}

	// Figures and achievement rates.
	sh = SheetFigures
	if _, err := b.f.NewSheet(sh); err != nil {
		return err
	}
	if err := b.headerRow(sh, 1, LabelFigure, LabelValue); err != nil {
		return err
	}
	row = 2
	for _, f := range r.Figures {
		if err := b.str(sh, 1, row, FigureLabel(p, f.Name)+" ("+f.Name+")", b.text); err != nil {
			return err
		}
		if err := b.num(sh, 2, row, f.Value, -1, b.text); err != nil {
			return err
		}
		row++
	}
	row++
	if err := b.headerRow(sh, row, LabelFigure, LabelScope, LabelActual, LabelTarget, LabelAchievementCol); err != nil {
		return err
	}
	row++
	for _, a := range r.Achievements {
		for j, s := range []string{FigureLabel(p, a.Metric), a.Scope} {
			if err := b.str(sh, j+1, row, s, b.text); err != nil {
				return err
			}
		}
		if err := b.num(sh, 3, row, a.Actual, -1, b.text); err != nil {
			return err
		}
		if err := b.num(sh, 4, row, a.Target, -1, b.text); err != nil {
			return err
		}
		if err := b.num(sh, 5, row, a.Rate, -1, b.percent); err != nil {
			return err
		}
		row++
	}
	if err := b.widths(sh, 34, 18, 18, 18, 14); err != nil {
		return err
	}

	// Fund.
	sh = SheetFund
	if _, err := b.f.NewSheet(sh); err != nil {
		return err
	}
	if err := b.headerRow(sh, 1, LabelID, LabelName, LabelFund); err != nil {
		return err
	}
	row = 2
	for _, e := range r.Employees {
		if e.Fund.IsZero() {
			continue
		}
		if err := b.str(sh, 1, row, e.ID, b.text); err != nil {
			return err
		}
		if err := b.str(sh, 2, row, e.Name, b.text); err != nil {
			return err
		}
		if err := b.money(sh, 3, row, e.Fund); err != nil {
			return err
		}
		row++
	}
	if err := b.str(sh, 1, row, LabelFundTotal, b.sumText); err != nil {
		return err
	}
	if err := b.str(sh, 2, row, "", b.sumText); err != nil {
		return err
	}
	if err := b.num(sh, 3, row, r.FundTotal, 2, b.sumMoney); err != nil {
		return err
	}
	if len(in.FundLedger) > 0 {
		row += 2
		if err := b.headerRow(sh, row, LabelMonth, LabelFundOpening, LabelFundInflow, LabelFundSpent, LabelFundClosing, LabelNote); err != nil {
			return err
		}
		for _, f := range in.FundLedger {
			row++
			if err := b.str(sh, 1, row, f.Month, b.text); err != nil {
				return err
			}
			for j, v := range []decimal.Decimal{f.Opening, f.Inflow, f.Spent, f.Closing} {
				if f.Missing && (j == 1 || j == 2) && v.IsZero() {
					continue // nothing is known of a month without a result
				}
				if err := b.money(sh, j+2, row, v); err != nil {
					return err
				}
			}
			if err := b.str(sh, 6, row, f.Note, b.text); err != nil {
				return err
			}
		}
	}
	if err := b.widths(sh, 12, 16, 14, 14, 14, 30); err != nil {
		return err
	}

	// Warnings.
	sh = SheetWarnings
	if _, err := b.f.NewSheet(sh); err != nil {
		return err
	}
	if err := b.headerRow(sh, 1, LabelWarnings); err != nil {
		return err
	}
	for i, wmsg := range in.Warnings {
		if err := b.str(sh, 1, i+2, wmsg, b.wrap); err != nil {
			return err
		}
	}
	if err := b.widths(sh, 120); err != nil {
		return err
	}

	// Input files.
	sh = SheetInputs
	if _, err := b.f.NewSheet(sh); err != nil {
		return err
	}
	if err := b.headerRow(sh, 1, LabelTable, LabelFile, LabelSheet, LabelRowsUsed, LabelRowsOutside); err != nil {
		return err
	}
	row = 2
	for _, t := range in.Data.Tables {
		file := t.File
		if t.Missing {
			file = LabelMissing
		}
		for j, s := range []string{t.Table, file, t.Sheet} {
			if err := b.str(sh, j+1, row, s, b.text); err != nil {
				return err
			}
		}
		if err := b.num(sh, 4, row, decimal.NewFromInt(int64(t.Rows-t.OutsideMonth)), 0, b.text); err != nil {
			return err
		}
		if err := b.num(sh, 5, row, decimal.NewFromInt(int64(t.OutsideMonth)), 0, b.text); err != nil {
			return err
		}
		row++
	}
	row++
	if err := b.headerRow(sh, row, LabelFile, LabelSHA256, LabelSize); err != nil {
		return err
	}
	row++
	files := append([]model.InputFile{{Name: LabelPlan + ": " + in.Plan.Source, SHA256: in.Plan.SHA256, Size: int64(len(in.Plan.Text))}}, in.Data.Files...)
	for _, f := range files {
		if err := b.str(sh, 1, row, f.Name, b.text); err != nil {
			return err
		}
		if err := b.str(sh, 2, row, f.SHA256, b.text); err != nil {
			return err
		}
		if err := b.num(sh, 3, row, decimal.NewFromInt(f.Size), 0, b.text); err != nil {
			return err
		}
		row++
	}
	if err := b.widths(sh, 24, 70, 16, 12, 12); err != nil {
		return err
	}
	return b.write(w)
}
