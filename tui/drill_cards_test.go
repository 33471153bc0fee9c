package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/internal/store"
)

// newDrillApp opens the app on page with its own data directory and
// runs the page's first load.
func newDrillApp(t *testing.T, opts Options, w, h int) (*App, string) {
	t.Helper()
	if opts.DataDir == "" {
		opts.DataDir = t.TempDir()
	}
	opts.NoColor, opts.Now = true, testNow
	a, err := NewApp(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	a.common.Tick = heldTicks
	drain(a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a, opts.DataDir
}

// reviews counts the review-log rows in dir's store, through a second
// connection, as another process would see them.
func reviews(t *testing.T, dir string) int {
	t.Helper()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.Reviews(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return len(r)
}

func cardsOpts(topic string) Options {
	return Options{Start: PageDrillCards, Cards: CardsOptions{Topic: topic}}
}

func TestCardsPageGolden(t *testing.T) {
	a, _ := newDrillApp(t, cardsOpts("caching"), 80, 24)
	t.Run("question", func(t *testing.T) { golden.RequireEqual(t, a.View().Content) })
	press(t, a, text(" ")...)
	t.Run("answer", func(t *testing.T) { golden.RequireEqual(t, a.View().Content) })
	for range 6 { // three new cards, each Good twice: learning, then review
		press(t, a, text(" 3")...)
	}
	t.Run("end", func(t *testing.T) { golden.RequireEqual(t, a.View().Content) })
}

func TestCardsPageCommitsEachAnswerAndUndoes(t *testing.T) {
	a, dir := newDrillApp(t, cardsOpts("caching"), 80, 24)
	p := a.pages[PageDrillCards].(*cardsPage)
	first := p.snap.item.Card.ID
	press(t, a, text("3")...) // not revealed yet: no rating
	if n := reviews(t, dir); n != 0 {
		t.Fatalf("%d reviews before the answer was shown", n)
	}
	press(t, a, text(" 1")...)
	if n := reviews(t, dir); n != 1 {
		t.Fatalf("%d reviews after one rating; want it committed before the next card", n)
	}
	if p.snap.item.Card.ID == first || !strings.Contains(a.View().Content, "space shows the answer") {
		t.Errorf("the next card is not shown, hidden:\n%s", a.View().Content)
	}
	press(t, a, text("u")...)
	if n := reviews(t, dir); n != 0 {
		t.Errorf("%d reviews after undo; want 0", n)
	}
	if p.snap.item.Card.ID != first || p.snap.summary.Reviewed != 0 {
		t.Errorf("after undo the card is %s (reviewed %d); want %s again", p.snap.item.Card.ID, p.snap.summary.Reviewed, first)
	}
}

func TestCardsPageShowsIntervals(t *testing.T) {
	a, _ := newDrillApp(t, cardsOpts("caching"), 80, 24)
	press(t, a, text(" ")...)
	v := a.View().Content
	for _, want := range []string{"Again · 1m", "Hard · 5m", "Good · 10m", "Easy · "} {
		if !strings.Contains(v, want) {
			t.Errorf("answer view lacks %q:\n%s", want, v)
		}
	}
}

func TestCardsPageRefusesCorruptStore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	if err := os.WriteFile(path, []byte(strings.Repeat("not sqlite ", 500)), 0o600); err != nil {
		t.Fatal(err)
	}
	a, _ := newDrillApp(t, Options{Start: PageDrillCards, DataDir: dir}, 80, 24)
	v := a.View().Content
	if !strings.Contains(v, "--data-dir") || !strings.Contains(v, "Cannot open your progress") {
		t.Errorf("corrupt store not reported:\n%s", v)
	}
	press(t, a, text("3")...) // keys do nothing, and nothing panics
}

func TestCardsPageFitsSmallWindow(t *testing.T) {
	a, _ := newDrillApp(t, cardsOpts(""), 60, 16)
	press(t, a, text(" ")...)
	for i, line := range strings.Split(a.View().Content, "\n") {
		if w := displayWidth(line); w > 60 {
			t.Errorf("line %d is %d wide at 60 columns: %q", i, w, line)
		}
	}
}

func TestStatsPage(t *testing.T) {
	a, _ := newDrillApp(t, cardsOpts("caching"), 80, 24)
	press(t, a, text(" 3 3")...)
	drain(a, func() tea.Msg { return OpenPageMsg{ID: PageStats} })
	v := a.View().Content
	if !strings.Contains(v, "Retention") || !strings.Contains(v, "2 reviews") {
		t.Fatalf("stats page does not show the two reviews:\n%s", v)
	}
	golden.RequireEqual(t, v)
}

func TestCardsPagePracticeAfterTheEnd(t *testing.T) {
	a, dir := newDrillApp(t, cardsOpts("caching"), 80, 24)
	for range 6 {
		press(t, a, text(" 3")...)
	}
	p := a.pages[PageDrillCards].(*cardsPage)
	if p.snap.ok {
		t.Fatal("the session did not end")
	}
	press(t, a, text("p")...)
	if !p.snap.ok || !p.snap.item.Practice || p.snap.remaining != 3 {
		t.Fatalf("p did not start practice on the 3 seen cards: %+v", p.snap)
	}
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, _ := st.Cards(context.Background())
	press(t, a, text(" 1")...)
	after, _ := st.Cards(context.Background())
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("practice moved %s", before[i].ID)
		}
	}
	if n := reviews(t, dir); n != 7 {
		t.Errorf("%d reviews; want 6 + 1 practice", n)
	}
}

func TestDrillMenuOpensCards(t *testing.T) {
	a, _ := newDrillApp(t, Options{}, 80, 24)
	press(t, a, text("d")...)
	if a.active != PageDrill {
		t.Fatalf("d on the home menu opened %q", a.active)
	}
	golden.RequireEqual(t, a.View().Content)
	press(t, a, special(tea.KeyEnter))
	if a.active != PageDrillCards || !strings.Contains(a.View().Content, "space shows the answer") {
		t.Errorf("enter on Cards opened %q:\n%s", a.active, a.View().Content)
	}
	press(t, a, special(tea.KeyEscape))
	press(t, a, text("t")...)
	if a.active != PageStats || !strings.Contains(a.View().Content, "Retention") {
		t.Errorf("t on the home menu opened %q:\n%s", a.active, a.View().Content)
	}
}
