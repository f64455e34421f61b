package report

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"payout/calc"
)

// maxNameBytes is the longest file name, extension included, that every file system the tool runs on
// takes: 255 bytes (ext4, APFS; NTFS counts 255 UTF-16 units, which 255 UTF-8 bytes never exceed).
const maxNameBytes = 255

// payslipExt is the payslip's extension; payslipSuffixRoom is kept free in every payslip name for the
// number that tells two colliding names apart ("~12345").
const (
	payslipExt        = ".xlsx"
	payslipSuffixRoom = 8
)

// PayslipName is the file name of an employee's payslip on its own: <id>-<name>.xlsx, sanitised and cut
// to leave room for a collision number. PayslipNames gives the names actually written for a whole month.
func PayslipName(id, name string) string {
	return sanitize(id+"-"+name, maxNameBytes-len(payslipExt)-payslipSuffixRoom) + payslipExt
}

// PayslipNames are the file names of the month's payslips, one per employee in order: PayslipName, except
// that a name that would be the same file as an earlier one (equal after sanitising, or differing only in
// case or Unicode normalisation, which Windows and macOS do not tell apart) gets "~2", "~3" … before the
// extension. Ids are unique, so every employee gets a file of their own.
func PayslipNames(emps []calc.EmployeeResult) []string {
	names := make([]string, len(emps))
	used := map[string]bool{}
	// First pass: every name that is free as it is keeps it, so that a number added in the second pass
	// can never take the plain name of a later employee.
	for i, e := range emps {
		n := PayslipName(e.ID, e.Name)
		if k := nameKey(n); !used[k] {
			used[k] = true
			names[i] = n
		}
	}
	for i, e := range emps {
		if names[i] != "" {
			continue
		}
		stem := strings.TrimSuffix(PayslipName(e.ID, e.Name), payslipExt)
		for n := 2; ; n++ {
			cand := stem + "~" + strconv.Itoa(n) + payslipExt
			if k := nameKey(cand); !used[k] {
				used[k] = true
				names[i] = cand
				break
			}
		}
	}
	return names
}

// nameKey is what makes two file names the same file on a case-insensitive, normalising file system.
func nameKey(name string) string {
	return cases.Fold().String(norm.NFC.String(name))
}

// SanitizeFileName makes a name from employee data safe as one file name on any system: no path
// separators, no "..", no control characters, none of the characters Windows forbids, no invisible or
// bidirectional-control characters (U+202E would show "gpj.exe" as "exe.jpg"), no leading or trailing dots
// and spaces, no Windows device name (CON, NUL, COM1 …), and at most 255 bytes, cut on a character.
func SanitizeFileName(s string) string {
	return sanitize(s, maxNameBytes)
}

func sanitize(s string, maxBytes int) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case invisibleInName(r):
			// dropped
		case unicode.IsControl(r), strings.ContainsRune(`/\:*?"<>|`, r), r == utf8.RuneError:
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	for strings.Contains(out, "..") {
		out = strings.ReplaceAll(out, "..", "_")
	}
	out = strings.Trim(out, ". ")
	if len(out) > maxBytes {
		out = strings.TrimRight(cutBytes(out, maxBytes), ". ")
	}
	if out == "" {
		out = "_"
	}
	if windowsDevice(out) {
		out = "_" + out
	}
	return out
}

// invisibleInName reports a character that shows as nothing or reorders what is shown: format characters
// (zero-width spaces and joiners, bidirectional controls and isolates, a BOM, the soft hyphen), variation
// selectors and the other default-ignorable code points (Hangul fillers …). Two names that look the same
// must be the same name, and a name must show as what it is.
func invisibleInName(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || r == '\u2028' || r == '\u2029'
}

// cutBytes is the longest prefix of s of at most n bytes that ends on a character boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// windowsDevice reports a name Windows takes for a device whatever its extension: CON, PRN, AUX, NUL,
// COM0-9 and LPT0-9 (also with the superscript digits).
func windowsDevice(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if r := []rune(stem); len(r) == 4 && (string(r[:3]) == "COM" || string(r[:3]) == "LPT") {
		return unicode.IsDigit(r[3]) || strings.ContainsRune("¹²³", r[3])
	}
	return false
}
