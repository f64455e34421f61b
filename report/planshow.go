package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/plan"
)

// PlanText writes a plan written in the plan language (version 2) as plain simplified Chinese for a store's
// manager (payout plan show): the plan's name, store, fund and rounding, the data it reads, then each scheme
// (payslip line) as one numbered item in the order the calculation runs — whom it pays, on what, at what
// rate, with which factors, how a pool is split, quotas, gates and deductions — followed by how each
// quantity it uses is computed. Numbers are the plan's, never rounded; a version-1 plan is an error.
func PlanText(w io.Writer, p *plan.Loaded) error {
	if !p.IsLanguage() {
		return fmt.Errorf(msg.PlanShowNotV2, p.Source)
	}
	s := &planShow{p: p.Plan}
	s.header()
	s.line(msg.ShowSchemes)
	for i := range p.Schemes {
		s.scheme(i+1, &p.Schemes[i])
	}
	s.lineOrder()
	s.checks()
	_, err := io.WriteString(w, s.b.String())
	return err
}

// planShow builds the text of one plan.
type planShow struct {
	p *plan.Plan
	b strings.Builder
}

func (s *planShow) line(format string, a ...any) {
	fmt.Fprintf(&s.b, format, a...)
	s.b.WriteByte('\n')
}

func (s *planShow) detail(key, text string) {
	if text != "" {
		s.line(msg.ShowDetail, key, text)
	}
}

func (s *planShow) header() {
	p := s.p
	s.line(msg.ShowPlanName, p.Name)
	if p.Store != "" {
		s.line(msg.ShowStore, p.Store)
	}
	if p.Fund.Rate.IsZero() {
		s.line(msg.ShowFundNone)
	} else {
		s.line(msg.ShowFundRate, pct(p.Fund.Rate.Decimal))
	}
	s.line(msg.ShowRounding, p.Decimals())
	s.line(msg.ShowRoles, s.roles(p.Roles))
	s.teams()
	s.line(msg.ShowInputs)
	for _, name := range s.inputTables() {
		s.line(msg.ShowInputItem, s.input(name))
	}
}

func (s *planShow) roles(rs []plan.Named) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Label()
	}
	return strings.Join(out, msg.ShowListSep)
}

// roleLabels are the Chinese names of the roles named.
func (s *planShow) roleLabels(rs []plan.Ref) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
		if n, ok := s.p.Role(r.Name); ok {
			out[i] = n.Label()
		}
	}
	return strings.Join(out, msg.ShowListSep)
}

func (s *planShow) columnLabel(table, column string) string {
	if t := s.p.TableOf(table); t != nil {
		if c := t.Column(column); c != nil {
			return c.Label()
		}
	}
	return column
}

// inputTables are the tables the plan reads: the roster, the tables its bases read (the targets for an
// achievement) in the order of the bases, then its own tables that no base reads.
func (s *planShow) inputTables() []string {
	out := []string{"employees"}
	seen := map[string]bool{"employees": true}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, b := range s.p.Bases {
		if b.Achievement != nil {
			add("targets")
		}
		add(b.From.Name)
	}
	for _, t := range s.p.Tables {
		add(t.Name.Name)
	}
	return out
}

// input describes one table the plan reads: its Chinese name, and what the plan says of it.
func (s *planShow) input(name string) string {
	t := s.p.TableOf(name)
	if t == nil {
		return name
	}
	var notes []string
	own := s.p.DeclaredTable(name) != nil
	if own {
		notes = append(notes, msg.ShowOwnTable)
		if t.Required {
			notes = append(notes, msg.ShowRequired)
		}
	}
	if t.Dated.Name != "" {
		notes = append(notes, fmt.Sprintf(msg.ShowDated, s.columnLabel(name, t.Dated.Name)))
	}
	if extra := s.p.ExtraColumnsOf(name); len(extra) > 0 {
		notes = append(notes, fmt.Sprintf(msg.ShowAddedCols, s.columnList(extra)))
	}
	notes = append(notes, s.enumAdditions(t)...)
	if name == "targets" && len(s.p.Metrics) > 0 {
		ms := make([]string, len(s.p.Metrics))
		for i, m := range s.p.Metrics {
			ms[i] = m.Named().Label()
		}
		notes = append(notes, fmt.Sprintf(msg.ShowMetrics, strings.Join(ms, msg.ShowListSep)))
	}
	text := t.Named().Label()
	if len(notes) > 0 {
		text += "（" + strings.Join(notes, msg.ShowClauseSep) + "）"
	}
	if own {
		text += "：" + s.columnList(t.Columns)
	}
	return text
}

// columnList names columns, with the bounds of their values, an enum column of the plan's own enumeration
// with its values.
func (s *planShow) columnList(cols []plan.Column) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Label()
		switch {
		case c.Min != nil && c.Max != nil:
			out[i] = fmt.Sprintf(msg.ShowColRange, c.Label(), c.Min, c.Max)
		case c.Min != nil:
			out[i] = fmt.Sprintf(msg.ShowColMin, c.Label(), c.Min)
		case c.Max != nil:
			out[i] = fmt.Sprintf(msg.ShowColMax, c.Label(), c.Max)
		}
		if c.ColumnType() == plan.TypeEnum && !builtinEnum(c.Enum.Name) {
			e := s.p.Enum(c.Enum.Name)
			vs := make([]string, len(e.Values))
			for j, v := range e.Values {
				vs[j] = enumValueText(s.p, c.Enum.Name, v)
			}
			out[i] = fmt.Sprintf(msg.ShowEnumValues, c.Label(), strings.Join(vs, msg.ShowListSep))
		}
	}
	return strings.Join(out, msg.ShowListSep)
}

// builtinEnum reports whether a built-in table's column uses the enumeration.
func builtinEnum(name string) bool {
	for _, t := range plan.BuiltinTables() {
		for _, c := range t.Columns {
			if c.Enum.Name == name {
				return true
			}
		}
	}
	return false
}

// enumAdditions are the plan's additions to the built-in enumerations of the table's columns.
func (s *planShow) enumAdditions(t *plan.Table) []string {
	var out []string
	for _, c := range t.Columns {
		if c.ColumnType() != plan.TypeEnum || !builtinEnum(c.Enum.Name) {
			continue
		}
		for _, e := range s.p.Vocabulary.Enums {
			if e.Name.Name != c.Enum.Name {
				continue
			}
			merged := s.p.Enum(e.Name.Name)
			for _, v := range e.Values {
				added := strings.Join(plan.Refs(v.Names), msg.ShowExprValueSep)
				all := merged.Names[v.Name.Name]
				if len(all) > len(v.Names) {
					out = append(out, fmt.Sprintf(msg.ShowEnumMore, c.Label(), all[0].Name, added))
				} else {
					out = append(out, fmt.Sprintf(msg.ShowEnumAdded, c.Label(), added))
				}
			}
		}
	}
	return out
}

// pct prints a rate as a percentage, exactly: 0.015 → 1.5%.
func pct(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

// bound prints a tier's bound: money in 万元 when it is a whole number of hundreds from 10000 on.
func bound(d decimal.Decimal, money bool) string {
	if !money {
		return d.String()
	}
	if d.Abs().GreaterThanOrEqual(decimal.NewFromInt(10000)) && d.Mod(decimal.NewFromInt(100)).IsZero() {
		return fmt.Sprintf(msg.ShowWan, d.Shift(-4).String())
	}
	return d.String() + msg.ShowYuanSuffix
}
