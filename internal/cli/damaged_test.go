package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"payout/internal/msg"
)

// rewriteSheet rewrites the first sheet of the workbook at p with fn.
func rewriteSheet(t *testing.T, p string, fn func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			data = []byte(fn(string(data)))
		}
		w, err := zw.Create(f.Name)
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// One malformed cell in row 800 of the repair orders: excelize stops reading there without a word, and the
// month was paid on half its orders with exit 0. validate and compute exit 1 and name the row.
func TestDamagedSheetExit1(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, sample, dir)
	rewriteSheet(t, filepath.Join(dir, "维修工单.xlsx"), func(s string) string {
		i := strings.Index(s, `<row r="800"`)
		j := i + strings.Index(s[i:], "</row>")
		return s[:j] + `<c r="M800" t="inlineStr"><is><t>A&B</t></is></c>` + s[j:]
	})
	want := "error: 维修工单.xlsx [维修工单] row 800: " +
		fmt.Sprintf(msg.XLSXDamaged, "XML syntax error: invalid character entity &B (no semicolon)") + "\n"
	out, _, code := run(t, "validate", "--month", "2026-10", "--in", dir)
	if code != 1 || !strings.Contains(out, want) {
		t.Fatalf("validate: exit %d, want 1 and %q in\n%s", code, want, out)
	}
	out, _, code = run(t, "compute", "--month", "2026-10", "--in", dir, "--dry-run")
	if code != 1 || !strings.Contains(out, want) {
		t.Fatalf("compute: exit %d, want 1 and %q in\n%s", code, want, out)
	}
}
