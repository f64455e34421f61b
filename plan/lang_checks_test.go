package plan

import (
	"strings"
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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.Count(checksPlan, c.old) != 1 {
				t.Fatalf("%q occurs %d times", c.old, strings.Count(checksPlan, c.old))
			}
			text := strings.Replace(checksPlan, c.old, c.new, 1)
			_, err := Parse("t.yaml", []byte(text))
			es, ok := err.(Errors)
			if !ok {
				t.Fatalf("err = %v, want plan errors", err)
			}
			line := strings.Count(text[:strings.Index(text, c.at)], "\n") + 1
			want := Error{File: "t.yaml", Line: line, Msg: c.want}
			for _, e := range es {
				if e == want {
					return
				}
			}
			t.Fatalf("errors:\n%v\nwant:\n%v", es, want)
		})
	}
}

// TestChecksPlanLoads: the unmutated plan loads.
func TestChecksPlanLoads(t *testing.T) {
	if _, err := Parse("t.yaml", []byte(checksPlan)); err != nil {
		t.Fatal(err)
	}
}
