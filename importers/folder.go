package importers

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"payout/internal/msg"
)

// The month's folder: which file and sheet is which table, and which files are read at all.

// Size limits of the files read, checked before a file is opened: a table that is a 20 GB file would
// otherwise be read until memory or time runs out.
const (
	// MaxCSVSize bounds a CSV (or .txt) table. The dealer group month's largest CSV (repair orders, about
	// 200,000 rows) is 20 MB; ten times that is still a month's export of a very large group, a file beyond
	// it is not.
	MaxCSVSize int64 = 200 << 20
	// MaxXLSXSize bounds a workbook. The group month's largest workbook (repair orders) is 13 MB; about ten
	// times that, as for CSV. What it unpacks to is bounded on its own (UnzipSizeLimit).
	MaxXLSXSize int64 = 128 << 20
)

// sizeLimit is the size limit of a file read as a table, by its extension.
func sizeLimit(name string) int64 {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return MaxXLSXSize
	}
	return MaxCSVSize
}

// checkRegular reports why st (a file's mode after following symlinks) is not read: not a regular file (a
// FIFO would block forever, a device never ends), or larger than limit.
func checkRegular(st os.FileInfo, limit int64) error {
	m := st.Mode()
	if !m.IsRegular() {
		kind := msg.KindOther
		switch {
		case m.IsDir():
			kind = msg.KindFolder
		case m&os.ModeNamedPipe != 0:
			kind = msg.KindFIFO
		case m&os.ModeDevice != 0 || m&os.ModeCharDevice != 0:
			kind = msg.KindDevice
		case m&os.ModeSocket != 0:
			kind = msg.KindSocket
		}
		return fmt.Errorf(msg.InNotRegular, kind)
	}
	if st.Size() > limit {
		what := msg.KindCSV
		if limit == MaxXLSXSize {
			what = msg.KindWorkbook
		}
		return fmt.Errorf(msg.InTooLarge, (st.Size()+1<<20-1)>>20, limit>>20, what)
	}
	return nil
}

// openRegular opens the file at p when it is a regular file (a symlink to one is followed) of at most limit
// bytes. The mode is checked before opening (opening a FIFO blocks) and again on the open file.
func openRegular(p string, limit int64) (*os.File, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	fst, err := f.Stat()
	if err == nil && !os.SameFile(st, fst) {
		err = fmt.Errorf(msg.InChanged)
	}
	if err == nil {
		err = checkRegular(fst, limit)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// correctionsFile is the name payout correct gives the rows it cannot put into a workbook's adjustments
// table (msg.CorrectionFileFmt, perhaps numbered).
var correctionsFile = regexp.MustCompile(`^` + strings.Replace(regexp.QuoteMeta(strings.TrimSuffix(msg.CorrectionFileFmt, ".csv")), "%s", `[0-9]{4}-[0-9]{2}`, 1) + `(-[0-9]+)?\.csv$`)

// notDataExt are the extensions of files that are clearly not a table: documents, printouts and images
// kept beside the month's exports.
var notDataExt = map[string]bool{".pdf": true, ".doc": true, ".docx": true, ".rtf": true, ".md": true,
	".ppt": true, ".pptx": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true,
	".tif": true, ".tiff": true, ".webp": true, ".heic": true, ".svg": true}

// notData reports a folder entry that is clearly not a table: hidden files (.DS_Store, LibreOffice's
// .~lock files), Excel's and WPS's lock files (~$…), the thumbnails and settings Windows leaves (Thumbs.db,
// desktop.ini), documents and images.
func notData(name string) bool {
	switch strings.ToLower(name) {
	case "thumbs.db", "ehthumbs.db", "desktop.ini":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || notDataExt[strings.ToLower(filepath.Ext(name))]
}

// nameKeyOf is one name of a table as matched inside file and sheet names.
type nameKeyOf struct {
	key string
	t   *Table
}

// sortedNameKeys is the tables' name keys (canonical and Chinese names), longest first.
func sortedNameKeys(keys map[string]*Table) []nameKeyOf {
	var out []nameKeyOf
	for k, t := range keys {
		out = append(out, nameKeyOf{k, t})
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].key) != len(out[j].key) {
			return len(out[i].key) > len(out[j].key)
		}
		return out[i].key < out[j].key
	})
	return out
}

