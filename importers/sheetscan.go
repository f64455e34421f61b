package importers

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"payout/internal/msg"
)

// Limits on the text of cells, against memory bombs (a 0.9 MB file with one 900 MB cell; a shared string of
// 120 MB that excelize copies for every cell naming it). Variables for tests.
var (
	// maxCellChars is the most characters a cell holds: Excel's own limit.
	maxCellChars = 32767
	// maxSourceText is the most bytes of cell text one sheet or CSV file gives: a dealer group's largest
	// table (200,000 repair orders) has 16 MB.
	maxSourceText int64 = 256 << 20
)

const (
	scanChunk = 256 << 10 // bytes read at a time by the byte scans
	maxTag    = 1 << 20   // a longer tag is skipped and the sheet decoded in full to check it
	maxTail   = 8 << 20   // a longer last row is not kept: the sheet is decoded in full to check it
	// longShared is the length from which a shared string is counted in the cells that name it.
	longShared = 1024
)

// xmlHandler takes what scanXML finds: each tag's bytes between < and > (at is the index of its < in the
// chunk), each run of text, and each chunk once it is done with (up to used).
type xmlHandler interface {
	tag(raw []byte, at int)
	text(run []byte)
	chunk(data []byte, used int)
	// unusual says the byte scan cannot judge the XML (a comment, CDATA, a huge tag): decode it in full.
	unusual()
	stop() bool
}

// scanXML walks XML bytes tag by tag without decoding them, fast enough to run over every sheet beside
// excelize's own decoding. It never fails on bad XML: the tags it sees are all the handler needs.
func scanXML(r io.Reader, h xmlHandler) error {
	buf := make([]byte, scanChunk)
	n := 0
	skipping := false // inside a tag longer than maxTag
	for !h.stop() {
		m, err := io.ReadFull(r, buf[n:])
		n += m
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return err
		}
		data := buf[:n]
		if skipping {
			i := bytes.IndexByte(data, '>')
			if i < 0 && !eof {
				n = 0
				continue
			}
			skipping, data = false, data[i+1:]
		}
		used := feedXML(data, eof, h)
		h.chunk(data, used)
		if eof {
			return nil
		}
		n = copy(buf, data[used:])
		if n == len(buf) {
			if len(buf) < maxTag {
				buf = append(buf, make([]byte, len(buf))...)
			} else {
				h.unusual()
				skipping, n = true, 0
			}
		}
	}
	return nil
}

// feedXML hands the complete tags and the text of data to h and returns how much of data it used (a tag cut
// by the end of the chunk is left for the next one).
func feedXML(data []byte, eof bool, h xmlHandler) int {
	pos := 0
	for pos < len(data) {
		lt := bytes.IndexByte(data[pos:], '<')
		if lt < 0 {
			h.text(data[pos:])
			return len(data)
		}
		if lt > 0 {
			h.text(data[pos : pos+lt])
		}
		start := pos + lt
		end := tagEnd(data[start+1:])
		if end < 0 {
			if eof {
				return len(data) // cut off: the sheet's end check says so
			}
			return start
		}
		if end > 0 {
			h.tag(data[start+1:start+1+end], start)
		} else {
			h.unusual() // "<>"
		}
		pos = start + 1 + end + 1
	}
	return pos
}

// tagEnd is the index of the > that ends the tag b starts (after its <), skipping quoted attribute values;
// -1 when b does not hold it. (Tags are short: a loop beats searching.)
func tagEnd(b []byte) int {
	if len(b) > 0 && (b[0] == '/' || b[0] == '!' || b[0] == '?') {
		return bytes.IndexByte(b, '>')
	}
	var q byte
	for i, c := range b {
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '>':
			return i
		case c == '"' || c == '\'':
			q = c
		}
	}
	return -1
}

