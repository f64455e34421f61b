package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"payout/internal/msg"
)

// rechain gives records from index i on their sequence number and the hash of the record before them, as
// someone who rewrites the trail would.
func rechain(t *testing.T, lines []string, i int) {
	t.Helper()
	for j := i; j < len(lines); j++ {
		dec := json.NewDecoder(strings.NewReader(lines[j]))
		dec.UseNumber()
		var rec map[string]any
		if err := dec.Decode(&rec); err != nil {
			t.Fatal(err)
		}
		rec["seq"] = j
		rec["prev_sha256"] = ""
		if j > 0 {
			sum := sha256.Sum256([]byte(lines[j-1]))
			rec["prev_sha256"] = hex.EncodeToString(sum[:])
		}
		b, err := marshalLine(rec)
		if err != nil {
			t.Fatal(err)
		}
		lines[j] = string(b)
	}
}

// editRecord changes one record's fields (nil: the key is removed).
func editRecord(t *testing.T, line string, set map[string]any) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	var rec map[string]any
	if err := dec.Decode(&rec); err != nil {
		t.Fatal(err)
	}
	for k, v := range set {
		if v == nil {
			delete(rec, k)
		} else {
			rec[k] = v
		}
	}
	b, err := marshalLine(rec)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The trail's structure is checked, not only its chain: a trail whose totals record lists no files, or
// that has records appended after it or a second header, no longer vouches for payslips changed after it.
func TestVerifyAuditStructureCannotBeBlinded(t *testing.T) {
	o := sampleMonth(t)
	written := filepath.Join(t.TempDir(), "2026-10")
	if _, err := WriteOutput(written, false, o); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join(written, AuditFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(orig), "\n"), "\n")
	n := len(lines)
	slip := PayslipName(o.Result.Employees[0].ID, o.Result.Employees[0].Name)
	changed := fmt.Sprintf(msg.AuditFileChanged, PayslipDir+"/"+slip)
	cases := []struct {
		name   string
		tamper func(lines []string) []string
		want   []string
	}{
		{"files removed from the totals", func(l []string) []string {
			l[n-1] = editRecord(t, l[n-1], map[string]any{"files": nil})
			return l
		}, []string{msg.AuditNoFiles}},
		{"files emptied", func(l []string) []string {
			l[n-1] = editRecord(t, l[n-1], map[string]any{"files": map[string]any{}})
			return l
		}, []string{msg.AuditNoFiles}},
		{"a chained totals record with files null appended", func(l []string) []string {
			l = append(l, editRecord(t, l[n-1], map[string]any{"files": json.RawMessage("null")}))
			rechain(t, l, n)
			return l
		}, []string{fmt.Sprintf(msg.AuditAfterTotals, n+1), changed}},
		{"a chained step appended after the totals", func(l []string) []string {
			l = append(l, l[1])
			rechain(t, l, n)
			return l
		}, []string{fmt.Sprintf(msg.AuditAfterTotals, n+1), changed}},
		{"a second header", func(l []string) []string {
			l = slices.Insert(l, 1, l[0])
			rechain(t, l, 1)
			return l
		}, []string{fmt.Sprintf(msg.AuditSecondHeader, 2), changed}},
		{"a record of an unknown kind", func(l []string) []string {
			l[1] = editRecord(t, l[1], map[string]any{"kind": "note"})
			rechain(t, l, 1)
			return l
		}, []string{fmt.Sprintf(msg.AuditUnknownKind, 2, "note"), changed}},
		{"a payslip's entry removed", func(l []string) []string {
			var rec struct {
				Files map[string]string `json:"files"`
			}
			_ = json.Unmarshal([]byte(l[n-1]), &rec)
			delete(rec.Files, PayslipDir+"/"+slip)
			l[n-1] = editRecord(t, l[n-1], map[string]any{"files": rec.Files})
			return l
		}, []string{fmt.Sprintf(msg.AuditPayslipCount, len(o.Result.Employees)-1, len(o.Result.Employees)), fmt.Sprintf(msg.AuditFileExtra, PayslipDir+"/"+slip)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "2026-10")
			if err := os.CopyFS(dir, os.DirFS(written)); err != nil {
				t.Fatal(err)
			}
			l := c.tamper(slices.Clone(lines))
			if err := os.WriteFile(filepath.Join(dir, AuditFile), []byte(strings.Join(l, "\n")+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			// A payslip changed after it was written.
			p := filepath.Join(dir, PayslipDir, slip)
			b, _ := os.ReadFile(p)
			if err := os.WriteFile(p, append(b, 0), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := VerifyAudit(dir)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	// The untouched trail verifies.
	if got, err := VerifyAudit(written); err != nil || len(got) != 0 {
		t.Fatalf("intact trail: %v %v", got, err)
	}
	if !bytes.Equal(orig, must(os.ReadFile(filepath.Join(written, AuditFile)))) {
		t.Fatal("the written trail was changed")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
