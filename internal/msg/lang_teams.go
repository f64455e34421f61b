package msg

// Master teams, rates by role, tier reductions and warnings, the master/apprentice split (plan language).
const (
	PlanTeamsBoth   = "teams has both column and master: give one of them"
	PlanTeamsMaster = "teams.master %q must be master_id (the roster's 师傅工号 column): a team is a master and its apprentices"
)

// plan show: master teams, rates by role, reductions, warnings, the master/apprentice split.
const (
	ShowTeamsMaster = "班组：师傅和「员工名册」的「%s」写着他的徒弟为一组，以师傅的工号命名；其他人各自一组"
)