// tagName splits a tag's bytes into its name (with prefix) and local name, and says whether it is an end
// tag and whether it closes itself.
func tagName(raw []byte) (name, local []byte, end, self bool) {
	if raw[0] == '/' {
		end, raw = true, raw[1:]
	} else if raw[len(raw)-1] == '/' {
		self, raw = true, raw[:len(raw)-1]
	}
	i := 0
	for i < len(raw) && !isSpace(raw[i]) {
		i++
	}
	name = raw[:i]
	local = name
	if c := bytes.LastIndexByte(name, ':'); c >= 0 {
		local = name[c+1:]
	}
	return name, local, end, self
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nextAttr reads the attribute of a start tag's raw bytes that begins at or after i (the tag's name is skipped
// when i is 0): its local name (as excelize matches attributes: by local name, without a prefix), its raw value,
// and where the next one begins; ok is false when there is no further well-formed attribute.
func nextAttr(raw []byte, i int) (name, value []byte, next int, ok bool) {
	if i == 0 {
		for i < len(raw) && !isSpace(raw[i]) {
			i++
		}
	}
	for i < len(raw) && isSpace(raw[i]) {
		i++
	}
	ns := i
	for i < len(raw) && raw[i] != '=' && !isSpace(raw[i]) {
		i++
	}
	name = raw[ns:i]
	for i < len(raw) && (isSpace(raw[i]) || raw[i] == '=') {
		i++
	}
	if i >= len(raw) || (raw[i] != '"' && raw[i] != '\'') {
		return nil, nil, 0, false
	}
	e := bytes.IndexByte(raw[i+1:], raw[i])
	if e < 0 {
		return nil, nil, 0, false
	}
	if c := bytes.LastIndexByte(name, ':'); c >= 0 {
		name = name[c+1:]
	}
	return name, raw[i+1 : i+1+e], i + e + 2, true
}

// attr is the raw value of the first attribute of a start tag whose local name is local, and whether there is
// one.
func attr(raw []byte, local string) ([]byte, bool) {
	for name, v, i, ok := nextAttr(raw, 0); ok; name, v, i, ok = nextAttr(raw, i) {
		if string(name) == local {
			return v, true
		}
	}
	return nil, false
}

// attrInt is an attribute's value as a number, 0 when it is missing or not a number (as excelize reads r).
func attrInt(raw []byte, local string) int {
	v, ok := attr(raw, local)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(string(v))
	if err != nil {
		return 0
	}
	return n
}

// textChars is the characters of a text run as XML text: an entity or character reference is one. It
// counts the bytes that start a character, so that a run split between two reads counts the same (an
// entity split so counts a few more).
func textChars(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return n
		}
		j := bytes.IndexByte(b[i:], ';')
		if j < 0 {
			return n
		}
		n -= j
		b = b[i+j+1:]
	}
}

// sharedLen is the length of a long shared string.
type sharedLen struct {
	chars int
	bytes int
}

// sharedStrings is what the byte scan of the shared-string table found.
type sharedStrings struct {
	count int               // string items
	long  map[int]sharedLen // index → length, for those of longShared characters or more
}

// sstScanner finds the long strings of xl/sharedStrings.xml: index → length, for those of longShared
// characters or more (a cell naming one counts its length).
type sstScanner struct {
	long  map[int]sharedLen
	idx   int // of the current string item, from 0
	inSI  bool
	rph   int // depth inside phonetic runs, which excelize does not read
	inT   bool
	chars int
	bytes int
}

func (s *sstScanner) tag(raw []byte, _ int) {
	s.inT = false
	if raw[0] == '!' || raw[0] == '?' {
		return
	}
	_, local, end, self := tagName(raw)
	switch string(local) {
	case "si":
		if end || self {
			s.endItem()
		}
		if !end && !self {
			s.inSI, s.chars, s.bytes, s.rph = true, 0, 0, 0
		}
	case "rPh":
		if end {
			s.rph--
		} else if !self {
			s.rph++
		}
	case "t":
		s.inT = !end && !self && s.inSI && s.rph == 0
	}
}

func (s *sstScanner) endItem() {
	if s.chars >= longShared {
		if s.long == nil {
			s.long = map[int]sharedLen{}
		}
		s.long[s.idx] = sharedLen{s.chars, s.bytes}
	}
	s.idx++
	s.inSI, s.chars, s.bytes = false, 0, 0
}

func (s *sstScanner) text(run []byte) {
	if s.inT {
		s.chars += textChars(run)
		s.bytes += len(run)
	}
}

func (s *sstScanner) chunk([]byte, int) {}
func (s *sstScanner) unusual()          {}
func (s *sstScanner) stop() bool        { return false }

// sheetScan is what one byte pass over a sheet's XML found.
type sheetScan struct {
	hasFormula bool
	// lastRow is the number excelize gives the last row element: its r, or one more than the row before,
	// and never less than one more than the row it gave before (rows out of order are renumbered).
	lastRow int
	prolog  []byte // the XML declaration
	root    []byte // the root element's name as written (with its prefix)
	data    []byte // the name of the element holding the rows (sheetData)
	// tail is the bytes from the start of the last row element to the end of the part; tailLong says
	// they were too many to keep.
	tail     []byte
	tailLong bool
	// opaque: the bytes cannot be judged without decoding them (a comment, CDATA, a huge tag, rows where
	// a worksheet has none).
	opaque bool
	ended  bool      // the part ends as a worksheet ends
	limit  *rowError // a cell whose text passes the limits, or that excelize would read as empty
}

