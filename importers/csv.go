package importers

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"payout/internal/msg"
)

// csvSource streams a CSV file in the encoding it was found to be in (csvEncoding).
type csvSource struct {
	r *csv.Reader
	e error
	// checkUTF8: the text is read as UTF-8, so a cell that is not (a GBK row pasted in) is an error.
	checkUTF8 bool
	// stopLine, when set, is a line the file's encoding does not fit: the row that holds it is an error
	// (stopMsg) and reading ends there.
	stopLine int
	stopMsg  string
}

// CSVEncoding is how a CSV file's text is encoded.
type CSVEncoding int

// The encodings a CSV file is read in: UTF-8 with or without a byte order mark ("CSV UTF-8" of Excel), or
// GB18030 (what Excel writes as "CSV" on a Chinese Windows).
const (
	EncUTF8 CSVEncoding = iota
	EncUTF8BOM
	EncGB18030
	EncUTF16 // with a byte order mark
)

// The byte order marks read.
const (
	bomUTF8    = "\xef\xbb\xbf"
	bomUTF16LE = "\xff\xfe"
	bomUTF16BE = "\xfe\xff"
)

// DecodeCSV returns the text of a CSV file as UTF-8 without a byte order mark, the encoding it was in, and
// its delimiter (tab for a tab-separated export, else comma). The encoding is found as the reader finds it
// (csvScan); a file of mixed encodings gives the one most of its lines are in.
func DecodeCSV(b []byte) (text []byte, enc CSVEncoding, comma rune) {
	// UTF-16 with its byte order mark: what Excel writes as "Unicode Text" (tab-separated).
	for _, u := range []struct {
		bom    string
		endian unicode.Endianness
	}{{bomUTF16LE, unicode.LittleEndian}, {bomUTF16BE, unicode.BigEndian}} {
		if bytes.HasPrefix(b, []byte(u.bom)) {
			if d, err := unicode.UTF16(u.endian, unicode.ExpectBOM).NewDecoder().Bytes(b); err == nil {
				return d, EncUTF16, sniffComma(d)
			}
		}
	}
	if t, ok := bytes.CutPrefix(b, []byte(bomUTF8)); ok {
		// A byte order mark settles it: UTF-8 (a row that is not is an error at that row).
		return t, EncUTF8BOM, sniffComma(t)
	}
	sc, _ := scanCSV(bytes.NewReader(b))
	if sc.encoding() == EncGB18030 {
		if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil {
			return d, EncGB18030, sniffComma(d)
		}
	}
	return b, EncUTF8, sniffComma(b)
}

// openCSV returns a source streaming the CSV file f (a regular file of at most limit bytes, open at its
// start). A file without a byte order mark is read twice: once to find its encoding, once for its rows.
func openCSV(f io.ReadSeeker, limit int64) (*csvSource, error) {
	head := make([]byte, 3)
	n, err := io.ReadFull(newCapReader(f, limit), head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	in := newCapReader(f, limit)
	src := &csvSource{}
	var text io.Reader
	switch {
	case bytes.HasPrefix(head, []byte(bomUTF16LE)):
		text = transform.NewReader(in, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte(bomUTF16BE)):
		text = transform.NewReader(in, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte(bomUTF8)):
		if _, err := io.ReadFull(in, head); err != nil {
			return nil, err
		}
		text, src.checkUTF8 = in, true
	default:
		sc, err := scanCSV(in)
		if err != nil {
			return nil, err
		}
		if err := sc.notText(); err != nil {
			return nil, err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		in = newCapReader(f, limit)
		text, src.checkUTF8 = in, true
		if sc.encoding() == EncGB18030 {
			text, src.checkUTF8 = transform.NewReader(in, simplifiedchinese.GB18030.NewDecoder()), false
			src.stopLine, src.stopMsg = sc.gbStop()
		}
	}
	br := bufio.NewReaderSize(text, 1<<16)
	first, _ := br.Peek(1 << 16) // the delimiter is sniffed on the first line
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	// Records are not reused: rows are read a batch ahead (prefetch).
	r.Comma = sniffComma(first)
	src.r = r
	return src, nil
}

// sniffComma picks tab for a tab-separated export (tabs and no commas on its first line), else comma.
func sniffComma(b []byte) rune {
	line := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		line = b[:i]
	}
	if bytes.IndexByte(line, '\t') >= 0 && bytes.IndexByte(line, ',') < 0 {
		return '\t'
	}
	return ','
}

func (s *csvSource) next() ([]string, int, bool) {
	if s.e != nil {
		return nil, 0, false
	}
	rec, err := s.r.Read()
	if err == io.EOF {
		return nil, 0, false
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			s.e = &rowError{row: pe.StartLine, msg: fmt.Sprintf(msg.CSVSyntax, pe.Err)}
		} else {
			s.e = err
		}
		return nil, 0, false
	}
	line, _ := s.r.FieldPos(0)
	if s.stopLine > 0 {
		if last, _ := s.r.FieldPos(len(rec) - 1); last >= s.stopLine || line >= s.stopLine {
			s.e = &rowError{row: line, msg: s.stopMsg}
			return nil, 0, false
		}
	}
	if s.checkUTF8 {
		for j, f := range rec {
			if !utf8.ValidString(f) {
				s.e = &rowError{row: line, msg: fmt.Sprintf(msg.CSVBadUTF8, cellRef(j, line))}
				return nil, 0, false
			}
		}
	}
	return rec, line, true
}

