package msg

// Sanity bounds of the plan's numbers (plan loading; each follows "<file> line <n>: ").
const (
	PlanTooLarge   = "%q is out of bounds: every number of a plan must be below %d"
	PlanTooPrecise = "%q has more than %d decimal places"
	PlanMoneyRate  = "%s is a part of an amount of money and must be at most %d (rates are plain decimals: 0.05 = 5%%), got %s"
	PlanAboveScore = "%s must be at most %d (scores and points are out of 100), got %s"
)

// Implausible pay (a calculation warning): employee id, name, total pay, then the thresholds passed.
const (
	CalcImplausiblePay   = "%s (%s): a total pay of %s for the month is implausible: %s; check the inputs and the plan"
	CalcPayAboveTotal    = "above plausible_pay.max_total %s"
	CalcPayAboveBaseMult = "more than plausible_pay.max_base_multiple %s × the base salary %s (%s)"
	CalcPayReasonsSep    = "; "
)
