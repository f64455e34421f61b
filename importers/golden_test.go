package importers

import (
	"bytes"
	"fmt"
	"testing"

	"payout/internal/golden"
	"payout/model"
	"payout/plan"
)

// TestSampleMonthGolden reads the committed sample month and compares every typed row, the table counts, the
// file hashes and the issues with testdata/sample-2026-10.golden (go test ./importers -update rewrites it).
func TestSampleMonthGolden(t *testing.T) {
	m, _ := model.ParseMonth("2026-10")
	data, rep, err := Read(Options{Dir: "../sample-data/2026-10", Month: m, Plan: plan.Default().Plan})
	if err != nil {
		t.Fatal(err)
	}
	if rep.HasErrors() {
		t.Fatalf("the sample month has errors: %v", rep.Sorted())
	}
	got := dumpMonth(data, rep)
	golden.Check(t, "sample-2026-10.golden", got)
}

// dumpMonth renders the month data as text, one line per row, every field.
func dumpMonth(d *model.MonthData, rep *Report) []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	for _, t := range d.Tables {
		w("table %s file=%q sheet=%q rows=%d outside=%d missing=%v", t.Table, t.File, t.Sheet, t.Rows, t.OutsideMonth, t.Missing)
	}
	for _, f := range d.Files {
		w("file %s %s %d", f.Name, f.SHA256, f.Size)
	}
	for _, i := range rep.Issues {
		w("issue %s %s", i.Severity, i.String())
	}
	for _, x := range d.Employees {
		w("employee %s %s %s base=%s prob=%v master=%s share=%s(%v) dept=%s @%s", x.ID, x.Name, x.Role, x.BaseSalary, x.Probation, x.MasterID, x.ApprenticeShare, x.HasShare, x.Department, x.Src)
	}
	for _, x := range d.RepairOrders {
		w("ro %s %s/%s adv=%s recv=%s settled=%s deliv=%s appr=%s paid=%s approved=%s self=%s gp=%s @%s", x.RONo, x.Type, x.Category, x.AdvisorID, x.Received, x.Settled, x.Delivered, x.Approved, x.PaidAmount, x.ApprovedAmount, x.SelfPay, x.GrossProfit, x.Src)
	}
	for _, x := range d.WarrantyReceipts {
		w("warranty %s %s %s ro=%s @%s", x.ClaimNo, x.Date, x.Amount, x.RONo, x.Src)
	}
	for _, x := range d.Collections {
		w("collection %s %s %s %s @%s", x.DocNo, x.Kind, x.Date, x.Amount, x.Src)
	}
	for _, x := range d.AccessorySales {
		w("accessory %s %q %s seller=%s dept=%s cat=%s list=%s paid=%s inst=%v gift=%v @%s", x.DocNo, x.Item, x.Date, x.SellerID, x.SellerDept, x.Category, x.ListAmount, x.PaidAmount, x.Installed, x.Gift, x.Src)
	}
	for _, x := range d.LaborHours {
		w("hours %s %s %s mat=%s ro=%s @%s", x.TechID, x.Date, x.Hours, x.MaterialCost, x.RONo, x.Src)
	}
	for _, x := range d.Washes {
		w("wash %s %s %s min=%s(%v) @%s", x.Date, x.WasherID, x.Plate, x.Minutes, x.HasMinutes, x.Src)
	}
	for _, x := range d.BeautySales {
		w("beauty %s %s %s @%s", x.DocNo, x.Date, x.Amount, x.Src)
	}
	for _, x := range d.InsuranceClaims {
		w("claim %s %s %s %s @%s", x.DocNo, x.AgentID, x.ApprovedDate, x.ApprovedAmount, x.Src)
	}
	for _, x := range d.Renewals {
		w("renewal %s %s %s %s @%s", x.PolicyNo, x.SellerID, x.Date, x.RebateProfit, x.Src)
	}
	for _, x := range d.Targets {
		w("target %s %s %s @%s", x.Metric, x.Scope, x.Target, x.Src)
	}
	for _, x := range d.WorkshopScores {
		w("wscore %s %s %s %s %s @%s", x.EmpID, x.Performance, x.Quality, x.Environment, x.Teamwork, x.Src)
	}
	for _, x := range d.AdvisorScores {
		w("ascore %s %s @%s", x.EmpID, x.Score, x.Src)
	}
	for _, x := range d.Incidents {
		w("incident %s %s %s verified=%v %q @%s", x.EmpID, x.Date, x.Kind, x.Verified, x.Note, x.Src)
	}
	for _, x := range d.Adjustments {
		w("adjustment %s %s pool=%s %s %q approver=%s @%s", x.EmpID, x.Kind, x.Pool, x.Value, x.Reason, x.ApproverID, x.Src)
	}
	return b.Bytes()
}
