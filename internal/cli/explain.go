package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"payout/internal/msg"
	"payout/report"
)

// ExplainOptions are the flags of `payout explain`.
type ExplainOptions struct {
	Month    string
	Employee string
	In       string
	Plan     string
}

func newExplainCmd(io *IO) *cobra.Command {
	o := &ExplainOptions{}
	c := &cobra.Command{
		Use:   "explain --month YYYY-MM --employee ID [--in DIR]",
		Short: "Explain one employee's payout: every figure, rate, coefficient, deduction and rounding, with sources",
		Long: `explain computes the month (nothing is written) and prints one employee's whole chain of calculation:
each line with its base figure, rate, achievement rates, coefficient, deductions and fund, then every step
behind it with the rows of the input files it came from. --employee takes an id, or a name that only one
employee has.

Exit codes: 0 printed; 1 the input or plan has errors; 2 usage error (unknown employee, bad month).`,
		Example: "  payout explain --month 2026-10 --employee 1004 --in sample-data/2026-10",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runExplain(io, o) },
	}
	c.Flags().StringVar(&o.Month, "month", "", "the month, YYYY-MM (required)")
	c.Flags().StringVar(&o.Employee, "employee", "", "employee id or name (required)")
	c.Flags().StringVar(&o.In, "in", "", "input folder (default data/<month>)")
	c.Flags().StringVar(&o.Plan, "plan", "", "plan file (default: the built-in plan)")
	return c
}

func runExplain(io *IO, o *ExplainOptions) error {
	if o.Employee == "" {
		return usageErr(msg.CLIEmployeeRequired)
	}
	c, err := computeMonth(io, o.Month, o.In, o.Plan)
	if err != nil {
		return err
	}
	e := c.result.Employee(o.Employee)
	if e == nil {
		var found []string
		for i := range c.result.Employees {
			if c.result.Employees[i].Name == o.Employee {
				found = append(found, c.result.Employees[i].ID)
			}
		}
		switch len(found) {
		case 1:
			e = c.result.Employee(found[0])
		case 0:
			return usageErr(msg.CLIUnknownEmployee, o.Employee)
		default:
			return usageErr(msg.CLIAmbiguousEmployee, o.Employee, fmt.Sprint(found))
		}
	}
	return report.WriteExplain(io.Out, c.result, e, c.plan.Plan)
}
