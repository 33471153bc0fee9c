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
	// (more for repeated use; all headings together count as one use at
	// most, and so do all fenced code blocks); the whole query found in the
	// title adds 40.
	Score int `json:"score"`
	// Snippet is about 100 characters of body text, on one line, around
	// the first place a query word occurs, with Markdown markup removed;
	// the summary when no word occurs in the body's prose (headings and
	// fenced code blocks, diagrams included, are never cut into snippets).
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
	docs := l.index().docs
	for i := range docs {
		d := &docs[i]
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

// searchIndex holds each document's fields, lower-cased, ready to scan.
// It is built on the first Search, not by Load.
type searchIndex struct {
	docs []indexedDoc
}

// indexedDoc is one document as search sees it. Every lower-cased field
// has the same byte offsets as its original (see lowerSameLen), so a match
// found in lowerPlain is cut out of plain for the snippet.
type indexedDoc struct {
	kind      Kind
	id, title string
	summary   string
	plain     string // body prose without headings, code blocks or markup, on one line

	titleText  string // lower-case title words, space-separated (for the phrase bonus)
	lowerTitle string // title and id
	lowerKeys  string // tags and aliases
	lowerSum   string
	lowerPlain string
	lowerHead  string // the body's headings
	lowerCode  string // the words of the body's fenced code blocks
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
	plain, headings, code := plainText(body)
	return indexedDoc{
		kind: kind, id: id, title: title, summary: summary, plain: plain,
		titleText:  strings.Join(words(title), " "),
		lowerTitle: lowerSameLen(title + " " + id),
		lowerKeys:  lowerSameLen(strings.Join(keywords, " ")),
		lowerSum:   lowerSameLen(summary),
		lowerPlain: lowerSameLen(plain),
		lowerHead:  lowerSameLen(headings),
		lowerCode:  lowerSameLen(code),
	}
}

// score adds up where each term occurs; ok is false when some term occurs
// nowhere.
func (d *indexedDoc) score(terms []string) (score int, ok bool) {
	for _, t := range terms {
		s := 0
		if wordPrefixAt(d.lowerTitle, t, 0) >= 0 {
			s += weightTitle
		}
		if wordPrefixAt(d.lowerKeys, t, 0) >= 0 {
			s += weightKeyword
		}
		if wordPrefixAt(d.lowerSum, t, 0) >= 0 {
			s += weightSummary
		}
		n := countWordPrefix(d.lowerPlain, t, 3*weightBodyMax) +
			countWordPrefix(d.lowerHead, t, 1) + countWordPrefix(d.lowerCode, t, 1)
		if n > 0 {
			s += min(1+n/3, weightBodyMax)
		}
		if s == 0 {
			return 0, false
		}
		score += s
	}
	return score, true
}

// wordPrefixAt returns the offset of the first place at or after from
// where a word of text begins with t, or -1.
func wordPrefixAt(text, t string, from int) int {
	for from <= len(text) {
		i := strings.Index(text[from:], t)
		if i < 0 {
			return -1
		}
		i += from
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); i == 0 || !isWordRune(r) {
			return i
		}
		from = i + 1
	}
	return -1
}

// countWordPrefix counts the words of text that begin with t, stopping at
// limit.
func countWordPrefix(text, t string, limit int) int {
	n := 0
	for i := wordPrefixAt(text, t, 0); i >= 0 && n < limit; i = wordPrefixAt(text, t, i+len(t)) {
		n++
	}
	return n
}

// snippet cuts a window of about snippetWidth bytes of the plain body
// around the first word that begins with one of terms.
func (d *indexedDoc) snippet(terms []string) string {
	pos, end := -1, -1
	for _, t := range terms {
		if i := wordPrefixAt(d.lowerPlain, t, 0); i >= 0 && (pos < 0 || i < pos) {
			pos, end = i, i+len(t)
		}
	}
	if pos < 0 {
		return window(d.summary, 0, 0)
	}
	return window(d.plain, pos, end)
}

const snippetWidth = 100

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
		out = append(out, lowerSameLen(s[start:stop]))
		return true
	})
	return out
}

// eachWord calls f with the byte range of every run of letters and digits
// in s, until f returns false.
func eachWord(s string, f func(start, stop int) bool) {
	start := -1
	for i, r := range s {
		isWord := isWordRune(r)
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

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
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
