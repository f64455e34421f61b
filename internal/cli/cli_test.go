package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"payout/calc"
	"payout/internal/golden"
	"payout/internal/msg"
	"payout/report"
)

const sample = "../../sample-data/2026-10"

// run runs the command line and returns stdout, stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errw bytes.Buffer
	code := Main(args, &out, &errw)
	return out.String(), errw.String(), code
}

func trunc(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		code    int
		errText string
	}{
		{"valid sample", []string{"validate", "--month", "2026-10", "--in", sample}, 0, ""},
		{"bad month", []string{"validate", "--month", "2026-13", "--in", sample}, 2, `payout: --month: "2026-13" is not a month of the form YYYY-MM`},
		{"month missing", []string{"validate", "--in", sample}, 2, "payout: --month is required (e.g. --month 2026-10)"},
		{"missing folder", []string{"validate", "--month", "2026-10", "--in", "no/such/dir"}, 2, "payout: input folder no/such/dir does not exist"},
		{"unknown flag", []string{"validate", "--month", "2026-10", "--bogus"}, 2, "payout: unknown flag: --bogus"},
		{"bad format", []string{"validate", "--month", "2026-10", "--in", sample, "--format", "xml"}, 2, `payout: --format must be one of text, json, got "xml"`},
		{"missing plan", []string{"validate", "--month", "2026-10", "--in", sample, "--plan", "nope.yaml"}, 2, "payout: cannot read plan nope.yaml: open nope.yaml: no such file or directory"},
		{"explain needs employee", []string{"explain", "--month", "2026-10", "--in", sample}, 2, "payout: --employee is required (an id or a name)"},
		{"explain unknown employee", []string{"explain", "--month", "2026-10", "--in", sample, "--employee", "9999"}, 2, `payout: no employee "9999" in this month's roster`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errText, code := run(t, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, c.code, errText)
			}
			if strings.TrimSpace(errText) != c.errText {
				t.Fatalf("stderr %q, want %q", strings.TrimSpace(errText), c.errText)
			}
		})
	}
}

func TestValidateSampleGolden(t *testing.T) {
	out, _, code := run(t, "validate", "--month", "2026-10", "--in", sample)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	golden.Check(t, "validate-2026-10.txt", []byte(out))
	js, _, code := run(t, "validate", "--month", "2026-10", "--in", sample, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var issues []map[string]any
	if err := json.Unmarshal([]byte(js), &issues); err != nil {
		t.Fatalf("validate --format json is not a JSON list: %v", err)
	}
	if got, want := len(issues), strings.Count(out, "\n")-1; got != want {
		t.Fatalf("json has %d issues, text %d", got, want)
	}
}

func TestValidateReportsErrorsExit1(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, sample, dir)
	csv := "工号,姓名,岗位,基本工资\n1001,张伟,服务顾问,abc\n1002,李娜,飞行员,3000\n"
	if err := os.Remove(filepath.Join(dir, "员工名册.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "员工名册.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "validate", "--month", "2026-10", "--in", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{
		`error: 员工名册.csv row 2, column 基本工资 (D2): "abc" is not an amount`,
		`error: 员工名册.csv row 3, column 岗位 (C3): unknown role "飞行员" (roles are listed in the plan: payout plan show)`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing line %q in\n%s", want, out)
		}
	}
	// compute prints the same errors and computes nothing.
	cout, _, code := run(t, "compute", "--month", "2026-10", "--in", dir, "--dry-run")
	if code != 1 || !strings.Contains(cout, `"abc" is not an amount`) || strings.Contains(cout, "应发总额") {
		t.Fatalf("compute with errors: exit %d\n%s", code, cout)
	}
	// With --format json, stdout stays JSON: the list validate --format json prints.
	jout, _, code := run(t, "compute", "--month", "2026-10", "--in", dir, "--dry-run", "--format", "json")
	vout, _, _ := run(t, "validate", "--month", "2026-10", "--in", dir, "--format", "json")
	if code != 1 || jout != vout || !json.Valid([]byte(jout)) {
		t.Fatalf("compute --format json with errors: exit %d\n%s", code, jout)
	}
}

func TestComputeDryRunJSONGolden(t *testing.T) {
	out, errText, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--dry-run", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errText)
	}
	var doc calc.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not the result document: %v", err)
	}
	golden.Check(t, "result-2026-10.json", []byte(out))
	table, _, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--dry-run")
	if code != 0 {
		t.Fatal(code)
	}
	golden.Check(t, "compute-2026-10.txt", []byte(table))
}

