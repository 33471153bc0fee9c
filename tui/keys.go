package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key binding of the app, in one place, grouped the way
// soft-serve groups its keys: the global keys, the navigation keys every
// page reuses, then one group per page. A key means one thing everywhere:
// tab is always "next" (field, pane, table or link), shift+tab "previous",
// enter "confirm or open", esc "back", ? "full help". Pages match keys with
// key.Matches only; no page compares raw key strings.
type KeyMap struct {
	Global GlobalKeys
	Nav    NavKeys

	Home          HomeKeys
	Estimate      EstimateKeys
	Numbers       NumbersKeys
	Learn         LearnKeys
	RateLimit     RateLimitKeys
	Shortener     ShortenerKeys
	Quiz          QuizKeys
	Mock          MockKeys
	Cards         CardsKeys
	DrillEstimate DrillEstimateKeys
	SimLab        SimLabKeys
}

// GlobalKeys are handled by the app itself on every page.
type GlobalKeys struct {
	Quit      key.Binding // q: leave the app (a typing page gets q as text)
	ForceQuit key.Binding // ctrl+c: leave the app, always
	Back      key.Binding // esc: back to the home menu
	Help      key.Binding // ?: toggle the full help (a typing page decides)
}

// NavKeys move around within a page.
type NavKeys struct {
	Up, Down, Left, Right key.Binding
	Select                key.Binding // enter: confirm or open
	Next, Prev            key.Binding // tab and shift+tab: next and previous field
	PageUp, PageDown      key.Binding
	Top, Bottom           key.Binding
	ClearField            key.Binding // ctrl+u: clear the text field (readline)
}

// HomeKeys drive the home menu. Jump holds each mode's shortcut (its
// first letter), keyed by page id.
type HomeKeys struct {
	Open key.Binding
	Jump map[string]key.Binding
}

// EstimateKeys drive the estimate form.
type EstimateKeys struct {
	Next, Prev, PrevPreset, NextPreset, Export, Copy, ScrollUp, ScrollDown key.Binding
}

// NumbersKeys drive the numbers tables and the nines calculator.
type NumbersKeys struct {
	NextTab, PrevTab key.Binding // on a table: tab/shift+tab and →/←
	Next, Prev       key.Binding // on the calculator, where ←/→ edit the text
	Tables           key.Binding // Next and Prev in one entry of the help bar
}

// LearnKeys drive the learn list and reader.
type LearnKeys struct {
	Up, Down, PageUp, PageDown          key.Binding // in the list
	Open, ToReader, Clear               key.Binding
	ScrollUp, ScrollDown, Top, Bottom   key.Binding // in the reader
	PageUpR, PageDownR, Left, Right     key.Binding
	NextLink, PrevLink, Follow, Close   key.Binding
	HistoryBack, HistoryFwd, Find, Quit key.Binding
}

// SimLabKeys drive the simulation labs (cache, quorum, hash ring,
// balancer): pick a parameter, change it, and the simulation runs again.
type SimLabKeys struct {
	Up, Down, Dec, Inc key.Binding
}

// RateLimitKeys drive the rate-limiter lab. Edit opens the limit form,
// where Nav.Next/Prev move between fields, Apply sets the limit and
// Cancel leaves the form unchanged.
type RateLimitKeys struct {
	Send, Burst, Steady, Spike, Edge, Traffic, Stop key.Binding
	NextAlg, PrevAlg, Algorithm, Pause, Reset       key.Binding
	Edit, Apply, Cancel                             key.Binding
}

// QuizKeys drive the quiz: a number answers, enter moves on, r starts a
// new quiz at the end; Scroll is the help entry for Nav.Up/Down.
type QuizKeys struct {
	Answer, Next, Restart, Scroll key.Binding
}

// ShortenerKeys drive the shortener lab.
type ShortenerKeys struct {
	Next, Prev, Shorten, Strategy, PrevStrategy, NextStrategy key.Binding
	Up, Down, Resolve, Burst, Back                            key.Binding
	FieldUp, FieldDown                                        key.Binding // move between fields while typing
	PageUp, PageDown                                          key.Binding // page through the links
}

// MockKeys drive the mock interview. The notes editor has focus, so the
// interview's own keys are ctrl chords (and f1 for help: ? is text).
type MockKeys struct {
	Next, Prev, Pause, Hint, Reveal, Pin, Help, Leave key.Binding
	PinIt, Close, Toggle                              key.Binding // pin chooser and deep-dive list
	Score, Overrule                                   key.Binding // end screen
}

func bind(keys []string, k, help string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
}

func keys(k ...string) []string { return k }

