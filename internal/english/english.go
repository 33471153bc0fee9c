// Package english holds sdprep's one plural helper, so every mode counts
// things the same way: "1 card", "2 cards", "3 batches", "1,024 reviews".
package english

import (
	"strings"

	"github.com/dustin/go-humanize"
)

// Noun is noun in the plural unless n is exactly one: "write", "writes";
// nouns ending in ch, sh, ss or x take es ("batches").
func Noun[N ~int | ~int64 | ~float64](n N, noun string) string {
	if n == 1 {
		return noun
	}
	for _, suffix := range []string{"ch", "sh", "ss", "x"} {
		if strings.HasSuffix(noun, suffix) {
			return noun + "es"
		}
	}
	return noun + "s"
}

// Count writes n with thousands separators and the noun, plural unless n
// is one: "1 card", "12,345 reviews".
func Count[N ~int | ~int64](n N, noun string) string {
	return humanize.Comma(int64(n)) + " " + Noun(n, noun)
}
