package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/report"
)

// FundMonth is one month of the after-sales fund ledger 〔十二.2, 十二.5〕: the fund withheld from the month's
// commissions flows in, the month's fund_spending flows out.
type FundMonth = report.FundRow

// FundOpeningFile, at an output root, holds the fund's balance from before payout was used (SPEC is silent
// on it; a store that adopts payout mid-year already has a fund). Without it the ledger starts at 0.00.
const FundOpeningFile = "fund-opening.json"

// FundOpening is the fund's balance at the start of a month, recorded once by payout fund opening.
type FundOpening struct {
	Month      string          `json:"month"`   // the first month of the ledger
	Balance    decimal.Decimal `json:"balance"` // its opening balance
	RecordedBy string          `json:"recorded_by"`
	RecordedAt string          `json:"recorded_at"`
}

// MarshalJSON writes the balance with exactly 2 decimals, as every amount of the output.
func (o FundOpening) MarshalJSON() ([]byte, error) {
	type plain FundOpening
	return json.Marshal(struct {
		plain
		Balance string `json:"balance"`
	}{plain(o), o.Balance.StringFixed(2)})
}

var monthDir = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)

// Months lists the computed months under an output root (folders named YYYY-MM holding result.json), in order.
func Months(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !monthDir.MatchString(e.Name()) {
			continue
		}
		if !e.IsDir() { // a link to a month's folder kept elsewhere counts as the folder
			if st, err := os.Stat(filepath.Join(root, e.Name())); err != nil || !st.IsDir() {
				continue
			}
		}
		if _, err := model.ParseMonth(e.Name()); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, e.Name(), report.ResultFile)); err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// ReadFundOpening reads the root's opening balance; nil when there is none.
func ReadFundOpening(root string) (*FundOpening, error) {
	p := filepath.Join(root, FundOpeningFile)
	var o FundOpening
	if found, err := readJSON(p, &o); !found || err != nil {
		return nil, err
	}
	if _, err := model.ParseMonth(o.Month); err != nil {
		return nil, &FileError{p, err}
	}
	return &o, nil
}

// SetFundOpening records the fund's balance at the start of month under root. The balance is whole fen and
// not negative. An opening already recorded is replaced only with replace. Neither is possible once a month
// from it on is closed: the closed months were paid with the ledger as it stood.
func SetFundOpening(root, month string, balance decimal.Decimal, by string, replace bool, now time.Time) error {
	if balance.IsNegative() || !balance.Equal(balance.Round(2)) {
		return fmt.Errorf(msg.LedgerBadOpening, balance.String())
	}
	// Which months are closed is read from the record of closed months too (a closed.json deleted by hand).
	if err := CheckHistory(root, ""); err != nil {
		return err
	}
	from := month
	if old, err := ReadFundOpening(root); err != nil {
		return err
	} else if old != nil {
		if !replace {
			return fmt.Errorf(msg.LedgerOpeningThere, filepath.Join(root, FundOpeningFile), old.Month, old.Balance.StringFixed(2), old.RecordedBy)
		}
		from = min(month, old.Month)
	}
	// The months from it on that are closed were paid with the ledger as it stood; and the opening balance is
	// the fund before payout's first month, so no computed month may come before it.
	months, err := Months(root)
	if err != nil {
		return err
	}
	if len(months) > 0 && months[0] < month {
		return fmt.Errorf(msg.LedgerOpeningAfter, month, months[0], root)
	}
	for _, m := range months {
		if m < from {
			continue
		}
		if c, err := ReadClosure(filepath.Join(root, m)); err != nil {
			return err
		} else if c != nil {
			return fmt.Errorf(msg.LedgerOpeningClosed, m)
		}
	}
	if err := os.MkdirAll(root, 0o700); err != nil {
		return err
	}
	o := FundOpening{Month: month, Balance: balance.Round(2), RecordedBy: by, RecordedAt: now.UTC().Format(time.RFC3339)}
	b, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(root, FundOpeningFile), append(b, '\n'), 0o600)
}

