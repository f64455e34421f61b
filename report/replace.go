package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"payout/internal/msg"
)

// ErrNotOutput is returned (wrapped in a NotOutputError) when --force would replace a folder that is not a
// payout output of the month being written.
var ErrNotOutput = errors.New("not a payout output of this month")

// NotOutputError says why a folder is not replaced: Reason is one of the msg.OutNot* texts.
type NotOutputError struct {
	Dir, Month, Reason string
}

// Error says which folder is not replaced and why.
func (e *NotOutputError) Error() string {
	return fmt.Sprintf(msg.OutNotReplaced, e.Dir, e.Reason, e.Month)
}

// Unwrap makes errors.Is(err, ErrNotOutput) hold.
func (e *NotOutputError) Unwrap() error { return ErrNotOutput }

// CheckReplaceable says whether --force may replace dir with the output of month: only a folder (not a
// link) whose result.json is the result of that month and whose audit trail begins with the header of a
// payout run of that month. Anything else (a system folder, another program's files, another month's
// output) is refused with a NotOutputError.
func CheckReplaceable(dir, month string) error {
	refuse := func(reason string, a ...any) error {
		return &NotOutputError{Dir: dir, Month: month, Reason: fmt.Sprintf(reason, a...)}
	}
	st, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return refuse(msg.OutNotFolder)
	}
	var doc struct {
		Month     *string         `json:"month"`
		Employees json.RawMessage `json:"employees"`
	}
	b, err := readRegular(filepath.Join(dir, ResultFile), 1<<30)
	if err != nil {
		return refuse(msg.OutNoFile, ResultFile)
	}
	if json.Unmarshal(b, &doc) != nil || doc.Month == nil || doc.Employees == nil {
		return refuse(msg.OutNotResult, ResultFile)
	}
	if *doc.Month != month {
		return refuse(msg.OutOtherMonth, ResultFile, *doc.Month)
	}
	h, err := readAuditHeader(filepath.Join(dir, AuditFile))
	if err != nil {
		return refuse(msg.OutNoFile, AuditFile)
	}
	if h == nil || h.Kind != kindHeader || h.Tool != "payout" {
		return refuse(msg.OutNotTrail, AuditFile)
	}
	if h.Month != month {
		return refuse(msg.OutOtherMonth, AuditFile, h.Month)
	}
	return nil
}

// readRegular reads a regular file (not a link, device or folder) of at most max bytes.
func readRegular(p string, max int64) ([]byte, error) {
	st, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > max {
		return nil, errors.New(p + ": not a regular file")
	}
	return os.ReadFile(p)
}

// readAuditHeader reads the first record of a trail (nil when it is not a JSON record).
func readAuditHeader(p string) (*AuditHeader, error) {
	st, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New(p + ": not a regular file")
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	line, _ := bufio.NewReader(io.LimitReader(f, 16<<20)).ReadBytes('\n')
	var h AuditHeader
	if json.Unmarshal(line, &h) != nil {
		return nil, nil
	}
	return &h, nil
}

// CheckOutputFolder is what WriteOutput decides about dir before writing anything, for a command to refuse
// early: nil when dir does not exist or may be replaced, else ErrClosed, ErrExists or a NotOutputError.
func CheckOutputFolder(dir, month string, force bool) error {
	if _, err := os.Lstat(dir); err != nil {
		return nil
	}
	return checkExisting(dir, month, force)
}

// checkExisting decides about an existing output folder: a closed month is never replaced; without force
// nothing is; with force only the output of the same month.
func checkExisting(dir, month string, force bool) error {
	if _, err := os.Lstat(filepath.Join(dir, ClosedFile)); err == nil {
		return ErrClosed
	}
	if !force {
		return ErrExists
	}
	return CheckReplaceable(dir, month)
}