func (s *csvSource) err() error                      { return s.e }
func (s *csvSource) formulaWithoutValue(string) bool { return false }
func (s *csvSource) date1904() bool                  { return false }

// capReader reads at most limit bytes of r; a byte more is an error (never a quiet end: the rows after it
// would be lost), for a file that grew after its size was checked.
type capReader struct {
	r     io.Reader
	left  int64
	limit int64
}

func newCapReader(r io.Reader, limit int64) *capReader {
	return &capReader{r: r, left: limit, limit: limit}
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		if n, err := c.r.Read(one[:]); n > 0 {
			return 0, fmt.Errorf(msg.InGrewTooLarge, c.limit>>20)
		} else if err != nil {
			return 0, err
		}
		return 0, nil
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// csvScan is what one pass over a CSV file without a byte order mark found, line by line, to tell its
// encoding. A line is evidence of UTF-8 when it is valid UTF-8 and either not valid GB18030 or holding at
// least minWideRunes Chinese characters as UTF-8 (a GB18030 line almost never is: each such character needs
// its GB18030 bytes to fall as E4–E9, 80–BF, 80–BF); a line is evidence of GB18030 when it is not valid
// UTF-8 but valid GB18030. A line of valid UTF-8 with fewer Chinese characters (一 alone, ¥, ×) is left
// out: many GB18030 lines of one or two characters are valid UTF-8 by chance.
type csvScan struct {
	lines     int
	utf8, gb  int // lines of evidence
	firstUTF8 int // line numbers (1-based), 0 for none
	firstGB   int
	firstBad  int // a line that is neither UTF-8 nor GB18030
	firstNUL  int // a line with a NUL byte: not text (binary, or UTF-16 without its byte order mark)
}

// minWideRunes is how many Chinese characters (or full-width forms) a valid UTF-8 line needs to count as
// UTF-8 evidence though it is also valid GB18030.
const minWideRunes = 2

// scanCSV reads r to its end, one byte at a time through a UTF-8 and a GB18030 validator (no line is held in
// memory, however long).
func scanCSV(r io.Reader) (csvScan, error) {
	var sc csvScan
	var l lineScan
	br := bufio.NewReaderSize(r, 1<<16)
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			if l.bytes > 0 {
				sc.end(&l)
			}
			return sc, nil
		}
		if err != nil {
			return sc, err
		}
		if c == '\n' {
			sc.end(&l)
			continue
		}
		l.add(c)
	}
}

// end classifies the line just read and starts the next.
func (sc *csvScan) end(l *lineScan) {
	sc.lines++
	n := sc.lines
	uOK := !l.uBad && l.uNeed == 0
	gOK := !l.gBad && l.gState == 0
	switch {
	case l.nul:
		if sc.firstNUL == 0 {
			sc.firstNUL = n
		}
	case !l.nonASCII:
	case uOK && (!gOK || l.wide >= minWideRunes):
		sc.utf8++
		if sc.firstUTF8 == 0 {
			sc.firstUTF8 = n
		}
	case uOK: // valid as both, with few Chinese characters: no evidence either way
	case gOK:
		sc.gb++
		if sc.firstGB == 0 {
			sc.firstGB = n
		}
	default:
		if sc.firstBad == 0 {
			sc.firstBad = n
		}
	}
	*l = lineScan{}
}

