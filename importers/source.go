package importers

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"payout/internal/msg"
)

// Limits for untrusted workbooks (zip bombs): the whole unpacked size, and the size above which a part is
// unpacked to a temporary file instead of memory.
const (
	// A dealer group's month (5,000 employees, 200,000 repair orders) unpacks to about 160 MB.
	UnzipSizeLimit    = 1 << 30
	UnzipXMLSizeLimit = 16 << 20

	// maxHeaderScan is how many rows above the header (title rows) are searched for it.
	maxHeaderScan = 30
)

// rowSource yields the rows of one sheet or CSV file. Row numbers are as Excel shows them (1-based).
type rowSource interface {
	// next returns the next row's cells and number; ok is false at the end.
	next() (cells []string, row int, ok bool)
	// err is the error that ended the rows early, if any.
	err() error
	// formulaWithoutValue reports whether the cell (e.g. "D17") is a formula with no cached value.
	formulaWithoutValue(ref string) bool
	date1904() bool
}

// rowError is an error that ended reading at a row.
type rowError struct {
	row int
	msg string
}

func (e *rowError) Error() string { return fmt.Sprintf("row %d: %s", e.row, e.msg) }

// workbook is an open xlsx file.
type workbook struct {
	f       *excelize.File
	path    string
	sheets  []string // all sheets, in order
	visible map[string]bool
	is1904  bool
	zr      *zip.ReadCloser
	shared  *sharedStrings // what the scan of the shared-string table found (scanShared)
}

var xlsMagic = []byte{0xD0, 0xCF, 0x11, 0xE0}

// openWorkbook opens an xlsx for streaming. The caller closes it (temporary files are removed on close).
func openWorkbook(p string) (wb *workbook, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf(msg.XLSXBroken, r)
		}
	}()
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(fh, head)
	fh.Close()
	if n == 4 && bytes.Equal(head, xlsMagic) {
		return nil, errors.New(msg.XLSOldFormat)
	}
	zr, err := openChecked(p)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(p, excelize.Options{UnzipSizeLimit: UnzipSizeLimit, UnzipXMLSizeLimit: UnzipXMLSizeLimit})
	if err != nil {
		if zr != nil {
			zr.Close()
		}
		return nil, fmt.Errorf(msg.XLSXBroken, err)
	}
	// The zip reader stays open for the sheets' XML scans (sheetPart).
	wb = &workbook{f: f, path: p, visible: map[string]bool{}, zr: zr}
	wb.sheets = f.GetSheetList()
	for i, s := range wb.sheets {
		// excelize finds a sheet by its name in any case, taking either of two such sheets.
		for _, t := range wb.sheets[:i] {
			if strings.EqualFold(s, t) {
				wb.Close()
				return nil, fmt.Errorf(msg.XLSXDuplicateSheet, t, s)
			}
		}
		v, _ := f.GetSheetVisible(s)
		wb.visible[s] = v
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.is1904 = *props.Date1904
	}
	return wb, nil
}

// maxSharedStrings bounds the shared-string table, which excelize holds in memory whole (a 600 MB string in
// a 0.6 MB file took 2.3 GB): a real export's table is tens of MB. A variable for tests.
var maxSharedStrings uint64 = 128 << 20

// openChecked opens the workbook's zip package and refuses one that says it unpacks to more than the limits
// (a zip bomb, or no month's export) before anything is unpacked. A file that is not a zip gives no reader and
// no error: excelize says what is wrong with it.
func openChecked(p string) (*zip.ReadCloser, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, nil
	}
	var total uint64
	seen := map[string]bool{}
	for _, f := range zr.File {
		// Two XML entries of one name: excelize reads one of them, the checks might read the other.
		k := partKey(f.Name)
		if seen[k] && (strings.HasSuffix(k, ".xml") || strings.HasSuffix(k, ".rels")) {
			zr.Close()
			return nil, fmt.Errorf(msg.XLSXDuplicatePart, f.Name)
		}
		seen[k] = true
		total += f.UncompressedSize64
		if k == "xl/sharedstrings.xml" && f.UncompressedSize64 > maxSharedStrings {
			zr.Close()
			return nil, fmt.Errorf(msg.XLSXTooLarge, "xl/sharedStrings.xml", f.UncompressedSize64>>20, maxSharedStrings>>20)
		}
	}
	if total > UnzipSizeLimit {
		zr.Close()
		return nil, fmt.Errorf(msg.XLSXTooLarge, "the workbook", total>>20, UnzipSizeLimit>>20)
	}
	return zr, nil
}

