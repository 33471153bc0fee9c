package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"github.com/sdprep/sdprep/estimate"
)

// numbersPage shows the reference tables as tabs, plus a calculator for
// the downtime any availability level allows.
type numbersPage struct {
	c             *Common
	tabs          []estimate.Table
	tab           int // len(tabs) is the nines calculator
	vp            viewport.Model
	input         textinput.Model
	width, height int
	keys          NumbersKeys
}

func newNumbersPage(c *Common) *numbersPage {
	in := newInput(c)
	in.Placeholder = "99.9 99.95 99.99"
	in.Prompt = "Availability %: "
	in.CharLimit = 64
	in.SetValue("99.99")
	p := &numbersPage{
		c:     c,
		tabs:  []estimate.Table{estimate.LatencyTable(), estimate.PowersTable(), estimate.ThroughputTable(), estimate.AvailabilityTable()},
		vp:    viewport.New(),
		input: in,
		keys:  c.Keys.Numbers,
	}
	return p
}

func (p *numbersPage) Enter() tea.Cmd { return nil }
func (p *numbersPage) Leave()         {}
func (p *numbersPage) Title() string  { return "Numbers" }

// Typing is true on the calculator tab, where digits go to the input.
func (p *numbersPage) Typing() bool { return p.onCalculator() }

func (p *numbersPage) onCalculator() bool { return p.tab == len(p.tabs) }

// ShortHelp names the keys that work on the current tab: on the
// calculator ←/→ move the cursor, so only tab and shift+tab switch.
func (p *numbersPage) ShortHelp() []key.Binding {
	if p.onCalculator() {
		return []key.Binding{p.keys.Tables}
	}
	return []key.Binding{p.keys.NextTab, p.c.Keys.Nav.Up, p.c.Keys.Nav.Down}
}

func (p *numbersPage) FullHelp() [][]key.Binding {
	n := p.c.Keys.Nav
	if p.onCalculator() {
		return [][]key.Binding{{p.keys.Next, p.keys.Prev, n.ClearField}}
	}
	return [][]key.Binding{{p.keys.NextTab, p.keys.PrevTab}, {n.Up, n.Down, n.PageUp, n.PageDown}}
}

func (p *numbersPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.vp.SetWidth(w)
	p.vp.SetHeight(max(h-2, 1))
	p.refresh()
}

func (p *numbersPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	n := len(p.tabs) + 1
	// On the calculator, ←/→/h/l edit the input; only tab switches.
	if p.onCalculator() {
		switch g := p.c.Keys.Global; {
		case key.Matches(km, p.keys.Next):
			p.setTab((p.tab + 1) % n)
			return p, nil
		case key.Matches(km, p.keys.Prev):
			p.setTab((p.tab + n - 1) % n)
			return p, nil
		case key.Matches(km, g.Back):
			return p, back
		case key.Matches(km, g.Help):
			// Availabilities are numbers: ? is never text here.
			return p, toggleHelp
		}
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(km)
		p.refresh()
		return p, cmd
	}
	switch {
	case key.Matches(km, p.keys.NextTab):
		p.setTab((p.tab + 1) % n)
	case key.Matches(km, p.keys.PrevTab):
		p.setTab((p.tab + n - 1) % n)
	default:
		var cmd tea.Cmd
		p.vp, cmd = p.vp.Update(km)
		return p, cmd
	}
	return p, nil
}

func (p *numbersPage) setTab(i int) {
	p.tab = i
	if p.onCalculator() {
		p.input.Focus()
	} else {
		p.input.Blur()
	}
	p.vp.GotoTop()
	p.refresh()
}

// refresh recomputes the body; it runs on input, not in View.
func (p *numbersPage) refresh() {
	if p.width == 0 {
		return
	}
	if p.onCalculator() {
		p.vp.SetContent(p.calculator())
		return
	}
	p.vp.SetContent(p.renderTable(p.tabs[p.tab]))
}

// calculator shows the downtime of every level typed, separated by
// spaces or commas, as `sdprep numbers nines` does with its arguments.
func (p *numbersPage) calculator() string {
	t := p.c.Theme
	var b strings.Builder
	b.WriteString(p.input.View())
	b.WriteString("\n\n")
	levels, warn, err := parseLevels(p.input.Value())
	if err != nil {
		b.WriteString(t.Error.Render(wrap(err.Error(), p.width)))
		return b.String()
	}
	if warn != "" {
		b.WriteString(t.Warning.Render(wrap(warn, p.width)) + "\n\n")
	}
	b.WriteString(p.renderTable(estimate.AvailabilityTable(levels...)))
	return b.String()
}

// parseLevels reads availability percentages separated by spaces or
// commas. A value below 1 is read as a percentage, as the command reads
// it, with a warning: 0.999 may have been meant as a fraction.
func parseLevels(s string) (levels []float64, warn string, err error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
	if len(fields) == 0 {
		return nil, "", errors.New("availability: type one or more percentages, like 99.9 99.99")
	}
	for _, f := range fields {
		v, err := estimate.ParseAvailability(f)
		if err != nil {
			return nil, "", fmt.Errorf("availability: %w", err)
		}
		if v < 1 && warn == "" {
			warn = fmt.Sprintf("%s is read as %s%%; for a fraction of 1, type it as a percentage (%s)",
				f, strings.TrimSuffix(f, "%"), estimate.FormatPercentage(min(v*100, 100)))
		}
		levels = append(levels, v)
	}
	return levels, warn, nil
}

func (p *numbersPage) renderTable(tb estimate.Table) string {
	t := p.c.Theme
	tbl := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(t.Subtle).
		BorderColumn(false).BorderLeft(false).BorderRight(false).BorderTop(false).BorderBottom(false).
		Headers(tb.Columns...).
		Rows(tb.Rows...).
		Width(p.width).
		Wrap(true).
		StyleFunc(func(row, _ int) lipgloss.Style {
			if row == table.HeaderRow {
				return t.Strong.Padding(0, 1)
			}
			return t.Text.Padding(0, 1)
		})
	out := t.Title.Render(tb.Title) + "\n" + tbl.Render()
	if tb.Note != "" {
		out += "\n" + t.Subtle.Render(wrap(tb.Note, p.width))
	}
	return out
}

func (p *numbersPage) View() string {
	return p.tabStrip() + "\n\n" + p.vp.View()
}

// tabStrip names the tabs; when they do not all fit, the first ones give
// way (marked ‹) so that the active tab is always seen.
func (p *numbersPage) tabStrip() string {
	t := p.c.Theme
	names := []string{"Latency", "Powers of two", "Throughput", "Availability", "Nines"}
	tabs := make([]string, len(names))
	for i, n := range names {
		if i == p.tab {
			tabs[i] = t.TabActive.Render(n)
		} else {
			tabs[i] = t.Tab.Render(n)
		}
	}
	first, lead := 0, ""
	for first < p.tab && displayWidth(lead+strings.Join(tabs[first:p.tab+1], " ")) > p.width {
		first++
		lead = t.Subtle.Render("‹ ")
	}
	return truncate(lead+strings.Join(tabs[first:], " "), p.width)
}
