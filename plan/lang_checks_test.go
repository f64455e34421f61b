package plan

import (
	"testing"
)

// checksPlan is a plan with the bases' input checks, the base of the mutations of TestChecksErrors.
const checksPlan = `version: 2
roles:
  - {name: advisor, aliases: [服务顾问]}
  - {name: mechanic, aliases: [机修工]}
bases:
  - name: score
    from: advisor_scores
    sum: score
    by: emp_id
    expected_for: advisor
  - name: hours
    from: labor_hours
    sum: hours
    by: tech_id
    rows_of_roles: [mechanic]
  - {name: total_hours, total: hours}
schemes:
  - {name: advisor, label: 顾问奖, roles: [advisor], base: score, rate: 1}
  - {name: hours, label: 工时奖金, roles: [mechanic], base: hours, rate: 2}
checks:
  - table: accessory_sales
    when: seller_dept == "aftersales" && list_amount > 0 && paid_amount <= list_amount * 0.75
    column: paid_amount
    warning: min_discount
    ratio: {of: paid_amount, to: list_amount, min: 0.75}
  - table: labor_hours
    when: hours > 12
    column: hours
    error: "一行 {hours} 小时（工单 {ro_no}）"
`

// TestChecksErrors mutates checksPlan and checks each error's line and exact message.
func TestChecksErrors(t *testing.T) {
	cases := []struct {
		name, old, new, at, want string
	}{
		{"expected for an unknown scheme", "expected_for: advisor", "expected_for: advisr", "expected_for:",
			`unknown scheme "advisr"`},
		{"expected for on a base without rows", "- {name: total_hours, total: hours}", "- {name: total_hours, total: hours, expected_for: advisor}", "- {name: total_hours",
			"base total_hours: expected_for needs a base over a table's rows (from) by an employee column (by)"},
		{"rows of an unknown role", "rows_of_roles: [mechanic]", "rows_of_roles: [mechanik]", "rows_of_roles:",
			`unknown role "mechanik"`},
		{"rows of a role twice", "rows_of_roles: [mechanic]", "rows_of_roles: [mechanic, mechanic]", "rows_of_roles:",
			`role of rows_of_roles "mechanic" is defined twice`},
		{"rows of no role", "rows_of_roles: [mechanic]", "rows_of_roles: []", "- name: hours\n    from",
			"base hours: rows_of_roles lists no role"},
		{"rows of roles without by", "    by: tech_id\n", "", "- name: hours\n    from",
			"base hours: rows_of_roles needs a base over a table's rows (from) by an employee column (by)"},
		{"check of an unknown table", "table: labor_hours", "table: labour_hours", "table: labour_hours",
			"unknown table \"labour_hours\" (the built-in tables and the plan's own: accessory_sales, adjustments, advisor_scores, beauty_sales, collections, employees, fund_spending, incidents, insurance_claims, labor_hours, renewals, repair_orders, targets, warranty_receipts, washes, workshop_scores)"},
		{"check condition not a condition", "when: hours > 12", "when: hours + 12", "when: hours + 12",
			"check of labor_hours when: column 11: the expression gives number, a condition must give true/false"},
		{"check of an unknown column", "column: hours", "column: hour", "column: hour",
			`table labor_hours has no column "hour" (its columns: tech_id, date, hours, material_cost, ro_no)`},
		{"check with both messages", "error: \"一行", "warning: x\n    error: \"一行", "table: labor_hours",
			"check of labor_hours: give exactly one of warning and error (a message name or a text)"},
		{"check without a message", "    error: \"一行 {hours} 小时（工单 {ro_no}）\"\n", "", "table: labor_hours",
			"check of labor_hours: give exactly one of warning and error (a message name or a text)"},
		{"check of an unknown message", "warning: min_discount", "warning: max_discount", "table: accessory_sales",
			`check of accessory_sales: unknown message "max_discount" (the named messages: min_discount; a text with {column} placeholders is the other kind)`},
		{"named message without ratio", "    ratio: {of: paid_amount, to: list_amount, min: 0.75}\n", "", "table: accessory_sales",
			"check of accessory_sales: min_discount needs ratio: {of, to, min}"},
		{"ratio placeholder without ratio", "{ro_no}）", "{ratio}）", "table: labor_hours",
			"check of labor_hours: {ratio} needs ratio: {of, to, min}"},
		{"placeholder of an unknown column", "{ro_no}）", "{ro}）", "table: labor_hours",
			`check of labor_hours: the message names {ro}, which is not a column of the table, ratio or min (message "一行 {hours} 小时（工单 {ro}）")`},
		{"message with an unmatched brace", "{ro_no}）", "{ro_no）", "table: labor_hours",
			`check of labor_hours: the message "一行 {hours} 小时（工单 {ro_no）" has an unmatched brace (write {{ or }} for a brace itself)`},
		{"ratio of a text column", "of: paid_amount", "of: item", "ratio:",
			"check of accessory_sales ratio: column item is not a number column"},
		{"ratio without min", ", min: 0.75}", "}", "table: accessory_sales",
			"missing key checks.ratio.min"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantErrorAt(t, "t.yaml", mutated(t, checksPlan, c.old, c.new), c.at, c.want)
		})
	}
}

// TestChecksPlanLoads: the unmutated plan loads.
func TestChecksPlanLoads(t *testing.T) {
	if _, err := Parse("t.yaml", []byte(checksPlan)); err != nil {
		t.Fatal(err)
	}
}
