/*
Package tui holds sdprep's interactive app: one root model (App) that
routes to pages (home, estimate, numbers, learn, labs). It is the only
package that imports bubbletea and lipgloss.

# How to write a page

A page is one screen of the app behind the Page interface (common.go). Add
its id to options.go, its constructor to newPage in app.go and, if users
open it from the menu, an entry to menu in home.go.

Constructor. newXPage(c *Common) (*xPage, error) validates its options
and builds the model; it does no IO beyond what it must (a service the
page owns). A constructor's error is shown: the start page's error is
returned by NewApp (the command prints it), a page opened later shows an
error screen and is built again on the next visit.

Lifecycle hooks.
  - Enter() tea.Cmd runs on every visit, the first included. Start tickers
    here and refresh what may have changed while the page was away.
  - Leave() runs when another page replaces it. Stop tickers and background
    work: bump a generation counter so that the tick in flight schedules no
    other, and drop status messages that belong to the visit. A page that
    nobody sees uses no CPU.
  - A page that holds resources (a service with goroutines) implements
    io.Closer; App.Close, called after the program returns, closes it and
    returns its error.

Keys. Every binding lives in keys.go: Global (q, ctrl+c, esc, ?), Nav
(arrows, enter, tab, paging, ctrl+u) and one struct per page, built in
DefaultKeyMap. A page keeps c.Keys.X and matches with key.Matches only,
never raw key strings. A key means one thing everywhere: tab is "next"
(field, pane, table, link), shift+tab "previous", enter "confirm or open",
esc "back", ? "full help", space "page down". ShortHelp lists the keys for
the one-line bar (the app adds ?, esc and quit, and drops what does not
fit); FullHelp lists every key in columns for the ? screen. While Typing
reports true, q, ? and esc go to the page: a page whose fields have no use
for ? returns toggleHelp, and esc usually returns back.

Common. Each page gets the shared *Common: Theme (every style; no inline
colours), Keys, Ctx (cancelled on quit and SIGTERM: service calls in
commands derive their contexts from c.ctx(), never context.Background),
the clock (c.now(), from Options.Now) and the timer (c.tick, tea.Tick
unless a test injects its own, so tests never sleep), and Opts.

Update and View. Update does no IO and no work longer than a frame: file
writes, service calls and long computations run in a tea.Cmd whose result
comes back as a message (results go to every page; ignore what is not
yours, and drop results that a newer request has overtaken). View only
renders from the model; cache anything expensive (glamour) in Update or
SetSize. Measure and cut styled text with displayWidth/truncate, never by
bytes.

Tests. Drive the page through the app (newTestApp, press, drain in
helpers_test.go) or directly with Update. Render golden frames under
testdata at 80×24 and one other size (go test ./tui/ -update rewrites
them), check that frames fit 60×16 and up, and prove that a left page
schedules no ticks (see lifecycle_test.go).
*/
package tui
