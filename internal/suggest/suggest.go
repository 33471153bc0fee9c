// Package suggest ranks the names close to a mistyped one, for the
// "did you mean" line after a failed lookup: presets, topics, tables,
// labs, enum values and commands all use it, so every command suggests
// the same way.
//
// A name that begins with the query ranks first, then a name that
// contains it, then a name within a small Levenshtein edit distance
// (https://en.wikipedia.org/wiki/Levenshtein_distance): about a third of
// the query's length, at least 2.
package suggest

import (
	"cmp"
	"slices"
	"strings"
)

// Max is how many names Rank and Names return at most.
const Max = 5

// Candidate is a name a user may type and the id of what it names. An
// owner with several names (an id and its aliases) is suggested once,
// under its closest name.
type Candidate struct {
	Name, Owner string
}

// Names returns up to Max of names close to query, best first, or nil
// when none is close. The comparison ignores case and surrounding space.
func Names(query string, names ...string) []string {
	cands := make([]Candidate, len(names))
	for i, n := range names {
		cands[i] = Candidate{Name: n, Owner: n}
	}
	return Rank(strings.ToLower(strings.TrimSpace(query)), cands)
}

// Match classes of a suggestion, best first.
const (
	matchPrefix = iota
	matchContains
	matchEdit
)

// Rank returns up to Max candidate names close to q, best first, one per
// owner, or nil when none is close. q is compared as given.
func Rank(q string, cands []Candidate) []string {
	if q == "" {
		return nil
	}
	type scored struct {
		Candidate
		class, dist int
	}
	limit := max(2, len([]rune(q))/3)
	best := map[string]scored{} // by owner
	for _, c := range cands {
		s := scored{Candidate: c, dist: Distance(q, c.Name)}
		switch {
		case strings.HasPrefix(c.Name, q):
			s.class = matchPrefix
		case strings.Contains(c.Name, q):
			s.class = matchContains
		case s.dist <= limit:
			s.class = matchEdit
		default:
			continue
		}
		if prev, ok := best[c.Owner]; !ok || s.class < prev.class || (s.class == prev.class && s.dist < prev.dist) {
			best[c.Owner] = s
		}
	}
	list := make([]scored, 0, len(best))
	for _, s := range best {
		list = append(list, s)
	}
	slices.SortFunc(list, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.class, b.class), cmp.Compare(a.dist, b.dist), cmp.Compare(a.Name, b.Name))
	})
	var out []string
	for _, s := range list[:min(len(list), Max)] {
		out = append(out, s.Name)
	}
	return out
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
