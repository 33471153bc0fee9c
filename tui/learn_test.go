package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/internal/markdown"
)

// newLearnApp starts the app on the learn page the way the runtime does:
// Init first (nothing to render before the size), then the window size,
// whose message starts the rendering of Options.Topic.
func newLearnApp(t *testing.T, opts Options, w, h int) (*App, *learnPage) {
	t.Helper()
	opts.Start = PageLearn
	opts.NoColor = true
	opts.Now = testNow
	opts.DataDir = t.TempDir()
	a, err := NewApp(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	init := a.Init()
	_, sized := a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	drain(a, sized)
	drain(a, init)
	p, ok := a.pages[PageLearn].(*learnPage)
	if !ok {
		t.Fatal("no learn page")
	}
	return a, p
}

// listed returns the ids of the items the list shows, in order.
func listed(p *learnPage) []string {
	var ids []string
	for _, r := range p.rows {
		if r.item >= 0 {
			ids = append(ids, p.items[r.item].ref.id)
		}
	}
	return ids
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func selectedID(p *learnPage) string {
	if p.sel < 0 {
		return ""
	}
	return p.items[p.rows[p.sel].item].ref.id
}

func currentID(p *learnPage) string {
	if p.cur == nil {
		return ""
	}
	return p.cur.id
}

func TestLearnListGolden(t *testing.T) {
	a, _ := newLearnApp(t, Options{}, 80, 24)
	golden.RequireEqual(t, a.View().Content)
}

func TestLearnReaderGolden(t *testing.T) {
	a, p := newLearnApp(t, Options{Topic: "cap-theorem"}, 80, 24)
	if p.shown.ref.id != "cap-theorem" {
		t.Fatalf("reader shows %+v", p.shown)
	}
	golden.RequireEqual(t, a.View().Content)
}

func TestLearnTwoPaneGolden(t *testing.T) {
	a, _ := newLearnApp(t, Options{}, 140, 36)
	press(t, a, text("quorum")...)
	press(t, a, special(tea.KeyEnter))
	golden.RequireEqual(t, a.View().Content)
}

func TestLearnListsEverythingGrouped(t *testing.T) {
	_, p := newLearnApp(t, Options{}, 80, 24)
	lib, _ := content.Default()
	if got, want := len(listed(p)), len(lib.Topics())+len(lib.Problems()); got != want {
		t.Fatalf("%d items listed, want %d", got, want)
	}
	var headings []string
	for _, r := range p.rows {
		if r.item < 0 {
			headings = append(headings, r.heading)
		}
	}
	var want []string
	for _, g := range lib.Categories() {
		want = append(want, g.Title)
	}
	want = append(want, "Problems")
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", headings, want)
	}
	if selectedID(p) == "" {
		t.Error("nothing selected")
	}
}

func TestLearnFilterNarrows(t *testing.T) {
	a, p := newLearnApp(t, Options{}, 80, 24)
	all := len(listed(p))
	press(t, a, text("sh")...) // short: ids, titles, aliases and tags
	short := listed(p)
	if len(short) == 0 || len(short) >= all {
		t.Fatalf("\"sh\" lists %d of %d", len(short), all)
	}
	for _, r := range p.rows {
		if r.item >= 0 && !strings.Contains(p.items[r.item].match, "sh") {
			t.Errorf("%s listed for \"sh\"", p.items[r.item].ref.id)
		}
	}
	press(t, a, text("ard")...) // "shard": a search now, best first
	if got := selectedID(p); got != "sharding" {
		t.Errorf("\"shard\" selects %q, want sharding first", got)
	}
	if !strings.Contains(a.View().Content, "found in titles, tags and text") {
		t.Error("status does not say the text is searched")
	}
	for range len("shard") {
		press(t, a, special(tea.KeyBackspace))
	}
	press(t, a, text("harding")...) // in no word's start, but in a name
	if !contains(listed(p), "sharding") {
		t.Errorf("\"harding\" lost sharding: %v", listed(p))
	}
	press(t, a, special(tea.KeyEscape)) // clears the filter
	if p.filter.Value() != "" || len(listed(p)) != all || a.active != PageLearn {
		t.Errorf("esc with text: filter %q, %d listed, page %q", p.filter.Value(), len(listed(p)), a.active)
	}
	press(t, a, special(tea.KeyEscape)) // empty filter: home
	if a.active != PageHome {
		t.Errorf("esc with an empty filter left us on %q", a.active)
	}
}

func TestLearnFindsBodyOnlyTerm(t *testing.T) {
	// "debezium" is in the body of caching, not in its title, id,
	// aliases or tags: only the full-text search finds it there.
	a, p := newLearnApp(t, Options{}, 80, 24)
	caching := p.items[p.itemIndex(learnRef{content.KindTopic, "caching"})]
	if strings.Contains(caching.match, "debezium") {
		t.Fatal("debezium is in caching's tags now; pick another body-only term")
	}
	press(t, a, text("debezium")...)
	if !contains(listed(p), "caching") {
		t.Fatalf("a term only in caching's body does not find it: %v", listed(p))
	}
	v := a.View().Content
	if !strings.Contains(v, "Debezium reading the Postgres WAL") {
		t.Errorf("no snippet shown for the hit:\n%s", v)
	}
	for selectedID(p) != "caching" {
		before := p.sel
		press(t, a, special(tea.KeyDown))
		if p.sel == before {
			t.Fatal("could not reach caching in the list")
		}
	}
	press(t, a, special(tea.KeyEnter))
	if currentID(p) != "caching" || !p.reading {
		t.Errorf("enter on the hit opened %q", currentID(p))
	}
}

func TestLearnRendersInACommand(t *testing.T) {
	a, p := newLearnApp(t, Options{}, 80, 24)
	press(t, a, text("caching")...)
	_, cmd := a.Update(special(tea.KeyEnter))
	if cmd == nil {
		t.Fatal("opening a topic returned no command")
	}
	if p.shown != (learnRenderKey{}) || p.vp.TotalLineCount() > 1 {
		t.Fatal("the topic was rendered in Update")
	}
	if !strings.Contains(a.View().Content, "Rendering Caching") {
		t.Error("no placeholder while rendering")
	}
	msg := cmd()
	if _, ok := msg.(learnRenderedMsg); !ok {
		t.Fatalf("the command returned %T", msg)
	}
	a.Update(msg)
	if p.shown.ref.id != "caching" || !strings.Contains(ansi.Strip(p.vp.GetContent()), "What it is") {
		t.Fatal("the rendering was not shown")
	}
	// Back to the list and in again: the cached rendering, no command.
	press(t, a, special(tea.KeyEscape))
	if _, cmd := a.Update(special(tea.KeyTab)); cmd != nil || !p.reading {
		t.Errorf("tab back to the open topic: reading %v, command %v", p.reading, cmd != nil)
	}
}

func TestLearnRelatedLinksAndHistory(t *testing.T) {
	a, p := newLearnApp(t, Options{Topic: "caching"}, 80, 24)
	if !p.reading || currentID(p) != "caching" {
		t.Fatalf("Options.Topic opened %q (reading %v)", currentID(p), p.reading)
	}
	related := p.related
	if len(related) < 2 {
		t.Fatalf("caching has %d related topics", len(related))
	}
	press(t, a, text("jjjj")...)
	y := p.vp.YOffset()
	if y != 4 {
		t.Fatalf("j×4 scrolled to %d", y)
	}
	press(t, a, special(tea.KeyTab), special(tea.KeyTab))
	if p.link != 1 {
		t.Fatalf("tab×2 selected link %d", p.link)
	}
	press(t, a, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if p.link != 0 {
		t.Fatalf("shift+tab selected link %d", p.link)
	}
	press(t, a, special(tea.KeyEnter))
	if currentID(p) != related[0] || p.shown.ref.id != related[0] {
		t.Fatalf("enter followed to %q (shown %q), want %q", currentID(p), p.shown.ref.id, related[0])
	}
	if p.vp.YOffset() != 0 || p.link != -1 {
		t.Errorf("followed link opened at line %d with link %d", p.vp.YOffset(), p.link)
	}
	if !strings.Contains(a.View().Content, "history 1 back") {
		t.Error("history depth not shown")
	}

	press(t, a, text("[")...)
	if currentID(p) != "caching" || p.vp.YOffset() != y || p.link != 0 {
		t.Fatalf("[ went to %q at line %d, link %d; want caching at %d, link 0", currentID(p), p.vp.YOffset(), p.link, y)
	}
	press(t, a, text("]")...)
	if currentID(p) != related[0] {
		t.Fatalf("] went to %q", currentID(p))
	}
	press(t, a, tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt})
	if currentID(p) != "caching" {
		t.Fatalf("alt+← went to %q", currentID(p))
	}
	press(t, a, tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModAlt})
	if currentID(p) != related[0] {
		t.Fatalf("alt+→ went to %q", currentID(p))
	}
	// Opening a new topic from the list drops the forward history.
	press(t, a, text("[")...)
	press(t, a, special(tea.KeyEscape))
	press(t, a, text("quorum")...)
	press(t, a, special(tea.KeyEnter))
	if currentID(p) != "quorum" || len(p.fwd) != 0 || len(p.back) != 1 {
		t.Errorf("after opening quorum: %q, %d back, %d forward", currentID(p), len(p.back), len(p.fwd))
	}
}

