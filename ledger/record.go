package ledger

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"payout/calc"
	"payout/internal/msg"
	"payout/plan"
	"payout/report"
)

// CorrectionsFile, in a closed month's folder, records every correction carried out of that month (one JSON
// record a line, appended by payout correct). It is what keeps a correction from being paid twice: a later
// correct pays only what the records have not carried yet, and the fund ledger books each record's fund as
// an inflow of the month that pays it. The closed result itself is never touched.
const CorrectionsFile = report.CorrectionsFile

// CorrectionRecord is one run of payout correct.
type CorrectionRecord struct {
	Month      string        `json:"month"` // the closed month corrected
	Into       string        `json:"into"`  // the month that pays the rows
	At         string        `json:"at"`
	Approver   string        `json:"approver"`
	Inputs     string        `json:"inputs"` // the corrected input folder
	PlanSHA256 string        `json:"plan_sha256"`
	File       string        `json:"file"` // where the rows were written ("" when no row pays anything)
	Rows       []RecordedRow `json:"rows"`
	// FundSpent is the difference of the month's fund spending carried (a spending row corrected after
	// close): the fund ledger books it as spending of the paying month.
	FundSpent string `json:"fund_spent,omitempty"`
}

// RecordedRow is one employee's correction as recorded (amounts with 2 decimals, as in result.json).
type RecordedRow struct {
	Employee string            `json:"employee"`
	Total    string            `json:"total"` // the signed difference of total pay carried
	Base     string            `json:"base"`
	Fund     string            `json:"fund"`
	Lines    map[string]string `json:"lines,omitempty"` // scheme → difference of its net
}

// Record is the record of corrections written to file, with the difference of fund spending carried.
func Record(month, into, at, approver, inputs, planSHA, file string, rows []Correction, spent decimal.Decimal) CorrectionRecord {
	r := CorrectionRecord{Month: month, Into: into, At: at, Approver: approver, Inputs: inputs, PlanSHA256: planSHA, File: file, Rows: []RecordedRow{}}
	if !spent.IsZero() {
		r.FundSpent = spent.StringFixed(2)
	}
	for _, c := range rows {
		row := RecordedRow{Employee: c.EmployeeID, Total: c.Delta.StringFixed(2), Base: c.Base.StringFixed(2), Fund: c.Fund.StringFixed(2)}
		for _, l := range c.Lines {
			if row.Lines == nil {
				row.Lines = map[string]string{}
			}
			row.Lines[l.Scheme] = l.Net.StringFixed(2)
		}
		r.Rows = append(r.Rows, row)
	}
	return r
}

// ReadCorrections reads the correction records of a closed month's folder (none when it has no file).
func ReadCorrections(dir string) ([]CorrectionRecord, error) {
	p := filepath.Join(dir, CorrectionsFile)
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &FileError{p, err}
	}
	defer f.Close()
	var out []CorrectionRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<28)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var r CorrectionRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, &FileError{fmt.Sprintf("%s line %d", p, n), err}
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, &FileError{p, err}
	}
	return out, nil
}

// CarriedSoFar sums the records per employee.
func CarriedSoFar(records []CorrectionRecord) map[string]Carried {
	out := map[string]Carried{}
	for _, r := range records {
		for _, row := range r.Rows {
			c := out[row.Employee]
			c.Total, c.Base, c.Fund = c.Total.Add(amount(row.Total)), c.Base.Add(amount(row.Base)), c.Fund.Add(amount(row.Fund))
			if c.Lines == nil {
				c.Lines = map[string]decimal.Decimal{}
			}
			for scheme, net := range row.Lines {
				c.Lines[scheme] = c.Lines[scheme].Add(amount(net))
			}
			out[row.Employee] = c
		}
	}
	return out
}

// AppendCorrections adds a record to the closed month's folder. The file is rewritten whole, atomically: a
// full disk leaves the records as they were, never a cut line. It stays read-only between runs, like the rest
// of the closed folder.
func AppendCorrections(dir string, r CorrectionRecord) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, CorrectionsFile)
	old, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return &FileError{p, err}
	}
	if len(old) > 0 && old[len(old)-1] != '\n' {
		old = append(old, '\n')
	}
	return writeAtomic(p, append(append(old, b...), '\n'), 0o400)
}

// SpentCarried is the difference of fund spending the records carried.
func SpentCarried(records []CorrectionRecord) decimal.Decimal {
	t := decimal.Zero
	for _, r := range records {
		t = t.Add(amount(r.FundSpent))
	}
	return t
}

