package report

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"payout/calc"
	"payout/importers"
	"payout/model"
	"payout/plan"
)

func TestSanitizeFileName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1001-张伟", "1001-张伟"},
		{"1001-../../etc/passwd", "1001-____etc_passwd"},
		{"..", "_"},
		{"a/b\\c", "a_b_c"},
		{"name\x00with\ncontrol", "name_with_control"},
		{"x:*?\"<>|y", "x_______y"},
		{" .hidden. ", "hidden"},
		{"", "_"},
	}
	for _, c := range cases {
		if got := SanitizeFileName(c.in); got != c.want {
			t.Errorf("SanitizeFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := PayslipName("1002", "李/娜"); got != "1002-李_娜.xlsx" {
		t.Errorf("PayslipName = %q", got)
	}
}

func TestSourcesText(t *testing.T) {
	srcs := []model.Source{{File: "a.xlsx", Sheet: "S", Row: 5}, {File: "a.xlsx", Sheet: "S", Row: 6}, {File: "a.xlsx", Sheet: "S", Row: 7},
		{File: "a.xlsx", Sheet: "S", Row: 9}, {File: "b.csv", Row: 2}}
	if got, want := SourcesText(srcs, 0), "a.xlsx [S] 行 5-7, 9; b.csv 行 2"; got != want {
		t.Fatalf("SourcesText = %q, want %q", got, want)
	}
}

// sampleMonth reads and computes the committed sample month.
func sampleMonth(tb testing.TB) Output {
	tb.Helper()
	return monthAt(tb, "../sample-data/2026-10")
}

// monthAt reads and computes the 2026-10 input folder dir with the default plan.
func monthAt(tb testing.TB, dir string) Output {
	tb.Helper()
	p := plan.Default()
	m, _ := model.ParseMonth("2026-10")
	data, rep, err := importers.Read(importers.Options{Dir: dir, Month: m, Plan: p.Plan})
	if err != nil || rep.HasErrors() {
		tb.Fatalf("month %s: %v %v", dir, err, rep.Sorted())
	}
	r := calc.Compute(data, p.Plan)
	return Output{Result: r, Document: r.Document(), Plan: p, Data: data}
}

func TestWriteOutputFailureLeavesNothing(t *testing.T) {
	o := sampleMonth(t)
	base := t.TempDir()
	out := filepath.Join(base, "2026-10")
	// The payslips folder disappears after the first payslip: the next one cannot be created, so the write
	// fails half-way.
	var once sync.Once
	o.Workers = 1
	o.OnPayslip = func() {
		once.Do(func() {
			dirs, _ := filepath.Glob(filepath.Join(base, ".2026-10.tmp-*", PayslipDir))
			for _, d := range dirs {
				_ = os.RemoveAll(d)
			}
		})
	}
	if _, err := WriteOutput(out, false, o); err == nil {
		t.Fatal("expected an error for a payslip that cannot be created")
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 0 {
		t.Fatalf("a failed write left %v", entries)
	}
}

// BenchmarkWriteOutput measures payslips written per second (the whole output folder of the sample
// month, payslips on every core).
func BenchmarkWriteOutput(b *testing.B) {
	o := sampleMonth(b)
	base := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(base, "m", "2026-10")
		if _, err := WriteOutput(out, true, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(o.Result.Employees)*b.N)/b.Elapsed().Seconds(), "payslips/s")
}

// The output root and the month folder hold personal data: both are created readable by the owner only.
func TestWriteOutputFolderModes(t *testing.T) {
	o := sampleMonth(t)
	root := filepath.Join(t.TempDir(), "out")
	out := filepath.Join(root, "2026-10")
	if _, err := WriteOutput(out, false, o); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{root, out, filepath.Join(out, PayslipDir)} {
		st, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o700 {
			t.Errorf("%s has mode %v, want 0700", d, st.Mode().Perm())
		}
	}
}
