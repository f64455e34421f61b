package cli

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"payout/calc"
	"payout/importers"
	"payout/internal/msg"
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
}

func newComputeCmd(io *IO) *cobra.Command {
	o := &ComputeOptions{}
	c := &cobra.Command{
		Use:   "compute --month YYYY-MM [--in DIR] [--dry-run]",
		Short: "Compute every employee's payout for a month",
		Long: `compute reads and validates the month's folder, then applies the plan to compute every employee's
payout. With --dry-run it prints a table (or, with --format json, the result document) and writes nothing.

Any input error: the errors are printed as validate prints them and nothing is computed.

Exit codes: 0 computed; 1 the input or plan has errors; 2 usage error.`,
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
	c.Flags().BoolVar(&o.Force, "force", false, "replace an existing output folder, keeping the old one as <out>.prev-N")
	return c
}

// computed is a month read, validated and computed.
type computed struct {
	plan   *plan.Loaded
	data   *model.MonthData
	report *importers.Report
	result *calc.Result
}

// computeMonth reads, validates and computes. Input errors are printed (as validate prints them) and end
// the command with exit 1.
func computeMonth(io *IO, month, in, planPath string) (*computed, error) {
	p, data, rep, err := readMonth(io, month, in, planPath)
	if err != nil {
		return nil, err
	}
	if rep.HasErrors() {
		printIssues(io, rep.Sorted())
		fmt.Fprintln(io.Out, rep.Summary())
		return nil, errInputReported
	}
	result := calc.Compute(data, p.Plan)
	data.DropRows()
	return &computed{plan: p, data: data, report: rep, result: result}, nil
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
		out = append(out, calcIssue(w).String())
	}
	return out
}

func runCompute(io *IO, o *ComputeOptions) error {
	if err := checkFormat(o.Format, "table", "json"); err != nil {
		return err
	}
	c, err := computeMonth(io, o.Month, o.In, o.Plan)
	if err != nil {
		return err
	}
	doc := c.result.Document()
	doc.Warnings = append([]string{}, c.warnings()...)
	if !o.DryRun {
		out := o.Out
		if out == "" {
			out = filepath.Join("out", c.data.Month.String())
		}
		w, err := report.WriteOutput(out, o.Force, report.Output{Result: c.result, Document: doc, Plan: c.plan, Data: c.data, Warnings: doc.Warnings})
		if errors.Is(err, report.ErrExists) {
			return usageErr(msg.OutExists, out, out)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(io.Err, msg.OutWrote+"\n", w.Dir, w.Payslips)
		if w.Previous != "" {
			fmt.Fprintf(io.Err, msg.OutKeptPrevious+"\n", w.Previous)
		}
	}
	if o.Format == "json" {
		b, err := doc.JSON()
		if err != nil {
			return err
		}
		_, err = io.Out.Write(b)
		return err
	}
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
