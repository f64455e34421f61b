// Package cli holds the cobra commands of payout. Each command has an options struct filled from its flags
// and a run function that does the work, so that commands are easy to test without a process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"payout/importers"
	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// Exit codes (SPEC §1).
const (
	ExitOK    = 0
	ExitInput = 1 // the input or plan has errors; all were reported
	ExitUsage = 2 // bad flag, bad month, missing folder
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, a ...any) error {
	return &exitError{ExitUsage, fmt.Errorf(format, a...)}
}

// errInputReported ends a command whose input errors were already printed.
var errInputReported = &exitError{ExitInput, errors.New(msg.CLIInvalid)}

// IO are the streams a command writes to.
type IO struct {
	Out, Err io.Writer
	// JSON: the command prints JSON on Out (--format json), so input and plan errors are printed there as
	// the JSON list validate --format json prints, never as text.
	JSON bool
}

// Main runs the command line and returns the exit code.
func Main(args []string, out, errw io.Writer) int {
	root := NewRoot(&IO{Out: out, Err: errw})
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee != errInputReported {
			fmt.Fprintln(errw, "payout:", ee.err)
		}
		return ee.code
	}
	// cobra's own errors: unknown flag, unknown command, bad flag value.
	fmt.Fprintln(errw, "payout:", err)
	return ExitUsage
}

// NewRoot builds the root command with every subcommand.
func NewRoot(io *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "payout",
		Short: "Month-end after-sales bonus payout for a car dealership",
		Long: `payout reads a month's DMS exports and scoring sheets (Excel/CSV), applies the commission plan
exactly and explains every cent.

Exit codes: 0 success; 1 the input or plan has errors (all of them are reported), a month's files do not
match the record of closed months, or another payout command holds the output root; 2 usage error; 130
interrupted (Ctrl-C or SIGTERM; the run's temporary files are removed first).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{ExitUsage, err}
	})
	root.AddCommand(newComputeCmd(io), newValidateCmd(io), newExplainCmd(io), newAuditCmd(io), newCloseCmd(io), newDiffCmd(io), newCorrectCmd(io), newFundCmd(io), newPlanCmd(io), newTemplateCmd(io), newVersionCmd(io))
	return root
}

// monthFlag parses --month.
func parseMonth(s string) (model.Month, error) {
	if s == "" {
		return model.Month{}, usageErr(msg.CLIMonthRequired)
	}
	return parseMonthFlag("month", s)
}

// parseMonthFlag parses the value of a month flag (named in the error).
func parseMonthFlag(flag, s string) (model.Month, error) {
	m, err := model.ParseMonth(s)
	if err != nil {
		return model.Month{}, usageErr(msg.CLIBadMonth, flag, err)
	}
	return m, nil
}

// monthFolder is the output folder of month m: the flag's value (cleaned: "out/2026-10/" is "out/2026-10"), or
// out/<m>. A folder named after another month is refused: the fund ledger and diff read a month's folder by
// its name.
func monthFolder(flagValue string, m model.Month) (string, error) {
	dir := filepath.Join("out", m.String())
	if flagValue != "" {
		dir = filepath.Clean(flagValue)
	}
	if err := checkFolderMonth(dir, m); err != nil {
		return "", err
	}
	if prevFolder.MatchString(filepath.Base(dir)) {
		return "", usageErr(msg.CLIPrevFolder, dir)
	}
	return dir, nil
}

// checkFolderMonth refuses a folder (input or output) named after another month than m: it is the wrong one.
func checkFolderMonth(dir string, m model.Month) error {
	if fm, err := model.ParseMonth(filepath.Base(filepath.Clean(dir))); err == nil && fm != m {
		return usageErr(msg.CLIFolderMonth, dir, fm, m)
	}
	return nil
}

// prevFolder is the name of an earlier run that compute --force kept aside (out/2026-10.prev-1).
var prevFolder = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}\.prev-[0-9]+$`)

func checkFormat(f string, allowed ...string) error {
	if !slices.Contains(allowed, f) {
		return usageErr(msg.CLIBadFormat, strings.Join(allowed, ", "), f)
	}
	return nil
}

// loadPlan loads --plan (or the default); a broken plan prints its errors and ends with exit 1.
func loadPlan(io *IO, path string) (*plan.Loaded, error) {
	p, err := plan.LoadFile(path)
	if err != nil {
		var es plan.Errors
		if errors.As(err, &es) {
			if io.JSON {
				issues := make([]importers.Issue, len(es))
				for i, e := range es {
					issues[i] = importers.Issue{Severity: importers.Error, File: e.File, Row: e.Line, Message: e.Msg}
				}
				if err := writeIssuesJSON(io, issues); err != nil {
					return nil, err
				}
			} else {
				for _, e := range es {
					fmt.Fprintln(io.Out, "error:", e.Error())
				}
			}
			return nil, &exitError{ExitInput, errors.New(msg.CLIPlanInvalid)}
		}
		return nil, usageErr("%v", err)
	}
	return p, nil
}
