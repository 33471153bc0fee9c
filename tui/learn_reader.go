package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/internal/markdown"
)

// The reader half of the learn page: the rendered document, its related
// links and the history, rendered with glamour in commands and cached per
// document and width.

// rendered stores a rendering and shows it if the reader waits for it.
func (p *learnPage) rendered(msg learnRenderedMsg) {
	if msg.err != nil {
		if msg.key == p.want {
			p.renderErr = msg.err
			p.want = learnRenderKey{}
		}
		return
	}
	if len(p.cache) >= learnCacheSize {
		clear(p.cache)
	}
	p.cache[msg.key] = msg.out
	if msg.key == p.want {
		p.setContent(msg.key, msg.out, p.wantPos)
		p.want = learnRenderKey{}
	}
}

// setContent puts a rendering in the viewport, scrolled to pos (0–1).
func (p *learnPage) setContent(k learnRenderKey, out string, pos float64) {
	p.vp.SetContent(out)
	p.vp.SetXOffset(0)
	p.vp.SetYOffset(int(math.Round(pos * float64(p.vp.TotalLineCount()))))
	p.shown = k
	p.renderErr = nil
	p.wideContent = false
	for _, l := range strings.Split(out, "\n") {
		if displayWidth(l) > p.vp.Width() {
			p.wideContent = true
			break
		}
	}
}

// requestRender shows the current document at the current width, from the
// cache or by returning the command that renders it, keeping the scroll
// position (or the one a pending rendering was to open at).
func (p *learnPage) requestRender() tea.Cmd {
	pos := p.position()
	if p.want != (learnRenderKey{}) {
		pos = p.wantPos
	}
	return p.show(pos)
}

// show displays the current document scrolled to pos, rendering it in a
// command when it is not cached.
func (p *learnPage) show(pos float64) tea.Cmd {
	k := p.key()
	if out, ok := p.cache[k]; ok {
		p.want = learnRenderKey{}
		p.setContent(k, out, pos)
		return nil
	}
	p.want, p.wantPos, p.renderErr = k, pos, nil
	md, noColor := p.markdown(k.ref), p.c.Opts.NoColor
	return func() tea.Msg {
		out, err := markdown.Render(md, k.width, noColor)
		return learnRenderedMsg{key: k, out: out, err: err}
	}
}

// setDocument makes ref the reader's document, without rendering it.
func (p *learnPage) setDocument(ref learnRef) {
	p.cur = &ref
	p.link = -1
	p.related = nil
	switch ref.kind {
	case content.KindProblem:
		if pr, ok := p.lib.Problem(ref.id); ok {
			p.related = pr.Related
		}
	default:
		if t, ok := p.lib.Topic(ref.id); ok {
			p.related = t.Related
		}
	}
}

// visit opens ref in the reader, recording the current document in the
// history.
func (p *learnPage) visit(ref learnRef) tea.Cmd {
	if p.cur != nil {
		if *p.cur == ref {
			p.reading = true
			p.filter.Blur()
			return nil
		}
		p.back = append(p.back, learnVisit{*p.cur, p.position(), p.link})
	}
	p.fwd = nil
	return p.open(ref, 0, -1)
}

// open shows ref in the reader at pos with related link link selected.
func (p *learnPage) open(ref learnRef, pos float64, link int) tea.Cmd {
	p.setDocument(ref)
	p.link = min(link, len(p.related)-1)
	p.reading = true
	p.filter.Blur()
	p.vp.SetContent("")
	p.shown = learnRenderKey{}
	if p.width == 0 {
		p.needsRender = true
		return nil
	}
	return p.show(pos)
}

// goBack and goForward walk the history.
func (p *learnPage) goBack() tea.Cmd {
	if len(p.back) == 0 || p.cur == nil {
		return nil
	}
	v := p.back[len(p.back)-1]
	p.back = p.back[:len(p.back)-1]
	p.fwd = append(p.fwd, learnVisit{*p.cur, p.position(), p.link})
	return p.open(v.ref, v.pos, v.link)
}

func (p *learnPage) goForward() tea.Cmd {
	if len(p.fwd) == 0 || p.cur == nil {
		return nil
	}
	v := p.fwd[len(p.fwd)-1]
	p.fwd = p.fwd[:len(p.fwd)-1]
	p.back = append(p.back, learnVisit{*p.cur, p.position(), p.link})
	return p.open(v.ref, v.pos, v.link)
}