func TestComputeWritesReproducibleSafeOutput(t *testing.T) {
	base := t.TempDir()
	a, b := filepath.Join(base, "a", "2026-10"), filepath.Join(base, "b", "2026-10")
	for _, out := range []string{a, b} {
		if _, e, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--out", out); code != 0 {
			t.Fatalf("exit %d: %s", code, e)
		}
	}
	fa, fb := listFiles(t, a), listFiles(t, b)
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") {
		t.Fatalf("different file lists:\n%v\n%v", fa, fb)
	}
	for _, f := range fa {
		ba, _ := os.ReadFile(filepath.Join(a, f))
		bb, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(ba, bb) {
			t.Errorf("%s differs between two runs", f)
		}
		st, err := os.Stat(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, st.Mode().Perm())
		}
	}
	// result.json is the dry-run document.
	dry, _, _ := run(t, "compute", "--month", "2026-10", "--in", sample, "--dry-run", "--format", "json")
	rj, _ := os.ReadFile(filepath.Join(a, "result.json"))
	if dry != string(rj) {
		t.Fatal("result.json differs from compute --dry-run --format json")
	}
	// An existing folder is refused; --force keeps it as .prev-1, then .prev-2.
	if _, e, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--out", a); code != 2 || !strings.Contains(e, "already exists") {
		t.Fatalf("existing output: exit %d %q", code, e)
	}
	for n := 1; n <= 2; n++ {
		if _, e, code := run(t, "compute", "--month", "2026-10", "--in", sample, "--out", a, "--force"); code != 0 {
			t.Fatalf("--force: exit %d %q", code, e)
		}
		if _, err := os.Stat(a + ".prev-" + string(rune('0'+n))); err != nil {
			t.Fatalf("previous output not kept: %v", err)
		}
	}
	// No temporary folder is left beside the output.
	entries, _ := os.ReadDir(filepath.Dir(a))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Fatalf("temporary folder left: %s", e.Name())
		}
	}
	checkPayslipsAgainstResult(t, a)
	checkAudit(t, a)
}

