package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"payout/calc"
	"payout/internal/msg"
	"payout/model"
)

// Audit trail: one JSON object per line. The first record (kind "header") names the tool version, the plan
// and every input file with its SHA-256; then one record per calculation step, in order; the last (kind
// "totals") carries the totals. Every record carries the SHA-256 of the previous record's line, so an edited,
// removed or reordered record breaks the chain.

// AuditHeader is the first record.
type AuditHeader struct {
	Seq         int               `json:"seq"`
	Kind        string            `json:"kind"`
	Prev        string            `json:"prev_sha256"`
	Tool        string            `json:"tool"`
	ToolVersion string            `json:"tool_version"`
	Month       string            `json:"month"`
	PlanSource  string            `json:"plan_source"`
	PlanSHA256  string            `json:"plan_sha256"`
	Inputs      []model.InputFile `json:"inputs"`
}

// AuditStep is a calculation step record.
type AuditStep struct {
	Seq  int    `json:"seq"`
	Kind string `json:"kind"`
	Prev string `json:"prev_sha256"`
	calc.Step
}

// AuditTotals is the last record.
type AuditTotals struct {
	Seq         int    `json:"seq"`
	Kind        string `json:"kind"`
	Prev        string `json:"prev_sha256"`
	Employees   int    `json:"employees"`
	FundTotal   string `json:"fund_total"`
	PayoutTotal string `json:"payout_total"`
	// Files is the SHA-256 of every other file of the output folder (result.json, summary.xlsx, each
	// payslip), by its slash-separated path in the folder: the trail vouches for all that was written.
	Files map[string]string `json:"files,omitempty"`
}

// notAudited are the files of an output folder written after the audit trail: the trail itself, and the
// records of closing and of corrections.
var notAudited = map[string]bool{AuditFile: true, ClosedFile: true, CorrectionsFile: true}

// HashFiles is the SHA-256 of every file under dir but the trail and the later records, keyed by the
// slash-separated path.
func HashFiles(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if notAudited[rel] {
			return nil
		}
		out[rel], err = FileSHA256(p)
		return err
	})
	return out, err
}

// FileSHA256 is the hex SHA-256 of the file at p.
func FileSHA256(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Audit file and result file names in an output folder.
const (
	AuditFile  = "audit.jsonl"
	ResultFile = "result.json"
)

// WriteAudit writes the audit trail.
func WriteAudit(w io.Writer, h AuditHeader, r *calc.Result, files map[string]string) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	prev := ""
	seq := 0
	put := func(v any) error {
		b, err := marshalLine(v)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		prev = hex.EncodeToString(sum[:])
		seq++
		if _, err := bw.Write(b); err != nil {
			return err
		}
		return bw.WriteByte('\n')
	}
	h.Seq, h.Kind, h.Prev, h.Tool = 0, kindHeader, "", "payout"
	if err := put(h); err != nil {
		return err
	}
	for _, s := range r.Steps {
		if err := put(AuditStep{Seq: seq, Kind: kindStep, Prev: prev, Step: s}); err != nil {
			return err
		}
	}
	t := AuditTotals{Seq: seq, Kind: kindTotals, Prev: prev, Employees: len(r.Employees), FundTotal: money(r.FundTotal), PayoutTotal: money(r.PayoutTotal), Files: files}
	if err := put(t); err != nil {
		return err
	}
	return bw.Flush()
}

func money(d interface{ StringFixed(int32) string }) string { return d.StringFixed(2) }

