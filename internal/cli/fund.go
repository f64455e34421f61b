package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"payout/internal/msg"
	"payout/ledger"
	"payout/model"
	"payout/report"
)

// FundOptions are the flags of `payout fund`.
type FundOptions struct {
	Through string
	Out     string
	Format  string
}

func newFundCmd(io *IO) *cobra.Command {
	o := &FundOptions{}
	c := &cobra.Command{
		Use:   "fund [--through YYYY-MM] [--out DIR]",
		Short: "Print the after-sales fund ledger: opening, inflow, spending and closing balance per month",
		Long: `fund prints the after-sales fund (售后基金) ledger 〔十二.2, 十二.5〕 over the computed months under the output
root (default out/): each month's fund withheld from commissions is an inflow, its fund_spending table
(售后基金支出) the spending. The ledger starts at 0.00, or at the balance recorded with payout fund opening.
A month missing between computed ones is shown as 未计算 (its inflow and spending are unknown). Spending
beyond the balance is an error. Month folders linked from the root (symbolic links) count. A closed month
counts only as it was closed: the output root's record of closed months (closures.jsonl) must check.

Exit codes: 0 printed; 1 the fund is overdrawn in some month, a month's files cannot be read, or a closed
month was changed after it was closed; 2 usage error.`,
		Example: "  payout fund --through 2026-12",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runFund(io, o) },
	}
	c.Flags().StringVar(&o.Through, "through", "", "last month to show, YYYY-MM (default: all)")
	c.Flags().StringVar(&o.Out, "out", "out", "output root holding the months' folders")
	c.Flags().StringVar(&o.Format, "format", "table", "output format: table or json")
	c.AddCommand(newFundOpeningCmd(io))
	return c
}

func runFund(io *IO, o *FundOptions) error {
	if err := checkFormat(o.Format, "table", "json"); err != nil {
		return err
	}
	if o.Through != "" {
		if _, err := parseMonthFlag("through", o.Through); err != nil {
			return err
		}
	}
	if st, err := os.Stat(o.Out); err != nil || !st.IsDir() {
		return usageErr(msg.CLINoOutRoot, o.Out)
	}
	rows, err := ledger.Fund(o.Out, o.Through)
	var over *ledger.OverdrawnError
	if err != nil && !errors.As(err, &over) {
		io.JSON = o.Format == "json"
		return historyErr(io, err) // a result.json or fund-opening.json that cannot be read, a closed month changed
	}
	if o.Format == "json" {
		if e := writeJSON(io, rows); e != nil {
			return e
		}
	} else {
		if len(rows) == 0 {
			fmt.Fprintf(io.Out, msg.LedgerNoMonths+"\n", o.Out)
			return nil
		}
		if e := report.WriteFundTable(io.Out, rows); e != nil {
			return e
		}
		for _, r := range rows {
			if r.Missing {
				fmt.Fprintf(io.Out, "warning: "+msg.LedgerFundMissingMonth+"\n", r.Month, o.Out)
			}
		}
	}
	if err != nil {
		if o.Format != "json" {
			fmt.Fprintln(io.Out, "error:", err)
		} else {
			fmt.Fprintln(io.Err, "error:", err)
		}
		return errInputReported
	}
	return nil
}

// amountText is an amount as a clerk types it: whole fen, not negative, no exponent, thousands separated
// by commas or not at all (8240.50, 8,240.50).
var amountText = regexp.MustCompile(`^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]{1,2})?$`)

// FundOpeningOptions are the flags of `payout fund opening`.
type FundOpeningOptions struct {
	Month   string
	Balance string
	By      string
	Out     string
	In      string
	Replace bool
}

