package content

import (
	"cmp"
	"slices"
	"strings"
)

// maxSuggestions is how many names Suggest returns at most.
const maxSuggestions = 5

// Suggest returns up to five topic ids or aliases close to query, best
// first, for a "did you mean" line after a failed lookup. Names that
// begin with the query rank first, then names that contain it, then
// names within a small edit distance (about a third of the query's
// length, at least 2). Each topic appears once, under its closest name.
// It returns nil when nothing is close.
func (l *Library) Suggest(query string) []string {
	var cands []candidate
	for _, t := range l.topics {
		for _, name := range append([]string{t.ID}, t.Aliases...) {
			cands = append(cands, candidate{name: name, owner: t.ID})
		}
	}
	return suggest(normalizeID(query), cands)
}

// SuggestProblems is Suggest over problem ids.
func (l *Library) SuggestProblems(query string) []string {
	cands := make([]candidate, len(l.problems))
	for i, p := range l.problems {
		cands[i] = candidate{name: p.ID, owner: p.ID}
	}
	return suggest(normalizeID(query), cands)
}

// candidate is a name a user may type and the id of what it names.
type candidate struct {
	name, owner string
}

// Match classes of a suggestion, best first.
const (
	matchPrefix = iota
	matchContains
	matchEdit
)

func suggest(q string, cands []candidate) []string {
	if q == "" {
		return nil
	}
	type scored struct {
		candidate
		class, dist int
	}
	limit := max(2, len([]rune(q))/3)
	best := map[string]scored{} // by owner
	for _, c := range cands {
		s := scored{candidate: c, dist: editDistance(q, c.name)}
		switch {
		case strings.HasPrefix(c.name, q):
			s.class = matchPrefix
		case strings.Contains(c.name, q):
			s.class = matchContains
		case s.dist <= limit:
			s.class = matchEdit
		default:
			continue
		}
		if prev, ok := best[c.owner]; !ok || s.class < prev.class || (s.class == prev.class && s.dist < prev.dist) {
			best[c.owner] = s
		}
	}
	list := make([]scored, 0, len(best))
	for _, s := range best {
		list = append(list, s)
	}
	slices.SortFunc(list, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.class, b.class), cmp.Compare(a.dist, b.dist), cmp.Compare(a.name, b.name))
	})
	var out []string
	for _, s := range list[:min(len(list), maxSuggestions)] {
		out = append(out, s.name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
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
