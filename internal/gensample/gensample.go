// Package gensample generates a deterministic, realistic month of input data for the after-sales
// department of a Chinese car dealership (4S store): the roster, the DMS repair-order export, receipts,
// accessory and beauty sales, workshop hours, washes, insurance, renewals, targets, assessments,
// incidents and adjustments (SPEC §2). The same Config always gives byte-identical files.
//
// One store is a template of 45 employees; more employees repeat it store by store (a dealer group),
// fewer keep the first ones of the template. Table sizes scale with RepairOrders. Targets are derived
// from the figures the generated rows produce (SPEC §4.2), so achievement rates are realistic.
package gensample

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

// Config says what month to generate and how big it is. Zero fields take DefaultConfig's values.
type Config struct {
	Month        string // "2026-10"
	Employees    int
	RepairOrders int
	Seed         uint64
	AllCSV       bool // every table as CSV (for a CSV variant)
}

// DefaultConfig is the committed sample month sample-data/2026-10.
func DefaultConfig() Config {
	return Config{Month: "2026-10", Employees: 45, RepairOrders: 1500, Seed: 20261001}
}

// Generate writes the month's tables into dir (created if needed). A file of the other variant (CSV
// or xlsx) that this generator would have written for a table is removed, so the folder is never
// ambiguous.
func Generate(cfg Config, dir string) error {
	g, err := build(cfg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return g.write(dir)
}

// storeSize is len(template): the employees of one store.
const storeSize = 45

// slot is one position of the store template.
type slot struct {
	role, dept string
	base       int    // monthly base salary, yuan (a random raise of 0–300 is added)
	fem        int    // percent chance of a woman's name
	master     int    // template index of the master (apprentices only); 0 = none (slot 0 is the 站长)
	share      string // apprentice share as the roster writes it: "30%" (text) or "0.25" (number)
	prob       bool   // on probation
	hours      int    // team hours in M, for a team's master or a technician working alone
	paint      int    // painter teams: 1-based index into paintRates
}

// template is one store, ordered so that any prefix is usable: masters come before their apprentices;
// the station manager (approver of adjustments) and the advisors come first. Team hours spread over
// the tiers of SPEC §4.5: 85 and 92 h (below the first tier), 180 and 430, 560 and 640, 935.
var template = []slot{
	{role: "站长", dept: "售后管理部", base: 8000, fem: 10}, {role: "服务经理", dept: "售后管理部", base: 6800, fem: 20},
	{role: "前台主管", dept: "服务前台", base: 5200, fem: 40}, {role: "服务顾问", dept: "服务前台", base: 3500, fem: 40},
	{role: "服务顾问", dept: "服务前台", base: 3500, fem: 40}, {role: "服务顾问", dept: "服务前台", base: 3300, fem: 40},
	{role: "服务顾问", dept: "服务前台", base: 3300, fem: 40}, {role: "业务接待助理", dept: "服务前台", base: 2800, fem: 80},
	{role: "业务接待助理", dept: "服务前台", base: 2600, fem: 80, prob: true}, {role: "车间主任", dept: "车间", base: 6200},
	{role: "机电工", dept: "机电车间", base: 4200, hours: 935}, // 10
	{role: "机电工", dept: "机电车间", base: 2800, master: 10, share: "30%"},
	{role: "机电工", dept: "机电车间", base: 4000, hours: 560}, // 12
	{role: "机电工", dept: "机电车间", base: 2600, master: 12, share: "0.25"},
	{role: "机电工", dept: "机电车间", base: 3600, hours: 85},
	{role: "钣金工", dept: "钣喷车间", base: 4300, hours: 430}, // 15
	{role: "钣金工", dept: "钣喷车间", base: 2600, master: 15, share: "0.3", prob: true},
	{role: "钣金工", dept: "钣喷车间", base: 3800, hours: 92},
	{role: "油漆工", dept: "钣喷车间", base: 4300, hours: 640, paint: 2}, // 18
	{role: "油漆工", dept: "钣喷车间", base: 2700, master: 18, share: "25%"},
	{role: "油漆工", dept: "钣喷车间", base: 3900, hours: 180, paint: 1},
	{role: "精品销售", dept: "精品部", base: 3000, fem: 50}, {role: "精品销售", dept: "精品部", base: 3000, fem: 50},
	{role: "洗车工", dept: "美容部", base: 2600}, {role: "洗车工", dept: "美容部", base: 2600},
	{role: "洗车工", dept: "美容部", base: 2500, prob: true}, {role: "汽车美容大工", dept: "美容部", base: 3600},
	{role: "汽车美容中工", dept: "美容部", base: 3000}, {role: "保险业务经理", dept: "保险理赔部", base: 4800, fem: 30},
	{role: "理赔员", dept: "保险理赔部", base: 3600, fem: 30}, {role: "理赔接待及文员", dept: "保险理赔部", base: 2800, fem: 80},
	{role: "集团开发专员", dept: "大客户部", base: 3600, fem: 30}, {role: "配件经理", dept: "配件部", base: 5600, fem: 10},
	{role: "仓库计划员", dept: "配件部", base: 3600, fem: 40}, {role: "仓库收发员", dept: "配件部", base: 3000, fem: 20},
	{role: "精品加装工", dept: "精品部", base: 3300}, {role: "精品加装工", dept: "精品部", base: 3200},
	{role: "钣喷主管", dept: "钣喷车间", base: 5600}, {role: "质检员", dept: "车间", base: 4200},
	{role: "车间调度", dept: "车间", base: 3600, fem: 20}, {role: "外出专员", dept: "车间", base: 3300},
	{role: "站长助理", dept: "售后管理部", base: 4200, fem: 60}, {role: "内训师", dept: "售后管理部", base: 4600, fem: 30},
	{role: "结算员", dept: "财务结算组", base: 3200, fem: 80}, {role: "客户接待员", dept: "服务前台", base: 2800, fem: 90},
}

// paintRates are a painter team's material cost per hour, one inside each band of SPEC §4.5 (≤55h,
// ≤60h, ≤65h). Rows vary by ±2 yuan/hour around it, so the team stays inside its band.
var paintRates = []decimal.Decimal{decimal.RequireFromString("51.5"), decimal.RequireFromString("57.5"),
	decimal.RequireFromString("62.5")}

var districts = []string{"浦东", "闵行", "嘉定", "宝山", "松江", "青浦", "奉贤", "金山", "徐汇", "长宁", "普陀", "杨浦"}

type emp struct {
	id, store, slot int
	name, role      string
	master          *emp
	probation       bool
}

// gen holds the state of one generation run. Maps are only looked up, never iterated into output.
type gen struct {
	cfg      Config
	r        *rand.Rand
	m0, m1   time.Time // first day of M and of the month after
	stores   int
	scale    float64 // repair orders per store relative to the 1,500 of the template store
	emps     []*emp
	byRole   map[string][]*emp
	ros      []*ro
	tables   []*table
	seq      map[string]int // document number counters per prefix and month
	fig      figures
	accBySel map[int]decimal.Decimal // eligible accessory revenue in M per seller (SPEC §4.3)
	targets  []target
}

func build(cfg Config) (*gen, error) {
	d := DefaultConfig()
	cfg.Month, cfg.Employees = cmp.Or(cfg.Month, d.Month), cmp.Or(cfg.Employees, d.Employees)
	cfg.RepairOrders, cfg.Seed = cmp.Or(cfg.RepairOrders, d.RepairOrders), cmp.Or(cfg.Seed, d.Seed)
	m0, err := time.Parse("2006-01", cfg.Month)
	if err != nil {
		return nil, fmt.Errorf("month %q is not YYYY-MM", cfg.Month)
	}
	if cfg.Employees < 0 || cfg.RepairOrders < 0 {
		return nil, fmt.Errorf("employees and repair orders must not be negative")
	}
	g := &gen{cfg: cfg, r: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed)), m0: m0, m1: m0.AddDate(0, 1, 0),
		byRole: map[string][]*emp{}, seq: map[string]int{}, accBySel: map[int]decimal.Decimal{}}
	g.stores = (cfg.Employees + storeSize - 1) / storeSize
	g.scale = float64(cfg.RepairOrders) / float64(max(g.stores, 1)) / 1500
	g.roster()
	g.repairOrders()
	g.warrantyReceipts()
	g.collections()
	g.accessories()
	g.laborHours()
	g.washesAndBeauty()
	g.insurance()
	g.renewals()
	g.incidents()
	g.adjustments()
	g.fundSpending()
	g.setTargets()
	g.assessments()
	return g, nil
}

