package importers

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"payout/internal/fold"
	"payout/internal/msg"
	"payout/model"
)

// The value parsers below take a cell's text (for xlsx: the stored raw value) and return the typed value or
// a plain reason (a msg format taking the quoted cell text). They never panic, whatever the bytes.

// isGrouped reports whether t is digits grouped by thousands, with an optional fraction:
// [0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)? (written out: a regular expression takes seconds on a 10 MB cell).
func isGrouped(t string) bool {
	i := digitsAt(t, 0)
	if i < 1 || i > 3 {
		return false
	}
	groups := 0
	for i < len(t) && t[i] == ',' {
		if digitsAt(t, i+1) != i+4 {
			return false
		}
		i += 4
		groups++
	}
	if groups == 0 {
		return false
	}
	if i < len(t) && t[i] == '.' {
		i = digitsAt(t, i+1)
	}
	return i == len(t)
}

// isPlain reports whether t is a plain number: ([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?, in one pass.
func isPlain(t string) bool {
	i := digitsAt(t, 0)
	intDigits := i
	if i < len(t) && t[i] == '.' {
		j := digitsAt(t, i+1)
		if intDigits == 0 && j == i+1 {
			return false
		}
		i = j
	} else if intDigits == 0 {
		return false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		j := digitsAt(t, i)
		if j == i || j-i > 3 {
			return false
		}
		i = j
	}
	return i == len(t)
}

// digitsAt is the index after the ASCII digits of t from i on.
func digitsAt(t string, i int) int {
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i
}

