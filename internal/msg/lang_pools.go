package msg

// Messages of the plan language's pool constructs (roles: all, lines, pool scopes and aliases, adjustable
// coefficients, figure: false).
const (
	PlanRolesAll = "expected a list of roles, or all (every role)"
)

// plan show's texts of the pool constructs.
const (
	ShowAllRoles  = "所有岗位"
	ShowLineOrder = "工资条上各项的顺序（与上面的计算顺序不同）：%s"
)
