package importers

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// Options says what to read.
type Options struct {
	Dir   string
	Month model.Month
	Plan  *plan.Plan
	// OnTable, when set, is called as each table has been read (from several goroutines at once).
	OnTable func(table string, rows int)
}

// Timing is how long the phases of Read took.
type Timing struct {
	Read  time.Duration // opening, parsing and checking every row
	Check time.Duration // the checks across tables
	Rows  int           // data rows read (blank and total rows excluded)
}

// location is where a table was found.
type location struct {
	file  string // name inside the folder
	sheet string // "" for CSV
}

func (l location) String() string {
	if l.sheet == "" {
		return l.file
	}
	return fmt.Sprintf("%s [%s]", l.file, l.sheet)
}

// reader holds the state of one Read.
type reader struct {
	opt     Options
	rep     *Report
	data    *model.MonthData
	enums   map[string]map[string]string // enum name → folded name → canonical
	ids     map[string]*model.Employee   // roster by id
	names   map[string][]string          // roster name → ids
	books   map[string]*workbook
	used    map[string]bool // files that gave a table
	info    map[string]*model.TableInfo
	uniques map[string]map[string]int // table/key → key value → first row
	layouts map[string]*layout        // table → where its columns are (each written by its table's reader)
	aside   map[string]*[]int         // table → its first rows set aside as dated outside the month (idem)

	schema     *schema              // the tables read: the built-in ones, with the plan's columns, and the plan's own
	generic    bool                 // generic rows are built (a plan written in the plan language)
	usedTables map[string]bool      // the tables the plan's bases read (plan.UsedTables)
	vocab      map[string]vocabEnum // the plan's enumerations by name
	teams      map[string]string    // folded team name → team name (a plan with teams)
}

// layout is where a table's columns were found.
type layout struct {
	idx     map[string]int
	headers map[string]string
}

