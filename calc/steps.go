package calc

import (
	"sort"
	"strings"
)

// stepIndex finds the steps of an employee quickly (thousands of payslips each need theirs).
type stepIndex struct {
	byEmployee map[string][]int
	byPool     map[string][]int // pool steps without an employee
	byFigure   map[string]int
	byTeam     map[string][]int // team steps (plan-language bases per team)
	store      []int            // the store's plan-language bases
	poolsOf    map[string][]string
	employee   map[string]int
}

// index is built once, after Compute has finished, and is safe for concurrent use.
func (r *Result) index() *stepIndex {
	r.indexOnce.Do(func() {
		ix := &stepIndex{byEmployee: map[string][]int{}, byPool: map[string][]int{}, byFigure: map[string]int{},
			byTeam: map[string][]int{}, poolsOf: map[string][]string{}}
		for i, s := range r.Steps {
			switch {
			case s.Employee != "":
				ix.byEmployee[s.Employee] = append(ix.byEmployee[s.Employee], i)
			case s.Pool != "":
				ix.byPool[s.Pool] = append(ix.byPool[s.Pool], i)
			case s.Team != "":
				ix.byTeam[s.Team] = append(ix.byTeam[s.Team], i)
			case strings.HasPrefix(s.Rule, "base."):
				ix.store = append(ix.store, i)
			}
			if name, ok := strings.CutPrefix(s.Rule, "figure."); ok {
				ix.byFigure[name] = i
			}
		}
		ix.employee = make(map[string]int, len(r.Employees))
		for i, e := range r.Employees {
			ix.employee[e.ID] = i
		}
		for _, p := range r.Pools {
			for _, m := range p.Members {
				ix.poolsOf[m.EmployeeID] = append(ix.poolsOf[m.EmployeeID], p.Name)
			}
		}
		r.stepIdx = ix
	})
	return r.stepIdx
}

// StepsFor returns the steps behind one employee's payout, in calculation order: the employee's own steps,
// the steps of the pools the employee has a share of (their terms, achievement rates and amount) and the
// figures those pools are computed from (sums bring their parts); for a plan-language plan, also the steps
// of the employee's team and the store's bases.
func (r *Result) StepsFor(id string) []Step {
	idx := r.StepIndexesFor(id)
	out := make([]Step, len(idx))
	for k, i := range idx {
		out[k] = r.Steps[i]
	}
	return out
}

// StepIndexesFor is StepsFor as indexes into r.Steps.
func (r *Result) StepIndexesFor(id string) []int {
	ix := r.index()
	seen := map[int]bool{}
	var idx []int
	add := func(i int) {
		if !seen[i] {
			seen[i] = true
			idx = append(idx, i)
		}
	}
	for _, i := range ix.byEmployee[id] {
		add(i)
	}
	if e := r.Employee(id); e != nil && e.Team != "" {
		for _, i := range ix.byTeam[e.Team] {
			add(i)
		}
	}
	for _, i := range ix.store {
		add(i)
	}
	var addFigure func(name string)
	addFigure = func(name string) {
		i, ok := ix.byFigure[name]
		if !ok || seen[i] {
			return
		}
		add(i)
		for _, in := range r.Steps[i].Inputs {
			addFigure(in.Name)
		}
	}
	for _, pn := range ix.poolsOf[id] {
		for _, i := range ix.byPool[pn] {
			add(i)
		}
		if p := r.Pool(pn); p != nil {
			for _, t := range p.Terms {
				addFigure(t.Figure)
				for _, a := range t.Achievements {
					addFigure(a.Metric)
				}
			}
		}
	}
	sort.Ints(idx)
	return idx
}

// Employee returns the employee's result, or nil.
func (r *Result) Employee(id string) *EmployeeResult {
	if i, ok := r.index().employee[id]; ok {
		return &r.Employees[i]
	}
	return nil
}

// Pool returns the pool's result, or nil.
func (r *Result) Pool(name string) *PoolResult {
	for i := range r.Pools {
		if r.Pools[i].Name == name {
			return &r.Pools[i]
		}
	}
	return nil
}
