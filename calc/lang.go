package calc

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
	"payout/plan/formula"
)

// The engine of plans written in the plan language (docs/plan.md): the bases are computed in the order they
// use each other, then each scheme pays its line through the fixed order of steps. Every number comes from
// the plan; every step is recorded with the rows behind it.

// values are a base's values by key: the employee id, the team's name, or "" for the store.
type values struct {
	base *plan.Base
	v    map[string]decimal.Decimal
	src  map[string][]model.Source
	// order lists the keys in the order of their first row (achievement keys: with_rows).
	order []string
}

func (vs *values) add(key string, x decimal.Decimal, src model.Source) {
	if _, seen := vs.v[key]; !seen {
		vs.order = append(vs.order, key)
	}
	vs.v[key] = vs.v[key].Add(x)
	vs.src[key] = append(vs.src[key], src)
}

// lang is the state of one computation of a plan-language plan.
type lang struct {
	*engine
	bases   map[string]*values
	teamOf  map[string]string // employee id → team name
	teams   []string          // team names, sorted
	ids     []string          // the roster's ids, sorted
	baseEnv *formula.Env
	baseIdx map[string]int // a base's position in the plan (and in baseEnv)
	// achieved are the achievement rates computed, by base and key, until the base's bounds give the rate.
	achieved map[string]Achievement
	// noTarget are the keys of missing: by_pool achievements whose target is missing (base + "\x00" + key).
	noTarget map[string]bool
	dec      int32
	deduct   dedState
}

func computeLanguage(e *engine) *Result {
	l := &lang{engine: e, bases: map[string]*values{}, teamOf: map[string]string{}, dec: e.p.Decimals(),
		achieved: map[string]Achievement{}, noTarget: map[string]bool{}}
	e.teamOf = l.teamOf
	for id := range e.emps {
		l.ids = append(l.ids, id)
	}
	sortedIDs(l.ids)
	l.readTeams()
	l.baseEnv = formula.NewEnv(e.p.BaseVars(), e.d.Month)
	l.baseIdx = make(map[string]int, len(e.p.Bases))
	for i, b := range e.p.Bases {
		l.baseIdx[b.Name.Name] = i
	}
	for _, b := range l.order() {
		l.compute(b)
	}
	for _, b := range e.p.Bases {
		if b.IsFigure() {
			e.res.Figures = append(e.res.Figures, Figure{Name: b.Name.Name, Value: l.bases[b.Name.Name].v[""]})
		}
	}
	for i := range e.p.Schemes {
		l.scheme(&e.p.Schemes[i])
	}
	e.adjustments()
	e.finishLines(e.p.LineOrder())
	return e.res
}

// readTeams reads each employee's team from the roster column the plan names.
func (l *lang) readTeams() {
	if l.p.Teams == nil {
		return
	}
	if l.p.Teams.ByMaster() {
		l.readMasterTeams()
		return
	}
	rows := l.d.Generic["employees"]
	if rows == nil {
		return
	}
	idc, tc := rows.Index("id"), rows.Index(l.p.Teams.Column.Name)
	if idc < 0 || tc < 0 {
		return
	}
	seen := map[string]bool{}
	for _, r := range rows.Rows {
		id, team := r.Values[idc].Text, r.Values[tc].Text
		if id == "" || team == "" {
			continue
		}
		if _, dup := l.teamOf[id]; !dup {
			l.teamOf[id] = team
		}
		if !seen[team] {
			seen[team] = true
			l.teams = append(l.teams, team)
		}
	}
	sort.Strings(l.teams)
}

// order returns the bases so that each comes after the bases it uses (the plan has no cycles).
func (l *lang) order() []*plan.Base {
	var out []*plan.Base
	done := map[string]bool{}
	var visit func(b *plan.Base)
	visit = func(b *plan.Base) {
		if done[b.Name.Name] {
			return
		}
		done[b.Name.Name] = true
		for _, u := range b.Uses() {
			if d := l.p.Base(u); d != nil {
				visit(d)
			}
		}
		out = append(out, b)
	}
	for i := range l.p.Bases {
		visit(&l.p.Bases[i])
	}
	return out
}

// keys returns the keys of a scope: every employee id, every team, or the store.
func (l *lang) keys(s plan.Scope) []string {
	switch s {
	case plan.ScopeEmployee:
		return l.ids
	case plan.ScopeTeam:
		return l.teams
	}
	return []string{""}
}

// keyOf maps a key of scope `from` to the key of the base's scope (an employee's team, the store); ok false
// when the employee has no team.
func (l *lang) keyOf(b *plan.Base, from plan.Scope, key string) (string, bool) {
	switch b.Scope() {
	case plan.ScopeStore:
		return "", true
	case plan.ScopeTeam:
		if from == plan.ScopeTeam {
			return key, true
		}
		t, ok := l.teamOf[key]
		return t, ok
	}
	return key, true
}