// CorrectionFlow is what corrections of closed months bring into the fund ledger of the month that pays
// them: the fund withheld on the corrected commissions, and corrected fund spending.
type CorrectionFlow struct {
	Fund, Spent decimal.Decimal
}

// flowsOf sums the records per paying month.
func flowsOf(recs []CorrectionRecord) map[string]CorrectionFlow {
	out := map[string]CorrectionFlow{}
	for _, r := range recs {
		f := out[r.Into]
		for _, row := range r.Rows {
			f.Fund = f.Fund.Add(amount(row.Fund))
		}
		f.Spent = f.Spent.Add(amount(r.FundSpent))
		out[r.Into] = f
	}
	return out
}

// recordsOf reads the correction records of the months under root, in month order.
func recordsOf(root string, months []string) ([]CorrectionRecord, error) {
	var out []CorrectionRecord
	for _, m := range months {
		recs, err := ReadCorrections(filepath.Join(root, m))
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

// RecordsInto are the records of every month under root whose rows the month pays.
func RecordsInto(root, month string) ([]CorrectionRecord, error) {
	months, err := Months(root)
	if err != nil {
		return nil, err
	}
	recs, err := recordsOf(root, months)
	if err != nil {
		return nil, err
	}
	var out []CorrectionRecord
	for _, r := range recs {
		if r.Into == month {
			out = append(out, r)
		}
	}
	return out, nil
}

// UnpaidCorrections compares what the records say a month pays with the correction rows its adjustments
// actually pay (adjustment steps whose reason starts with "<month> 更正"), employee by employee. It returns a
// message for each difference: rows not copied into the adjustments table, or a month computed before the
// correction was written.
func UnpaidCorrections(month string, records []CorrectionRecord, steps []calc.Step) []string {
	type key struct{ from, emp string }
	want, got := map[key]decimal.Decimal{}, map[key]decimal.Decimal{}
	files := map[string][]string{}
	var keys []key
	note := func(k key) {
		if _, ok := want[k]; !ok {
			if _, ok := got[k]; !ok {
				keys = append(keys, k)
			}
		}
	}
	for _, r := range records {
		if r.File != "" && !slices.Contains(files[r.Month], r.File) {
			files[r.Month] = append(files[r.Month], r.File)
		}
		for _, row := range r.Rows {
			k := key{r.Month, row.Employee}
			note(k)
			want[k] = want[k].Add(amount(row.Total))
		}
	}
	froms := map[string]bool{}
	for _, r := range records {
		froms[r.Month] = true
	}
	for _, s := range steps {
		var sign int64
		switch s.Rule {
		case "adjustment." + plan.AdjBonus:
			sign = 1
		case "adjustment." + plan.AdjDeduction:
			sign = -1
		default:
			continue
		}
		reason := ""
		for _, in := range s.Inputs {
			if in.Name == "reason" {
				reason = in.Value
			}
		}
		for from := range froms {
			if strings.HasPrefix(reason, CorrectionPrefix(from)) {
				k := key{from, s.Employee}
				note(k)
				got[k] = got[k].Add(amount(s.Result).Mul(decimal.NewFromInt(sign)))
			}
		}
	}
	var out []string
	for _, k := range keys {
		if !want[k].Equal(got[k]) {
			out = append(out, unpaidMessage(month, k.from, k.emp, want[k], got[k], files[k.from]))
		}
	}
	return out
}

// unpaidMessage says what month does not pay of the corrections of from for an employee; when the files
// correct wrote the rows to are gone (deleted by the clerk), it names them and the row to add.
func unpaidMessage(month, from, emp string, want, got decimal.Decimal, files []string) string {
	var gone []string
	for _, f := range files {
		if _, err := os.Stat(f); errors.Is(err, os.ErrNotExist) {
			gone = append(gone, f)
		}
	}
	if len(gone) > 0 {
		return fmt.Sprintf(msg.LedgerCorrectionsGone, month, from, emp, want.StringFixed(2), got.StringFixed(2),
			strings.Join(gone, ", "), Signed(want.Sub(got)), CorrectionPrefix(from))
	}
	return fmt.Sprintf(msg.LedgerCorrectionsUnpaid, month, from, emp, want.StringFixed(2), got.StringFixed(2), strings.Join(files, ", "))
}

// UnpaidInto is UnpaidCorrections for the records of every closed month under root that month pays.
func UnpaidInto(root, month string, steps []calc.Step) ([]string, error) {
	recs, err := RecordsInto(root, month)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return UnpaidCorrections(month, recs, steps), nil
}
