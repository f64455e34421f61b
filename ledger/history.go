package ledger

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"payout/internal/msg"
	"payout/report"
)

// ClosuresFile, at an output root, is the tamper-evident record of the months closed under it: one JSON line
// per close, each carrying the SHA-256 of the line before it and of the month's result.json, audit.jsonl and
// closed.json. A closed.json deleted or edited by hand, or a closed result edited, is found through it. Its
// limit: the record deleted whole, or its last line rewritten together with the files it vouches for, is not.
const ClosuresFile = "closures.jsonl"

// ClosureEntry is one line of the record of closed months.
type ClosureEntry struct {
	Month        string `json:"month"`
	ClosedBy     string `json:"closed_by"`
	ClosedAt     string `json:"closed_at"`
	ResultSHA256 string `json:"result_sha256"`
	AuditSHA256  string `json:"audit_sha256"`
	ClosedSHA256 string `json:"closed_sha256"`
	Prev         string `json:"prev_sha256"` // of the line before it ("" for the first)
}

// FileError is a file of the months' history that cannot be read or is not what payout wrote.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return fmt.Sprintf(msg.LedgerBadClosure, e.Path, e.Err) }
func (e *FileError) Unwrap() error { return e.Err }

// HistoryError lists what the record of closed months finds changed under an output root.
type HistoryError struct{ Problems []string }

func (e *HistoryError) Error() string { return strings.Join(e.Problems, "; ") }

// readClosures reads the record of closed months and checks its chain; it returns the entries and the
// SHA-256 of the last line ("" when there is none).
func readClosures(root string) ([]ClosureEntry, string, []string, error) {
	p := filepath.Join(root, ClosuresFile)
	b, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, "", nil, nil
	}
	if err != nil {
		return nil, "", nil, &FileError{p, err}
	}
	var out []ClosureEntry
	var problems []string
	prev := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 1<<12), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		var e ClosureEntry
		if err := json.Unmarshal(line, &e); err != nil {
			return nil, "", nil, &FileError{fmt.Sprintf("%s line %d", p, n), err}
		}
		if e.Prev != prev {
			problems = append(problems, fmt.Sprintf(msg.HistoryBrokenChain, p, n))
		}
		sum := sha256.Sum256(line)
		prev = hex.EncodeToString(sum[:])
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, "", nil, &FileError{p, err}
	}
	return out, prev, problems, nil
}

// appendClosure adds the closure of a month to the record of closed months at root.
func appendClosure(root string, e ClosureEntry) error {
	_, last, problems, err := readClosures(root)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return &HistoryError{problems}
	}
	e.Prev = last
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	p := filepath.Join(root, ClosuresFile)
	old, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return &FileError{p, err}
	}
	return writeAtomic(p, append(append(old, line...), '\n'), 0o400)
}

// CheckHistory checks the months closed under root against the record of closed months: the record's chain,
// and for each closed month (only the month `only`, when it is not "") that its closed.json is there and that
// closed.json, result.json and audit.jsonl are the files it was closed with. An error is a *HistoryError
// listing the problems, or a *FileError when the record cannot be read.
func CheckHistory(root, only string) error {
	entries, _, problems, err := readClosures(root)
	if err != nil {
		return err
	}
	p := filepath.Join(root, ClosuresFile)
	for _, e := range entries {
		if only != "" && e.Month != only {
			continue
		}
		dir := filepath.Join(root, e.Month)
		if _, err := os.Lstat(filepath.Join(dir, report.ClosedFile)); errors.Is(err, os.ErrNotExist) {
			problems = append(problems, fmt.Sprintf(msg.HistoryClosedMissing, filepath.Join(dir, report.ClosedFile), p, e.Month, e.ClosedBy, e.ClosedAt))
			continue
		}
		for _, f := range []struct{ name, want string }{{report.ClosedFile, e.ClosedSHA256}, {report.ResultFile, e.ResultSHA256}, {report.AuditFile, e.AuditSHA256}} {
			got, err := report.FileSHA256(filepath.Join(dir, f.name))
			if err != nil {
				problems = append(problems, (&FileError{filepath.Join(dir, f.name), err}).Error())
			} else if got != f.want {
				problems = append(problems, fmt.Sprintf(msg.HistoryFileChanged, filepath.Join(dir, f.name), e.Month, e.ClosedAt, p))
			}
		}
	}
	if len(problems) > 0 {
		return &HistoryError{problems}
	}
	return nil
}

// HistoryOf is what the record of closed months at the output root of a month's folder finds changed for
// that month (and in the record itself): for payout audit verify.
func HistoryOf(dir string) ([]string, error) {
	dir = filepath.Clean(dir)
	err := CheckHistory(filepath.Dir(dir), filepath.Base(dir))
	var he *HistoryError
	if errors.As(err, &he) {
		return he.Problems, nil
	}
	return nil, err
}
