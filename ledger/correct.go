package ledger

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"payout/calc"
	"payout/importers"
	"payout/internal/msg"
)

// Correction is what a corrected month changes for one employee beyond what earlier corrections already
// carried: the adjustment row for the next month (the signed difference of total pay), and, for the record,
// the differences of base salary, fund and each line's net.
type Correction struct {
	EmployeeID string
	Kind       string          // the plan's adjustment kind name, as written in the table (奖励 or 扣款)
	Amount     decimal.Decimal // |Delta|; 0 when only the fund changed (no row is written then)
	Delta      decimal.Decimal // the signed difference of total pay: Amount for a bonus, −Amount for a deduction
	Base       decimal.Decimal // of base salary
	Fund       decimal.Decimal // of the fund withheld: the fund ledger's inflow in the month that pays it
	Lines      []LineDelta     // of each line's net
	Reason     string
	ApproverID string
}

// LineDelta is the difference of one line's net.
type LineDelta struct {
	Scheme string
	Net    decimal.Decimal
}

// Carried is what earlier corrections of a closed month carried for one employee.
type Carried struct {
	Total, Base, Fund decimal.Decimal
	Lines             map[string]decimal.Decimal
}

// CorrectionPrefix starts the reason of every correction row of month m: "2026-10 更正".
func CorrectionPrefix(m string) string { return m + " " + msg.CorrectionWord }

