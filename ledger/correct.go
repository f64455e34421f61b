package ledger

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"

	"payout/calc"
	"payout/importers"
	"payout/internal/fold"
	"payout/internal/msg"
)

// Correction is one adjustment row for the next month: the signed difference of an employee's total pay
// between the closed result and the corrected one.
type Correction struct {
	EmployeeID string
	Kind       string          // the plan's adjustment kind name, as written in the table (奖励 or 扣款)
	Amount     decimal.Decimal // > 0
	Delta      decimal.Decimal // the signed difference: Amount for a bonus, −Amount for a deduction
	Reason     string
	ApproverID string
}

// CorrectionPrefix starts the reason of every correction row of month m: "2026-10 更正".
func CorrectionPrefix(m string) string { return m + " " + msg.CorrectionWord }

// Corrections turns the differences between a closed result and the corrected one into adjustment rows:
// one per employee whose total pay changed, a bonus when it rose and a deduction when it fell, so that the
// next month pays exactly the difference (adjustment lines carry no fund). The reason names the lines that
// changed (label names a scheme for people). bonus and deduction are the names written in the kind column.
func Corrections(closed, corrected calc.Document, approver, bonus, deduction string, label func(string) string) []Correction {
	d := Compare(&Snapshot{Doc: closed}, &Snapshot{Doc: corrected})
	type acc struct {
		total decimal.Decimal
		parts []string
	}
	per := map[string]*acc{}
	var ids []string
	for _, c := range d.Changes {
		a := per[c.EmployeeID]
		if a == nil {
			a = &acc{}
			per[c.EmployeeID] = a
			ids = append(ids, c.EmployeeID)
		}
		switch {
		case c.Scheme == "total":
			a.total = amount(c.Delta)
		case c.Scheme == "base_salary":
			a.parts = append(a.parts, fmt.Sprintf("%s %s", msg.CorrectionBase, signed(amount(c.Delta))))
		case c.Field == "net":
			a.parts = append(a.parts, fmt.Sprintf("%s %s", label(c.Scheme), signed(amount(c.Delta))))
		}
	}
	var out []Correction
	for _, id := range ids {
		a := per[id]
		if a.total.IsZero() {
			continue
		}
		kind := bonus
		if a.total.IsNegative() {
			kind = deduction
		}
		reason := CorrectionPrefix(closed.Month) + ": " + strings.Join(a.parts, ", ")
		if len(a.parts) == 0 {
			reason = CorrectionPrefix(closed.Month)
		}
		out = append(out, Correction{EmployeeID: id, Kind: kind, Amount: a.total.Abs(), Delta: a.total, Reason: reason, ApproverID: approver})
	}
	return out
}

func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + d.StringFixed(2)
	}
	return d.StringFixed(2)
}

// adjustmentsHeader is the adjustments table's header as the template writes it.
func adjustmentsHeader() []string {
	t := importers.TableByName(importers.TAdjustments)
	h := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		h[i] = c.Header()
	}
	return h
}

// row is a correction in the columns of a header (matched like the importers match headers).
func (c Correction) row(header []string) ([]string, error) {
	t := importers.TableByName(importers.TAdjustments)
	vals := map[string]string{"emp_id": c.EmployeeID, "kind": c.Kind, "pool": "", "value": c.Amount.StringFixed(2),
		"reason": c.Reason, "approver_id": c.ApproverID}
	out := make([]string, len(header))
	found := map[string]bool{}
	for i, h := range header {
		k := headerKey(h)
		for _, col := range t.Columns {
			for _, name := range append([]string{col.Name}, col.Aliases...) {
				if headerKey(name) == k {
					out[i] = vals[col.Name]
					found[col.Name] = true
				}
			}
		}
	}
	for _, col := range t.Columns {
		if col.Required && !found[col.Name] {
			return nil, fmt.Errorf("%s", col.Header())
		}
	}
	return out, nil
}

func headerKey(s string) string { return strings.NewReplacer("_", "", "-", "").Replace(fold.Key(s)) }

