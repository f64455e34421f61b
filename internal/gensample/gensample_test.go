package gensample

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// genTwice generates cfg into two folders and fails unless every file is byte-identical.
func genTwice(t *testing.T, cfg Config) string {
	t.Helper()
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := Generate(cfg, d); err != nil {
			t.Fatal(err)
		}
	}
	sameFiles(t, a, b)
	return a
}

func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	names := func(d string) []string {
		es, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	na, nb := names(a), names(b)
	if !slices.Equal(na, nb) {
		t.Fatalf("file lists differ:\n%v\n%v", na, nb)
	}
	for _, n := range na {
		x, _ := os.ReadFile(filepath.Join(a, n))
		y, _ := os.ReadFile(filepath.Join(b, n))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between %s and %s", n, a, b)
		}
	}
}

func TestDeterministicDefault(t *testing.T) {
	dir := genTwice(t, Config{})
	want := []string{"员工名册.xlsx", "维修工单.xlsx", "索赔回款.csv", "回款.csv", "精品销售.xlsx", "工时明细.xlsx",
		"洗车记录.csv", "美容销售.csv", "保险定损.xlsx", "续保.csv", "考核与目标.xlsx", "投诉与违规.csv", "调整.xlsx", "售后基金支出.csv"}
	for _, n := range want {
		fi, err := os.Stat(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o133 != 0 {
			t.Errorf("%s has mode %v", n, fi.Mode())
		}
	}
	// 回款.csv is GB18030: not valid UTF-8, and decodes to the expected header.
	raw, _ := os.ReadFile(filepath.Join(dir, "回款.csv"))
	if utf8.Valid(raw) {
		t.Error("回款.csv is valid UTF-8")
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil || !bytes.Contains(dec, []byte("单据号,类型,付款单位,回款日期,回款金额")) {
		t.Errorf("回款.csv does not decode: %v", err)
	}
	if raw, _ := os.ReadFile(filepath.Join(dir, "索赔回款.csv")); !bytes.HasPrefix(raw, []byte("\uFEFF索赔单号")) {
		t.Error("索赔回款.csv has no BOM")
	}
	// Read an xlsx back: numeric ids, date serials with a date format, title row above the header.
	f, err := excelize.OpenFile(filepath.Join(dir, "维修工单.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("维修工单", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "2026年10月维修结算明细" || rows[1][0] != "工单号" || rows[len(rows)-1][0] != "合计" {
		t.Errorf("unexpected layout: %q %q %q", rows[0][0], rows[1][0], rows[len(rows)-1][0])
	}
	if d, err := excelize.ExcelDateToTime(mustFloat(t, rows[2][4]), false); err != nil || d.Year() != 2026 {
		t.Errorf("接车日期 %q is not a 2026 serial", rows[2][4])
	}
	if n := len(rows); n < 1500 {
		t.Errorf("only %d rows", n)
	}
	r, err := excelize.OpenFile(filepath.Join(dir, "员工名册.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if typ, _ := r.GetCellType("员工名册", "A3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("工号 cell type %v", typ)
	}
	if v, _ := r.GetCellValue("员工名册", "A3", excelize.Options{RawCellValue: true}); v != "1001" {
		t.Errorf("first id %q", v)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d.InexactFloat64()
}

func TestSmallAndCSV(t *testing.T) {
	genTwice(t, Config{Employees: 12, RepairOrders: 100, Seed: 7})
	dir := genTwice(t, Config{Employees: 30, RepairOrders: 600, AllCSV: true})
	if _, err := os.Stat(filepath.Join(dir, "目标.csv")); err != nil {
		t.Error(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.xlsx")); len(m) != 0 {
		t.Errorf("xlsx files in the CSV variant: %v", m)
	}
}

// TestStreamed covers the StreamWriter path (sheets above streamRows) and a multi-store roster.
func TestStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	genTwice(t, Config{Employees: 100, RepairOrders: 12000, Seed: 3})
}

// TestSampleDataCurrent checks that the committed sample month is what DefaultConfig generates.
func TestSampleDataCurrent(t *testing.T) {
	committed := filepath.Join("..", "..", "sample-data", "2026-10")
	if _, err := os.Stat(committed); err != nil {
		t.Skip("no committed sample month")
	}
	dir := t.TempDir()
	if err := Generate(DefaultConfig(), dir); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, dir, committed)
}

// TestRealism checks the invariants of the brief on the default month (logging its figures) and on
// a multi-store month.
func TestRealism(t *testing.T) {
	checkRealism(t, DefaultConfig(), true)
	if !testing.Short() {
		checkRealism(t, Config{Employees: 500, RepairOrders: 20000, Seed: 11}, false)
	}
}

func checkRealism(t *testing.T, cfg Config, verbose bool) {
	g, err := build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	logf := func(format string, args ...any) {
		if verbose {
			t.Logf(format, args...)
		}
	}
	ids, names := map[int]*emp{}, map[string]bool{}
	for _, e := range g.emps {
		if names[e.name] {
			t.Errorf("duplicate name %s", e.name)
		}
		ids[e.id], names[e.name] = e, true
		if e.master != nil && (e.master.master != nil || e.master.role != e.role) {
			t.Errorf("bad master for %d", e.id)
		}
	}
	for _, tb := range g.tables {
		keys := map[string]bool{}
		n := 0
		for i, r := range tb.rows {
			if r == nil {
				continue
			}
			n++
			key := r[0].text("2006-01-02")
			switch tb.name {
			case "精品销售":
				key += "/" + r[1].s
				if !r[6].d.IsPositive() || r[7].d.IsNegative() {
					t.Errorf("精品销售 row %d: amounts %s %s", i, r[6].d, r[7].d)
				}
			case "维修工单", "索赔回款", "回款", "美容销售", "保险定损", "续保":
			default:
				key = ""
			}
			if key != "" && keys[key] {
				t.Errorf("%s row %d: duplicate key %s", tb.name, i, key)
			}
			keys[key] = true
			for j, h := range tb.header {
				switch h {
				case "工号", "技师工号", "洗车工工号", "业务员工号", "销售人工号", "审批人", "师傅工号":
					if r[j].k == kNum && ids[int(r[j].d.IntPart())] == nil {
						t.Errorf("%s row %d: %s %s not on the roster", tb.name, i, h, r[j].d)
					}
				}
			}
		}
		logf("table %s/%s: %d rows", tb.name, tb.sheet, n)
	}
	for _, tg := range g.targets {
		ach := tg.actual.DivRound(tg.value, 4)
		logf("target %s %s%d: actual %s, target %s, achievement %s", tg.metric, tg.scope, tg.scopeID,
			tg.actual.StringFixed(2), tg.value, ach)
		if ach.LessThan(decimal.RequireFromString("0.7")) || ach.GreaterThan(decimal.RequireFromString("1.2")) {
			t.Errorf("achievement of %s/%s%d out of range: %s", tg.metric, tg.scope, tg.scopeID, ach)
		}
	}
	// Team hours and painter material of M, and the insurance agents' totals.
	hours, mat, agent := map[int]decimal.Decimal{}, map[int]decimal.Decimal{}, map[int]decimal.Decimal{}
	for _, tb := range g.tables {
		for _, r := range tb.rows {
			switch {
			case r == nil:
			case tb.name == "工时明细" && inMonth(r[2].t, g.m0):
				e := ids[int(r[0].d.IntPart())]
				if e.master != nil {
					e = e.master
				}
				hours[e.id], mat[e.id] = hours[e.id].Add(r[4].d), mat[e.id].Add(r[5].d)
			case tb.name == "保险定损" && inMonth(r[4].t, g.m0):
				agent[int(r[1].d.IntPart())] = agent[int(r[1].d.IntPart())].Add(r[5].d)
			}
		}
	}
	tiers := [4]int{}
	for _, e := range g.emps {
		if h, ok := hours[e.id]; ok && e.store == 0 {
			logf("team of %d %s: %s h, material %s/h", e.id, e.role, h, mat[e.id].DivRound(h, 2))
			switch x := h.InexactFloat64(); {
			case x < 100:
				tiers[0]++
			case x < 500:
				tiers[1]++
			case x < 900:
				tiers[2]++
			default:
				tiers[3]++
			}
		}
		if a, ok := agent[e.id]; ok {
			logf("agent %d %s: %s", e.id, e.role, a.StringFixed(2))
			bounds := map[string][2]int64{"保险业务经理": {200001, 1e9}, "理赔员": {50001, 200000}, "理赔接待及文员": {0, 50000}}[e.role]
			if a.LessThan(decimal.NewFromInt(bounds[0])) || a.GreaterThan(decimal.NewFromInt(bounds[1])) {
				t.Errorf("agent %d %s total %s outside its tier", e.id, e.role, a)
			}
		}
	}
	logf("store 1 teams by tier (<100, 100-500, 500-900, 900+): %v", tiers)
	if cfg == DefaultConfig() && tiers != [4]int{2, 2, 2, 1} {
		t.Errorf("team hours tiers %v", tiers)
	}
}
