package report

import (
	"payout/internal/msg"
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
