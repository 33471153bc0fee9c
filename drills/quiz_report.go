package drills

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sdprep/sdprep/content"
)

// QuizSummary is the score of a quiz and what to read next.
type QuizSummary struct {
	// Answered is the number of questions answered.
	Answered int `json:"answered"`
	// Correct is the number answered right.
	Correct int `json:"correct"`
	// Missed are the ids of the questions answered wrong, in quiz order.
	// Never nil.
	Missed []string `json:"missed"`
	// Topics are the topics of the missed questions, most missed first
	// (then in the order they were first missed). Never nil.
	Topics []TopicMiss `json:"topics_missed"`
}

// TopicMiss is one topic of the missed questions.
type TopicMiss struct {
	// Topic is the topic id.
	Topic string `json:"topic"`
	// Missed is how many missed questions drill it.
	Missed int `json:"missed"`
	// Learn is the command that opens the topic's page.
	Learn string `json:"learn"`
}

// SummarizeQuiz scores a list of answers.
func SummarizeQuiz(answers []QuizAnswer) QuizSummary {
	s := QuizSummary{Answered: len(answers), Missed: []string{}, Topics: []TopicMiss{}}
	for _, a := range answers {
		if a.Correct {
			s.Correct++
			continue
		}
		s.Missed = append(s.Missed, a.QuestionID)
		for _, t := range a.Topics {
			i := slices.IndexFunc(s.Topics, func(m TopicMiss) bool { return m.Topic == t })
			if i < 0 {
				s.Topics = append(s.Topics, TopicMiss{Topic: t, Learn: "sdprep learn " + t})
				i = len(s.Topics) - 1
			}
			s.Topics[i].Missed++
		}
	}
	slices.SortStableFunc(s.Topics, func(a, b TopicMiss) int { return cmp.Compare(b.Missed, a.Missed) })
	return s
}

// Percent is the share of answered questions answered right, rounded
// down to a whole percent; 0 when nothing was answered.
func (s QuizSummary) Percent() int {
	if s.Answered == 0 {
		return 0
	}
	return s.Correct * 100 / s.Answered
}

// Marks put before an option in printed quizzes.
const (
	MarkCorrect = "✓"
	MarkWrong   = "✗"
)

// mdEscape escapes the characters that would turn the banks' plain text
// into Markdown markup: emphasis, code, links and HTML tags.
var mdEscape = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`, "]", `\]`)

// QuizMarkdown prints questions with their answers and explanations as
// Markdown, for notes: one "##" section per question with its topics, its
// stem and its options numbered as in the quiz, each marked ✓ or ✗ and
// followed by its explanation. title is the level-1 heading.
func QuizMarkdown(title string, questions []*content.Question) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", title)
	for i, q := range questions {
		fmt.Fprintf(&b, "\n## %d. %s\n\nTopics: %s\n\n%s\n", i+1, q.ID, strings.Join(q.Topics, ", "), mdEscape.Replace(q.Stem))
		for j, o := range q.Options {
			mark := MarkWrong
			if o.Correct {
				mark = MarkCorrect
			}
			fmt.Fprintf(&b, "\n%d. %s %s\n\n   %s\n", j+1, mark, mdEscape.Replace(o.Text), mdEscape.Replace(o.Explanation))
		}
	}
	return b.String()
}

// QuizText prints questions with their answers and explanations as plain
// text wrapped to width columns (80 when width <= 0): the layout of
// QuizMarkdown without markup.
func QuizText(title string, questions []*content.Question, width int) string {
	if width <= 0 {
		width = 80
	}
	var b strings.Builder
	b.WriteString(title + "\n")
	for i, q := range questions {
		fmt.Fprintf(&b, "\n%d. %s (%s)\n\n", i+1, q.ID, strings.Join(q.Topics, ", "))
		for j, para := range strings.Split(q.Stem, "\n\n") {
			if j > 0 {
				b.WriteString("\n")
			}
			b.WriteString(wrapWords(para, width, "") + "\n")
		}
		for j, o := range q.Options {
			mark := MarkWrong
			if o.Correct {
				mark = MarkCorrect
			}
			fmt.Fprintf(&b, "\n%s\n%s\n", wrapWords(fmt.Sprintf("  %d. %s %s", j+1, mark, o.Text), width, "       "), wrapWords("       "+o.Explanation, width, "       "))
		}
	}
	return b.String()
}

// wrapWords breaks s at spaces so that lines fit width columns where the
// words allow, starting each line after the first with indent.
func wrapWords(s string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(s) {
		n := utf8.RuneCountInString(w)
		switch {
		case i == 0:
			lead := len(s) - len(strings.TrimLeft(s, " "))
			b.WriteString(s[:lead])
			line = lead
		case line+1+n > width:
			b.WriteString("\n" + indent)
			line = utf8.RuneCountInString(indent)
		default:
			b.WriteString(" ")
			line++
		}
		b.WriteString(w)
		line += n
	}
	return b.String()
}
