// Package fold makes the matching keys of names typed by people: headers, table and sheet names, roles and
// other enumerated values. Two spellings match when their keys are equal.
package fold

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/unicode/norm"
)

var (
	initOnce sync.Once
	t2s      *opencc.OpenCC
	cache    sync.Map // string → string
	cached   atomic.Int64
)

// maxCached bounds the cache: names recur, but a hostile file can hold millions of distinct strings.
const maxCached = 1 << 16

func converter() *opencc.OpenCC {
	initOnce.Do(func() {
		cc, err := opencc.New("t2s")
		if err == nil {
			t2s = cc
		}
	})
	return t2s
}

// Key folds s for matching: full-width to half-width (NFKC), letter case, all white space removed and
// traditional Chinese characters to simplified ones. Results are cached: the same few names recur in every row.
func Key(s string) string {
	if v, ok := cache.Load(s); ok {
		return v.(string)
	}
	k := norm.NFKC.String(StripInvisible(s))
	k = strings.ToLower(k)
	k = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, k)
	if hasHan(k) {
		if cc := converter(); cc != nil {
			if s2, err := cc.Convert(k); err == nil {
				k = s2
			}
		}
	}
	if cached.Load() < maxCached {
		cache.Store(s, k)
		cached.Add(1)
	}
	return k
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Width folds full-width forms to half-width (NFKC) and trims surrounding white space, keeping case and
// script: for values such as amounts, dates and ids.
func Width(s string) string {
	return strings.TrimFunc(norm.NFKC.String(StripInvisible(s)), unicode.IsSpace)
}

// invisible are characters that show as nothing: zero-width space, non-joiner and joiner, word joiner, a
// byte order mark inside text, soft hyphen. Pasted from web pages and chat tools, they make "MR26100001" and
// "MR26100001\u200b" two different keys that look the same.
const invisible = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

// StripInvisible removes the invisible characters from s.
func StripInvisible(s string) string {
	if !strings.ContainsAny(s, invisible) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(invisible, r) {
			return -1
		}
		return r
	}, s)
}
