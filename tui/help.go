package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// The help the app draws under every page, and the full help ? opens.

// helpBar is the one-line help under the page: the page's keys, then ?,
// esc and quit. Page keys that do not fit are left out from the end (the
// full help lists them all).
func (a *App) helpBar(cur Page, w int) string {
	g := a.common.Keys.Global
	page := cur.ShortHelp()
	var tail []key.Binding
	if a.showAll {
		page, tail = nil, []key.Binding{withHelp(g.Help, "close help")}
	} else if !cur.Typing() {
		tail = append(tail, g.Help)
	}
	if a.active != PageHome && !bindsKey(page, "esc") {
		tail = append(tail, g.Back) // unless esc means something else here
	}
	if cur.Typing() {
		tail = append(tail, g.ForceQuit)
	} else {
		tail = append(tail, g.Quit)
	}
	h := a.help
	h.SetWidth(0) // measure whole; the help model would cut with an ellipsis
	for {
		bar := h.ShortHelpView(append(slices.Clip(page), tail...))
		if len(page) == 0 || lipgloss.Width(bar) <= w {
			return truncate(bar, w)
		}
		page = page[:len(page)-1]
	}
}

// fullHelp renders every key of the page, then the app's own keys, in
// columns; columns that do not fit beside the others go below them.
func (a *App) fullHelp(cur Page, w int) string {
	groups := a.helpGroups(cur)
	h := a.help
	h.SetWidth(0)
	blocks := []string{a.common.Theme.Title.Render("Keys")}
	var row [][]key.Binding
	for _, grp := range groups {
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(append(slices.Clip(row), grp))) > w {
			blocks = append(blocks, h.FullHelpView(row))
			row = nil
		}
		row = append(row, grp)
	}
	blocks = append(blocks, h.FullHelpView(row))
	return strings.Join(blocks, "\n\n")
}

// helpGroups is what the full help lists: the page's keys, then the
// app's that still mean what they say there (no q while the page takes
// text, nothing the page binds itself).
func (a *App) helpGroups(cur Page) [][]key.Binding {
	g := a.common.Keys.Global
	global := []key.Binding{g.Help, g.Back, g.Quit, g.ForceQuit}
	if cur.Typing() {
		global = []key.Binding{g.Help, g.Back, g.ForceQuit}
	}
	groups := cur.FullHelp()
	return append(groups, notShadowed(groups, global...))
}

// notShadowed keeps the app's bindings whose keys the page's help does not
// already list: where a page gives esc its own meaning, the help shows
// that meaning once.
func notShadowed(page [][]key.Binding, global ...key.Binding) []key.Binding {
	taken := map[string]bool{}
	for _, grp := range page {
		for _, b := range grp {
			for _, k := range b.Keys() {
				taken[k] = true
			}
		}
	}
	var out []key.Binding
	for _, b := range global {
		if !slices.ContainsFunc(b.Keys(), func(k string) bool { return taken[k] }) {
			out = append(out, b)
		}
	}
	return out
}

// withHelp returns b with another help text.
func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// bindsKey reports whether one of bs is bound to k.
func bindsKey(bs []key.Binding, k string) bool {
	for _, b := range bs {
		if slices.Contains(b.Keys(), k) {
			return true
		}
	}
	return false
}
