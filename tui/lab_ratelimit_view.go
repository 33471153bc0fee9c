package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// Chart height bounds, in rows. Below rlMinChart rows the explanation is
// cut instead; the blank separators go while the chart is below
// rlGoodChart; above rlMaxChart the bars would only get coarser to read.
const (
	rlMinChart  = 4
	rlGoodChart = 5
	rlMaxChart  = 20
	// rlWide is the body width from which the state gauge is longer.
	rlWide = 100
)

// Glyphs of the chart and the state gauge. Admitted and rejected differ in
// shape as well as colour, so the chart reads without colour (NO_COLOR).
const (
	glyphAdmitted = "█"
	glyphRejected = "▒"
	glyphEmpty    = "░"
)

// rlLayout is how the page's rows are shared out, worked out when the
// size or the algorithm changes, not per frame.
type rlLayout struct {
	explain   []string // the explanation, wrapped, possibly cut
	chartRows int
	hints     bool // the key hints under the status line
	gapChart  bool // a blank row above the chart
	gapMid    bool // a blank row between the legend and the counters
	gapBottom bool // a blank row before the explanation
}

// rlFixedRows are the rows always shown: status, axis, legend, counters
// and state.
const rlFixedRows = 5

// relayout shares the height between the chart and the explanation. The
// chart's rows are worked out for the longest explanation of the five and
// with the comparison line that follows a switch, so the chart keeps its
// height and its place whichever algorithm is shown; a row left over goes
// above the explanation, the rest stays blank at the bottom. When room is
// short the blank separators go first, then the hint line, then the end
// of the explanation.
func (p *rateLimitPage) relayout() {
	if p.width <= 0 || p.height <= 0 {
		p.layout = rlLayout{}
		return
	}
	lay := rlLayout{hints: true, gapChart: true}
	explain := 0
	for _, a := range ratelimit.Algorithms() {
		explain = max(explain, strings.Count(wrap(ratelimit.Explain(a), p.width), "\n")+1)
	}
	const fixed = rlFixedRows + 1 // and the comparison line
	rows := func() int {
		return p.height - fixed - explain - b2i(lay.hints) - b2i(lay.gapChart) - b2i(lay.gapMid)
	}
	if rows() < rlGoodChart {
		lay.gapChart = false
	}
	if rows() < rlMinChart {
		lay.hints = false
	}
	if rows() < rlMinChart {
		explain = max(p.height-fixed-rlMinChart, 0)
	}
	if rows() > rlMaxChart {
		lay.gapMid = true
	}
	lay.chartRows = min(max(rows(), 1), rlMaxChart)

	text := ratelimit.Explain(p.lab.cfg.Algorithm)
	if lines := strings.Split(wrap(text, p.width), "\n"); len(lines) <= explain {
		lay.explain = lines
	} else {
		lay.explain = strings.Split(wrapLines(text, p.width, max(explain, 1)), "\n")[:explain]
	}
	used := rlFixedRows + b2i(p.lab.prev != nil) + len(lay.explain) + lay.chartRows +
		b2i(lay.hints) + b2i(lay.gapChart) + b2i(lay.gapMid)
	lay.gapBottom = used < p.height
	p.layout = lay
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *rateLimitPage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	lay := p.layout
	rows := []string{p.statusLine()}
	if p.edit.open {
		rows[0] = p.editLine()
	}
	if lay.hints && p.edit.open {
		rows = append(rows, p.editHints())
	} else if lay.hints {
		rows = append(rows, p.hints())
	}
	if lay.gapChart {
		rows = append(rows, "")
	}
	rows = append(rows, p.chart()...)
	rows = append(rows, p.legend())
	if lay.gapMid {
		rows = append(rows, "")
	}
	rows = append(rows, p.counters())
	if p.lab.prev != nil {
		rows = append(rows, p.comparison())
	}
	rows = append(rows, p.stateLine())
	if lay.gapBottom {
		rows = append(rows, "")
	}
	for _, l := range lay.explain {
		rows = append(rows, p.c.Theme.Text.Render(l))
	}
	for i, r := range rows {
		rows[i] = truncate(r, p.width)
	}
	return strings.Join(rows, "\n")
}

// statusLine is the limit, the simulated clock and the traffic.
func (p *rateLimitPage) statusLine() string {
	t, l := p.c.Theme, p.lab
	left := t.Strong.Render(l.cfg.String()) + t.Subtle.Render(" · t "+fmtDur(l.now)) + " · "
	switch {
	case l.err != "":
		return left + t.Error.Render(l.err)
	case l.switchPending:
		return left + t.Warning.Render(fmt.Sprintf("replaying %s requests on %v…", humanize.Comma(int64(len(l.sent))), l.switching))
	case p.paused:
		return left + t.Warning.Render("paused")
	case l.traffic == trafficRunning:
		return left + fmt.Sprintf("%v traffic %s of %s", l.pattern, fmtDur(max(l.now-l.trafficStart, 0)), fmtDur(l.trafficEnd-l.trafficStart))
	case l.traffic == trafficDone:
		return left + fmt.Sprintf("%v traffic finished", l.pattern)
	case l.traffic == trafficStopped:
		return left + fmt.Sprintf("%v traffic stopped", l.pattern)
	}
	if len(l.sent) > 0 {
		return left + "manual requests"
	}
	return left + t.Subtle.Render("no traffic yet")
}

