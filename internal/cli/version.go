package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"payout/internal/version"
	"payout/plan"
)

func newVersionCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of payout and of its default plan",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(io.Out, "payout %s (%s, default plan sha256 %s)\n", version.Version, runtime.Version(), plan.Default().SHA256)
			return nil
		},
	}
}

func planDefaultText() []byte { return plan.DefaultText() }
