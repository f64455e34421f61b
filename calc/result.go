// Package calc computes a month's payout from validated month data and a plan. It is pure: no I/O, no
// spreadsheets, no command line. Besides the result it returns the ordered list of calculation steps, each
// with its rule, inputs, formula, result and the source rows behind it: the raw material of the audit trail
// and of `payout explain`.
//
// Every rate, tier, coefficient and name comes from the plan; the code holds the rules of SPEC §4–§5 only.
// Warnings about the input itself (discounts, hours above the top tier, missing scores) are the importers';
// calc adds those that need the calculation (pools without members, fines larger than their line).
package calc

import (
	"sync"

	"github.com/shopspring/decimal"

	"payout/model"
)

// Result is the whole month's payout.
type Result struct {
	Month        string
	PlanName     string
	Employees    []EmployeeResult // sorted by id, byte-wise
	Pools        []PoolResult     // in plan order
	Figures      []Figure         // base figures, then the plan's sums, in order
	Achievements []Achievement    // in the order computed
	FundTotal    decimal.Decimal
	FundSpent    decimal.Decimal // Σ fund_spending of the month
	PayoutTotal  decimal.Decimal
	Warnings     []Warning
	Steps        []Step

	indexOnce sync.Once
	stepIdx   *stepIndex
}

// EmployeeResult is one employee's payout.
type EmployeeResult struct {
	ID            string
	Name          string
	Role          string
	Department    string
	Team          string // the employee's team (plan-language plans with teams)
	Probation     bool
	BaseSalary    decimal.Decimal
	Lines         []Line // in the plan's line order; none all zero
	Gross         decimal.Decimal
	Deduction     decimal.Decimal
	Fund          decimal.Decimal
	NetCommission decimal.Decimal
	Total         decimal.Decimal
	Notes         []string
}

// Line is one scheme's amount for one employee.
type Line struct {
	Scheme string
	// Label is the line's name from the plan (plan-language schemes); empty for the built-in schemes, whose
	// names the report knows.
	Label     string
	Gross     decimal.Decimal
	Deduction decimal.Decimal
	Fund      decimal.Decimal
	Net       decimal.Decimal
	// Detail says how the gross came about, for the payslip.
	Detail LineDetail
	// Deductions are the reasons of the deduction, each with its amount (their sum is Deduction).
	Deductions []Deduction
}

// LineDetail is what a payslip shows of a line: base figure, rate, achievement rates, coefficient, share.
type LineDetail struct {
	BaseLabel    string          // the built-in schemes' key of the base figure (e.g. "team_hours"), for its label
	BaseTitle    string          // the base's name from the plan (plan-language schemes), printed as is
	BaseMoney    bool            // the base is an amount of money (printed with 2 decimals)
	Pool         string          // the pool the line is a share of, when it is not named after the line's scheme
	Base         decimal.Decimal // the base figure (pool amount, team hours, approved amount …)
	Rate         decimal.Decimal // rate applied, when one is
	HasRate      bool
	Achievements []Achievement // achievement rates that entered the amount
	Coefficient  decimal.Decimal
	CoefSum      decimal.Decimal
	HasCoef      bool
	// TeamBonus is the whole team's hours bonus that a master's or apprentice's line is a part of.
	TeamBonus    decimal.Decimal
	HasTeamBonus bool
	Note         string
}

// Deduction is one reason of a line's deduction.
type Deduction struct {
	Reason string
	Amount decimal.Decimal
}

// PoolResult is one pool: its amount and how it was split.
type PoolResult struct {
	Name     string
	Label    string
	Amount   decimal.Decimal // rounded once
	Exact    decimal.Decimal // before rounding
	Members  []Share         // non-probation members with their shares, by id
	CoefSum  decimal.Decimal
	Terms    []Term
	FromRows decimal.Decimal // exact sum of accessory shares sent to the pool
}

// Term is one term of a pool's amount.
type Term struct {
	Figure       string
	Value        decimal.Decimal
	Rate         decimal.Decimal
	Achievements []Achievement
	Exact        decimal.Decimal
}

// Share is one member's part of a pool.
type Share struct {
	EmployeeID  string
	Coefficient decimal.Decimal
	Adjusted    bool            // the coefficient comes from an adjustment
	Exact       decimal.Decimal // amount × c / Σc, to 10 decimals (for display)
	Amount      decimal.Decimal
	ExtraCent   bool // got a leftover cent by largest remainder
}

// Figure is a figure of the month.
type Figure struct {
	Name  string
	Value decimal.Decimal
}

// Achievement is an achievement rate.
type Achievement struct {
	Metric string
	Scope  string
	Actual decimal.Decimal
	Target decimal.Decimal
	Rate   decimal.Decimal // rounded, floored, capped: the rate used
	Note   string
}

// Warning is a warning of the calculation, with the rows it concerns.
type Warning struct {
	Message string
	Sources []model.Source
}

// Step is one calculation step of the audit trail.
type Step struct {
	Rule     string         `json:"rule"`
	Employee string         `json:"employee,omitempty"`
	Pool     string         `json:"pool,omitempty"`
	Team     string         `json:"team,omitempty"`
	Inputs   []KV           `json:"inputs,omitempty"`
	Formula  string         `json:"formula"`
	Result   string         `json:"result"`
	Sources  []model.Source `json:"sources,omitempty"`
}

// KV is a named input of a step.
type KV struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}
