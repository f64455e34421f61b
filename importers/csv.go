package importers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"payout/internal/msg"
)

// csvSource reads a CSV file, detecting UTF-8 (with or without BOM) or GB18030.
type csvSource struct {
	r     *csv.Reader
	row   int
	e     error
	bytes int64
	// checkUTF8: the text is not all UTF-8 (a UTF-8 file with a GBK row pasted in): rows are checked.
	checkUTF8 bool
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

// DecodeCSV returns the text of a CSV file as UTF-8 without a byte order mark, the encoding it was in, and
// its delimiter (tab for a tab-separated export, else comma).
func DecodeCSV(b []byte) (text []byte, enc CSVEncoding, comma rune) {
	// UTF-16 with its byte order mark: what Excel writes as "Unicode Text" (tab-separated).
	for _, u := range []struct {
		bom    string
		endian unicode.Endianness
	}{{"\xff\xfe", unicode.LittleEndian}, {"\xfe\xff", unicode.BigEndian}} {
		if bytes.HasPrefix(b, []byte(u.bom)) {
			if d, err := unicode.UTF16(u.endian, unicode.ExpectBOM).NewDecoder().Bytes(b); err == nil {
				return d, EncUTF16, sniffComma(d)
			}
		}
	}
	if t, ok := bytes.CutPrefix(b, []byte("\xef\xbb\xbf")); ok {
		// A byte order mark settles it: UTF-8 (a row that is not is an error at that row).
		return t, EncUTF8BOM, sniffComma(t)
	}
	if !utf8.Valid(b) {
		if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil {
			b, enc = d, EncGB18030
		}
	}
	return b, enc, sniffComma(b)
}

// openCSV decodes b and returns a source over it.
func openCSV(b []byte) *csvSource {
	b, _, comma := DecodeCSV(b)
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	// Records are not reused: rows are read a batch ahead (prefetch).
	r.Comma = comma
	return &csvSource{r: r, bytes: int64(len(b)), checkUTF8: !utf8.Valid(b)}
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
