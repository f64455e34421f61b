package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"payout/importers"
)

var (
	dimensionRe = regexp.MustCompile(`<dimension ref="([^"]*)"`)
	cellRe      = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"`)
	mergeRe     = regexp.MustCompile(`<mergeCell ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"`)
)

// checkDimensions reads every sheet's XML of a written workbook and checks that its <dimension> is the
// range of the cells it holds (A1 to the last column and row), as a reader that trusts it needs.
func checkDimensions(t *testing.T, name string, xlsx []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	sheets := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		maxCol, maxRow := 1, 1
		extend := func(cell string) {
			c, r, err := excelize.CellNameToCoordinates(cell)
			if err != nil {
				t.Fatal(err)
			}
			maxCol, maxRow = max(maxCol, c), max(maxRow, r)
		}
		for _, m := range cellRe.FindAllSubmatch(b, -1) {
			extend(string(m[1]))
		}
		for _, m := range mergeRe.FindAllSubmatch(b, -1) {
			extend(string(m[2]))
		}
		want := "A1"
		if maxCol > 1 || maxRow > 1 {
			want += ":" + ref(maxCol, maxRow)
		}
		got := ""
		if m := dimensionRe.FindSubmatch(b); m != nil {
			got = string(m[1])
		}
		if got != want {
			t.Errorf("%s %s: dimension %q, the cells span %q", name, zf.Name, got, want)
		}
	}
	if sheets == 0 {
		t.Fatalf("%s: no sheets", name)
	}
}

func TestWrittenSheetsDeclareTheirUsedRange(t *testing.T) {
	o := sampleMonth(t)
	var payslip, summary, template bytes.Buffer
	if err := WritePayslip(&payslip, o.Result, &o.Result.Employees[0], o.Plan.Plan, "本店"); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummary(&summary, SummaryInput{Result: o.Result, Plan: o.Plan, Data: o.Data, Warnings: []string{"w"}}); err != nil {
		t.Fatal(err)
	}
	if err := WriteTemplate(&template, importers.Tables); err != nil {
		t.Fatal(err)
	}
	checkDimensions(t, "payslip", payslip.Bytes())
	checkDimensions(t, "summary", summary.Bytes())
	checkDimensions(t, "template", template.Bytes())
}
