package gensample

import "github.com/shopspring/decimal"

// target is one row of the 目标 sheet, with the actual figure it was derived from.
type target struct {
	metric, scope string
	scopeID       int // accessory-sales targets are per employee id
	actual, value decimal.Decimal
}

// setTargets sets a target for every metric of SPEC §4.3 so that actual/target is between 80% and
// 115% before the target is rounded to 3 significant digits, as a manager would write it.
func (g *gen) setTargets() {
	f := g.fig
	repair := f.repairOutput()
	add := func(metric, scope string, id int, actual decimal.Decimal) {
		v := actual.DivRound(decimal.New(int64(g.between(800, 1150)), -3), 4)
		if digits := len(v.Truncate(0).String()); digits > 3 {
			v = v.Shift(int32(3 - digits)).Round(0).Shift(int32(digits - 3))
		}
		if v = v.Round(0); !v.IsPositive() { // nothing generated (tiny configs): any positive target
			v = decimal.NewFromInt(1000)
		}
		g.targets = append(g.targets, target{metric, scope, id, actual, v})
	}
	add("维修产值", "业务接待组", 0, repair)
	add("毛利", "业务接待组", 0, f.grossProfit)
	add("接车台次", "业务接待组", 0, decimal.NewFromInt(int64(f.intake)))
	add("集团回款", "售后集团开发", 0, f.fleet)
	add("保险回款", "保险理赔组", 0, f.insurance)
	add("车间产值", "车间管理", 0, repair.Add(f.accInstalled).Add(f.beauty))
	add("售后产值", "售后管理", 0, repair.Add(f.accRev).Add(f.beauty))
	for _, e := range g.byRole["精品销售"] {
		add("精品销售额", "", e.id, g.accBySel[e.id])
	}
}

// notes is the free-text 填表说明 sheet (not a table: the reader ignores it).
var notes = []string{
	"1. 目标由站长于上月末下达，经服务经理、财务签字确认后录入“目标”页。",
	"2. 范围填写奖金池名称（如 业务接待组），精品销售额按人考核，范围填写员工工号。",
	"3. 车间考核填写扣分（不是得分），每项扣分不小于0，四项合计超过100分按100分计。",
	"4. 接待考核满分100分，低于96分扣减当月业务接待提成10%。",
	"5. 请勿修改各页表头；空行将被忽略。",
}

// assessments writes the 考核与目标 workbook: targets, workshop deductions, advisor scores, notes.
func (g *gen) assessments() {
	const book = "考核与目标"
	var rows [][]cell
	for _, t := range g.targets {
		scope := txt(t.scope)
		if t.scopeID != 0 {
			scope = num(t.scopeID)
		}
		rows = append(rows, []cell{txt(t.metric), scope, dnum(t.value)})
	}
	g.add(&table{name: "目标", book: book, title: g.m0.Format("2006年1月") + "售后各组考核目标（已签字确认）",
		header: []string{"指标", "范围", "目标值"}, rows: rows})

	rows = nil
	points := func() cell { return num([]int{0, g.between(1, 5), g.between(6, 10)}[g.pickW(70, 22, 8)]) }
	for _, e := range g.emps {
		switch e.role {
		case "机电工", "钣金工", "油漆工", "洗车工": // the hours scheme and washers: deduction points
			row := []cell{num(e.id), txt(e.name), num(0), num(0), num(0), num(0)}
			if e.store == 0 && e.slot == 12 { // the source's example: 30 points
				row = []cell{num(e.id), txt(e.name), num(10), num(10), num(5), num(5)}
			} else if g.chance(0.5) {
				row = []cell{num(e.id), txt(e.name), points(), points(), points(), points()}
			}
			rows = append(rows, row)
		}
	}
	g.add(&table{name: "车间考核", book: book, header: []string{"工号", "姓名", "工作表现扣分", "生产质量扣分",
		"车间车身环境扣分", "团队精神扣分"}, rows: rows})

	rows = nil
	for _, e := range g.emps {
		switch e.role {
		case "服务顾问", "业务接待助理", "前台主管":
			halves := g.between(192, 200) // 96–100
			if e.store == 0 && (e.slot == 4 || e.slot == 6) || e.store > 0 && g.chance(0.08) {
				halves = g.between(186, 191) // 93–95.5: a 10% cut
			}
			rows = append(rows, []cell{num(e.id), txt(e.name), dnum(decimal.New(int64(halves)*5, -1))})
		}
	}
	g.add(&table{name: "接待考核", book: book, header: []string{"工号", "姓名", "考核分"}, rows: rows})

	rows = nil
	for _, n := range notes {
		rows = append(rows, []cell{txt(n)})
	}
	g.add(&table{book: book, sheet: "填表说明", header: []string{"填表说明"}, rows: rows})
}