// Fund builds the ledger of the computed months under root, through the month `through` ("" = all). It
// starts at the recorded opening balance (or 0.00 at the first computed month); months before the opening's
// month are not in it. A month missing between two computed ones gets a row marked Missing, with nothing in
// or out, so that nobody takes the balances after it for complete. Spending beyond the balance is an error,
// returned with the rows up to and including the overdrawn month.
func Fund(root, through string) ([]FundMonth, error) {
	l, err := readLedger(root)
	if err != nil {
		return nil, err
	}
	rows, _, _, err := l.rows(through)
	return rows, l.explain(err)
}

// FundWith is the whole ledger as it would be with extra correction records (not yet written): payout
// correct checks with it that the fund is not overdrawn before it writes anything.
func FundWith(root string, extra ...CorrectionRecord) ([]FundMonth, error) {
	l, err := readLedger(root, extra...)
	if err != nil {
		return nil, err
	}
	rows, _, _, err := l.rows("")
	return rows, l.explain(err)
}

// FundThrough is the ledger of the months under root before month m (months missing up to m included as
// Missing rows) followed by m's own row, made of its fund withheld and spent (amounts as in result.json).
// When m is before the recorded opening balance's month it has no ledger: before is that opening (m was
// paid from the fund as it was before payout, which no ledger here holds).
func FundThrough(root, m, fundTotal, fundSpent string) (rows []FundMonth, before *FundOpening, err error) {
	l, err := readLedger(root)
	if err != nil {
		return nil, nil, err
	}
	if l.opening != nil && m < l.opening.Month {
		return nil, l.opening, nil
	}
	rows, balance, next, err := l.rows(prevMonth(m))
	if err != nil {
		return rows, nil, l.explain(err)
	}
	if rows, balance, err = l.gap(rows, next, m, balance); err != nil {
		return rows, nil, l.explain(err)
	}
	this, err := MonthRow(m, balance, fundTotal, fundSpent, l.flows[m])
	return append(rows, this), nil, l.explain(err)
}

// explain adds to an overdrawn fund where the ledger was read: the output root and its opening balance.
func (l *ledgerInputs) explain(err error) error {
	var over *OverdrawnError
	if errors.As(err, &over) {
		over.Root, over.Opening = l.root, l.opening
	}
	return err
}

// ledgerInputs is what the fund ledger reads from an output root, read once: the computed months, the
// recorded opening balance and the flows of the correction records (with extra ones not yet written).
type ledgerInputs struct {
	root    string
	months  []string
	opening *FundOpening
	flows   map[string]CorrectionFlow
}

func readLedger(root string, extra ...CorrectionRecord) (*ledgerInputs, error) {
	l := &ledgerInputs{root: root}
	// A closed month's figures count only as they were closed.
	if err := CheckHistory(root, ""); err != nil {
		return nil, err
	}
	var err error
	if l.months, err = Months(root); err != nil {
		return nil, err
	}
	if l.opening, err = ReadFundOpening(root); err != nil {
		return nil, err
	}
	recs, err := recordsOf(root, l.months)
	if err != nil {
		return nil, err
	}
	l.flows = flowsOf(append(recs, extra...))
	return l, nil
}

// rows is the ledger through the month `through` ("" = all), with the balance after it and the month after
// its last row ("" when it has none and no opening balance is recorded).
func (l *ledgerInputs) rows(through string) (out []FundMonth, balance decimal.Decimal, next string, err error) {
	out = []FundMonth{}
	if l.opening != nil {
		balance, next = l.opening.Balance, l.opening.Month
	}
	for _, m := range l.months {
		if through != "" && m > through {
			break
		}
		if l.opening != nil && m < l.opening.Month {
			continue
		}
		if out, balance, err = l.gap(out, next, m, balance); err != nil {
			return out, balance, next, err
		}
		dir := filepath.Join(l.root, m)
		doc, err := ReadResult(dir)
		if err != nil {
			return nil, balance, next, err
		}
		if doc.Month != m {
			return nil, balance, next, fmt.Errorf(msg.LedgerMonthMismatch, dir, doc.Month, m)
		}
		fm, err := MonthRow(m, balance, doc.FundTotal, doc.FundSpent, l.flows[m])
		if l.opening != nil && m == l.opening.Month {
			fm.Note = joinNote(fm.Note, fmt.Sprintf(report.LabelFundOpeningNote, l.opening.RecordedBy))
		}
		c, cerr := ReadClosure(dir)
		if cerr != nil {
			return nil, balance, next, cerr
		}
		fm.Closed = c != nil
		out = append(out, fm)
		if err != nil {
			return out, balance, next, err
		}
		balance, next = fm.Closing, nextMonth(m)
	}
	return out, balance, next, nil
}

