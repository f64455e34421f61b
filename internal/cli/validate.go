package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"payout/calc"
	"payout/importers"
	"payout/internal/msg"
	"payout/ledger"
	"payout/model"
	"payout/plan"
)

// ValidateOptions are the flags of `payout validate`.
type ValidateOptions struct {
	Month  string
	In     string
	Out    string
	Plan   string
	Format string
}

func newValidateCmd(io *IO) *cobra.Command {
	o := &ValidateOptions{}
	c := &cobra.Command{
		Use:   "validate --month YYYY-MM [--in DIR]",
		Short: "Check a month's input tables and report every error and warning",
		Long: `validate reads every table of the month's folder and reports every problem it finds, not just the
first: each with its file, sheet, row as Excel shows it, column header and cell. Every file of the folder is
either a table (its name contains the table's name: 10月维修工单.xlsx), clearly not data (a PDF, a lock file), or
an error: no export is left out without a word. When the input has no errors it
also computes the month (writing nothing) for the warnings that need the calculation, and checks the month's
fund spending against the after-sales fund ledger of the months under the output root (--out's parent).

Exit codes: 0 no errors (warnings may be printed); 1 the input or plan has errors; 2 usage error
(bad month, missing folder).`,
		Example: `  payout validate --month 2026-10
  payout validate --month 2026-10 --in sample-data/2026-10 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runValidate(io, o) },
	}
	c.Flags().StringVar(&o.Month, "month", "", "the month, YYYY-MM (required)")
	c.Flags().StringVar(&o.In, "in", "", "input folder (default data/<month>)")
	c.Flags().StringVar(&o.Out, "out", "", "the month's output folder, for the fund ledger check (default out/<month>)")
	c.Flags().StringVar(&o.Plan, "plan", "", "plan file (default: the built-in plan)")
	c.Flags().StringVar(&o.Format, "format", "text", "output format: text or json")
	return c
}

// readMonth parses the month and folder flags, loads the plan and reads the input. Usage problems come back
// as exit-2 errors; input problems are in the report.
func readMonth(io *IO, month, in, planPath string) (*plan.Loaded, *model.MonthData, *importers.Report, error) {
	return readMonthProgress(io, month, in, planPath, nil)
}

// readMonthProgress is readMonth with a progress bar for the tables read (nil: none).
func readMonthProgress(io *IO, month, in, planPath string, pr *progress) (*plan.Loaded, *model.MonthData, *importers.Report, error) {
	m, err := parseMonth(month)
	if err != nil {
		return nil, nil, nil, err
	}
	if in == "" {
		in = filepath.Join("data", m.String())
	}
	// An input folder named after another month is the wrong folder (its rows would all be set aside).
	if err := checkFolderMonth(in, m); err != nil {
		return nil, nil, nil, err
	}
	p, err := loadPlan(io, planPath)
	if err != nil {
		return nil, nil, nil, err
	}
	opt := importers.Options{Dir: in, Month: m, Plan: p.Plan}
	if pr != nil {
		pr.phase(labelRead, len(importers.TablesOf(p.Plan)))
		opt.OnTable = func(string, int) { pr.add(1) }
		defer pr.done()
	}
	data, rep, err := importers.Read(opt)
	if err != nil {
		return nil, nil, nil, usageErr("%v", err)
	}
	return p, data, rep, nil
}

func runValidate(io *IO, o *ValidateOptions) error {
	if err := checkFormat(o.Format, "text", "json"); err != nil {
		return err
	}
	io.JSON = o.Format == "json"
	p, data, rep, err := readMonth(io, o.Month, o.In, o.Plan)
	if err != nil {
		return err
	}
	if !rep.HasErrors() {
		// Some warnings need the calculation (fines larger than the line they come off).
		res := calc.Compute(data, p.Plan)
		for _, w := range res.Warnings {
			rep.Issues = append(rep.Issues, calcIssue(w, data.Tables))
		}
		// Spending beyond the fund's balance is an error of the month's input, as compute reports it.
		out, err := monthFolder(o.Out, data.Month)
		if err != nil {
			return err
		}
		if _, _, err := fundThrough(filepath.Dir(out), res); err != nil {
			var over *ledger.OverdrawnError
			if !errors.As(err, &over) {
				return historyErr(io, err)
			}
			rep.Issues = append(rep.Issues, fundIssue(err, data.Tables, filepath.Dir(out)))
		}
		// Corrections of closed months recorded for this month must be among its adjustments.
		unpaid, err := ledger.UnpaidInto(filepath.Dir(out), data.Month.String(), res.Steps)
		if err != nil {
			return historyErr(io, err)
		}
		for _, u := range unpaid {
			rep.Issues = append(rep.Issues, unpaidIssue(u, data.Tables))
		}
	}
	issues := rep.Sorted()
	if o.Format == "json" {
		if err := writeIssuesJSON(io, issues); err != nil {
			return err
		}
	} else {
		printIssues(io, issues)
		if !rep.HasErrors() {
			in := o.In
			if in == "" {
				in = filepath.Join("data", data.Month.String())
			}
			fmt.Fprintf(io.Out, msg.CLIOK+"\n", in, data.Month, rep.Summary())
		} else {
			fmt.Fprintln(io.Out, rep.Summary())
		}
	}
	if rep.HasErrors() {
		return errInputReported
	}
	return nil
}

// printIssues prints issues as `error: <location>: <reason>` lines.
func printIssues(io *IO, issues []importers.Issue) {
	for _, i := range issues {
		fmt.Fprintf(io.Out, "%s: %s\n", i.Severity, i.String())
	}
}

// fundIssue is an overdrawn fund (err) as an error at the month's fund spending table, with the hint when the
// month is computed into another output root (root) than the one its opening balance was recorded in.
func fundIssue(err error, tables []model.TableInfo, root string) importers.Issue {
	i := tableIssue(importers.Error, importers.TFundSpending, err.Error(), tables)
	if h := otherRootHint(err, root); h != "" {
		i.Message += "; " + h
	}
	return i
}

// tableIssue is a message located at a table of the month: at the file (and sheet) it was read from.
func tableIssue(sev importers.Severity, table, message string, tables []model.TableInfo) importers.Issue {
	i := importers.Issue{Severity: sev, Table: table, Message: message}
	for _, t := range tables {
		if t.Table == table {
			i.File, i.Sheet = t.File, t.Sheet
		}
	}
	return i
}

// calcIssue turns a calculation warning into an issue located at its first source row.
func calcIssue(w calc.Warning, tables []model.TableInfo) importers.Issue {
	i := importers.Issue{Severity: importers.Warning, Message: w.Message}
	if len(w.Sources) > 0 {
		i.File, i.Sheet, i.Row = w.Sources[0].File, w.Sources[0].Sheet, w.Sources[0].Row
		for _, t := range tables {
			if t.File == i.File && t.Sheet == i.Sheet {
				i.Table = t.Table
			}
		}
	}
	return i
}

// writeIssuesJSON prints issues as a JSON list (an empty list when there are none).
func writeIssuesJSON(io *IO, issues []importers.Issue) error {
	if issues == nil {
		issues = []importers.Issue{}
	}
	return writeJSON(io, issues)
}

// writeJSON prints v on stdout as indented JSON, with < > & as they are (names and reasons are read by
// people and scripts, not embedded in HTML).
func writeJSON(io *IO, v any) error {
	enc := json.NewEncoder(io.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
