package plan

import "payout/internal/msg"

// Master teams (teams: {master: master_id}): a team is a master and the apprentices whose 师傅工号 names it,
// named by the master's id (model.Teams); everybody else heads a team of one.

// MasterColumn is the roster column that master teams are read from.
const MasterColumn = "master_id"

// ByMaster reports whether the teams are masters and their apprentices.
func (t *Teams) ByMaster() bool { return t != nil && t.Master.Name != "" }

// masterTeams checks master teams; false when the teams are by a column (checked by inputs).
func (lc *langChecker) masterTeams() bool {
	t := lc.p.Teams
	if !t.ByMaster() {
		return false
	}
	if t.Column.Name != "" {
		lc.add(t.Column.Line, msg.PlanTeamsBoth)
	}
	if t.Master.Name != MasterColumn {
		lc.add(t.Master.Line, msg.PlanTeamsMaster, t.Master.Name)
	}
	return true
}
