package calc

import "payout/plan"

// detail is what the payslip shows for a line paid per person when its scheme says (detail: …): the
// base's value, the rate base's value as the rate, and the achievements of the person (those computed, with
// the rate after the base's bounds) instead of what the amount gives.
func (l *lang) detail(s *plan.Scheme, id string, det LineDetail) LineDetail {
	dt := s.Detail
	if dt == nil {
		return det
	}
	if n := dt.Base.Name; n != "" {
		det.BaseLabel, det.BaseTitle, det.Base = "", l.p.Base(n).Title(), l.value(n, plan.ScopeEmployee, id)
	}
	if n := dt.Rate.Name; n != "" {
		det.Rate, det.HasRate = l.value(n, plan.ScopeEmployee, id), true
	}
	if len(dt.Achievements) > 0 {
		det.Achievements = nil
	}
	for _, r := range dt.Achievements {
		vs := l.bases[r.Name]
		if vs == nil {
			continue
		}
		k, ok := l.keyOf(vs.base, plan.ScopeEmployee, id)
		if a, found := l.achieved[r.Name+"\x00"+k]; ok && found {
			a.Rate = vs.v[k] // the rate used: after the base's bounds
			det.Achievements = append(det.Achievements, a)
		}
	}
	return det
}
