package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"payout/plan"
)

const examplesDir = "../../examples"

// examplePlan is the plan file of an example store.
func examplePlan(ex string) string { return filepath.Join(examplesDir, ex, "plan.yaml") }

// badExample writes example A's plan with three errors (an unknown column in a filter, a label used twice, a
// negative rate) and returns its path.
func badExample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(examplePlan("a-advisor-own-output"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, r := range [][2]string{{"where: premium >= 3000", "where: premum >= 3000"}, {"label: 满意度奖", "label: 个人产值提成"}, {"rate: 60\n", "rate: -60\n"}} {
		if !strings.Contains(s, r[0]) {
			t.Fatalf("example A has no %q", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	p := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func badErrors(p string) string {
	return "error: " + p + ` line 69: base renewals where: column 12: unknown name "premum" (did you mean "premium"?)` + "\n" +
		"error: " + p + ` line 99: label "个人产值提成" is used by schemes own_output_commission and satisfaction_bonus: each payslip line needs its own name` + "\n" +
		"error: " + p + " line 120: rate must not be negative, got -60\n"
}

func TestPlanCheck(t *testing.T) {
	bad := badExample(t)
	def := filepath.Join(t.TempDir(), "default.yaml")
	if err := os.WriteFile(def, plan.DefaultText(), 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := examplePlan("a-advisor-own-output"), examplePlan("c-profit-pool")
	cases := []struct {
		name     string
		args     []string
		out, err string
		code     int
	}{
		{"good", []string{a}, a + ": ok (version 2, 6 schemes)\n", "", 0},
		{"one scheme", []string{b}, b + ": ok (version 2, 1 scheme)\n", "", 0},
		{"version 1", []string{def}, def + ": ok (version 1, 15 schemes)\n", "", 0},
		{"bad, every error with its line", []string{bad}, badErrors(bad), "payout: the plan has errors\n", 1},
		{"missing file", []string{"nope.yaml"}, "", "payout: cannot read plan nope.yaml: open nope.yaml: no such file or directory\n", 2},
		{"two good files", []string{a, b}, a + ": ok (version 2, 6 schemes)\n" + b + ": ok (version 2, 1 scheme)\n", "", 0},
		{"a good file and a bad one", []string{bad, a}, badErrors(bad) + a + ": ok (version 2, 6 schemes)\n", "payout: 1 of 2 plans have errors\n", 1},
		{"a missing file among others", []string{"nope.yaml", bad, a}, badErrors(bad) + a + ": ok (version 2, 6 schemes)\n",
			"payout: cannot read plan nope.yaml: open nope.yaml: no such file or directory\npayout: 1 of 3 plans could not be read (1 with errors)\n", 2},
		{"no file", nil, "", "payout: requires at least 1 arg(s), only received 0\n", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errText, code := run(t, append([]string{"plan", "check"}, c.args...)...)
			if code != c.code || out != c.out || errText != c.err {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", code, c.code, out, c.out, errText, c.err)
			}
		})
	}
}

// TestPlanShowExamples: plan show prints each example's plan as report.PlanText does (its golden, checked
// against the store's 方案.md).
func TestPlanShowExamples(t *testing.T) {
	for _, ex := range []string{"a-advisor-own-output", "b-workshop-teams", "c-profit-pool", "d-body-paint-pieces"} {
		t.Run(ex, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("..", "..", "report", "testdata", "planshow-"+ex[:1]+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			out, errText, code := run(t, "plan", "show", "--plan", examplePlan(ex))
			if code != 0 || errText != "" || out != string(want) {
				t.Fatalf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errText, out, want)
			}
		})
	}
}

func yamlShown(source string, text []byte) string {
	sum := sha256.Sum256(text)
	return "# plan: " + source + "\n# sha256: " + hex.EncodeToString(sum[:]) + "\n" + string(text)
}

func TestPlanShowYAML(t *testing.T) {
	a := examplePlan("a-advisor-own-output")
	aText, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	note := "# default.yaml is a version-1 plan: plan show lists the rules of plans written in the plan language (version 2) only; its YAML follows.\n"
	bad := badExample(t)
	cases := []struct {
		name     string
		args     []string
		out, err string
		code     int
	}{
		{"--yaml", []string{"--plan", a, "--yaml"}, yamlShown(a, aText), "", 0},
		{"version 1: a note, then the YAML", nil, note + yamlShown("default.yaml", plan.DefaultText()), "", 0},
		{"version 1 with --yaml: no note", []string{"--yaml"}, yamlShown("default.yaml", plan.DefaultText()), "", 0},
		{"bad plan", []string{"--plan", bad}, badErrors(bad), "payout: the plan has errors\n", 1},
		{"missing plan", []string{"--plan", "nope.yaml"}, "", "payout: cannot read plan nope.yaml: open nope.yaml: no such file or directory\n", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errText, code := run(t, append([]string{"plan", "show"}, c.args...)...)
			if code != c.code || out != c.out || errText != c.err {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", code, c.code, trunc([]byte(out), 400), trunc([]byte(c.out), 400), errText, c.err)
			}
		})
	}
}

func TestPlanInit(t *testing.T) {
	exA, exC := filepath.Join(examplesDir, "a-advisor-own-output"), examplePlan("c-profit-pool")
	aText, _ := os.ReadFile(examplePlan("a-advisor-own-output"))
	cText, _ := os.ReadFile(exC)
	bad := badExample(t)
	empty := t.TempDir()
	cases := []struct {
		name     string
		exists   bool // FILE exists before (with "old")
		args     []string
		out, err string
		code     int
		want     string // FILE's content after
	}{
		{"default", false, nil, "", "wrote %F\n", 0, string(plan.DefaultText())},
		{"--from an example folder", false, []string{"--from", exA}, "", "wrote %F (from " + examplePlan("a-advisor-own-output") + ")\n", 0, string(aText)},
		{"--from a file", false, []string{"--from", exC}, "", "wrote %F (from " + exC + ")\n", 0, string(cText)},
		{"--from a broken plan", false, []string{"--from", bad}, badErrors(bad), "payout: the plan has errors\n", 1, ""},
		{"--from a missing file", false, []string{"--from", "nope.yaml"}, "", "payout: cannot read plan nope.yaml: open nope.yaml: no such file or directory\n", 2, ""},
		{"--from a folder without plan.yaml", false, []string{"--from", empty}, "", "payout: --from " + empty + ": the folder has no plan.yaml\n", 2, ""},
		{"FILE exists", true, []string{"--from", exA}, "", "payout: %F already exists; use --force to overwrite it\n", 2, "old"},
		{"FILE exists, --force", true, []string{"--from", exA, "--force"}, "", "wrote %F (from " + examplePlan("a-advisor-own-output") + ")\n", 0, string(aText)},
		{"FILE exists, --force, broken source", true, []string{"--from", bad, "--force"}, badErrors(bad), "payout: the plan has errors\n", 1, "old"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "store.yaml")
			if c.exists {
				if err := os.WriteFile(f, []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, errText, code := run(t, append([]string{"plan", "init", f}, c.args...)...)
			wantErr := strings.ReplaceAll(c.err, "%F", f)
			if code != c.code || out != c.out || errText != wantErr {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", code, c.code, out, c.out, errText, wantErr)
			}
			got, err := os.ReadFile(f)
			if c.want == "" {
				if !os.IsNotExist(err) {
					t.Fatalf("%s was written (%v)", f, err)
				}
				return
			}
			if string(got) != c.want {
				t.Fatalf("%s holds:\n%s\nwant:\n%s", f, trunc(got, 300), trunc([]byte(c.want), 300))
			}
		})
	}
}

// TestPlanHelp: payout help plan lists the three commands.
func TestPlanHelp(t *testing.T) {
	out, _, code := run(t, "help", "plan")
	for _, want := range []string{
		"  check       Check plan files alone (version 1 or 2), printing every error with its line\n",
		"  init        Write a plan for a store to edit: the default plan, or a copy of another plan or example\n",
		"  show        Print the plan as a numbered list of rules in Chinese (or as YAML)\n",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("help plan (exit %d) lacks %q:\n%s", code, want, out)
		}
	}
}