// TableInName is the table that a file or sheet name names: the one whose canonical or Chinese name it
// contains (10月维修工单, repair_orders_2026-10, 员工名册(最新)). Where names of tables are found at
// overlapping places the longest wins (索赔回款 holds 回款, 员工名册 holds 员工); names of two tables at
// separate places (工单与回款) make the name ambiguous: t is nil and both are returned, in the name's order.
func TableInName(name string) (t *Table, ambiguous []*Table) { return builtin.tableInName(name) }

// tableInName is TableInName among the schema's tables.
func (s *schema) tableInName(name string) (t *Table, ambiguous []*Table) {
	k := nameKey(name)
	if t := s.keys[k]; t != nil {
		return t, nil
	}
	type hit struct {
		from, to int
		t        *Table
	}
	var hits []hit
	for _, nk := range s.nameKeys {
		for off := 0; off < len(k); {
			i := strings.Index(k[off:], nk.key)
			if i < 0 {
				break
			}
			i += off
			h := hit{i, i + len(nk.key), nk.t}
			covered := false
			for _, o := range hits {
				covered = covered || h.from < o.to && o.from < h.to
			}
			if !covered {
				hits = append(hits, h)
			}
			off = i + 1
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].from < hits[j].from })
	for _, h := range hits {
		if t == nil {
			t = h.t
		} else if h.t != t {
			return nil, []*Table{t, h.t}
		}
	}
	return t, nil
}

// TableFile is the file of the folder dir that holds table (e.g. TAdjustments) as Read finds it, with its
// sheet ("" for a CSV), or "" when no file does: the one way to ask where a table is (payout correct appends
// to the adjustments table where the month's reader will find it). A folder that cannot be listed is an error.
func TableFile(dir, table string) (file, sheet string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", "", err
	}
	rd := &reader{opt: Options{Dir: dir}, rep: &Report{}, books: map[string]*workbook{}, schema: builtin}
	defer func() {
		for _, wb := range rd.books {
			wb.Close()
		}
	}()
	if ls := rd.locate(entries)[table]; len(ls) > 0 {
		return ls[0].file, ls[0].sheet, nil
	}
	return "", "", nil
}

// locate finds where each table is (SPEC §2, and issue 10: a name that contains a table's name is that
// table): a CSV whose name names it; a workbook whose name names it (its sheet named after it, else its first
// visible sheet when that sheet is not named after another table); any sheet of any workbook named after it.
// Every other entry of the folder is an error unless it is clearly not data (notData, a .txt note: isNote) or
// a folder whose name names no table: a file that no table claims is never dropped without a word.
func (rd *reader) locate(entries []os.DirEntry) map[string][]location {
	locs := map[string][]location{}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !notData(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		at := Issue{File: n}
		st, err := os.Stat(filepath.Join(rd.opt.Dir, n)) // a symlink is followed
		if err != nil {
			rd.rep.errorf(at, msg.InReadFailed, err)
			continue
		}
		if st.IsDir() {
			t, amb := rd.schema.tableInName(n)
			if amb != nil {
				t = amb[0]
			}
			if t != nil {
				rd.rep.errorf(Issue{File: n, Table: t.Name}, msg.InFolderNamedTable, t.Name, t.Label())
			}
			continue
		}
		ext := strings.ToLower(filepath.Ext(n))
		base := strings.TrimSuffix(n, filepath.Ext(n))
		switch ext {
		case ".csv", ".txt", ".xlsx", ".xlsm":
			if err := checkRegular(st, sizeLimit(n)); err != nil {
				rd.rep.errorf(at, "%s", err.Error())
				continue
			}
		}
		switch ext {
		case ".xls":
			rd.rep.errorf(at, msg.XLSOldFormat)
		case ".csv", ".txt": // .txt: what Excel writes as "Unicode Text" or "Text (tab delimited)"
			if correctionsFile.MatchString(n) {
				rd.rep.warnf(at, msg.InCorrectionsFile)
				continue
			}
			if t, amb := rd.schema.tableInName(base); t == nil && amb == nil && ext == ".txt" && isNote(filepath.Join(rd.opt.Dir, n)) {
				continue
			}
			if t := rd.nameClaim(at, base); t != nil {
				locs[t.Name] = append(locs[t.Name], location{file: n})
			}
		case ".xlsx", ".xlsm":
			rd.locateSheets(n, base, locs)
		default:
			t, amb := rd.schema.tableInName(base)
			switch {
			case t != nil:
				rd.rep.errorf(Issue{File: n, Table: t.Name}, msg.InWrongFormat, t.Name, ext)
			case amb != nil:
				rd.rep.errorf(at, msg.InWrongFormat, amb[0].Name, ext)
			default:
				rd.rep.errorf(at, msg.InUnclaimedFile)
			}
		}
	}
	return locs
}

