// Package content is sdprep's library of system-design material: one
// Markdown file per concept (topics/*.md) and per classic interview
// question (problems/*.md), embedded in the binary. The format of the
// files is described in FORMAT.md next to them.
//
// Load parses a file system of such files into a Library, which lists
// topics by category, looks them up by id or alias, suggests close ids
// for typos, and ranks full-text search hits. Validate checks a Library
// against the rules of the format (required sections, resolvable related
// ids, existing estimate presets, unique ids); a test runs it over the
// embedded files, so a bad file fails the build's tests rather than a
// user's session.
//
// Parsing is deliberately small: a `---` front-matter block of
// `key: value` lines with inline lists, and a body cut at its `##` and
// `###` headings. Loading all 77 embedded files makes about 5,400
// allocations totalling 2.3 MB (BenchmarkLoad); the search index is built
// on the first Search, not by Load.
package content

import (
	"cmp"
	"embed"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

//go:embed topics/*.md problems/*.md
var embedded embed.FS

// FS returns the embedded content: topics/*.md and problems/*.md.
func FS() fs.FS { return embedded }

var loadDefault = sync.OnceValues(func() (*Library, error) { return Load(embedded) })

// Default returns the library of embedded content, loaded on first use
// and shared afterwards.
func Default() (*Library, error) { return loadDefault() }

// Library is a loaded set of topics and problems. It is read-only after
// Load and safe for concurrent use.
type Library struct {
	topics   []*Topic // in listing order
	problems []*Problem
	topicKey map[string]*Topic // ids, then aliases; the first in listing order wins
	problem  map[string]*Problem
	index    func() *searchIndex
}

// Load reads topics/*.md and problems/*.md from fsys. It fails if any
// file cannot be parsed, reporting every such file (errors.Join of
// *Error values that name the file and line). Whether the content obeys
// the format's rules beyond syntax is Validate's job.
func Load(fsys fs.FS) (*Library, error) {
	lib := &Library{topicKey: map[string]*Topic{}, problem: map[string]*Problem{}}
	var errs []error
	topicFiles, err := fs.Glob(fsys, "topics/*.md")
	if err != nil {
		return nil, err
	}
	problemFiles, err := fs.Glob(fsys, "problems/*.md")
	if err != nil {
		return nil, err
	}
	for _, name := range topicFiles {
		data, err := fs.ReadFile(fsys, name)
		if err == nil {
			var t *Topic
			if t, err = ParseTopic(name, data); err == nil {
				lib.topics = append(lib.topics, t)
				continue
			}
		}
		errs = append(errs, err)
	}
	for _, name := range problemFiles {
		data, err := fs.ReadFile(fsys, name)
		if err == nil {
			var p *Problem
			if p, err = ParseProblem(name, data); err == nil {
				lib.problems = append(lib.problems, p)
				continue
			}
		}
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sortTopics(lib.topics)
	slices.SortStableFunc(lib.problems, func(a, b *Problem) int { return cmp.Compare(a.ID, b.ID) })
	// Ids first, so an alias can never hide another topic's id.
	for _, t := range lib.topics {
		if _, taken := lib.topicKey[t.ID]; !taken {
			lib.topicKey[t.ID] = t
		}
	}
	for _, t := range lib.topics {
		for _, a := range t.Aliases {
			if _, taken := lib.topicKey[a]; !taken {
				lib.topicKey[a] = t
			}
		}
	}
	for _, p := range lib.problems {
		if _, taken := lib.problem[p.ID]; !taken {
			lib.problem[p.ID] = p
		}
	}
	lib.index = sync.OnceValue(lib.buildIndex)
	return lib, nil
}

// sortTopics puts topics in listing order: category, then title without
// regard to case, then id.
func sortTopics(topics []*Topic) {
	titles := make(map[*Topic]string, len(topics))
	for _, t := range topics {
		titles[t] = strings.ToLower(t.Title)
	}
	slices.SortStableFunc(topics, func(a, b *Topic) int {
		return cmp.Or(
			cmp.Compare(a.Category.rank(), b.Category.rank()),
			cmp.Compare(a.Category, b.Category),
			cmp.Compare(titles[a], titles[b]),
			cmp.Compare(a.ID, b.ID),
		)
	})
}

// Topics returns every topic in listing order: by category (architecture,
// patterns, scalability, data, infrastructure, fundamentals), then by
// title. The slice is a copy; the topics are shared.
func (l *Library) Topics() []*Topic { return slices.Clone(l.topics) }

// Problems returns every problem, sorted by id. The slice is a copy; the
// problems are shared.
func (l *Library) Problems() []*Problem { return slices.Clone(l.problems) }

// Topic looks a topic up by id or alias. Case, surrounding space and the
// separators ' ' and '_' are forgiven: "CAP theorem" finds cap-theorem.
func (l *Library) Topic(idOrAlias string) (*Topic, bool) {
	t, ok := l.topicKey[normalizeID(idOrAlias)]
	return t, ok
}

// Problem looks a problem up by id, forgiving case and separators as
// Topic does.
func (l *Library) Problem(id string) (*Problem, bool) {
	p, ok := l.problem[normalizeID(id)]
	return p, ok
}

// TopicEntries returns the listing form of every topic, in listing order.
func (l *Library) TopicEntries() []TopicEntry {
	out := make([]TopicEntry, len(l.topics))
	for i, t := range l.topics {
		out[i] = t.Entry()
	}
	return out
}

// ProblemEntries returns the listing form of every problem, by id.
func (l *Library) ProblemEntries() []ProblemEntry {
	out := make([]ProblemEntry, len(l.problems))
	for i, p := range l.problems {
		out[i] = p.Entry()
	}
	return out
}

// CategoryGroup is one category of a listing with its topics.
type CategoryGroup struct {
	Category Category `json:"category"`
	// Title is the heading to print, e.g. "Scalability & reliability".
	Title  string   `json:"title"`
	Topics []*Topic `json:"-"`
}

// Categories groups the topics by category, in listing order. Categories
// without topics are left out; topics with an invalid category come last,
// one group per value.
func (l *Library) Categories() []CategoryGroup {
	var out []CategoryGroup
	for _, t := range l.topics {
		if n := len(out); n == 0 || out[n-1].Category != t.Category {
			out = append(out, CategoryGroup{Category: t.Category, Title: t.Category.Title()})
		}
		g := &out[len(out)-1]
		g.Topics = append(g.Topics, t)
	}
	return out
}

// normalizeID turns what a user typed into the form of an id: trimmed,
// lower-case, with each run of spaces and underscores as one hyphen.
func normalizeID(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '_' || r == '\t'
	})
	return strings.Join(words, "-")
}