// value is a base's value for a key of scope `from`.
func (l *lang) value(name string, from plan.Scope, key string) decimal.Decimal {
	vs := l.bases[name]
	if vs == nil {
		return zero
	}
	k, ok := l.keyOf(vs.base, from, key)
	if !ok {
		return zero
	}
	return vs.v[k]
}

// sources are the rows behind a base's value for a key of scope `from`.
func (l *lang) sources(name string, from plan.Scope, key string) []model.Source {
	vs := l.bases[name]
	if vs == nil {
		return nil
	}
	k, _ := l.keyOf(vs.base, from, key)
	return vs.src[k]
}

// eval evaluates an expression over bases for a key of scope `from`.
func (l *lang) eval(e *plan.Expr, from plan.Scope, key string) (any, error) {
	prog := e.Program()
	for _, u := range prog.Uses() {
		l.baseEnv.Set(l.baseIdx[u], l.value(u, from, key))
	}
	return prog.Eval(l.baseEnv)
}

func (l *lang) number(e *plan.Expr, from plan.Scope, key, where string) decimal.Decimal {
	v, err := l.eval(e, from, key)
	if err != nil {
		l.warn(fmt.Sprintf(msg.CalcExprFailed, where, keyLabel(key), e.Src, err))
		return zero
	}
	d, _ := v.(decimal.Decimal)
	return d
}

func (l *lang) holds(e *plan.Expr, from plan.Scope, key, where string) bool {
	v, err := l.eval(e, from, key)
	if err != nil {
		l.warn(fmt.Sprintf(msg.CalcExprFailed, where, keyLabel(key), e.Src, err))
		return false
	}
	b, _ := v.(bool)
	return b
}

func keyLabel(key string) string {
	if key == "" {
		return "store"
	}
	return key
}

// bounded rounds (when round is set) and bounds a value.
func bounded(v decimal.Decimal, round, min, max *plan.Dec) decimal.Decimal {
	if round != nil {
		v = v.Round(int32(round.IntPart()))
	}
	if min != nil && v.LessThan(min.Decimal) {
		v = min.Decimal
	}
	if max != nil && v.GreaterThan(max.Decimal) {
		v = max.Decimal
	}
	return v
}

// compute computes a base's value for every key of its scope.
func (l *lang) compute(b *plan.Base) {
	vs := &values{base: b, v: map[string]decimal.Decimal{}, src: map[string][]model.Source{}}
	l.bases[b.Name.Name] = vs
	sc := b.Scope()
	switch {
	case b.From.Name != "":
		l.rowSums(b, nil, vs)
	case b.Total.Name != "":
		for _, id := range l.ids {
			em := l.emps[id]
			if len(b.Roles) > 0 && !plan.HasRef(b.Roles, em.Role) {
				continue
			}
			if em.Probation && b.Probation.Name == plan.ProbationExcluded {
				continue
			}
			k, ok := l.keyOf(b, plan.ScopeEmployee, id)
			if !ok {
				continue
			}
			vs.v[k] = vs.v[k].Add(l.value(b.Total.Name, plan.ScopeEmployee, id))
			vs.src[k] = append(vs.src[k], l.sources(b.Total.Name, plan.ScopeEmployee, id)...)
		}
	case b.Expr != nil:
		for _, k := range l.keys(sc) {
			vs.v[k] = l.number(b.Expr, sc, k, "base "+b.Name.Name)
			for _, u := range b.Expr.Program().Uses() {
				vs.src[k] = append(vs.src[k], l.sources(u, sc, k)...)
			}
		}
	case b.Achievement != nil:
		l.achievements(b, vs)
	}
	for _, k := range l.baseKeys(b) {
		exact := vs.v[k]
		v := bounded(exact, b.Round, b.Min, b.Max)
		vs.v[k] = v
		if a, ok := l.achieved[b.Name.Name+"\x00"+k]; ok {
			a.Rate = v // the rate used: after the base's bounds
			l.res.Achievements = append(l.res.Achievements, a)
		}
		if v.IsZero() && exact.IsZero() && len(vs.src[k]) == 0 {
			continue // nothing to explain: no rows and no value
		}
		l.step(l.baseStep(b, sc, k, exact, v, vs.src[k]))
	}
}

func (l *lang) baseStep(b *plan.Base, sc plan.Scope, k string, exact, v decimal.Decimal, src []model.Source) Step {
	st := Step{Rule: "base." + b.Name.Name, Formula: describeBase(b), Result: v.String(), Sources: src}
	l.scoped(&st, sc, k)
	if !exact.Equal(v) {
		st.Inputs = append(st.Inputs, KV{"exact", exact.String()})
	}
	return st
}

