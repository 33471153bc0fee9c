package content

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says whether a search hit is a topic or a problem.
type Kind string

const (
	KindTopic   Kind = "topic"
	KindProblem Kind = "problem"
)

// Hit is one search result.
type Hit struct {
	Kind  Kind   `json:"kind"`
	ID    string `json:"id"`
	Title string `json:"title"`
	// Score ranks hits: higher is better. Each query word scores by where
	// it occurs: title or id 40, tags or aliases 20, summary 10, body 1–5
	// (more for repeated use); the whole query found in the title adds 40.
	Score int `json:"score"`
	// Snippet is about 100 characters of body text, on one line, around
	// the first place a query word occurs, with Markdown markup removed;
	// the summary when no word occurs in the body.
	Snippet string `json:"snippet"`
}

// Field weights of the score, documented on Hit.Score.
const (
	weightTitle   = 40
	weightKeyword = 20
	weightSummary = 10
	weightBodyMax = 5
	weightPhrase  = 40
)

// Search returns the topics and problems that contain every word of
// query (case-insensitive; a word matches any word it begins, so "shard"
// finds "sharding"), best first. Ties keep a stable order: topics before
// problems, then by id. An empty query returns nil.
func (l *Library) Search(query string) []Hit {
	terms := uniqueWords(query)
	if len(terms) == 0 {
		return nil
	}
	phrase := strings.Join(terms, " ")
	var hits []Hit
	for _, d := range l.index().docs {
		score, ok := d.score(terms)
		if !ok {
			continue
		}
		if len(terms) > 1 && strings.Contains(d.titleText, phrase) {
			score += weightPhrase
		}
		hits = append(hits, Hit{Kind: d.kind, ID: d.id, Title: d.title, Score: score, Snippet: d.snippet(terms)})
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), cmp.Compare(a.ID, b.ID))
	})
	return hits
}

func kindRank(k Kind) int {
	if k == KindTopic {
		return 0
	}
	return 1
}

// searchIndex holds, per document, the sorted distinct words of each
// field. It is built on the first Search, not by Load.
type searchIndex struct {
	docs []indexedDoc
}

type indexedDoc struct {
	kind      Kind
	id, title string
	titleText string // lower-case title and id words, space-separated
	summary   string
	plain     string // body text without headings or markup, on one line

	titleWords, keywords, summaryWords []string
	bodyWords                          []string
	bodyCounts                         []int // occurrences of bodyWords[i]
}

func (l *Library) buildIndex() *searchIndex {
	idx := &searchIndex{docs: make([]indexedDoc, 0, len(l.topics)+len(l.problems))}
	for _, t := range l.topics {
		idx.docs = append(idx.docs, newIndexedDoc(KindTopic, t.ID, t.Title, t.Summary, t.Body, slices.Concat(t.Tags, t.Aliases)))
	}
	for _, p := range l.problems {
		idx.docs = append(idx.docs, newIndexedDoc(KindProblem, p.ID, p.Title, p.Summary, p.Body, p.Tags))
	}
	return idx
}

func newIndexedDoc(kind Kind, id, title, summary, body string, keywords []string) indexedDoc {
	plain, headings := plainText(body)
	d := indexedDoc{kind: kind, id: id, title: title, summary: summary, plain: plain}
	titleWords := append(words(title), words(id)...)
	d.titleText = strings.Join(words(title), " ")
	d.titleWords = distinct(titleWords)
	d.keywords = distinct(words(strings.Join(keywords, " ")))
	d.summaryWords = distinct(words(summary))
	all := append(words(plain), words(headings)...)
	slices.Sort(all)
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j] == all[i] {
			j++
		}
		d.bodyWords = append(d.bodyWords, all[i])
		d.bodyCounts = append(d.bodyCounts, j-i)
		i = j
	}
	return d
}

// score adds up where each term occurs; ok is false when some term occurs
// nowhere.
func (d *indexedDoc) score(terms []string) (score int, ok bool) {
	for _, t := range terms {
		s := 0
		if hasPrefixWord(d.titleWords, t) {
			s += weightTitle
		}
		if hasPrefixWord(d.keywords, t) {
			s += weightKeyword
		}
		if hasPrefixWord(d.summaryWords, t) {
			s += weightSummary
		}
		if n := prefixCount(d.bodyWords, d.bodyCounts, t); n > 0 {
			s += min(1+n/3, weightBodyMax)
		}
		if s == 0 {
			return 0, false
		}
		score += s
	}
	return score, true
}

// hasPrefixWord reports whether some word of the sorted list begins with t.
func hasPrefixWord(sorted []string, t string) bool {
	i, _ := slices.BinarySearch(sorted, t)
	return i < len(sorted) && strings.HasPrefix(sorted[i], t)
}

// prefixCount adds the counts of the words of sorted that begin with t.
func prefixCount(sorted []string, counts []int, t string) int {
	n := 0
	i, _ := slices.BinarySearch(sorted, t)
	for ; i < len(sorted) && strings.HasPrefix(sorted[i], t); i++ {
		n += counts[i]
	}
	return n
}

const snippetWidth = 100

// snippet cuts a window of about snippetWidth bytes of the plain body
// around the first word that begins with one of terms.
func (d *indexedDoc) snippet(terms []string) string {
	pos, end := -1, -1
	eachWord(d.plain, func(start, stop int) bool {
		w := strings.ToLower(d.plain[start:stop])
		for _, t := range terms {
			if strings.HasPrefix(w, t) {
				pos, end = start, stop
				return false
			}
		}
		return true
	})
	if pos < 0 {
		return window(d.summary, 0, 0)
	}
	return window(d.plain, pos, end)
}

// window returns about snippetWidth bytes of s that include s[pos:end],
// starting a little before pos, cut at spaces, with "…" where text was cut.
func window(s string, pos, end int) string {
	if len(s) <= snippetWidth {
		return s
	}
	start := max(0, pos-snippetWidth/3)
	if start > 0 {
		if i := strings.IndexByte(s[start:pos], ' '); i >= 0 {
			start += i + 1
		} else {
			start = pos
		}
	}
	stop := min(len(s), max(start+snippetWidth, end))
	if stop < len(s) {
		if i := strings.LastIndexByte(s[end:stop], ' '); i >= 0 {
			stop = end + i
		}
		for stop > end && !utf8.RuneStart(s[stop]) {
			stop--
		}
	}
	out := strings.TrimSpace(s[start:stop])
	if start > 0 {
		out = "…" + out
	}
	if stop < len(s) {
		out += "…"
	}
	return out
}

// words splits s into lower-case runs of letters and digits.
func words(s string) []string {
	var out []string
	eachWord(s, func(start, stop int) bool {
		out = append(out, strings.ToLower(s[start:stop]))
		return true
	})
	return out
}

// eachWord calls f with the byte range of every run of letters and digits
// in s, until f returns false.
func eachWord(s string, f func(start, stop int) bool) {
	start := -1
	for i, r := range s {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case isWord && start < 0:
			start = i
		case !isWord && start >= 0:
			if !f(start, i) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(s))
	}
}

// uniqueWords returns the distinct words of s in their first order.
func uniqueWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// distinct sorts ws and removes repeats.
func distinct(ws []string) []string {
	slices.Sort(ws)
	return slices.Compact(ws)
}
