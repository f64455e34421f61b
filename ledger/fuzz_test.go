package ledger

import (
	"os"
	"path/filepath"
	"testing"

	"payout/report"
)

// FuzzHistoryFiles: any bytes as the month files the ledger reads back — result.json, closed.json,
// corrections.jsonl, the root's closures.jsonl and fund-opening.json — are read without a panic, by every
// reader of them (close, the record of closed months, corrections, diff's snapshot, the fund ledger).
func FuzzHistoryFiles(f *testing.F) {
	f.Add([]byte(`{"month":"2026-10","fund_total":"12.00","employees":[{"id":"1001","total":"5.00"}]}`),
		[]byte(`{"month":"2026-10","closed_by":"1001","result_sha256":"00"}`),
		[]byte(`{"month":"2026-10","into":"2026-11","rows":[{"emp_id":"1001","amount":"1.00"}]}`+"\n"),
		[]byte(`{"month":"2026-10","prev_sha256":"","result_sha256":"00"}`+"\n"),
		[]byte(`{"month":"2026-10","balance":"1e400"}`))
	f.Add([]byte("{"), []byte("null"), []byte("[]\n{}\n"), []byte("\n\n"), []byte(`{"balance":"-0.001"}`))
	f.Fuzz(func(t *testing.T, result, closed, corrections, closures, opening []byte) {
		root := t.TempDir()
		dir := filepath.Join(root, "2026-10")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, w := range []struct {
			p string
			b []byte
		}{
			{filepath.Join(dir, report.ResultFile), result},
			{filepath.Join(dir, report.ClosedFile), closed},
			{filepath.Join(dir, CorrectionsFile), corrections},
			{filepath.Join(root, ClosuresFile), closures},
			{filepath.Join(root, FundOpeningFile), opening},
		} {
			if err := os.WriteFile(w.p, w.b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		_, _ = ReadClosure(dir)
		_ = CheckHistory(root, "")
		_, _ = HistoryOf(dir)
		_, _ = ReadCorrections(dir)
		_, _ = LoadSnapshot(dir)
		_, _ = ReadFundOpening(root)
		_, _ = Fund(root, "")
		_, _, _ = FundThrough(root, "2026-11", "1.00", "0.00")
	})
}
