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

// Checks of the master/apprentice split.
const (
	PlanApprenticeTeams = "scheme %s: split.apprentice_share needs pool: team and master teams (teams: {master: master_id})"
	PlanApprenticeAlone = "scheme %s: split.apprentice_share is the whole split, so %s cannot be used with it"
)

// plan show of the master/apprentice split.
const (
	ShowApprenticeSplit = "团队奖金（不是奖金池）在师傅和徒弟之间分：每位徒弟得 团队奖金 × 其「%s」，四舍五入到分；不享受本项的徒弟（试用期）那一份留给师傅；师傅得其余部分（可能为 −0.01），试用期的师傅那一部分不发"
)

// Checks of rates by role.
const (
	PlanByRoleScope   = "scheme %s: rate.by_role needs a scheme paid to each person, or a team pool over master teams (the team's role is its master's)"
	PlanByRoleEmpty   = "scheme %s: rate.by_role lists no role"
	PlanByRoleNotPaid = "scheme %s: role %s of rate.by_role is not one of the scheme's roles"
	PlanByRoleRate    = "scheme %s: the rate of %s must be a number or tiers: {…}"
	PlanByRoleKey     = "field %s not found in a rate by role (by_role, default)"
)

// plan show of rates by role.
const (
	ShowByRole        = "按岗位（班组按师傅的岗位）：%s"
	ShowByRoleEntry   = "【%s】%s"
	ShowByRoleDefault = "【其他岗位】%s"
	ShowByRoleNone    = "【其他岗位】0"
)

// Checks of tier reductions and warnings.
const (
	PlanTiersV1Key = "%s: %s belongs to version 2 plans (version 1 has hours.material and the importers' checks)"
)

// plan show of tier reductions.
const (
	ShowReduction     = "；%s达到第一档时，按 %s ÷ %s：%s，各档单价减去相应数额（不低于 0）"
	ShowReductionBand = "≤ %s 减 %s"
	ShowReductionOver = "超过 %s 减 %s"
)

// Tier warnings (the legacy ChkHoursAboveTop, ChkMaterialAbove, ChkMaterialAboveNoTier, for the plan language).
const (
	PlanWarnNoTop            = "scheme %s: rate.tiers.warn_above_top needs an upper bound (to) on the top band"
	CalcAboveTop             = "%s has %s %s, above the top band's %s (scheme %s): the top rate applies"
	CalcReductionAbove       = "%s: %s %s for %s %s is above %s per unit (scheme %s): rates lowered by %s"
	CalcReductionAboveNoTier = "%s: %s %s for %s %s is above %s per unit (scheme %s; below the first tier, so no amount anyway)"
)

// plan show of tier warnings.
const (
	ShowWarnAboveTop = "；超过 %s 仍按最后一档计，并提示"
	ShowWarnAbove    = "；超过最后一档时提示"
)
