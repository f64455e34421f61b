package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"payout/calc"
	"payout/internal/gensample"
	"payout/internal/msg"
	"payout/report"
)

func readDoc(t *testing.T, dir string) calc.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "result.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d calc.Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errText, code := run(t, args...)
	if code != 0 {
		t.Fatalf("payout %s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errText)
	}
	return out
}

func TestClosedMonthRefusesRecompute(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 11, 5, 9, 30, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	out := filepath.Join(t.TempDir(), "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", out)
	if _, e, code := run(t, "close", "--month", "2026-10", "--out", out); code != 2 || !strings.Contains(e, "--by is required") {
		t.Fatalf("close without --by: %d %s", code, e)
	}
	got := mustRun(t, "close", "--month", "2026-10", "--out", out, "--by", "1001")
	if !strings.HasPrefix(got, "closed "+out+" (1001): result.json sha256 ") {
		t.Fatalf("close said %q", got)
	}
	b, _ := os.ReadFile(filepath.Join(out, "closed.json"))
	if !strings.Contains(string(b), `"closed_by": "1001"`) || !strings.Contains(string(b), `"closed_by_name": "潘浩刚"`) ||
		!strings.Contains(string(b), `"closed_at": "2026-11-05T09:30:00Z"`) {
		t.Fatalf("closed.json:\n%s", b)
	}
	before, _ := os.ReadFile(filepath.Join(out, "result.json"))
	for _, force := range []bool{false, true} {
		args := []string{"compute", "--month", "2026-10", "--in", sample, "--out", out}
		if force {
			args = append(args, "--force")
		}
		_, e, code := run(t, args...)
		if code != 2 || !strings.Contains(e, "is a closed month (closed by 1001 at 2026-11-05T09:30:00Z): paid history is never rewritten, not even with --force") ||
			!strings.Contains(e, "payout correct --month 2026-10") {
			t.Fatalf("recompute of a closed month (force %v): exit %d %q", force, code, e)
		}
	}
	after, _ := os.ReadFile(filepath.Join(out, "result.json"))
	if string(before) != string(after) {
		t.Fatal("the closed result changed")
	}
	if _, err := os.Stat(out + ".prev-1"); err == nil {
		t.Fatal("a closed month was moved aside")
	}
	if _, e, code := run(t, "close", "--month", "2026-10", "--out", out, "--by", "1001"); code != 1 || !strings.Contains(e, "is already closed (by 1001 at 2026-11-05T09:30:00Z)") {
		t.Fatalf("second close: %d %q", code, e)
	}
	mustRun(t, "audit", "verify", out)
	// Dry runs are still allowed.
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", out, "--dry-run", "--format", "json")
}

// setCell edits one cell of a workbook in place.
func setCell(t *testing.T, path, sheet, cell string, v any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// customerROSettledInOctober finds the cell of the paid amount of a customer repair order settled in 2026-10,
// and the amount.
func customerROSettledInOctober(t *testing.T, path string) (string, decimal.Decimal) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("维修工单", excelize.Options{RawCellValue: true})
	head := map[string]int{}
	for i, r := range rows {
		if len(head) == 0 {
			for j, c := range r {
				head[c] = j
			}
			if _, ok := head["工单号"]; !ok {
				head = map[string]int{}
			}
			continue
		}
		if len(r) <= head["实收金额"] || r[head["维修类型"]] != "保养" || r[head["结算日期"]] == "" {
			continue
		}
		settled, err := decimal.NewFromString(r[head["结算日期"]])
		if err != nil || settled.LessThan(decimal.NewFromInt(46296)) || settled.GreaterThan(decimal.NewFromInt(46326)) { // 2026-10-01..31
			continue
		}
		paid, err := decimal.NewFromString(r[head["实收金额"]])
		if err == nil && paid.IsPositive() {
			cell, _ := excelize.CoordinatesToCellName(head["实收金额"]+1, i+1)
			return cell, paid
		}
	}
	t.Fatal("no customer repair order settled in October")
	return "", decimal.Zero
}

