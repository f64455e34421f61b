package msg

// The deductions of the plan language beyond each, rates and when: plan show's reading of them.
const (
	ShowDedPart   = "本项的 %s（先取整）再乘以 %s"
	ShowDedRateOf = "（%s）"
)

// Checks of a deduction's reason (plan loading).
const (
	PlanReasonBrace   = "scheme %s: the deduction reason %q has an unmatched brace (write {{ or }} for a brace itself)"
	PlanReasonUnknown = "scheme %s: the deduction reason names {%s}, which is not a base, rate or items (reason %q)"
	PlanReasonNoRate  = "scheme %s: the deduction reason %q shows {rate}, but the deduction has no rate (rates, when or part)"
	PlanReasonNoItems = "scheme %s: the deduction reason %q shows {items}, which belongs to a deduction with fines"
)

// plan show's reading of a deduction reason's placeholders.
const (
	ShowReasonBase  = "{%s}"
	ShowReasonRate  = "{比例}"
	ShowReasonItems = "{罚款明细}"
)

// deductions_rounding: its check, plan show's reading, and the joined reasons of a rounding once.
const (
	PlanDedRounding    = "scheme %s: deductions_rounding is %q; it is once or each (the default)"
	ShowKeyDedRounding = "扣款取整"
	ShowDedRoundOnce   = "按比例的扣款先把比例相加，本项 × 比例之和只取整一次；各原因按各自比例分摊（各自取整），最后一项取余数"
	CalcReasonsJoin    = " + "
)

// Fines: the check of outside, the warning for fines a line cannot take (with the scheme's name; the
// default plan's scheme is beauty, so the text is CalcFinesOver's), and plan show's reading.
const (
	PlanDedOutside    = "scheme %s: outside is %q; it is warn, on a deduction with fines"
	CalcLangFinesOver = "%s (%s): fines of %s are more than the %s line of %s; %s is not taken"
	CalcFinesFormula  = "min(Σ fines, what is left of the line)"
	ShowDedFines      = "罚款 %s，合计为一笔"
	ShowDedFine       = "%s 每次 %s 元"
	ShowDedOutside    = "；没有本项的人（含试用期）有罚款时也警告"
)

// A scheme's detail: its checks and plan show's reading.
const (
	PlanDetailPool   = "scheme %s: detail belongs to a scheme paid per person (a pool's line shows the pool)"
	PlanDetailNotAch = "scheme %s: detail.achievements names %s, which is not an achievement base"
	ShowKeyDetail    = "工资条显示"
	ShowDetailBase   = "基数 %s"
	ShowDetailRate   = "比例 %s"
	ShowDetailAch    = "完成率 %s"
)