// fragment is the XML that decodes as the sheet's last row element does: the prolog, the elements that hold
// the row opened, and the bytes from the row to the end.
func (sc *sheetScan) fragment() io.Reader {
	open := make([]byte, 0, len(sc.prolog)+len(sc.root)+len(sc.data)+4)
	open = append(append(append(open, sc.prolog...), '<'), sc.root...)
	open = append(append(append(open, '>', '<'), sc.data...), '>')
	return io.MultiReader(bytes.NewReader(open), bytes.NewReader(sc.tail))
}

// sheetScanner is the xmlHandler of a sheet.
type sheetScanner struct {
	sheetScan
	shared    *sharedStrings
	isShared  bool // the current cell names a shared string
	depth     int
	elems     bool // an element was seen
	cur       int  // excelize's current row number
	tailFrom  int  // index in the chunk of the last row element's start; -1: it is in an earlier chunk
	inCell    bool
	cellTag   []byte // the current cell's start tag
	col       int    // cells of the row so far
	inText    bool   // in the text of a v or t element of a cell
	textIsV   bool
	v         []byte // the text of the cell's v element, for a shared string's index
	cellChars int
	cellBytes int64
	total     int64
}

func (s *sheetScanner) tag(raw []byte, at int) {
	s.inText = false
	switch raw[0] {
	case '?':
		if !s.elems && s.prolog == nil && bytes.HasPrefix(raw, []byte("?xml")) {
			s.prolog = append(append(append([]byte(nil), '<'), raw...), '>')
		} else {
			s.opaque = true
		}
		return
	case '!':
		s.opaque = true
		return
	}
	name, local, end, self := tagName(raw)
	if end {
		s.depth--
		s.ended = string(local) == "worksheet"
		switch string(local) {
		case "c":
			if s.inCell {
				s.endCell()
			}
		case "sheetData":
			s.opaque = s.opaque || s.depth != 1
		}
		return
	}
	s.ended = false
	if !s.elems {
		s.elems, s.root = true, append([]byte(nil), name...)
	}
	switch string(local) {
	case "sheetData":
		if s.depth == 1 && s.data == nil {
			s.data = append([]byte(nil), name...)
		}
	case "row":
		// Also after </sheetData>, where excelize stops: such rows would be lost.
		s.startRow(raw, at)
	case "c":
		s.startCell(raw)
		if self {
			s.endCell()
		}
	case "f":
		// Only a cell's: Excel's extensions (conditional formats, validations) hold <xm:f> elements too.
		s.hasFormula = s.hasFormula || s.inCell
		if s.inCell {
			s.checkFormula(raw)
		}
	case "v", "t":
		s.inText, s.textIsV = !self && s.inCell, local[0] == 'v'
	}
	if !self {
		s.depth++
	}
}

// startRow numbers a row element as excelize's row iterator does.
func (s *sheetScanner) startRow(raw []byte, at int) {
	if s.depth != 2 || s.data == nil || bytes.IndexByte(raw, '&') >= 0 {
		s.opaque = true // where excelize would not look, or an r the scan does not decode
	}
	s.cur++
	if r := attrInt(raw, "r"); r != 0 {
		s.cur = r
	}
	s.lastRow = max(s.lastRow+1, s.cur)
	s.tail, s.tailLong, s.tailFrom, s.col = s.tail[:0], false, at, 0
}

func (s *sheetScanner) startCell(raw []byte) {
	s.inCell, s.cellChars, s.cellBytes, s.v = true, 0, 0, s.v[:0]
	s.col++
	s.cellTag = append(s.cellTag[:0], raw...)
	st, t, hasS := cellAttrs(raw)
	s.isShared = string(t) == "s"
	// excelize drops the value of a cell whose style index is not a number, and says nothing.
	if hasS && !allDigits(st) && bytes.IndexByte(st, '&') < 0 {
		if _, err := strconv.ParseInt(string(st), 10, 64); err != nil {
			s.badCell("s", st)
		}
	}
}

// cellAttrs is the s and t attributes of a cell tag (by local name, as excelize reads them), in one pass.
func cellAttrs(raw []byte) (st, t []byte, hasS bool) {
	for name, v, i, ok := nextAttr(raw, 0); ok; name, v, i, ok = nextAttr(raw, i) {
		if len(name) == 1 && name[0] == 's' && !hasS {
			st, hasS = v, true
		} else if len(name) == 1 && name[0] == 't' && t == nil {
			t = v
		}
	}
	return
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0 && len(b) < 19
}

