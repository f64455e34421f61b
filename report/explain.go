package report

import (
	"fmt"
	"io"
	"strings"

	"payout/calc"
	"payout/plan"
)

// WriteExplain prints one employee's whole chain as a readable terminal report: the payslip's lines with
// their details and deductions, then every calculation step behind them with its sources.
func WriteExplain(w io.Writer, r *calc.Result, e *calc.EmployeeResult, p *plan.Plan) error {
	pr := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	pr("%s %s  %s  %s: %s\n", e.ID, e.Name, RoleLabel(p, e.Role), LabelMonth, r.Month)
	pr("%s: %s\n", LabelBase, e.BaseSalary.StringFixed(2))
	for _, n := range e.Notes {
		pr("%s\n", n)
	}
	for _, l := range e.Lines {
		pr("\n【%s】 (%s)\n", SchemeLabel(p, l.Scheme), l.Scheme)
		d := l.Detail
		if t := baseTitle(d); t != "" {
			pr("  %s: %s\n", t, d.Base.String())
		}
		if d.HasRate {
			pr("  %s: %s\n", LabelRate, d.Rate.String())
		}
		if d.HasTeamBonus {
			pr("  %s: %s\n", LabelTeamBonus, d.TeamBonus.StringFixed(2))
		}
		for _, a := range d.Achievements {
			pr("  "+LabelAchievement+": %s / %s = %s\n", FigureLabel(p, a.Metric), a.Actual.String(), a.Target.String(), pctText(a.Rate))
		}
		if d.HasCoef && (d.BaseLabel == "team_hours" || d.HasTeamBonus) {
			pr("  %s: %s\n", LabelApprenticeShr, d.Coefficient.String())
		} else if d.HasCoef {
			pr("  %s: %s / %s\n", LabelCoefficient, d.Coefficient.String(), d.CoefSum.String())
		}
		pr("  %s: %s\n", LabelGross, l.Gross.StringFixed(2))
		for _, dd := range l.Deductions {
			pr("  %s: -%s  %s\n", LabelDeduction, dd.Amount.StringFixed(2), dd.Reason)
		}
		if l.Scheme != plan.LineAdjustment && !l.Fund.IsZero() {
			pr("  %s: %s\n", LabelFund, l.Fund.Neg().StringFixed(2))
		}
		pr("  %s: %s\n", LabelLineNet, l.Net.StringFixed(2))
	}
	pr("\n%s: %s   %s: %s\n", LabelNetCommission, e.NetCommission.StringFixed(2), LabelTotal, e.Total.StringFixed(2))
	pr("\n%s:\n", LabelStepsSheet)
	for i, s := range r.StepsFor(e.ID) {
		var in []string
		for _, kv := range s.Inputs {
			in = append(in, kv.Name+"="+kv.Value)
		}
		pr("%3d. %s", i+1, s.Rule)
		if s.Pool != "" {
			pr(" [%s]", s.Pool)
		}
		if s.Team != "" {
			pr(" [%s]", s.Team)
		}
		pr("\n")
		if len(in) > 0 {
			pr("     %s: %s\n", LabelInputs, strings.Join(in, "; "))
		}
		pr("     %s: %s\n     %s: %s\n", LabelFormula, s.Formula, LabelResult, s.Result)
		if len(s.Sources) > 0 {
			pr("     %s: %s\n", LabelSources, SourcesText(s.Sources, 300))
		}
	}
	return nil
}