// --- random helpers -------------------------------------------------------------------------------

func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) chance(p float64) bool  { return g.r.Float64() < p }

// pickW returns an index drawn with the given weights.
func (g *gen) pickW(w ...int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := g.r.IntN(total)
	for i, x := range w {
		if n -= x; n < 0 {
			return i
		}
	}
	return len(w) - 1
}

// money is a random amount in [lo, hi] yuan; half of them whole yuan, the rest with cents.
func (g *gen) money(lo, hi int) decimal.Decimal {
	fen := int64(g.between(lo, hi)) * 100
	if g.chance(0.5) && hi > lo {
		fen += int64(g.between(0, 99))
	}
	return decimal.New(fen, -2)
}

// pct returns d × a random whole percentage in [lo, hi], rounded to cents.
func (g *gen) pct(d decimal.Decimal, lo, hi int) decimal.Decimal {
	return d.Mul(decimal.New(int64(g.between(lo, hi)), -2)).Round(2)
}

// day returns a day of M, Sundays half as likely.
func (g *gen) day() time.Time {
	for {
		t := g.m0.AddDate(0, 0, g.r.IntN(g.m1.AddDate(0, 0, -1).Day()))
		if t.Weekday() != time.Sunday || g.chance(0.5) {
			return t
		}
	}
}

