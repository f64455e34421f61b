package plan

import (
	"payout/internal/msg"
	"payout/plan/formula"
)

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

// apprenticeSplit checks the master/apprentice split: a team pool over master teams, alone, by a number
// column of the roster.
func (lc *langChecker) apprenticeSplit(s *Scheme) {
	sp, name := s.Split, s.Name.Name
	if sp == nil || sp.ApprenticeShare.Name == "" {
		return
	}
	if s.PoolScope() != ScopeTeam || !lc.p.Teams.ByMaster() {
		lc.add(sp.ApprenticeShare.Line, msg.PlanApprenticeTeams, name)
	}
	for _, k := range []struct {
		on  bool
		key string
	}{{len(sp.Coefficients) > 0, "coefficients"}, {sp.Column.Name != "", "column"}, {sp.Times != nil, "times"},
		{s.NetOfBaseSalaries, "net_of_base_salaries"}} {
		if k.on {
			lc.add(sp.ApprenticeShare.Line, msg.PlanApprenticeAlone, name, k.key)
		}
	}
	if col := lc.column(lc.tables["employees"], sp.ApprenticeShare); col != nil && col.ColumnType().Formula() != formula.Number {
		lc.add(sp.ApprenticeShare.Line, msg.PlanColumnNotNum, "scheme "+name+" split", sp.ApprenticeShare.Name)
	}
}
