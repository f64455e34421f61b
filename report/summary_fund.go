package report

import "github.com/shopspring/decimal"

// writeFund writes 售后基金: each employee's fund (those with one) and the total; then, where there is
// one, the fund ledger through this month.
func writeFund(b *book, in SummaryInput) error {
	s := b.addSheet(SheetFund)
	s.header(LabelID, LabelName, LabelFund)
	for _, e := range in.Result.Employees {
		if e.Fund.IsZero() {
			continue
		}
		s.texts(1, e.ID, e.Name)
		s.moneys(3, e.Fund)
		s.next()
	}
	s.totals(LabelFundTotal, 3, in.Result.FundTotal)
	if len(in.FundLedger) > 0 {
		s.next()
		s.header(LabelMonth, LabelFundOpening, LabelFundInflow, LabelFundSpent, LabelFundClosing, LabelNote)
		for _, f := range in.FundLedger {
			fundLedgerRow(s, f)
		}
	}
	s.widths(12, 16, 14, 14, 14, 30)
	return s.err
}

// fundLedgerRow writes one month of the fund ledger; a month without a result leaves its unknown inflow
// and spending empty.
func fundLedgerRow(s *sheetWriter, f FundRow) {
	s.texts(1, f.Month)
	for j, v := range []decimal.Decimal{f.Opening, f.Inflow, f.Spent, f.Closing} {
		if f.Missing && (j == 1 || j == 2) && v.IsZero() {
			continue // nothing is known of a month without a result
		}
		s.moneys(j+2, v)
	}
	s.texts(6, f.Note)
	s.next()
}
