package msg

// Messages of the plan language's pool constructs (roles: all, lines, pool scopes and aliases, adjustable
// coefficients, figure: false).
const (
	PlanRolesAll        = "expected a list of roles, or all (every role)"
	PlanAdjustableShape = "scheme %s: split.adjustable belongs to a store pool (pool: store) split by coefficients: an adjustment replaces a role's coefficient"
	PlanFigureNotStore  = "base %s: figure belongs to a store base (this one is per %s): only store bases are listed among the month's figures"
	PlanBadMetricScope  = "%s: unknown scope %q (employee, team, store or pool)"
	PlanAliasesNotPool  = "scheme %s: aliases belong to a store pool (pool: store), whose names a target's 范围 or an adjustment's 奖金池 may use"
	PlanAchScopeNotPool = "base %s: achievement scope %q must be the name of a store pool scheme (pool: store), since metric %s's targets name a pool"
)

// Input messages of the pool constructs.
const (
	ValPoolNotAdjustable = "pool %s does not take coefficient changes (its split is not adjustable: true)"
)

// plan show's texts of the pool constructs.
const (
	ShowAllRoles    = "所有岗位"
	ShowKeyAliases  = "又称"
	ShowPoolAliases = "%s（「目标」的「范围」、「调整」的「奖金池」写奖金池的名称、项目名或这些名字都可以）"
	ShowAchievePool = "奖金池「%s」"
	ShowAdjustable  = "「调整」表的「系数」行可改某人本月在本奖金池的系数（替换其岗位系数）"
	ShowNotFigure   = "只用于计算，不列入本月指标"
	ShowLineOrder   = "工资条上各项的顺序（与上面的计算顺序不同）：%s"
)