// hints names the traffic patterns and the keys the help bar has no room
// for.
func (p *rateLimitPage) hints() string {
	t := p.c.Theme
	pause := "pause"
	if p.paused {
		pause = "resume"
	}
	items := []string{"1 steady", "2 spike", "3 window-edge", "s stop", "p " + pause, "r reset", "e limit"}
	for i, it := range items {
		k, desc, _ := strings.Cut(it, " ")
		items[i] = t.Help.ShortKey.Render(k) + " " + t.Subtle.Render(desc)
	}
	return strings.Join(items, t.Subtle.Render(" · "))
}

// tickStep is the spacing of the axis marks: the window, when it spans
// from 5 to 100 columns, else a second. window reports which.
func (p *rateLimitPage) tickStep() (step time.Duration, window bool) {
	if w := p.lab.cfg.Window; w >= 5*ratelimit.BucketWidth && w <= 100*ratelimit.BucketWidth {
		return w, true
	}
	return time.Second, false
}

// chart draws the last columns of admitted (bottom) and rejected (on top)
// requests per 100 ms, newest on the right, with the axis under them; the
// scale follows the busiest column on screen.
func (p *rateLimitPage) chart() []string {
	t, l := p.c.Theme, p.lab
	step, _ := p.tickStep()
	c := barChart{
		N: bucketIndex(l.now) + 1,
		At: func(i int) (int, int) {
			if i < l.first {
				return 0, 0
			}
			b := l.buckets[i-l.first]
			return b.admitted, b.rejected
		},
		Mark: func(i int) bool {
			from := time.Duration(i) * ratelimit.BucketWidth
			next := (from + step - 1) / step * step
			return next < from+ratelimit.BucketWidth
		},
		Rows:  p.layout.chartRows,
		Width: p.width,
	}
	return c.Render(chartStyle{Lower: t.Bar, Upper: t.BarAlt, LowerGlyph: glyphAdmitted, UpperGlyph: glyphRejected, Axis: t.Subtle})
}

func (p *rateLimitPage) legend() string {
	t := p.c.Theme
	step, window := p.tickStep()
	marks := "┴ every " + ratelimit.FormatWindow(step)
	switch p.lab.cfg.Algorithm {
	case ratelimit.FixedWindow, ratelimit.SlidingWindow:
		if window {
			marks = "┴ window start, every " + ratelimit.FormatWindow(step)
		}
	}
	return t.Bar.Render(glyphAdmitted) + " admitted  " + t.BarAlt.Render(glyphRejected) + " rejected  " +
		t.Subtle.Render("100 ms per column · "+marks)
}

// counters totals the current algorithm's decisions.
func (p *rateLimitPage) counters() string {
	t, l := p.c.Theme, p.lab
	n := func(v int) string { return t.Strong.Render(humanize.Comma(int64(v))) }
	return "sent " + n(len(l.sent)) + " · admitted " + n(l.cur.admitted) + " · rejected " + n(l.cur.rejected) +
		" · max in any " + ratelimit.FormatWindow(l.cfg.Window) + ": " + n(l.cur.maxInWindow)
}

// comparison is the previous algorithm's totals on the same requests.
func (p *rateLimitPage) comparison() string {
	t, l := p.c.Theme, p.lab
	return t.Subtle.Render(fmt.Sprintf("%v on the same traffic: admitted %s · rejected %s · max %s",
		l.prevAlg, humanize.Comma(int64(l.prev.admitted)), humanize.Comma(int64(l.prev.rejected)), humanize.Comma(int64(l.prev.maxInWindow))))
}

// stateLine shows the limiter's state for the key: a gauge of how full
// the bucket or window is, and its numbers.
func (p *rateLimitPage) stateLine() string {
	t, s := p.c.Theme, p.lab.state
	var name, text string
	var fill float64
	c := humanize.Comma(int64(s.Capacity))
	n := func(v int) string { return humanize.Comma(int64(v)) }
	switch s.Algorithm {
	case ratelimit.TokenBucket:
		name, fill = "tokens", s.Tokens
		text = fmt.Sprintf("%s of %s · full in %s", humanize.CommafWithDigits(s.Tokens, 1), c, fmtDur(s.ResetAfter))
	case ratelimit.LeakyBucket:
		name, fill = "level", s.Level
		text = fmt.Sprintf("%s of %s · empty in %s", humanize.CommafWithDigits(s.Level, 1), c, fmtDur(s.ResetAfter))
	case ratelimit.FixedWindow:
		name, fill = "window", float64(s.Count)
		text = fmt.Sprintf("%s of %s · %s in · resets in %s", n(s.Count), c, fmtDur(s.WindowElapsed), fmtDur(s.ResetAfter))
	case ratelimit.SlidingLog:
		name, fill = "log", float64(s.Count)
		text = fmt.Sprintf("%s of %s timestamps · empty in %s", n(s.Count), c, fmtDur(s.ResetAfter))
	case ratelimit.SlidingWindow:
		name, fill = "estimate", s.Estimate
		text = fmt.Sprintf("%s of %s = previous %s × %.2f + current %s", humanize.CommafWithDigits(s.Estimate, 1), c, n(s.Previous), s.Weight, n(s.Count))
	}
	gw := 20
	if p.width >= rlWide {
		gw = 30
	}
	return t.Label.Render(padRight(name, 9)) + p.gauge(fill, float64(s.Capacity), gw) + " " + text
}

// gauge is a bar of width cells filled in proportion v/capacity.
func (p *rateLimitPage) gauge(v, capacity float64, width int) string {
	t := p.c.Theme
	n := 0
	if capacity > 0 {
		n = min(max(int(v/capacity*float64(width)+0.5), 0), width)
	}
	if v > 0 && n == 0 {
		n = 1
	}
	return t.Bar.Render(strings.Repeat(glyphAdmitted, n)) + t.Subtle.Render(strings.Repeat(glyphEmpty, width-n))
}
