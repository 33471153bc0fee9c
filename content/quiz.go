package content

import (
	"embed"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// The quiz banks: one Markdown file per area, in the format that
// FORMAT.md ("Quiz banks") describes.
//
//go:embed quizzes/*.md
var quizFiles embed.FS

// QuizFS returns the embedded quiz banks: quizzes/*.md.
func QuizFS() fs.FS { return quizFiles }

var loadQuizzes = sync.OnceValues(func() (*QuizBank, error) { return LoadQuizzes(quizFiles) })

// DefaultQuizzes returns the embedded quiz bank, loaded on first use and
// shared afterwards.
func DefaultQuizzes() (*QuizBank, error) { return loadQuizzes() }

// Question is one scenario question of a quiz bank. Values returned by a
// QuizBank are shared; treat them as read-only.
type Question struct {
	// ID is the kebab-case id, unique over every bank; progress is kept
	// under it, so it never changes once published.
	ID string `json:"id"`
	// Topics are the ids of the topics the question drills, at least one.
	// A question missed sends the user to these pages.
	Topics []string `json:"topics"`
	// Stem describes the system and asks the question. Paragraphs are
	// separated by a blank line ("\n\n").
	Stem string `json:"stem"`
	// Options are the answers offered, 3 to 5, in the order shown.
	Options []Option `json:"options"`
	// File is the bank the question is in, e.g. "quizzes/caching.md".
	File string `json:"-"`
	// Line is the 1-based line of the question's "## id" heading.
	Line int `json:"-"`
}

// Option is one answer offered by a Question.
type Option struct {
	// Text is the answer as shown, one line.
	Text string `json:"text"`
	// Correct reports whether choosing this option answers the question
	// right. When several options are correct, each of them alone is a
	// right answer and choosing any one scores.
	Correct bool `json:"correct"`
	// Explanation says why the option is right or why it is wrong.
	Explanation string `json:"explanation"`
}

// Area is the bank a question belongs to: its file name without ".md"
// ("caching" for quizzes/caching.md).
func (q *Question) Area() string { return strings.TrimSuffix(path.Base(q.File), ".md") }

// IsCorrect reports whether choosing option i (0-based) answers q right.
// An index out of range is wrong.
func (q *Question) IsCorrect(i int) bool {
	return i >= 0 && i < len(q.Options) && q.Options[i].Correct
}

// Drills reports whether q lists topicID among its topics.
func (q *Question) Drills(topicID string) bool { return slices.Contains(q.Topics, topicID) }

// QuizBank is every question of a set of bank files. It is read-only
// after LoadQuizzes and safe for concurrent use.
type QuizBank struct {
	questions []*Question // file order, then order within the file
	byID      map[string]*Question
}

// LoadQuizzes reads quizzes/*.md from fsys. It fails if any file cannot be
// parsed, reporting every such file (errors.Join of *Error values that
// name the file and line). Whether the questions obey the format's rules
// beyond syntax (option counts, explanations, known topics, unique ids)
// is ValidateQuizzes's job.
func LoadQuizzes(fsys fs.FS) (*QuizBank, error) {
	names, err := fs.Glob(fsys, "quizzes/*.md")
	if err != nil {
		return nil, err
	}
	b := &QuizBank{byID: map[string]*Question{}}
	var errs []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err == nil {
			var qs []*Question
			if qs, err = ParseQuiz(name, data); err == nil {
				b.questions = append(b.questions, qs...)
				continue
			}
		}
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, q := range b.questions {
		if _, taken := b.byID[q.ID]; !taken {
			b.byID[q.ID] = q
		}
	}
	return b, nil
}

// Questions returns every question, by file and then in file order. The
// slice is a copy; the questions are shared.
func (b *QuizBank) Questions() []*Question { return slices.Clone(b.questions) }

// Len is the number of questions in the bank.
func (b *QuizBank) Len() int { return len(b.questions) }

// Question looks a question up by id.
func (b *QuizBank) Question(id string) (*Question, bool) {
	q, ok := b.byID[id]
	return q, ok
}

// ForTopic returns the questions that drill the topic with the given id
// (an id, not an alias: resolve aliases with Library.Topic first), in
// bank order. It returns nil when none does.
func (b *QuizBank) ForTopic(topicID string) []*Question {
	var out []*Question
	for _, q := range b.questions {
		if q.Drills(topicID) {
			out = append(out, q)
		}
	}
	return out
}

// AreaCount is the number of questions in one bank file.
type AreaCount struct {
	Area  string `json:"area"`
	Count int    `json:"count"`
}

// Areas counts the questions of each bank file, in file order.
func (b *QuizBank) Areas() []AreaCount {
	var out []AreaCount
	for _, q := range b.questions {
		if n := len(out); n == 0 || out[n-1].Area != q.Area() {
			out = append(out, AreaCount{Area: q.Area()})
		}
		out[len(out)-1].Count++
	}
	return out
}
