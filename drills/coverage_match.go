package drills

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sdprep/sdprep/content"
)

// pluralSuffixes are the endings allowed after a keyword's last word:
// none, "s" ("caches") and "es" ("indexes").
var pluralSuffixes = [...]string{"", "s", "es"}

// phrase is one part of a keyword: normalised words that must appear
// together, in order, as whole words, the last one optionally plural.
type phrase struct {
	// needles are " words ", " wordss " and " wordses ": a phrase
	// matches a normalised line that contains one of them.
	needles [len(pluralSuffixes)]string
	// keys are the words a line must hold for the phrase to match in it:
	// the first word of a multi-word phrase, or the plural forms of a
	// single word. The line index is looked up by them.
	keys []string
}

// keyword is a checklist keyword compiled for matching: it matches a line
// that holds every one of its parts (one part for a plain keyword).
type keyword struct {
	text  string // as written in the checklist, for the report
	parts []phrase
}

// compileKeyword compiles a checklist keyword. ok is false for a keyword
// with a part that has no letters or digits, which could match nothing
// (or, dropped, would make the keyword looser than written).
func compileKeyword(k string) (kw keyword, ok bool) {
	kw.text = strings.TrimSpace(k)
	for _, part := range content.KeywordParts(k) {
		words := strings.Fields(normalize(part))
		if len(words) == 0 {
			return keyword{}, false
		}
		kw.parts = append(kw.parts, newPhrase(words))
	}
	return kw, true
}

func newPhrase(words []string) phrase {
	var p phrase
	joined := strings.Join(words, " ")
	for i, s := range pluralSuffixes {
		p.needles[i] = " " + joined + s + " "
	}
	if len(words) > 1 {
		p.keys = []string{words[0]}
		return p
	}
	for _, s := range pluralSuffixes {
		p.keys = append(p.keys, words[0]+s)
	}
	return p
}

// in reports whether the phrase occurs in the normalised line.
func (p phrase) in(norm string) bool {
	for _, n := range p.needles {
		if strings.Contains(norm, n) {
			return true
		}
	}
	return false
}

// lineIndex holds normalised note lines and, for every word, the lines
// that hold it in ascending order, so that a keyword is checked only
// against the few lines that could match it.
type lineIndex struct {
	norm  []string
	words map[string][]int32
}

func newLineIndex(lines []string) *lineIndex {
	ix := &lineIndex{norm: make([]string, len(lines)), words: map[string][]int32{}}
	for i, l := range lines {
		ix.norm[i] = normalize(l)
		for w := range strings.FieldsSeq(ix.norm[i]) {
			at := ix.words[w]
			if n := len(at); n == 0 || at[n-1] != int32(i) {
				ix.words[w] = append(at, int32(i))
			}
		}
	}
	return ix
}

// candidates are the lines, ascending, that hold one of p's keys.
func (ix *lineIndex) candidates(p phrase) []int32 {
	var out []int32
	for n, k := range p.keys {
		at := ix.words[k]
		if n == 0 || len(out) == 0 {
			out = at
			continue
		}
		if len(at) > 0 {
			out = slices.Concat(out, at)
			slices.Sort(out)
		}
	}
	return out
}

// firstLine returns the first line before limit that holds every part of
// kw, or -1. It walks the lines of the part with the fewest candidates.
func (ix *lineIndex) firstLine(kw keyword, limit int) int {
	var lines []int32
	for i, p := range kw.parts {
		if c := ix.candidates(p); i == 0 || len(c) < len(lines) {
			lines = c
		}
	}
	for _, l := range lines {
		if int(l) >= limit {
			break
		}
		if kw.matches(ix.norm[l]) {
			return int(l)
		}
	}
	return -1
}

// matches reports whether every part of kw occurs in the normalised line.
func (kw keyword) matches(norm string) bool {
	for _, p := range kw.parts {
		if !p.in(norm) {
			return false
		}
	}
	return true
}

// findItem returns the first line that holds one of the item's keywords;
// on a line that holds several, the keyword listed first wins.
func findItem(it content.ChecklistItem, lines []string, ix *lineIndex) (CoveredItem, bool) {
	best, by := len(lines), ""
	for _, k := range it.Keywords {
		kw, ok := compileKeyword(k)
		if !ok {
			continue
		}
		if l := ix.firstLine(kw, best); l >= 0 {
			best, by = l, kw.text
		}
	}
	if by == "" {
		return CoveredItem{}, false
	}
	return CoveredItem{Item: it.Label, ID: it.ID, Line: strings.TrimSpace(lines[best]), LineNo: best + 1, Keyword: by}, true
}

// normalize lower-cases s and turns every run of characters that are not
// letters or digits into one space, with a space at each end, so that a
// word-boundary match is a substring match of " word ".
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		if r < utf8.RuneSelf { // ASCII: no table lookups
			r = asciiWordRune(r)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
		} else {
			r = ' '
		}
		if r != ' ' {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// asciiWordRune lower-cases an ASCII letter, keeps a digit and turns
// anything else into a space.
func asciiWordRune(r rune) rune {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		return r
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	}
	return ' '
}