func newFundOpeningCmd(io *IO) *cobra.Command {
	o := &FundOpeningOptions{}
	c := &cobra.Command{
		Use:   "opening --month YYYY-MM --balance AMOUNT --by ID [--out DIR]",
		Short: "Record the fund's balance from before payout (the opening balance of the ledger's first month)",
		Long: `opening records, once, the after-sales fund's balance at the start of the first month payout computes
(the fund a store already had before it used payout). It is kept in <out>/fund-opening.json; the ledger and
the overdraft check of compute start from it, and months before it are left out of the ledger. It can be
replaced (--replace) only while no month from it on is closed. --by must be an employee of the month: of its
result.json (<out>/<month>) when it is computed, else of the roster of its input folder (--in, default
data/<month>).

Exit codes: 0 recorded; 1 cannot be recorded (already recorded, a month from it on is closed, another command
holds the output root); 2 usage error (--by not an employee of the month).`,
		Example: "  payout fund opening --month 2026-10 --balance 8240.50 --by 1001",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Month == "" || o.Balance == "" || o.By == "" {
				return usageErr(msg.LedgerOpeningFlags)
			}
			m, err := parseMonth(o.Month)
			if err != nil {
				return err
			}
			if !amountText.MatchString(o.Balance) {
				return usageErr(msg.LedgerBadOpening, o.Balance)
			}
			bal := decimal.RequireFromString(strings.ReplaceAll(o.Balance, ",", ""))
			if err := checkRecorder(io, o, m); err != nil {
				return err
			}
			lk, err := lockRoot(o.Out, "payout fund opening --month "+m.String())
			if err != nil {
				return err
			}
			defer lk.Release()
			if err := ledger.SetFundOpening(o.Out, m.String(), bal, o.By, o.Replace, now()); err != nil {
				return historyErr(io, err)
			}
			fmt.Fprintf(io.Out, msg.LedgerOpeningRecorded+"\n", m, bal.StringFixed(2), o.By, filepath.Join(o.Out, ledger.FundOpeningFile))
			if dir := filepath.Join(o.Out, m.String()); isOutputFolder(dir) {
				fmt.Fprintf(io.Out, msg.LedgerOpeningRecompute+"\n", dir)
			}
			return nil
		},
	}
	c.Flags().StringVar(&o.Month, "month", "", "the first month of the ledger, YYYY-MM (required)")
	c.Flags().StringVar(&o.Balance, "balance", "", "the fund's balance at the start of that month (required)")
	c.Flags().StringVar(&o.By, "by", "", "id of who records it (required)")
	c.Flags().StringVar(&o.Out, "out", "out", "output root holding the months' folders")
	c.Flags().StringVar(&o.In, "in", "", "the month's input folder, whose roster --by is checked against when the month is not computed (default data/<month>)")
	c.Flags().BoolVar(&o.Replace, "replace", false, "replace a recorded opening balance (only while no month from it on is closed)")
	return c
}

// checkRecorder refuses a --by that is not an employee of the month: of its result.json when the month is
// computed under the output root, else of the roster of its input folder.
func checkRecorder(io *IO, o *FundOpeningOptions, m model.Month) error {
	if dir := filepath.Join(o.Out, m.String()); isOutputFolder(dir) {
		doc, err := ledger.ReadResult(dir)
		if err != nil {
			return historyErr(io, err)
		}
		if ledger.OnRoster(doc, o.By) {
			return nil
		}
		return usageErr(msg.LedgerByUnknown, "--by", o.By, m, filepath.Join(dir, report.ResultFile))
	}
	in := o.In
	if in == "" {
		in = filepath.Join("data", m.String())
	}
	if st, err := os.Stat(in); err != nil || !st.IsDir() {
		return usageErr(msg.LedgerByUnchecked, o.By, m, filepath.Join(o.Out, m.String(), report.ResultFile), in)
	}
	_, data, _, err := readMonth(io, m.String(), in, "")
	if err != nil {
		return err
	}
	for _, e := range data.Employees {
		if e.ID == o.By {
			return nil
		}
	}
	return usageErr(msg.LedgerByUnknown, "--by", o.By, m, in)
}
