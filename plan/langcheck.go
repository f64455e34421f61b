package plan

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
	"payout/plan/formula"
)

// The checks of a plan written in the plan language, and the compilation of its expressions (once, when the
// plan loads). Every problem is reported with its line; expressions' problems with the position inside too.

var reIdent = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// reserved are the words of the expression syntax: a base, column or table of one of these names could not
// be written in an expression (function names may be names: date(…) is the function, date the column).
var reserved = map[string]bool{
	"and": true, "or": true, "not": true, "in": true, "true": true, "false": true, "nil": true, "let": true,
	"if": true, "else": true, "matches": true, "contains": true, "startsWith": true, "endsWith": true,
}

// langChecker checks one version-2 plan.
type langChecker struct {
	*checker
	p      *Plan
	roles  map[string]bool
	bases  map[string]*Base
	tables map[string]*Table // every table the plan can read, with its extra columns
}

func (p *Plan) checkLanguage(c *checker) {
	lc := &langChecker{checker: c, p: p, bases: map[string]*Base{}, tables: map[string]*Table{}}
	lc.roles = c.names("role", p.Roles)
	lc.allRoles()
	for _, r := range p.Roles {
		if len(r.Aliases) == 0 {
			c.add(r.Name.Line, msg.PlanNoAlias, r.Name.Name)
		}
	}
	if p.Fund.Rate.Line > 0 {
		c.fraction(p.Fund.Rate, "fund.rate", 0)
	}
	if p.Rounding != nil {
		lc.moneyDecimals(p.Rounding.Decimals, "rounding.decimals")
	}
	for _, rs := range [][]Ref{p.Adjustments.CoefficientApprovers, p.Fund.SpendingApprovers, p.Fund.Keepers} {
		for _, r := range rs {
			c.known(r, "role", lc.roles)
		}
	}
	lc.inputs()
	c.vocabulary(p)
	lc.metrics()
	for i := range p.Bases {
		lc.base(&p.Bases[i])
		lc.baseChecks(&p.Bases[i])
	}
	for i := range p.Bases {
		if b := &p.Bases[i]; b.Expr != nil {
			lc.compileBases(b.Expr, formula.Number, "base "+b.Name.Name+" expr")
		}
	}
	if !lc.cycles() {
		for i := range p.Bases {
			lc.baseScopes(&p.Bases[i])
		}
	}
	if len(p.Schemes) == 0 {
		c.add(0, msg.PlanNoSchemes)
	}
	names, labels := map[string]bool{}, map[string]string{}
	adjLabel := fold.Key(p.LineLabel(LineAdjustment))
	for i := range p.Schemes {
		s := &p.Schemes[i]
		lc.ident("scheme", s.Name)
		if names[s.Name.Name] {
			c.add(s.Name.Line, msg.PlanDuplicate, "scheme", s.Name.Name)
		}
		names[s.Name.Name] = true
		if s.Label.Name == "" {
			c.add(s.Name.Line, msg.PlanNoLabel, s.Name.Name)
		} else if fold.Key(s.Label.Name) == adjLabel {
			c.add(s.Label.Line, msg.PlanLabelAdjustment, s.Label.Name, s.Name.Name)
		} else if prev, ok := labels[fold.Key(s.Label.Name)]; ok {
			c.add(s.Label.Line, msg.PlanLabelTwice, s.Label.Name, prev, s.Name.Name)
		} else {
			labels[fold.Key(s.Label.Name)] = s.Name.Name
		}
		lc.scheme(s)
	}
	lc.lines()
	lc.poolNames()
	lc.rowChecks()
	c.checkPlausiblePay(p.PlausiblePay)
}

func (lc *langChecker) ident(what string, r Ref) {
	if r.Name == "" {
		lc.add(r.Line, msg.PlanMissingName, what)
	} else if !reIdent.MatchString(r.Name) {
		lc.add(r.Line, msg.PlanBadIdentifier, what, r.Name)
	} else if reserved[r.Name] {
		lc.add(r.Line, msg.PlanReservedName, what, r.Name)
	}
}

func (lc *langChecker) decimals(d Dec, key string) {
	if d.Line == 0 {
		return
	}
	if !d.IsInteger() || d.IsNegative() || d.GreaterThan(D("18").Decimal) {
		lc.add(d.Line, msg.PlanDecimalsRange, key, d.String())
	}
}

