package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"payout/importers"
	"payout/internal/msg"
	"payout/report"
)

// TemplateOptions are the flags of `payout template`.
type TemplateOptions struct {
	Out   string
	Force bool
	Plan  string
}

func newTemplateCmd(io *IO) *cobra.Command {
	o := &TemplateOptions{}
	c := &cobra.Command{
		Use:   "template [--out DIR] [--plan FILE]",
		Short: "Write a blank input workbook with a sheet per table and the expected headers",
		Long: `template writes DIR/` + report.TemplateFile + `: a sheet of instructions and one sheet per input table,
named after it, with the simplified-Chinese headers. With --plan, the tables are the plan's: for a plan in
the plan language, the built-in tables its bases read (with the columns it adds) and the tables it declares. Write it outside the month's folder, fill in the sheets
you need, delete the sheets of the tables you have as DMS exports (a table found twice is an error), and put
the workbook in the month's folder.

Exit codes: 0 written; 2 usage error (the file exists without --force, or cannot be written).`,
		Example: "  payout template --out 模板",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runTemplate(io, o) },
	}
	c.Flags().StringVar(&o.Out, "out", ".", "folder to write the template into")
	c.Flags().BoolVar(&o.Force, "force", false, "overwrite an existing template")
	c.Flags().StringVar(&o.Plan, "plan", "", "plan file (default: the built-in plan)")
	return c
}

func runTemplate(io *IO, o *TemplateOptions) error {
	pl, err := loadPlan(io, o.Plan)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return usageErr("%v", err)
	}
	p := filepath.Join(o.Out, report.TemplateFile)
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if o.Force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(p, flags, 0o644)
	if os.IsExist(err) {
		return usageErr(msg.CLIFileExists, p)
	}
	if err != nil {
		return usageErr("%v", err)
	}
	if err := report.WriteTemplate(f, importers.TemplateTables(pl.Plan)); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(io.Err, msg.CLIWrote+"\n", p)
	fmt.Fprintln(io.Err, msg.CLITemplateNote)
	return nil
}
