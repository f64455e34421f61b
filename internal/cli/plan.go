package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"payout/internal/msg"
)

// PlanShowOptions are the flags of `payout plan show`.
type PlanShowOptions struct {
	Plan string
}

// PlanInitOptions are the flags of `payout plan init`.
type PlanInitOptions struct {
	File  string
	Force bool
}

func newPlanCmd(io *IO) *cobra.Command {
	c := &cobra.Command{
		Use:   "plan",
		Short: "Show the commission plan, or write the default one for a store to edit",
	}
	so := &PlanShowOptions{}
	show := &cobra.Command{
		Use:   "show [--plan FILE]",
		Short: "Print the effective plan as YAML",
		Long: `show prints the plan that compute would use: the built-in default plan, or the --plan file after it
has been checked (unknown keys, negative rates, tiers out of order, coefficients ≤ 0 and numbers out of the
sanity bounds — 10^9 and above, more than 6 decimal places, a rate of money above 1 — are errors).

Exit codes: 0 printed; 1 the plan has errors; 2 usage error.`,
		Example: "  payout plan show\n  payout plan show --plan store-plan.yaml",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := loadPlan(io, so.Plan)
			if err != nil {
				return err
			}
			fmt.Fprintf(io.Out, "# plan: %s\n# sha256: %s\n", p.Source, p.SHA256)
			_, err = io.Out.Write(p.Text)
			return err
		},
	}
	show.Flags().StringVar(&so.Plan, "plan", "", "plan file (default: the built-in plan)")

	io2 := &PlanInitOptions{}
	initc := &cobra.Command{
		Use:   "init FILE",
		Short: "Write the default plan, with comments citing the source sections, to FILE",
		Long: `init writes the built-in default plan to FILE for a store to edit; use it with --plan FILE.

Exit codes: 0 written; 2 usage error (FILE exists without --force, or cannot be written).`,
		Example: "  payout plan init store-plan.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			io2.File = args[0]
			return runPlanInit(io, io2)
		},
	}
	initc.Flags().BoolVar(&io2.Force, "force", false, "overwrite FILE if it exists")
	c.AddCommand(show, initc)
	return c
}

func runPlanInit(io *IO, o *PlanInitOptions) error {
	if _, err := os.Stat(o.File); err == nil && !o.Force {
		return usageErr(msg.CLIFileExists, o.File)
	}
	if err := os.WriteFile(o.File, planDefaultText(), 0o644); err != nil {
		return usageErr("%v", err)
	}
	fmt.Fprintf(io.Err, msg.CLIWrote+"\n", o.File)
	return nil
}
