// Package msg holds every user-facing English message of the tool in one place, so that they can be
// reviewed together and localised later. Messages are fmt formats; their verbs are documented by the
// constant's name and use. Payslip and summary labels (simplified Chinese) live in report/labels.go.
package msg

// Plan loading.
const (
	PlanRead              = "cannot read plan %s: %v"
	PlanErrorAt           = "%s line %d: %s"
	PlanError             = "%s: %s"
	PlanEmpty             = "the plan file is empty"
	PlanUnknownKey        = "unknown key %q"
	PlanWrongKind         = "%q is not the kind of value expected here"
	PlanMissingKey        = "missing key %s"
	PlanNegative          = "%s must not be negative, got %s"
	PlanNotFraction       = "%s must be between 0 and 1, got %s"
	PlanNotPositive       = "%s must be greater than 0, got %s"
	PlanNotWhole          = "%s must be a whole number, got %s"
	PlanMissingName       = "missing %s name"
	PlanUnknownName       = "unknown %s %q"
	PlanDuplicate         = "%s %q is defined twice"
	PlanAliasClash        = "name %q is used by both %q and %q"
	PlanNoAlias           = "role %q needs at least one Chinese name (aliases)"
	PlanBadMode           = "%s.mode must be whole or marginal, got %q"
	PlanBadInclusive      = "%s.inclusive must be lower or upper, got %q"
	PlanNoBands           = "%s has no bands"
	PlanOpenBand          = "%s: only the last band may have no upper bound (to)"
	PlanTierOrder         = "%s out of order: %s is not below %s"
	PlanTierGap           = "%s: bands must follow each other, %s is followed by %s"
	PlanVersion           = "unsupported plan version %d (expected 1)"
	PlanDecimals          = "achievement.decimals must be a whole number from 0 to 18, got %s"
	PlanCapBelowFloor     = "achievement.cap is below achievement.floor"
	PlanMetricKind        = "metric %q needs either a figure or per_employee: true, not both"
	PlanMetricScope       = "metric %q is per employee and cannot be a pool's achievement"
	PlanMetricPerEmployee = "metric %q of accessory specialists must be per_employee"
	PlanPoolName          = "pool name %q is the name of an individual scheme"
	PlanLineMissing       = "lines: %q is missing"
)
