package content

import (
	"slices"
	"strings"
)

// Limits on a question's options.
const (
	MinOptions = 3
	MaxOptions = 5
)

// ValidateQuizzes checks a quiz bank against the rules in FORMAT.md
// ("Quiz banks") and returns every violation as an *Error naming the file
// and line, or nil. Each wraps one of the Err* kinds. It checks that:
//
//   - ids are kebab-case and unique over every bank;
//   - each question lists at least one topic, every one a topic id of lib
//     (not an alias), none twice;
//   - the stem is not empty;
//   - there are MinOptions to MaxOptions options, with distinct non-empty
//     texts, at least one correct and at least one not;
//   - every option has an explanation.
func ValidateQuizzes(b *QuizBank, lib *Library) []error {
	var errs []error
	add := func(kind error, q *Question, format string, args ...any) {
		errs = append(errs, errorf(kind, q.File, q.Line, "question %q: "+format, append([]any{q.ID}, args...)...))
	}
	seen := map[string]*Question{}
	for _, q := range b.questions {
		if prev, ok := seen[q.ID]; ok {
			add(ErrDuplicate, q, "id is already used at %s:%d", prev.File, prev.Line)
		} else {
			seen[q.ID] = q
		}
		if !isKebab(q.ID) {
			add(ErrInvalidValue, q, "id is not kebab-case (lower-case words joined by '-')")
		}
		validateQuestionTopics(q, lib, add)
		if q.Stem == "" {
			add(ErrMissingSection, q, "the stem (the text before the options) is empty")
		}
		validateOptions(q, add)
	}
	return errs
}

type addFunc func(kind error, q *Question, format string, args ...any)

func validateQuestionTopics(q *Question, lib *Library, add addFunc) {
	if len(q.Topics) == 0 {
		add(ErrMissingKey, q, "topics is empty; list the topic ids it drills")
	}
	for i, id := range q.Topics {
		t, ok := lib.Topic(id)
		switch {
		case !ok:
			add(ErrUnresolved, q, "topic %q names no topic", id)
		case t.ID != id:
			add(ErrInvalidValue, q, "topic %q is an alias; write the id %q", id, t.ID)
		case slices.Contains(q.Topics[:i], id):
			add(ErrDuplicate, q, "topic %q is listed twice", id)
		}
	}
}

func validateOptions(q *Question, add addFunc) {
	if n := len(q.Options); n < MinOptions || n > MaxOptions {
		add(ErrInvalidValue, q, "has %d options; %d to %d are accepted", n, MinOptions, MaxOptions)
	}
	correct := 0
	for i, o := range q.Options {
		if o.Correct {
			correct++
		}
		switch {
		case o.Text == "":
			add(ErrMissingKey, q, "option %d has no text", i+1)
		case slices.ContainsFunc(q.Options[:i], func(p Option) bool { return strings.EqualFold(p.Text, o.Text) }):
			add(ErrDuplicate, q, "option %d repeats an earlier option's text", i+1)
		}
		if o.Explanation == "" {
			add(ErrMissingKey, q, "option %d (%q) has no explanation; every option says why it is right or wrong", i+1, clip(o.Text))
		}
	}
	switch {
	case len(q.Options) == 0:
	case correct == 0:
		add(ErrInvalidValue, q, "no option is marked correct with \"- [x] \"")
	case correct == len(q.Options):
		add(ErrInvalidValue, q, "every option is marked correct; at least one must be wrong")
	}
}