// rowDate is a day of M; with probability pPrev one of the last 3 days of the previous month, with
// probability pNext one of the first 2 days of the next month (rows the reader must set aside).
func (g *gen) rowDate(pPrev, pNext float64) time.Time {
	switch x := g.r.Float64(); {
	case x < pPrev:
		return g.m0.AddDate(0, 0, -g.between(1, 3))
	case x < pPrev+pNext:
		return g.m1.AddDate(0, 0, g.r.IntN(2))
	}
	return g.day()
}

// clock adds a business-hours time of day to a date.
func (g *gen) clock(t time.Time) time.Time {
	return t.Add(time.Duration(g.between(8*60, 17*60+50)) * time.Minute)
}

func inMonth(t, m0 time.Time) bool {
	return !t.IsZero() && t.Year() == m0.Year() && t.Month() == m0.Month()
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// docNo numbers a document: prefix + yymm of its date + a counter per prefix and month.
func (g *gen) docNo(prefix string, t time.Time, width int) string {
	key := prefix + t.Format("0601")
	g.seq[key]++
	return fmt.Sprintf("%s%0*d", key, width, g.seq[key])
}

// sortRows orders rows by the date in column col (stable: ties keep generation order).
func sortRows(rows [][]cell, col int) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][col].t.Before(rows[j][col].t) })
}

// number sorts rows by the date in column col and numbers them in column 0 with docNo.
func (g *gen) number(rows [][]cell, prefix string, col int) {
	sortRows(rows, col)
	for _, r := range rows {
		r[0] = txt(g.docNo(prefix, r[col].t, 4))
	}
}

// sumInM sums column amt of the rows whose date in column col is in M and that keep accepts.
func (g *gen) sumInM(rows [][]cell, col, amt int, keep func([]cell) bool) decimal.Decimal {
	total := decimal.Zero
	for _, r := range rows {
		if r != nil && inMonth(r[col].t, g.m0) && (keep == nil || keep(r)) {
			total = total.Add(r[amt].d)
		}
	}
	return total
}

// --- roster ---------------------------------------------------------------------------------------

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
var maleChars = []rune("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志文兵峰亮海东晨昊天博成家子振荣新")
var femaleChars = []rune("丽静敏燕艳娟霞芳娜婷玲倩雪琳慧颖洁莉萍红梅琴晶妍欣怡佳璐瑶丹蕾薇月茜悦雯露岚婧楠")

// name draws a Chinese name not in used; common surnames are more likely.
func (g *gen) name(fem int, used map[string]bool) string {
	for {
		chars := maleChars
		if g.r.IntN(100) < fem {
			chars = femaleChars
		}
		n := string(surnames[g.r.IntN(g.r.IntN(len(surnames))+1)]) + string(chars[g.r.IntN(len(chars))])
		if g.chance(0.7) {
			n += string(chars[g.r.IntN(len(chars))])
		}
		if !used[n] {
			used[n] = true
			return n
		}
	}
}

func (g *gen) roster() {
	used := map[string]bool{}
	var rows [][]cell
	for i := range g.cfg.Employees {
		s, sl := i/storeSize, template[i%storeSize]
		e := &emp{id: 1001 + i, store: s, slot: i % storeSize, role: sl.role, probation: sl.prob, name: g.name(sl.fem, used)}
		dept := sl.dept
		if g.stores > 1 { // e.g. 闵行店-机电车间, 闵行2店-机电车间
			store := districts[s%len(districts)]
			if s >= len(districts) {
				store += fmt.Sprint(s/len(districts) + 1)
			}
			dept = store + "店-" + dept
		}
		row := []cell{num(e.id), txt(e.name), txt(e.role), num(sl.base + 100*g.r.IntN(4)), txt(yesNo(e.probation)), {}, {}, txt(dept)}
		if sl.master != 0 {
			e.master = g.emps[s*storeSize+sl.master]
			row[5], row[6] = num(e.master.id), txt(sl.share)
			if sl.share[len(sl.share)-1] != '%' {
				row[6] = dnum(decimal.RequireFromString(sl.share))
			}
		}
		g.emps = append(g.emps, e)
		g.byRole[e.role] = append(g.byRole[e.role], e)
		rows = append(rows, row)
	}
	g.add(&table{name: "员工名册", title: "XX汽车4S店售后服务部员工名册",
		header: []string{"工号", "姓名", "岗位", "基本工资", "试用期", "师傅工号", "徒弟分配比例", "部门"}, rows: rows})
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// pick returns a random employee with one of the roles (a role listed twice is twice as likely), or nil.
func (g *gen) pick(roles ...string) *emp {
	var all []*emp
	for _, r := range roles {
		all = append(all, g.byRole[r]...)
	}
	if len(all) == 0 {
		return nil
	}
	return all[g.r.IntN(len(all))]
}

// inStore returns the employees of store s with the role.
func (g *gen) inStore(s int, role string) []*emp {
	var out []*emp
	for _, e := range g.byRole[role] {
		if e.store == s {
			out = append(out, e)
		}
	}
	return out
}

func (g *gen) add(t *table) { g.tables = append(g.tables, t) }
