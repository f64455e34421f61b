package gensample

import (
	"fmt"
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

// figures are the SPEC §4.2 figures of M.
type figures struct {
	customerPaid, warranty, accident, grossProfit  decimal.Decimal
	fleet, insurance, accRev, accInstalled, beauty decimal.Decimal
	intake                                         int
}

func (f figures) repairOutput() decimal.Decimal {
	return f.customerPaid.Add(f.warranty).Add(f.accident)
}

// roType is a DMS repair-order type: category (c customer, w warranty, a accident, i internal, as the
// default plan maps it), share of ROs in percent, amount range in yuan, days from reception to settlement.
type roType struct {
	name                       string
	cat                        byte
	weight, lo, hi, dmin, dmax int
}

var roTypes = []roType{
	{"保养", 'c', 26, 380, 1600, 0, 1}, {"定保", 'c', 8, 450, 1800, 0, 1}, {"小修", 'c', 10, 120, 1500, 0, 1},
	{"一般维修", 'c', 10, 800, 6000, 0, 3}, {"机修", 'c', 8, 1000, 9000, 1, 6}, {"钣喷", 'c', 8, 1200, 8500, 2, 7},
	{"保修", 'w', 5, 300, 8000, 0, 3}, {"索赔", 'w', 3, 300, 6000, 0, 3}, {"首保", 'w', 3, 350, 600, 0, 1},
	{"事故", 'a', 6, 1500, 48000, 4, 18}, {"事故车", 'a', 4, 1500, 48000, 4, 18},
	{"内部", 'i', 2, 0, 0, 0, 2}, {"返修", 'i', 2, 0, 0, 0, 2}, {"美容", 'i', 3, 80, 1500, 0, 1}, {"洗车", 'i', 2, 30, 60, 0, 0},
}

type ro struct {
	no, typ, advisor                   string
	cat                                byte
	recv, settled, delivered, approved time.Time
	paid, apAmount, selfPay, gross     decimal.Decimal
}

func (g *gen) plate() string {
	prov, letters := "沪", "ABCDEFGHJKLMN"
	if g.chance(0.08) {
		prov, letters = []string{"苏", "浙", "皖"}[g.r.IntN(3)], "ABCDE"
	}
	b := []byte{letters[g.r.IntN(len(letters))]}
	newEnergy := g.chance(0.15) // 沪AD12345
	if newEnergy {
		b = append(b, "DF"[g.r.IntN(2)])
	}
	for range 5 {
		if newEnergy || g.chance(0.85) {
			b = append(b, byte('0'+g.r.IntN(10)))
		} else {
			b = append(b, "ABCDEFGHJKLMNPQRSTUVWXYZ"[g.r.IntN(24)])
		}
	}
	return prov + string(b)
}

// repairOrders makes the DMS export: ROs received in M plus 5% received in the last days of the
// previous month (a cumulative export). An RO whose settlement would fall after M is not settled.
func (g *gen) repairOrders() {
	n := g.cfg.RepairOrders
	weights := make([]int, len(roTypes))
	for i, t := range roTypes {
		weights[i] = t.weight
	}
	advisors, sup := g.byRole["服务顾问"], g.byRole["前台主管"]
	for i := range n {
		t := roTypes[g.pickW(weights...)]
		o := &ro{typ: t.name, cat: t.cat, recv: g.day()}
		if i < n*5/100 {
			o.recv = g.m0.AddDate(0, 0, -g.between(1, 11))
		}
		o.recv = g.clock(o.recv)
		if len(sup) > 0 && (len(advisors) == 0 || g.chance(0.08)) { // the supervisor receives some cars
			o.advisor = sup[g.r.IntN(len(sup))].name
		} else if len(advisors) > 0 {
			o.advisor = advisors[g.r.IntN(len(advisors))].name
		}
		settle := g.clock(dateOnly(o.recv).AddDate(0, 0, g.between(t.dmin, t.dmax)))
		if settle.Before(o.recv) {
			settle = o.recv.Add(90 * time.Minute)
		}
		if settle.Before(g.m1) && !g.chance(0.015) { // else: waiting for parts, not settled yet
			o.settled, o.delivered = settle, dateOnly(settle)
			if g.chance(0.1) && o.delivered.AddDate(0, 0, 1).Before(g.m1) {
				o.delivered = o.delivered.AddDate(0, 0, 1)
			}
		}
		switch t.cat {
		case 'c':
			o.paid = g.money(t.lo, t.hi)
			if o.gross = g.pct(o.paid, 28, 48); g.chance(0.01) {
				o.gross = g.money(50, 400).Neg() // goodwill discount
			}
		case 'w':
			o.paid = g.money(t.lo, t.hi) // billed to the manufacturer
			o.gross = g.pct(o.paid, 18, 30)
		case 'a':
			u := g.r.Float64() // most accidents are small, a few large
			o.apAmount = g.money(t.lo, t.lo+int(float64(t.hi-t.lo)*u*u))
			if g.chance(0.25) {
				o.selfPay = g.money(200, 3000)
			}
			o.paid = o.apAmount.Add(o.selfPay)
			o.gross = g.pct(o.paid, 25, 38)
			base := o.delivered // the insurer approves a few days before or after delivery
			if base.IsZero() {
				base = dateOnly(o.recv).AddDate(0, 0, g.between(5, 15))
			}
			ap := base.AddDate(0, 0, g.between(-6, 12))
			if !ap.After(o.recv) {
				ap = dateOnly(o.recv).AddDate(0, 0, 1)
			}
			if ap.Before(g.m1) && !g.chance(0.1) {
				o.approved = ap
			}
		case 'i':
			switch t.name {
			case "返修":
				o.gross = g.money(100, 800).Neg() // rework is a cost
			case "美容", "洗车":
				o.paid = g.money(t.lo, t.hi)
				o.gross = g.pct(o.paid, 40, 60)
			}
		}
		g.ros = append(g.ros, o)
	}
	sort.SliceStable(g.ros, func(i, j int) bool { return g.ros[i].recv.Before(g.ros[j].recv) })
	width := max(5, len(fmt.Sprint(n)))
	g.seq["RO"+g.m0.AddDate(0, -1, 0).Format("0601")] = n * 2 / 3 // last month's numbers run higher
	var rows [][]cell
	f := &g.fig
	for _, o := range g.ros {
		o.no = g.docNo("RO", o.recv, width)
		row := []cell{txt(o.no), txt(o.typ), txt(o.advisor), txt(g.plate()), dtime(o.recv), dtime(o.settled),
			date(o.delivered), {}, {}, {}, date(o.approved), {}}
		if !o.settled.IsZero() {
			row[7], row[11] = money(o.paid), money(o.gross)
			if o.cat != 'i' && g.chance(0.004) {
				row[7] = moneyText(o.paid, "") // typed by hand: "1,234.50"
			}
		}
		if o.cat == 'a' {
			row[8], row[9] = money(o.apAmount), money(o.selfPay)
		}
		rows = append(rows, row)
		settledInM := inMonth(o.settled, g.m0)
		if o.cat == 'c' && settledInM {
			f.customerPaid = f.customerPaid.Add(o.paid)
		}
		if o.cat == 'a' && !o.delivered.IsZero() && !o.approved.IsZero() && inMonth(later(o.delivered, o.approved), g.m0) {
			f.accident = f.accident.Add(o.apAmount).Add(o.selfPay)
		}
		if o.cat != 'i' && settledInM {
			f.grossProfit = f.grossProfit.Add(o.gross)
		}
		if o.cat != 'i' && inMonth(o.recv, g.m0) {
			f.intake++
		}
	}
	g.add(&table{name: "维修工单", title: g.m0.Format("2006年1月") + "维修结算明细", rows: append(rows, nil),
		header: []string{"工单号", "维修类型", "接待顾问", "车牌号", "接车日期", "结算日期", "出厂日期", "实收金额",
			"定审金额", "车主自付", "定审日期", "毛利"}, sum: []int{7, 8, 9, 11}})
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// warrantyReceipts: the manufacturer pays a warranty RO 8–35 days after settlement; the export runs
// to the 2nd of the next month.
func (g *gen) warrantyReceipts() {
	var rows [][]cell
	for _, o := range g.ros {
		d := dateOnly(o.settled).AddDate(0, 0, g.between(8, 35))
		if o.cat == 'w' && !o.settled.IsZero() && !d.After(g.m1.AddDate(0, 0, 1)) {
			amount := o.paid
			if g.chance(0.06) {
				amount = g.pct(o.paid, 85, 98) // the manufacturer cut part of the claim
			}
			rows = append(rows, []cell{txt(g.docNo("SQ", o.settled, 5)), date(d), money(amount), txt(o.no)})
		}
	}
	sortRows(rows, 1)
	g.fig.warranty = g.sumInM(rows, 1, 2, nil)
	g.add(&table{name: "索赔回款", header: []string{"索赔单号", "回款日期", "回款金额", "工单号"}, rows: rows, enc: encBOM})
}

var fleetPayers = []string{"东方出租汽车有限公司", "华东物流集团有限公司", "浦江城市公交有限公司", "申城汽车租赁有限公司",
	"长江建设集团车队", "沪通快递有限公司"}
var insurers = []string{"中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司",
	"中华联合财产保险股份有限公司", "阳光财产保险股份有限公司"}

// collections: fleet and insurance money collected (a GB18030 CSV with dates like 2026/10/3).
func (g *gen) collections() {
	n := g.cfg.RepairOrders
	var rows [][]cell
	for i := range n/60 + n/35 {
		kind, payer, amount := []string{"保险", "保险", "理赔"}[g.r.IntN(3)], insurers[g.r.IntN(len(insurers))], g.money(3000, 45000)
		if i < n/60 {
			kind, payer, amount = []string{"集团", "大客户"}[g.r.IntN(2)], fleetPayers[g.r.IntN(len(fleetPayers))], g.money(2000, 38000)
		}
		a := money(amount)
		if g.chance(0.3) {
			a = moneyText(amount, "￥")
		}
		rows = append(rows, []cell{{}, txt(kind), txt(payer), date(g.rowDate(0.04, 0.03)), a})
	}
	g.number(rows, "SK", 3)
	isFleet := func(r []cell) bool { return r[1].s == "集团" || r[1].s == "大客户" }
	g.fig.fleet = g.sumInM(rows, 3, 4, isFleet)
	g.fig.insurance = g.sumInM(rows, 3, 4, func(r []cell) bool { return !isFleet(r) })
	g.add(&table{name: "回款", title: g.m0.Format("2006年1月") + "回款明细", header: []string{"单据号", "类型", "付款单位",
		"回款日期", "回款金额"}, rows: rows, enc: encGB18030, dateFmt: "2006/1/2"})
}

var accItems = []struct {
	name, cat string
	lo, hi    int
	installed bool
}{
	{"全车脚垫", "精品", 298, 898, false}, {"后备箱垫", "精品", 198, 498, false}, {"行车记录仪", "精品", 598, 1598, true},
	{"倒车雷达", "精品", 498, 998, true}, {"360全景影像", "精品", 2498, 4998, true}, {"太阳膜", "精品", 1598, 5998, true},
	{"挡泥板", "精品", 198, 398, true}, {"晴雨挡", "精品", 198, 398, true}, {"座椅套", "精品", 698, 1998, false},
	{"方向盘套", "精品", 128, 298, false}, {"车载香氛", "精品", 128, 398, false}, {"燃油宝", "养护品", 68, 168, false},
	{"发动机清洗剂", "养护品", 128, 298, false}, {"空调清洗剂", "养护品", 98, 198, false},
	{"节气门清洗剂", "养护品", 88, 168, false}, {"机油添加剂", "养护品", 168, 398, false},
	{"轮胎光亮剂", "养护品", 48, 98, false}, {"车载手机支架", "通用", 58, 168, false}, {"纸巾盒", "通用", 38, 98, false},
	{"头枕腰靠", "通用", 128, 298, false}, {"玻璃水", "通用", 18, 48, false},
}

// accessories: documents of 1–3 items sold mostly by after-sales staff; two after-sales rows at
// exactly 75% of list and one at 70% (warnings); gifts only on sales-department rows.
func (g *gen) accessories() {
	dates := make([][]cell, g.cfg.RepairOrders/9)
	for i := range dates {
		dates[i] = []cell{date(g.rowDate(0.02, 0.01))}
	}
	sortRows(dates, 0)
	var rows [][]cell
	for _, d := range dates {
		doc, dept := txt(g.docNo("JP", d[0].t, 4)), []string{"售后", "销售部", "其他"}[g.pickW(80, 15, 5)]
		seller := cell{}
		if dept == "售后" {
			var e *emp
			switch g.pickW(55, 30, 15) {
			case 0:
				e = g.pick("精品销售")
			case 1:
				e = g.pick("服务顾问", "服务顾问", "服务顾问", "前台主管", "业务接待助理")
			default:
				e = g.pick("精品加装工", "客户接待员", "汽车美容大工", "理赔员", "内训师")
			}
			if e != nil {
				seller = num(e.id)
			} else {
				dept = "其他"
			}
		}
		for _, k := range g.r.Perm(len(accItems))[:g.between(1, 3)] {
			it := accItems[k]
			list := decimal.NewFromInt(int64(it.lo + 10*g.r.IntN((it.hi-it.lo)/10+1)))
			paid := list.Mul(decimal.New([]int64{100, 95, 90, 88, 85, 80}[g.pickW(40, 15, 15, 10, 10, 10)], -2)).Round(2)
			gift := dept == "销售部" && g.chance(0.3)
			if gift {
				paid = decimal.Zero // given free with a new car
			}
			rows = append(rows, []cell{doc, txt(it.name), d[0], seller, txt(dept), txt(it.cat), money(list), money(paid),
				txt(yesNo(it.installed && dept != "其他")), txt(yesNo(gift))})
		}
	}
	eligible := func(r []cell) bool { return r[4].s == "售后" && r[5].s != "通用" }
	var cands [][]cell
	for _, r := range rows {
		if eligible(r) && inMonth(r[2].t, g.m0) {
			cands = append(cands, r)
		}
	}
	if c := len(cands); c >= 4 {
		for i, pct := range []int64{75, 75, 70} {
			r := cands[c*(i+1)/4]
			r[7] = money(r[6].d.Mul(decimal.New(pct, -2)))
		}
	}
	g.fig.accRev = g.sumInM(rows, 2, 7, eligible)
	g.fig.accInstalled = g.sumInM(rows, 2, 7, func(r []cell) bool { return eligible(r) && r[8].s == "是" })
	for _, r := range cands { // a seller's accessory_sales actual excludes rows at or below 75% (SPEC §4.4)
		if id := int(r[3].d.IntPart()); r[7].d.GreaterThan(r[6].d.Mul(decimal.New(75, -2))) {
			g.accBySel[id] = g.accBySel[id].Add(r[7].d)
		}
	}
	g.add(&table{name: "精品销售", sheet: "Sheet1", title: g.m0.Format("2006年1月") + "精品销售明细",
		header: []string{"单据号", "品名", "销售日期", "销售人工号", "销售部门", "类别", "标价金额", "实收金额", "车间加装", "赠送"},
		rows:   append(rows, nil), sum: []int{6, 7}})
}

// laborHours: per team (a master and its apprentices, or a technician alone) the template's monthly
// hours, scaled per store, 62% for the master, in jobs of 0.5–6 hours on ROs of M.
func (g *gen) laborHours() {
	var mech, body []string
	for _, o := range g.ros {
		if inMonth(o.recv, g.m0) && o.cat != 'i' {
			if o.typ == "钣喷" || o.cat == 'a' {
				body = append(body, o.no)
			} else {
				mech = append(mech, o.no)
			}
		}
	}
	var rows [][]cell
	for s := range g.stores {
		f := g.scale
		if s > 0 {
			f *= 0.85 + 0.3*g.r.Float64()
		}
		for idx, sl := range template {
			if sl.hours == 0 || s*storeSize+idx >= len(g.emps) {
				continue
			}
			team := []*emp{g.emps[s*storeSize+idx]}
			for _, e := range g.emps[s*storeSize+idx : min(len(g.emps), (s+1)*storeSize)] {
				if e.master == team[0] {
					team = append(team, e)
				}
			}
			halves, jobs := int(float64(sl.hours)*f*2+0.5), mech
			if sl.role != "机电工" {
				jobs = body
			}
			for i, e := range team {
				h := halves
				if len(team) > 1 {
					if h = halves * 62 / 100; i > 0 {
						h = (halves - halves*62/100) / (len(team) - 1)
					}
				}
				var list [][]cell
				for h > 0 {
					x := min(h, g.between(1, 12))
					h -= x
					list = append(list, g.hoursRow(e, g.day(), x, sl.paint, s, jobs))
				}
				if g.chance(0.4) { // a job of last month's last day, in the cumulative export
					list = append(list, g.hoursRow(e, g.m0.AddDate(0, 0, -1), g.between(2, 8), sl.paint, s, jobs))
				}
				sortRows(list, 2)
				rows = append(rows, list...)
			}
			rows = append(rows, nil) // a blank line between teams
		}
	}
	g.add(&table{name: "工时明细", title: g.m0.Format("2006年1月") + "技师工时明细", header: []string{"技师工号", "姓名", "日期",
		"工单号", "工时", "材料费"}, rows: rows, sum: []int{4, 5}})
}

// hoursRow is one job of halves half-hours; painters' rows carry paint material at their band's rate.
func (g *gen) hoursRow(e *emp, d time.Time, halves, paint, store int, jobs []string) []cell {
	hours := decimal.New(int64(halves)*5, -1)
	row := []cell{num(e.id), txt(e.name), date(d), {}, dnum(hours), {}}
	if len(jobs) > 0 {
		row[3] = txt(jobs[g.r.IntN(len(jobs))])
	}
	if paint > 0 {
		rate := paintRates[(paint-1+store)%len(paintRates)].Add(decimal.New(int64(g.between(-200, 200)), -2))
		row[5] = money(hours.Mul(rate).Round(2))
	}
	return row
}

var beautyItems = []struct {
	name   string
	lo, hi int
}{{"精致洗车", 40, 80}, {"打蜡", 180, 380}, {"镀晶", 1280, 2980}, {"内饰桑拿清洗", 298, 598},
	{"发动机舱清洗", 120, 200}, {"空调杀菌", 168, 268}, {"漆面抛光", 380, 880}}

// washesAndBeauty: one wash per two ROs, mostly by washers in 10–15 minutes, and the beauty sales.
func (g *gen) washesAndBeauty() {
	var rows [][]cell
	for range g.cfg.RepairOrders / 2 {
		who := g.pick("洗车工")
		if mid := g.pick("汽车美容中工"); mid != nil && (who == nil || g.chance(0.15)) {
			who = mid
		}
		if who == nil {
			break
		}
		minutes := cell{} // not recorded
		switch x := g.r.IntN(100); {
		case x >= 6:
			minutes = num(g.between(10, 15))
		case x >= 4:
			minutes = num([]int{8, 18}[g.r.IntN(2)])
		}
		rows = append(rows, []cell{dtime(g.clock(g.rowDate(0.01, 0.005))), num(who.id), txt(g.plate()), minutes})
	}
	sortRows(rows, 0)
	g.add(&table{name: "洗车记录", header: []string{"日期", "洗车工工号", "车牌", "用时(分钟)"}, rows: rows, enc: encUTF8})

	rows = nil
	for range g.cfg.RepairOrders / 10 {
		it := beautyItems[g.r.IntN(len(beautyItems))]
		rows = append(rows, []cell{{}, date(g.rowDate(0.02, 0.01)), txt(it.name), money(g.money(it.lo, it.hi))})
	}
	g.number(rows, "MR", 1)
	g.fig.beauty = g.sumInM(rows, 1, 3, nil)
	g.add(&table{name: "美容销售", header: []string{"单据号", "日期", "项目", "实收金额"}, rows: rows, enc: encBOM})
}

// insurance: each agent's approvals in M add up to a total inside one tier of SPEC §4.6: above
// 200,000 for the manager, 50,000–200,000 for the adjuster, below 50,000 for the clerk.
func (g *gen) insurance() {
	bands := map[string][2]int{"保险业务经理": {215000, 310000}, "理赔员": {60000, 190000}, "理赔接待及文员": {15000, 45000}}
	var rows [][]cell
	claim := func(e *emp, d time.Time, a decimal.Decimal) {
		rows = append(rows, []cell{{}, num(e.id), txt(g.plate()), txt(insurers[g.r.IntN(len(insurers))]), date(d), money(a)})
	}
	for _, e := range g.emps {
		b, ok := bands[e.role]
		if !ok {
			continue
		}
		for rem := g.money(b[0], b[1]); rem.IsPositive(); {
			a := g.money(1500, 30000)
			if rem.Sub(a).LessThan(decimal.NewFromInt(1500)) {
				a = rem
			}
			rem = rem.Sub(a)
			claim(e, g.day(), a)
		}
		if g.chance(0.5) { // approved last month: set aside
			claim(e, g.m0.AddDate(0, 0, -g.between(1, 3)), g.money(1500, 20000))
		}
	}
	g.number(rows, "DS", 4)
	g.add(&table{name: "保险定损", sheet: "Sheet1", header: []string{"单据号", "业务员工号", "车牌号", "保险公司", "审批日期",
		"审批金额"}, rows: rows})
}

// renewals: insurance renewals sold by after-sales staff; one in a hundred is a reversal.
func (g *gen) renewals() {
	var rows [][]cell
	for range g.cfg.RepairOrders / 20 {
		s := [][]string{{"保险业务经理"}, {"理赔员"}, {"服务顾问"}, {"客户接待员", "前台主管", "理赔接待及文员"}}[g.pickW(35, 20, 30, 15)]
		if e := g.pick(s...); e != nil {
			rows = append(rows, []cell{{}, num(e.id), txt([]string{"商业险", "交强险+商业险"}[g.r.IntN(2)]),
				date(g.rowDate(0.03, 0.02)), money(g.money(50, 500)), txt("")})
		}
	}
	sortRows(rows, 3)
	policy := 10000000 + g.r.IntN(1000000)
	for i, r := range rows {
		policy += g.between(1, 40)
		r[0] = txt(fmt.Sprintf("PDZA%d3101%08d", g.m0.Year(), policy))
		if i >= len(rows)/2 && (i-len(rows)/2)%100 == 0 {
			r[4], r[5] = money(r[4].d.Neg()), txt("退保冲回")
		}
	}
	g.add(&table{name: "续保", header: []string{"保单号", "销售人工号", "险种", "日期", "返点毛利", "备注"}, rows: rows, enc: encUTF8})
}

// incidents: complaints on advisors and beauty-group fines, per store (all of them in the first store).
func (g *gen) incidents() {
	var rows [][]cell
	for s := range g.stores {
		advs, washers, mids := g.inStore(s, "服务顾问"), g.inStore(s, "洗车工"), g.inStore(s, "汽车美容中工")
		add := func(es []*emp, i int, d time.Time, kind string, verified bool, note string) {
			if i < len(es) && (s == 0 || g.chance(0.6)) {
				rows = append(rows, []cell{num(es[i].id), date(d), txt(kind), txt(yesNo(verified)), txt(note)})
			}
		}
		add(advs, 0, g.day(), "客户投诉", true, "客户投诉接待态度差，经回访核实")
		add(advs, 1, g.day(), "客户投诉", true, "承诺交车时间未兑现")
		add(advs, 1, g.day(), "客户投诉", true, "结算金额未提前告知客户")
		add(advs, 1, g.day(), "客户投诉", false, "客户反映等待时间长，经调查不属实")
		add(advs, 2, g.m0.AddDate(0, 0, -2), "客户投诉", true, "上月投诉，已在上月处理")
		add(washers, 0, g.day(), "洗车投诉", true, "脚垫未清洗干净")
		add(washers, 0, g.day(), "洗车超时", true, "高峰期洗车超时，未记录用时")
		add(washers, 1, g.day(), "物品未整理", true, "洗车工具未归位")
		add(mids, 0, g.day(), "物品未整理", false, "经核实为客户自行放置")
	}
	sortRows(rows, 1)
	g.add(&table{name: "投诉与违规", header: []string{"工号", "日期", "类型", "属实", "说明"}, rows: rows, enc: encUTF8})
}

// adjustments: per store with a station manager, a coefficient change for an advisor in the advisor
// pool, a bonus and a deduction, all approved by the station manager.
func (g *gen) adjustments() {
	var rows [][]cell
	for s := range g.stores {
		sm := g.inStore(s, "站长")
		add := func(role, kind, pool, value, reason string) {
			for _, e := range g.inStore(s, role) {
				if !e.probation && (s == 0 || g.chance(0.5)) {
					rows = append(rows, []cell{num(e.id), txt(kind), txt(pool), dnum(decimal.RequireFromString(value)),
						txt(reason), num(sm[0].id)})
					return
				}
			}
		}
		if len(sm) > 0 {
			add("服务顾问", "系数", "业务接待组", "0.45", "兼任二手车置换接待，系数由0.4调整为0.45")
			add("内训师", "奖励", "", "500", "完成厂家技术培训认证，站长特批奖励")
			add("机电工", "扣款", "", "200", "车间6S检查不合格")
		}
	}
	g.add(&table{name: "调整", header: []string{"工号", "类型", "奖金池", "数值", "原因", "审批人"}, rows: rows})
}

// fundSpending: per store with a station manager and an assistant, a team activity paid from the
// after-sales fund 〔十二.5〕 (approved by the station manager, kept by the assistant), and one from last month.
func (g *gen) fundSpending() {
	var rows [][]cell
	for s := range g.stores {
		sm, as := g.inStore(s, "站长"), g.inStore(s, "站长助理")
		if len(sm) == 0 || len(as) == 0 {
			continue
		}
		rows = append(rows, []cell{date(g.day()), money(g.money(300, 900)), txt("售后团队活动"), num(sm[0].id), num(as[0].id)})
		if s == 0 {
			rows = append(rows, []cell{date(g.m0.AddDate(0, 0, -5)), money(g.money(100, 300)), txt("上月购置洗车用品"), num(sm[0].id), num(as[0].id)})
		}
	}
	sortRows(rows, 0)
	g.add(&table{name: "售后基金支出", header: []string{"日期", "金额", "用途", "审批人", "保管人"}, rows: rows, enc: encUTF8})
}