// ParseAmount reads a money amount or a plain number: "1234.5", "1,234.50", "¥1,234.50", "￥1234", "-12.5",
// full-width digits, surrounding spaces, an optional trailing 元. Numbers with more than 15 significant
// digits (binary floating-point noise such as 1234.5600000000001 written by a spreadsheet) are rounded to
// 15 significant digits, the precision Excel itself keeps.
func ParseAmount(s string) (decimal.Decimal, string) {
	if plainNumber(s) {
		// Fast path for what a spreadsheet stores: ASCII digits with an optional sign and point.
		if d, err := decimal.NewFromString(s); err == nil {
			return checkMagnitude(excelPrecision(d))
		}
	}
	t := fold.Width(s)
	t = strings.TrimSuffix(t, "元")
	t = strings.TrimSpace(t)
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	}
	t = strings.TrimPrefix(t, "¥")
	t = strings.TrimPrefix(t, "RMB")
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "-") && !neg {
		neg, t = true, t[1:]
	} else if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	if strings.Contains(t, ",") {
		if !isGrouped(t) {
			return decimal.Zero, msg.ValNotAmount
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	if !isPlain(t) {
		return decimal.Zero, msg.ValNotAmount
	}
	if len(t) > maxShortNumber {
		var bad string
		if t, bad = shortNumber(t); bad != "" {
			return decimal.Zero, bad
		}
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, msg.ValNotAmount
	}
	d = excelPrecision(d)
	if neg {
		d = d.Neg()
	}
	return checkMagnitude(d)
}

// maxAmount bounds amounts and numbers: 10^15 (a thousand trillion) is no figure of a month's payroll, and
// a value like 1e400 from a broken export is an error, not a number to compute with.
var maxAmount = decimal.New(1, 15)

func checkMagnitude(d decimal.Decimal) (decimal.Decimal, string) {
	if d.Abs().GreaterThanOrEqual(maxAmount) {
		return decimal.Zero, msg.ValTooLarge
	}
	return d, ""
}

// maxShortNumber is the longest numeric text handed to the decimal parser as it is: longer ones (a 10 MB cell
// of digits) are first cut to their significant digits by shortNumber, since parsing a number's text whole
// takes time quadratic in its length.
const maxShortNumber = 64

// minExponent bounds how small a number's last significant digit may be: 1e-999 is the smallest the short
// forms write, and no spreadsheet number is anywhere near that small.
const minExponent = -1100

// shortNumber rewrites a long number matched by isPlain as at most 16 significant digits and an exponent, in
// time linear in its length. Rounding to 15 significant digits (excelPrecision) gives the same value as on
// the whole text: rounding half away from zero looks at the 16th digit only. A number of more than 15
// integer digits is too large; one whose digits lie beyond minExponent is not an amount.
func shortNumber(t string) (string, string) {
	mant, exp := t, 0
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		mant = t[:i]
		exp, _ = strconv.Atoi(strings.TrimPrefix(t[i+1:], "+")) // at most 3 digits (isPlain)
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	e := exp - len(frac)
	if digits == "" {
		return "0", ""
	}
	if len(digits)+e > 15 {
		return "", msg.ValTooLarge
	}
	if len(digits) > 16 {
		e += len(digits) - 16
		digits = digits[:16]
	}
	if e < minExponent {
		return "", msg.ValNotAmount
	}
	return digits + "e" + strconv.Itoa(e), ""
}

// plainNumber reports whether s is an optional '-', digits and at most one '.', with a digit.
func plainNumber(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	i := 0
	if s[0] == '-' {
		i = 1
	}
	digits, points := 0, 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// excelPrecision rounds d to 15 significant digits when it has more.
func excelPrecision(d decimal.Decimal) decimal.Decimal {
	digits := len(d.Coefficient().String())
	if d.IsZero() || digits <= 15 {
		return d
	}
	// digits before the decimal point = digits + exponent
	intDigits := digits + int(d.Exponent())
	places := 15 - intDigits
	if places < 0 {
		places = 0
	}
	return d.Round(int32(places))
}

// ParseRatio reads 0.3, 30%, 30 ％ as a decimal fraction.
func ParseRatio(s string) (decimal.Decimal, string) {
	t := fold.Width(s)
	if strings.HasSuffix(t, "%") {
		v, bad := ParseAmount(strings.TrimSuffix(t, "%"))
		if bad != "" {
			return decimal.Zero, msg.ValNotRatio
		}
		return v.Shift(-2), ""
	}
	v, bad := ParseAmount(t)
	if bad != "" {
		return decimal.Zero, msg.ValNotRatio
	}
	return v, ""
}

var reDate = regexp.MustCompile(`^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(?:(?:[T\s]+|$)(.*))$`)
var reYearMonth = regexp.MustCompile(`^(19|20)[0-9]{2}[.][0-9]{1,2}$`)

// reTime is a time of day after a date: 15:04, 15:04:05.123, 3:04 PM, 下午 3:04:00 (as Chinese Windows writes
// it), 15时4分5秒, with an optional zone. Groups: hour, minute, second (clock or 时分秒 form), and the marks.
var reTime = regexp.MustCompile(`^(?:(上午|下午|中午|晚上|凌晨|am|pm)\s*)?([0-9]{1,2})(?::([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?|时(?:([0-9]{1,2})分(?:([0-9]{1,2})秒)?)?)\s*(am|pm|上午|下午)?\s*(z|[+-][0-9]{2}:?[0-9]{2})?$`)

// validTime reports whether s is empty or a time of day that exists (no 25:00 or 99:99).
func validTime(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return true
	}
	m := reTime.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	num := func(a, b string) int {
		if a == "" {
			a = b
		}
		n, _ := strconv.Atoi(a)
		return n
	}
	h, mi, se := num(m[2], ""), num(m[3], m[5]), num(m[4], m[6])
	maxH := 23
	if m[1] != "" || m[7] != "" {
		maxH = 12 // with a morning/afternoon mark
	}
	return h <= maxH && mi <= 59 && se <= 59
}

// ParseDate reads an Excel serial number (with the workbook's 1904 flag) or a date written as 2026-10-03,
// 2026/10/3, 2026.10.03 or 2026年10月3日, each optionally followed by a time of day (ignored).
func ParseDate(s string, date1904 bool) (model.Date, string) {
	t := s
	if !plainNumber(s) {
		t = fold.Width(s)
	}
	if m := reDate.FindStringSubmatch(t); m != nil {
		if !validTime(m[4]) {
			return model.Date{}, msg.ValNotDate
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) {
			return model.Date{}, msg.ValNoSuchDate
		}
		return model.Date{Year: y, Month: time.Month(mo), Day: d}, ""
	}
	if reYearMonth.MatchString(t) {
		// "2026.10" is a year and a month, not the Excel serial 2026.1 (1905-07-18).
		return model.Date{}, msg.ValNotDate
	}
	v, bad := ParseAmount(t)
	if bad != "" || strings.ContainsAny(t, ",¥") {
		return model.Date{}, msg.ValNotDate
	}
	// The serial's fraction is a time of day; only the day is used.
	last := int64(2958465) // 9999-12-31 in the 1900 system
	if date1904 {
		last = 2957003
	}
	if v.LessThan(decimal.NewFromInt(1)) || v.GreaterThan(decimal.NewFromInt(last)) {
		return model.Date{}, msg.ValNotDate
	}
	day := v.Floor().IntPart()
	var base time.Time
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		// Excel's 1900 system counts a non-existent 1900-02-29 (serial 60); serials from 61 on are one day ahead.
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if day < 61 {
			base = base.AddDate(0, 0, 1)
		}
	}
	dt := base.AddDate(0, 0, int(day))
	return model.Date{Year: dt.Year(), Month: dt.Month(), Day: dt.Day()}, ""
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseBool reads 是/否, Y/N, yes/no, true/false, 1/0, √/× (any case; Excel boolean cells are stored as 1/0).
func ParseBool(s string) (bool, string) {
	switch strings.ToLower(fold.Width(s)) {
	case "是", "y", "yes", "true", "1", "√", "✓", "✔", "t":
		return true, ""
	case "否", "n", "no", "false", "0", "×", "✗", "✘", "x", "f":
		return false, ""
	}
	return false, msg.ValNotBool
}

// isASCIIWord reports whether s is made of ASCII letters, digits, '-' and '_' only (nothing to trim or fold),
// and does not look like a number in exponent form.
func isASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' && c != 'E' || c >= 'a' && c <= 'z' && c != 'e' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

var reSciInt = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?[eE]\+?[0-9]+$|^[0-9]+\.0+$`)

// ParseID trims an id. A number stored in a cell is read as its stored value: 1001 stays "1001"; a
// value written in exponent form or with a zero fraction by a program (1.001E3, 1001.0) is read as the
// whole number it stands for.
//
// An id written by payout's own CSV writer behind its formula guard ('=1+1, '-7: an apostrophe before = + - @)
// is read without the apostrophe. Invalid UTF-8 is kept byte for byte; the valid text around it is folded.
func ParseID(s string) string {
	if isASCIIWord(s) {
		return s
	}
	t := widthValid(s)
	for len(t) > 1 && t[0] == '\'' && strings.IndexByte(formulaGuarded, t[1]) >= 0 {
		t = t[1:]
	}
	if len(t) <= maxShortNumber && reSciInt.MatchString(t) {
		if d, err := decimal.NewFromString(t); err == nil && d.IsInteger() && d.Exponent() < 30 {
			return d.String()
		}
	}
	return t
}

// formulaGuarded are the first characters a CSV writer puts an apostrophe before so that a spreadsheet does
// not run the cell as a formula.
const formulaGuarded = "=+-@"

// widthValid is fold.Width for text that may hold invalid UTF-8: each run of invalid bytes becomes one U+FFFD
// first, so that the result is valid text and does not depend on what surrounds it (NFKC skips the valid
// text after an invalid byte when the text starts with it), and two invalid bytes around an invisible
// character that is dropped cannot join into a character (FuzzParseID: "\xc2\u00ad\xad" gave "\u00ad").
func widthValid(s string) string {
	return fold.Width(strings.ToValidUTF8(s, "\uFFFD"))
}

// ParseText trims surrounding spaces (full-width too) of free text and drops invisible characters
// (zero-width spaces and the like, fold.StripInvisible).
func ParseText(s string) string {
	return strings.TrimFunc(fold.StripInvisible(s), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\r' || r == '\n'
	})
}

// maxExcerpt is how many characters of a cell's value a message quotes: enough to recognise the value, and
// a 10 MB cell does not make a 10 MB message.
const maxExcerpt = 48

// excerpt is what an issue quotes of a cell's value: the value itself when short, else its first
// maxExcerpt characters and its length. Every message that quotes a cell value goes through it.
func excerpt(s string) string {
	i, n := 0, 0
	for i < len(s) && n < maxExcerpt {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		n++
	}
	if i >= len(s) {
		return s
	}
	return fmt.Sprintf(msg.Excerpt, s[:i], len(s))
}