func TestLearnReaderKeys(t *testing.T) {
	a, p := newLearnApp(t, Options{Topic: "sharding"}, 80, 24)
	press(t, a, text("G")...)
	if !p.vp.AtBottom() {
		t.Error("G did not scroll to the bottom")
	}
	press(t, a, text("g")...)
	if p.vp.YOffset() != 0 {
		t.Error("g did not scroll to the top")
	}
	press(t, a, special(tea.KeyPgDown))
	if p.vp.YOffset() != p.vp.Height() {
		t.Errorf("pgdown scrolled to %d, page is %d", p.vp.YOffset(), p.vp.Height())
	}
	press(t, a, special(tea.KeyEscape))
	if p.reading || a.active != PageLearn {
		t.Errorf("esc in the reader: reading %v, page %q", p.reading, a.active)
	}
	press(t, a, special(tea.KeyTab)) // back into the reader
	press(t, a, text("/")...)
	if p.reading || !p.filter.Focused() {
		t.Error("/ does not go to the filter")
	}
	press(t, a, text("q")...)
	if p.filter.Value() != "q" {
		t.Errorf("q in the filter typed %q", p.filter.Value())
	}
	press(t, a, special(tea.KeyTab))
	if !isQuit(press(t, a, text("q")...)) {
		t.Error("q in the reader does not quit")
	}
}