// moneyDecimals checks the decimals of an amount of money: 0, 1 or 2.
func (lc *langChecker) moneyDecimals(d Dec, key string) {
	if d.Line == 0 {
		return
	}
	if !d.IsInteger() || d.IsNegative() || d.GreaterThan(D("2").Decimal) {
		lc.add(d.Line, msg.PlanMoneyDecimals, key, d.String())
	}
}

func (lc *langChecker) bounds(min, max *Dec, key string, line int) {
	if min != nil && max != nil && lc.comparable(*min, *max) && min.GreaterThan(max.Decimal) {
		lc.add(orLine(max.Line, line), msg.PlanMinAboveMax, key, min.String(), max.String())
	}
}

// inputs checks the declared tables and columns and the teams.
func (lc *langChecker) inputs() {
	p, c := lc.p, lc.checker
	builtinKeys := map[string]string{}
	for _, t := range builtinTables {
		lc.tables[t.Name.Name] = p.TableOf(t.Name.Name)
		for _, a := range append([]Ref{t.Name}, t.Aliases...) {
			builtinKeys[fold.Key(a.Name)] = t.Name.Name
		}
	}
	for _, x := range p.Columns {
		t := BuiltinTable(x.Table.Name)
		if t == nil {
			c.add(x.Table.Line, msg.PlanUnknownBuiltin, x.Table.Name, strings.Join(builtinTableNames(), ", "))
			continue
		}
		lc.columns(t.Name.Name, append(append([]Column(nil), t.Columns...), x.Columns...), len(t.Columns))
	}
	tNamed := make([]Named, 0, len(p.Tables))
	for i := range p.Tables {
		t := &p.Tables[i]
		lc.ident("table", t.Name)
		tNamed = append(tNamed, t.Named())
		for _, a := range append([]Ref{t.Name}, t.Aliases...) {
			if b, ok := builtinKeys[fold.Key(a.Name)]; ok {
				c.add(a.Line, msg.PlanBuiltinTable, b)
			}
		}
		lc.columns(t.Name.Name, t.Columns, 0)
		if t.Dated.Name != "" {
			if col := t.Column(t.Dated.Name); col == nil || col.ColumnType() != TypeDate {
				c.add(t.Dated.Line, msg.PlanDatedNotDate, t.Name.Name, t.Dated.Name)
			}
		}
		for _, k := range t.Key {
			lc.column(t, k)
		}
		lc.tables[t.Name.Name] = t
	}
	c.names("table", tNamed)
	if p.Teams != nil && lc.masterTeams() {
		return
	}
	if p.Teams != nil {
		col := lc.tables["employees"].Column(p.Teams.Column.Name)
		extra := false
		for _, x := range p.ExtraColumnsOf("employees") {
			extra = extra || x.Name.Name == p.Teams.Column.Name
		}
		if col == nil || !extra || (col.ColumnType() != TypeText && col.ColumnType() != TypeID) {
			c.add(p.Teams.Column.Line, msg.PlanTeamsColumn, p.Teams.Column.Name)
		}
	}
}

func builtinTableNames() []string {
	out := make([]string, len(builtinTables))
	for i, t := range builtinTables {
		out[i] = t.Name.Name
	}
	return out
}

// columns checks a table's columns; the first `builtin` of them are built in (already checked).
func (lc *langChecker) columns(table string, cols []Column, builtin int) {
	ns := make([]Named, len(cols))
	types := make([]string, len(ColumnTypes))
	for i, t := range ColumnTypes {
		types[i] = string(t)
	}
	for i, col := range cols {
		ns[i] = Named{Name: col.Name, Aliases: col.Aliases}
		if i < builtin {
			continue
		}
		lc.ident("column", col.Name)
		key := table + "." + col.Name.Name
		switch ct := col.ColumnType(); {
		case !containsType(ct):
			lc.add(orLine(col.Type.Line, col.Name.Line), msg.PlanBadColumnType, key, col.Type.Name, strings.Join(types, ", "))
		case ct == TypeEnum && col.Enum.Name == "":
			lc.add(col.Name.Line, msg.PlanColumnEnum, key)
		case ct == TypeEnum && !lc.p.HasEnum(col.Enum.Name):
			lc.add(col.Enum.Line, msg.PlanUnknownEnum, key, col.Enum.Name)
		}
		lc.bounds(col.Min, col.Max, key, col.Name.Line)
	}
	lc.names("column of "+table, ns)
}

func containsType(t ColumnType) bool {
	for _, x := range ColumnTypes {
		if x == t {
			return true
		}
	}
	return false
}