func marshalLine(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Record kinds of the audit trail.
const (
	kindHeader = "header"
	kindStep   = "step"
	kindTotals = "totals"
)

// VerifyAudit checks an output folder's audit trail: the chain of hashes, the order of the records, its
// structure (exactly one header, first; steps; exactly one totals record, last, listing every output file),
// that its totals match result.json, and that every output file is as written. It returns every problem
// found (nil when the trail is intact).
func VerifyAudit(dir string) ([]string, error) {
	f, err := os.Open(filepath.Join(dir, AuditFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tr, err := scanTrail(f)
	if err != nil {
		return nil, err
	}
	problems := tr.problems
	if tr.last == nil {
		return append(problems, msg.AuditNoTotals), nil
	}
	rb, err := os.ReadFile(filepath.Join(dir, ResultFile))
	if err != nil {
		return nil, err
	}
	var doc calc.Document
	if err := json.Unmarshal(rb, &doc); err != nil {
		return append(problems, fmt.Sprintf(msg.AuditBadResult, filepath.Join(dir, ResultFile), err)), nil
	}
	last := tr.last
	if doc.FundTotal != last.FundTotal || doc.PayoutTotal != last.PayoutTotal || len(doc.Employees) != last.Employees {
		problems = append(problems, fmt.Sprintf(msg.AuditTotalsDiffer, last.FundTotal, last.PayoutTotal, last.Employees, doc.FundTotal, doc.PayoutTotal, len(doc.Employees)))
	}
	for _, e := range doc.Employees {
		if t, ok := tr.totals[e.ID]; !ok || t != e.Total {
			problems = append(problems, fmt.Sprintf(msg.AuditEmployeeDiff, e.ID, e.Total, t))
		}
	}
	fp, err := checkFiles(dir, last)
	if err != nil {
		return nil, err
	}
	return append(problems, fp...), nil
}

// trail is what scanTrail found: the problems of the chain and of the structure, the (first) totals record
// (nil when the trail has none: it is cut short) and each employee's total step result.
type trail struct {
	problems []string
	last     *AuditTotals
	totals   map[string]string
}

// scanTrail reads the records one by one, checking the chain, the sequence numbers and the structure.
func scanTrail(r io.Reader) (*trail, error) {
	tr := &trail{totals: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	prev := ""
	n, expect := 0, 0 // the record's line index; the sequence number it should have
	totalsAt := -1    // the line index of the (first) totals record: every record after it is a problem
	for sc.Scan() {
		line := sc.Bytes()
		var head struct {
			Seq  *int   `json:"seq"`
			Kind string `json:"kind"`
			Prev string `json:"prev_sha256"`
		}
		if err := json.Unmarshal(line, &head); err != nil || head.Seq == nil {
			tr.problems = append(tr.problems, fmt.Sprintf(msg.AuditBadRecord, n+1))
		} else {
			if *head.Seq != expect {
				tr.problems = append(tr.problems, fmt.Sprintf(msg.AuditBadSeq, n+1, *head.Seq, expect))
			}
			// Count on from the number read: one removed record is one problem, not one per record after it.
			expect = *head.Seq + 1
			if head.Prev != prev {
				tr.problems = append(tr.problems, fmt.Sprintf(msg.AuditBrokenChain, n+1))
			}
			if totalsAt >= 0 {
				tr.problems = append(tr.problems, fmt.Sprintf(msg.AuditAfterTotals, n+1))
			}
			tr.record(n, head.Kind, line, &totalsAt)
		}
		sum := sha256.Sum256(line)
		prev = hex.EncodeToString(sum[:])
		n++
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return tr, nil
}

// record checks one record's kind against its place (line index n) and keeps what later checks need.
func (tr *trail) record(n int, kind string, line []byte, totalsAt *int) {
	switch kind {
	case kindHeader:
		if n != 0 {
			tr.problems = append(tr.problems, fmt.Sprintf(msg.AuditSecondHeader, n+1))
		}
	case kindStep:
		if bytes.Contains(line, []byte(`"rule":"total"`)) {
			var st AuditStep
			if json.Unmarshal(line, &st) == nil && st.Rule == "total" {
				tr.totals[st.Employee] = st.Result
			}
		}
	case kindTotals:
		if *totalsAt < 0 {
			*totalsAt = n
			var t AuditTotals
			if err := json.Unmarshal(line, &t); err != nil {
				tr.problems = append(tr.problems, fmt.Sprintf(msg.AuditBadRecord, n+1))
			}
			tr.last = &t
		}
	default:
		tr.problems = append(tr.problems, fmt.Sprintf(msg.AuditUnknownKind, n+1, kind))
	}
	if n == 0 && kind != kindHeader {
		tr.problems = append(tr.problems, msg.AuditNoHeader)
	}
}

// checkFiles checks the totals record's file list: it names result.json, summary.xlsx and one payslip per
// employee, and every file of the folder is there as written, with none added.
func checkFiles(dir string, last *AuditTotals) ([]string, error) {
	var problems []string
	if len(last.Files) == 0 {
		return []string{msg.AuditNoFiles}, nil
	}
	payslips := 0
	for name := range last.Files {
		if strings.HasPrefix(name, PayslipDir+"/") {
			payslips++
		}
	}
	for _, name := range []string{ResultFile, SummaryFile} {
		if _, ok := last.Files[name]; !ok {
			problems = append(problems, fmt.Sprintf(msg.AuditFileUnlisted, name))
		}
	}
	if payslips != last.Employees {
		problems = append(problems, fmt.Sprintf(msg.AuditPayslipCount, payslips, last.Employees))
	}
	got, err := HashFiles(dir)
	if err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(last.Files)) {
		switch h, ok := got[name]; {
		case !ok:
			problems = append(problems, fmt.Sprintf(msg.AuditFileMissing, name))
		case h != last.Files[name]:
			problems = append(problems, fmt.Sprintf(msg.AuditFileChanged, name))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := last.Files[name]; !ok {
			problems = append(problems, fmt.Sprintf(msg.AuditFileExtra, name))
		}
	}
	return problems, nil
}

// CountLines counts the records of an output folder's audit trail (0 when it cannot be read).
func CountLines(dir string) int {
	f, err := os.Open(filepath.Join(dir, AuditFile))
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	br := bufio.NewReaderSize(f, 1<<16)
	for {
		b, err := br.ReadSlice('\n')
		if len(b) > 0 && b[len(b)-1] == '\n' {
			n++
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return n
		}
	}
}