// Read reads every table of the month's folder. It returns the typed month data and every issue found.
// The error is only for a folder that cannot be listed; problems of files and rows are issues.
func Read(opt Options) (*model.MonthData, *Report, error) {
	st, err := os.Stat(opt.Dir)
	if err != nil {
		return nil, nil, fmt.Errorf(msg.InNoFolder, opt.Dir)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf(msg.InNotFolder, opt.Dir)
	}
	entries, err := os.ReadDir(opt.Dir)
	if err != nil {
		return nil, nil, err
	}
	rd := &reader{
		opt: opt, rep: &Report{}, data: &model.MonthData{Month: opt.Month},
		books: map[string]*workbook{}, used: map[string]bool{}, info: map[string]*model.TableInfo{},
		uniques: map[string]map[string]int{}, layouts: map[string]*layout{}, aside: map[string]*[]int{},
		schema: schemaOf(opt.Plan), generic: opt.Plan.IsLanguage(), usedTables: map[string]bool{},
	}
	defer func() {
		for _, wb := range rd.books {
			wb.Close()
		}
	}()
	start := time.Now()
	rd.buildEnums()
	locs := rd.locate(entries)
	if rd.generic {
		rd.startGeneric()
		for _, t := range opt.Plan.BaseTables() {
			rd.usedTables[t] = true
		}
	}
	tables := rd.schema.tables

	// Where each table is, and the issues found before reading it (missing, ambiguous).
	pre := make([]Report, len(tables))
	reps := make([]Report, len(tables))
	byFile := map[string][]int{} // file → indexes of the tables read from it, in table order
	var files []string
	for i, t := range tables {
		ls := locs[t.Name]
		ti := &model.TableInfo{Table: t.Name}
		rd.info[t.Name] = ti
		rd.uniques[t.Name] = map[string]int{}
		rd.layouts[t.Name] = &layout{}
		rd.aside[t.Name] = &[]int{}
		if len(ls) == 0 {
			ti.Missing = true
			rd.missingTable(t, &pre[i])
			continue
		}
		for _, l := range ls[1:] {
			pre[i].errorf(Issue{Table: t.Name, File: l.file, Sheet: l.sheet}, msg.InAmbiguous, t.Name, ls[0], l)
		}
		ti.File, ti.Sheet = ls[0].file, ls[0].sheet
		rd.used[ls[0].file] = true
		if t.Name == TEmployees {
			continue
		}
		if _, ok := byFile[ls[0].file]; !ok {
			files = append(files, ls[0].file)
		}
		byFile[ls[0].file] = append(byFile[ls[0].file], i)
	}
	// The roster first: the other tables refer to it.
	if ti := rd.info[TEmployees]; !ti.Missing {
		rd.readTable(tables[0], location{file: ti.File, sheet: ti.Sheet}, ti, &reps[0])
		if ti.Rows == 0 && !reps[0].HasErrors() {
			// SPEC is silent: a month without a single employee pays nobody; that is a wrong file, not a month.
			reps[0].errorf(Issue{Table: TEmployees, File: ti.File, Sheet: ti.Sheet}, msg.InNoEmployees)
		}
	}
	rd.indexRoster()
	rd.indexTeams()
	// Then the other tables, a file per worker (a workbook is read by one goroutine at a time); each table
	// has its own report and typed slice, merged in table order so that the result does not depend on timing.
	jobs := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				for _, i := range byFile[f] {
					ti := rd.info[tables[i].Name]
					rd.readTable(tables[i], location{file: ti.File, sheet: ti.Sheet}, ti, &reps[i])
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	for i, t := range tables {
		rd.rep.Issues = append(rd.rep.Issues, pre[i].Issues...)
		rd.rep.Issues = append(rd.rep.Issues, reps[i].Issues...)
		rd.data.Tables = append(rd.data.Tables, *rd.info[t.Name])
		rd.rep.Timing.Rows += rd.info[t.Name].Rows
	}
	rd.rep.Timing.Read = time.Since(start)
	start = time.Now()
	rd.check()
	rd.rep.Timing.Check = time.Since(start)
	hashed, err := rd.hashFiles()
	rd.data.Files = hashed
	return rd.data, rd.rep, err
}

func (rd *reader) buildEnums() {
	p := rd.opt.Plan
	rd.enums = map[string]map[string]string{}
	add := func(name string, e plan.Enum) {
		m := map[string]string{}
		for _, v := range e.Values {
			m[fold.Key(v)] = v
			for _, a := range e.Names[v] {
				m[fold.Key(a.Name)] = v
			}
		}
		rd.enums[name] = m
	}
	add("role", p.RoleEnum())
	add("pool", p.PoolEnum())
	add("metric", p.MetricEnum())
	add("type", p.ROTypeEnum())
	add("collection kind", p.CollectionKindEnum())
	add("incident kind", p.IncidentKindEnum())
	add("seller department", p.SellerDeptEnum())
	add("category", p.CategoryEnum())
	add("adjustment kind", p.AdjustmentKindEnum())
	rd.buildVocab()
}

// nameKey is the matching key of a table, sheet, file or column name: folded (fold.Key), "_" and "-" dropped.
func nameKey(s string) string {
	return strings.NewReplacer("_", "", "-", "").Replace(fold.Key(s))
}

// ColumnNamed is the canonical name of the column of t that a header names, as the reader matches headers.
func (t *Table) ColumnNamed(header string) (string, bool) {
	if strings.TrimSpace(header) == "" {
		return "", false
	}
	name, ok := t.headerKeys[nameKey(header)]
	return name, ok
}

// open returns the row source of a location.
func (rd *reader) open(l location) (rowSource, func(), error) {
	p := filepath.Join(rd.opt.Dir, l.file)
	if l.sheet == "" {
		f, err := openRegular(p, MaxCSVSize)
		if err != nil {
			return nil, nil, err
		}
		src, err := openCSV(f, MaxCSVSize)
		if err != nil {
			f.Close()
			return nil, nil, err
		}
		return src, func() { f.Close() }, nil
	}
	src, err := rd.books[l.file].open(l.sheet)
	if err != nil {
		return nil, nil, err
	}
	return src, src.close, nil
}

// tableReader reads one table from one source.
type tableReader struct {
	rd        *reader
	t         *Table
	loc       location
	src       rowSource
	rep       *Report
	idx       map[string]int    // canonical column → cell index
	headers   map[string]string // canonical column → header as written
	width     int               // the fields of the header line
	sawText   bool              // a row with text was read while looking for the header
	unknown   map[string]int    // ids not on the roster → rows naming them
	order     []string          // those ids, in order of first sight
	far       int               // dates more than maxFarMonths from the month
	cur       row               // the row being read
	typed     any               // the typed row being filled (a *T of the table's decoder), reused row to row
	gen       []model.Value     // the generic values of the row being read (row.gen), nil when none are kept
	block     []model.Value     // values not yet given to a kept generic row (keepGeneric)
	blockRows int               // the rows the last block was made for
	checks    []*rowCheck       // the plan's row checks of this table (checks_lang.go)
}

// maxAsideListed is how many of a table's rows set aside as dated outside the month are listed by number;
// the rest are counted.
const maxAsideListed = 5

// maxFarMonths: a date more than this many months from the month computed is warned about at its cell (a
// year typed wrong, 2025-10-20 for 2026-10-20, would otherwise just drop the row from every figure). A real
// late or early row (a car received last month, an approval after delivery) is within it.
const maxFarMonths = 2

// maxFarListed is how many such dates of a table are warned about one by one; the rest are counted.
const maxFarListed = 5

// maxSameUnknown is how many rows of a table naming the same id that is not on the roster are listed one
// by one; the rest are counted in one issue (a wrong id on the roster would otherwise bury everything).
const maxSameUnknown = 3

// notOnRoster counts a row naming id, not on the roster, and returns how many rows have so far.
func (tr *tableReader) notOnRoster(id string) int {
	if tr.unknown == nil {
		tr.unknown = map[string]int{}
	}
	if tr.unknown[id] == 0 {
		tr.order = append(tr.order, id)
	}
	tr.unknown[id]++
	return tr.unknown[id]
}

// readTable reads one table into its typed slice of the month data, reporting into rep.
func (rd *reader) readTable(t *Table, l location, ti *model.TableInfo, rep *Report) {
	at := Issue{Table: t.Name, File: l.file, Sheet: l.sheet}
	raw, closeFn, err := rd.open(l)
	if err != nil {
		fileError(rep, at, err)
		return
	}
	src := newPrefetch(raw)
	defer func() {
		src.halt()
		closeFn()
	}()
	tr := &tableReader{rd: rd, t: t, loc: l, src: src, rep: rep}
	if rd.generic || t.own != nil {
		tr.gen = make([]model.Value, len(t.Columns))
	}
	tr.startChecks()
	headerRow, missing := tr.findHeader()
	if headerRow == 0 {
		if err := src.err(); err != nil {
			fileError(rep, at, err)
			return
		}
		if !tr.sawText {
			rep.errorf(at, msg.InEmptyFile)
		} else {
			rep.errorf(at, msg.InNoHeader, strings.Join(missing, ", "))
		}
		return
	}
	*rd.layouts[t.Name] = layout{idx: tr.idx, headers: tr.headers}
	_, isCSV := raw.(*csvSource)
	for {
		cells, n, ok := src.next()
		if !ok {
			break
		}
		if isBlank(cells) && !tr.hasUncachedFormula(n) || tr.isTotal(cells) {
			continue
		}
		if isCSV && len(cells) > tr.width {
			// More cells than the header: an unquoted comma, most often a thousands separator (1,234.50).
			if extra := strings.Join(cells[tr.width:], ""); ParseText(extra) != "" {
				rep.errorf(Issue{Table: t.Name, File: l.file, Row: n, Column: msg.CSVBeyondHeader, Cell: cellRef(tr.width, n), Value: excerpt(cells[tr.width])},
					msg.CSVExtraCells, len(cells), tr.width)
			}
		}
		ti.Rows++
		r := tr.row(cells, n)
		switch kept := rd.buildRow(r); {
		case !kept:
			ti.OutsideMonth++
			if a := rd.aside[t.Name]; len(*a) < maxAsideListed {
				*a = append(*a, n)
			}
		case rd.generic:
			tr.rowChecks(r)
			tr.keepGeneric(r)
		}
	}
	if tr.far > maxFarListed {
		rep.warnf(at, msg.InFarDatesMore, tr.far-maxFarListed, tr.far, maxFarMonths, rd.opt.Month)
	}
	if err := src.err(); err != nil {
		fileError(rep, at, err)
	}
	for _, id := range tr.order {
		if n := tr.unknown[id]; n > maxSameUnknown {
			rep.errorf(at, msg.ValNotOnRosterMore, excerpt(id), n-maxSameUnknown, n, maxSameUnknown)
		}
	}
	if rd.opt.OnTable != nil {
		rd.opt.OnTable(t.Name, ti.Rows)
	}
}

func fileError(rep *Report, at Issue, err error) {
	var re *rowError
	if errors.As(err, &re) {
		at.Row = re.row
		rep.errorf(at, "%s", re.msg)
		return
	}
	rep.errorf(at, msg.InReadFailed, err)
}

// findHeader reads rows until one holds every required column. It returns that row's number (0 when none
// was found) and, when none was, the required columns missing from the best candidate row.
func (tr *tableReader) findHeader() (int, []string) {
	keys := tr.t.headerKeys
	bestMissing := []string(nil)
	for i := 0; i < maxHeaderScan; i++ {
		cells, n, ok := tr.src.next()
		if !ok {
			break
		}
		tr.sawText = tr.sawText || !isBlank(cells)
		idx := map[string]int{}
		headers := map[string]string{}
		var dups []Issue
		for j, c := range cells {
			name, ok := keys[nameKey(c)]
			if !ok || c == "" {
				continue
			}
			if prev, seen := idx[name]; seen {
				h := excerpt(strings.TrimSpace(c))
				dups = append(dups, Issue{Table: tr.t.Name, File: tr.loc.file, Sheet: tr.loc.sheet, Row: n,
					Column: h, Cell: cellRef(j, n),
					Message: fmt.Sprintf(msg.InDuplicateColumn, excerpt(headers[name]), cellRef(prev, n), h, cellRef(j, n), name)})
				continue
			}
			idx[name] = j
			headers[name] = strings.TrimSpace(c)
		}
		var missing []string
		for _, c := range tr.t.Columns {
			if _, ok := idx[c.Name]; c.Required && !ok {
				missing = append(missing, c.Header())
			}
		}
		if len(missing) == 0 {
			for _, d := range dups {
				d.Severity = Error
				tr.rep.add(d)
			}
			tr.idx, tr.headers = idx, headers
			// A CSV row with more fields than the header line has an unquoted comma; fields the header line
			// has but leaves unnamed may hold data (a trailing notes column).
			tr.width = len(cells)
			tr.lookAlike(cells, n)
			return n, nil
		}
		if bestMissing == nil || len(missing) < len(bestMissing) {
			bestMissing = missing
		}
	}
	if bestMissing == nil {
		for _, c := range tr.t.Columns {
			if c.Required {
				bestMissing = append(bestMissing, c.Header())
			}
		}
	}
	return 0, bestMissing
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if ParseText(c) != "" {
			return false
		}
	}
	return true
}

