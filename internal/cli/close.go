package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"payout/internal/msg"
	"payout/ledger"
	"payout/report"
)

// now is the clock of close, correct and fund opening (a variable for tests).
var now = time.Now

// CloseOptions are the flags of `payout close`.
type CloseOptions struct {
	Month string
	Out   string
	By    string
}

func newCloseCmd(io *IO) *cobra.Command {
	o := &CloseOptions{}
	c := &cobra.Command{
		Use:   "close --month YYYY-MM --by ID [--out DIR]",
		Short: "Mark a month's output as final after sign-off (paid history is never rewritten)",
		Long: `close marks out/<month> as final: it records who closed it and when, and the SHA-256 of result.json and
audit.jsonl (in closed.json), and makes the files read-only. The audit trail must verify first. A closed month
cannot be recomputed into place, not even with --force: corrections go into the next month (payout correct).
--by must be an employee of the month (in its result.json). Each close is added to the output root's record of
closed months (closures.jsonl: chained, with the SHA-256 of result.json, audit.jsonl and closed.json), which
close, compute, correct, fund and audit verify check.

Exit codes: 0 closed; 1 the folder cannot be closed (already closed, audit trail broken, the record of closed
months does not check, another command holds the output root); 2 usage error (--by not an employee).`,
		Example: "  payout close --month 2026-10 --by 1001",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := parseMonth(o.Month)
			if err != nil {
				return err
			}
			if o.By == "" {
				return usageErr(msg.LedgerByRequired)
			}
			dir, err := monthFolder(o.Out, m)
			if err != nil {
				return err
			}
			if _, err := os.Stat(filepath.Join(dir, report.ResultFile)); err != nil {
				return usageErr(msg.LedgerNoResult, dir)
			}
			lk, err := lockRoot(filepath.Dir(dir), "payout close --month "+m.String())
			if err != nil {
				return err
			}
			defer lk.Release()
			cl, err := ledger.Close(dir, m.String(), o.By, now())
			if errors.Is(err, ledger.ErrNotOnRoster) {
				return &exitError{ExitUsage, err}
			}
			if err != nil {
				return historyErr(io, err)
			}
			fmt.Fprintf(io.Out, msg.LedgerClosed+"\n", dir, cl.ClosedBy, cl.ResultSHA256, cl.AuditSHA256)
			return nil
		},
	}
	c.Flags().StringVar(&o.Month, "month", "", "the month, YYYY-MM (required)")
	c.Flags().StringVar(&o.Out, "out", "", "output folder (default out/<month>)")
	c.Flags().StringVar(&o.By, "by", "", "id of who signs the month off (required)")
	return c
}
