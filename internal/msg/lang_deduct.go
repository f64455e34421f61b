package msg

// The deductions of the plan language beyond each, rates and when: plan show's reading of them.
const (
	ShowDedPart   = "本项的 %s（先取整）再乘以 %s"
	ShowDedRateOf = "（%s）"
)