// lookAlike warns of a header cell payout does not read that looks like an optional column the table lacks
// (实收金额(元) for 实收金额, 结算时间 for 结算日期): unread, that column would read as empty in every row.
func (tr *tableReader) lookAlike(cells []string, n int) {
	used := map[int]bool{}
	for _, j := range tr.idx {
		used[j] = true
	}
	for _, col := range tr.t.Columns {
		if _, ok := tr.idx[col.Name]; ok || col.Required {
			continue
		}
		for j, c := range cells {
			if used[j] || ParseText(c) == "" {
				continue
			}
			if looksLike(nameKey(c), append([]string{col.Name}, col.Aliases...)) {
				h := excerpt(strings.TrimSpace(c))
				tr.rep.warnf(Issue{Table: tr.t.Name, File: tr.loc.file, Sheet: tr.loc.sheet, Row: n, Column: h,
					Cell: cellRef(j, n)}, msg.InLooksLike, h, col.Header(), col.Name)
				used[j] = true
				break
			}
		}
	}
}

// looksLike: the header key holds one of the names, or starts with the same two characters as a Chinese one.
func looksLike(key string, names []string) bool {
	for _, a := range names {
		k := nameKey(a)
		if k == "" {
			continue
		}
		if strings.Contains(key, k) {
			return true
		}
		if r := []rune(k); len(r) >= 3 && unicode.Is(unicode.Han, r[0]) {
			if kr := []rune(key); len(kr) >= 2 && kr[0] == r[0] && kr[1] == r[1] {
				return true
			}
		}
	}
	return false
}

