package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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

// now is the clock of close (a variable for tests).
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

Exit codes: 0 closed; 1 the folder cannot be closed (already closed, audit trail broken); 2 usage error.`,
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
			cl, err := ledger.Close(dir, m.String(), o.By, now())
			if err != nil {
				return &exitError{ExitInput, err}
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

// DiffOptions are the flags of `payout diff`.
type DiffOptions struct {
	Month  string
	Plan   string
	Format string
}

func newDiffCmd(io *IO) *cobra.Command {
	o := &DiffOptions{}
	c := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Compare two results employee by employee and line by line, with the causes",
		Long: `diff compares two results. OLD and NEW are output folders (with result.json and audit.jsonl), or input
folders, which are computed on the fly (nothing is written; --month is then needed unless the other side is
an output folder). It prints every changed amount — employee, line, field, old, new, difference — with the
causes it can tell: the input files that changed, the figures and pool amounts that changed, and the steps of
that employee whose result changed.

Exit codes: 0 compared (whether or not anything changed); 1 an input folder has errors; 2 usage error.`,
		Example: `  payout diff out/2026-10 out/2026-10.prev-1
  payout diff out/2026-10 data/2026-10-corrected --format json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return runDiff(io, o, args[0], args[1]) },
	}
	c.Flags().StringVar(&o.Month, "month", "", "the month of an input folder (default: the other side's)")
	c.Flags().StringVar(&o.Plan, "plan", "", "plan file for an input folder (default: the built-in plan)")
	c.Flags().StringVar(&o.Format, "format", "table", "output format: table or json")
	return c
}

func isOutputFolder(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, report.ResultFile))
	return err == nil
}

// snapshot loads an output folder, or computes an input folder for month.
func snapshot(io *IO, dir, month, planPath string) (*ledger.Snapshot, error) {
	if isOutputFolder(dir) {
		return ledger.LoadSnapshot(dir)
	}
	if st, err := os.Stat(dir); err != nil {
		return nil, usageErr(msg.InNoFolder, dir)
	} else if !st.IsDir() {
		return nil, usageErr(msg.InNotFolder, dir)
	}
	c, err := computeMonth(io, month, dir, planPath)
	if err != nil {
		return nil, err
	}
	doc := c.result.Document()
	doc.Warnings = c.warnings()
	return ledger.FromResult(dir, c.result, doc, c.data.Files, c.plan.SHA256), nil
}

func runDiff(io *IO, o *DiffOptions, a, b string) error {
	if err := checkFormat(o.Format, "table", "json"); err != nil {
		return err
	}
	io.JSON = o.Format == "json"
	if o.Month != "" {
		if _, err := parseMonth(o.Month); err != nil {
			return err
		}
	}
	// Both sides are results of one month: an output folder's own, or --month for an input folder.
	month, from := o.Month, "--month"
	for _, d := range []string{a, b} {
		if !isOutputFolder(d) {
			continue
		}
		doc, err := ledger.ReadResult(d)
		if err != nil {
			return &exitError{ExitInput, err}
		}
		if month != "" && doc.Month != month {
			return usageErr(msg.CLIMonthsDiffer, from, month, d, doc.Month)
		}
		month, from = doc.Month, d
	}
	old, err := snapshot(io, a, month, o.Plan)
	if err != nil {
		return err
	}
	nw, err := snapshot(io, b, month, o.Plan)
	if err != nil {
		return err
	}
	d := ledger.Compare(old, nw)
	if o.Format == "json" {
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	}
	return writeDiff(io, d)
}