// DefaultKeyMap returns the app's bindings.
func DefaultKeyMap() KeyMap {
	nav := NavKeys{
		Up:         bind(keys("up", "k"), "↑/k", "up"),
		Down:       bind(keys("down", "j"), "↓/j", "down"),
		Left:       bind(keys("left", "h"), "←/h", "left"),
		Right:      bind(keys("right", "l"), "→/l", "right"),
		Select:     bind(keys("enter"), "enter", "open"),
		Next:       bind(keys("tab"), "tab", "next"),
		Prev:       bind(keys("shift+tab"), "shift+tab", "previous"),
		PageUp:     bind(keys("pgup", "b"), "pgup/b", "page up"),
		PageDown:   bind(keys("pgdown", "f", "space"), "pgdn/f/space", "page down"),
		Top:        bind(keys("home", "g"), "g", "top"),
		Bottom:     bind(keys("end", "G"), "G", "bottom"),
		ClearField: bind(keys("ctrl+u"), "ctrl+u", "clear field"),
	}
	return KeyMap{
		Global: GlobalKeys{
			Quit:      bind(keys("q"), "q", "quit"),
			ForceQuit: bind(keys("ctrl+c"), "ctrl+c", "quit"),
			Back:      bind(keys("esc"), "esc", "back"),
			Help:      bind(keys("?"), "?", "help"),
		},
		Nav:           nav,
		Home:          defaultHomeKeys(),
		Estimate:      defaultEstimateKeys(),
		Numbers:       defaultNumbersKeys(),
		Learn:         defaultLearnKeys(nav),
		RateLimit:     defaultRateLimitKeys(),
		Shortener:     defaultShortenerKeys(),
		Cards:         defaultCardsKeys(),
		Quiz:          defaultQuizKeys(),
		Mock:          defaultMockKeys(),
		DrillEstimate: defaultDrillEstimateKeys(),
		SimLab: SimLabKeys{
			Up:   bind(keys("up", "k"), "↑/k", "previous parameter"),
			Down: bind(keys("down", "j"), "↓/j", "next parameter"),
			Dec:  bind(keys("left", "h", "-"), "←/h", "smaller"),
			Inc:  bind(keys("right", "l", "+"), "→/l", "larger"),
		},
	}
}

func defaultMockKeys() MockKeys {
	return MockKeys{
		Next:     bind(keys("ctrl+n"), "ctrl+n", "next step"),
		Prev:     bind(keys("ctrl+p"), "ctrl+p", "previous step"),
		Pause:    bind(keys("ctrl+t"), "ctrl+t", "pause/resume"),
		Hint:     bind(keys("ctrl+g"), "ctrl+g", "hint"),
		Reveal:   bind(keys("ctrl+r"), "ctrl+r", "reveal answer"),
		Pin:      bind(keys("ctrl+f"), "ctrl+f", "pin figure"),
		Help:     bind(keys("f1"), "f1", "keys"),
		Leave:    bind(keys("esc"), "esc", "pause and leave"),
		PinIt:    bind(keys("enter"), "enter", "pin"),
		Close:    bind(keys("esc"), "esc", "close"),
		Toggle:   bind(keys("enter", "x"), "enter/x", "take on"),
		Score:    bind(keys("1", "2", "3", "4"), "1-4", "score"),
		Overrule: bind(keys("enter", "x"), "enter/x", "overrule match"),
	}
}

func defaultHomeKeys() HomeKeys {
	k := HomeKeys{Open: bind(keys("enter", "right"), "enter", "open"), Jump: map[string]key.Binding{}}
	// Each entry jumps on the first letter of its name that no earlier
	// entry took: Shortener has S, so Stats gets t. Q, J and K are taken
	// from the start: they quit and move on the menu.
	taken := map[rune]bool{'Q': true, 'J': true, 'K': true}
	for _, e := range menu {
		for _, r := range strings.ToUpper(e.Name) {
			if r < 'A' || r > 'Z' || taken[r] {
				continue
			}
			taken[r] = true
			c := string(r)
			k.Jump[e.Page] = bind(keys(c, strings.ToLower(c)), c, e.Name)
			break
		}
	}
	return k
}

func defaultEstimateKeys() EstimateKeys {
	return EstimateKeys{
		Next:       bind(keys("down", "tab", "enter"), "tab", "next"),
		Prev:       bind(keys("up", "shift+tab"), "shift+tab", "previous field"),
		PrevPreset: bind(keys("left", "h"), "←", "previous preset"),
		NextPreset: bind(keys("right", "l"), "←/→", "preset"),
		Export:     bind(keys("ctrl+s"), "ctrl+s", "save"),
		Copy:       bind(keys("ctrl+y"), "ctrl+y", "copy"),
		ScrollUp:   bind(keys("pgup"), "pgup/dn", "scroll"),
		ScrollDown: bind(keys("pgdown"), "pgdn", "scroll down"),
	}
}