// column checks that a reference names a column of the table and returns it.
func (lc *langChecker) column(t *Table, r Ref) *Column {
	col := t.Column(r.Name)
	if col == nil {
		names := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			names[i] = c.Name.Name
		}
		lc.add(r.Line, msg.PlanUnknownColumn, t.Name.Name, r.Name, strings.Join(names, ", "))
	}
	return col
}

func (lc *langChecker) metrics() {
	ns := make([]Named, len(lc.p.Metrics))
	for i, m := range lc.p.Metrics {
		ns[i] = m.Named()
		lc.ident("metric", m.Name)
		switch Scope(m.Scope.Name) {
		case ScopeEmployee, ScopeStore, MetricScopePool:
		case ScopeTeam:
			if lc.p.Teams == nil {
				lc.add(m.Scope.Line, msg.PlanNoTeams, "metric "+m.Name.Name)
			}
		default:
			lc.add(orLine(m.Scope.Line, m.Name.Line), msg.PlanBadMetricScope, "metric "+m.Name.Name, m.Scope.Name)
		}
	}
	lc.names("metric", ns)
}

// Scope returns the base's scope (its per, or the default).
func (b *Base) Scope() Scope {
	if b.Per.Name != "" {
		return Scope(b.Per.Name)
	}
	if b.By.Name != "" {
		return ScopeEmployee
	}
	return ScopeStore
}

// base checks a base's shape (its expressions are compiled by baseExprs, once every base is known).
func (lc *langChecker) base(b *Base) {
	c := lc.checker
	lc.ident("base", b.Name)
	if _, dup := lc.bases[b.Name.Name]; dup {
		c.add(b.Name.Line, msg.PlanDuplicate, "base", b.Name.Name)
	}
	lc.bases[b.Name.Name] = b
	var kinds []string
	for _, k := range []struct {
		on   bool
		name string
	}{{b.From.Name != "", "from"}, {b.Total.Name != "", "total"}, {b.Expr != nil, "expr"}, {b.Achievement != nil, "achievement"}} {
		if k.on {
			kinds = append(kinds, k.name)
		}
	}
	if len(kinds) != 1 {
		c.add(b.Name.Line, msg.PlanBaseKinds, b.Name.Name, orNone(kinds))
	}
	sc := b.Scope()
	switch sc {
	case ScopeEmployee, ScopeStore:
	case ScopeTeam:
		if lc.p.Teams == nil {
			c.add(b.Per.Line, msg.PlanNoTeams, "base "+b.Name.Name)
		}
	default:
		c.add(b.Per.Line, msg.PlanBadScope, "base "+b.Name.Name, b.Per.Name)
	}
	if b.From.Name == "" {
		for _, x := range []struct {
			on   bool
			line int
			key  string
		}{{b.Sum != nil, exprLine(b.Sum), "sum"}, {b.Count, b.Name.Line, "count"}, {b.CountDistinct.Name != "", b.CountDistinct.Line, "count_distinct"},
			{b.Where != nil, exprLine(b.Where), "where"}, {b.By.Name != "", b.By.Line, "by"}, {b.Weights != nil, b.Name.Line, "weights"}} {
			if x.on {
				c.add(x.line, msg.PlanRowKeyOutside, b.Name.Name, x.key)
			}
		}
	} else {
		lc.rowBase(b, sc)
	}
	if b.Total.Name != "" && sc == ScopeEmployee {
		c.add(b.Total.Line, msg.PlanTotalPer, b.Name.Name)
	}
	for _, r := range b.Roles {
		c.known(r, "role", lc.roles)
	}
	if b.Probation.Name != "" && b.Probation.Name != ProbationExcluded && b.Probation.Name != ProbationPaid {
		c.add(b.Probation.Line, msg.PlanBadProbation, "base "+b.Name.Name, b.Probation.Name)
	}
	if b.Total.Name == "" {
		if len(b.Roles) > 0 {
			c.add(b.Roles[0].Line, msg.PlanRowsNeedRoles, b.Name.Name, "roles")
		}
		if b.Probation.Name != "" {
			c.add(b.Probation.Line, msg.PlanRowsNeedRoles, b.Name.Name, "probation")
		}
	}
	if a := b.Achievement; a != nil {
		c.known(a.Metric, "metric", metricSet(lc.p))
		if a.Decimals.Line == 0 {
			c.add(b.Name.Line, msg.PlanNeedsDecimals, "base "+b.Name.Name+" achievement")
		}
		lc.decimals(a.Decimals, "achievement.decimals")
		if sc == ScopeStore && a.Scope.Name == "" {
			c.add(b.Name.Line, msg.PlanStoreAchScope, b.Name.Name)
		}
		if m := lc.p.Metric(a.Metric.Name); m != nil && m.Scope.Name != "" && !lc.poolAchievement(b, m) && Scope(m.Scope.Name) != sc {
			c.add(a.Metric.Line, msg.PlanAchMetricScope, b.Name.Name, sc, m.Name.Name, m.Scope.Name)
		}
		lc.achievementMore(b, sc)
	}
	if b.Round != nil {
		lc.decimals(*b.Round, "round")
	}
	lc.bounds(b.Min, b.Max, "base "+b.Name.Name, b.Name.Line)
	lc.figure(b)
}

