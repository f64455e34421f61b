package importers

import (
	"payout/internal/msg"
	"payout/plan"
)

// checkRequiredTargets checks the targets of a plan-language plan's achievements marked required: a
// per-employee achievement needs a target for each non-probation employee of its roles (msg.ChkSellerTarget,
// as the legacy accessory specialists); a store achievement of a pool scheme needs one when the pool has a
// non-probation member (msg.ChkTargetMissing, as the legacy pools), any other store achievement always.
func (rd *reader) checkRequiredTargets() {
	p, d := rd.opt.Plan, rd.data
	have := map[[2]string]bool{}
	for _, t := range d.Targets {
		have[[2]string{t.Metric, t.Scope}] = true
	}
	at := Issue{Table: TTargets}
	if ti := rd.info[TTargets]; ti != nil {
		at.File, at.Sheet = ti.File, ti.Sheet
	}
	for i := range p.Bases {
		b := &p.Bases[i]
		a := b.Achievement
		if a == nil || !a.Required {
			continue
		}
		m := a.Metric.Name
		switch b.Scope() {
		case plan.ScopeEmployee:
			for _, e := range d.Employees {
				if !e.Probation && a.PaysRole(e.Role) && !have[[2]string{m, e.ID}] {
					rd.rep.errorf(at, msg.ChkSellerTarget, excerpt(e.ID), excerpt(e.Name), m, metricLabel(p, m), excerpt(e.ID))
				}
			}
		case plan.ScopeStore:
			scope := a.Scope.Name
			if have[[2]string{m, scope}] {
				continue
			}
			if s := p.Scheme(scope); s != nil && s.PoolScope() == plan.ScopeStore {
				if rd.paysSomebody(s) {
					rd.rep.errorf(at, msg.ChkTargetMissing, scope, m, metricLabel(p, m), s.Label.Name)
				}
				continue
			}
			rd.rep.errorf(at, msg.ChkStoreTarget, m, scope, metricLabel(p, m), scope)
		}
	}
}

// paysSomebody reports whether a scheme has a non-probation employee of its roles in the roster.
func (rd *reader) paysSomebody(s *plan.Scheme) bool {
	for _, e := range rd.data.Employees {
		if (!e.Probation || s.Probationers()) && plan.HasRef(s.Roles, e.Role) {
			return true
		}
	}
	return false
}
