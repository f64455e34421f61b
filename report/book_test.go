package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A text longer than a cell holds is cut on a character boundary, with an ellipsis.
func TestStrCutsLongTextOnACharacter(t *testing.T) {
	b := testBook(t)
	for _, c := range []struct {
		text  string
		runes int
	}{
		{strings.Repeat("行", 40000), 32001},       // 3 bytes a character: a byte cut would split one
		{"a" + strings.Repeat("工", 10700), 10701}, // more than 32,000 bytes, fewer characters: kept whole
	} {
		if err := b.str("Sheet1", 1, 1, c.text, 0); err != nil {
			t.Fatal(err)
		}
		got, err := b.f.GetCellValue("Sheet1", "A1")
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) != c.runes {
			t.Errorf("valid %v, %d characters, want %d", utf8.ValidString(got), utf8.RuneCountInString(got), c.runes)
		}
		if c.runes == 32001 && !strings.HasSuffix(got, "…") {
			t.Error("no ellipsis")
		}
	}
}