// gap appends a Missing row for each month from next up to (not including) until: nothing of its own is
// known, only what corrections paid in it brought. It returns the rows and the balance after them.
func (l *ledgerInputs) gap(out []FundMonth, next, until string, balance decimal.Decimal) ([]FundMonth, decimal.Decimal, error) {
	for ; next != "" && next < until; next = nextMonth(next) {
		fm, err := MonthRow(next, balance, "0", "0", l.flows[next])
		fm.Missing = true
		fm.Note = joinNote(report.LabelFundMissing, fm.Note)
		out = append(out, fm)
		if err != nil {
			return out, balance, err
		}
		balance = fm.Closing
	}
	return out, balance, nil
}

// MonthRow is one month of the ledger: Step with what corrections of closed months paid in it bring — the
// fund withheld on corrected commissions added to the inflow, corrected fund spending to the spending — named
// in the note.
func MonthRow(month string, opening decimal.Decimal, inflow, spent string, flow CorrectionFlow) (FundMonth, error) {
	in, sp, err := parseFlows(inflow, spent)
	if err != nil {
		return FundMonth{}, err
	}
	fm, err := step(month, opening, in.Add(flow.Fund), sp.Add(flow.Spent))
	fm.CorrectionFund, fm.CorrectionSpent = flow.Fund, flow.Spent
	if !flow.Fund.IsZero() {
		fm.Note = fmt.Sprintf(report.LabelFundCorrectionNote, flow.Fund.StringFixed(2))
	}
	if !flow.Spent.IsZero() {
		fm.Note = joinNote(fm.Note, fmt.Sprintf(report.LabelFundCorrectionSpent, flow.Spent.StringFixed(2)))
	}
	return fm, err
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "; " + b
}

// Step is one month of the ledger from its opening balance, inflow and spending (amounts as in result.json);
// an overdrawn fund is an error (the month is returned all the same).
func Step(month string, opening decimal.Decimal, inflow, spent string) (FundMonth, error) {
	in, sp, err := parseFlows(inflow, spent)
	if err != nil {
		return FundMonth{}, err
	}
	return step(month, opening, in, sp)
}

// parseFlows reads a month's inflow and spending as result.json writes them ("" is 0).
func parseFlows(inflow, spent string) (in, sp decimal.Decimal, err error) {
	if in, err = parseAmount(inflow); err != nil {
		return
	}
	sp, err = parseAmount(spent)
	return
}

func step(month string, opening, in, sp decimal.Decimal) (FundMonth, error) {
	fm := FundMonth{Month: month, Opening: opening, Inflow: in, Spent: sp, Closing: opening.Add(in).Sub(sp)}
	if fm.Closing.IsNegative() {
		return fm, &OverdrawnError{Month: fm}
	}
	return fm, nil
}

// OverdrawnError is a month whose fund spending is more than the balance.
// Root is the output root whose ledger it is ("" when unknown), Opening the opening balance recorded there.
type OverdrawnError struct {
	Month   FundMonth
	Root    string
	Opening *FundOpening
}

func (e *OverdrawnError) Error() string {
	m := e.Month
	s := fmt.Sprintf(msg.LedgerFundOverdrawn, m.Month, m.Spent.StringFixed(2), m.Opening.Add(m.Inflow).StringFixed(2), m.Opening.StringFixed(2), m.Inflow.StringFixed(2))
	switch {
	case e.Root == "":
	case e.Opening != nil:
		s += " " + fmt.Sprintf(msg.LedgerFundLookedAt, e.Root, e.Opening.Month, e.Opening.Balance.StringFixed(2), filepath.Join(e.Root, FundOpeningFile))
	default:
		s += " " + fmt.Sprintf(msg.LedgerFundNoOpening, e.Root, filepath.Join(e.Root, FundOpeningFile))
	}
	return s
}

func parseAmount(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	return decimal.NewFromString(s)
}

func nextMonth(m string) string { return addMonths(m, 1) }
func prevMonth(m string) string { return addMonths(m, -1) }

func addMonths(m string, n int) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.AddDate(0, n, 0).Format("2006-01")
}