// hasUncachedFormula reports whether a mapped cell of row n is a formula without a cached value: such a row
// is not blank, whatever its cells read as.
func (tr *tableReader) hasUncachedFormula(n int) bool {
	for _, j := range tr.idx {
		if tr.src.formulaWithoutValue(cellRef(j, n)) {
			return true
		}
	}
	return false
}

var totalWords = []string{"合计", "合計", "总计", "總計", "小计", "小計", "total"}

// totalFirstRunes are the first characters of totalWords as a cell may write them (full-width too).
const totalFirstRunes = "合总總小tTｔＴ"

// isTotal reports a total row (SPEC §2): its first non-empty cell starts with a total word (spaces inside
// ignored: 合 计). A row whose first column (the table's key: 工单号, 单据号, 工号 …) holds a value of its own
// is data, not a total, whatever a later cell says — "TOTAL 镀晶套餐" is a product, not a sum.
func (tr *tableReader) isTotal(cells []string) bool {
	first := -1
	for j, c := range cells {
		if ParseText(c) != "" {
			first = j
			break
		}
	}
	if first < 0 || !startsWithTotal(cells[first]) {
		return false
	}
	if tr.t != nil && len(tr.t.Columns) > 0 {
		if k, ok := tr.idx[tr.t.Columns[0].Name]; ok && k != first && k < len(cells) && ParseText(cells[k]) != "" {
			return false
		}
	}
	return true
}

func startsWithTotal(c string) bool {
	// Every row's first cell comes here: only one that starts like a total word is folded (width, case and
	// all spaces; every traditional form is in totalWords).
	if r, _ := utf8.DecodeRuneInString(ParseText(c)); !strings.ContainsRune(totalFirstRunes, r) {
		return false
	}
	t := fold.Key(c)
	for _, w := range totalWords {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// cellRef is the Excel reference of a 0-based column index and a row number.
func cellRef(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return ""
	}
	return ref
}

// hashFiles returns the SHA-256 of every file that gave a table, in name order. Each is opened as it was
// checked when the folder was listed (a regular file within its kind's size limit) and read no further.
func (rd *reader) hashFiles() ([]model.InputFile, error) {
	names := make([]string, 0, len(rd.used))
	for n := range rd.used {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]model.InputFile, 0, len(names))
	for _, n := range names {
		limit := sizeLimit(n)
		f, err := openRegular(filepath.Join(rd.opt.Dir, n), limit)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		h := sha256.New()
		size, err := io.Copy(h, newCapReader(f, limit))
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, model.InputFile{Name: n, SHA256: hex.EncodeToString(h.Sum(nil)), Size: size})
	}
	return out, nil
}
