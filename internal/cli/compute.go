package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"payout/calc"
	"payout/importers"
	"payout/internal/msg"
	"payout/ledger"
	"payout/model"
	"payout/plan"
	"payout/report"
)

// ComputeOptions are the flags of `payout compute`.
type ComputeOptions struct {
	Month  string
	In     string
	Out    string
	Plan   string
	DryRun bool
	Format string
	Force  bool
	Stats  string
}

func newComputeCmd(io *IO) *cobra.Command {
	o := &ComputeOptions{}
	c := &cobra.Command{
		Use:   "compute --month YYYY-MM [--in DIR] [--dry-run]",
		Short: "Compute every employee's payout for a month",
		Long: `compute reads and validates the month's folder, then applies the plan to compute every employee's
payout. With --dry-run it prints a table (or, with --format json, the result document) and writes nothing.

Any input error: the errors are printed as validate prints them and nothing is computed.

The output folder is written beside it as .<name>.tmp-<run> and renamed into place when complete.
--force replaces only an output of the same month (its result.json and audit trail say so), keeping it
as <out>.prev-N; anything else is refused. Unpacked workbook data goes to a temporary folder of the run
(0700, in the system temp folder), removed when the run ends; Ctrl-C or SIGTERM removes the temporary
files and exits 130. Folders that a killed run left behind are removed by the next run, which says so.

Exit codes: 0 computed; 1 the input or plan has errors; 2 usage error (also an existing output folder
that may not be replaced); 130 interrupted.`,
		Example: `  payout compute --month 2026-10 --in sample-data/2026-10 --dry-run
  payout compute --month 2026-10 --dry-run --format json > result.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCompute(io, o) },
	}
	c.Flags().StringVar(&o.Month, "month", "", "the month, YYYY-MM (required)")
	c.Flags().StringVar(&o.In, "in", "", "input folder (default data/<month>)")
	c.Flags().StringVar(&o.Out, "out", "", "output folder (default out/<month>)")
	c.Flags().StringVar(&o.Plan, "plan", "", "plan file (default: the built-in plan)")
	c.Flags().BoolVar(&o.DryRun, "dry-run", false, "print the result, write nothing")
	c.Flags().StringVar(&o.Format, "format", "table", "output format: table or json")
	c.Flags().BoolVar(&o.Force, "force", false, "replace an existing output of the same month, keeping the old one as <out>.prev-N")
	c.Flags().StringVar(&o.Stats, "stats", "", "write the time of each phase, rows and payslips as JSON to this file (for make bench)")
	_ = c.Flags().MarkHidden("stats")
	return c
}

// computed is a month read, validated and computed.
type computed struct {
	plan    *plan.Loaded
	data    *model.MonthData
	report  *importers.Report
	result  *calc.Result
	compute time.Duration
	// extraWarnings come from outside the month's inputs (the fund ledger across months).
	extraWarnings []string
}

// computeMonth reads, validates and computes. Input errors are printed (as validate prints them) and end
// the command with exit 1.
func computeMonth(io *IO, month, in, planPath string) (*computed, error) {
	return computeMonthProgress(io, month, in, planPath, nil, "text")
}

// computeMonthProgress is computeMonth with a progress bar (nil: none); format is how errors are printed
// ("json": the JSON list validate --format json prints, so that stdout stays JSON).
func computeMonthProgress(io *IO, month, in, planPath string, pr *progress, format string) (*computed, error) {
	p, data, rep, err := readMonthProgress(io, month, in, planPath, pr)
	if err != nil {
		return nil, err
	}
	if rep.HasErrors() {
		if format == "json" || io.JSON {
			if err := writeIssuesJSON(io, rep.Sorted()); err != nil {
				return nil, err
			}
		} else {
			printIssues(io, rep.Sorted())
			fmt.Fprintln(io.Out, rep.Summary())
		}
		return nil, errInputReported
	}
	start := time.Now()
	result := calc.Compute(data, p.Plan)
	data.DropRows()
	return &computed{plan: p, data: data, report: rep, result: result, compute: time.Since(start)}, nil
}

// warnings are the importers' warnings followed by the calculation's.
func (c *computed) warnings() []string {
	var out []string
	for _, i := range c.report.Issues {
		if i.Severity == importers.Warning {
			out = append(out, i.String())
		}
	}
	for _, w := range c.result.Warnings {
		out = append(out, calcIssue(w, c.data.Tables).String())
	}
	return append(out, c.extraWarnings...)
}

func runCompute(io *IO, o *ComputeOptions) (err error) {
	if err := checkFormat(o.Format, "table", "json"); err != nil {
		return err
	}
	io.JSON = o.Format == "json"
	m, err := parseMonth(o.Month)
	if err != nil {
		return err
	}
	out, err := monthFolder(o.Out, m)
	if err != nil {
		return err
	}
	if !o.DryRun {
		// A folder that is not a payout output of the month is refused before anything is touched (no lock
		// file is made beside a folder that is not ours); everything else is decided under the lock, where
		// no other command closes or replaces the month meanwhile.
		if err := report.CheckOutputFolder(out, m.String(), o.Force); errors.Is(err, report.ErrNotOutput) {
			return outputFolderErr(err, out, m)
		}
		lk, err := lockRoot(filepath.Dir(out), "payout compute --month "+m.String())
		if err != nil {
			return err
		}
		defer lk.Release()
		if err := checkComputeTarget(io, out, m, o.Force); err != nil {
			return err
		}
	}
	start := time.Now()
	pr := newProgress(io.Err)
	c, err := computeMonthProgress(io, o.Month, o.In, o.Plan, pr, o.Format)
	if err != nil {
		return err
	}
	fundLedger, err := monthLedger(io, out, m, c)
	if err != nil {
		return err
	}
	var write time.Duration
	defer func() {
		if o.Stats != "" && err == nil {
			err = writeStats(o.Stats, c, write, time.Since(start))
		}
	}()
	doc := c.result.Document()
	doc.Warnings = append([]string{}, c.warnings()...)
	if !o.DryRun {
		ws := time.Now()
		pr.phase(labelPayslips, len(c.result.Employees))
		w, err := report.WriteOutput(out, o.Force, report.Output{Result: c.result, Document: doc, Plan: c.plan, Data: c.data, Warnings: doc.Warnings, Store: c.plan.Plan.Store,
			OnPayslip: func() { pr.add(1) }, FundLedger: fundLedger})
		pr.done()
		write = time.Since(ws)
		for _, p := range w.Removed {
			fmt.Fprintf(io.Err, msg.ScratchRemovedOut+"\n", p)
		}
		if err != nil {
			return outputFolderErr(err, out, m)
		}
		fmt.Fprintf(io.Err, msg.OutWrote+"\n", w.Dir, w.Payslips)
		if w.Previous != "" {
			fmt.Fprintf(io.Err, msg.OutKeptPrevious+"\n", w.Previous)
		}
	}
	return printComputed(io, o, c, doc)
}

// printComputed prints the computed month: the result document (--format json), or the table of employees
// (--dry-run) or of pools, then the warnings.
func printComputed(io *IO, o *ComputeOptions, c *computed, doc calc.Document) error {
	if o.Format == "json" {
		b, err := doc.JSON()
		if err != nil {
			return err
		}
		_, err = io.Out.Write(b)
		return err
	}
	var err error
	if o.DryRun {
		err = report.WriteResultTable(io.Out, c.result, c.plan.Plan)
	} else {
		err = report.WritePoolsTable(io.Out, c.result)
	}
	if err != nil {
		return err
	}
	if ws := c.warnings(); len(ws) > 0 {
		fmt.Fprintf(io.Out, "\n%s:\n", report.LabelWarnings)
		for _, w := range ws {
			fmt.Fprintf(io.Out, "warning: %s\n", w)
		}
	}
	return nil
}

// monthLedger is the month's fund ledger under its output root: this month's spending must be covered by the
// balance of the months before it plus this month's inflow (an overdraft is printed like an input error, at
// the fund spending table), and the corrections of closed months recorded for this month must be among its
// adjustments (warnings). Both go into c's extra warnings.
func monthLedger(io *IO, out string, m model.Month, c *computed) ([]report.FundRow, error) {
	root := filepath.Dir(out)
	fundLedger, fundWarnings, err := fundThrough(root, c.result)
	var over *ledger.OverdrawnError
	if err != nil && !errors.As(err, &over) {
		return nil, historyErr(io, err) // a record of the output root that cannot be read, or a closed month changed
	}
	if err != nil {
		i := fundIssue(err, c.data.Tables, root)
		if io.JSON {
			if err := writeIssuesJSON(io, []importers.Issue{i}); err != nil {
				return nil, err
			}
		} else {
			printIssues(io, []importers.Issue{i})
		}
		return nil, errInputReported
	}
	unpaid, err := ledger.UnpaidInto(root, m.String(), c.result.Steps)
	if err != nil {
		return nil, historyErr(io, err)
	}
	c.extraWarnings = append(fundWarnings, unpaid...)
	return fundLedger, nil
}

// checkComputeTarget refuses an output folder that compute may not write: a closed month (also when its
// closed.json went: the root's record of closed months says so) is paid history, and an existing folder may
// be replaced only with --force and only when it is a payout output of the month.
func checkComputeTarget(io *IO, out string, m model.Month, force bool) error {
	if err := ledger.CheckHistory(filepath.Dir(out), ""); err != nil {
		return historyErr(io, err)
	}
	if cl, err := ledger.ReadClosure(out); err != nil {
		return historyErr(io, err)
	} else if cl != nil {
		return usageErr(msg.LedgerRecomputeClosed, out, cl.ClosedBy, cl.ClosedAt, m)
	}
	if err := report.CheckOutputFolder(out, m.String(), force); err != nil {
		return outputFolderErr(err, out, m)
	}
	return nil
}

// outputFolderErr is the exit of an output folder that is not written: a usage error (exit 2) when the
// folder exists and may not be replaced, err itself otherwise.
func outputFolderErr(err error, out string, m model.Month) error {
	var notOutput *report.NotOutputError
	switch {
	case errors.Is(err, report.ErrExists):
		return usageErr(msg.OutExists, out, out)
	case errors.Is(err, report.ErrClosed):
		return usageErr(msg.LedgerRecomputeClosed, out, "?", "?", m)
	case errors.As(err, &notOutput):
		return &exitError{ExitUsage, err}
	}
	return err
}

// Stats are the figures of one compute run, for make bench.
type Stats struct {
	Month     string             `json:"month"`
	Rows      int                `json:"rows"`
	Employees int                `json:"employees"`
	Payslips  int                `json:"payslips"`
	Seconds   map[string]float64 `json:"seconds"`
}

func writeStats(path string, c *computed, write, total time.Duration) error {
	payslips := 0
	if write > 0 {
		payslips = len(c.result.Employees)
	}
	s := Stats{Month: c.result.Month, Rows: c.report.Timing.Rows, Employees: len(c.result.Employees), Payslips: payslips,
		Seconds: map[string]float64{
			"read": c.report.Timing.Read.Seconds(), "validate": c.report.Timing.Check.Seconds(),
			"compute": c.compute.Seconds(), "write": write.Seconds(), "total": total.Seconds(),
		}}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// fundThrough is the fund ledger of the computed months under root before the result's month, followed by
// the result's month, with a warning for each month missing from it; an overdrawn fund is an error. A month
// before the recorded opening balance gets no ledger (and a warning).
func fundThrough(root string, r *calc.Result) ([]report.FundRow, []string, error) {
	rows, before, err := ledger.FundThrough(root, r.Month, r.FundTotal.StringFixed(2), r.FundSpent.StringFixed(2))
	if err != nil {
		return nil, nil, err
	}
	if before != nil {
		return nil, []string{fmt.Sprintf(msg.LedgerBeforeOpening, r.Month, before.Month)}, nil
	}
	var warnings []string
	for _, f := range rows {
		if f.Missing {
			warnings = append(warnings, fmt.Sprintf(msg.LedgerFundMissingMonth, f.Month, root))
		}
	}
	return rows, warnings, nil
}
