package msg

// Input checks a plan declares: expected rows (expected_for), rows of roles (rows_of_roles), row checks.
const (
	PlanCheckNeedsBy     = "base %s: %s needs a base over a table's rows (from) by an employee column (by)"
	PlanRowsOfRolesEmpty = "base %s: rows_of_roles lists no role"

	PlanCheckOneMessage     = "check of %s: give exactly one of warning and error (a message name or a text)"
	PlanCheckUnknownMessage = "check of %s: unknown message %q (the named messages: %s; a text with {column} placeholders is the other kind)"
	PlanCheckNeedsRatio     = "check of %s: %s needs ratio: {of, to, min}"
	PlanCheckBrace          = "check of %s: the message %q has an unmatched brace (write {{ or }} for a brace itself)"
	PlanCheckPlaceholder    = "check of %s: the message names {%s}, which is not a column of the table, ratio or min (message %q)"
)

// Input issues of the plan's checks (the default plan's keep the legacy texts: ChkNoAdvisorScore,
// ChkHoursRole, ChkApprenticeRole).
const (
	ChkNoExpectedRow      = "%s (%s) is paid the %s line but has no row in %s"
	ChkCheckFailed        = "the plan's check %q could not be evaluated on this row: %v"
	ChkRowsOfRoles        = "%s (%s) is not of the roles of %s (%s), but has %d rows in it"
	ChkApprenticeRoleRows = "apprentice %s is a %s but its master %s is a %s: their rows of %s cannot make one team"
)

// plan show of the plan's checks.
const (
	ShowChecksHead         = "输入检查（validate 和 compute 都会报告，带文件、行和单元格）："
	ShowExpectedFor        = "「%s」发给的每个人（不享受本项的试用期员工除外）在「%s」里都应有一行，缺少的给出提示"
	ShowRowCheck           = "「%s」中 %s 的行：在「%s」那一格%s：%s"
	ShowCheckWarning       = "提示"
	ShowCheckError         = "报错（输入错误，不计算）"
	ShowCheckRatio         = "「%s」÷「%s」"
	ShowCheckMinDiscount   = "%s（售出比例）不高于 %s，不计提成"
	ShowApprenticeSameRole = "；徒弟的岗位必须与师傅相同（同一个班组）"
	ShowRowsOfRoles        = "「%s」里只能有这些岗位的人员：%s；其他人员的行是输入错误"
)
