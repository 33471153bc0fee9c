package content

import "github.com/sdprep/sdprep/internal/suggest"

// Suggest returns up to suggest.Max topic ids or aliases close to query,
// best first, for a "did you mean" line after a failed lookup (see
// package suggest for the ranking). Each topic appears once, under its
// closest name. It returns nil when nothing is close.
func (l *Library) Suggest(query string) []string {
	var cands []suggest.Candidate
	for _, t := range l.topics {
		for _, name := range append([]string{t.ID}, t.Aliases...) {
			cands = append(cands, suggest.Candidate{Name: name, Owner: t.ID})
		}
	}
	return suggest.Rank(normalizeID(query), cands)
}

// SuggestProblems is Suggest over problem ids.
func (l *Library) SuggestProblems(query string) []string {
	cands := make([]suggest.Candidate, len(l.problems))
	for i, p := range l.problems {
		cands[i] = suggest.Candidate{Name: p.ID, Owner: p.ID}
	}
	return suggest.Rank(normalizeID(query), cands)
}
