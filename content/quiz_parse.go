package content

import (
	"strings"
)

// ParseQuiz parses one quiz bank file into its questions, in file order.
// name is used in error messages and kept as each question's File. The
// first syntax error stops the parse and is returned as an *Error (kind
// ErrSyntax) naming the file and line. Rules that need more than one
// question or the topic library are checked by ValidateQuizzes.
func ParseQuiz(name string, data []byte) ([]*Question, error) {
	text := strings.TrimPrefix(string(data), "\xef\xbb\xbf")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var qs []*Question
	start := -1 // index of the current question's heading
	for i, l := range lines {
		if id, ok := strings.CutPrefix(l, "## "); ok || l == "##" {
			if start >= 0 {
				q, err := parseQuestion(name, lines[start:i], start+1)
				if err != nil {
					return nil, err
				}
				qs = append(qs, q)
			}
			if strings.TrimSpace(id) == "" {
				return nil, errorf(ErrSyntax, name, i+1, "a question heading needs an id: \"## <id>\"")
			}
			start = i
			continue
		}
		if start < 0 && strings.TrimSpace(l) != "" {
			return nil, errorf(ErrSyntax, name, i+1, "text before the first question: a bank is a list of \"## <id>\" questions")
		}
	}
	if start >= 0 {
		q, err := parseQuestion(name, lines[start:], start+1)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	return qs, nil
}

// Option markers at the start of a line: correct and not correct.
const (
	markCorrect = "- [x] "
	markWrong   = "- [ ] "
)

// parseQuestion parses the lines of one question; lines[0] is its "## id"
// heading, at line number first.
func parseQuestion(file string, lines []string, first int) (*Question, error) {
	q := &Question{ID: strings.TrimSpace(strings.TrimPrefix(lines[0], "## ")), File: file, Line: first, Topics: []string{}}
	i := 1
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return nil, errorf(ErrSyntax, file, first, "question %q has no \"topics: [...]\" line, stem or options", q.ID)
	}
	value, ok := strings.CutPrefix(strings.TrimSpace(lines[i]), "topics:")
	if !ok {
		return nil, errorf(ErrSyntax, file, first+i, "expected \"topics: [id, ...]\" right after the heading, got %q", clip(lines[i]))
	}
	topics, err := parseList(strings.TrimSpace(value))
	if err != nil {
		return nil, errorf(ErrSyntax, file, first+i, "topics: %s", err)
	}
	q.Topics = topics
	var stem, para, expl []string
	var opt *Option
	inText := false // the lines after an option line still continue its text
	flush := func() {
		if len(para) > 0 {
			stem = append(stem, strings.Join(para, " "))
			para = nil
		}
		if opt != nil {
			opt.Explanation = strings.Join(expl, " ")
			expl = nil
		}
	}
	for i++; i < len(lines); i++ {
		raw := strings.TrimRight(lines[i], " \t")
		line := first + i
		trimmed := strings.TrimSpace(raw)
		switch {
		case trimmed == "":
			inText = false
			if opt == nil {
				flush()
			}
		case strings.HasPrefix(trimmed, "#"):
			return nil, errorf(ErrSyntax, file, line, "heading %q inside a question: only \"## <id>\" headings start questions", clip(trimmed))
		case isOptionLine(raw):
			text := strings.TrimSpace(raw[len(markCorrect):])
			if text == "" {
				return nil, errorf(ErrSyntax, file, line, "option with no text after its marker")
			}
			flush()
			q.Options = append(q.Options, Option{Text: text, Correct: raw[3] == 'x' || raw[3] == 'X'})
			opt, inText = &q.Options[len(q.Options)-1], true
		case strings.HasPrefix(raw, "- ["):
			return nil, errorf(ErrSyntax, file, line, "option %q: an option starts with %q (correct) or %q", clip(raw), markCorrect, markWrong)
		case opt != nil && inText && indent(raw) >= textIndent:
			opt.Text += " " + trimmed
		case opt != nil && (raw[0] == ' ' || raw[0] == '\t'):
			inText = false
			expl = append(expl, trimmed)
		case opt != nil:
			return nil, errorf(ErrSyntax, file, line, "%q after the options: expected another option or its explanation, indented", clip(trimmed))
		default:
			para = append(para, trimmed)
		}
	}
	flush()
	q.Stem = strings.Join(stem, "\n\n")
	return q, nil
}

// textIndent is the indentation, in columns, from which a line right
// after an option continues the option's text rather than starting its
// explanation (which is indented by two).
const textIndent = 4

// indent is the width of line's leading blanks, a tab counting as four.
func indent(line string) int {
	n := 0
	for _, r := range line {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// isOptionLine reports whether line starts with an option marker.
func isOptionLine(line string) bool {
	if len(line) < len(markCorrect) || !strings.HasPrefix(line, "- [") || line[4:6] != "] " {
		return false
	}
	switch line[3] {
	case ' ', 'x', 'X':
		return true
	}
	return false
}