func TestCorrectionRoundTrip(t *testing.T) {
	base := t.TempDir()
	oct, fixed, nov := filepath.Join(base, "oct"), filepath.Join(base, "oct-fixed"), filepath.Join(base, "nov")
	outRoot := filepath.Join(base, "out")
	for _, d := range []string{oct, fixed} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		copyDir(t, sample, d)
	}
	closedDir := filepath.Join(outRoot, "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", oct, "--out", closedDir)
	// Corrections are for closed months only.
	if _, e, code := run(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001", "--closed", closedDir, "--to", nov); code != 1 || !strings.Contains(e, "is not closed") {
		t.Fatalf("correct before close: %d %q", code, e)
	}
	mustRun(t, "close", "--month", "2026-10", "--out", closedDir, "--by", "1001")

	// One repair order was wrong: its paid amount is 1,000.00 more.
	ros := filepath.Join(fixed, "维修工单.xlsx")
	cell, paid := customerROSettledInOctober(t, ros)
	setCell(t, ros, "维修工单", cell, paid.Add(decimal.NewFromInt(1000)).String())
	diff := mustRun(t, "diff", closedDir, fixed, "--format", "json")
	var d struct {
		Causes     []string
		Changes    []struct{ Employee, Scheme, Field, Delta string }
		TotalDelta string `json:"total_delta"`
	}
	if err := json.Unmarshal([]byte(diff), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Changes) == 0 || !strings.Contains(strings.Join(d.Causes, "\n"), "input files changed: 维修工单.xlsx") ||
		!strings.Contains(strings.Join(d.Causes, "\n"), "figure.customer_repair_paid: ") {
		t.Fatalf("diff: %s", diff)
	}

	// November: a month whose own figures are all zero (the October files, dated outside November), without
	// its own adjustments, so that the corrections are all it pays beyond base salaries.
	if err := os.MkdirAll(nov, 0o755); err != nil {
		t.Fatal(err)
	}
	copyDir(t, sample, nov)
	if err := os.Remove(filepath.Join(nov, "调整.xlsx")); err != nil {
		t.Fatal(err)
	}
	before := filepath.Join(base, "nov-before")
	mustRun(t, "compute", "--month", "2026-11", "--in", nov, "--out", before)
	got := mustRun(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001", "--closed", closedDir, "--to", nov)
	if !strings.Contains(got, "wrote the corrections to "+filepath.Join(nov, "调整.csv")+": rows ") {
		t.Fatalf("correct said %q", got)
	}
	// Once carried, a correction is never paid again: not into the same month, not into a later one.
	adjBefore, _ := os.ReadFile(filepath.Join(nov, "调整.csv"))
	for _, into := range []string{"2026-11", "2026-12"} {
		again := mustRun(t, "correct", "--month", "2026-10", "--in", fixed, "--into", into, "--approver", "1001", "--closed", closedDir, "--to", nov)
		if want := fmt.Sprintf(msg.LedgerAllCarried, "2026-10", 1); !strings.Contains(again, want) {
			t.Fatalf("correct again into %s: %q, want %q", into, again, want)
		}
	}
	if adjAfter, _ := os.ReadFile(filepath.Join(nov, "调整.csv")); string(adjAfter) != string(adjBefore) {
		t.Fatal("a carried correction was written again")
	}
	// --into must come after the corrected month.
	if _, e, code := run(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-10", "--approver", "1001", "--closed", closedDir); code != 2 ||
		!strings.Contains(e, fmt.Sprintf(msg.CLIIntoNotLater, "2026-10", "2026-10")) {
		t.Fatalf("--into the same month: %d %q", code, e)
	}
	after := filepath.Join(outRoot, "2026-11")
	mustRun(t, "compute", "--month", "2026-11", "--in", nov, "--out", after)

	closed, corrected := readDoc(t, closedDir), map[string]string{}
	fixedOut := filepath.Join(base, "fixed-out")
	mustRun(t, "compute", "--month", "2026-10", "--in", fixed, "--out", fixedOut)
	for _, e := range readDoc(t, fixedOut).Employees {
		corrected[e.ID] = e.Total
	}
	nb, na := readDoc(t, before), readDoc(t, after)
	changed := 0
	for i, e := range closed.Employees {
		want := decimal.RequireFromString(corrected[e.ID]).Sub(decimal.RequireFromString(e.Total))
		got := decimal.RequireFromString(na.Employees[i].Total).Sub(decimal.RequireFromString(nb.Employees[i].Total))
		if !got.Equal(want) {
			t.Errorf("%s: November pays %s more, the correction of October is %s", e.ID, got, want)
		}
		if !want.IsZero() {
			changed++
		}
	}
	if changed == 0 {
		t.Fatal("the correction changed nobody's pay: the test proves nothing")
	}
	// The closed month stayed as it was.
	mustRun(t, "audit", "verify", closedDir)
	if !strings.Contains(mustRun(t, "diff", closedDir, oct), "no changes") {
		t.Fatal("the closed month no longer matches its inputs")
	}

	// The fund withheld on the correction flows into November's fund ledger.
	fundDelta := decimal.Zero
	for i, e := range readDoc(t, fixedOut).Employees {
		fundDelta = fundDelta.Add(decimal.RequireFromString(e.Fund)).Sub(decimal.RequireFromString(closed.Employees[i].Fund))
	}
	var ledgerRows []report.FundRow
	if err := json.Unmarshal([]byte(mustRun(t, "fund", "--out", outRoot, "--format", "json")), &ledgerRows); err != nil {
		t.Fatal(err)
	}
	if fundDelta.IsZero() || len(ledgerRows) != 2 || !ledgerRows[1].CorrectionFund.Equal(fundDelta) ||
		!ledgerRows[1].Inflow.Equal(decimal.RequireFromString(na.FundTotal).Add(fundDelta)) {
		t.Fatalf("November's ledger %+v, correction fund %s", ledgerRows, fundDelta)
	}

	// A second fix of October (the same order, 500.00 more) carries only what the first did not.
	setCell(t, ros, "维修工单", cell, paid.Add(decimal.NewFromInt(1500)).String())
	fixed2Out := filepath.Join(base, "fixed2-out")
	mustRun(t, "compute", "--month", "2026-10", "--in", fixed, "--out", fixed2Out)
	dec := filepath.Join(base, "dec")
	mustRun(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-12", "--approver", "1001", "--closed", closedDir, "--to", dec)
	paidDec := map[string]decimal.Decimal{}
	b, err := os.ReadFile(filepath.Join(dec, "调整.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(strings.TrimPrefix(string(b), "\ufeff")), "\r\n")[1:] {
		f := strings.Split(line, ",")
		v := decimal.RequireFromString(f[3])
		if f[1] == "扣款" {
			v = v.Neg()
		}
		paidDec[f[0]] = v
	}
	second := 0
	for i, e := range readDoc(t, fixed2Out).Employees {
		want := decimal.RequireFromString(e.Total).Sub(decimal.RequireFromString(readDoc(t, fixedOut).Employees[i].Total))
		if !paidDec[e.ID].Equal(want) {
			t.Errorf("%s: the second correction pays %s, want %s", e.ID, paidDec[e.ID], want)
		}
		if !want.IsZero() {
			second++
		}
	}
	if second == 0 || len(paidDec) != second {
		t.Fatalf("second correction: %d rows, %d changes", len(paidDec), second)
	}
}

// fundSheet is the rows of the fund sheet of an output folder's summary.xlsx (raw values).
func fundSheet(t *testing.T, dir string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(dir, report.SummaryFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(report.SheetFund, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestFundLedgerThreeMonths(t *testing.T) {
	base := t.TempDir()
	outRoot := filepath.Join(base, "out")
	months := []string{"2026-10", "2026-11", "2026-12"}
	var inflow, spent []decimal.Decimal
	for i, m := range months {
		in := filepath.Join(base, "data", m)
		if err := gensample.Generate(gensample.Config{Month: m, Employees: 45, RepairOrders: 400, Seed: uint64(100 + i)}, in); err != nil {
			t.Fatal(err)
		}
		mustRun(t, "compute", "--month", m, "--in", in, "--out", filepath.Join(outRoot, m))
		d := readDoc(t, filepath.Join(outRoot, m))
		inflow = append(inflow, decimal.RequireFromString(d.FundTotal))
		spent = append(spent, decimal.RequireFromString(d.FundSpent))
		if i == 0 {
			mustRun(t, "close", "--month", m, "--out", filepath.Join(outRoot, m), "--by", "1001")
		}
	}
	js := mustRun(t, "fund", "--out", outRoot, "--format", "json")
	var rows []report.FundRow
	if err := json.Unmarshal([]byte(js), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d ledger months", len(rows))
	}
	bal := decimal.Zero
	for i, r := range rows {
		if r.Month != months[i] || !r.Opening.Equal(bal) || !r.Inflow.Equal(inflow[i]) || !r.Spent.Equal(spent[i]) ||
			!r.Closing.Equal(bal.Add(inflow[i]).Sub(spent[i])) || r.Closed != (i == 0) {
			t.Fatalf("month %d: %+v (opening should be %s)", i, r, bal)
		}
		if !r.Inflow.IsPositive() || !r.Spent.IsPositive() {
			t.Fatalf("month %s has no inflow or no spending: the test proves little", r.Month)
		}
		bal = r.Closing
	}
	through := mustRun(t, "fund", "--out", outRoot, "--through", "2026-11")
	if !strings.Contains(through, "2026-11") || strings.Contains(through, "2026-12") {
		t.Fatalf("--through:\n%s", through)
	}
	// summary.xlsx of December carries the running balance.
	sheetRows := fundSheet(t, filepath.Join(outRoot, "2026-12"))
	last := sheetRows[len(sheetRows)-1]
	if last[0] != "2026-12" || !decimal.RequireFromString(last[4]).Equal(bal) {
		t.Fatalf("fund sheet's last row %v, want closing %s", last, bal)
	}

	// Spending beyond the balance: an error, and nothing is written.
	jan := filepath.Join(base, "data", "2027-01")
	if err := gensample.Generate(gensample.Config{Month: "2027-01", Employees: 45, RepairOrders: 400, Seed: 9}, jan); err != nil {
		t.Fatal(err)
	}
	overspend := "日期,金额,用途,审批人,保管人\n2027-01-15," + bal.Add(decimal.NewFromInt(100000)).StringFixed(2) + ",购置设备,1001,1042\n"
	if err := os.WriteFile(filepath.Join(jan, "售后基金支出.csv"), []byte(overspend), 0o644); err != nil {
		t.Fatal(err)
	}
	// validate finds it too (the ledger of the output root), so a store's CI catches it before compute.
	vout, _, vcode := run(t, "validate", "--month", "2027-01", "--in", jan, "--out", filepath.Join(outRoot, "2027-01"))
	if vcode != 1 || !strings.Contains(vout, "error: 售后基金支出.csv: after-sales fund overdrawn in 2027-01: spending ") {
		t.Fatalf("validate of an overdrawn month: exit %d\n%s", vcode, vout)
	}
	out, _, code := run(t, "compute", "--month", "2027-01", "--in", jan, "--out", filepath.Join(outRoot, "2027-01"))
	if code != 1 || !strings.Contains(out, "error: 售后基金支出.csv: after-sales fund overdrawn in 2027-01: spending ") {
		t.Fatalf("overspending: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(outRoot, "2027-01")); err == nil {
		t.Fatal("an overdrawn month was written")
	}
}

func TestFundOpeningAndMissingMonths(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 11, 5, 9, 30, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	base := t.TempDir()
	root := filepath.Join(base, "out")
	gen := func(m string, seed uint64) string {
		in := filepath.Join(base, "data", m)
		if err := gensample.Generate(gensample.Config{Month: m, Employees: 45, RepairOrders: 300, Seed: seed}, in); err != nil {
			t.Fatal(err)
		}
		return in
	}
	if _, e, code := run(t, "fund", "opening", "--month", "2026-10", "--balance", "12.345", "--by", "1001", "--out", root); code != 2 ||
		!strings.Contains(e, fmt.Sprintf(msg.LedgerBadOpening, "12.345")) {
		t.Fatalf("opening not in whole fen: %d %q", code, e)
	}
	if _, e, code := run(t, "fund", "opening", "--month", "2026-10", "--by", "1001", "--out", root); code != 2 || !strings.Contains(e, msg.LedgerOpeningFlags) {
		t.Fatalf("opening without a balance: %d %q", code, e)
	}
	// --by must be an employee of the month: here, of the roster of its input folder (it is not computed yet).
	octIn := gen("2026-10", 7)
	if _, e, code := run(t, "fund", "opening", "--month", "2026-10", "--balance", "5,000.00", "--by", "9999", "--out", root, "--in", octIn); code != 2 ||
		!strings.Contains(e, fmt.Sprintf(msg.LedgerByUnknown, "--by", "9999", "2026-10", octIn)) {
		t.Fatalf("opening by somebody not on the roster: %d %q", code, e)
	}
	got := mustRun(t, "fund", "opening", "--month", "2026-10", "--balance", "5,000.00", "--by", "1001", "--out", root, "--in", octIn)
	if want := fmt.Sprintf(msg.LedgerOpeningRecorded+"\n", "2026-10", "5000.00", "1001", filepath.Join(root, "fund-opening.json")); got != want {
		t.Fatalf("opening said %q, want %q", got, want)
	}

	// October and December are computed, November is not.
	mustRun(t, "compute", "--month", "2026-10", "--in", octIn, "--out", filepath.Join(root, "2026-10"))
	mustRun(t, "compute", "--month", "2026-12", "--in", gen("2026-12", 8), "--out", filepath.Join(root, "2026-12"))
	// Once computed, --by is checked against its result.json.
	if _, e, code := run(t, "fund", "opening", "--month", "2026-10", "--balance", "1", "--by", "9999", "--out", root, "--replace"); code != 2 ||
		!strings.Contains(e, fmt.Sprintf(msg.LedgerByUnknown, "--by", "9999", "2026-10", filepath.Join(root, "2026-10", "result.json"))) {
		t.Fatalf("opening by somebody not in result.json: %d %q", code, e)
	}
	oct, dec := readDoc(t, filepath.Join(root, "2026-10")), readDoc(t, filepath.Join(root, "2026-12"))
	missing := fmt.Sprintf(msg.LedgerFundMissingMonth, "2026-11", root)
	if !slices.Contains(dec.Warnings, missing) || slices.Contains(oct.Warnings, missing) {
		t.Fatalf("December's warnings %q", dec.Warnings)
	}
	js := mustRun(t, "fund", "--out", root, "--format", "json")
	var rows []report.FundRow
	if err := json.Unmarshal([]byte(js), &rows); err != nil {
		t.Fatal(err)
	}
	octClose := decimal.RequireFromString("5000").Add(decimal.RequireFromString(oct.FundTotal)).Sub(decimal.RequireFromString(oct.FundSpent))
	if len(rows) != 3 || !rows[0].Opening.Equal(decimal.NewFromInt(5000)) || rows[0].Note != fmt.Sprintf(report.LabelFundOpeningNote, "1001") ||
		!rows[1].Missing || rows[1].Month != "2026-11" || !rows[1].Closing.Equal(octClose) || !rows[2].Opening.Equal(octClose) {
		t.Fatalf("ledger %+v", rows)
	}
	text := mustRun(t, "fund", "--out", root)
	if !strings.Contains(text, report.LabelFundMissing) || !strings.Contains(text, "warning: "+missing) {
		t.Fatalf("fund:\n%s", text)
	}
	// The summary's fund sheet shows the missing month.
	sheet := fundSheet(t, filepath.Join(root, "2026-12"))
	if r := sheet[len(sheet)-2]; r[0] != "2026-11" || r[2] != "" || r[3] != "" || r[5] != report.LabelFundMissing {
		t.Fatalf("fund sheet row of November: %q", r)
	}

	// A month before the opening balance: computed, with a warning, without a ledger.
	sep := mustRun(t, "compute", "--month", "2026-09", "--in", gen("2026-09", 3), "--dry-run", "--format", "json", "--out", filepath.Join(root, "2026-09"))
	if !strings.Contains(sep, fmt.Sprintf(msg.LedgerBeforeOpening, "2026-09", "2026-10")) {
		t.Fatalf("September: %s", sep)
	}

	// The opening is recorded once; replaced only while no month from it on is closed.
	if _, e, code := run(t, "fund", "opening", "--month", "2026-10", "--balance", "1", "--by", "1001", "--out", root); code != 1 ||
		!strings.Contains(e, fmt.Sprintf(msg.LedgerOpeningThere, filepath.Join(root, "fund-opening.json"), "2026-10", "5000.00", "1001")) {
		t.Fatalf("second opening: %d %q", code, e)
	}
	mustRun(t, "close", "--month", "2026-10", "--out", filepath.Join(root, "2026-10"), "--by", "1001")
	if _, e, code := run(t, "fund", "opening", "--month", "2026-10", "--balance", "1", "--by", "1001", "--out", root, "--replace"); code != 1 ||
		!strings.Contains(e, fmt.Sprintf(msg.LedgerOpeningClosed, "2026-10")) {
		t.Fatalf("replacing the opening of a closed month: %d %q", code, e)
	}
}

// The audit trail vouches for every file of the output folder: a change to any of them, a file removed or
// added, and money moved between two employees with the totals unchanged are all found, and such a folder
// cannot be closed.
func TestAuditVouchesForEveryFile(t *testing.T) {
	base := t.TempDir()
	orig := filepath.Join(base, "orig", "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", orig)
	doc := readDoc(t, orig)
	a, b := doc.Employees[0], doc.Employees[1]
	slip := "payslips/" + a.ID + "-" + a.Name + ".xlsx"
	move := func(e calc.DocEmployee, d int64) string {
		return decimal.RequireFromString(e.Total).Add(decimal.NewFromInt(d)).StringFixed(2)
	}
	for _, c := range []struct {
		name   string
		tamper func(dir string) error
		want   []string
	}{
		{"money moved between two employees", func(dir string) error {
			p := filepath.Join(dir, report.ResultFile)
			bs, _ := os.ReadFile(p)
			s := strings.Replace(string(bs), `"total": "`+a.Total+`"`, `"total": "`+move(a, 1000)+`"`, 1)
			s = strings.Replace(s, `"total": "`+b.Total+`"`, `"total": "`+move(b, -1000)+`"`, 1)
			return os.WriteFile(p, []byte(s), 0o600)
		}, []string{
			fmt.Sprintf(msg.AuditEmployeeDiff, a.ID, move(a, 1000), a.Total),
			fmt.Sprintf(msg.AuditEmployeeDiff, b.ID, move(b, -1000), b.Total),
			fmt.Sprintf(msg.AuditFileChanged, "result.json"),
		}},
		{"a payslip edited", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, filepath.FromSlash(slip)), []byte("edited"), 0o600)
		}, []string{fmt.Sprintf(msg.AuditFileChanged, slip)}},
		{"a payslip removed", func(dir string) error {
			return os.Remove(filepath.Join(dir, filepath.FromSlash(slip)))
		}, []string{fmt.Sprintf(msg.AuditFileMissing, slip)}},
		{"a record of the trail removed: said once, not for every record after it", func(dir string) error {
			p := filepath.Join(dir, report.AuditFile)
			bs, _ := os.ReadFile(p)
			lines := strings.SplitAfter(string(bs), "\n")
			return os.WriteFile(p, []byte(strings.Join(append(lines[:5:5], lines[6:]...), "")), 0o600)
		}, []string{fmt.Sprintf(msg.AuditBadSeq, 6, 6, 5), fmt.Sprintf(msg.AuditBrokenChain, 6)}},
		{"a file added", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "payslips", "9999-某人.xlsx"), []byte("x"), 0o600)
		}, []string{fmt.Sprintf(msg.AuditFileExtra, "payslips/9999-某人.xlsx")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "2026-10")
			if err := os.CopyFS(dir, os.DirFS(orig)); err != nil {
				t.Fatal(err)
			}
			mustRun(t, "audit", "verify", dir)
			if err := c.tamper(dir); err != nil {
				t.Fatal(err)
			}
			out, _, code := run(t, "audit", "verify", dir)
			var got []string
			for _, l := range strings.Split(out, "\n") {
				if p, ok := strings.CutPrefix(l, "error: "); ok {
					got = append(got, p)
				}
			}
			if code != 1 || strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("exit %d\n%s\nwant:\n%s", code, out, strings.Join(c.want, "\n"))
			}
			if _, e, code := run(t, "close", "--month", "2026-10", "--out", dir, "--by", "1001"); code != 1 || !strings.Contains(e, "cannot be closed") {
				t.Errorf("close of a tampered folder: %d %q", code, e)
			}
		})
	}
}

