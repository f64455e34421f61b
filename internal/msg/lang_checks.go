package msg

// Input checks a plan declares: expected rows (expected_for), rows of roles (rows_of_roles), row checks.
const (
	PlanCheckNeedsBy     = "base %s: %s needs a base over a table's rows (from) by an employee column (by)"
	PlanRowsOfRolesEmpty = "base %s: rows_of_roles lists no role"
)

// Input issues of the plan's checks (the default plan's keep the legacy texts: ChkNoAdvisorScore,
// ChkHoursRole, ChkApprenticeRole).
const (
	ChkNoExpectedRow      = "%s (%s) is paid the %s line but has no row in %s"
	ChkRowsOfRoles        = "%s (%s) is not of the roles of %s (%s), but has %d rows in it"
	ChkApprenticeRoleRows = "apprentice %s is a %s but its master %s is a %s: their rows of %s cannot make one team"
)

// plan show of the plan's checks.
const (
	ShowChecksHead         = "输入检查（validate 和 compute 都会报告，带文件、行和单元格）："
	ShowExpectedFor        = "「%s」发给的每个人（不享受本项的试用期员工除外）在「%s」里都应有一行，缺少的给出提示"
	ShowApprenticeSameRole = "；徒弟的岗位必须与师傅相同（同一个班组）"
	ShowRowsOfRoles        = "「%s」里只能有这些岗位的人员：%s；其他人员的行是输入错误"
)
