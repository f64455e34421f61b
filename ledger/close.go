// Package ledger keeps the months' history: closing a paid month so that it is never rewritten, comparing
// two results, turning corrections of a closed month into next month's adjustments, and the after-sales fund
// ledger across months 〔十二.2, 十二.5〕. It works on output folders (result.json, audit.jsonl, closed.json).
package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"payout/calc"
	"payout/internal/msg"
	"payout/internal/version"
	"payout/report"
)

// Closure records that a month was signed off and paid: who closed it, when, and the SHA-256 of the files
// that were paid from.
type Closure struct {
	Month        string `json:"month"`
	ClosedBy     string `json:"closed_by"`
	ClosedByName string `json:"closed_by_name,omitempty"`
	ClosedAt     string `json:"closed_at"`
	ResultSHA256 string `json:"result_sha256"`
	AuditSHA256  string `json:"audit_sha256"`
	ToolVersion  string `json:"tool_version"`
}

// ReadClosure returns the closure of an output folder, or nil when the month is not closed.
func ReadClosure(dir string) (*Closure, error) {
	var c Closure
	if found, err := readJSON(filepath.Join(dir, report.ClosedFile), &c); !found || err != nil {
		return nil, err
	}
	return &c, nil
}

// readJSON decodes the JSON file p into v; found is false (and err nil) when there is no such file.
func readJSON(p string, v any) (found bool, err error) {
	b, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return true, &FileError{p, err}
	}
	if err := json.Unmarshal(b, v); err != nil {
		return true, &FileError{p, err}
	}
	return true, nil
}

// ReadResult reads an output folder's result.json.
func ReadResult(dir string) (calc.Document, error) {
	var d calc.Document
	p := filepath.Join(dir, report.ResultFile)
	b, err := os.ReadFile(p)
	if err != nil {
		return d, &FileError{p, err}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, &FileError{p, err}
	}
	return d, nil
}

// ErrNotOnRoster is wrapped by the error of an id (who closes, who records) that is not an employee of the
// month.
var ErrNotOnRoster = errors.New("not on the month's roster")

// Close marks an output folder of month as final after sign-off. The record of closed months at the output
// root must check, the audit trail must verify and the folder must hold that month; by must be one of its
// employees; a closed month cannot be closed again. closed.json is written atomically, the close is added to
// the record of closed months, and the files of the folder are made read-only.
func Close(dir, month, by string, now time.Time) (*Closure, error) {
	root := filepath.Dir(filepath.Clean(dir))
	if err := CheckHistory(root, ""); err != nil {
		return nil, err
	}
	if c, err := ReadClosure(dir); err != nil {
		return nil, err
	} else if c != nil {
		return nil, fmt.Errorf(msg.LedgerAlreadyClosed, dir, c.ClosedBy, c.ClosedAt)
	}
	// A month folder may be a link to the folder itself (kept elsewhere): its files are checked and made
	// read-only there.
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, &FileError{dir, err}
	}
	doc, err := closable(root, real, month)
	if err != nil {
		return nil, err
	}
	c := &Closure{Month: doc.Month, ClosedBy: by, ClosedAt: now.UTC().Format(time.RFC3339), ToolVersion: version.Version}
	for _, e := range doc.Employees {
		if e.ID == by {
			c.ClosedByName = e.Name
		}
	}
	if !OnRoster(doc, by) {
		return nil, fmt.Errorf(msg.LedgerByUnknown+": %w", "--by", by, month, filepath.Join(dir, report.ResultFile), ErrNotOnRoster)
	}
	if err := writeClosure(root, real, c); err != nil {
		return nil, err
	}
	// Read-only files: a slip of the hand does not change paid history.
	_ = filepath.WalkDir(real, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			_ = os.Chmod(p, 0o400)
		}
		return nil
	})
	return c, nil
}

// closable checks that an output folder under root can be closed as month: its audit trail verifies, it
// holds that month, and it pays the corrections recorded for it. It returns its result.
func closable(root, dir, month string) (calc.Document, error) {
	problems, err := report.VerifyAudit(dir)
	if err != nil {
		return calc.Document{}, err
	}
	if len(problems) > 0 {
		return calc.Document{}, fmt.Errorf(msg.LedgerCannotClose, dir, problems[0])
	}
	doc, err := ReadResult(dir)
	if err != nil {
		return doc, err
	}
	if doc.Month != month {
		return doc, fmt.Errorf(msg.LedgerMonthMismatch, dir, doc.Month, month)
	}
	// Corrections of earlier closed months recorded for this month must be paid by it before it is paid out.
	recs, err := RecordsInto(root, month)
	if err != nil {
		return doc, err
	}
	if len(recs) > 0 {
		snap, err := LoadSnapshot(dir)
		if err != nil {
			return doc, err
		}
		if unpaid := UnpaidCorrections(month, recs, snap.Steps); len(unpaid) > 0 {
			return doc, fmt.Errorf(msg.LedgerCannotCloseUnpaid, dir, unpaid[0], len(unpaid))
		}
	}
	return doc, nil
}

// OnRoster tells whether id is an employee of a month's result (who closes a month, records its fund's
// opening or approves its correction must be).
func OnRoster(doc calc.Document, id string) bool {
	for _, e := range doc.Employees {
		if e.ID == id {
			return true
		}
	}
	return false
}

// writeClosure writes dir's closed.json (atomically) with the SHA-256 of the files paid from, and adds the
// close to the record of closed months at root; when that fails, closed.json goes again.
func writeClosure(root, dir string, c *Closure) error {
	var err error
	if c.ResultSHA256, err = report.FileSHA256(filepath.Join(dir, report.ResultFile)); err != nil {
		return err
	}
	if c.AuditSHA256, err = report.FileSHA256(filepath.Join(dir, report.AuditFile)); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	p := filepath.Join(dir, report.ClosedFile)
	if err := writeAtomic(p, append(b, '\n'), 0o400); err != nil {
		return err
	}
	sum, err := report.FileSHA256(p)
	if err == nil {
		err = appendClosure(root, ClosureEntry{Month: c.Month, ClosedBy: c.ClosedBy, ClosedAt: c.ClosedAt,
			ResultSHA256: c.ResultSHA256, AuditSHA256: c.AuditSHA256, ClosedSHA256: sum})
	}
	if err != nil {
		_ = os.Chmod(p, 0o600)
		_ = os.Remove(p)
	}
	return err
}

// CheckClosed verifies that a closed folder's result.json and audit.jsonl are still the files it was closed
// with. It returns the problems found.
func CheckClosed(dir string, c *Closure) []string {
	var out []string
	for _, f := range []struct{ name, want string }{{report.ResultFile, c.ResultSHA256}, {report.AuditFile, c.AuditSHA256}} {
		got, err := report.FileSHA256(filepath.Join(dir, f.name))
		if err != nil {
			out = append(out, err.Error())
		} else if got != f.want {
			out = append(out, fmt.Sprintf(msg.LedgerChangedAfterClose, f.name, c.ClosedAt))
		}
	}
	return out
}
