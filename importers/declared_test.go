package importers

import (
	"fmt"
	"strings"
	"testing"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// Tests of the inputs a plan declares (issue 11): its own tables, its columns on the built-in tables, its
// enumerations and teams, and the generic rows of a plan written in the plan language.

// Building plans in code.

func ref(s string) plan.Ref { return plan.Ref{Name: s} }

func refs(ss ...string) []plan.Ref {
	out := make([]plan.Ref, len(ss))
	for i, s := range ss {
		out[i] = ref(s)
	}
	return out
}

func named(name string, aliases ...string) plan.Named {
	return plan.Named{Name: ref(name), Aliases: refs(aliases...)}
}

// pcol is a declared column of a type with its aliases; opts set Required ("req"), a bool Default
// ("default=false"), Min and Max ("min=0", "max=120") and an enumeration ("enum=piece_items").
func pcol(name, typ string, aliases []string, opts ...string) plan.Column {
	c := plan.Column{Name: ref(name), Type: ref(typ), Aliases: refs(aliases...)}
	for _, o := range opts {
		k, v, _ := strings.Cut(o, "=")
		switch k {
		case "req":
			c.Required = true
		case "default":
			b := v == "true"
			c.Default = &b
		case "min":
			d := plan.D(v)
			c.Min = &d
		case "max":
			d := plan.D(v)
			c.Max = &d
		case "enum":
			c.Enum = ref(v)
		}
	}
	return c
}

func venum(name string, values ...[]string) plan.VocabEnum {
	e := plan.VocabEnum{Name: ref(name)}
	for _, v := range values {
		e.Values = append(e.Values, plan.VocabValue{Name: ref(v[0]), Names: refs(v[1:]...)})
	}
	return e
}

func aliases(a ...string) []string { return a }

// langPlan is a plan in the plan language with a declared table of every column type (pieces), a keyed one
// (assessment), columns on the roster and the labour hours, teams, metrics of each scope and additions to the
// built-in enumerations. Its bases read pieces and labour hours.
func langPlan() *plan.Plan {
	p := &plan.Plan{
		Version: plan.Version2,
		Name:    "test store",
		Roles:   []plan.Named{named("advisor", "服务顾问"), named("tech", "机修工"), named("lead", "机修组长")},
		Columns: []plan.ExtraColumns{
			{Table: ref(TEmployees), Columns: []plan.Column{
				pcol("team", "text", aliases("班组")),
				pcol("coef", "number", aliases("个人系数"), "min=0", "max=3"),
			}},
			{Table: ref(TLaborHours), Columns: []plan.Column{
				pcol("labor_fee", "amount", aliases("工时费"), "req"),
				pcol("labor_kind", "enum", aliases("工时类别"), "enum=labor_kinds"),
				pcol("rework", "bool", aliases("返工"), "default=false"),
			}},
		},
		Tables: []plan.Table{
			{Name: ref("pieces"), Aliases: refs("喷漆计件", "计件"), Dated: ref("date"), Columns: []plan.Column{
				pcol("date", "date", aliases("日期"), "req"),
				pcol("ro_no", "id", aliases("工单号")),
				pcol("emp_id", "employee", aliases("工号", "技师"), "req"),
				pcol("item", "enum", aliases("项目"), "req", "enum=piece_items"),
				pcol("count", "number", aliases("件数"), "req", "min=1"),
				pcol("fee", "amount", aliases("金额"), "max=100000"),
				pcol("note", "text", aliases("备注")),
				pcol("rework", "bool", aliases("返工"), "default=false"),
			}},
			{Name: ref("assessment"), Aliases: refs("考核"), Key: refs("emp_id"), Columns: []plan.Column{
				pcol("emp_id", "employee", aliases("工号"), "req"),
				pcol("kpi", "number", aliases("KPI得分"), "min=0", "max=120"),
			}},
			{Name: ref("attendance"), Aliases: refs("考勤"), Required: true, Columns: []plan.Column{
				pcol("emp_id", "employee", aliases("工号"), "req"),
				pcol("days", "number", aliases("出勤天数"), "req"),
			}},
		},
		Teams: &plan.Teams{Column: ref("team")},
		Metrics: []plan.Metric{
			{Name: ref("orders"), Aliases: refs("台次"), Scope: ref("team")},
			{Name: ref("own_output"), Aliases: refs("个人产值"), Scope: ref("employee")},
			{Name: ref("store_profit"), Aliases: refs("毛利"), Scope: ref("store")},
		},
		Vocabulary: plan.Vocabulary{Enums: []plan.VocabEnum{
			venum("labor_kinds", []string{"normal", "正常"}, []string{"warranty", "保修"}, []string{"internal", "内部"}),
			venum("piece_items", []string{"panel", "整板"}, []string{"small", "小件"}),
			venum(plan.VocabROTypes, []string{"pds", "PDS"}),
			venum(plan.VocabIncidentKinds, []string{"safety", "安全事故"}),
		}},
		Bases: []plan.Base{
			{Name: ref("pieces_count"), From: ref("pieces"), Count: true},
			{Name: ref("fees"), From: ref(TLaborHours), Sum: &plan.Expr{Src: "labor_fee"}},
		},
	}
	p.Prepare()
	return p
}

// langFolder is a clean month for langPlan.
func langFolder() folder {
	return folder{
		"员工名册.csv": "工号,姓名,岗位,基本工资,试用期,班组,个人系数\n" +
			"B01,刘刚,机修组长,4000,否,一组,1.3\n" + // row 2
			"B02,黄伟,机修工,3200,否,一组,1.0\n" + // row 3
			"B03,吴涛,机修工,3000,是,二组,0.9\n" + // row 4
			"A01,李明,服务顾问,3000,否,,\n", // row 5
		"工时明细.csv": "工单号,技师工号,日期,工时,工时费,工时类别,返工\n" +
			"RO1,B02,2026-10-12,3.1,682.00,正常,否\n" +
			"RO2,B03,2026-10-13,2,400,内部,\n",
		"喷漆计件.csv": "日期,工单号,工号,项目,件数,金额,备注,返工\n" +
			"2026-10-22,RO7000,B01,小件,1,20,,否\n" + // row 2
			"2026-10-31,RO7001,吴涛,整板,3,135.5,补漆,是\n", // row 3
		"考核.csv": "工号,KPI得分\nB01,110\nB02,95\n",
		"考勤.csv": "工号,出勤天数\nB01,26\n",
		"目标.csv": "指标,范围,目标值\n台次,一组,70\n个人产值,A01,150000\n毛利,全店,30000\n",
	}
}

func readPlan(t testing.TB, dir string, p *plan.Plan) (*model.MonthData, *Report) {
	t.Helper()
	data, rep, err := Read(Options{Dir: dir, Month: october, Plan: p})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return data, rep
}

// genText renders a table's generic rows, one line per row: its source row, then column=value for each
// column with a value (kinds: "text", 1.5, date 2026-10-01, bool true), in column order.
func genText(rs *model.Rows) string {
	var b strings.Builder
	for _, r := range rs.Rows {
		fmt.Fprintf(&b, "%s:", r.Src)
		for i, v := range r.Values {
			if v.Null {
				continue
			}
			switch rs.Kinds[i] {
			case model.KindText:
				fmt.Fprintf(&b, " %s=%q", rs.Columns[i], v.Text)
			case model.KindNumber:
				fmt.Fprintf(&b, " %s=%s", rs.Columns[i], v.Num)
			case model.KindDate:
				fmt.Fprintf(&b, " %s=%s", rs.Columns[i], v.Date)
			case model.KindBool:
				fmt.Fprintf(&b, " %s=%t", rs.Columns[i], v.Bool)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func kindsText(rs *model.Rows) string {
	names := map[model.Kind]string{model.KindText: "text", model.KindNumber: "number", model.KindDate: "date", model.KindBool: "bool"}
	var out []string
	for i, c := range rs.Columns {
		out = append(out, c+":"+names[rs.Kinds[i]])
	}
	return strings.Join(out, " ")
}

func noIssues(t *testing.T, rep *Report) {
	t.Helper()
	if len(rep.Issues) != 0 {
		t.Fatalf("issues:%s", issueLines(rep))
	}
}

// The clean month reads without an issue, and the declared table holds its rows with their values.
func TestReadDeclaredTableCSV(t *testing.T) {
	dir := t.TempDir()
	langFolder().write(t, dir)
	data, rep := readPlan(t, dir, langPlan())
	noIssues(t, rep)
	rs := data.Generic["pieces"]
	if got, want := kindsText(rs), "date:date ro_no:text emp_id:text item:text count:number fee:number note:text rework:bool"; got != want {
		t.Errorf("kinds %s, want %s", got, want)
	}
	want := "喷漆计件.csv row 2: date=2026-10-22 ro_no=\"RO7000\" emp_id=\"B01\" item=\"small\" count=1 fee=20 rework=false\n" +
		"喷漆计件.csv row 3: date=2026-10-31 ro_no=\"RO7001\" emp_id=\"B03\" item=\"panel\" count=3 fee=135.5 note=\"补漆\" rework=true\n"
	if got := genText(rs); got != want {
		t.Errorf("pieces:\n%s\nwant:\n%s", got, want)
	}
}

// A declared table is found by its traditional-Chinese or English name, in a workbook or a CSV, with
// traditional-Chinese, full-width or English headers.
func TestReadDeclaredTableNamesAndHeaders(t *testing.T) {
	rows := [][]any{
		{"日期", "工單號", "工號", "項目", "件數", "金額", "備註", "返工"},
		{"2026-10-22", "RO7000", "B01", "小件", 1, 20, nil, "否"},
	}
	english := [][]any{{"date", "RO_NO", "emp_id", "Item", "count", "fee", "note", "rework"}, rows[1]}
	fullWidth := [][]any{{"日期", "工单号", "工号", "项目", "件数", "金额", "备注", "ＲＥＷＯＲＫ"}, rows[1]}
	const want = ": date=2026-10-22 ro_no=\"RO7000\" emp_id=\"B01\" item=\"small\" count=1 fee=20 rework=false\n"
	cases := []struct {
		name, file, sheet string
		rows              [][]any
	}{
		{name: "traditional workbook name and headers", file: "10月噴漆計件.xlsx", sheet: "Sheet1", rows: rows},
		{name: "sheet named after the table", file: "车间.xlsx", sheet: "計件", rows: rows},
		{name: "English name and headers", file: "pieces.xlsx", sheet: "Sheet1", rows: english},
		{name: "full-width header", file: "喷漆计件.xlsx", sheet: "Sheet1", rows: fullWidth},
		{name: "CSV, English", file: "pieces_2026-10.csv", rows: english},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			delete(f, "喷漆计件.csv")
			f.write(t, dir)
			if c.sheet == "" {
				var recs [][]string
				for _, r := range c.rows {
					var rec []string
					for _, v := range r {
						if v == nil {
							v = ""
						}
						rec = append(rec, fmt.Sprint(v))
					}
					recs = append(recs, rec)
				}
				writeFile(t, dir, c.file, []byte(csvText(t, recs...)))
			} else {
				writeXLSX(t, dir, c.file, xbook{sheets: []xsheet{{name: c.sheet, rows: c.rows}}})
			}
			data, rep := readPlan(t, dir, langPlan())
			noIssues(t, rep)
			src := c.file
			if c.sheet != "" {
				src = fmt.Sprintf("%s [%s]", c.file, c.sheet)
			}
			if got := genText(data.Generic["pieces"]); got != src+" row 2"+want {
				t.Errorf("pieces: %s, want %s", got, src+" row 2"+want)
			}
		})
	}
}

// Without the plan that declares it, 考核.csv names no table: an error. With it, the file is read.
func TestReadDeclaredTableOnlyWithItsPlan(t *testing.T) {
	dir := t.TempDir()
	f := folder(baseFolder())
	f["考核.csv"] = "工号,KPI得分\nA01,110\n"
	f.write(t, dir)
	_, rep := read(t, dir)
	if !hasIssue(rep, Error, iss("考核.csv", msg.InUnclaimedFile)) {
		t.Errorf("the default plan read 考核.csv:%s", issueLines(rep))
	}
	dir = t.TempDir()
	langFolder().write(t, dir)
	data, rep := readPlan(t, dir, langPlan())
	noIssues(t, rep)
	if got, want := genText(data.Generic["assessment"]), "考核.csv row 2: emp_id=\"B01\" kpi=110\n考核.csv row 3: emp_id=\"B02\" kpi=95\n"; got != want {
		t.Errorf("assessment:\n%s\nwant:\n%s", got, want)
	}
}

// Each type's bad value is an error at its cell; the row stays out of nothing (it has errors, nothing is
// computed).
func TestReadDeclaredBadValues(t *testing.T) {
	const file = "喷漆计件.csv"
	cases := []struct {
		name, line string
		want       string
	}{
		{"date", "2026-13-01,RO1,B01,小件,1,,,", iss("喷漆计件.csv row 4, column 日期 (A4)", msg.ValNoSuchDate, "2026-13-01")},
		{"date not a date", "soon,RO1,B01,小件,1,,,", iss("喷漆计件.csv row 4, column 日期 (A4)", msg.ValNotDate, "soon")},
		{"employee not on the roster", "2026-10-05,RO1,Z99,小件,1,,,", iss("喷漆计件.csv row 4, column 工号 (C4)", msg.ValNotOnRoster, "Z99")},
		{"required value missing", "2026-10-05,RO1,,小件,1,,,", iss("喷漆计件.csv row 4, column 工号 (C4)", msg.ValMissing)},
		{"enumeration", "2026-10-05,RO1,B01,喷砂,1,,,", iss("喷漆计件.csv row 4, column 项目 (D4)", msg.ValNotInEnum, "喷砂", "piece_items", "整板, 小件")},
		{"number", "2026-10-05,RO1,B01,小件,三,,,", iss("喷漆计件.csv row 4, column 件数 (E4)", msg.ValNotNumber, "三")},
		{"below min", "2026-10-05,RO1,B01,小件,0,,,", iss("喷漆计件.csv row 4, column 件数 (E4)", msg.ValBelowMin, "0", "1")},
		{"amount", "2026-10-05,RO1,B01,小件,1,12O5,,", iss("喷漆计件.csv row 4, column 金额 (F4)", msg.ValNotAmount, "12O5")},
		{"above max", "2026-10-05,RO1,B01,小件,1,100000.01,,", iss("喷漆计件.csv row 4, column 金额 (F4)", msg.ValAboveMax, "100000.01", "100000")},
		{"bool", "2026-10-05,RO1,B01,小件,1,,,maybe", iss("喷漆计件.csv row 4, column 返工 (H4)", msg.ValNotBool, "maybe")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			f.add(file, c.line)
			f.write(t, dir)
			_, rep := readPlan(t, dir, langPlan())
			if len(rep.Issues) != 1 || rep.Issues[0].Severity != Error || rep.Issues[0].String() != c.want {
				t.Errorf("issues:%s\nwant the error: %s", issueLines(rep), c.want)
			}
		})
	}
}

// A declared table's structure: a required column missing, a key repeated, a required table missing, an
// optional one missing, rows dated outside the month.
func TestReadDeclaredTableStructure(t *testing.T) {
	cases := []struct {
		name string
		edit func(f folder)
		want []string
	}{
		{name: "required column missing", edit: func(f folder) { f["考勤.csv"] = "工号,天数\nB01,26\n" },
			want: []string{"error " + iss("考勤.csv", msg.InNoHeader, "出勤天数")}},
		{name: "key repeated", edit: func(f folder) { f.add("考核.csv", "B01,100", "黄伟,90") },
			want: []string{
				"error " + iss("考核.csv row 4, column 工号 (A4)", msg.ValDuplicate, "emp_id", "B01", 2),
				"error " + iss("考核.csv row 5, column 工号 (A5)", msg.ValDuplicate, "emp_id", "B02", 3),
			}},
		{name: "required table missing", edit: func(f folder) { delete(f, "考勤.csv") },
			want: []string{"error " + iss("", msg.InMissingTable, "attendance", "考勤")}},
		{name: "optional table missing", edit: func(f folder) { delete(f, "考核.csv") },
			want: []string{"warning " + iss("", msg.InMissingUsed, "assessment", "考核")}},
		{name: "rows outside the month", edit: func(f folder) {
			f.add("喷漆计件.csv", "2026-09-28,RO9,B01,小件,1,,,", "2026-11-01,RO10,B01,小件,1,,,")
		}, want: []string{"warning " + iss("喷漆计件.csv", msg.InOutsideMonth, 2, october, "rows 4, 5")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			c.edit(f)
			f.write(t, dir)
			data, rep := readPlan(t, dir, langPlan())
			var got []string
			for _, i := range rep.Issues {
				got = append(got, string(i.Severity)+" "+i.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("issues:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			if rs := data.Generic["pieces"]; c.name == "rows outside the month" && len(rs.Rows) != 2 {
				t.Errorf("rows set aside are in the generic rows:\n%s", genText(rs))
			}
		})
	}
}

// The plan's columns on the roster and the labour hours: read with their headers (traditional too), their
// values checked, a required one missing an error; the typed rows are read as before.
func TestReadDeclaredColumns(t *testing.T) {
	dir := t.TempDir()
	f := langFolder()
	f["员工名册.csv"] = "工號,姓名,崗位,基本工資,班組,個人係數\nB01,刘刚,机修组长,4000,一组,1.3\nB02,黄伟,机修工,3200,一组,\nB03,吴涛,机修工,3000,二组,0.9\nA01,李明,服务顾问,3000,,\n"
	f.write(t, dir)
	data, rep := readPlan(t, dir, langPlan())
	noIssues(t, rep)
	emp := data.Generic[TEmployees]
	if got, want := kindsText(emp), "id:text name:text role:text base_salary:number probation:bool master_id:text apprentice_share:number department:text team:text coef:number"; got != want {
		t.Errorf("roster kinds %s, want %s", got, want)
	}
	want := "员工名册.csv row 2: id=\"B01\" name=\"刘刚\" role=\"lead\" base_salary=4000 probation=false team=\"一组\" coef=1.3\n" +
		"员工名册.csv row 3: id=\"B02\" name=\"黄伟\" role=\"tech\" base_salary=3200 probation=false team=\"一组\"\n" +
		"员工名册.csv row 4: id=\"B03\" name=\"吴涛\" role=\"tech\" base_salary=3000 probation=false team=\"二组\" coef=0.9\n" +
		"员工名册.csv row 5: id=\"A01\" name=\"李明\" role=\"advisor\" base_salary=3000 probation=false\n"
	if got := genText(emp); got != want {
		t.Errorf("roster:\n%s\nwant:\n%s", got, want)
	}
	want = "工时明细.csv row 2: tech_id=\"B02\" date=2026-10-12 hours=3.1 ro_no=\"RO1\" labor_fee=682 labor_kind=\"normal\" rework=false\n" +
		"工时明细.csv row 3: tech_id=\"B03\" date=2026-10-13 hours=2 ro_no=\"RO2\" labor_fee=400 labor_kind=\"internal\" rework=false\n"
	if got := genText(data.Generic[TLaborHours]); got != want {
		t.Errorf("labour hours:\n%s\nwant:\n%s", got, want)
	}
	if len(data.LaborHours) != 2 || data.LaborHours[1].TechID != "B03" || !data.LaborHours[1].Hours.Equal(dec("2")) {
		t.Errorf("typed labour hours %+v", data.LaborHours)
	}

	cases := []struct {
		name, hours string
		want        string
	}{
		{"required column missing", "工单号,技师工号,日期,工时\nRO1,B02,2026-10-12,3.1\n", iss("工时明细.csv", msg.InNoHeader, "工时费")},
		{"value missing", "技师工号,日期,工时,工时费\nB02,2026-10-12,3.1,\n", iss("工时明细.csv row 2, column 工时费 (D2)", msg.ValMissing)},
		{"unknown name", "技师工号,日期,工时,工时费,工時類別\nB02,2026-10-12,3.1,1,返修\n",
			iss("工时明细.csv row 2, column 工時類別 (E2)", msg.ValNotInEnum, "返修", "labor_kinds", "正常, 保修, 内部")},
		{"roster column above max", "", iss("员工名册.csv row 2, column 个人系数 (G2)", msg.ValAboveMax, "3.5", "3")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			if c.hours != "" {
				f["工时明细.csv"] = c.hours
			} else {
				f["员工名册.csv"] = strings.Replace(f["员工名册.csv"], "一组,1.3", "一组,3.5", 1)
			}
			f.write(t, dir)
			_, rep := readPlan(t, dir, langPlan())
			if len(rep.Issues) != 1 || rep.Issues[0].Severity != Error || rep.Issues[0].String() != c.want {
				t.Errorf("issues:%s\nwant the error: %s", issueLines(rep), c.want)
			}
		})
	}
}

// The generic rows of a built-in table hold every column under its canonical name, with its kind: the
// repair order's type as its category (PDS is the plan's), dates, amounts; orders outside the month are not
// in them.
func TestReadGenericRowsOfRepairOrders(t *testing.T) {
	dir := t.TempDir()
	f := langFolder()
	f["维修工单.csv"] = "工单号,维修类型,服务顾问工号,接车日期,结算日期,出厂日期,实收金额,定审金额,车主自付,定审日期,毛利\n" +
		"R1,保养,A01,2026-10-03,2026-10-05,,1200.50,,,,300\n" +
		"R2,PDS,李明,2026-10-04,,,0,,,,\n" +
		"R3,事故,,2026-09-20,,2026-10-02,,5000,500,2026-09-30,1500.25\n" +
		"R4,保养,A01,2026-09-03,2026-09-05,,100,,,,10\n"
	f.write(t, dir)
	data, rep := readPlan(t, dir, langPlan())
	if want := iss("维修工单.csv", msg.InOutsideMonth, 1, october, "row 5"); len(rep.Issues) != 1 || rep.Issues[0].String() != want {
		t.Fatalf("issues:%s\nwant the warning %s", issueLines(rep), want)
	}
	rs := data.Generic[TRepairOrders]
	if got, want := kindsText(rs), "ro_no:text type:text advisor_id:text received_date:date settled_date:date delivered_date:date "+
		"paid_amount:number approved_amount:number self_pay:number approved_date:date gross_profit:number"; got != want {
		t.Errorf("kinds %s, want %s", got, want)
	}
	want := "维修工单.csv row 2: ro_no=\"R1\" type=\"customer\" advisor_id=\"A01\" received_date=2026-10-03 settled_date=2026-10-05 paid_amount=1200.5 gross_profit=300\n" +
		"维修工单.csv row 3: ro_no=\"R2\" type=\"pds\" advisor_id=\"A01\" received_date=2026-10-04 paid_amount=0\n" +
		"维修工单.csv row 4: ro_no=\"R3\" type=\"accident\" received_date=2026-09-20 delivered_date=2026-10-02 approved_amount=5000 self_pay=500 approved_date=2026-09-30 gross_profit=1500.25\n"
	if got := genText(rs); got != want {
		t.Errorf("repair orders:\n%s\nwant:\n%s", got, want)
	}
	if len(data.RepairOrders) != 3 || data.RepairOrders[1].Category != "pds" || data.RepairOrders[1].Type != "PDS" {
		t.Errorf("typed repair orders %+v", data.RepairOrders)
	}
}

// Every table of the schema has generic rows, a missing one with its columns and none; the default plan
// has none at all.
func TestReadGenericRowsEveryTable(t *testing.T) {
	dir := t.TempDir()
	langFolder().write(t, dir)
	data, _ := readPlan(t, dir, langPlan())
	for _, tb := range TablesOf(langPlan()) {
		rs := data.Generic[tb.Name]
		if rs == nil || rs.Table != tb.Name || len(rs.Columns) != len(tb.Columns) || len(rs.Kinds) != len(tb.Columns) {
			t.Errorf("%s: generic rows %+v", tb.Name, rs)
		}
	}
	if n := len(data.Generic[TWashes].Rows); n != 0 {
		t.Errorf("washes (missing) have %d rows", n)
	}
	dir = t.TempDir()
	folder(baseFolder()).write(t, dir)
	if data, _ := read(t, dir); data.Generic != nil {
		t.Errorf("the default plan has generic rows")
	}
}

// Under a plan in the plan language, a missing built-in table is warned about only when its bases read it,
// and the default plan's checks (hours schemes, pool targets, advisor scores, pool sources) do not run.
func TestReadLanguagePlanTablesAndChecks(t *testing.T) {
	dir := t.TempDir()
	f := langFolder()
	delete(f, "工时明细.csv")
	f["接待考核.csv"] = "工号,考核分\nA01,98\n"
	f["精品销售.csv"] = "单据号,销售日期,销售人工号,标价金额,实收金额\nS1,2026-10-05,A01,100,0\n"
	f.write(t, dir)
	_, rep := readPlan(t, dir, langPlan())
	want := "warning " + iss("", msg.InMissingUsed, TLaborHours, "工时明细")
	if len(rep.Issues) != 1 || string(rep.Issues[0].Severity)+" "+rep.Issues[0].String() != want {
		t.Errorf("issues:%s\nwant only: %s", issueLines(rep), want)
	}
}

// The labour hours of a role without an hours scheme are an error under the default plan only.
func TestReadLanguagePlanNoHoursSchemeCheck(t *testing.T) {
	dir := t.TempDir()
	langFolder().write(t, dir)
	_, rep := readPlan(t, dir, langPlan())
	noIssues(t, rep)
}

// A target's 范围 under a plan in the plan language: a team's name (as the roster writes it, or folded), an
// employee's id or name, any text for the store; an unknown team or employee is an error at the cell.
func TestReadLanguagePlanTargetScopes(t *testing.T) {
	dir := t.TempDir()
	f := langFolder()
	f["目标.csv"] = "指标,范围,目标值\n台次,一組,70\n个人产值,黄伟,150000\n毛利,全店,30000\n"
	f.write(t, dir)
	data, rep := readPlan(t, dir, langPlan())
	noIssues(t, rep)
	var got []string
	for _, tg := range data.Targets {
		got = append(got, tg.Metric+"/"+tg.Scope+"="+tg.Target.String())
	}
	if g, w := strings.Join(got, " "), "orders/一组=70 own_output/B02=150000 store_profit/全店=30000"; g != w {
		t.Errorf("targets %s, want %s", g, w)
	}
	if g, w := genText(data.Generic[TTargets]), "目标.csv row 2: metric=\"orders\" scope=\"一组\" target=70\n"+
		"目标.csv row 3: metric=\"own_output\" scope=\"B02\" target=150000\n目标.csv row 4: metric=\"store_profit\" scope=\"全店\" target=30000\n"; g != w {
		t.Errorf("generic targets:\n%s\nwant:\n%s", g, w)
	}

	cases := []struct{ line, want string }{
		{"台次,三组,70", iss("目标.csv row 5, column 范围 (B5)", msg.ValScopeNotTeam, "三组", "orders", "班组")},
		{"个人产值,Z9,70", iss("目标.csv row 5, column 范围 (B5)", msg.ValScopeNotEmployee, "Z9", "own_output")},
		{"台次,一组,80", iss("目标.csv row 5, column 范围 (B5)", msg.ValDuplicate, "metric / scope", "orders / 一组", 2)},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			dir := t.TempDir()
			f := langFolder()
			f["目标.csv"] = "指标,范围,目标值\n台次,一組,70\n个人产值,黄伟,150000\n毛利,全店,30000\n"
			f.add("目标.csv", c.line)
			f.write(t, dir)
			_, rep := readPlan(t, dir, langPlan())
			if len(rep.Issues) != 1 || rep.Issues[0].String() != c.want {
				t.Errorf("issues:%s\nwant the error: %s", issueLines(rep), c.want)
			}
		})
	}
}

// A team is written one way in the roster's generic rows: the way the roster first writes it.
func TestReadLanguagePlanTeamSpelling(t *testing.T) {
	dir := t.TempDir()
	f := langFolder()
	f["员工名册.csv"] = "工号,姓名,岗位,基本工资,班组\nB01,刘刚,机修组长,4000,一组\nB02,黄伟,机修工,3200, 一組 \nB03,吴涛,机修工,3000,二组\nA01,李明,服务顾问,3000,\n"
	f.write(t, dir)
	data, rep := readPlan(t, dir, langPlan())
	noIssues(t, rep)
	rs := data.Generic[TEmployees]
	j := rs.Index("team")
	var got []string
	for _, r := range rs.Rows {
		got = append(got, r.Values[j].Text)
	}
	if g, w := strings.Join(got, ","), "一组,一组,二组,"; g != w {
		t.Errorf("teams %s, want %s", g, w)
	}
}

// The plan's additions to the built-in enumerations: an incident kind of its own.
func TestReadLanguagePlanIncidentKind(t *testing.T) {
	dir := t.TempDir()
	f := langFolder()
	f["投诉与违规.csv"] = "日期,工号,类型,属实\n2026-10-14,B03,安全事故,是\n"
	f.write(t, dir)
	data, rep := readPlan(t, dir, langPlan())
	noIssues(t, rep)
	if got, want := genText(data.Generic[TIncidents]), "投诉与违规.csv row 2: emp_id=\"B03\" date=2026-10-14 kind=\"safety\" verified=true\n"; got != want {
		t.Errorf("incidents %s, want %s", got, want)
	}
}
