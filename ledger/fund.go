package ledger

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/report"
)

// FundMonth is one month of the after-sales fund ledger 〔十二.2, 十二.5〕: the fund withheld from the month's
// commissions flows in, the month's fund_spending flows out.
type FundMonth = report.FundRow

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
		if !e.IsDir() || !monthDir.MatchString(e.Name()) {
			continue
		}
		if _, err := model.ParseMonth(e.Name()); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, e.Name(), "result.json")); err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// Fund builds the ledger of the computed months under root, through the month `through` ("" = all).
// Spending beyond the balance is an error.
func Fund(root, through string) ([]FundMonth, error) {
	months, err := Months(root)
	if err != nil {
		return nil, err
	}
	var out []FundMonth
	balance := decimal.Zero
	for _, m := range months {
		if through != "" && m > through {
			break
		}
		doc, err := ReadResult(filepath.Join(root, m))
		if err != nil {
			return nil, err
		}
		fm, err := Step(m, balance, doc.FundTotal, doc.FundSpent)
		if err != nil {
			return out, err
		}
		c, err := ReadClosure(filepath.Join(root, m))
		if err != nil {
			return nil, err
		}
		fm.Closed = c != nil
		out = append(out, fm)
		balance = fm.Closing
	}
	return out, nil
}

// Step is one month of the ledger from its opening balance, inflow and spending (amounts as in result.json);
// an overdrawn fund is an error.
func Step(month string, opening decimal.Decimal, inflow, spent string) (FundMonth, error) {
	in, err := parseAmount(inflow)
	if err != nil {
		return FundMonth{}, err
	}
	sp, err := parseAmount(spent)
	if err != nil {
		return FundMonth{}, err
	}
	fm := FundMonth{Month: month, Opening: opening, Inflow: in, Spent: sp, Closing: opening.Add(in).Sub(sp)}
	if fm.Closing.IsNegative() {
		return fm, fmt.Errorf(msg.LedgerFundOverdrawn, month, sp.StringFixed(2), opening.Add(in).StringFixed(2), opening.StringFixed(2), in.StringFixed(2))
	}
	return fm, nil
}

func parseAmount(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	return decimal.NewFromString(s)
}

// OpeningBalance is the fund's balance before month m: the closing balance of the computed months before it
// under root.
func OpeningBalance(root, m string) (decimal.Decimal, error) {
	months, err := Fund(root, "")
	if err != nil {
		return decimal.Zero, err
	}
	bal := decimal.Zero
	for _, fm := range months {
		if fm.Month >= m {
			break
		}
		bal = fm.Closing
	}
	return bal, nil
}
