package tui

import (
	"fmt"
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

// App is the root model: it owns the pages and routes messages to them.
type App struct {
	common *Common
	pages  map[string]Page
	active string
	help   help.Model
	width  int
	height int
}

// NewApp builds the root model for the given options.
func NewApp(opts Options) (*App, error) {
	c := &Common{Theme: NewTheme(opts.NoColor), Keys: DefaultKeyMap(), Now: opts.Now, Opts: opts}
	a := &App{common: c, pages: map[string]Page{}, help: help.New()}
	a.help.Styles = c.Theme.Help
	if _, err := a.page(opts.Start); err != nil {
		return nil, err
	}
	a.active = opts.Start
	return a, nil
}

// page returns the page with the id, creating it on first use.
func (a *App) page(id string) (Page, error) {
	if p, ok := a.pages[id]; ok {
		return p, nil
	}
	p, err := newPage(id, a.common)
	if err != nil {
		return nil, err
	}
	a.pages[id] = p
	if a.width > 0 {
		w, h := a.bodySize()
		p.SetSize(w, h)
	}
	return p, nil
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
	}
	return nil, fmt.Errorf("unknown page %q", id)
}

// Init starts the first page.
func (a *App) Init() tea.Cmd {
	return a.pages[a.active].Init()
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
	k := a.common.Keys
	cur := a.pages[a.active]
	if key.Matches(msg, k.ForceQuit) {
		return a, tea.Quit
	}
	if a.tooSmall() {
		// The page is not on screen: keys other than quit would edit
		// fields the user cannot see.
		if key.Matches(msg, k.Quit) {
			return a, tea.Quit
		}
		return a, nil
	}
	if !cur.Typing() {
		switch {
		case key.Matches(msg, k.Quit):
			return a, tea.Quit
		case key.Matches(msg, k.Back) && a.active != PageHome:
			return a.open(PageHome)
		}
	}
	np, cmd := cur.Update(msg)
	a.pages[a.active] = np
	return a, cmd
}

func (a *App) open(id string) (tea.Model, tea.Cmd) {
	_, existed := a.pages[id]
	p, err := a.page(id)
	if err != nil {
		return a, nil
	}
	a.active = id
	if existed {
		return a, nil
	}
	return a, p.Init()
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
	body := lipgloss.NewStyle().Width(w).Height(h).MaxHeight(h).MaxWidth(w).Render(cur.View())
	bindings := cur.KeyHelp()
	if a.active != PageHome {
		bindings = append(bindings, a.common.Keys.Back)
	}
	if cur.Typing() {
		bindings = append(bindings, a.common.Keys.ForceQuit)
	} else {
		bindings = append(bindings, a.common.Keys.Quit)
	}
	bar := truncate(a.help.ShortHelpView(bindings), w)
	out := strings.Join([]string{t.Header.Render(header), body, bar}, "\n")
	return t.App.Render(out)
}

// Run opens the app full-screen and returns when the user quits.
func Run(opts Options) error {
	a, err := NewApp(opts)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(a).Run()
	return err
}

// tooSmall reports whether the window is below the minimum size.
func (a *App) tooSmall() bool {
	return a.width > 0 && (a.width < MinWidth || a.height < MinHeight)
}
