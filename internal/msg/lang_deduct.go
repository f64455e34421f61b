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
