package calc

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// Master teams, rates by role, tier reductions and the master/apprentice split of the plan language.

// readMasterTeams groups the roster into masters and their apprentices (model.Teams, as the legacy hours
// bonus does): a team is named by its master's id; an apprentice of an apprentice is in no team.
func (l *lang) readMasterTeams() {
	for _, t := range model.Teams(l.d.Employees) {
		for _, id := range t.Members() {
			l.teamOf[id] = t.Master
		}
		l.teams = append(l.teams, t.Master)
	}
	sort.Strings(l.teams)
}

// pays reports whether a scheme pays an employee (its role, and probation only when the scheme pays it).
func (l *lang) pays(s *plan.Scheme, id string) bool {
	em := l.emps[id]
	return plan.HasRef(s.Roles, em.Role) && (!em.Probation || s.Probationers())
}

// apprenticeSplit splits a team bonus between a master and its apprentices (split.apprentice_share), as the
// legacy hours bonus does, team by team in roster order of the masters: a team whose master the scheme does
// not pay by role earns nothing; each apprentice the scheme pays gets round(bonus × its share); the share of
// one it does not pay (probation) stays with the master; the master gets the rest (which may be below zero,
// with a warning) unless the scheme does not pay it (probation): then that part is not paid. It is a team
// bonus, not a pool: no PoolResult. False when the scheme has no such split.
func (l *lang) apprenticeSplit(s *plan.Scheme, amounts map[string]decimal.Decimal, details map[string]LineDetail) bool {
	sp := s.Split
	if sp == nil || sp.ApprenticeShare.Name == "" {
		return false
	}
	name := s.Name.Name
	for _, t := range model.Teams(l.d.Employees) {
		if !plan.HasRef(s.Roles, l.emps[t.Master].Role) {
			continue
		}
		bonus, _, det := l.amount(s, plan.ScopeTeam, t.Master)
		det.Rate, det.HasRate = l.detailRate(s, t.Master, det)
		det.TeamBonus, det.HasTeamBonus = bonus, true
		rest := bonus
		for _, id := range t.Apprentices {
			if !l.pays(s, id) {
				l.step(Step{Rule: "scheme." + name + ".apprentice_share", Team: t.Master, Employee: id, Inputs: []KV{{"master", t.Master}},
					Formula: "apprentice not paid by the scheme (probation): its share stays with the master", Result: money(zero)})
				continue
			}
			share := l.rosterNumber(id, sp.ApprenticeShare.Name)
			a := bonus.Mul(share).Round(l.dec)
			rest = rest.Sub(a)
			amounts[id] = a
			d := det
			d.Coefficient, d.HasCoef = share, true
			details[id] = d
			l.step(Step{Rule: "scheme." + name + ".apprentice_share", Team: t.Master, Employee: id,
				Inputs:  []KV{{"team_bonus", money(bonus)}, {"share", share.String()}},
				Formula: fmt.Sprintf("round(%s × %s)", money(bonus), share), Result: money(a)})
		}
		if rest.IsNegative() {
			l.warn(fmt.Sprintf(msg.CalcMasterNegative, t.Master, money(rest), money(bonus)), l.schemeSources(s, t.Master)...)
		}
		if !l.pays(s, t.Master) {
			l.step(Step{Rule: "scheme." + name + ".master_share", Team: t.Master, Employee: t.Master,
				Formula: "master not paid by the scheme (probation): its part is not paid", Result: money(zero)})
			continue
		}
		amounts[t.Master], details[t.Master] = rest, det
		l.step(Step{Rule: "scheme." + name + ".master_share", Team: t.Master, Employee: t.Master, Inputs: []KV{{"team_bonus", money(bonus)}},
			Formula: "team bonus − apprentices' shares", Result: money(rest)})
	}
	return true
}

// schemeSources are the rows behind a scheme's base (or steps' base) for a team.
func (l *lang) schemeSources(s *plan.Scheme, team string) []model.Source {
	switch {
	case s.Base.Name != "":
		return l.sources(s.Base.Name, plan.ScopeTeam, team)
	case s.Steps != nil:
		return l.sources(s.Steps.On.Name, plan.ScopeTeam, team)
	}
	return nil
}

