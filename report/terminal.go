package report

import (
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/shopspring/decimal"

	"payout/calc"
	"payout/plan"
)

// SchemeLabel is the Chinese label of a line's scheme: a pool's first Chinese name, or an individual
// scheme's label.
func SchemeLabel(p *plan.Plan, scheme string) string { return p.LineLabel(scheme) }

// RoleLabel is the Chinese label of a role.
func RoleLabel(p *plan.Plan, role string) string {
	if n, ok := p.Role(role); ok {
		return n.Label()
	}
	return role
}

// NewTable is a terminal table with the settings every table of the tool uses.
func NewTable(w io.Writer) *tablewriter.Table { return newTable(w) }

func newTable(w io.Writer) *tablewriter.Table {
	return tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off), // CJK stays 2 columns wide; box-drawing characters stay 1
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignment(tw.AlignRight),
		tablewriter.WithHeaderAlignment(tw.AlignCenter),
	)
}

func m2(d decimal.Decimal) string { return d.StringFixed(2) }

// WriteResultTable prints every employee (role, base, each scheme's net, deductions, fund, total), then the
// pools and the totals. Only the schemes that occur this month get a column.
func WriteResultTable(w io.Writer, r *calc.Result, p *plan.Plan) error {
	schemes := usedSchemes(r, p)
	header := []string{LabelID, LabelName, LabelRole, LabelBase}
	for _, s := range schemes {
		header = append(header, SchemeLabel(p, s))
	}
	header = append(header, LabelDeduction, LabelFund, LabelTotal)
	t := newTable(w)
	t.Header(header)
	sums := make([]decimal.Decimal, len(schemes))
	var base, ded, fund, total decimal.Decimal
	for _, e := range r.Employees {
		role := RoleLabel(p, e.Role)
		if e.Probation {
			role += "(" + LabelProbation + ")"
		}
		row := []string{e.ID, e.Name, role, m2(e.BaseSalary)}
		nets := map[string]decimal.Decimal{}
		has := map[string]bool{}
		for _, l := range e.Lines {
			nets[l.Scheme], has[l.Scheme] = l.Net, true
		}
		for i, s := range schemes {
			if has[s] {
				row = append(row, m2(nets[s]))
				sums[i] = sums[i].Add(nets[s])
			} else {
				row = append(row, "")
			}
		}
		row = append(row, m2(e.Deduction), m2(e.Fund), m2(e.Total))
		base, ded, fund, total = base.Add(e.BaseSalary), ded.Add(e.Deduction), fund.Add(e.Fund), total.Add(e.Total)
		if err := t.Append(row); err != nil {
			return err
		}
	}
	foot := []string{LabelSumRow, "", "", m2(base)}
	for _, s := range sums {
		foot = append(foot, m2(s))
	}
	foot = append(foot, m2(ded), m2(fund), m2(total))
	t.Footer(foot)
	if err := t.Render(); err != nil {
		return err
	}

	fmt.Fprintln(w)
	return WritePoolsTable(w, r)
}

// WritePoolsTable prints the pools and the totals.
// A month without pools (a plan that has none) prints only the totals.
func WritePoolsTable(w io.Writer, r *calc.Result) error {
	if len(r.Pools) > 0 {
		pt := newTable(w)
		pt.Header([]string{LabelPool, LabelAmount, LabelMembers, LabelCoefSum})
		for _, pl := range r.Pools {
			if err := pt.Append([]string{pl.Label + " (" + pl.Name + ")", m2(pl.Amount), fmt.Sprint(len(pl.Members)), pl.CoefSum.String()}); err != nil {
				return err
			}
		}
		if err := pt.Render(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s: %s\n%s: %s\n", LabelFundTotal, m2(r.FundTotal), LabelPayoutTotal, m2(r.PayoutTotal))
	return nil
}

// WriteFundTable prints the after-sales fund ledger.
func WriteFundTable(w io.Writer, rows []FundRow) error {
	t := newTable(w)
	t.Header([]string{LabelMonth, LabelFundOpening, LabelFundInflow, LabelFundSpent, LabelFundClosing, LabelClosedMonth, LabelNote})
	for _, r := range rows {
		closed := ""
		if r.Closed {
			closed = LabelYes
		}
		in, spent := m2(r.Inflow), m2(r.Spent)
		if r.Missing && r.Inflow.IsZero() && r.Spent.IsZero() {
			in, spent = "—", "—" // nothing is known of a month without a result
		}
		if err := t.Append([]string{r.Month, m2(r.Opening), in, spent, m2(r.Closing), closed, r.Note}); err != nil {
			return err
		}
	}
	return t.Render()
}

// usedSchemes are the schemes that have a line this month, in the plan's line order: the columns of the
// employee tables.
func usedSchemes(r *calc.Result, p *plan.Plan) []string {
	used := map[string]bool{}
	for _, e := range r.Employees {
		for _, l := range e.Lines {
			used[l.Scheme] = true
		}
	}
	var schemes []string
	for _, s := range p.LineOrder() {
		if used[s] {
			schemes = append(schemes, s)
		}
	}
	return schemes
}