func defaultNumbersKeys() NumbersKeys {
	return NumbersKeys{
		NextTab: bind(keys("tab", "right", "l"), "tab/→", "next table"),
		PrevTab: bind(keys("shift+tab", "left", "h"), "shift+tab/←", "previous table"),
		Next:    bind(keys("tab"), "tab", "next table"),
		Prev:    bind(keys("shift+tab"), "shift+tab", "previous table"),
		Tables:  bind(keys("tab", "shift+tab"), "tab/shift+tab", "tables"),
	}
}

func defaultLearnKeys(nav NavKeys) LearnKeys {
	return LearnKeys{
		Up:          bind(keys("up", "ctrl+p"), "↑/↓", "move"),
		Down:        bind(keys("down", "ctrl+n"), "↓", "move down"),
		PageUp:      bind(keys("pgup"), "pgup", "page up"),
		PageDown:    bind(keys("pgdown"), "pgdn", "page down"),
		Open:        bind(keys("enter"), "enter", "read"),
		ToReader:    bind(keys("tab"), "tab", "reader"),
		Clear:       bind(keys("esc"), "esc", "clear filter"),
		ScrollUp:    bind(keys("up", "k"), "↑/↓", "scroll"),
		ScrollDown:  bind(keys("down", "j"), "↓/j", "scroll down"),
		Top:         nav.Top,
		Bottom:      nav.Bottom,
		PageUpR:     nav.PageUp,
		PageDownR:   nav.PageDown,
		Left:        bind(keys("left", "h"), "←/→", "sideways"),
		Right:       bind(keys("right", "l"), "→", "right"),
		NextLink:    bind(keys("tab"), "tab", "links"),
		PrevLink:    bind(keys("shift+tab"), "shift+tab", "previous link"),
		Follow:      bind(keys("enter"), "enter", "follow"),
		Close:       bind(keys("esc"), "esc", "list"),
		HistoryBack: bind(keys("[", "alt+left"), "[/]", "history"),
		HistoryFwd:  bind(keys("]", "alt+right"), "]", "forward"),
		Find:        bind(keys("/"), "/", "search"),
		Quit:        bind(keys("q"), "q", "quit"),
	}
}

func defaultRateLimitKeys() RateLimitKeys {
	return RateLimitKeys{
		Send:      bind(keys("enter"), "enter", "send"),
		Burst:     bind(keys("b"), "b", "burst"),
		Steady:    bind(keys("1"), "1", "steady traffic"),
		Spike:     bind(keys("2"), "2", "spikes"),
		Edge:      bind(keys("3"), "3", "window-edge bursts"),
		Traffic:   bind(keys("1", "2", "3"), "1-3", "traffic"),
		Stop:      bind(keys("s"), "s", "stop traffic"),
		NextAlg:   bind(keys("a"), "a", "next algorithm"),
		PrevAlg:   bind(keys("A"), "A", "previous algorithm"),
		Algorithm: bind(keys("a", "A"), "a/A", "algorithm"),
		Pause:     bind(keys("p"), "p", "pause"),
		Reset:     bind(keys("r"), "r", "reset"),
		Edit:      bind(keys("e"), "e", "edit limit"),
		Apply:     bind(keys("enter"), "enter", "apply"),
		Cancel:    bind(keys("esc"), "esc", "cancel"),
	}
}

func defaultShortenerKeys() ShortenerKeys {
	return ShortenerKeys{
		Next:         bind(keys("tab"), "tab", "next"),
		Prev:         bind(keys("shift+tab"), "shift+tab", "previous"),
		Shorten:      bind(keys("enter"), "enter", "shorten"),
		Strategy:     bind(keys("ctrl+t"), "ctrl+t", "strategy"),
		PrevStrategy: bind(keys("left", "h"), "←", "previous strategy"),
		NextStrategy: bind(keys("right", "l"), "←/→", "strategy"),
		Up:           bind(keys("up", "k"), "↑", "up"),
		Down:         bind(keys("down", "j"), "↑/↓", "select"),
		Resolve:      bind(keys("enter", "o"), "enter", "visit"),
		Burst:        bind(keys("R"), "R", fmt.Sprintf("visit ×%d", shortenerBurst)),
		Back:         bind(keys("esc"), "esc", "back"),
		FieldUp:      bind(keys("up"), "↑", "previous field"),
		FieldDown:    bind(keys("down"), "↓", "next field"),
		PageUp:       bind(keys("pgup"), "pgup/dn", "page links"),
		PageDown:     bind(keys("pgdown"), "pgdn", "next page"),
	}
}

func defaultQuizKeys() QuizKeys {
	return QuizKeys{
		Answer:  bind(keys("1", "2", "3", "4", "5"), "1-5", "answer"),
		Next:    bind(keys("enter"), "enter", "next"),
		Restart: bind(keys("r"), "r", "new quiz"),
		Scroll:  bind(keys("up", "down"), "↑/↓", "scroll"),
	}
}
