package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"payout/internal/msg"
	"payout/ledger"
	"payout/plan"
	"payout/report"
)

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
		s, err := ledger.LoadSnapshot(dir)
		if err != nil {
			return nil, historyErr(io, err)
		}
		return s, nil
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
			return historyErr(io, err)
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
		return writeJSON(io, d)
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
		item := c.Label // the result's name of the line; results written before labels: the default plan's
		if item == "" {
			item = report.DiffItemLabel(p, c.Scheme)
		}
		if i > 0 && d.Changes[i-1].EmployeeID == c.EmployeeID && d.Changes[i-1].Scheme == c.Scheme {
			causes = ""
		}
		if err := t.Append([]string{c.EmployeeID, c.Name, item, report.DiffFieldLabel(c.Field),
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
