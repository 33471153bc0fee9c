package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// simDebounce is how long the simulation labs wait after a parameter
// change before running again, so that holding a key runs one simulation,
// not one per press.
const simDebounce = 300 * time.Millisecond

// simParam is one editable parameter of a simulation lab: its flag name,
// its current value, and a step up or down its ladder of values.
type simParam struct {
	name  string
	value func() string
	step  func(dir int)
}

// simLab is what a simulation lab page needs from its domain.
type simLab interface {
	// intro is one line on what the lab shows.
	intro() string
	// params are the editable parameters, bound to the lab's state.
	params() []simParam
	// job returns the simulation of the current parameters, as a function
	// that owns a copy of them (it runs in a tea.Cmd): its result is the
	// panel of at most 16 lines of at most width columns.
	job() func(width int) ([]string, error)
}

// simRunMsg is the debounce tick: run the simulation of generation gen.
type simRunMsg struct {
	page string
	gen  int
}

// simResultMsg carries a finished simulation.
type simResultMsg struct {
	page  string
	gen   int
	lines []string
	err   error
}

// simPage is a simulation lab: parameters on the left, the result's
// chart and numbers on the right. A change schedules a run after
// simDebounce; the run happens in a command; results and ticks of an
// older generation, or arriving after Leave, are dropped.
type simPage struct {
	c      *Common
	keys   SimLabKeys
	id     string
	lab    simLab
	params []simParam
	cursor int

	gen     int
	visible bool
	running bool
	stale   bool // the shown result is not of the current parameters
	lines   []string
	err     error

	width, height int
}

func newSimPage(c *Common, id string, lab simLab) *simPage {
	return &simPage{c: c, keys: c.Keys.SimLab, id: id, lab: lab, params: lab.params(), stale: true}
}

// Enter runs the simulation if the parameters changed since the last
// result (or there is none).
func (p *simPage) Enter() tea.Cmd {
	p.visible = true
	if p.stale {
		return p.run()
	}
	return nil
}

// Leave drops the pending tick and any run in flight.
func (p *simPage) Leave() {
	p.visible = false
	if p.running {
		p.stale = true
	}
	p.running = false
	p.gen++
}

func (p *simPage) Title() string    { return pageTitle(p.id) }
func (p *simPage) Typing() bool     { return false }
func (p *simPage) SetSize(w, h int) { p.width, p.height = w, h }

func (p *simPage) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.Down, p.keys.Inc}
}

func (p *simPage) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.keys.Up, p.keys.Down, p.c.Keys.Nav.Next, p.c.Keys.Nav.Prev}, {p.keys.Dec, p.keys.Inc}}
}

func (p *simPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.Up), key.Matches(msg, p.c.Keys.Nav.Prev):
			p.cursor = (p.cursor + len(p.params) - 1) % len(p.params)
		case key.Matches(msg, p.keys.Down), key.Matches(msg, p.c.Keys.Nav.Next):
			p.cursor = (p.cursor + 1) % len(p.params)
		case key.Matches(msg, p.keys.Dec):
			return p, p.change(-1)
		case key.Matches(msg, p.keys.Inc):
			return p, p.change(+1)
		}
	case simRunMsg:
		if msg.page == p.id && msg.gen == p.gen && p.visible {
			return p, p.run()
		}
	case simResultMsg:
		if msg.page == p.id && msg.gen == p.gen && p.visible {
			p.lines, p.err, p.running, p.stale = msg.lines, msg.err, false, false
		}
	}
	return p, nil
}

// change steps the selected parameter and schedules a run.
func (p *simPage) change(dir int) tea.Cmd {
	before := p.params[p.cursor].value()
	p.params[p.cursor].step(dir)
	if p.params[p.cursor].value() == before {
		return nil
	}
	p.stale = true
	p.gen++
	gen, id := p.gen, p.id
	return p.c.tick(simDebounce, func(time.Time) tea.Msg { return simRunMsg{id, gen} })
}

// run starts the simulation of the current parameters in a command.
func (p *simPage) run() tea.Cmd {
	p.gen++
	p.running = true
	gen, id, job, w := p.gen, p.id, p.lab.job(), p.rightWidth()
	return func() tea.Msg {
		lines, err := job(w)
		return simResultMsg{id, gen, lines, err}
	}
}

// leftWidth is the parameter pane's width.
func (p *simPage) leftWidth() int { return min(30, max(22, p.width*3/8)) }

// rightWidth is the result pane's width.
func (p *simPage) rightWidth() int { return max(40, p.width-p.leftWidth()-2) }

func (p *simPage) View() string {
	t := p.c.Theme
	lw := p.leftWidth()
	left := []string{t.Title.Render("Parameters"), ""}
	nameW := 0
	for _, prm := range p.params {
		nameW = max(nameW, len(prm.name))
	}
	for i, prm := range p.params {
		row := fmt.Sprintf("%-*s %s", nameW, prm.name, prm.value())
		if i == p.cursor {
			left = append(left, t.Selected.Render(padRight(truncate("‹ "+row+" ›", lw), lw)))
		} else {
			left = append(left, t.Text.Render(truncate("  "+row, lw)))
		}
	}
	left = append(left, "", t.Subtle.Render(truncate("↑↓ pick  ←→ change", lw)))

	rw := p.width - lw - 2
	status := p.lab.intro()
	if p.running || p.stale {
		status = "running…"
	}
	right := []string{t.Subtle.Render(truncate(status, rw))}
	switch {
	case p.err != nil:
		right = append(right, t.Error.Render(truncate(p.err.Error(), rw)))
	default:
		for _, l := range p.lines {
			right = append(right, t.Text.Render(truncate(l, rw)))
		}
	}
	rows := max(len(left), len(right))
	var b strings.Builder
	for i := range min(rows, max(p.height, 1)) {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(padRight(l, lw)+"  "+r, " "))
	}
	return b.String()
}

// ladderStep moves cur one place along the ascending ladder in dir,
// landing on the nearest rung when cur is between rungs, and stays put at
// either end.
func ladderStep[T int | float64 | time.Duration](ladder []T, cur T, dir int) T {
	if dir > 0 {
		for _, v := range ladder {
			if v > cur {
				return v
			}
		}
		return cur
	}
	for i := len(ladder) - 1; i >= 0; i-- {
		if ladder[i] < cur {
			return ladder[i]
		}
	}
	return cur
}

// cycle moves i through n choices, wrapping.
func cycle(i, n, dir int) int { return ((i+dir)%n + n) % n }

// seedParam is the seed row every simulation lab has.
func seedParam(seed *uint64) simParam {
	return simParam{
		name:  "seed",
		value: func() string { return fmt.Sprint(*seed) },
		step: func(dir int) {
			if dir > 0 || *seed > 0 {
				*seed = uint64(int64(*seed) + int64(dir))
			}
		},
	}
}
