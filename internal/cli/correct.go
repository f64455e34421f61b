package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"payout/internal/msg"
	"payout/ledger"
	"payout/model"
	"payout/plan"
	"payout/report"
)

// CorrectOptions are the flags of `payout correct`.
type CorrectOptions struct {
	Month    string
	In       string
	Into     string
	Approver string
	Closed   string
	To       string
	Plan     string
}

func newCorrectCmd(io *IO) *cobra.Command {
	o := &CorrectOptions{}
	c := &cobra.Command{
		Use:   "correct --month YYYY-MM --in DIR --into YYYY-MM --approver ID",
		Short: "Carry corrections of a closed month into the next month's adjustments",
		Long: `correct recomputes a closed month from corrected inputs (--in), compares it with the closed result
(out/<month>, which stays as it was) and writes each employee's signed difference of total pay as a row of the
adjustments table of the month --into (a bonus when the pay rose, a deduction when it fell; reason
"<month> 更正: …" naming the lines that changed; approver --approver). The rows go into data/<into>/调整.csv
(created, or appended to when the folder has its adjustments as CSV; when they are inside a workbook, a
separate CSV is written and the rows are to be copied in). The next month then pays exactly the difference.
Every run is recorded in the closed folder (corrections.jsonl): a later run pays only what earlier ones have
not carried (running it again pays nothing; going back to the original inputs pays everything back), and the
fund ledger books the corrections' fund and corrected fund spending in the paying month. Nothing is written
when the corrected inputs have errors or the fund would be overdrawn.

Ids are written as they are; free text (the reason) that starts like a formula (= + - @) gets a leading '.
A folder created for --into's inputs is readable by the owner only. One correct, close, compute or fund
opening at a time changes an output root (a lock; a second one waits briefly, then says who holds it).

Exit codes: 0 written (or nothing to correct); 1 the corrected inputs have errors, the month is not closed,
the record of closed months finds it changed, or another command holds the output root; 2 usage error.`,
		Example: "  payout correct --month 2026-10 --in data/2026-10-corrected --into 2026-11 --approver 1001",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runCorrect(io, o) },
	}
	c.Flags().StringVar(&o.Month, "month", "", "the closed month, YYYY-MM (required)")
	c.Flags().StringVar(&o.In, "in", "", "the corrected input folder of that month (required)")
	c.Flags().StringVar(&o.Into, "into", "", "the month that pays the corrections, YYYY-MM (required)")
	c.Flags().StringVar(&o.Approver, "approver", "", "id of who approves the corrections (required)")
	c.Flags().StringVar(&o.Closed, "closed", "", "the closed output folder (default out/<month>)")
	c.Flags().StringVar(&o.To, "to", "", "the input folder of --into to write the adjustments to (default data/<into>)")
	c.Flags().StringVar(&o.Plan, "plan", "", "plan file (default: the built-in plan)")
	return c
}

func runCorrect(io *IO, o *CorrectOptions) error {
	m, into, closedDir, to, err := correctFolders(o)
	if err != nil {
		return err
	}
	// One correct (or close, compute) at a time per output root: two at once would both pay what the
	// records had not carried yet.
	root := filepath.Dir(closedDir)
	lk, err := lockRoot(root, "payout correct --month "+m.String())
	if err != nil {
		return err
	}
	defer lk.Release()
	snap, records, err := closedMonth(io, closedDir, m, into, o.Approver)
	if err != nil {
		return err
	}
	c, err := computeMonth(io, o.Month, o.In, o.Plan)
	if err != nil {
		return err
	}
	if snap.PlanSHA256 != "" && snap.PlanSHA256 != c.plan.SHA256 {
		fmt.Fprintf(io.Err, msg.LedgerPlanDiffers+"\n", closedDir, snap.PlanSHA256[:12], c.plan.SHA256[:12])
	}
	kinds := c.plan.AdjustmentKindEnum()
	label := func(s string) string { return report.SchemeLabel(c.plan.Plan, s) }
	closed, corrected := snap.Doc, c.result.Document()
	rows := ledger.Corrections(closed, corrected, ledger.CarriedSoFar(records), o.Approver,
		kinds.Names[plan.AdjBonus][0].Name, kinds.Names[plan.AdjDeduction][0].Name, label)
	spent := ledger.SpentDelta(closed, corrected, records)
	if len(rows) == 0 && spent.IsZero() {
		if len(records) > 0 {
			fmt.Fprintf(io.Out, msg.LedgerAllCarried+"\n", m, len(records))
		} else {
			fmt.Fprintf(io.Out, msg.LedgerNoCorrections+"\n", m)
		}
		return nil
	}
	// What the correction books into the fund must not overdraw it: checked before anything is written.
	rec := ledger.Record(m.String(), into.String(), now().UTC().Format(time.RFC3339), o.Approver, o.In, c.plan.SHA256, "", rows, spent)
	if _, err := ledger.FundWith(root, rec); err != nil {
		var over *ledger.OverdrawnError
		if errors.As(err, &over) {
			fmt.Fprintln(io.Out, "error:", err)
			return errInputReported
		}
		return historyErr(io, err)
	}
	for _, w := range c.warnings() { // the corrected inputs' warnings, beside the outcome on stdout
		fmt.Fprintf(io.Err, "warning: %s\n", w)
	}
	for _, r := range rows {
		if r.EmployeeID == o.Approver {
			fmt.Fprintf(io.Err, msg.LedgerSelfApproved+"\n", o.Approver)
		}
	}
	return writeCorrection(io, correction{month: m, into: into, closedDir: closedDir, to: to, rows: rows, spent: spent, rec: rec})
}

