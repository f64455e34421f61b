package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"payout/calc"
	"payout/internal/msg"
	"payout/report"
)

var when = time.Date(2026, 11, 5, 9, 30, 0, 0, time.UTC)

// writeMonth writes a result.json of month m with the fund's inflow and spending under root (and closed.json
// when closed).
func writeMonth(t *testing.T, root, m, inflow, spent string, closed bool) {
	t.Helper()
	dir := filepath.Join(root, m)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(calc.Document{Month: m, FundTotal: inflow, FundSpent: spent, PayoutTotal: "0.00"})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, report.ResultFile), b, 0o600); err != nil {
		t.Fatal(err)
	}
	if closed {
		c, _ := json.Marshal(Closure{Month: m, ClosedBy: "1001", ClosedAt: "2026-11-05T09:30:00Z"})
		if err := os.WriteFile(filepath.Join(dir, report.ClosedFile), c, 0o400); err != nil {
			t.Fatal(err)
		}
	}
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ledgerText renders fund rows one a line: month opening +inflow −spent = closing, and the marks.
func ledgerText(rows []FundMonth) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s %s +%s -%s = %s", r.Month, r.Opening.StringFixed(2), r.Inflow.StringFixed(2), r.Spent.StringFixed(2), r.Closing.StringFixed(2))
		if r.Closed {
			b.WriteString(" closed")
		}
		if r.Missing {
			b.WriteString(" missing")
		}
		if r.Note != "" {
			b.WriteString(" (" + r.Note + ")")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestStep(t *testing.T) {
	for _, c := range []struct {
		name                   string
		opening, inflow, spent string
		want                   string // closing, or the error
	}{
		{"inflow only", "0", "120.35", "0.00", "120.35"},
		{"spending from the opening", "500.00", "10.00", "300.00", "210.00"},
		{"spending the whole balance", "100.00", "20.01", "120.01", "0.00"},
		{"no spending column (older result.json)", "5.00", "1.00", "", "6.00"},
		{"one fen too much", "100.00", "20.01", "120.02",
			"after-sales fund overdrawn in 2026-10: spending 120.02 is more than the balance 120.01 (opening 100.00 + inflow 20.01)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fm, err := Step("2026-10", d(c.opening), c.inflow, c.spent)
			got := fm.Closing.StringFixed(2)
			if err != nil {
				got = err.Error()
				var over *OverdrawnError
				if !errors.As(err, &over) || over.Month.Month != "2026-10" {
					t.Errorf("error %T is not an *OverdrawnError of the month", err)
				}
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	if _, err := Step("2026-10", decimal.Zero, "12,00", "0"); err == nil {
		t.Error("an unreadable inflow was accepted")
	}
}

func TestFund(t *testing.T) {
	for _, c := range []struct {
		name    string
		setup   func(t *testing.T, root string)
		through string
		want    string
		err     string
	}{
		{name: "no months", setup: func(t *testing.T, root string) {}, want: ""},
		{name: "three months, the first closed",
			setup: func(t *testing.T, root string) {
				writeMonth(t, root, "2026-10", "100.00", "30.00", true)
				writeMonth(t, root, "2026-11", "50.50", "0.00", false)
				writeMonth(t, root, "2026-12", "10.00", "130.50", false)
				// Not months: ignored.
				os.MkdirAll(filepath.Join(root, "2026-13"), 0o700)
				os.MkdirAll(filepath.Join(root, "2026-09.prev-1"), 0o700)
				os.MkdirAll(filepath.Join(root, "2026-08"), 0o700) // no result.json
			},
			want: "2026-10 0.00 +100.00 -30.00 = 70.00 closed\n" +
				"2026-11 70.00 +50.50 -0.00 = 120.50\n" +
				"2026-12 120.50 +10.00 -130.50 = 0.00\n"},
		{name: "through a month",
			setup: func(t *testing.T, root string) {
				writeMonth(t, root, "2026-10", "100.00", "30.00", false)
				writeMonth(t, root, "2026-11", "50.50", "0.00", false)
			},
			through: "2026-10",
			want:    "2026-10 0.00 +100.00 -30.00 = 70.00\n"},
		{name: "a month missing between two",
			setup: func(t *testing.T, root string) {
				writeMonth(t, root, "2026-11", "100.00", "0.00", false)
				writeMonth(t, root, "2027-02", "10.00", "5.00", false)
			},
			want: "2026-11 0.00 +100.00 -0.00 = 100.00\n" +
				"2026-12 100.00 +0.00 -0.00 = 100.00 missing (" + report.LabelFundMissing + ")\n" +
				"2027-01 100.00 +0.00 -0.00 = 100.00 missing (" + report.LabelFundMissing + ")\n" +
				"2027-02 100.00 +10.00 -5.00 = 105.00\n"},
		{name: "an opening balance; months before it left out; a gap after it",
			setup: func(t *testing.T, root string) {
				if err := SetFundOpening(root, "2026-09", d("8240.50"), "1001", false, when); err != nil {
					t.Fatal(err)
				}
				writeMonth(t, root, "2026-08", "999.00", "0.00", false) // computed afterwards, as a backfill
				writeMonth(t, root, "2026-10", "100.00", "8300.00", false)
			},
			want: "2026-09 8240.50 +0.00 -0.00 = 8240.50 missing (" + report.LabelFundMissing + ")\n" +
				"2026-10 8240.50 +100.00 -8300.00 = 40.50\n"},
		{name: "the opening balance's own month",
			setup: func(t *testing.T, root string) {
				if err := SetFundOpening(root, "2026-10", d("200"), "1001", false, when); err != nil {
					t.Fatal(err)
				}
				writeMonth(t, root, "2026-10", "100.00", "250.00", false)
			},
			want: "2026-10 200.00 +100.00 -250.00 = 50.00 (" + fmt.Sprintf(report.LabelFundOpeningNote, "1001") + ")\n"},
		{name: "overdrawn: the rows up to that month, and the error",
			setup: func(t *testing.T, root string) {
				writeMonth(t, root, "2026-10", "100.00", "30.00", false)
				writeMonth(t, root, "2026-11", "10.00", "80.01", false)
				writeMonth(t, root, "2026-12", "10.00", "0.00", false)
			},
			want: "2026-10 0.00 +100.00 -30.00 = 70.00\n2026-11 70.00 +10.00 -80.01 = -0.01\n",
			err:  "after-sales fund overdrawn in 2026-11: spending 80.01 is more than the balance 80.00 (opening 70.00 + inflow 10.00) (the fund ledger of the output root ROOT, which records no opening balance (no ROOT/fund-opening.json): it starts at 0.00)"},
		{name: "overdrawn with an opening balance: says which",
			setup: func(t *testing.T, root string) {
				if err := SetFundOpening(root, "2026-10", decimal.RequireFromString("5.00"), "1001", false, time.Now()); err != nil {
					t.Fatal(err)
				}
				writeMonth(t, root, "2026-10", "1.00", "7.00", false)
			},
			want: "2026-10 5.00 +1.00 -7.00 = -1.00 (" + fmt.Sprintf(report.LabelFundOpeningNote, "1001") + ")\n",
			err:  "after-sales fund overdrawn in 2026-10: spending 7.00 is more than the balance 6.00 (opening 5.00 + inflow 1.00) (the fund ledger of the output root ROOT, from the opening balance of 2026-10: 5.00 in ROOT/fund-opening.json)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			c.setup(t, root)
			rows, err := Fund(root, c.through)
			if got := ledgerText(rows); got != c.want {
				t.Errorf("ledger:\n%s\nwant:\n%s", got, c.want)
			}
			if e := fmt.Sprint(err); (err != nil || c.err != "") && e != strings.ReplaceAll(c.err, "ROOT", root) {
				t.Errorf("error %q, want %q", e, c.err)
			}
		})
	}
}

func TestFundThrough(t *testing.T) {
	// The rows before month m, the balance m opens with, and whether m is in the ledger at all: what
	// FundThrough gives before m's own row (here with nothing withheld or spent in m).
	FundBefore := func(root, m string) ([]FundMonth, decimal.Decimal, bool, error) {
		rows, before, err := FundThrough(root, m, "0.00", "0.00")
		if err != nil || before != nil {
			return nil, decimal.Zero, before == nil, err
		}
		this := rows[len(rows)-1]
		if this.Month != m || !this.Inflow.IsZero() || !this.Closing.Equal(this.Opening) {
			t.Fatalf("the row of %s: %+v", m, this)
		}
		return rows[:len(rows)-1], this.Opening, true, nil
	}
	root := t.TempDir()
	writeMonth(t, root, "2026-10", "100.00", "30.00", true)
	writeMonth(t, root, "2026-12", "1.00", "0.00", false) // a later month does not count
	rows, bal, in, err := FundBefore(root, "2026-12")
	if err != nil || !in || bal.StringFixed(2) != "70.00" ||
		ledgerText(rows) != "2026-10 0.00 +100.00 -30.00 = 70.00 closed\n2026-11 70.00 +0.00 -0.00 = 70.00 missing ("+report.LabelFundMissing+")\n" {
		t.Fatalf("before 2026-12: %v %s %v\n%s", err, bal, in, ledgerText(rows))
	}
	rows, bal, in, err = FundBefore(root, "2026-10")
	if err != nil || !in || !bal.IsZero() || len(rows) != 0 {
		t.Fatalf("before the first month: %v %s %v %v", err, bal, in, rows)
	}
	// With an opening balance recorded for November (before anything was computed under this root).
	root = t.TempDir()
	if err := SetFundOpening(root, "2026-11", d("10"), "1001", false, when); err != nil {
		t.Fatal(err)
	}
	writeMonth(t, root, "2026-10", "100.00", "30.00", true)
	writeMonth(t, root, "2026-12", "1.00", "0.00", false)
	if _, _, in, err = FundBefore(root, "2026-10"); err != nil || in {
		t.Fatalf("a month before the opening balance is in the ledger (%v)", err)
	}
	rows, bal, in, err = FundBefore(root, "2027-01")
	if err != nil || !in || bal.StringFixed(2) != "11.00" ||
		ledgerText(rows) != "2026-11 10.00 +0.00 -0.00 = 10.00 missing ("+report.LabelFundMissing+")\n2026-12 10.00 +1.00 -0.00 = 11.00\n" {
		t.Fatalf("before 2027-01 with an opening: %v %s %v\n%s", err, bal, in, ledgerText(rows))
	}
	// The opening's own month opens with it.
	if _, bal, _, _ = FundBefore(root, "2026-11"); bal.StringFixed(2) != "10.00" {
		t.Fatalf("2026-11 opens with %s", bal)
	}
}

func TestSetFundOpening(t *testing.T) {
	// Refused: the balance itself, and a month with a computed month before it or a closed one from it on.
	early := t.TempDir()
	writeMonth(t, early, "2026-07", "1.00", "0.00", true)
	for _, c := range []struct {
		name, month, balance, want string
	}{
		{"negative", "2026-06", "-1", fmt.Sprintf(msg.LedgerBadOpening, "-1")},
		{"not whole fen", "2026-06", "10.005", fmt.Sprintf(msg.LedgerBadOpening, "10.005")},
		{"after a computed month", "2026-10", "1", fmt.Sprintf(msg.LedgerOpeningAfter, "2026-10", "2026-07", early)},
		{"for a month a closed one follows", "2026-06", "1", fmt.Sprintf(msg.LedgerOpeningClosed, "2026-07")},
	} {
		if err := SetFundOpening(early, c.month, d(c.balance), "1001", false, when); fmt.Sprint(err) != c.want {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}

	root := t.TempDir()
	for _, c := range []struct {
		name    string
		month   string
		balance string
		replace bool
		closed  string // a month to write closed before the call
		want    string // "" = recorded
	}{
		{name: "recorded", month: "2026-10", balance: "8240.5"},
		{name: "a second time", month: "2026-10", balance: "1",
			want: fmt.Sprintf(msg.LedgerOpeningThere, filepath.Join(root, FundOpeningFile), "2026-10", "8240.50", "1001")},
		{name: "replaced while nothing is closed", month: "2026-09", balance: "8000", replace: true},
		{name: "not replaced once a month from it on is closed", month: "2026-08", balance: "1", replace: true, closed: "2026-10",
			want: fmt.Sprintf(msg.LedgerOpeningClosed, "2026-10")},
	} {
		if c.closed != "" {
			writeMonth(t, root, c.closed, "1.00", "0.00", true)
		}
		err := SetFundOpening(root, c.month, d(c.balance), "1001", c.replace, when)
		if got := fmt.Sprint(err); (err != nil || c.want != "") && got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	o, err := ReadFundOpening(root)
	if err != nil || o.Month != "2026-09" || o.Balance.StringFixed(2) != "8000.00" || o.RecordedBy != "1001" || o.RecordedAt != "2026-11-05T09:30:00Z" {
		t.Fatalf("%+v %v", o, err)
	}
	if st, _ := os.Stat(filepath.Join(root, FundOpeningFile)); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if err := os.WriteFile(filepath.Join(root, FundOpeningFile), []byte(`{"month":"10/2026"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Fund(root, ""); err == nil || !strings.Contains(err.Error(), FundOpeningFile+" cannot be read") {
		t.Fatalf("a broken opening file: %v", err)
	}
}
