package importers

import (
	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// The plan language's pools in the input tables: a target's 范围 of a metric of scope pool, and an
// adjustment's 奖金池, name a store pool scheme by its name, label or an alias (folded); both are read as
// the scheme's name.

// poolScope resolves a target's 范围 that names a store pool scheme.
func (rd *reader) poolScope(r *row, mt *plan.Metric, raw string) string {
	if p, ok := rd.enums["pool"][fold.Key(raw)]; ok {
		return p
	}
	r.errorf("scope", msg.ValScopeNotPool, excerpt(raw), mt.Name.Name)
	return raw
}

// langAdjustment checks a coefficient change under version 2: the pool takes adjustments (split.adjustable),
// the employee's role is one the pool pays; a probation employee the pool does not pay is warned about (the
// change is ignored).
func (rd *reader) langAdjustment(r *row, a model.Adjustment, e *model.Employee) {
	p := rd.opt.Plan
	s := p.Scheme(a.Pool)
	switch {
	case s == nil:
		return // not a pool of the plan: reported as an unknown pool
	case !s.Adjustable():
		r.errorf("pool", msg.ValPoolNotAdjustable, a.Pool)
	case !plan.HasRef(s.Roles, e.Role):
		r.errorf("pool", msg.ValRoleNotInPool, excerpt(e.ID), roleLabel(p, e.Role), a.Pool)
	case e.Probation && !s.Probationers():
		r.warnf("emp_id", msg.ValProbationAdjust, excerpt(e.ID))
	}
}