// checkPayslipsAgainstResult reads every payslip back and checks its amounts against result.json.
func checkPayslipsAgainstResult(t *testing.T, dir string) {
	t.Helper()
	rj, err := os.ReadFile(filepath.Join(dir, "result.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc calc.Document
	if err := json.Unmarshal(rj, &doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Employees {
		p := filepath.Join(dir, "payslips", report.PayslipName(e.ID, e.Name))
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatalf("payslip of %s: %v", e.ID, err)
		}
		rows, err := f.GetRows(report.LabelPayslipSheet, excelize.Options{RawCellValue: true})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var nets, totals []string
		for _, r := range rows {
			if len(r) < 2 {
				continue
			}
			switch r[0] {
			case report.LabelLineNet:
				nets = append(nets, r[1])
			case report.LabelTotal:
				totals = append(totals, r[1])
			case report.LabelBase:
				if r[1] != e.BaseSalary {
					t.Errorf("%s: base %s, result.json %s", e.ID, r[1], e.BaseSalary)
				}
			}
		}
		if len(nets) != len(e.Lines) {
			t.Fatalf("%s: %d line nets on the payslip, %d lines in result.json", e.ID, len(nets), len(e.Lines))
		}
		for i, l := range e.Lines {
			if !decimal.RequireFromString(nets[i]).Equal(decimal.RequireFromString(l.Net)) {
				t.Errorf("%s %s: payslip net %s, result.json %s", e.ID, l.Scheme, nets[i], l.Net)
			}
		}
		if len(totals) != 1 || totals[0] != e.Total {
			t.Errorf("%s: payslip total %v, result.json %s", e.ID, totals, e.Total)
		}
	}
}

func checkAudit(t *testing.T, dir string) {
	t.Helper()
	out, _, code := run(t, "audit", "verify", dir)
	if code != 0 || !strings.Contains(out, "audit trail intact") {
		t.Fatalf("audit verify: exit %d\n%s", code, out)
	}
	p := filepath.Join(dir, "audit.jsonl")
	b, _ := os.ReadFile(p)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	first := lines[0]
	if !strings.Contains(first, `"kind":"header"`) || !strings.Contains(first, `"plan_sha256":"`) || !strings.Contains(first, `"inputs":[`) {
		t.Fatalf("first record: %s", first)
	}
	if !strings.Contains(lines[len(lines)-1], `"kind":"totals"`) {
		t.Fatalf("last record: %s", lines[len(lines)-1])
	}
	// Edit one result in the middle of the trail: the chain breaks at the record after it.
	mid := len(lines) / 2
	lines[mid] = strings.Replace(lines[mid], `"result":"`, `"result":"9`, 1)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, code = run(t, "audit", "verify", dir)
	if code != 1 || !strings.Contains(out, "does not follow the record before it") {
		t.Fatalf("edited trail: exit %d\n%s", code, out)
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// An apprentice's hours line shows the team's hours, rate, the team bonus and the apprentice's share.
func TestExplainHoursLine(t *testing.T) {
	out := mustRun(t, "explain", "--month", "2026-10", "--in", sample, "--employee", "1012")
	want := "【工时奖金】 (hours)\n  团队工时: 935\n  比例/单价: 2.8\n  团队奖金: 2618.00\n  徒弟分配比例: 0.3\n  应得: 785.40\n"
	if !strings.Contains(out, want) {
		t.Errorf("explain 1012:\n%s\nwant:\n%s", out, want)
	}
	// The payslip shows the team bonus too.
	dir := filepath.Join(t.TempDir(), "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", dir)
	f, err := excelize.OpenFile(filepath.Join(dir, "payslips", "1012-黄健.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(report.LabelPayslipSheet, excelize.Options{RawCellValue: true})
	found := false
	for _, r := range rows {
		found = found || len(r) > 1 && r[0] == report.LabelTeamBonus && r[1] == "2618.00"
	}
	if !found {
		t.Errorf("payslip of 1012 has no row 团队奖金 2618.00: %q", rows)
	}
}

func TestExplain(t *testing.T) {
	out, _, code := run(t, "explain", "--month", "2026-10", "--in", sample, "--employee", "1004")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"1004 王杰昊", "【业务接待组】 (advisor)", "达成率 维修产值:", "客户投诉 1 次 扣 5%", "figure.repair_output", "pool.share [advisor]", "来源: 维修工单.xlsx [维修工单] 行"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q", want)
		}
	}
	golden.Check(t, "explain-1004.txt", []byte(out))
}

func TestPlanCommands(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "store.yaml")
	if _, e, code := run(t, "plan", "init", p); code != 0 {
		t.Fatalf("plan init: %d %s", code, e)
	}
	if _, e, code := run(t, "plan", "init", p); code != 2 || !strings.Contains(e, "already exists") {
		t.Fatalf("plan init over a file: %d %s", code, e)
	}
	out, _, code := run(t, "plan", "show", "--plan", p)
	if code != 0 || !strings.Contains(out, "# sha256: ") || !strings.Contains(out, "fund:\n  rate: 0.05") {
		t.Fatalf("plan show: %d\n%s", code, trunc([]byte(out), 500))
	}
	b, _ := os.ReadFile(p)
	bad := strings.Replace(string(b), "  rate: 0.05\n", "  rate: -0.05\n", 1)
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = run(t, "plan", "show", "--plan", p)
	if code != 1 || !strings.Contains(out, "store.yaml line 24: fund.rate must be between 0 and 1, got -0.05") {
		t.Fatalf("bad plan: %d\n%s", code, out)
	}
}

func TestTemplateValidates(t *testing.T) {
	dir := t.TempDir()
	if _, e, code := run(t, "template", "--out", dir); code != 0 {
		t.Fatalf("template: %d %s", code, e)
	}
	// Every header of the template is recognised: the one problem of the blank template is that nobody is
	// on its roster.
	out, _, code := run(t, "validate", "--month", "2026-10", "--in", dir)
	want := "error: " + report.TemplateFile + " [员工名册]: " + msg.InNoEmployees + "\n1 errors, 0 warnings\n"
	if code != 1 || out != want {
		t.Fatalf("validate of the blank template: %d\n%s\nwant:\n%s", code, out, want)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, report.TemplateFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("维修工单")
	if len(rows) != 1 || rows[0][0] != "工单号" {
		t.Fatalf("template sheet 维修工单: %v", rows)
	}
}

func TestTextFromDataNeverBecomesAFormula(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, sample, dir)
	if err := os.Remove(filepath.Join(dir, "员工名册.xlsx")); err != nil {
		t.Fatal(err)
	}
	// The roster as CSV, with a name that looks like a formula and one with a path in it.
	f, err := excelize.OpenFile(filepath.Join(sample, "员工名册.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("员工名册", excelize.Options{RawCellValue: true})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, r := range rows[1:] { // skip the title row
		if i == 1 {
			r[1] = "=HYPERLINK(\"http://x\",\"x\")"
		}
		if i == 2 {
			r[1] = "../../王荣"
		}
		for j := range r {
			r[j] = `"` + strings.ReplaceAll(r[j], `"`, `""`) + `"`
		}
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "员工名册.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "2026-10")
	if o, e, code := run(t, "compute", "--month", "2026-10", "--in", dir, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s %s", code, o, e)
	}
	names := listFiles(t, filepath.Join(out, "payslips"))
	want := map[string]bool{`1001-=HYPERLINK(_http___x_,_x_).xlsx`: true, "1002-____王荣.xlsx": true}
	for _, n := range names {
		delete(want, n)
		if strings.Contains(n, "..") || strings.Contains(n, "/") {
			t.Errorf("unsafe payslip name %q", n)
		}
	}
	if len(want) > 0 {
		t.Fatalf("payslips %v lack %v", names, want)
	}
	pf, err := excelize.OpenFile(filepath.Join(out, "payslips", `1001-=HYPERLINK(_http___x_,_x_).xlsx`))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if formula, _ := pf.GetCellFormula(report.LabelPayslipSheet, "B4"); formula != "" {
		t.Fatalf("name stored as a formula %q", formula)
	}
	if v, _ := pf.GetCellValue(report.LabelPayslipSheet, "B4"); v != `=HYPERLINK("http://x","x")` {
		t.Fatalf("name cell = %q", v)
	}
}

// The plan's store name heads every payslip.
func TestStoreNameOnPayslips(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "store.yaml")
	mustRun(t, "plan", "init", p)
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), `store: ""`, `store: 上海浦东4S店`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", out, "--plan", p)
	f, err := excelize.OpenFile(filepath.Join(out, "payslips", "1012-黄健.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(report.LabelPayslipSheet, "A1"); v != "上海浦东4S店 "+report.LabelPayslipTitle {
		t.Errorf("payslip title %q", v)
	}
}