// correctFolders checks correct's flags and returns its months and folders: the closed month's output folder
// and the paying month's input folder (to).
func correctFolders(o *CorrectOptions) (m, into model.Month, closedDir, to string, err error) {
	if m, err = parseMonth(o.Month); err != nil {
		return
	}
	if into, err = model.ParseMonth(o.Into); err != nil || o.Into == "" {
		return m, into, "", "", usageErr(msg.CLIBadInto, o.Into)
	}
	if into.String() <= m.String() {
		return m, into, "", "", usageErr(msg.CLIIntoNotLater, into, m)
	}
	if o.In == "" || o.Approver == "" {
		return m, into, "", "", usageErr(msg.CLICorrectFlags)
	}
	if closedDir, err = monthFolder(o.Closed, m); err != nil {
		return
	}
	to = filepath.Join("data", into.String())
	if o.To != "" {
		to = filepath.Clean(o.To)
		if err = checkFolderMonth(to, into); err != nil {
			return
		}
	}
	if !isOutputFolder(closedDir) {
		return m, into, closedDir, to, usageErr(msg.LedgerNoResult, closedDir)
	}
	return m, into, closedDir, to, nil
}

// closedMonth checks the closed month that is corrected (the record of closed months, its closure, its
// files, the approver among its employees, the paying month still open) and returns its result and the
// corrections recorded for it so far.
func closedMonth(io *IO, closedDir string, m, into model.Month, approver string) (*ledger.Snapshot, []ledger.CorrectionRecord, error) {
	root := filepath.Dir(closedDir)
	if err := ledger.CheckHistory(root, ""); err != nil {
		return nil, nil, historyErr(io, err)
	}
	cl, err := ledger.ReadClosure(closedDir)
	if err != nil {
		return nil, nil, historyErr(io, err)
	}
	if cl == nil {
		return nil, nil, &exitError{ExitInput, fmt.Errorf(msg.LedgerNotClosed, closedDir)}
	}
	if problems := ledger.CheckClosed(closedDir, cl); len(problems) > 0 {
		return nil, nil, &exitError{ExitInput, fmt.Errorf("%s", strings.Join(problems, "; "))}
	}
	snap, err := ledger.LoadSnapshot(closedDir)
	if err != nil {
		return nil, nil, historyErr(io, err)
	}
	if snap.Doc.Month != m.String() {
		return nil, nil, usageErr(msg.LedgerMonthMismatch, closedDir, snap.Doc.Month, m)
	}
	if !ledger.OnRoster(snap.Doc, approver) {
		return nil, nil, usageErr(msg.LedgerApproverUnknown, approver, m)
	}
	// The paying month must still be open (its folder, if any, sits beside the closed one).
	intoDir := filepath.Join(root, into.String())
	if ic, err := ledger.ReadClosure(intoDir); err != nil {
		return nil, nil, historyErr(io, err)
	} else if ic != nil {
		return nil, nil, &exitError{ExitInput, fmt.Errorf(msg.LedgerIntoClosed, intoDir)}
	}
	records, err := ledger.ReadCorrections(closedDir)
	if err != nil {
		return nil, nil, historyErr(io, err)
	}
	return snap, records, nil
}

// correction is what correct writes: the adjustments rows into the paying month's folder, and its record.
type correction struct {
	month, into   model.Month
	closedDir, to string
	rows          []ledger.Correction
	spent         decimal.Decimal
	rec           ledger.CorrectionRecord
}

// writeCorrection writes the adjustments rows and the record of the correction, and says what it did.
func writeCorrection(io *IO, c correction) error {
	_, statErr := os.Stat(c.to)
	path, workbook, err := ledger.WriteCorrections(c.to, c.month.String(), c.rows)
	if err != nil {
		return &exitError{ExitInput, err}
	}
	if statErr != nil && path != "" {
		fmt.Fprintf(io.Out, msg.LedgerCreatedFolder+"\n", c.to)
	}
	c.rec.File = path
	if err := ledger.AppendCorrections(c.closedDir, c.rec); err != nil {
		return historyErr(io, err)
	}
	if path != "" {
		fmt.Fprintf(io.Out, msg.LedgerWroteCorrections+"\n", path, ledger.Payable(c.rows), ledger.CorrectionsTotal(c.rows))
	} else if len(c.rows) > 0 {
		fmt.Fprintf(io.Out, msg.LedgerFundOnly+"\n", c.month, ledger.CorrectionsFund(c.rows), c.into)
	}
	if !c.spent.IsZero() {
		fmt.Fprintf(io.Out, msg.LedgerSpentCarried+"\n", c.month, ledger.Signed(c.spent), c.into)
	}
	if workbook != "" {
		fmt.Fprintf(io.Out, msg.LedgerAdjustXLSX+"\n", filepath.Dir(path), workbook, path)
	}
	if intoDir := filepath.Join(filepath.Dir(c.closedDir), c.into.String()); isOutputFolder(intoDir) && path != "" {
		fmt.Fprintf(io.Out, msg.LedgerIntoComputed+"\n", intoDir)
	}
	fmt.Fprintf(io.Out, msg.LedgerRecorded+"\n", filepath.Join(c.closedDir, ledger.CorrectionsFile))
	return nil
}
