// Package importers reads a month's input folder (CSV and xlsx exports) into typed rows with their source
// locations, and reports every problem it finds with file, sheet, row, column and cell. All parsing and
// header matching of the tool lives here.
package importers

import (
	"fmt"
	"sort"
	"strings"

	"payout/internal/msg"
)

// Severity of an issue.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Issue is one problem of the input, located as precisely as it can be.
type Issue struct {
	Severity Severity `json:"severity"`
	Table    string   `json:"table,omitempty"`
	File     string   `json:"file,omitempty"`
	Sheet    string   `json:"sheet,omitempty"`
	Row      int      `json:"row,omitempty"`
	Column   string   `json:"column,omitempty"` // the header as written in the file
	Cell     string   `json:"cell,omitempty"`   // e.g. "D17"
	Value    string   `json:"value,omitempty"`
	Message  string   `json:"message"`
}

// Location renders where the issue is: `file [sheet] row 17, column 实收金额 (D17)`.
func (i Issue) Location() string {
	var b strings.Builder
	b.WriteString(i.File)
	if i.Sheet != "" {
		fmt.Fprintf(&b, " [%s]", i.Sheet)
	}
	if i.Row > 0 {
		fmt.Fprintf(&b, " row %d", i.Row)
	}
	if i.Column != "" {
		if i.Row > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, " column %s", i.Column)
		if i.Cell != "" {
			fmt.Fprintf(&b, " (%s)", i.Cell)
		}
	}
	return strings.TrimSpace(b.String())
}

// String renders the issue as one line, e.g.
// `repair_orders.xlsx [Sheet1] row 17, column 实收金额 (D17): "12O5.00" is not an amount`.
func (i Issue) String() string {
	loc := i.Location()
	if loc == "" {
		return i.Message
	}
	return loc + ": " + i.Message
}

// Report is every issue found: file-level issues first (files in name order), then each table's issues in
// table order (rows in order), then the checks across tables. The order does not depend on timing.
type Report struct {
	Issues []Issue `json:"issues"`
	Timing Timing  `json:"-"`
}

func (r *Report) add(i Issue) { r.Issues = append(r.Issues, i) }

// Errorf adds an error that has no cell.
func (r *Report) errorf(at Issue, format string, a ...any) {
	at.Severity, at.Message = Error, fmt.Sprintf(format, a...)
	r.add(at)
}

func (r *Report) warnf(at Issue, format string, a ...any) {
	at.Severity, at.Message = Warning, fmt.Sprintf(format, a...)
	r.add(at)
}

// Count returns the number of issues of a severity.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, i := range r.Issues {
		if i.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any issue is an error.
func (r *Report) HasErrors() bool { return r.Count(Error) > 0 }

// Sorted returns the issues with errors first, each group in the order found.
func (r *Report) Sorted() []Issue {
	out := append([]Issue(nil), r.Issues...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Severity == Error && out[b].Severity != Error })
	return out
}

// Summary is the closing line of a report: "2 errors, 3 warnings".
func (r *Report) Summary() string {
	return fmt.Sprintf(msg.ReportSummary, r.Count(Error), r.Count(Warning))
}