// WriteCorrections adds the rows to the adjustments table of the next month's input folder: a new 调整.csv
// when the folder has no adjustments table; the rows appended when it has one as a CSV file (in that file's
// encoding, delimiter, line ending and column order); and, when it has one inside a workbook, a separate CSV
// (its path returned) whose rows the clerk copies in. Corrections of the same month are never added twice.
// It returns where the rows went, and whether the clerk must copy them.
func WriteCorrections(folder, month string, rows []Correction) (string, bool, error) {
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", false, err
	}
	existing, err := findAdjustments(folder)
	if err != nil {
		return "", false, err
	}
	switch {
	case existing == "":
		p := filepath.Join(folder, importers.TableByName(importers.TAdjustments).Label()+".csv")
		return p, false, createCSV(p, month, rows)
	case strings.EqualFold(filepath.Ext(existing), ".csv"):
		return existing, false, appendCSV(existing, month, rows)
	default:
		p := filepath.Join(folder, fmt.Sprintf(msg.CorrectionFileFmt, month))
		return p, true, createCSV(p, month, rows)
	}
}

// findAdjustments returns the file that holds the folder's adjustments table, "" when none does.
func findAdjustments(folder string) (string, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return "", err
	}
	t := importers.TableByName(importers.TAdjustments)
	names := append([]string{t.Name}, t.Aliases...)
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		base := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
		for _, n := range names {
			if headerKey(base) == headerKey(n) && (ext == ".csv" || ext == ".xlsx") {
				return filepath.Join(folder, e.Name()), nil
			}
		}
		if ext == ".xlsx" && importers.WorkbookHasSheet(filepath.Join(folder, e.Name()), names) {
			return filepath.Join(folder, e.Name()), nil
		}
	}
	return "", nil
}

// createCSV writes a new adjustments CSV: UTF-8 with a byte order mark (Excel's "CSV UTF-8"), the template's
// header, CRLF line endings.
func createCSV(p, month string, rows []Correction) error {
	body, err := csvRows(adjustmentsHeader(), rows, ',', true, p)
	if err != nil {
		return err
	}
	var head bytes.Buffer
	w := csv.NewWriter(&head)
	w.UseCRLF = true
	_ = w.Write(adjustmentsHeader())
	w.Flush()
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf(msg.LedgerCorrectionsThere, p, month)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(append(append([]byte("\xef\xbb\xbf"), head.Bytes()...), body...))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// appendCSV appends rows to an existing adjustments CSV, in its encoding, delimiter, line ending and
// column order; a file that already holds corrections of the month is left alone.
func appendCSV(p, month string, rows []Correction) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	text, enc, comma := importers.DecodeCSV(b)
	if bytes.Contains(text, []byte(CorrectionPrefix(month))) {
		return fmt.Errorf(msg.LedgerCorrectionsThere, p, month)
	}
	header, err := csvHeader(text, comma)
	if err != nil {
		return fmt.Errorf(msg.LedgerAdjustHeader, p, err)
	}
	crlf := bytes.Contains(text, []byte("\r\n")) || !bytes.Contains(text, []byte("\n"))
	body, err := csvRows(header, rows, comma, crlf, p)
	if err != nil {
		return err
	}
	if n := len(text); n > 0 && text[n-1] != '\n' {
		nl := []byte("\n")
		if crlf {
			nl = []byte("\r\n")
		}
		body = append(nl, body...)
	}
	if enc == importers.EncGB18030 {
		if body, err = simplifiedchinese.GB18030.NewEncoder().Bytes(body); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// csvHeader finds the header line of an existing adjustments CSV: the first of its first lines that has
// every required column.
func csvHeader(text []byte, comma rune) ([]string, error) {
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.Comma = comma
	var missing error = errors.New(strings.Join(adjustmentsHeader(), "/"))
	for i := 0; i < 30; i++ {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if _, err := (Correction{}).row(rec); err == nil {
			return rec, nil
		} else if i == 0 {
			missing = err
		}
	}
	return nil, missing
}

// csvRows renders rows in the columns of header. Values starting with = + - @ (or a tab or CR) are prefixed
// with ' so that a spreadsheet never runs them as formulas.
func csvRows(header []string, rows []Correction, comma rune, crlf bool, p string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = comma, crlf
	for _, c := range rows {
		rec, err := c.row(header)
		if err != nil {
			return nil, fmt.Errorf(msg.LedgerAdjustHeader, p, err)
		}
		for i, v := range rec {
			if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				rec[i] = "'" + v
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// CorrectionsTotal is the signed sum of correction rows (bonuses less deductions), as text with 2 decimals.
func CorrectionsTotal(rows []Correction) string {
	t := decimal.Zero
	for _, r := range rows {
		t = t.Add(r.Delta)
	}
	return t.StringFixed(2)
}