func TestLearnProblemInReader(t *testing.T) {
	a, p := newLearnApp(t, Options{}, 80, 24)
	press(t, a, text("twitter")...)
	for selectedID(p) != "twitter" {
		before := p.sel
		press(t, a, special(tea.KeyDown))
		if p.sel == before {
			t.Fatal("twitter not in the list")
		}
	}
	press(t, a, special(tea.KeyEnter))
	if p.cur == nil || p.cur.kind != content.KindProblem || !strings.Contains(ansi.Strip(p.vp.GetContent()), "Prompt") {
		t.Fatalf("the problem is not in the reader")
	}
	if len(p.related) == 0 {
		t.Error("a problem's related topics are not links")
	}
}

func TestLearnResizeRerenders(t *testing.T) {
	a, p := newLearnApp(t, Options{Topic: "caching"}, 80, 24)
	narrow := p.vp.GetContent()
	_, cmd := a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if cmd == nil {
		t.Fatal("a new width does not start a new rendering")
	}
	drain(a, cmd)
	if p.shown.width != markdown.Width(100-2) || p.vp.GetContent() == narrow {
		t.Fatalf("not re-rendered at the new width: shown %+v", p.shown)
	}
	_, cmd = a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if p.needsRender || p.vp.GetContent() != narrow || cmd != nil {
		t.Error("the cached rendering for 80 columns was not reused")
	}
}

func TestLearnOpensAProblemWhoseIDIsATopicAlias(t *testing.T) {
	_, p := newLearnApp(t, Options{Topic: LearnProblemPrefix + "rate-limiter"}, 80, 24)
	if p.cur == nil || p.cur.kind != content.KindProblem || p.cur.id != "rate-limiter" {
		t.Fatalf("opened %+v, want the rate-limiter problem", p.cur)
	}
	_, p = newLearnApp(t, Options{Topic: "rate-limiter"}, 80, 24)
	if p.cur == nil || p.cur.kind != content.KindTopic {
		t.Fatalf("opened %+v, want the topic with the alias rate-limiter", p.cur)
	}
}

func TestLearnUnknownTopic(t *testing.T) {
	for _, id := range []string{"nosuch", LearnProblemPrefix + "caching"} {
		if _, err := NewApp(t.Context(), Options{Start: PageLearn, Topic: id, NoColor: true}); err == nil {
			t.Errorf("unknown Options.Topic %q accepted", id)
		}
	}
}

func TestLearnFramesFitTheWindow(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}, {200, 50}} {
		for _, topic := range []string{"", "consistency-models"} {
			a, _ := newLearnApp(t, Options{Topic: topic}, size[0], size[1])
			lines := strings.Split(a.View().Content, "\n")
			if len(lines) > size[1] {
				t.Errorf("%q at %v: %d lines", topic, size, len(lines))
			}
			for i, l := range lines {
				if w := displayWidth(l); w > size[0] {
					t.Errorf("%q at %v: line %d is %d wide", topic, size, i, w)
				}
			}
		}
	}
}