// detailRate is the rate a payslip shows for a team's line: a constant's, or the tier rate of the band the
// team's base reached.
func (l *lang) detailRate(s *plan.Scheme, team string, det LineDetail) (decimal.Decimal, bool) {
	if det.HasRate || s.Rate == nil {
		return det.Rate, det.HasRate
	}
	r := l.rateFor(s, plan.ScopeTeam, team)
	if r.Tiers == nil {
		return det.Rate, det.HasRate
	}
	return l.tiers(r.Tiers, det.Base, plan.ScopeTeam, team).Rate, true
}

// noRate is the rate of a role a rate by role has no entry (and no default) for.
var noRate = &plan.Rate{Value: &plan.Dec{}}

// rateFor is a scheme's rate for a key: for a rate by role, the entry of the person's role, or (a team pool
// over master teams) of the team's master, else the default, else 0.
func (l *lang) rateFor(s *plan.Scheme, sc plan.Scope, key string) *plan.Rate {
	r := s.Rate
	if r.ByRole == nil {
		return r
	}
	id := key // an employee, or a master team's name: its master's id
	if sc == plan.ScopeStore {
		return noRate
	}
	if em, ok := l.emps[id]; ok {
		if x := r.For(em.Role); x != nil {
			return x
		}
	}
	if r.Default != nil {
		return r.Default
	}
	return noRate
}

// tiers applies a tier table to q for a key, every band's rate lowered by the table's reduction.
func (l *lang) tiers(t *plan.Tiers, q decimal.Decimal, sc plan.Scope, key string) tierResult {
	red, note := l.reduction(t, q, sc, key)
	tr := applyTiers(*t, q, red)
	if note != "" {
		tr.Formula = note + "; " + tr.Formula
	}
	return tr
}

// reduction is the reduction of a tier table's rates for a key (the legacy painter material bands): none
// below the first tier; else the first band with of ≤ up_to × per (exact), else `above`.
func (l *lang) reduction(t *plan.Tiers, q decimal.Decimal, sc plan.Scope, key string) (decimal.Decimal, string) {
	rd := t.Reduction
	if rd == nil || reached(*t, q) < 0 {
		return zero, ""
	}
	of, per := l.value(rd.Of.Name, sc, key), l.value(rd.Per.Name, sc, key)
	for _, b := range rd.Bands {
		if of.LessThanOrEqual(b.UpTo.Mul(per)) {
			return b.Reduction.Decimal, fmt.Sprintf("%s %s ≤ %s × %s %s: −%s", rd.Of.Name, of, b.UpTo, rd.Per.Name, per, b.Reduction)
		}
	}
	last := rd.Bands[len(rd.Bands)-1].UpTo
	return rd.Above.Decimal, fmt.Sprintf("%s %s > %s × %s %s: −%s", rd.Of.Name, of, last, rd.Per.Name, per, rd.Above)
}

// tierWarnings warns, with the rows behind the base, of a quantity above the top band's upper bound
// (warn_above_top) and of a reduction's quantity above its last band (reduction.warn_above), as the legacy
// input checks did for the hours tiers and the painter material.
func (l *lang) tierWarnings(s *plan.Scheme, t *plan.Tiers, q decimal.Decimal, sc plan.Scope, key string, src []model.Source) {
	who := whose(sc, key)
	if top := t.Bands[len(t.Bands)-1]; t.WarnAboveTop && top.To != nil && q.GreaterThan(top.To.Decimal) {
		l.warn(fmt.Sprintf(msg.CalcAboveTop, who, s.Base.Name, q, top.To, s.Name.Name), src...)
	}
	rd := t.Reduction
	if rd == nil || !rd.WarnAbove {
		return
	}
	of, per := l.value(rd.Of.Name, sc, key), l.value(rd.Per.Name, sc, key)
	last := rd.Bands[len(rd.Bands)-1].UpTo
	if !of.GreaterThan(last.Mul(per)) || !per.IsPositive() {
		return
	}
	if reached(*t, q) >= 0 {
		l.warn(fmt.Sprintf(msg.CalcReductionAbove, who, rd.Of.Name, of, rd.Per.Name, per, last, s.Name.Name, rd.Above), l.sources(rd.Of.Name, sc, key)...)
	} else {
		l.warn(fmt.Sprintf(msg.CalcReductionAboveNoTier, who, rd.Of.Name, of, rd.Per.Name, per, last, s.Name.Name), l.sources(rd.Of.Name, sc, key)...)
	}
}

// whose names a key in a warning: an employee's id, team <name>, or the store.
func whose(sc plan.Scope, key string) string {
	switch sc {
	case plan.ScopeTeam:
		return "team " + key
	case plan.ScopeStore:
		return "the store"
	}
	return key
}