// nameClaim is the table a CSV file's name claims; an ambiguous name or one naming no table is an error.
func (rd *reader) nameClaim(at Issue, base string) *Table {
	t, amb := rd.schema.tableInName(base)
	switch {
	case amb != nil:
		rd.rep.errorf(at, msg.InNameAmbiguous, amb[0].Name, amb[0].Label(), amb[1].Name, amb[1].Label())
	case t == nil:
		rd.rep.errorf(at, msg.InUnclaimedFile)
	}
	return t
}

// locateSheets finds the tables of the workbook n (file name without extension: base).
func (rd *reader) locateSheets(n, base string, locs map[string][]location) {
	wb, err := openWorkbook(filepath.Join(rd.opt.Dir, n))
	if err != nil {
		rd.rep.errorf(Issue{File: n}, "%s", err.Error())
		return
	}
	rd.books[n] = wb
	named := map[string]*Table{} // sheet → the table its name names
	sheetClaims := false         // a sheet's name names a table (or two)
	for _, s := range wb.sheets {
		t, amb := rd.schema.tableInName(s)
		if amb != nil {
			rd.rep.errorf(Issue{File: n, Sheet: s}, msg.InNameAmbiguous, amb[0].Name, amb[0].Label(), amb[1].Name, amb[1].Label())
		}
		if t != nil {
			named[s] = t
		}
		sheetClaims = sheetClaims || t != nil || amb != nil
	}
	t, amb := rd.schema.tableInName(base)
	chosen := ""
	if t != nil {
		for _, s := range wb.sheets {
			if named[s] == t {
				chosen = s
				break
			}
		}
		if chosen == "" {
			if s := firstVisible(wb); s != "" && named[s] == nil {
				if _, amb := rd.schema.tableInName(s); amb == nil {
					chosen = s
				}
			}
		}
		if chosen != "" {
			locs[t.Name] = append(locs[t.Name], location{file: n, sheet: chosen})
		}
	}
	for _, s := range wb.sheets {
		if st := named[s]; st != nil && s != chosen {
			locs[st.Name] = append(locs[st.Name], location{file: n, sheet: s})
		}
	}
	switch {
	case sheetClaims || chosen != "":
	case amb != nil:
		rd.rep.errorf(Issue{File: n}, msg.InNameAmbiguous, amb[0].Name, amb[0].Label(), amb[1].Name, amb[1].Label())
	default:
		rd.rep.errorf(Issue{File: n}, msg.InUnclaimedFile)
	}
}

// isNote reports a .txt file that is a note, not a table: its first line that is not blank has neither a
// tab nor a comma (a table exported as text has its header there).
func isNote(p string) bool {
	f, err := openRegular(p, MaxCSVSize)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1<<16)
	n, _ := io.ReadFull(f, head)
	text, _, _ := DecodeCSV(head[:n])
	if bytes.IndexByte(text, 0) >= 0 {
		return false
	}
	for _, line := range bytes.Split(text, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			return !bytes.ContainsAny(line, "\t,")
		}
	}
	return true
}

func firstVisible(wb *workbook) string {
	for _, s := range wb.sheets {
		if wb.visible[s] {
			return s
		}
	}
	return ""
}
