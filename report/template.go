// Package report writes what people read: input templates, payslips, the summary workbook, the audit
// trail and terminal tables. Labels are simplified Chinese and live in labels.go.
package report

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"payout/importers"
)

// TemplateFile is the name of the blank input workbook.
const TemplateFile = "输入模板.xlsx"

// fixedTime is written as the creation and modification time of every workbook, so that the same content
// gives the same bytes.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)

// templateRows is how many rows of each template sheet are formatted as text (the header included).
const templateRows = 200

// WriteTemplate writes the blank input workbook: a sheet of instructions (ignored by the reader) and one
// sheet per table named after it, with the simplified-Chinese headers.
func WriteTemplate(w io.Writer, tables []*importers.Table) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Created: fixedTime, Modified: fixedTime, Creator: "payout"}); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": keep ids like 0012 as typed
	if err != nil {
		return err
	}
	guide := LabelGuideSheet
	if err := f.SetSheetName("Sheet1", guide); err != nil {
		return err
	}
	rowN := 1
	set := func(sheet string, col, row int, v any) error {
		ref, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		return f.SetCellValue(sheet, ref, v)
	}
	for i, h := range []string{LabelGuideTable, LabelGuideColumn, LabelGuideRequired, LabelGuideEnglish} {
		if err := set(guide, i+1, rowN, h); err != nil {
			return err
		}
	}
	if err := f.SetRowStyle(guide, 1, 1, bold); err != nil {
		return err
	}
	for _, t := range tables {
		sheet := t.Label()
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		for i, c := range t.Columns {
			rowN++
			req := ""
			if c.Required {
				req = LabelYes
			}
			for j, v := range []string{sheet, c.Header(), req, c.Name} {
				if err := set(guide, j+1, rowN, v); err != nil {
					return err
				}
			}
			if err := set(sheet, i+1, 1, c.Header()); err != nil {
				return err
			}
			colName, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColWidth(sheet, colName, colName, float64(displayWidth(c.Header())+6)); err != nil {
				return err
			}
		}
		last, _ := excelize.ColumnNumberToName(len(t.Columns))
		if err := f.SetCellStyle(sheet, "A2", fmt.Sprintf("%s%d", last, templateRows), text); err != nil {
			return err
		}
		// The used range: the header and the text-formatted rows below it.
		if err := setDimension(f, sheet, len(t.Columns), templateRows); err != nil {
			return err
		}
		if err := f.SetRowStyle(sheet, 1, 1, bold); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(guide, "A", "D", 22); err != nil {
		return err
	}
	if err := setDimension(f, guide, 4, rowN); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