// describeBase says in one line how a base is computed (for the audit trail).
func describeBase(b *plan.Base) string {
	var f string
	switch {
	case b.Sum != nil:
		f = fmt.Sprintf("Σ %s of %s", b.Sum.Src, b.From.Name)
	case b.Count:
		f = "number of rows of " + b.From.Name
	case b.CountDistinct.Name != "":
		f = fmt.Sprintf("number of distinct %s of %s", b.CountDistinct.Name, b.From.Name)
	case b.Total.Name != "":
		f = "Σ " + b.Total.Name + " of the employees"
		if len(b.Roles) > 0 {
			f += " (" + strings.Join(plan.Refs(b.Roles), ", ") + ")"
		}
	case b.Expr != nil:
		f = b.Expr.Src
	case b.Achievement != nil:
		f = fmt.Sprintf("round_half_up(%s / target %s, %s)", b.Achievement.Actual.Name, b.Achievement.Metric.Name, b.Achievement.Decimals)
	}
	if b.Where != nil {
		f += " where " + b.Where.Src
	}
	if b.By.Name != "" {
		f += " by " + b.By.Name
	}
	if w := b.Weights; w != nil {
		f += "; weights by " + w.Column.Name + ":"
		for _, v := range w.Values {
			f += fmt.Sprintf(" %s %s", v.Value.Name, v.Is)
		}
		def := "1"
		if w.Default != nil {
			def = w.Default.String()
		}
		f += ", others " + def
	}
	if b.Round != nil {
		f += fmt.Sprintf("; round %s", b.Round)
	}
	if b.Min != nil {
		f += "; min " + b.Min.String()
	}
	if b.Max != nil {
		f += "; max " + b.Max.String()
	}
	return f
}

// rowSums sums (or counts) a base's rows into vs; rate, when given, multiplies each row's value (a rate by
// a column's value).
func (l *lang) rowSums(b *plan.Base, rate *plan.ByValue, vs *values) {
	rows := l.d.Generic[b.From.Name]
	t := l.p.TableOf(b.From.Name)
	if rows == nil || t == nil {
		return
	}
	vars := plan.RowVars(t)
	env := formula.NewEnv(vars, l.d.Month)
	// Only the columns the expressions use are set for each row.
	type slot struct{ env, col int }
	var slots []slot
	used := map[string]bool{}
	for _, e := range []*plan.Expr{b.Sum, b.Where} {
		if e != nil {
			for _, u := range e.Program().Uses() {
				used[u] = true
			}
		}
	}
	for i, v := range vars {
		if used[v.Name] {
			slots = append(slots, slot{i, rows.Index(v.Name)})
		}
	}
	by := -1
	if b.By.Name != "" {
		by = rows.Index(b.By.Name)
	}
	distinct := -1
	seen := map[string]map[string]bool{}
	if b.CountDistinct.Name != "" {
		distinct = rows.Index(b.CountDistinct.Name)
	}
	weight := byValue(rows, b.Weights, one)
	perRow := byValue(rows, rate, zero)
	sc := b.Scope()
	for ri := range rows.Rows {
		r := &rows.Rows[ri]
		for _, s := range slots {
			env.SetCell(s.env, model.ValueAt(r.Values, s.col))
		}
		if b.Where != nil {
			ok, err := b.Where.Program().EvalBool(env)
			if err != nil {
				l.warn(fmt.Sprintf(msg.CalcRowExprFailed, b.Name.Name, b.Where.Src, err), r.Src)
				continue
			}
			if !ok {
				continue
			}
		}
		key := ""
		if sc != plan.ScopeStore {
			if by < 0 || r.Values[by].Text == "" {
				continue
			}
			k, ok := l.keyOf(b, plan.ScopeEmployee, r.Values[by].Text)
			if !ok {
				continue
			}
			key = k
		}
		x := one
		if b.Sum != nil {
			v, err := b.Sum.Program().EvalNumber(env)
			if err != nil {
				l.warn(fmt.Sprintf(msg.CalcRowExprFailed, b.Name.Name, b.Sum.Src, err), r.Src)
				continue
			}
			x = v
		}
		if distinct >= 0 {
			d := r.Values[distinct].Text
			if seen[key] == nil {
				seen[key] = map[string]bool{}
			}
			if d == "" || seen[key][d] {
				vs.src[key] = append(vs.src[key], r.Src)
				continue
			}
			seen[key][d] = true
		}
		x = x.Mul(weight(r))
		if rate != nil {
			x = x.Mul(perRow(r))
		}
		vs.add(key, x, r.Src)
	}
}

// byValue returns the number a row's value of the map's column gives (def when the map is nil or has no
// entry and no default).
func byValue(rows *model.Rows, bv *plan.ByValue, def decimal.Decimal) func(r *model.Row) decimal.Decimal {
	if bv == nil {
		return func(*model.Row) decimal.Decimal { return def }
	}
	col := rows.Index(bv.Column.Name)
	m := map[string]decimal.Decimal{}
	for _, v := range bv.Values {
		m[v.Value.Name] = v.Is.Decimal
	}
	d := def
	if bv.Default != nil {
		d = bv.Default.Decimal
	}
	return func(r *model.Row) decimal.Decimal {
		if col >= 0 {
			if x, ok := m[r.Values[col].Text]; ok {
				return x
			}
		}
		return d
	}
}
