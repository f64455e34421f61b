package report

import (
	"fmt"

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
