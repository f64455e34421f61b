package ledger

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"payout/calc"
	"payout/internal/msg"
	"payout/model"
	"payout/report"
)

// Snapshot is a month's result with the calculation steps and input files behind it: read from an output
// folder (result.json and audit.jsonl) or taken from a fresh computation.
type Snapshot struct {
	Label  string
	Doc    calc.Document
	Steps  []calc.Step
	Inputs []model.InputFile
}

// FromResult is the snapshot of a computed result.
func FromResult(label string, r *calc.Result, doc calc.Document, inputs []model.InputFile) *Snapshot {
	return &Snapshot{Label: label, Doc: doc, Steps: r.Steps, Inputs: inputs}
}

// LoadSnapshot reads an output folder.
func LoadSnapshot(dir string) (*Snapshot, error) {
	if _, err := os.Stat(filepath.Join(dir, report.ResultFile)); err != nil {
		return nil, fmt.Errorf(msg.LedgerNoResult, dir)
	}
	doc, err := ReadResult(dir)
	if err != nil {
		return nil, err
	}
	s := &Snapshot{Label: dir, Doc: doc}
	f, err := os.Open(filepath.Join(dir, report.AuditFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	for sc.Scan() {
		line := sc.Bytes()
		switch {
		case bytes.Contains(line, []byte(`"kind":"header"`)):
			var h report.AuditHeader
			if err := json.Unmarshal(line, &h); err == nil {
				s.Inputs = h.Inputs
			}
		case bytes.Contains(line, []byte(`"kind":"step"`)):
			var st report.AuditStep
			if err := json.Unmarshal(line, &st); err == nil {
				s.Steps = append(s.Steps, st.Step)
			}
		}
	}
	return s, sc.Err()
}

// Change is one changed amount of one employee.
type Change struct {
	EmployeeID string   `json:"employee"`
	Name       string   `json:"name"`
	Scheme     string   `json:"scheme"` // a line's scheme, "base_salary" or "total"
	Field      string   `json:"field"`  // gross, deduction, fund, net (lines); amount (base_salary, total)
	Old        string   `json:"old"`
	New        string   `json:"new"`
	Delta      string   `json:"delta"`
	Causes     []string `json:"causes,omitempty"`
}

// Diff is every change between two results, with the causes it can tell.
type Diff struct {
	Old     string   `json:"old"`
	New     string   `json:"new"`
	Month   string   `json:"month"`
	Causes  []string `json:"causes"` // month-wide: input files, figures, pool amounts
	Changes []Change `json:"changes"`
	// TotalDelta is Σ of the employees' total changes (the payout difference).
	TotalDelta string `json:"total_delta"`
}

type stepKey struct {
	rule, employee, pool string
	n                    int
}

func indexSteps(steps []calc.Step) (map[stepKey]calc.Step, []stepKey) {
	m := map[stepKey]calc.Step{}
	var order []stepKey
	seen := map[stepKey]int{}
	for _, s := range steps {
		k := stepKey{s.Rule, s.Employee, s.Pool, 0}
		k.n = seen[k]
		seen[stepKey{s.Rule, s.Employee, s.Pool, 0}]++
		m[k] = s
		order = append(order, k)
	}
	return m, order
}

// maxCauses is how many differing steps a change names.
const maxCauses = 6

// Compare lists every change from old to new, employee by employee (sorted by id) and line by line, with
// causes: the input files that changed, the figures and pool amounts that changed, and for each changed
// line the steps of that employee (and pool) whose result differs.
func Compare(old, new *Snapshot) *Diff {
	d := &Diff{Old: old.Label, New: new.Label, Month: new.Doc.Month, Changes: []Change{}, Causes: []string{}}
	// Input files.
	oldIn := map[string]string{}
	for _, f := range old.Inputs {
		oldIn[f.Name] = f.SHA256
	}
	var changedFiles []string
	seenFile := map[string]bool{}
	for _, f := range new.Inputs {
		seenFile[f.Name] = true
		if oldIn[f.Name] != f.SHA256 {
			changedFiles = append(changedFiles, f.Name)
		}
	}
	for _, f := range old.Inputs {
		if !seenFile[f.Name] {
			changedFiles = append(changedFiles, f.Name)
		}
	}
	if len(changedFiles) > 0 {
		d.Causes = append(d.Causes, fmt.Sprintf(msg.LedgerInputsChanged, strings.Join(changedFiles, ", ")))
	}
	om, _ := indexSteps(old.Steps)
	nm, order := indexSteps(new.Steps)
	differs := func(k stepKey) (calc.Step, calc.Step, bool) {
		o, ok1 := om[k]
		n, ok2 := nm[k]
		return o, n, ok1 && ok2 && o.Result != n.Result || ok1 != ok2
	}
	// Month-wide: figures and pool amounts.
	for _, k := range order {
		if k.employee == "" && (strings.HasPrefix(k.rule, "figure.") || k.rule == "pool.amount" || k.rule == "achievement") {
			if o, n, ok := differs(k); ok {
				d.Causes = append(d.Causes, stepCause(k, o, n))
			}
		}
	}
	// Employees.
	oe, ne := map[string]calc.DocEmployee{}, map[string]calc.DocEmployee{}
	var ids []string
	for _, e := range old.Doc.Employees {
		oe[e.ID] = e
		ids = append(ids, e.ID)
	}
	for _, e := range new.Doc.Employees {
		if _, ok := oe[e.ID]; !ok {
			ids = append(ids, e.ID)
		}
		ne[e.ID] = e
	}
	sort.Slice(ids, func(i, j int) bool { return bytes.Compare([]byte(ids[i]), []byte(ids[j])) < 0 })
	total := decimal.Zero
	for _, id := range ids {
		o, inOld := oe[id]
		n, inNew := ne[id]
		name := n.Name
		if !inNew {
			name = o.Name
		}
		add := func(scheme, field, ov, nv string, causes []string) {
			od, nd := amount(ov), amount(nv)
			if od.Equal(nd) {
				return
			}
			d.Changes = append(d.Changes, Change{EmployeeID: id, Name: name, Scheme: scheme, Field: field, Old: ov, New: nv,
				Delta: nd.Sub(od).StringFixed(2), Causes: causes})
		}
		switch {
		case !inOld:
			add("total", "amount", "0.00", n.Total, []string{msg.LedgerEmployeeAdded})
		case !inNew:
			add("total", "amount", o.Total, "0.00", []string{msg.LedgerEmployeeRemoved})
		default:
			add("base_salary", "amount", o.BaseSalary, n.BaseSalary, nil)
			ol, nl := map[string]calc.DocLine{}, map[string]calc.DocLine{}
			var schemes []string
			for _, l := range o.Lines {
				ol[l.Scheme] = l
				schemes = append(schemes, l.Scheme)
			}
			for _, l := range n.Lines {
				if _, ok := ol[l.Scheme]; !ok {
					schemes = append(schemes, l.Scheme)
				}
				nl[l.Scheme] = l
			}
			for _, sc := range schemes {
				a, b := lineOrZero(ol, sc), lineOrZero(nl, sc)
				if a == b {
					continue
				}
				causes := lineCauses(id, sc, order, differs, old.Doc, new.Doc)
				add(sc, "gross", a.Gross, b.Gross, causes)
				add(sc, "deduction", a.Deduction, b.Deduction, causes)
				add(sc, "fund", a.Fund, b.Fund, causes)
				add(sc, "net", a.Net, b.Net, causes)
			}
			add("total", "amount", o.Total, n.Total, nil)
		}
		ot, nt := decimal.Zero, decimal.Zero
		if inOld {
			ot = amount(o.Total)
		}
		if inNew {
			nt = amount(n.Total)
		}
		total = total.Add(nt.Sub(ot))
	}
	d.TotalDelta = total.StringFixed(2)
	return d
}

func lineOrZero(m map[string]calc.DocLine, scheme string) calc.DocLine {
	if l, ok := m[scheme]; ok {
		return l
	}
	return calc.DocLine{Scheme: scheme, Gross: "0.00", Deduction: "0.00", Fund: "0.00", Net: "0.00"}
}

// lineCauses are the differing steps of one employee's line: its pool's amount for a pool line, and the
// employee's own steps whose result differs.
func lineCauses(id, scheme string, order []stepKey, differs func(stepKey) (calc.Step, calc.Step, bool), od, nd calc.Document) []string {
	var out []string
	if op, ok := od.Pools.Pools[scheme]; ok {
		if np := nd.Pools.Pools[scheme]; np.Amount != op.Amount {
			out = append(out, fmt.Sprintf(msg.LedgerPoolChanged, scheme, op.Amount, np.Amount))
		}
	}
	for _, k := range order {
		if k.employee != id || k.rule == "total" {
			continue
		}
		if k.pool != "" && k.pool != scheme {
			continue
		}
		if f, ok := strings.CutPrefix(k.rule, "fund."); ok && f != scheme {
			continue
		}
		if o, n, ok := differs(k); ok {
			if len(out) == maxCauses {
				out = append(out, "…")
				break
			}
			out = append(out, stepCause(k, o, n))
		}
	}
	return out
}

func stepCause(k stepKey, o, n calc.Step) string {
	name := k.rule
	if k.pool != "" {
		name += " [" + k.pool + "]"
	}
	return fmt.Sprintf(msg.LedgerStepChanged, name, orDash(o.Result), orDash(n.Result))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func amount(s string) decimal.Decimal {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero
	}
	return d
}
