package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"payout/internal/msg"
	"payout/ledger"
	"payout/report"
)

func newAuditCmd(io *IO) *cobra.Command {
	c := &cobra.Command{
		Use:   "audit",
		Short: "Check an output folder's audit trail",
	}
	verify := &cobra.Command{
		Use:   "verify DIR",
		Short: "Verify the audit trail of an output folder (hash chain, order, totals against result.json)",
		Long: `verify reads DIR/audit.jsonl and checks that every record carries the SHA-256 of the record before it
(an edited, removed or reordered record breaks the chain), its structure (exactly one header, the first
record; steps; exactly one totals record, the last, listing result.json, summary.xlsx and one payslip per
employee), that those totals match DIR/result.json, and that every output file is as written (none changed,
removed or added). A closed month is also checked against the output root's record of closed months
(closures.jsonl): its closed.json must be there, and closed.json, result.json and audit.jsonl must be the files
it was closed with.

Exit codes: 0 intact; 1 the trail does not verify; 2 usage error (DIR or its files missing).`,
		Example: "  payout audit verify out/2026-10",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if real, err := filepath.EvalSymlinks(dir); err == nil { // a month's folder linked from the output root
				dir = real
			}
			problems, err := report.VerifyAudit(dir)
			if err != nil {
				return usageErr("%v", err)
			}
			// A closed month is also checked against the output root's record of closed months.
			history, err := ledger.HistoryOf(args[0])
			if err != nil {
				return historyErr(io, err)
			}
			problems = append(problems, history...)
			for _, p := range problems {
				fmt.Fprintln(io.Out, "error:", p)
			}
			if len(problems) > 0 {
				fmt.Fprintf(io.Out, msg.AuditFailed+"\n", args[0])
				return errInputReported
			}
			fmt.Fprintf(io.Out, msg.AuditOK+"\n", args[0], report.CountLines(dir))
			return nil
		},
	}
	c.AddCommand(verify)
	return c
}