func writeDiff(io *IO, d *ledger.Diff) error {
	fmt.Fprintf(io.Out, "%s → %s (%s)\n", d.Old, d.New, d.Month)
	for _, c := range d.Causes {
		fmt.Fprintf(io.Out, "  %s\n", c)
	}
	if len(d.Changes) == 0 {
		fmt.Fprintln(io.Out, msg.LedgerNoChanges)
		return nil
	}
	t := report.NewTable(io.Out)
	t.Header([]string{report.LabelID, report.LabelName, report.LabelItem, report.LabelField, report.LabelOld, report.LabelNew, report.LabelDelta, report.LabelCause})
	p := plan.Default().Plan // for the labels of the schemes
	for i, c := range d.Changes {
		// A line's causes are printed once, on its first changed field.
		causes := strings.Join(c.Causes, "; ")
		if i > 0 && d.Changes[i-1].EmployeeID == c.EmployeeID && d.Changes[i-1].Scheme == c.Scheme {
			causes = ""
		}
		if err := t.Append([]string{c.EmployeeID, c.Name, report.DiffItemLabel(p, c.Scheme), report.DiffFieldLabel(c.Field),
			c.Old, c.New, c.Delta, causes}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(io.Out, "%s: %s\n", report.LabelPayoutDelta, d.TotalDelta)
	return nil
}

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

Exit codes: 0 written (or nothing to correct); 1 the corrected inputs have errors, or the month is not closed;
2 usage error.`,
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
	m, err := parseMonth(o.Month)
	if err != nil {
		return err
	}
	into, err := model.ParseMonth(o.Into)
	if err != nil || o.Into == "" {
		return usageErr(msg.CLIBadInto, o.Into)
	}
	if into.String() <= m.String() {
		return usageErr(msg.CLIIntoNotLater, into, m)
	}
	if o.In == "" || o.Approver == "" {
		return usageErr(msg.CLICorrectFlags)
	}
	closedDir, err := monthFolder(o.Closed, m)
	if err != nil {
		return err
	}
	to := filepath.Join("data", into.String())
	if o.To != "" {
		to = filepath.Clean(o.To)
		if fm, err := model.ParseMonth(filepath.Base(to)); err == nil && fm != into {
			return usageErr(msg.CLIFolderMonth, to, fm, into)
		}
	}
	if !isOutputFolder(closedDir) {
		return usageErr(msg.LedgerNoResult, closedDir)
	}
	cl, err := ledger.ReadClosure(closedDir)
	if err != nil {
		return err
	}
	if cl == nil {
		return &exitError{ExitInput, fmt.Errorf(msg.LedgerNotClosed, closedDir)}
	}
	if problems := ledger.CheckClosed(closedDir, cl); len(problems) > 0 {
		return &exitError{ExitInput, fmt.Errorf("%s", strings.Join(problems, "; "))}
	}
	snap, err := ledger.LoadSnapshot(closedDir)
	if err != nil {
		return &exitError{ExitInput, err}
	}
	closed := snap.Doc
	if closed.Month != m.String() {
		return usageErr(msg.LedgerMonthMismatch, closedDir, closed.Month, m)
	}
	known := false
	for _, e := range closed.Employees {
		known = known || e.ID == o.Approver
	}
	if !known {
		return usageErr(msg.LedgerApproverUnknown, o.Approver, m)
	}
	// The paying month must still be open (its folder, if any, sits beside the closed one).
	intoDir := filepath.Join(filepath.Dir(closedDir), into.String())
	if ic, err := ledger.ReadClosure(intoDir); err != nil {
		return &exitError{ExitInput, err}
	} else if ic != nil {
		return &exitError{ExitInput, fmt.Errorf(msg.LedgerIntoClosed, intoDir)}
	}
	records, err := ledger.ReadCorrections(closedDir)
	if err != nil {
		return &exitError{ExitInput, err}
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
	corrected := c.result.Document()
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
	if _, err := ledger.FundWith(filepath.Dir(closedDir), rec); err != nil {
		var over *ledger.OverdrawnError
		if errors.As(err, &over) {
			fmt.Fprintln(io.Out, "error:", err)
			return errInputReported
		}
		return &exitError{ExitInput, err}
	}
	for _, w := range c.warnings() { // the corrected inputs' warnings, beside the outcome on stdout
		fmt.Fprintf(io.Err, "warning: %s\n", w)
	}
	for _, r := range rows {
		if r.EmployeeID == o.Approver {
			fmt.Fprintf(io.Err, msg.LedgerSelfApproved+"\n", o.Approver)
		}
	}
	_, statErr := os.Stat(to)
	path, workbook, err := ledger.WriteCorrections(to, m.String(), rows)
	if err != nil {
		return &exitError{ExitInput, err}
	}
	if statErr != nil && path != "" {
		fmt.Fprintf(io.Out, msg.LedgerCreatedFolder+"\n", to)
	}
	rec.File = path
	if err := ledger.AppendCorrections(closedDir, rec); err != nil {
		return err
	}
	if path != "" {
		fmt.Fprintf(io.Out, msg.LedgerWroteCorrections+"\n", path, ledger.Payable(rows), ledger.CorrectionsTotal(rows))
	} else if len(rows) > 0 {
		fmt.Fprintf(io.Out, msg.LedgerFundOnly+"\n", m, ledger.CorrectionsFund(rows), into)
	}
	if !spent.IsZero() {
		fmt.Fprintf(io.Out, msg.LedgerSpentCarried+"\n", m, signedText(spent), into)
	}
	if workbook != "" {
		fmt.Fprintf(io.Out, msg.LedgerAdjustXLSX+"\n", filepath.Dir(path), workbook, path)
	}
	if isOutputFolder(intoDir) && path != "" {
		fmt.Fprintf(io.Out, msg.LedgerIntoComputed+"\n", intoDir)
	}
	fmt.Fprintf(io.Out, msg.LedgerRecorded+"\n", filepath.Join(closedDir, ledger.CorrectionsFile))
	return nil
}

// signedText is an amount with its sign: +6000.00, -12.50.
func signedText(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + d.StringFixed(2)
	}
	return d.StringFixed(2)
}

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
beyond the balance is an error.

Exit codes: 0 printed; 1 the fund is overdrawn in some month; 2 usage error.`,
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
		return &exitError{ExitInput, err} // a result.json or fund-opening.json that cannot be read
	}
	if o.Format == "json" {
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if e := enc.Encode(rows); e != nil {
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
replaced (--replace) only while no month from it on is closed.

Exit codes: 0 recorded; 1 cannot be recorded (already recorded, a month from it on is closed); 2 usage error.`,
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
			if err := ledger.SetFundOpening(o.Out, m.String(), bal, o.By, o.Replace, now()); err != nil {
				return &exitError{ExitInput, err}
			}
			fmt.Fprintf(io.Out, msg.LedgerOpeningRecorded+"\n", m, bal.StringFixed(2), o.By, filepath.Join(o.Out, ledger.FundOpeningFile))
			return nil
		},
	}
	c.Flags().StringVar(&o.Month, "month", "", "the first month of the ledger, YYYY-MM (required)")
	c.Flags().StringVar(&o.Balance, "balance", "", "the fund's balance at the start of that month (required)")
	c.Flags().StringVar(&o.By, "by", "", "id of who records it (required)")
	c.Flags().StringVar(&o.Out, "out", "out", "output root holding the months' folders")
	c.Flags().BoolVar(&o.Replace, "replace", false, "replace a recorded opening balance (only while no month from it on is closed)")
	return c
}
