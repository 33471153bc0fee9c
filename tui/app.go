package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Minimum terminal size the app lays itself out in; below it the app
// shows a message asking for a bigger window.
const (
	MinWidth  = 60
	MinHeight = 16
)

// renderFPS caps how often bubbletea redraws. Its renderer wakes at this
// rate for the program's whole life, even when nothing changed (upstream:
// charmbracelet/bubbletea pull requests 1776 and 1796, open), so the rate
// is the idle CPU cost: 30 halves the default 60 and is still three times
// the fastest page (the rate-limiter lab's 10 columns a second).
const renderFPS = 30

// App is the root model: it owns the pages and routes messages to them.
type App struct {
	common  *Common
	cancel  context.CancelFunc
	pages   map[string]Page
	active  string
	help    help.Model
	showAll bool // the full help replaces the page body
	width   int
	height  int
}

// NewApp builds the root model for the given options. ctx bounds the
// run: pages' service calls use it, and quitting cancels it. The start
// page's constructor error is returned (the command prints it); a page
// opened later that fails to build shows its error instead.
func NewApp(ctx context.Context, opts Options) (*App, error) {
	ctx, cancel := context.WithCancel(ctx)
	opts.defaultLabSeeds()
	c := &Common{Theme: NewTheme(opts.NoColor), Keys: DefaultKeyMap(), Ctx: ctx, Now: opts.Now, Opts: opts}
	a := &App{common: c, cancel: cancel, pages: map[string]Page{}, help: help.New()}
	a.help.Styles = c.Theme.Help
	p, err := newPage(opts.Start, c)
	if err != nil {
		cancel()
		return nil, err
	}
	a.pages[opts.Start] = p
	a.active = opts.Start
	return a, nil
}

// page returns the page with the id, creating it on first use. A page
// whose constructor fails is replaced by a page showing the error, and
// built again on the next visit.
func (a *App) page(id string) Page {
	if p, ok := a.pages[id]; ok {
		if _, failed := p.(*errorPage); !failed {
			return p
		}
	}
	p, err := newPage(id, a.common)
	if err != nil {
		p = newErrorPage(a.common, pageTitle(id), err)
	}
	a.pages[id] = p
	if a.width > 0 {
		w, h := a.bodySize()
		p.SetSize(w, h)
	}
	return p
}

// newPage constructs a page by id. Every page the home menu lists is here.
func newPage(id string, c *Common) (Page, error) {
	switch id {
	case PageHome:
		return newHomePage(c), nil
	case PageEstimate:
		return newEstimatePage(c)
	case PageNumbers:
		return newNumbersPage(c), nil
	case PageLearn:
		return newLearnPage(c)
	case PageLabRateLimit:
		return newRateLimitPage(c)
	case PageLabShortener:
		return newShortenerPage(c)
	case PageQuiz:
		return newQuizPage(c)
	case PageLabCache:
		return newSimPage(c, PageLabCache, newCacheLab(c.Opts.Cache)), nil
	case PageLabQuorum:
		return newSimPage(c, PageLabQuorum, newQuorumLab(c.Opts.Quorum)), nil
	case PageLabHashRing:
		return newSimPage(c, PageLabHashRing, newHashRingLab(c.Opts.HashRing)), nil
	case PageLabBalancer:
		return newSimPage(c, PageLabBalancer, newBalancerLab(c.Opts.Balancer)), nil
	case PageLabBreaker:
		return newSimPage(c, PageLabBreaker, newBreakerLab(c.Opts.Breaker)), nil
	case PageLabSharding:
		return newSimPage(c, PageLabSharding, newShardingLab(c.Opts.Sharding)), nil
	case PageLabFanout:
		return newSimPage(c, PageLabFanout, newFanoutLab(c.Opts.Fanout)), nil
	case PageLabQueue:
		return newSimPage(c, PageLabQueue, newQueueLab(c.Opts.Queue)), nil
	case PageMock:
		return newMockPage(c)
	case PageDrill:
		return newDrillPage(c), nil
	case PageDrillCards:
		return newCardsPage(c), nil
	case PageStats:
		return newStatsPage(c), nil
	case PageDrillEstimate:
		return newDrillEstimatePage(c)
	}
	return nil, fmt.Errorf("unknown page %q", id)
}

// pageTitle names a page id for the header of its error page.
func pageTitle(id string) string {
	for _, e := range append(menu, drillMenu...) {
		if e.Page == id {
			return e.Name
		}
	}
	return id
}

// Init enters the first page.
func (a *App) Init() tea.Cmd {
	return a.pages[a.active].Enter()
}

