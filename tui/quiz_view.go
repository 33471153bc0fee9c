package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"

	"github.com/sdprep/sdprep/drills"
)

// quizChrome is the number of body lines the quiz page uses outside its
// scrolled content: the header, a blank line, a blank line and the status.
const quizChrome = 4

// quizViewportKeys scrolls the quiz content with the app's navigation
// keys; ←/→ do nothing, since the text is wrapped.
func quizViewportKeys(n NavKeys) viewport.KeyMap {
	km := viewport.DefaultKeyMap()
	km.Up, km.Down, km.PageUp, km.PageDown = n.Up, n.Down, n.PageUp, n.PageDown
	km.Left.SetEnabled(false)
	km.Right.SetEnabled(false)
	return km
}

func (p *quizPage) View() string {
	status := p.statusLine()
	if more := p.scrollHint(); more != "" {
		status += p.c.Theme.Subtle.Render("  " + more)
	}
	return strings.Join([]string{p.header(), "", p.vp.View(), "", truncate(status, p.width)}, "\n")
}

// scrollHint says where the content continues beyond the view: after an
// answer the page scrolls to the options, so the question is above.
func (p *quizPage) scrollHint() string {
	up, down := !p.vp.AtTop(), !p.vp.AtBottom()
	switch {
	case up && down:
		return "↑↓ more"
	case up:
		return "↑ more"
	case down:
		return "↓ more"
	}
	return ""
}

// header is the progress line: which question, the pool and the score.
func (p *quizPage) header() string {
	t := p.c.Theme
	left := t.Title.Render("Quiz")
	if p.session != nil && !p.session.Over() {
		left = t.Title.Render(fmt.Sprintf("Question %d of %d", p.session.Pos()+1, p.session.Len()))
	}
	scope := "all topics"
	if p.opts.Topic != "" {
		scope = p.topicTitle(p.opts.Topic)
	}
	right := scope
	if p.session != nil && p.session.Summary().Answered > 0 {
		s := p.session.Summary()
		right = fmt.Sprintf("%s · %d of %d right", scope, s.Correct, s.Answered)
	}
	right = t.Subtle.Render(right)
	gap := p.width - displayWidth(left) - displayWidth(right)
	if gap < 2 {
		return truncate(left+"  "+right, p.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// statusLine is the last line: a message from the last action, else the
// verdict or what to do next.
func (p *quizPage) statusLine() string {
	t := p.c.Theme
	if p.status != "" {
		return p.status
	}
	switch p.state {
	case quizAsking:
		return t.Subtle.Render(fmt.Sprintf("Pick an answer: press 1 to %d.", len(p.session.Current().Options)))
	case quizAnswered:
		a, _ := p.session.Answered()
		then := "enter: next question"
		if p.session.Pos() == p.session.Len()-1 {
			then = "enter: see the score"
		}
		if a.Correct {
			return t.Success.Render(drills.MarkCorrect+" Right.") + t.Subtle.Render("  "+then)
		}
		return t.Error.Render(drills.MarkWrong+" Not right: "+p.rightAnswers()+".") + t.Subtle.Render("  "+then)
	case quizOver:
		return t.Subtle.Render("r: a new quiz · esc: menu")
	}
	return ""
}

// rightAnswers names the correct options: "the answer is 2", "the
// answers are 1 or 4".
func (p *quizPage) rightAnswers() string {
	var nums []string
	for i, o := range p.session.Current().Options {
		if o.Correct {
			nums = append(nums, fmt.Sprint(i+1))
		}
	}
	if len(nums) == 1 {
		return "the answer is " + nums[0]
	}
	return "the answers are " + strings.Join(nums[:len(nums)-1], ", ") + " or " + nums[len(nums)-1]
}

// body is the scrolled content for the current state.
func (p *quizPage) body() string {
	t := p.c.Theme
	switch p.state {
	case quizLoading:
		return t.Subtle.Render("Choosing questions…")
	case quizEmpty:
		return wrap("There are no questions to ask here.", p.width)
	case quizOver:
		return p.summary()
	}
	q := p.session.Current()
	a, answered := p.session.Answered()
	var b strings.Builder
	b.WriteString(p.stem())
	b.WriteString("\n")
	for i, o := range q.Options {
		num := fmt.Sprintf("%d. ", i+1)
		if !answered {
			b.WriteString("\n" + hanging(" "+num, o.Text, p.width))
			continue
		}
		mark := t.Error.Render(drills.MarkWrong)
		if o.Correct {
			mark = t.Success.Render(drills.MarkCorrect)
		}
		line, why := hanging(num, o.Text, p.width-2), o.Explanation
		if i == a.Chosen {
			line, why = t.Strong.Render(line), "Your answer. "+why
		}
		b.WriteString("\n" + mark + " " + strings.ReplaceAll(line, "\n", "\n  "))
		b.WriteString("\n" + t.Subtle.Render(indent(wrap(why, p.width-5), "     ")) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// stem is the question's text, wrapped.
func (p *quizPage) stem() string {
	return wrap(p.session.Current().Stem, p.width)
}

// optionsLine is the first content line after the stem, where the page
// scrolls to once a question is answered.
func (p *quizPage) optionsLine() int {
	return strings.Count(p.stem(), "\n") + 2
}

// summary is the end screen: the score, the topics missed with the learn
// pages to read, and how missed questions come back.
func (p *quizPage) summary() string {
	t := p.c.Theme
	s := p.session.Summary()
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", t.Title.Render("Score:"), t.Strong.Render(fmt.Sprintf("%d of %d right (%d%%)", s.Correct, s.Answered, s.Percent())))
	if len(s.Topics) == 0 {
		b.WriteString("\nNothing missed.")
	} else {
		b.WriteString("\n" + t.Title.Render("Topics to review") + "\n")
		for _, m := range s.Topics {
			fmt.Fprintf(&b, "\n  %s %s\n    %s", p.topicTitle(m.Topic), t.Subtle.Render(fmt.Sprintf("· %d missed", m.Missed)), m.Learn)
		}
		b.WriteString("\n")
		if p.log != nil {
			b.WriteString("\n" + wrap("The questions you missed come first in your next quiz.", p.width))
		}
	}
	return b.String()
}

// topicTitle is a topic's title, or its id when it is not in the library.
func (p *quizPage) topicTitle(id string) string {
	if tp, ok := p.lib.Topic(id); ok {
		return tp.Title
	}
	return id
}

// hanging wraps text to width after a prefix, indenting the following
// lines under the text.
func hanging(prefix, text string, width int) string {
	w := displayWidth(prefix)
	lines := wrap(text, max(width-w, 1))
	return prefix + strings.ReplaceAll(lines, "\n", "\n"+strings.Repeat(" ", w))
}
