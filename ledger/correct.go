package ledger

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

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
// when the folder has no adjustments table, the rows appended when it has one as a CSV file, and, when it
// has one inside a workbook, a separate CSV (its path returned) whose rows the clerk copies in. Rows of the
// same month's corrections already present are not added twice. It returns where the rows went, and
// whether the clerk must copy them.
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
		return p, false, writeCSVRows(p, adjustmentsHeader(), rows, false)
	case strings.EqualFold(filepath.Ext(existing), ".csv"):
		b, err := os.ReadFile(existing)
		if err != nil {
			return "", false, err
		}
		if strings.Contains(string(b), CorrectionPrefix(month)) {
			return "", false, fmt.Errorf(msg.LedgerCorrectionsThere, existing, month)
		}
		header, err := csvHeader(b)
		if err != nil {
			return "", false, err
		}
		return existing, false, writeCSVRows(existing, header, rows, true)
	default:
		p := filepath.Join(folder, fmt.Sprintf(msg.CorrectionFileFmt, month))
		if err := writeCSVRows(p, adjustmentsHeader(), rows, false); err != nil {
			return "", false, err
		}
		return p, true, nil
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

// csvHeader finds the header line of an existing adjustments CSV (the first line with the required columns).
func csvHeader(b []byte) ([]string, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	for i := 0; i < 30; i++ {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if _, err := (Correction{}).row(rec); err == nil {
			return rec, nil
		}
	}
	return nil, fmt.Errorf(msg.LedgerAdjustHeader, "adjustments", "工号/类型/数值/原因/审批人")
}

// writeCSVRows writes (or appends) rows as UTF-8 CSV; a new file gets a BOM (Excel's "CSV UTF-8") and
// the header. Values starting with = + - @ are prefixed with ' so that a spreadsheet never runs them.
func writeCSVRows(p string, header []string, rows []Correction, appendTo bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if appendTo {
		flags = os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(p, flags, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if appendTo {
		if st, err := f.Stat(); err == nil && st.Size() > 0 {
			b, _ := os.ReadFile(p)
			if len(b) > 0 && b[len(b)-1] != '\n' {
				bw.WriteString("\r\n")
			}
		}
	} else {
		bw.WriteString("\xef\xbb\xbf")
	}
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	if !appendTo {
		if err := w.Write(header); err != nil {
			f.Close()
			return err
		}
	}
	for _, c := range rows {
		rec, err := c.row(header)
		if err != nil {
			f.Close()
			return fmt.Errorf(msg.LedgerAdjustHeader, p, err)
		}
		for i, v := range rec {
			if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				rec[i] = "'" + v
			}
		}
		if err := w.Write(rec); err != nil {
			f.Close()
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// CorrectionsTotal is the signed sum of correction rows (bonuses less deductions), as text with 2 decimals.
func CorrectionsTotal(rows []Correction) string {
	t := decimal.Zero
	for _, r := range rows {
		t = t.Add(r.Delta)
	}
	return t.StringFixed(2)
}