func metricSet(p *Plan) map[string]bool {
	out := map[string]bool{}
	for _, m := range p.Metrics {
		out[m.Name.Name] = true
	}
	return out
}

func orNone(ks []string) string {
	if len(ks) == 0 {
		return "none"
	}
	return strings.Join(ks, ", ")
}

func exprLine(e *Expr) int {
	if e == nil {
		return 0
	}
	return e.Line
}

// rowBase checks a base over a table's rows and compiles its row expressions.
func (lc *langChecker) rowBase(b *Base, sc Scope) {
	c := lc.checker
	t := lc.tables[b.From.Name]
	if t == nil {
		c.add(b.From.Line, msg.PlanUnknownTable, b.From.Name, strings.Join(lc.tableNames(), ", "))
		return
	}
	n := 0
	for _, on := range []bool{b.Sum != nil, b.Count, b.CountDistinct.Name != ""} {
		if on {
			n++
		}
	}
	if n != 1 {
		c.add(b.Name.Line, msg.PlanBaseRowKinds, b.Name.Name, t.Name.Name)
	}
	vars := RowVars(t)
	where := "base " + b.Name.Name
	if b.Sum != nil {
		lc.compile(b.Sum, vars, formula.Number, where+" sum")
	}
	if b.Where != nil {
		lc.compile(b.Where, vars, formula.Bool, where+" where")
	}
	if b.CountDistinct.Name != "" {
		lc.column(t, b.CountDistinct)
	}
	if b.By.Name != "" {
		if col := lc.column(t, b.By); col != nil && !isEmployeeColumn(t, col) {
			c.add(b.By.Line, msg.PlanByNotEmployee, b.Name.Name, b.By.Name, t.Name.Name)
		}
		if sc == ScopeStore {
			c.add(b.By.Line, msg.PlanStoreBy, b.Name.Name)
		}
	} else if sc != ScopeStore {
		c.add(b.Name.Line, msg.PlanPerNeedsBy, b.Name.Name, sc)
	}
	if b.Weights != nil {
		lc.byValue(t, b.Weights, where+" weights")
	}
}

// isEmployeeColumn reports whether a column holds employee ids (the roster's own id column included).
func isEmployeeColumn(t *Table, col *Column) bool {
	return col.ColumnType() == TypeEmployee || (t.Name.Name == "employees" && col.Name.Name == "id")
}