// Corrections recorded for a month must be paid by it: correct says when that month was computed before them,
// compute warns while its adjustments lack them, and close refuses it until they are in.
func TestCorrectionsMustBePaidBeforeClose(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "out")
	oct, fixed, nov := filepath.Join(base, "oct"), filepath.Join(base, "fixed"), filepath.Join(base, "nov")
	for _, d := range []string{oct, fixed, nov} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		copyDir(t, sample, d)
	}
	octOut, novOut := filepath.Join(root, "2026-10"), filepath.Join(root, "2026-11")
	mustRun(t, "compute", "--month", "2026-10", "--in", oct, "--out", octOut)
	mustRun(t, "close", "--month", "2026-10", "--out", octOut, "--by", "1001")
	mustRun(t, "compute", "--month", "2026-11", "--in", nov, "--out", novOut)

	ros := filepath.Join(fixed, "维修工单.xlsx")
	cell, paid := customerROSettledInOctober(t, ros)
	setCell(t, ros, "维修工单", cell, paid.Add(decimal.NewFromInt(1000)).String())
	got := mustRun(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001", "--closed", octOut, "--to", nov)
	sep := filepath.Join(nov, "调整-2026-10更正.csv") // November keeps its adjustments in 调整.xlsx
	for _, want := range []string{
		fmt.Sprintf(msg.LedgerAdjustXLSX, nov, filepath.Join(nov, "调整.xlsx"), sep),
		fmt.Sprintf(msg.LedgerIntoComputed, novOut),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("correct said\n%s\nwant a line\n%s", got, want)
		}
	}

	// Not copied in yet: compute warns, close refuses.
	mustRun(t, "compute", "--month", "2026-11", "--in", nov, "--out", novOut, "--force")
	unpaid := readDoc(t, novOut).Warnings
	n := 0
	for _, w := range unpaid {
		if strings.HasPrefix(w, "2026-11 does not pay the corrections of 2026-10 recorded for it: employee ") {
			n++
		}
	}
	if n == 0 {
		t.Fatalf("no warning of unpaid corrections: %q", unpaid)
	}
	if _, e, code := run(t, "close", "--month", "2026-11", "--out", novOut, "--by", "1001"); code != 1 ||
		!strings.Contains(e, novOut+" cannot be closed: 2026-11 does not pay the corrections of 2026-10") {
		t.Fatalf("close with unpaid corrections: %d %q", code, e)
	}

	// Copied in (here: the corrections file becomes November's adjustments table): paid, and closed.
	if err := os.Remove(filepath.Join(nov, "调整.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(sep, filepath.Join(nov, "调整.csv")); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "compute", "--month", "2026-11", "--in", nov, "--out", novOut, "--force")
	for _, w := range readDoc(t, novOut).Warnings {
		if strings.Contains(w, "does not pay the corrections") {
			t.Fatalf("still unpaid: %s", w)
		}
	}
	mustRun(t, "close", "--month", "2026-11", "--out", novOut, "--by", "1001")
	// A closed month takes no corrections.
	if _, e, code := run(t, "correct", "--month", "2026-10", "--in", oct, "--into", "2026-11", "--approver", "1001", "--closed", octOut, "--to", nov); code != 1 ||
		!strings.Contains(e, fmt.Sprintf(msg.LedgerIntoClosed, novOut)) {
		t.Fatalf("correct into a closed month: %d %q", code, e)
	}
}

// A corrected fund spending row is booked as spending of the paying month; a correction that would
// overdraw the fund writes nothing.
func TestCorrectedFundSpending(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "out")
	fixed, nov := filepath.Join(base, "fixed"), filepath.Join(base, "nov")
	for _, d := range []string{fixed, nov} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		copyDir(t, sample, d)
	}
	octOut := filepath.Join(root, "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", octOut)
	mustRun(t, "close", "--month", "2026-10", "--out", octOut, "--by", "1001")
	spending := func(amount string) {
		b, err := os.ReadFile(filepath.Join(sample, "售后基金支出.csv"))
		if err != nil {
			t.Fatal(err)
		}
		s := strings.Replace(string(b), "2026-10-24,419.56,", "2026-10-24,"+amount+",", 1)
		if s == string(b) {
			t.Fatal("the sample's October spending row changed")
		}
		if err := os.WriteFile(filepath.Join(fixed, "售后基金支出.csv"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// 100.00 more: booked in November.
	spending("519.56")
	got := mustRun(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001", "--closed", octOut, "--to", nov)
	if want := fmt.Sprintf(msg.LedgerSpentCarried, "2026-10", "+100.00", "2026-11"); !strings.Contains(got, want) {
		t.Fatalf("correct said\n%s\nwant\n%s", got, want)
	}
	mustRun(t, "compute", "--month", "2026-11", "--in", nov, "--out", filepath.Join(root, "2026-11"))
	var rows []report.FundRow
	if err := json.Unmarshal([]byte(mustRun(t, "fund", "--out", root, "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	novDoc := readDoc(t, filepath.Join(root, "2026-11"))
	if len(rows) != 2 || rows[1].CorrectionSpent.StringFixed(2) != "100.00" ||
		!rows[1].Spent.Equal(decimal.RequireFromString(novDoc.FundSpent).Add(decimal.NewFromInt(100))) {
		t.Fatalf("November's ledger %+v", rows)
	}
	// Far more than the fund holds: refused, nothing written.
	record, _ := os.ReadFile(filepath.Join(octOut, "corrections.jsonl"))
	spending("999999.00")
	out, _, code := run(t, "correct", "--month", "2026-10", "--in", fixed, "--into", "2026-11", "--approver", "1001", "--closed", octOut, "--to", nov)
	if code != 1 || !strings.Contains(out, "error: after-sales fund overdrawn in 2026-11") {
		t.Fatalf("overdrawing correction: %d\n%s", code, out)
	}
	if after, _ := os.ReadFile(filepath.Join(octOut, "corrections.jsonl")); string(after) != string(record) {
		t.Fatal("an overdrawing correction was recorded")
	}
}

// A folder named after another month is the wrong folder, for inputs as for outputs.
func TestFoldersOfAnotherMonth(t *testing.T) {
	base := t.TempDir()
	nov := filepath.Join(base, "2026-11")
	if err := os.MkdirAll(nov, 0o755); err != nil {
		t.Fatal(err)
	}
	copyDir(t, sample, nov)
	for _, args := range [][]string{
		{"validate", "--month", "2026-10", "--in", nov},
		{"compute", "--month", "2026-10", "--in", nov, "--dry-run"},
		{"diff", nov, sample, "--month", "2026-10"},
	} {
		if _, e, code := run(t, args...); code != 2 || !strings.Contains(e, fmt.Sprintf(msg.CLIFolderMonth, nov, "2026-11", "2026-10")) {
			t.Errorf("%v: %d %q", args, code, e)
		}
	}
	octOut := filepath.Join(base, "out", "2026-10")
	mustRun(t, "compute", "--month", "2026-10", "--in", sample, "--out", octOut)
	mustRun(t, "close", "--month", "2026-10", "--out", octOut, "--by", "1001")
	// An earlier run kept aside by --force is not a month's folder.
	prev := filepath.Join(base, "out", "2026-10.prev-1")
	if _, e, code := run(t, "close", "--month", "2026-10", "--out", prev, "--by", "1001"); code != 2 || !strings.Contains(e, fmt.Sprintf(msg.CLIPrevFolder, prev)) {
		t.Errorf("close of a .prev folder: %d %q", code, e)
	}
	to := filepath.Join(base, "2026-12")
	if _, e, code := run(t, "correct", "--month", "2026-10", "--in", sample, "--into", "2027-01", "--approver", "1001", "--closed", octOut, "--to", to); code != 2 ||
		!strings.Contains(e, fmt.Sprintf(msg.CLIFolderMonth, to, "2026-12", "2027-01")) {
		t.Errorf("--to of another month: %d %q", code, e)
	}
}
