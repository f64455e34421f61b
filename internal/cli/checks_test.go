package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checksPlanText is a plan in the plan language with a row check, expected rows and rows of roles.
const checksPlanText = `version: 2
roles:
  - {name: advisor, aliases: [服务顾问]}
  - {name: tech, aliases: [机修工]}
bases:
  - {name: sales, from: accessory_sales, sum: paid_amount, by: seller_id}
  - {name: score, from: advisor_scores, sum: score, by: emp_id, expected_for: own}
  - {name: hours, from: labor_hours, sum: hours, by: tech_id, rows_of_roles: [tech]}
schemes:
  - {name: own, label: 个人奖, roles: [advisor], base: sales, rate: 0.01}
  - {name: hours, label: 工时奖, roles: [tech], base: hours, rate: 2}
checks:
  - table: accessory_sales
    when: list_amount > 0 && paid_amount <= list_amount * 0.75
    column: paid_amount
    warning: min_discount
    ratio: {of: paid_amount, to: list_amount, min: 0.75}
`

// The plan's input checks show in validate (located, with the exit code of an input error) and, as
// warnings, in compute.
func TestPlanChecksInValidateAndCompute(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	files := map[string]string{
		"员工名册.csv": "工号,姓名,岗位,基本工资,试用期\nA01,李明,服务顾问,3000,否\nA02,王芳,服务顾问,3000,否\nB02,黄伟,机修工,3200,否\n",
		"精品销售.csv": "单据号,销售日期,销售人工号,标价金额,实收金额\nS1,2026-10-05,A01,100,70\nS2,2026-10-05,A02,100,90\n",
		"工时明细.csv": "工单号,技师工号,日期,工时\nRO1,B02,2026-10-12,3\nRO2,A01,2026-10-13,2\n",
		"接待考核.csv": "工号,考核分\nA01,98\n",
	}
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pf := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(pf, []byte(checksPlanText), 0o644); err != nil {
		t.Fatal(err)
	}
	warnings := "warning: 精品销售.csv row 2, column 实收金额 (E2): sold at 70% of list price, at or below the minimum 75%: earns nothing\n" +
		"warning: 员工名册.csv row 3, column 工号 (A3): advisor-pool member A02 (王芳) has no assessment score (接待考核): no score deduction\n"
	out, _, code := run(t, "validate", "--month", "2026-10", "--in", in, "--plan", pf)
	want := "error: 工时明细.csv row 3, column 技师工号 (B3): A01 (服务顾问) is not in an hours scheme, but has hours on 1 rows\n" +
		warnings + "1 errors, 2 warnings\n"
	if code != 1 || out != want {
		t.Fatalf("validate exit %d:\n%s\nwant exit 1:\n%s", code, out, want)
	}
	files["工时明细.csv"] = strings.Replace(files["工时明细.csv"], "RO2,A01", "RO2,B02", 1)
	if err := os.WriteFile(filepath.Join(in, "工时明细.csv"), []byte(files["工时明细.csv"]), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = run(t, "compute", "--month", "2026-10", "--in", in, "--plan", pf, "--dry-run")
	if code != 0 || !strings.Contains(out, "提示:\n"+warnings) {
		t.Fatalf("compute exit %d:\n%s\nwant the warnings:\n%s", code, out, warnings)
	}
}