// Close leaves the page on screen, cancels the run's context and closes
// every page that holds resources (the shortener lab's own service). It
// returns the first error from closing. Call it after the program returns.
func (a *App) Close() error {
	a.pages[a.active].Leave()
	a.cancel()
	var errs []error
	for _, p := range a.pages {
		if c, ok := p.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}

// bodySize is the space left for a page under the header and above the
// help bar.
func (a *App) bodySize() (int, int) {
	w := a.width - a.common.Theme.App.GetHorizontalFrameSize()
	h := a.height - 3 // header line + its margin + help bar
	return max(w, 0), max(h, 0)
}

// Update routes a message.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		w, h := a.bodySize()
		a.help.SetWidth(w)
		// Pages get the size first, then the message itself, so a page
		// can start work that depends on it (re-rendering a document).
		var cmds []tea.Cmd
		for id, p := range a.pages {
			p.SetSize(w, h)
			np, cmd := p.Update(msg)
			a.pages[id] = np
			cmds = append(cmds, cmd)
		}
		return a, tea.Batch(cmds...)
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.PasteMsg, tea.MouseMsg:
		// Input belongs to the page on screen.
		np, cmd := a.pages[a.active].Update(msg)
		a.pages[a.active] = np
		return a, cmd
	case OpenPageMsg:
		return a.open(msg.ID)
	case BackMsg:
		return a.open(PageHome)
	case QuitMsg:
		return a, a.quit()
	case ToggleHelpMsg:
		a.showAll = !a.showAll
		return a, nil
	}
	// Results of commands go to every page: each ignores what is not its own.
	var cmds []tea.Cmd
	for id, p := range a.pages {
		np, cmd := p.Update(msg)
		a.pages[id] = np
		cmds = append(cmds, cmd)
	}
	return a, tea.Batch(cmds...)
}

func (a *App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	g := a.common.Keys.Global
	cur := a.pages[a.active]
	if key.Matches(msg, g.ForceQuit) {
		return a, a.quit()
	}
	if a.tooSmall() {
		// The page is not on screen: keys other than quit would edit
		// fields the user cannot see.
		if key.Matches(msg, g.Quit) {
			return a, a.quit()
		}
		return a, nil
	}
	if a.showAll {
		// The full help is on screen: ? or esc closes it (and f1, which
		// opens it where ? is text), q still quits.
		switch {
		case key.Matches(msg, g.Help), key.Matches(msg, g.Back), key.Matches(msg, a.common.Keys.Mock.Help):
			a.showAll = false
		case key.Matches(msg, g.Quit):
			return a, a.quit()
		}
		return a, nil
	}
	if !cur.Typing() {
		switch {
		case key.Matches(msg, g.Quit):
			return a, a.quit()
		case key.Matches(msg, g.Help):
			a.showAll = true
			return a, nil
		case key.Matches(msg, g.Back) && a.active != PageHome:
			return a.open(PageHome)
		}
	}
	np, cmd := cur.Update(msg)
	a.pages[a.active] = np
	return a, cmd
}

// quit cancels the run's context, so that pending service calls stop,
// and ends the program.
func (a *App) quit() tea.Cmd {
	a.cancel()
	return tea.Quit
}

// open switches to the page id: the page on screen is left, the new one
// entered.
func (a *App) open(id string) (tea.Model, tea.Cmd) {
	if id == a.active {
		if _, failed := a.pages[id].(*errorPage); !failed {
			return a, nil
		}
	}
	p := a.page(id)
	if old, ok := a.pages[a.active]; ok && a.active != id {
		old.Leave()
	}
	a.active = id
	a.showAll = false
	return a, p.Enter()
}

// View draws the header, the active page and the help bar.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = "sdprep"
	return v
}

func (a *App) render() string {
	t := a.common.Theme
	if a.width == 0 {
		return ""
	}
	if a.tooSmall() {
		msg := fmt.Sprintf("sdprep needs at least %d×%d.\nThis terminal is %d×%d.\n\nEnlarge the window, or press q to quit.",
			MinWidth, MinHeight, a.width, a.height)
		return lipgloss.Place(a.width, a.height, lipgloss.Center, lipgloss.Center, msg)
	}
	cur := a.pages[a.active]
	w, h := a.bodySize()
	header := t.Brand.Render("sdprep")
	if a.active != PageHome {
		header += t.Crumb.Render("› " + cur.Title())
	}
	view := cur.View()
	if a.showAll {
		view = a.fullHelp(cur, w)
	}
	body := lipgloss.NewStyle().Width(w).Height(h).MaxHeight(h).MaxWidth(w).Render(view)
	out := strings.Join([]string{t.Header.Render(header), body, a.helpBar(cur, w)}, "\n")
	return t.App.Render(out)
}

// Run opens the app full-screen on the given streams and returns when the
// user quits or ctx ends (the command cancels it on SIGTERM and SIGINT).
// Nil streams mean the process's own.
func Run(ctx context.Context, opts Options) error {
	a, err := NewApp(ctx, opts)
	if err != nil {
		return err
	}
	// The program watches the caller's context, not the app's: quitting
	// cancels the app's context first, and that is not a kill.
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(renderFPS)}
	if opts.In != nil {
		popts = append(popts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		popts = append(popts, tea.WithOutput(opts.Out))
	}
	_, err = tea.NewProgram(a, popts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		// A signal ended the run: that is how the user asked to leave.
		err = nil
	}
	return errors.Join(err, a.Close())
}

// tooSmall reports whether the window is below the minimum size.
func (a *App) tooSmall() bool {
	return a.width > 0 && (a.width < MinWidth || a.height < MinHeight)
}
