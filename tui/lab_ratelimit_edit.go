package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// rlEditor is the rate-limiter lab's limit form, opened with e: the rate
// (LIMIT/WINDOW, as --rate takes it) and the burst (as --burst). Enter
// applies them and starts the lab over; esc closes the form unchanged.
type rlEditor struct {
	open        bool
	rate, burst textinput.Model
	focus       int    // 0 rate, 1 burst
	err         string // why the last apply was refused
}

func newRLEditor(c *Common) rlEditor {
	e := rlEditor{rate: newInput(c), burst: newInput(c)}
	e.rate.Prompt, e.burst.Prompt = "", ""
	e.rate.SetWidth(10)
	e.burst.SetWidth(6)
	e.rate.CharLimit, e.burst.CharLimit = 24, 12
	return e
}

// openEditor fills the form from the current limit and focuses the rate.
func (p *rateLimitPage) openEditor() {
	cfg := p.lab.cfg
	e := &p.edit
	e.open, e.err, e.focus = true, "", 0
	e.rate.SetValue(ratelimit.FormatRate(cfg.Limit, cfg.Window))
	e.burst.SetValue(strconv.Itoa(cfg.Burst))
	e.rate.Focus()
	e.rate.CursorEnd()
	e.burst.Blur()
}

// editKey handles a key while the form is open.
func (p *rateLimitPage) editKey(msg tea.KeyPressMsg) tea.Cmd {
	e, k, n := &p.edit, p.keys, p.c.Keys.Nav
	switch {
	case key.Matches(msg, k.Cancel):
		e.open = false
		return nil
	case key.Matches(msg, p.c.Keys.Global.Help):
		return toggleHelp // neither field takes a ?
	case key.Matches(msg, k.Apply):
		p.applyEdit()
		return nil
	case key.Matches(msg, n.Next), key.Matches(msg, n.Prev):
		e.focus = 1 - e.focus
		e.rate.Blur()
		e.burst.Blur()
		in := e.field()
		in.Focus()
		in.CursorEnd()
		return nil
	}
	in := e.field()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	e.err = ""
	return cmd
}

func (e *rlEditor) field() *textinput.Model {
	if e.focus == 1 {
		return &e.burst
	}
	return &e.rate
}

// applyEdit checks the form and, when it holds, starts the lab over with
// the new limit (the same algorithm and seed).
func (p *rateLimitPage) applyEdit() {
	cfg, err := parseLimitForm(p.lab.cfg, p.edit.rate.Value(), p.edit.burst.Value())
	if err != nil {
		p.edit.err = err.Error()
		return
	}
	lab, err := newRLLab(cfg, p.lab.seed)
	if err != nil {
		p.edit.err = err.Error()
		return
	}
	p.lab = lab
	p.edit.open = false
	p.relayout()
}

// parseLimitForm reads the form's rate and burst into a copy of cfg. Each
// error names the field, the value and what is accepted.
func parseLimitForm(cfg ratelimit.Config, rate, burst string) (ratelimit.Config, error) {
	limit, window, err := ratelimit.ParseRate(rate)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), ratelimit.ErrInvalidRate.Error()+" ")
		return cfg, fmt.Errorf("rate %s", msg)
	}
	b, err := strconv.Atoi(strings.TrimSpace(burst))
	if err != nil || b < 0 || b > ratelimit.MaxLimit {
		return cfg, fmt.Errorf("burst %q: want 0 (the limit) or a whole number up to %s", burst, humanize.Comma(ratelimit.MaxLimit))
	}
	cfg.Limit, cfg.Window, cfg.Burst = limit, window, b
	if err := cfg.Validate(); err != nil {
		return cfg, errors.New(strings.TrimPrefix(err.Error(), ratelimit.ErrInvalidConfig.Error()+": "))
	}
	return cfg, nil
}

// editLine is the form, in place of the status line.
func (p *rateLimitPage) editLine() string {
	t, e := p.c.Theme, &p.edit
	label := func(s string, focused bool) string {
		if focused {
			return t.Focused.Render(s)
		}
		return t.Label.Render(s)
	}
	line := label("rate ", e.focus == 0) + e.rate.View() + "  " + label("burst ", e.focus == 1) + e.burst.View()
	if e.err != "" {
		return line + " " + t.Error.Render(e.err)
	}
	return line + " " + t.Subtle.Render("(0 = the limit)")
}

// editHints replaces the key hints while the form is open.
func (p *rateLimitPage) editHints() string {
	t := p.c.Theme
	items := []string{"tab next field", "enter apply (starts over)", "esc cancel"}
	for i, it := range items {
		k, desc, _ := strings.Cut(it, " ")
		items[i] = t.Help.ShortKey.Render(k) + " " + t.Subtle.Render(desc)
	}
	return strings.Join(items, t.Subtle.Render(" · "))
}