func (wb *workbook) Close() {
	if wb.f != nil {
		_ = wb.f.Close()
	}
	if wb.zr != nil {
		_ = wb.zr.Close()
	}
}

// xlsxSource streams the rows of one sheet with excelize's Rows iterator, reading stored (raw) values.
type xlsxSource struct {
	wb    *workbook
	rows  *excelize.Rows
	part  *zip.File  // the sheet's XML
	scan  *sheetScan // what the byte scan of it found
	row   int
	e     error
	ended bool // the rows were checked against the scan
	fws   map[string]bool
}

// open starts reading a sheet: its XML is scanned first (see sheetScan); a cell whose text passes the limits
// is the source's error before excelize decodes it.
func (wb *workbook) open(sheet string) (s *xlsxSource, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf(msg.XLSXBroken, r)
		}
	}()
	part, err := wb.sheetPart(sheet)
	if err != nil {
		return nil, err
	}
	if err := wb.scanShared(); err != nil {
		return nil, err
	}
	sc, err := scanSheet(part, wb.shared)
	if err != nil {
		return nil, err
	}
	s = &xlsxSource{wb: wb, part: part, scan: sc}
	if sc.limit != nil {
		s.e = sc.limit
		return s, nil
	}
	if sc.hasFormula {
		if s.fws, err = wb.formulaCells(part); err != nil {
			return nil, err
		}
	}
	if s.rows, err = wb.f.Rows(sheet); err != nil {
		return nil, fmt.Errorf(msg.XLSXBroken, err)
	}
	return s, nil
}

func (s *xlsxSource) next() (cells []string, row int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			s.e = fmt.Errorf(msg.XLSXBroken, r)
			cells, row, ok = nil, 0, false
		}
	}()
	if s.e != nil || s.ended {
		return nil, 0, false
	}
	if !s.rows.Next() {
		s.ended = true
		if s.e = s.rows.Error(); s.e == nil {
			s.e = s.wb.checkRows(s.part, s.scan, s.row)
		}
		return nil, 0, false
	}
	s.row++
	cols, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		s.e = &rowError{row: s.row, msg: fmt.Sprintf(msg.XLSXBroken, err)}
		return nil, 0, false
	}
	return cols, s.row, true
}

func (s *xlsxSource) close() {
	if s.rows != nil {
		_ = s.rows.Close()
	}
}
func (s *xlsxSource) err() error                          { return s.e }
func (s *xlsxSource) formulaWithoutValue(ref string) bool { return s.fws[ref] }
func (s *xlsxSource) date1904() bool                      { return s.wb.is1904 }

// formulaCells finds the cells of a sheet that hold a formula but no cached value (a file written by a program
// and never opened in Excel or WPS). excelize's row iterator gives such cells as "", so a sheet with formulas
// (the byte scan tells, whatever prefix its elements have) is decoded once more, by local names.
func (wb *workbook) formulaCells(part *zip.File) (map[string]bool, error) {
	rc, err := part.Open()
	if err != nil {
		return nil, fmt.Errorf(msg.XLSXBroken, err)
	}
	defer rc.Close()
	out := map[string]bool{}
	dec := wb.decoder(io.LimitReader(rc, UnzipSizeLimit))
	var ref string
	var hasF, hasV, isStr bool
	var inV bool
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				ref, hasF, hasV, isStr = "", false, false, false
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						ref = a.Value
					case "t":
						isStr = a.Value == "str"
					}
				}
			case "f":
				hasF = true
			case "v":
				inV = true
				// A string result that is empty is a cached value: "" (LibreOffice writes <v></v> with
				// t="str"). Without t="str" an empty <v> is what programs write for "not calculated".
				hasV = hasV || isStr
			}
		case xml.CharData:
			if inV && len(bytes.TrimSpace(t)) > 0 {
				hasV = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "c":
				if hasF && !hasV && ref != "" {
					out[ref] = true
				}
			}
		}
	}
	return out, nil
}

