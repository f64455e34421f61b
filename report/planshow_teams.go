package report

import (
	"fmt"
	"strings"

	"payout/internal/msg"
	"payout/plan"
)

// plan show of master teams, rates by role, tier reductions and warnings, and the master/apprentice split.

// teams reads how the roster is grouped into teams.
func (s *planShow) teams() {
	t := s.p.Teams
	switch {
	case t == nil:
	case t.ByMaster():
		s.line(msg.ShowTeamsMaster, s.columnLabel("employees", t.Master.Name))
	default:
		s.line(msg.ShowTeams, s.columnLabel("employees", t.Column.Name))
	}
}

// apprenticeSplit reads the master/apprentice split; "" for another split.
func (s *planShow) apprenticeSplit(sc *plan.Scheme) string {
	if sc.Split.ApprenticeShare.Name == "" {
		return ""
	}
	return fmt.Sprintf(msg.ShowApprenticeSplit, s.columnLabel("employees", sc.Split.ApprenticeShare.Name))
}

// rateByRole reads a rate by role: each role's rate, then the others'.
func (s *planShow) rateByRole(b *plan.Base, r *plan.Rate) string {
	parts := make([]string, 0, len(r.ByRole)+1)
	for _, rr := range r.ByRole {
		parts = append(parts, fmt.Sprintf(msg.ShowByRoleEntry, s.roleLabels([]plan.Ref{rr.Role}), s.rate(b, rr.Rate)))
	}
	if r.Default != nil {
		parts = append(parts, fmt.Sprintf(msg.ShowByRoleDefault, s.rate(b, r.Default)))
	} else {
		parts = append(parts, msg.ShowByRoleNone)
	}
	return fmt.Sprintf(msg.ShowByRole, strings.Join(parts, msg.ShowClauseSep))
}

// tierOptions reads a tier table's reduction (after the bands).
func (s *planShow) tierOptions(b *plan.Base, t *plan.Tiers) string {
	out := ""
	if n := len(t.Bands); t.WarnAboveTop && n > 0 && t.Bands[n-1].To != nil {
		out = fmt.Sprintf(msg.ShowWarnAboveTop, bound(t.Bands[n-1].To.Decimal, s.isMoney(b, 0)))
	}
	rd := t.Reduction
	if rd == nil {
		return out
	}
	parts := make([]string, 0, len(rd.Bands)+1)
	for _, band := range rd.Bands {
		parts = append(parts, fmt.Sprintf(msg.ShowReductionBand, band.UpTo, band.Reduction))
	}
	if len(rd.Bands) > 0 && rd.Above != nil {
		parts = append(parts, fmt.Sprintf(msg.ShowReductionOver, rd.Bands[len(rd.Bands)-1].UpTo, rd.Above))
	}
	out += fmt.Sprintf(msg.ShowReduction, b.Title(), s.baseTitle(rd.Of.Name), s.baseTitle(rd.Per.Name), strings.Join(parts, msg.ShowListSep))
	if rd.WarnAbove {
		out += msg.ShowWarnAbove
	}
	return out
}
