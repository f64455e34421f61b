package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"payout/importers"
	"payout/internal/lock"
	"payout/internal/msg"
	"payout/ledger"
	"payout/model"
)

// lockWait is how long a command waits for another one that holds the output root's lock (a variable for
// tests).
var lockWait = 3 * time.Second

// lockRoot takes the lock of an output root for a command that changes a month or the ledger; a root held
// by another command for longer than lockWait ends the command with exit 1, naming who holds it.
func lockRoot(root, command string) (*lock.Lock, error) {
	l, err := lock.Acquire(root, command, lockWait)
	if err != nil {
		return nil, &exitError{ExitInput, err}
	}
	return l, nil
}

// historyErr ends a command on an error of the months' history: a file of it that cannot be read
// (result.json, closed.json, a record) or what the record of closed months finds changed is printed like an
// input error (`error: <file>: <reason>`, or the JSON list with --format json) with exit 1; any other error
// is exit 1 as it is.
func historyErr(io *IO, err error) error {
	var he *ledger.HistoryError
	var fe *ledger.FileError
	var issues []importers.Issue
	switch {
	case errors.As(err, &he):
		for _, p := range he.Problems {
			issues = append(issues, importers.Issue{Severity: importers.Error, Message: p})
		}
	case errors.As(err, &fe):
		issues = []importers.Issue{{Severity: importers.Error, File: fe.Path, Message: fmt.Sprintf(msg.HistoryUnreadable, fe.Err)}}
	default:
		return &exitError{ExitInput, err}
	}
	if io.JSON {
		if e := writeIssuesJSON(io, issues); e != nil {
			return e
		}
	} else {
		printIssues(io, issues)
	}
	return errInputReported
}

// otherRootHint is said beside an overdrawn fund whose ledger (at root) has no opening balance while the
// default output root out/ has one: the month is computed into another root than the one the opening was
// recorded in.
func otherRootHint(err error, root string) string {
	var over *ledger.OverdrawnError
	def := "out"
	if !errors.As(err, &over) || over.Opening != nil || filepath.Clean(root) == def {
		return ""
	}
	if _, e := os.Stat(filepath.Join(def, ledger.FundOpeningFile)); e != nil {
		return ""
	}
	return fmt.Sprintf(msg.LedgerFundOtherRoot, filepath.Join(def, ledger.FundOpeningFile), root, root, def)
}

// unpaidIssue is a correction recorded for the month that its adjustments do not pay, as a warning at the
// month's adjustments table.
func unpaidIssue(message string, tables []model.TableInfo) importers.Issue {
	return tableIssue(importers.Warning, importers.TAdjustments, message, tables)
}
