package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"payout/internal/msg"
	"payout/plan"
	"payout/report"
)

// PlanShowOptions are the flags of `payout plan show`.
type PlanShowOptions struct {
	Plan string
	YAML bool
}

// PlanInitOptions are the flags of `payout plan init`.
type PlanInitOptions struct {
	File  string
	From  string
	Force bool
}

func newPlanCmd(io *IO) *cobra.Command {
	c := &cobra.Command{
		Use:   "plan",
		Short: "Check a plan, show it as rules in Chinese, or start a store's plan from the default or an example",
	}
	c.AddCommand(newPlanCheckCmd(io), newPlanShowCmd(io), newPlanInitCmd(io))
	return c
}

func newPlanCheckCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE...",
		Short: "Check plan files alone (version 1 or 2), printing every error with its line",
		Long: `check loads each plan file the way compute would, without reading any month: unknown keys, values of
the wrong kind, numbers out of the sanity bounds, tiers out of order, unknown tables, columns, bases or roles,
expressions that do not compile (with the position inside the expression), cycles between bases, labels used
twice. A good file prints "FILE: ok (version N, K schemes)"; a bad one prints every error with its line.
Every file is checked, also after a bad one.

Exit codes: 0 every plan is good; 1 a plan has errors (all printed); 2 usage error (no FILE, or a file
cannot be read).`,
		Example: "  payout plan check store-plan.yaml\n  payout plan check examples/*/plan.yaml",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPlanCheck(io, args)
		},
	}
}

// runPlanCheck checks each file; a file that cannot be read is a usage error, reported after the others.
func runPlanCheck(io *IO, files []string) error {
	bad, unread := 0, 0
	for _, f := range files {
		p, err := plan.LoadFile(f)
		var es plan.Errors
		switch {
		case err == nil:
			fmt.Fprintf(io.Out, msg.CLIPlanOK+"\n", f, p.Version, schemeCount(p.Plan))
		case errors.As(err, &es):
			bad++
			for _, e := range es {
				fmt.Fprintln(io.Out, "error:", e.Error())
			}
		case len(files) == 1:
			return usageErr("%v", err)
		default:
			unread++
			fmt.Fprintln(io.Err, "payout:", err)
		}
	}
	switch {
	case unread > 0:
		return usageErr(msg.CLIPlansUnread, unread, len(files), bad)
	case bad > 0 && len(files) == 1:
		return &exitError{ExitInput, errors.New(msg.CLIPlanInvalid)}
	case bad > 0:
		return &exitError{ExitInput, fmt.Errorf(msg.CLIPlansInvalid, bad, len(files))}
	}
	return nil
}

// schemeCount says how many payslip lines the plan has, the adjustments line left out.
func schemeCount(p *plan.Plan) string {
	n := 0
	for _, l := range p.LineOrder() {
		if l != plan.LineAdjustment {
			n++
		}
	}
	if n == 1 {
		return msg.CLIPlanOneScheme
	}
	return fmt.Sprintf(msg.CLIPlanSchemes, n)
}

func newPlanShowCmd(io *IO) *cobra.Command {
	so := &PlanShowOptions{}
	show := &cobra.Command{
		Use:   "show [--plan FILE] [--yaml]",
		Short: "Print the plan as a numbered list of rules in Chinese (or as YAML)",
		Long: `show prints the plan that compute would use (the built-in default plan, or the --plan file after it
has been checked like plan check does).

A plan written in the plan language (version 2) is printed in plain simplified Chinese for the store's
manager to confirm against the store's 方案: its name, store, fund and rounding, the data it reads (its own
tables and the columns it adds, by their Chinese names), then each scheme (payslip line) as one numbered item
in the order of the calculation — whom it pays, on what and how that is computed, at what rate, factors,
pool and split, quota, gates, deductions — with every number as the plan writes it.

--yaml prints the plan file itself, after two comment lines naming the file and its SHA-256. A version-1
plan (the built-in default plan) is always printed as YAML, after a comment line saying that the list of
rules is for plans in the plan language.

Exit codes: 0 printed; 1 the plan has errors (all printed); 2 usage error (the file cannot be read).`,
		Example: "  payout plan show --plan examples/a-advisor-own-output/plan.yaml\n  payout plan show --plan store-plan.yaml --yaml\n  payout plan show",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPlanShow(io, so)
		},
	}
	show.Flags().StringVar(&so.Plan, "plan", "", "plan file (default: the built-in plan)")
	show.Flags().BoolVar(&so.YAML, "yaml", false, "print the plan file as YAML instead of the list of rules")
	return show
}