func (lc *langChecker) tableNames() []string {
	out := make([]string, 0, len(lc.tables))
	for n := range lc.tables {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// byValue checks a map from a column's values to numbers: the column exists and, for an enum column, every
// value is one of its enumeration's canonical values.
func (lc *langChecker) byValue(t *Table, bv *ByValue, where string) {
	col := lc.column(t, bv.Column)
	if col == nil {
		return
	}
	if col.ColumnType().Formula() != formula.Text {
		lc.add(bv.Column.Line, msg.PlanByValueColumn, where, col.Name.Name, col.ColumnType())
		return
	}
	if col.ColumnType() == TypeEnum {
		e := lc.p.Enum(col.Enum.Name)
		for _, v := range bv.Values {
			if _, ok := e.Names[v.Value.Name]; !ok {
				lc.add(v.Value.Line, msg.PlanWeightValue, where, v.Value.Name, col.Name.Name, strings.Join(e.Values, ", "))
			}
		}
	}
	for _, v := range bv.Values {
		lc.nonNegative(v.Is, where, v.Value.Line)
	}
}

// RowVars are the variables of an expression over a table's rows: its columns, with their types.
func RowVars(t *Table) []formula.Var {
	vars := make([]formula.Var, len(t.Columns))
	for i, col := range t.Columns {
		vars[i] = formula.Var{Name: col.Name.Name, Type: col.ColumnType().Formula()}
	}
	return vars
}

// Formula returns the expression type of a column type's values.
func (t ColumnType) Formula() formula.Type { return kindTypes[t.Kind()] }

// kindTypes are the expression types of the kinds of generic values.
var kindTypes = [...]formula.Type{model.KindText: formula.Text, model.KindNumber: formula.Number,
	model.KindDate: formula.Date, model.KindBool: formula.Bool}

// BaseVars are the variables of an expression over bases: every base of the plan, a number.
func (p *Plan) BaseVars() []formula.Var {
	vars := make([]formula.Var, len(p.Bases))
	for i, b := range p.Bases {
		vars[i] = formula.Var{Name: b.Name.Name, Type: formula.Number}
	}
	return vars
}

// compile compiles an expression, reporting its problem at the plan file's line (and, in the message, the
// column inside the line).
func (lc *langChecker) compile(e *Expr, vars []formula.Var, want formula.Type, where string) {
	prog, err := formula.Compile(e.Src, vars, want)
	if err != nil {
		line, detail := e.Line, err.Error()
		if fe, ok := err.(*formula.Error); ok {
			line += max(fe.Line-1, 0)
			col := fe.Column
			if fe.Line <= 1 && col > 0 && e.Col > 0 {
				col += e.Col - 1
			}
			detail = fe.Msg
			if col > 0 {
				detail = fmt.Sprintf("column %d: %s", col, fe.Msg)
			}
		}
		lc.add(line, msg.PlanExpr, where, detail)
		return
	}
	e.prog = prog
}

// compileBases compiles an expression over the plan's bases; present() belongs to expressions over a row's
// columns (a base has a value for every key).
func (lc *langChecker) compileBases(e *Expr, want formula.Type, where string) {
	lc.compile(e, lc.p.BaseVars(), want, where)
	if e.prog != nil && e.prog.UsesPresent() {
		lc.add(e.Line, msg.PlanPresentBases, where)
		e.prog = nil
	}
}

// uses lists the bases a base depends on.
func (b *Base) uses() []Ref {
	var out []Ref
	if b.Total.Name != "" {
		out = append(out, b.Total)
	}
	if b.Achievement != nil {
		out = append(out, b.Achievement.Actual)
	}
	if b.Expr != nil && b.Expr.prog != nil {
		for _, u := range b.Expr.prog.Uses() {
			out = append(out, Ref{Name: u, Line: b.Expr.Line})
		}
	}
	return out
}

// baseScopes checks what a base uses: known bases, of its scope or a broader one (a total: per employee).
func (lc *langChecker) baseScopes(b *Base) {
	for _, u := range b.uses() {
		d := lc.bases[u.Name]
		if d == nil {
			lc.known(u, "base", nil)
			continue
		}
		if b.Total.Name == u.Name {
			if d.Scope() != ScopeEmployee {
				lc.add(u.Line, msg.PlanTotalNotEmp, b.Name.Name, u.Name)
			}
			continue
		}
		if narrower(d.Scope(), b.Scope()) {
			lc.add(u.Line, msg.PlanScopeUses, "base "+b.Name.Name, b.Scope(), u.Name, d.Scope(), b.Scope(), d.Scope())
		}
	}
}

// narrower reports whether scope a is narrower than b (employee < team < store).
func narrower(a, b Scope) bool { return rank(a) < rank(b) }

func rank(s Scope) int {
	switch s {
	case ScopeEmployee:
		return 0
	case ScopeTeam:
		return 1
	}
	return 2
}

// cycles reports bases that use each other in a cycle, once per cycle; true when there is one.
func (lc *langChecker) cycles() bool {
	state := map[string]int{} // 1: on the path, 2: done
	var path []string
	found := false
	var visit func(n string)
	visit = func(n string) {
		state[n] = 1
		path = append(path, n)
		for _, u := range lc.bases[n].uses() {
			if _, ok := lc.bases[u.Name]; !ok {
				continue
			}
			switch state[u.Name] {
			case 0:
				visit(u.Name)
			case 1:
				i := len(path) - 1
				for path[i] != u.Name {
					i--
				}
				found = true
				lc.add(u.Line, msg.PlanCycle, strings.Join(append(append([]string{}, path[i:]...), u.Name), " → "))
			}
		}
		path = path[:len(path)-1]
		state[n] = 2
	}
	for i := range lc.p.Bases {
		if b := &lc.p.Bases[i]; state[b.Name.Name] == 0 && lc.bases[b.Name.Name] == b {
			visit(b.Name.Name)
		}
	}
	return found
}