// sheetPart finds a sheet's XML part in the package as excelize finds it (the package's relationships → the
// workbook → its relationships → the part). A sheet whose part cannot be found is an error: its rows could
// not be checked.
func (wb *workbook) sheetPart(sheet string) (*zip.File, error) {
	if wb.zr == nil {
		zr, err := zip.OpenReader(wb.path)
		if err != nil {
			return nil, fmt.Errorf(msg.XLSXBroken, err)
		}
		wb.zr = zr
	}
	files := map[string]*zip.File{}
	for _, f := range wb.zr.File {
		files[partKey(f.Name)] = f
	}
	type relationships struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	var pkg, rels relationships
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"` // r:id, in the transitional or the strict name space
		} `xml:"sheets>sheet"`
	}
	wbPath := "xl/workbook.xml"
	if readZipXML(files["_rels/.rels"], &pkg) == nil {
		for _, r := range pkg.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
				break
			}
		}
	}
	dir := path.Dir(wbPath)
	relsPath := path.Join(dir, "_rels", path.Base(wbPath)+".rels")
	if readZipXML(files[partKey(wbPath)], &book) == nil && readZipXML(files[partKey(relsPath)], &rels) == nil {
		for _, s := range book.Sheets {
			for _, r := range rels.Rels {
				if s.Name != sheet || r.ID != s.RID {
					continue
				}
				t := path.Join(dir, r.Target)
				if strings.HasPrefix(r.Target, "/") {
					t = path.Clean(r.Target)
				}
				if f := files[partKey(t)]; f != nil {
					return f, nil
				}
			}
		}
	}
	return nil, fmt.Errorf(msg.XLSXNoSheetPart, sheet)
}

func readZipXML(f *zip.File, v any) error {
	if f == nil {
		return errors.New("missing part")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, UnzipXMLSizeLimit)).Decode(v)
}

// prefetch reads rows of src in a goroutine, a batch ahead, so that parsing the file (excelize's XML decoding,
// CSV decoding) and building typed rows run on two cores. Rows come out in order, with the same numbers.
type prefetch struct {
	src   rowSource
	ch    chan []fetched
	stop  chan struct{}
	done  chan struct{}
	batch []fetched
	pos   int
	e     error // a cell over the limits (set by the reading goroutine, read after done)
	text  int64 // bytes of cell text read
}

type fetched struct {
	cells []string
	row   int
}

const prefetchBatch = 512

func newPrefetch(src rowSource) *prefetch {
	p := &prefetch{src: src, ch: make(chan []fetched, 4), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		defer close(p.ch)
		for {
			b := make([]fetched, 0, prefetchBatch)
			for len(b) < prefetchBatch && p.e == nil {
				cells, row, ok := src.next()
				if !ok {
					break
				}
				if p.e = p.limit(cells, row); p.e == nil {
					b = append(b, fetched{cells, row})
				}
			}
			if len(b) > 0 {
				select {
				case p.ch <- b:
				case <-p.stop:
					return
				}
			}
			if len(b) < prefetchBatch {
				return
			}
		}
	}()
	return p
}

func (p *prefetch) next() ([]string, int, bool) {
	if p.pos >= len(p.batch) {
		b, ok := <-p.ch
		if !ok {
			return nil, 0, false
		}
		p.batch, p.pos = b, 0
	}
	f := p.batch[p.pos]
	p.batch[p.pos] = fetched{}
	p.pos++
	return f.cells, f.row, true
}

// limit checks the text of a row's cells against the limits (maxCellChars, maxSourceText), for CSV files
// and sheets alike; the sheets' byte scan has already refused most such cells before excelize read them.
func (p *prefetch) limit(cells []string, row int) error {
	for j, c := range cells {
		p.text += int64(len(c))
		if len(c) > maxCellChars {
			if n := utf8.RuneCountInString(c); n > maxCellChars {
				return &rowError{row: row, msg: fmt.Sprintf(msg.CellTooLong, cellRef(j, row), n, maxCellChars)}
			}
		}
		if p.text > maxSourceText {
			return &rowError{row: row, msg: fmt.Sprintf(msg.TextTooMuch, maxSourceText>>20, cellRef(j, row))}
		}
	}
	return nil
}

// err is the error that ended the rows (the source's, or a cell over the limits). Asked before all rows were
// taken (no header found), it stops the reading first: the goroutine would wait forever to hand over rows.
func (p *prefetch) err() error {
	p.halt()
	if p.e != nil {
		return p.e
	}
	return p.src.err()
}

// halt stops the reading goroutine and waits for it; the source may then be closed.
func (p *prefetch) halt() {
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
	<-p.done
}

func (p *prefetch) formulaWithoutValue(ref string) bool { return p.src.formulaWithoutValue(ref) }
func (p *prefetch) date1904() bool                      { return p.src.date1904() }