// encoding is the file's encoding: GB18030 when more lines are evidence of it than of UTF-8, else UTF-8.
func (sc *csvScan) encoding() CSVEncoding {
	if sc.gb > sc.utf8 {
		return EncGB18030
	}
	return EncUTF8
}

// notText is the error of a file that is not text in any encoding read: a NUL byte, or bytes that are
// neither UTF-8 nor GB18030 with no line that is.
func (sc *csvScan) notText() error {
	if sc.firstNUL > 0 {
		return &rowError{row: sc.firstNUL, msg: msg.CSVNotText}
	}
	if sc.firstBad > 0 && sc.utf8 == 0 && sc.gb == 0 {
		return &rowError{row: sc.firstBad, msg: msg.CSVNoEncoding}
	}
	return nil
}

// gbStop is the first line a file read as GB18030 cannot be read at, and why: a line of UTF-8 text among
// GB18030 ones, or one that is neither.
func (sc *csvScan) gbStop() (int, string) {
	switch {
	case sc.firstUTF8 > 0 && (sc.firstBad == 0 || sc.firstUTF8 < sc.firstBad):
		return sc.firstUTF8, msg.CSVUTF8InGB
	case sc.firstBad > 0:
		return sc.firstBad, msg.CSVBadGB
	}
	return 0, ""
}

// lineScan validates one line as UTF-8 and as GB18030 at once, a byte at a time.
type lineScan struct {
	bytes    int
	nonASCII bool
	nul      bool
	// UTF-8: bytes still needed, the range the next one must be in, the rune so far, its length.
	uBad        bool
	uNeed, uLen int
	uLo, uHi    byte
	uRune       rune
	wide        int // Chinese characters and full-width forms decoded as UTF-8
	gBad        bool
	gState      int // GB18030: 0 between characters, 1 after a lead byte, 2 and 3 inside a four-byte one
}

func (l *lineScan) add(c byte) {
	l.bytes++
	if c == 0 {
		l.nul = true
	}
	if c >= 0x80 {
		l.nonASCII = true
	}
	l.addUTF8(c)
	l.addGB(c)
}

func (l *lineScan) addUTF8(c byte) {
	if l.uNeed > 0 {
		if c < l.uLo || c > l.uHi {
			l.uBad, l.uNeed = true, 0
			return
		}
		l.uRune = l.uRune<<6 | rune(c&0x3f)
		l.uLo, l.uHi = 0x80, 0xbf
		if l.uNeed--; l.uNeed == 0 && l.uLen == 3 && isWide(l.uRune) {
			l.wide++
		}
		return
	}
	l.uLo, l.uHi = 0x80, 0xbf
	switch {
	case c < 0x80:
		return
	case c >= 0xc2 && c <= 0xdf:
		l.uNeed, l.uLen, l.uRune = 1, 2, rune(c&0x1f)
	case c >= 0xe0 && c <= 0xef:
		l.uNeed, l.uLen, l.uRune = 2, 3, rune(c&0x0f)
		if c == 0xe0 {
			l.uLo = 0xa0 // not overlong
		} else if c == 0xed {
			l.uHi = 0x9f // not a surrogate
		}
	case c >= 0xf0 && c <= 0xf4:
		l.uNeed, l.uLen, l.uRune = 3, 4, rune(c&0x07)
		if c == 0xf0 {
			l.uLo = 0x90
		} else if c == 0xf4 {
			l.uHi = 0x8f
		}
	default:
		l.uBad = true
	}
}

// isWide reports a Chinese character (CJK symbols, kana and ideographs) or a full-width form.
func isWide(r rune) bool { return r >= 0x3000 && r <= 0x9fff || r >= 0xf900 && r <= 0xffef }

func (l *lineScan) addGB(c byte) {
	switch l.gState {
	case 0:
		switch {
		case c < 0x80:
		case c == 0x80 || c == 0xff:
			l.gBad = true
		default:
			l.gState = 1
		}
	case 1:
		switch {
		case c >= 0x30 && c <= 0x39:
			l.gState = 2
		case c >= 0x40 && c <= 0x7e || c >= 0x80 && c <= 0xfe:
			l.gState = 0
		default:
			l.gBad, l.gState = true, 0
		}
	case 2:
		if c >= 0x81 && c <= 0xfe {
			l.gState = 3
		} else {
			l.gBad, l.gState = true, 0
		}
	case 3:
		if c < 0x30 || c > 0x39 {
			l.gBad = true
		}
		l.gState = 0
	}
}
