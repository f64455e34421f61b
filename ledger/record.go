package ledger

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
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
	File       string        `json:"file"` // where the rows were written
	Rows       []RecordedRow `json:"rows"`
}

// RecordedRow is one employee's correction as recorded (amounts with 2 decimals, as in result.json).
type RecordedRow struct {
	Employee string            `json:"employee"`
	Total    string            `json:"total"` // the signed difference of total pay carried
	Base     string            `json:"base"`
	Fund     string            `json:"fund"`
	Lines    map[string]string `json:"lines,omitempty"` // scheme → difference of its net
}

// Record is the record of corrections written to file.
func Record(month, into, at, approver, inputs, planSHA, file string, rows []Correction) CorrectionRecord {
	r := CorrectionRecord{Month: month, Into: into, At: at, Approver: approver, Inputs: inputs, PlanSHA256: planSHA, File: file, Rows: []RecordedRow{}}
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
		return nil, err
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
			return nil, fmt.Errorf(msg.LedgerBadClosure, fmt.Sprintf("%s line %d", p, n), err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
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

// AppendCorrections adds a record to the closed month's folder.
func AppendCorrections(dir string, r CorrectionRecord) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(dir, CorrectionsFile), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(append(b, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// CorrectionFundInto is, per paying month, the fund of the corrections it pays: the fund ledger's inflow from
// corrections, read from the records of every month under root.
func CorrectionFundInto(root string) (map[string]decimal.Decimal, error) {
	months, err := Months(root)
	if err != nil {
		return nil, err
	}
	out := map[string]decimal.Decimal{}
	for _, m := range months {
		recs, err := ReadCorrections(filepath.Join(root, m))
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			for _, row := range r.Rows {
				out[r.Into] = out[r.Into].Add(amount(row.Fund))
			}
		}
	}
	return out, nil
}
