package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"payout/calc"
	"payout/plan"
)

// FigureLabel is the Chinese label of a figure or metric.
func FigureLabel(p *plan.Plan, name string) string {
	if m := p.Metric(name); m != nil {
		return m.Named().Label()
	}
	if l, ok := figureLabels[name]; ok {
		return l
	}
	return name
}

// pctText prints a rate as a percentage with 4 decimals (1.023457 → 102.3457%).
func pctText(d decimal.Decimal) string { return d.Shift(2).StringFixed(4) + "%" }

// WritePayslip writes one employee's payslip: a sheet a person can read and check (header, base salary, a
// block per scheme with its base figure, rate, achievement rates, coefficient and share, gross, each
// deduction with its reason, fund and net; the totals), and a sheet with the calculation steps behind it
// and their source rows.
func WritePayslip(w io.Writer, r *calc.Result, e *calc.EmployeeResult, p *plan.Plan, store string) error {
	return writePayslip(w, r, e, p, store, newSourceTexts(r, payslipSourcesMax))
}

// payslipSourcesMax is how many characters of source rows a step shows on a payslip.
const payslipSourcesMax = 300

func writePayslip(w io.Writer, r *calc.Result, e *calc.EmployeeResult, p *plan.Plan, store string, texts *sourceTexts) error {
	b, err := newBook()
	if err != nil {
		return err
	}
	defer b.close()
	sh := LabelPayslipSheet
	if err := b.f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	title := LabelPayslipTitle
	if store != "" {
		title = store + " " + title
	}
	row := 1
	if err := b.str(sh, 1, row, title, b.title); err != nil {
		return err
	}
	if err := b.merge(sh, 1, 1, 3, 1); err != nil {
		return err
	}
	probation := LabelNo
	if e.Probation {
		probation = LabelYes
	}
	head := [][2]string{
		{LabelMonth, r.Month}, {LabelID, e.ID}, {LabelName, e.Name},
		{LabelRole, RoleLabel(p, e.Role)}, {LabelDepartment, e.Department}, {LabelProbation, probation},
	}
	row = 2
	for _, h := range head {
		if err := b.str(sh, 1, row, h[0], b.bold); err != nil {
			return err
		}
		if err := b.str(sh, 2, row, h[1], b.text); err != nil {
			return err
		}
		row++
	}
	row++
	if err := b.headerRow(sh, row, LabelItem, LabelValue, LabelNote); err != nil {
		return err
	}
	row++
	put := func(label string, v *decimal.Decimal, places int32, style int, note string) error {
		if err := b.str(sh, 1, row, label, b.text); err != nil {
			return err
		}
		if v != nil {
			if err := b.num(sh, 2, row, *v, places, style); err != nil {
				return err
			}
		}
		if note != "" {
			if err := b.str(sh, 3, row, note, b.wrap); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	bold := func(label string, v decimal.Decimal, note string) error {
		if err := b.str(sh, 1, row, label, b.sumText); err != nil {
			return err
		}
		if err := b.num(sh, 2, row, v, 2, b.sumMoney); err != nil {
			return err
		}
		if err := b.str(sh, 3, row, note, b.sumText); err != nil {
			return err
		}
		row++
		return nil
	}
	base := e.BaseSalary
	if err := bold(LabelBase, base, ""); err != nil {
		return err
	}
	fundRate := pctText(p.Fund.Rate.Decimal)
	fundRate = strings.TrimRight(strings.TrimRight(fundRate[:len(fundRate)-1], "0"), ".") + "%"
	for _, l := range e.Lines {
		row++
		if err := b.str(sh, 1, row, "【"+SchemeLabel(p, l.Scheme)+"】", b.bold); err != nil {
			return err
		}
		row++
		d := l.Detail
		if bl := baseTitle(d); bl != "" {
			places := int32(2)
			if d.BaseLabel == "team_hours" || d.BaseLabel == "wash_count" || (d.BaseTitle != "" && !d.BaseMoney) {
				places = -1 // a count, hours or a base of the plan's: as it is
			}
			v := d.Base
			if err := put(bl, &v, places, b.moneyOrNumber(places), ""); err != nil {
				return err
			}
		}
		if d.HasRate {
			v := d.Rate
			if err := put(LabelRate, &v, -1, b.number, ""); err != nil {
				return err
			}
		}
		if d.HasTeamBonus {
			v := d.TeamBonus
			if err := put(LabelTeamBonus, &v, 2, b.moneyS, ""); err != nil {
				return err
			}
		}
		for _, a := range d.Achievements {
			v := a.Rate
			note := fmt.Sprintf("%s / %s", a.Actual.String(), a.Target.String())
			if err := put(fmt.Sprintf(LabelAchievement, FigureLabel(p, a.Metric)), &v, -1, b.percent, note+" = "+pctText(a.Rate)); err != nil {
				return err
			}
		}
		if d.HasCoef {
			v := d.Coefficient
			label := LabelCoefficient
			note := ""
			if d.BaseLabel == "team_hours" || d.HasTeamBonus {
				label = LabelApprenticeShr
			} else {
				note = fmt.Sprintf(LabelShareOf, d.Coefficient.String(), d.CoefSum.String())
				pool := l.Scheme
				if d.Pool != "" {
					pool = d.Pool
				}
				if pr := r.Pool(pool); pr != nil {
					for _, m := range pr.Members {
						if m.EmployeeID == e.ID {
							if m.ExtraCent {
								note += "; " + LabelExtraCent
							}
							if m.Adjusted {
								note += "; " + LabelAdjusted
							}
						}
					}
				}
			}
			if err := put(label, &v, -1, b.number, note); err != nil {
				return err
			}
		}
		g := l.Gross
		if err := put(LabelGross, &g, 2, b.moneyS, d.Note); err != nil {
			return err
		}
		for _, dd := range l.Deductions {
			v := dd.Amount.Neg()
			if err := put(LabelDeduction, &v, 2, b.moneyS, dd.Reason); err != nil {
				return err
			}
		}
		if l.Scheme != plan.LineAdjustment && (!p.Fund.Rate.IsZero() || !l.Fund.IsZero()) {
			f := l.Fund.Neg()
			if err := put(fmt.Sprintf(LabelFundLine, fundRate), &f, 2, b.moneyS, ""); err != nil {
				return err
			}
		}
		if err := bold(LabelLineNet, l.Net, ""); err != nil {
			return err
		}
	}
	row++
	if err := bold(LabelNetCommission, e.NetCommission, ""); err != nil {
		return err
	}
	if err := bold(LabelTotal, e.Total, fmt.Sprintf("%s %s + %s %s", LabelBase, base.StringFixed(2), LabelNetCommission, e.NetCommission.StringFixed(2))); err != nil {
		return err
	}
	for _, n := range e.Notes {
		row++
		if err := b.str(sh, 1, row, n, b.wrap); err != nil {
			return err
		}
		if err := b.merge(sh, 1, row, 3, row); err != nil {
			return err
		}
	}
	if err := b.widths(sh, 30, 16, 44); err != nil {
		return err
	}
	if err := b.a4(sh, false); err != nil {
		return err
	}
	if err := writeSteps(b, r, r.StepIndexesFor(e.ID), texts); err != nil {
		return err
	}
	return b.write(w)
}

func (b *book) moneyOrNumber(places int32) int {
	if places == 2 {
		return b.moneyS
	}
	return b.number
}

// writeSteps writes the calculation steps sheet.
func writeSteps(b *book, r *calc.Result, steps []int, texts *sourceTexts) error {
	sh := LabelStepsSheet
	if _, err := b.f.NewSheet(sh); err != nil {
		return err
	}
	if err := b.headerRow(sh, 1, LabelSeq, LabelRule, LabelInputs, LabelFormula, LabelResult, LabelSources); err != nil {
		return err
	}
	widths := []float64{6, 22, 36, 48, 14, 48}
	for i, si := range steps {
		s := r.Steps[si]
		row := i + 2
		var in []string
		for _, kv := range s.Inputs {
			in = append(in, kv.Name+"="+kv.Value)
		}
		cells := []string{fmt.Sprint(i + 1), s.Rule, strings.Join(in, "; "), s.Formula, s.Result, texts.get(si)}
		for j, c := range cells {
			if err := b.str(sh, j+1, row, c, b.wrap); err != nil {
				return err
			}
		}
		if err := b.fitRow(sh, row, widths, cells); err != nil {
			return err
		}
	}
	if err := b.widths(sh, widths...); err != nil {
		return err
	}
	return b.a4(sh, true)
}