func runPlanShow(io *IO, o *PlanShowOptions) error {
	p, err := loadPlan(io, o.Plan)
	if err != nil {
		return err
	}
	if p.IsLanguage() && !o.YAML {
		return report.PlanText(io.Out, p)
	}
	if !p.IsLanguage() && !o.YAML {
		fmt.Fprintf(io.Out, msg.CLIPlanV1Note+"\n", p.Source)
	}
	fmt.Fprintf(io.Out, "# plan: %s\n# sha256: %s\n", p.Source, p.SHA256)
	_, err = io.Out.Write(p.Text)
	return err
}

func newPlanInitCmd(io *IO) *cobra.Command {
	o := &PlanInitOptions{}
	initc := &cobra.Command{
		Use:   "init FILE [--from PLAN] [--force]",
		Short: "Write a plan for a store to edit: the default plan, or a copy of another plan or example",
		Long: `init writes a plan to FILE for a store to edit; use it with --plan FILE. Without --from it writes the
built-in default plan, with comments citing the source sections. --from copies another plan file as it is
(comments included), or the plan.yaml of a folder such as an example store (--from
examples/a-advisor-own-output); the source is checked first, and a source with errors is refused with all
of them, nothing written.

Exit codes: 0 written; 1 the --from plan has errors (all printed); 2 usage error (FILE exists without
--force, FILE cannot be written, or the --from plan cannot be read).`,
		Example: "  payout plan init store-plan.yaml\n  payout plan init store-plan.yaml --from examples/a-advisor-own-output\n  payout plan init store-plan.yaml --from other-store.yaml --force",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			return runPlanInit(io, o)
		},
	}
	initc.Flags().StringVar(&o.From, "from", "", "plan file, or folder with a plan.yaml (an example store), to start from")
	initc.Flags().BoolVar(&o.Force, "force", false, "overwrite FILE if it exists")
	return initc
}

func runPlanInit(io *IO, o *PlanInitOptions) error {
	if _, err := os.Stat(o.File); err == nil && !o.Force {
		return usageErr(msg.CLIFileExists, o.File)
	}
	text, from := planDefaultText(), ""
	if o.From != "" {
		src, err := planSource(o.From)
		if err != nil {
			return err
		}
		p, err := loadPlan(io, src)
		if err != nil {
			return err
		}
		text, from = p.Text, src
	}
	if err := os.WriteFile(o.File, text, 0o644); err != nil {
		return usageErr("%v", err)
	}
	if from != "" {
		fmt.Fprintf(io.Err, msg.CLIWroteFrom+"\n", o.File, from)
	} else {
		fmt.Fprintf(io.Err, msg.CLIWrote+"\n", o.File)
	}
	return nil
}

// planSource is the plan file of --from: the path itself, or a folder's plan.yaml.
func planSource(from string) (string, error) {
	st, err := os.Stat(from)
	if err != nil || !st.IsDir() {
		return from, nil // a file, or a path LoadFile reports
	}
	p := filepath.Join(from, "plan.yaml")
	if _, err := os.Stat(p); err != nil {
		return "", usageErr(msg.CLIPlanFromFolder, from)
	}
	return p, nil
}
