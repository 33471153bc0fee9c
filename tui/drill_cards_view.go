package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/sdprep/sdprep/drills"
)

func (p *cardsPage) View() string {
	t := p.c.Theme
	var b strings.Builder
	switch {
	case !p.snap.loaded && p.err != nil:
		b.WriteString(t.Error.Render(wrap("Cannot open your progress: "+p.err.Error(), p.width)))
		b.WriteString("\n\n" + t.Subtle.Render("esc goes back; the next visit tries again."))
		return b.String()
	case !p.snap.loaded:
		return t.Subtle.Render("Loading cards…")
	case p.snap.ok:
		p.viewCard(&b)
	default:
		p.viewEnd(&b)
	}
	if p.err != nil {
		b.WriteString("\n" + t.Error.Render(truncate("Not saved: "+p.err.Error(), p.width)))
	}
	return b.String()
}

// viewCard renders the card on show: the question, and once revealed the
// answer and the four ratings with their intervals.
func (p *cardsPage) viewCard(b *strings.Builder) {
	t, s := p.c.Theme, p.snap
	status := fmt.Sprintf("%d to go · %d reviewed", s.remaining, s.summary.Reviewed)
	if o := p.c.Opts.Cards; !o.Until.IsZero() {
		status += " · interview " + o.Until.Format("Mon 2 Jan")
	}
	b.WriteString(t.Subtle.Render(truncate(status, p.width)) + "\n\n")
	tag := s.item.Card.Topic + " · " + string(s.item.Card.Kind)
	if s.item.State.Reps == 0 && s.item.State.LastReview.IsZero() {
		tag += " · new"
	}
	b.WriteString(t.Label.Render(truncate(tag, p.width)) + "\n")
	b.WriteString(t.Strong.Render(wrap(s.item.Card.Front, p.width)) + "\n\n")
	if !p.revealed {
		b.WriteString(t.Subtle.Render("space shows the answer"))
		return
	}
	b.WriteString(t.Subtle.Render(strings.Repeat("─", min(p.width, 40))) + "\n")
	b.WriteString(t.Text.Render(wrap(s.item.Card.Back, p.width)) + "\n\n")
	var buttons []string
	for i, o := range s.preview {
		buttons = append(buttons, fmt.Sprintf("%s %s · %s", t.Strong.Render(fmt.Sprint(i+1)), o.Rating, drills.FormatInterval(o.Interval)))
	}
	b.WriteString(truncate(strings.Join(buttons, "   "), p.width))
	if s.item.Practice && s.item.State.Due.After(p.c.now()) {
		b.WriteString("\n" + t.Subtle.Render(truncate("Practice: not due, so its schedule stays as it is.", p.width)))
	}
}

// viewEnd renders the end of a session: what was done and what is next.
func (p *cardsPage) viewEnd(b *strings.Builder) {
	t, s := p.c.Theme, p.snap.summary
	now := p.c.now()
	if s.Reviewed == 0 {
		b.WriteString(t.Title.Render("Nothing is due now") + "\n\n")
	} else {
		b.WriteString(t.Title.Render("Session done") + "\n\n")
	}
	row := func(label, value string) {
		b.WriteString("  " + t.Label.Render(padRight(label, 16)) + t.Text.Render(value) + "\n")
	}
	row("Cards reviewed", fmt.Sprint(s.Reviewed))
	if s.Reviewed > 0 {
		row("Again rate", fmt.Sprintf("%.0f%% (%d of %d)", 100*s.AgainRate(), s.Again, s.Reviewed))
		row("Time spent", formatSpent(s.Time))
	}
	switch {
	case s.NextDue.IsZero():
		row("Next due", "no card seen yet")
	case !s.NextDue.After(now):
		row("Next due", "now (over today's review limit)")
	default:
		row("Next due", s.NextDue.In(now.Location()).Format("Mon 2 Jan 15:04")+" (in "+drills.FormatInterval(s.NextDue.Sub(now))+")")
	}
	if p.snap.plan.Unseen > 0 && p.snap.plan.NewQuota == 0 {
		row("New cards", fmt.Sprintf("today's limit reached; %d still unseen", p.snap.plan.Unseen))
	}
	if !p.practice && s.NextDue.After(now) {
		b.WriteString("\n" + t.Subtle.Render(wrap("p keeps going with the cards you have seen, weakest first, without moving their schedules.", p.width)))
	}
}

// formatSpent renders a session's time: "45s", "4m 12s", "1h 3m".
func formatSpent(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm %ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh %dm", int(d.Hours()), int(d.Minutes())%60)
}