func (p *learnPage) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Close):
		p.reading = false
		return p.filter.Focus()
	case key.Matches(msg, k.Find):
		p.reading = false
		p.filter.CursorEnd()
		return p.filter.Focus()
	case key.Matches(msg, k.Quit):
		return quit
	case key.Matches(msg, k.ScrollUp):
		p.vp.ScrollUp(1)
	case key.Matches(msg, k.ScrollDown):
		p.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUpR):
		p.vp.PageUp()
	case key.Matches(msg, k.PageDownR):
		p.vp.PageDown()
	case key.Matches(msg, k.Top):
		p.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		p.vp.GotoBottom()
	case key.Matches(msg, k.Left):
		p.vp.ScrollLeft(8)
	case key.Matches(msg, k.Right):
		p.vp.ScrollRight(8)
	case key.Matches(msg, k.NextLink):
		if n := len(p.related); n > 0 {
			p.link = (p.link + 1) % n
		}
	case key.Matches(msg, k.PrevLink):
		if n := len(p.related); n > 0 {
			p.link = (p.link - 1 + n) % n
		}
	case key.Matches(msg, k.Follow):
		if p.link >= 0 && p.link < len(p.related) {
			return p.visit(learnRef{content.KindTopic, p.related[p.link]})
		}
	case key.Matches(msg, k.HistoryBack):
		return p.goBack()
	case key.Matches(msg, k.HistoryFwd):
		return p.goForward()
	}
	return nil
}

func (p *learnPage) markdown(ref learnRef) string {
	if ref.kind == content.KindProblem {
		if pr, ok := p.lib.Problem(ref.id); ok {
			return pr.Markdown()
		}
		return ""
	}
	if t, ok := p.lib.Topic(ref.id); ok {
		return t.Markdown()
	}
	return ""
}

func (p *learnPage) docTitle(ref learnRef) string {
	if i := p.itemIndex(ref); i >= 0 {
		return p.items[i].title
	}
	return ref.id
}

// readerView is the rendered document, a status rule and the related
// links, in w×height cells.
func (p *learnPage) readerView(w int) string {
	t := p.c.Theme
	var body string
	switch {
	case p.renderErr != nil:
		body = t.Error.Render(wrap("Could not render this page: "+p.renderErr.Error(), w))
	case p.shown == (learnRenderKey{}):
		body = t.Subtle.Render("Rendering " + p.docTitle(*p.cur) + " …")
	default:
		body = p.vp.View()
	}
	body = fitBlock(body, w, p.vp.Height())
	return body + "\n" + p.ruleView(w) + "\n" + p.linksView(w)
}

// ruleView is a rule with the scroll position and the history depth.
func (p *learnPage) ruleView(w int) string {
	t := p.c.Theme
	label := fmt.Sprintf(" %d%% ", int(p.vp.ScrollPercent()*100+0.5))
	if p.vp.TotalLineCount() <= p.vp.Height() {
		label = " all "
	}
	if len(p.back) > 0 || len(p.fwd) > 0 {
		label += fmt.Sprintf("· history %d back, %d forward ", len(p.back), len(p.fwd))
	}
	style := t.Subtle
	if p.reading {
		style = t.Label
	}
	return style.Render(truncate("──"+label+strings.Repeat("─", max(w-lipgloss.Width(label)-2, 0)), w))
}

// linksView lists the related topics on one line, the selected one
// highlighted and kept in view.
func (p *learnPage) linksView(w int) string {
	t := p.c.Theme
	label := "Related: "
	if len(p.related) == 0 {
		return t.Subtle.Render("No related topics.")
	}
	parts := make([]string, len(p.related))
	for i, id := range p.related {
		if i == p.link {
			parts[i] = t.Selected.Render(id)
		} else {
			parts[i] = t.Text.Render(id)
		}
	}
	// Drop links from the front until the selected one fits.
	first := 0
	for first < p.link && lipgloss.Width(label+"… "+strings.Join(parts[first:p.link+1], " · ")) > w {
		first++
	}
	line := t.Label.Render(label)
	if first > 0 {
		line += "… "
	}
	return truncate(line+strings.Join(parts[first:], " · "), w)
}