// Corrections turns the differences between a closed result and the corrected one, less what earlier
// corrections of the month already carried, into one correction per employee whose pay or fund changed: a
// bonus row when the pay rose and a deduction row when it fell, so that the next month pays exactly the rest
// of the difference (adjustment lines carry no fund). The reason names the lines that changed (label names a
// scheme for people). bonus and deduction are the names written in the kind column. An employee missing on
// one side counts as paid nothing there.
func Corrections(closed, corrected calc.Document, carried map[string]Carried, approver, bonus, deduction string, label func(string) string) []Correction {
	ids, oe, ne := pairEmployees(closed.Employees, corrected.Employees)
	// Someone only earlier corrections paid (added by one, gone again) is in neither result.
	for id := range carried {
		if _, a := oe[id]; !a {
			if _, b := ne[id]; !b {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	var out []Correction
	for _, id := range ids {
		o, n, c := oe[id], ne[id], carried[id]
		delta := func(old, new string, done decimal.Decimal) decimal.Decimal {
			return amount(new).Sub(amount(old)).Sub(done)
		}
		cr := Correction{EmployeeID: id, ApproverID: approver,
			Delta: delta(o.Total, n.Total, c.Total), Base: delta(o.BaseSalary, n.BaseSalary, c.Base), Fund: delta(o.Fund, n.Fund, c.Fund)}
		var parts []string
		if !cr.Base.IsZero() {
			parts = append(parts, msg.CorrectionBase+" "+Signed(cr.Base))
		}
		schemes, ol, nl := pairLines(o.Lines, n.Lines)
		for _, sc := range schemes {
			if d := delta(ol[sc].Net, nl[sc].Net, c.Lines[sc]); !d.IsZero() {
				cr.Lines = append(cr.Lines, LineDelta{sc, d})
				parts = append(parts, label(sc)+" "+Signed(d))
			}
		}
		if cr.Delta.IsZero() && cr.Fund.IsZero() {
			continue
		}
		cr.Kind, cr.Amount = bonus, cr.Delta.Abs()
		if cr.Delta.IsNegative() {
			cr.Kind = deduction
		}
		cr.Reason = CorrectionPrefix(closed.Month)
		if len(parts) > 0 {
			cr.Reason += ": " + strings.Join(parts, ", ")
		}
		out = append(out, cr)
	}
	return out
}

// Signed is an amount with its sign and 2 decimals: +6000.00, -12.50, 0.00.
func Signed(d decimal.Decimal) string {
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

// idColumns are the adjustments table's columns that hold ids: written as they are, never guarded with '
// (an id such as "-12" is read back as the roster has it).
var idColumns = map[string]bool{"emp_id": true, "approver_id": true}

// row is a correction in the columns of a header (matched like the importers match headers), with the
// column name of each cell ("" for a column the table does not know).
func (c Correction) row(header []string) ([]string, []string, error) {
	t := importers.TableByName(importers.TAdjustments)
	vals := map[string]string{"emp_id": c.EmployeeID, "kind": c.Kind, "pool": "", "value": c.Amount.StringFixed(2),
		"reason": c.Reason, "approver_id": c.ApproverID}
	out, names := make([]string, len(header)), make([]string, len(header))
	found := map[string]bool{}
	for i, h := range header {
		if name, ok := t.ColumnNamed(h); ok {
			out[i], names[i] = vals[name], name
			found[name] = true
		}
	}
	for _, col := range t.Columns {
		if col.Required && !found[col.Name] {
			return nil, nil, fmt.Errorf("%s", col.Header())
		}
	}
	return out, names, nil
}

// WriteCorrections adds the rows that pay something (Amount > 0) to the adjustments table of the next
// month's input folder: a new 调整.csv when the folder has no adjustments table; the rows appended when it
// has one as a CSV file (in that file's encoding, delimiter, line ending and column order); and, when it has
// one inside a workbook, a separate CSV whose rows the clerk copies in. It returns where the rows went (""
// when no row pays anything), and the workbook they are to be copied into ("" when they are in place). Paying
// a correction twice is kept off by the closed month's record (CorrectionsFile), not here.
func WriteCorrections(folder, month string, rows []Correction) (string, string, error) {
	var pay []Correction
	for _, r := range rows {
		if r.Amount.IsPositive() {
			pay = append(pay, r)
		}
	}
	if len(pay) == 0 {
		return "", "", nil
	}
	if st, err := os.Stat(folder); err == nil && !st.IsDir() {
		return "", "", fmt.Errorf(msg.InNotFolder, folder)
	}
	if err := os.MkdirAll(folder, 0o700); err != nil { // the month's inputs: personal data
		return "", "", err
	}
	existing, err := findAdjustments(folder)
	if err != nil {
		return "", "", err
	}
	switch {
	case existing == "":
		p := filepath.Join(folder, importers.TableByName(importers.TAdjustments).Label()+".csv")
		return p, "", createCSV(p, pay)
	case !strings.EqualFold(filepath.Ext(existing), ".xlsx"): // .csv or .txt
		return existing, "", appendCSV(existing, pay)
	default:
		for n := 1; ; n++ {
			name := fmt.Sprintf(msg.CorrectionFileFmt, month)
			if n > 1 {
				name = strings.TrimSuffix(name, ".csv") + fmt.Sprintf("-%d.csv", n)
			}
			p := filepath.Join(folder, name)
			err := createCSV(p, pay)
			if errors.Is(err, os.ErrExist) {
				continue
			}
			return p, existing, err
		}
	}
}

// findAdjustments returns the file that holds the folder's adjustments table as the month's reader finds
// it (a CSV, or a workbook's sheet), "" when none does.
func findAdjustments(folder string) (string, error) {
	file, _, err := importers.TableFile(folder, importers.TAdjustments)
	if err != nil || file == "" {
		return "", err
	}
	return filepath.Join(folder, file), nil
}

// createCSV writes a new adjustments CSV: UTF-8 with a byte order mark (Excel's "CSV UTF-8"), the template's
// header, CRLF line endings. An existing file is an error (os.ErrExist).
func createCSV(p string, rows []Correction) error {
	body, err := csvRows(adjustmentsHeader(), rows, ',', true, p)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // ids and amounts: personal data
	if err != nil {
		return err
	}
	_, err = f.Write(append(csvHead(',', true), body...))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// csvHead is the byte order mark and the template's header line.
func csvHead(comma rune, crlf bool) []byte {
	var head bytes.Buffer
	head.WriteString("\xef\xbb\xbf")
	w := csv.NewWriter(&head)
	w.Comma, w.UseCRLF = comma, crlf
	_ = w.Write(adjustmentsHeader())
	w.Flush()
	return head.Bytes()
}

// appendCSV appends rows to an existing adjustments CSV, in its encoding, delimiter, line ending and column
// order. An empty file (a header-less template) gets the template's header first.
func appendCSV(p string, rows []Correction) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	text, enc, comma := importers.DecodeCSV(b)
	var body []byte
	header := adjustmentsHeader()
	crlf := true
	if len(bytes.TrimSpace(text)) == 0 {
		body = csvHead(',', true)
		if len(b) > 0 {
			body = body[3:] // the file has its byte order mark (or only blanks)
		}
	} else {
		if header, err = csvHeader(text, comma); err != nil {
			return fmt.Errorf(msg.LedgerAdjustHeader, p, err)
		}
		crlf = bytes.Contains(text, []byte("\r\n")) || !bytes.Contains(text, []byte("\n"))
		if n := len(text); text[n-1] != '\n' {
			body = []byte("\n")
			if crlf {
				body = []byte("\r\n")
			}
		}
	}
	rs, err := csvRows(header, rows, comma, crlf, p)
	if err != nil {
		return err
	}
	body = append(body, rs...)
	switch enc {
	case importers.EncGB18030:
		if body, err = simplifiedchinese.GB18030.NewEncoder().Bytes(body); err != nil {
			return err
		}
	case importers.EncUTF16:
		endian := unicode.LittleEndian
		if bytes.HasPrefix(b, []byte("\xfe\xff")) {
			endian = unicode.BigEndian
		}
		if body, err = unicode.UTF16(endian, unicode.IgnoreBOM).NewEncoder().Bytes(body); err != nil {
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
		if _, _, err := (Correction{}).row(rec); err == nil {
			return rec, nil
		} else if i == 0 {
			missing = err
		}
	}
	return nil, missing
}

// csvRows renders rows in the columns of header. Text values starting with = + - @ (or a tab or CR) are
// prefixed with ' so that a spreadsheet never runs them as formulas; ids are not (the importers read a
// guarded id back, but an id written as it is stays the id the roster has).
func csvRows(header []string, rows []Correction, comma rune, crlf bool, p string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = comma, crlf
	for _, c := range rows {
		rec, names, err := c.row(header)
		if err != nil {
			return nil, fmt.Errorf(msg.LedgerAdjustHeader, p, err)
		}
		for i, v := range rec {
			if v != "" && !idColumns[names[i]] && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
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

// SpentDelta is the difference of the month's fund spending between the closed result and the corrected
// one, less what the records already carried.
func SpentDelta(closed, corrected calc.Document, records []CorrectionRecord) decimal.Decimal {
	return amount(corrected.FundSpent).Sub(amount(closed.FundSpent)).Sub(SpentCarried(records))
}

// Payable counts the rows that pay something (the adjustment rows written).
func Payable(rows []Correction) int {
	n := 0
	for _, r := range rows {
		if r.Amount.IsPositive() {
			n++
		}
	}
	return n
}

// CorrectionsFund is the sum of the rows' fund differences, as text with 2 decimals.
func CorrectionsFund(rows []Correction) string {
	t := decimal.Zero
	for _, r := range rows {
		t = t.Add(r.Fund)
	}
	return t.StringFixed(2)
}

// CorrectionsTotal is the signed sum of correction rows (bonuses less deductions), as text with 2 decimals.
func CorrectionsTotal(rows []Correction) string {
	t := decimal.Zero
	for _, r := range rows {
		t = t.Add(r.Delta)
	}
	return t.StringFixed(2)
}
