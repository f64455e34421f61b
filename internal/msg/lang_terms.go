package msg

// Messages of the plan language's achievement options (roles, keys, others, missing, required) and pool
// terms.
const (
	PlanAchMissing      = "expected missing: warn, by_pool or {probation: number}"
	PlanAchNotEmployee  = "base %s: achievement %s belongs to a per-employee achievement (this one is per %s)"
	PlanAchKeys         = "base %s: unknown achievement keys %q (with_rows)"
	PlanAchStoreKey     = "base %s: achievement %s does not apply to a store achievement (it has one key, the store)"
	PlanAchByPool       = "base %s: achievement missing: by_pool belongs to a store achievement of a pool (this one is per %s)"
	PlanAchRequiredTeam = "base %s: achievement required applies to an employee or store achievement, not to a team's"
)

// Input messages of the achievement options.
const (
	ChkStoreTarget = "no target for %s of %s (add a row to 目标: %s, %s)"
)

// plan show's texts of the achievement options.
const (
	ShowAchRoles         = "只算岗位为%s的员工（含试用期）"
	ShowAchWithRows      = "只算有数据行的人（按其第一行的顺序）"
	ShowAchOthers        = "其他人按 %s 计"
	ShowAchMissingProb   = "没有目标：试用期员工按 %s 计，其他人按 0 计并提示"
	ShowAchMissingPool   = "没有目标时按 0 计，由用到它的奖金池提示"
	ShowAchRequiredEmp   = "非试用期员工缺少目标是输入错误"
	ShowAchRequiredStore = "缺少目标是输入错误（奖金池的只在奖金池有成员时）"
)

// Messages of the pool terms.
const (
	PlanTermsNotStore = "scheme %s: terms belong to a store pool (pool: store): they sum the store's bases into one amount"
)

// plan show's texts of the pool terms.
const (
	ShowTerms      = "%s（各项精确相加，取整一次；没有成员也计算并列出；用到的奖金池完成率缺目标时该项为 0，没有成员时整笔为 0.00）"
	ShowTermTimes  = " × "
	ShowTermPlus   = " + "
	ShowTermShares = "（转入份额）"
)
