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
	Label      string
	Doc        calc.Document
	Steps      []calc.Step
	Inputs     []model.InputFile
	PlanSHA256 string
}

// FromResult is the snapshot of a computed result.
func FromResult(label string, r *calc.Result, doc calc.Document, inputs []model.InputFile, planSHA string) *Snapshot {
	return &Snapshot{Label: label, Doc: doc, Steps: r.Steps, Inputs: inputs, PlanSHA256: planSHA}
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
	p := filepath.Join(dir, report.AuditFile)
	f, err := os.Open(p)
	if err != nil {
		return nil, &FileError{p, err}
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
				s.Inputs, s.PlanSHA256 = h.Inputs, h.PlanSHA256
			}
		case bytes.Contains(line, []byte(`"kind":"step"`)):
			var st report.AuditStep
			if err := json.Unmarshal(line, &st); err == nil {
				s.Steps = append(s.Steps, st.Step)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &FileError{p, err}
	}
	return s, nil
}

// Change is one changed amount of one employee.
type Change struct {
	EmployeeID string   `json:"employee"`
	Name       string   `json:"name"`
	Scheme     string   `json:"scheme"`          // a line's scheme, "base_salary" or "total"
	Label      string   `json:"label,omitempty"` // a line's name, as the result names it
	Field      string   `json:"field"`           // gross, deduction, fund, net (lines); amount (base_salary, total)
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

// stepGroup is what names a step across two runs: its rule, employee and pool. A group may hold many steps
// (one per repair order or sales row).
type stepGroup struct{ rule, employee, pool, team string }

// stepChange is a step that differs between the runs: changed (both set), added (old nil) or removed (new nil).
type stepChange struct {
	group    stepGroup
	old, new *calc.Step
	many     bool // its group has more than one step: name the step by its first input
}

// diffSteps pairs the steps of two runs group by group. Steps equal in inputs and result on both sides are
// unchanged; the rest of a group are paired in order (changed), and what is left over was added or removed.
// So a row inserted in an input gives one added step, not a shift of every step after it.
func diffSteps(old, new []calc.Step) []stepChange {
	groups := func(steps []calc.Step) (map[stepGroup][]*calc.Step, []stepGroup) {
		m := map[stepGroup][]*calc.Step{}
		var order []stepGroup
		for i := range steps {
			g := stepGroup{steps[i].Rule, steps[i].Employee, steps[i].Pool, steps[i].Team}
			if _, ok := m[g]; !ok {
				order = append(order, g)
			}
			m[g] = append(m[g], &steps[i])
		}
		return m, order
	}
	og, oorder := groups(old)
	ng, norder := groups(new)
	for _, g := range oorder {
		if _, ok := ng[g]; !ok {
			norder = append(norder, g)
		}
	}
	fingerprint := func(s *calc.Step) string {
		b, _ := json.Marshal(struct {
			I []calc.KV
			R string
		}{s.Inputs, s.Result})
		return string(b)
	}
	var out []stepChange
	for _, g := range norder {
		olds, news := og[g], ng[g]
		left := map[string]int{}
		for _, s := range olds {
			left[fingerprint(s)]++
		}
		var restNew []*calc.Step
		for _, s := range news {
			if f := fingerprint(s); left[f] > 0 {
				left[f]--
			} else {
				restNew = append(restNew, s)
			}
		}
		var restOld []*calc.Step
		for _, s := range olds {
			if f := fingerprint(s); left[f] > 0 {
				left[f]--
				restOld = append(restOld, s)
			}
		}
		many := len(olds) > 1 || len(news) > 1
		for i := 0; i < max(len(restOld), len(restNew)); i++ {
			c := stepChange{group: g, many: many}
			if i < len(restOld) {
				c.old = restOld[i]
			}
			if i < len(restNew) {
				c.new = restNew[i]
			}
			if c.old != nil && c.new != nil && c.old.Result == c.new.Result {
				continue // only an input that does not change the amount
			}
			out = append(out, c)
		}
	}
	return out
}

// monthRules are the month-wide steps (besides the figures) whose change is a cause of the diff.
var monthRules = map[string]bool{"pool.amount": true, "achievement": true}

// monthWide reports whether a step without an employee is a month-wide cause: a figure, a pool amount, an
// achievement rate; for a plan in the plan language, a base of a team or the store and a pool's amount.
func monthWide(g stepGroup) bool {
	return strings.HasPrefix(g.rule, "figure.") || strings.HasPrefix(g.rule, "base.") || monthRules[g.rule] ||
		(g.pool != "" && strings.HasPrefix(g.rule, "scheme.") && strings.HasSuffix(g.rule, ".amount"))
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
	if old.PlanSHA256 != "" && new.PlanSHA256 != "" && old.PlanSHA256 != new.PlanSHA256 {
		d.Causes = append(d.Causes, fmt.Sprintf(msg.LedgerPlanChanged, short(old.PlanSHA256), short(new.PlanSHA256)))
	}
	for _, t := range []struct{ name, o, n string }{
		{"fund_total", old.Doc.FundTotal, new.Doc.FundTotal},
		{"fund_spent", old.Doc.FundSpent, new.Doc.FundSpent},
		{"payout_total", old.Doc.PayoutTotal, new.Doc.PayoutTotal},
	} {
		if !amount(t.o).Equal(amount(t.n)) {
			d.Causes = append(d.Causes, fmt.Sprintf(msg.LedgerStepChanged, t.name, orDash(t.o), orDash(t.n)))
		}
	}
	steps := diffSteps(old.Steps, new.Steps)
	// Month-wide: figures and pool amounts.
	for _, c := range steps {
		if g := c.group; g.employee == "" && monthWide(g) {
			d.Causes = append(d.Causes, stepCause(c))
		}
	}
	// Employees.
	ids, oe, ne := pairEmployees(old.Doc.Employees, new.Doc.Employees)
	total := decimal.Zero
	for _, id := range ids {
		o, inOld := oe[id]
		n, inNew := ne[id]
		name := n.Name
		if !inNew {
			name = o.Name
		}
		label := ""
		add := func(scheme, field, ov, nv string, causes []string) {
			od, nd := amount(ov), amount(nv)
			if od.Equal(nd) {
				return
			}
			d.Changes = append(d.Changes, Change{EmployeeID: id, Name: name, Scheme: scheme, Label: label, Field: field,
				Old: ov, New: nv, Delta: nd.Sub(od).StringFixed(2), Causes: causes})
		}
		switch {
		case !inOld:
			add("total", "amount", "0.00", n.Total, []string{msg.LedgerEmployeeAdded})
		case !inNew:
			add("total", "amount", o.Total, "0.00", []string{msg.LedgerEmployeeRemoved})
		default:
			add("base_salary", "amount", o.BaseSalary, n.BaseSalary, nil)
			schemes, ol, nl := pairLines(o.Lines, n.Lines)
			for _, sc := range schemes {
				a, b := lineOrZero(ol, sc), lineOrZero(nl, sc)
				if a == b {
					continue
				}
				causes := lineCauses(id, sc, steps, old.Doc, new.Doc)
				label = b.Label
				if label == "" {
					label = a.Label
				}
				add(sc, "gross", a.Gross, b.Gross, causes)
				add(sc, "deduction", a.Deduction, b.Deduction, causes)
				add(sc, "fund", a.Fund, b.Fund, causes)
				add(sc, "net", a.Net, b.Net, causes)
			}
			label = ""
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

// pairEmployees lists the ids of the employees of two results (sorted byte-wise) with each side's employee
// by id (absent: not in that result).
func pairEmployees(a, b []calc.DocEmployee) (ids []string, ea, eb map[string]calc.DocEmployee) {
	ids, ea, eb = pairBy(a, b, func(e calc.DocEmployee) string { return e.ID })
	sort.Slice(ids, func(i, j int) bool { return bytes.Compare([]byte(ids[i]), []byte(ids[j])) < 0 })
	return ids, ea, eb
}

// pairLines lists the schemes of two employees' lines (a's order, then b's new ones) with each side's line.
func pairLines(a, b []calc.DocLine) (schemes []string, la, lb map[string]calc.DocLine) {
	return pairBy(a, b, func(l calc.DocLine) string { return l.Scheme })
}

// pairBy lists the keys of two lists (a's order, then b's new ones) with each side's item by key.
func pairBy[T any](a, b []T, key func(T) string) (keys []string, ma, mb map[string]T) {
	ma, mb = map[string]T{}, map[string]T{}
	for _, x := range a {
		ma[key(x)] = x
		keys = append(keys, key(x))
	}
	for _, x := range b {
		if _, ok := ma[key(x)]; !ok {
			keys = append(keys, key(x))
		}
		mb[key(x)] = x
	}
	return keys, ma, mb
}

func lineOrZero(m map[string]calc.DocLine, scheme string) calc.DocLine {
	if l, ok := m[scheme]; ok {
		return l
	}
	return calc.DocLine{Scheme: scheme, Gross: "0.00", Deduction: "0.00", Fund: "0.00", Net: "0.00"}
}

// lineCauses are the differing steps of one employee's line: its pool's amount for a pool line, and the
// employee's own steps whose result differs.
func lineCauses(id, scheme string, steps []stepChange, od, nd calc.Document) []string {
	var out []string
	if op, ok := od.Pools.Pools[scheme]; ok {
		if np := nd.Pools.Pools[scheme]; np.Amount != op.Amount {
			out = append(out, fmt.Sprintf(msg.LedgerPoolChanged, scheme, op.Amount, np.Amount))
		}
	}
	for _, c := range steps {
		g := c.group
		if g.employee != id || g.rule == "total" {
			continue
		}
		if g.pool != "" && g.pool != scheme {
			continue
		}
		if f, ok := strings.CutPrefix(g.rule, "fund."); ok && f != scheme {
			continue
		}
		if len(out) == maxCauses {
			out = append(out, "…")
			break
		}
		out = append(out, stepCause(c))
	}
	return out
}

// stepCause names a changed step: its rule, pool, and for one of many steps of its kind the value of its
// first input (a document number, a date), then the old and new results.
func stepCause(c stepChange) string {
	name := c.group.rule
	if c.group.pool != "" {
		name += " [" + c.group.pool + "]"
	}
	if c.group.team != "" {
		name += " [" + c.group.team + "]"
	}
	if c.many {
		s := c.new
		if s == nil {
			s = c.old
		}
		if len(s.Inputs) > 0 {
			name += " " + s.Inputs[0].Value
		}
	}
	var o, n string
	if c.old != nil {
		o = c.old.Result
	}
	if c.new != nil {
		n = c.new.Result
	}
	return fmt.Sprintf(msg.LedgerStepChanged, name, orDash(o), orDash(n))
}

// short is the first 12 hex digits of a SHA-256.
func short(sha string) string { return sha[:min(12, len(sha))] }

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
