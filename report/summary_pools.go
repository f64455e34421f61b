package report

import (
	"fmt"

	"payout/calc"
	"payout/plan"
)

// writePools writes 奖金池: per pool its exact value and amount, its terms, the part from accessory rows
// and its members with their shares; a blank row after each pool.
func writePools(b *book, in SummaryInput) error {
	s := b.addSheet(SheetPools)
	s.header(LabelPool, LabelTerm, LabelValue, LabelRate, LabelAchievementCol, LabelExact, LabelAmount)
	for _, pl := range in.Result.Pools {
		poolRows(s, in.Result, in.Plan.Plan, pl)
		s.next()
	}
	s.widths(26, 24, 16, 10, 34, 22, 14)
	return s.err
}

// poolRows writes one pool's rows.
func poolRows(s *sheetWriter, r *calc.Result, p *plan.Plan, pl calc.PoolResult) {
	s.str(1, pl.Label+" ("+pl.Name+")", s.b.bold)
	s.exact(6, pl.Exact)
	s.num(7, pl.Amount, 2, s.b.boldMoney)
	s.next()
	for _, t := range pl.Terms {
		s.texts(2, FigureLabel(p, t.Figure))
		s.texts(5, achievementsText(p, t.Achievements))
		s.exact(3, t.Value, t.Rate)
		s.exact(6, t.Exact)
		s.next()
	}
	if !pl.FromRows.IsZero() {
		s.texts(2, SchemeLabel(p, plan.LineAccessory))
		s.exact(6, pl.FromRows)
		s.next()
	}
	for _, m := range pl.Members {
		s.texts(2, m.EmployeeID+" "+r.Employee(m.EmployeeID).Name)
		s.texts(5, shareNote(pl, m))
		s.exact(6, m.Exact)
		s.moneys(7, m.Amount)
		s.next()
	}
}

// achievementsText lists a term's achievement rates, e.g. `产值 102.3457% `.
func achievementsText(p *plan.Plan, as []calc.Achievement) string {
	ach := ""
	for _, a := range as {
		ach += fmt.Sprintf("%s %s ", FigureLabel(p, a.Metric), pctText(a.Rate))
	}
	return ach
}

// shareNote says how a member's share came about: coefficient over the pool's sum, the extra cent, an
// adjustment.
func shareNote(pl calc.PoolResult, m calc.Share) string {
	note := fmt.Sprintf("%s %s / %s", LabelCoefficient, m.Coefficient, pl.CoefSum)
	if m.ExtraCent {
		note += "; " + LabelExtraCent
	}
	if m.Adjusted {
		note += "; " + LabelAdjusted
	}
	return note
}

// writeFigures writes 指标与达成率: every figure with its value, then every achievement rate with its
// actual and target.
func writeFigures(b *book, in SummaryInput) error {
	p := in.Plan.Plan
	s := b.addSheet(SheetFigures)
	s.header(LabelFigure, LabelValue)
	for _, f := range in.Result.Figures {
		s.texts(1, FigureLabel(p, f.Name)+" ("+f.Name+")")
		s.exact(2, f.Value)
		s.next()
	}
	s.next()
	s.header(LabelFigure, LabelScope, LabelActual, LabelTarget, LabelAchievementCol)
	for _, a := range in.Result.Achievements {
		s.texts(1, FigureLabel(p, a.Metric), a.Scope)
		s.exact(3, a.Actual, a.Target)
		s.num(5, a.Rate, -1, b.percent)
		s.next()
	}
	s.widths(34, 18, 18, 18, 14)
	return s.err
}