// formulaFlags are the attributes of a formula that excelize reads as true or false; si is a number.
var formulaFlags = []string{"aca", "dt2D", "dtr", "del1", "del2", "ca", "bx"}

// checkFormula refuses a formula element whose attributes excelize cannot read: it would drop the
// cell's cached value and say nothing.
func (s *sheetScanner) checkFormula(raw []byte) {
	if bytes.IndexByte(raw, '=') < 0 || bytes.IndexByte(raw, '&') >= 0 {
		return
	}
	for _, a := range formulaFlags {
		if v, ok := attr(raw, a); ok && len(v) > 0 {
			if _, err := strconv.ParseBool(strings.TrimSpace(string(v))); err != nil {
				s.badCell(a, v)
				return
			}
		}
	}
	if v, ok := attr(raw, "si"); ok && len(v) > 0 {
		if _, err := strconv.Atoi(strings.TrimSpace(string(v))); err != nil {
			s.badCell("si", v)
		}
	}
}

// badCell records the first cell with an attribute excelize cannot read.
func (s *sheetScanner) badCell(name string, v []byte) {
	if s.limit == nil {
		ref := s.cellName()
		s.limit = &rowError{row: s.lastRow, msg: fmt.Sprintf(msg.XLSXBadCell, ref, name, string(v))}
	}
}

// cellName is the current cell's reference: its r, else its place in the row.
func (s *sheetScanner) cellName() string {
	if r, ok := attr(s.cellTag, "r"); ok {
		return string(r)
	}
	return cellRef(s.col-1, s.lastRow)
}

// sharedCell checks the index a cell gives into the shared strings (excelize reads an index it does not
// have as empty, and one that is not a number as the first string, without a word) and counts the length
// of a long string as the cell's.
func (s *sheetScanner) sharedCell() {
	v := bytes.TrimSpace(s.v)
	if s.shared == nil || len(v) == 0 || bytes.IndexByte(v, '&') >= 0 {
		return
	}
	i, err := strconv.Atoi(string(v))
	if err != nil || i < 0 || i >= s.shared.count {
		if s.limit == nil {
			s.limit = &rowError{row: s.lastRow, msg: fmt.Sprintf(msg.XLSXBadSharedIndex, s.cellName(), string(v), s.shared.count)}
		}
		return
	}
	if l, ok := s.shared.long[i]; ok {
		s.cellChars, s.cellBytes = l.chars, int64(l.bytes)
	}
}

// endCell checks the length of the cell's text, and the text of the sheet so far.
func (s *sheetScanner) endCell() {
	s.inCell, s.inText = false, false
	if s.isShared {
		s.sharedCell()
	}
	s.total += s.cellBytes
	if s.limit != nil || s.cellChars <= maxCellChars && s.total <= maxSourceText {
		return
	}
	ref := s.cellName()
	if s.cellChars > maxCellChars {
		s.limit = &rowError{row: s.lastRow, msg: fmt.Sprintf(msg.CellTooLong, ref, s.cellChars, maxCellChars)}
	} else {
		s.limit = &rowError{row: s.lastRow, msg: fmt.Sprintf(msg.TextTooMuch, maxSourceText>>20, ref)}
	}
}

func (s *sheetScanner) text(run []byte) {
	if s.ended && len(bytes.TrimSpace(run)) > 0 {
		s.ended = false
	}
	if !s.inText {
		return
	}
	s.cellChars += textChars(run)
	s.cellBytes += int64(len(run))
	if s.cellChars > maxCellChars && s.limit == nil {
		s.endCell() // refused: the rest of the cell is not counted
	}
	if s.textIsV && s.isShared && len(s.v) < 64 {
		s.v = append(s.v, run...)
	}
}

// chunk keeps the bytes of the last row element and what follows it.
func (s *sheetScanner) chunk(data []byte, used int) {
	if s.lastRow > 0 && !s.tailLong {
		s.tail = append(s.tail, data[max(s.tailFrom, 0):used]...)
		if len(s.tail) > maxTail {
			s.tail, s.tailLong = nil, true
		}
	}
	s.tailFrom = -1
}

func (s *sheetScanner) unusual()   { s.opaque = true }
func (s *sheetScanner) stop() bool { return s.limit != nil }

// scanSheet reads a sheet's XML once as bytes (see sheetScan): its formulas, its last row, cells whose text
// passes the limits (shared: the long shared strings), and whether it ends as a worksheet part ends.
// excelize's row iterator stops quietly at a sheet cut short (PITFALLS): its rows would be lost without a
// word, so a sheet that does not end with </worksheet> is an error.
func scanSheet(part *zip.File, shared *sharedStrings) (*sheetScan, error) {
	rc, err := part.Open()
	if err != nil {
		return nil, fmt.Errorf(msg.XLSXBroken, err)
	}
	defer rc.Close()
	s := &sheetScanner{shared: shared, tailFrom: -1}
	if err := scanXML(io.LimitReader(rc, UnzipSizeLimit), s); err != nil {
		return nil, fmt.Errorf(msg.XLSXBroken, err)
	}
	if s.limit == nil && !s.ended {
		return nil, errors.New(msg.XLSXCutShort)
	}
	return &s.sheetScan, nil
}

// scanShared counts the strings of the workbook's shared-string table and finds its long ones, once. A
// table too large for memory, which excelize reads from a temporary file without a word about XML errors
// (the strings after one would read as empty), is decoded in full.
func (wb *workbook) scanShared() error {
	if wb.shared != nil {
		return nil
	}
	wb.shared = &sharedStrings{}
	for _, f := range wb.zr.File {
		if partKey(f.Name) != "xl/sharedstrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf(msg.XLSXBroken, err)
		}
		defer rc.Close()
		s := &sstScanner{}
		if err := scanXML(io.LimitReader(rc, int64(maxSharedStrings)), s); err != nil {
			return fmt.Errorf(msg.XLSXBroken, err)
		}
		wb.shared = &sharedStrings{count: s.idx, long: s.long}
		if f.UncompressedSize64 > UnzipXMLSizeLimit {
			return wb.checkShared(f)
		}
	}
	return nil
}

func (wb *workbook) checkShared(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf(msg.XLSXBroken, err)
	}
	defer rc.Close()
	if err := decodeAll(wb.decoder(io.LimitReader(rc, int64(maxSharedStrings)))); err != nil {
		return fmt.Errorf(msg.XLSXSharedDamaged, xmlErrorText(err))
	}
	return nil
}

// checkRows says whether excelize gave every row of the sheet, last being the number of the last row it
// gave. Its XML decoder stops for good at the first error and excelize does not say so: if it gave fewer
// rows than the scan found, the sheet is damaged; if not, only the last row element and what follows can
// hold an error, and decoding that fragment tells. Only then is the whole sheet decoded, to name the row.
func (wb *workbook) checkRows(part *zip.File, sc *sheetScan, last int) error {
	if sc.lastRow == 0 {
		return nil
	}
	if last >= sc.lastRow && !sc.opaque && !sc.tailLong && decodeAll(wb.decoder(sc.fragment())) == nil {
		return nil
	}
	row, err := wb.locateXMLError(part)
	if err != nil {
		return &rowError{row: row, msg: fmt.Sprintf(msg.XLSXDamaged, xmlErrorText(err))}
	}
	if last < sc.lastRow {
		return &rowError{row: last, msg: fmt.Sprintf(msg.XLSXRowsNotRead, last, sc.lastRow)}
	}
	return nil
}

// decoder is an XML decoder as excelize makes them (it reads sheets in the encoding they declare).
func (wb *workbook) decoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = wb.f.CharsetReader
	return d
}

func decodeAll(d *xml.Decoder) error {
	for {
		if _, err := d.Token(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// locateXMLError decodes a sheet in full and returns its first XML error and the row it is in (numbered as
// excelize numbers rows; 0 when it is not in the rows).
func (wb *workbook) locateXMLError(part *zip.File) (int, error) {
	rc, err := part.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	d := wb.decoder(io.LimitReader(rc, UnzipSizeLimit))
	cur, row, inData := 0, 0, true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return 0, nil
		}
		if err != nil {
			if !inData {
				row = 0
			}
			return row, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "row" && inData {
				cur++
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						if r, err := strconv.Atoi(a.Value); err == nil && r != 0 {
							cur = r
						}
						break
					}
				}
				row = max(row+1, cur)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				inData = false
			}
		}
	}
}

// xmlErrorText is an XML error without its line number (a sheet is often one line).
func xmlErrorText(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return "XML syntax error: " + se.Msg
	}
	return err.Error()
}

// partKey is a package part's name as compared for duplicates and looked up: excelize reads \ as / and
// some names in any case.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}
