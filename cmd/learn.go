package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/estimate"
	"github.com/sdprep/sdprep/internal/markdown"
	"github.com/sdprep/sdprep/tui"
)

// LearnOptions are the inputs of `sdprep learn` and `sdprep learn problem`.
type LearnOptions struct {
	IO *IOStreams

	// Problem is true for `sdprep learn problem`: ID names a problem and
	// the listing lists problems.
	Problem bool
	// ID is the topic id or alias (a problem id with Problem) to print;
	// empty lists them.
	ID string
	// Search is the --search query; empty when not searching.
	Search string
	// Format is text, markdown or json; empty picks the rendered view on
	// a terminal and markdown otherwise.
	Format string
	// Interactive opens the learn page of the TUI (-i).
	Interactive bool
}

// NewCmdLearn builds `sdprep learn` and `sdprep learn problem`. runF
// replaces the run function in tests.
func NewCmdLearn(f *Factory, runF func(*LearnOptions) error) *cobra.Command {
	var format, search string
	var interactive bool
	run := func(c *cobra.Command, opts *LearnOptions) error {
		opts.IO, opts.Format, opts.Search, opts.Interactive = f.IO, format, search, interactive
		if c.Flags().Changed("search") && strings.TrimSpace(search) == "" {
			return usageErrorf(`--search "": expected one or more words to look for`)
		}
		if opts.Search != "" && opts.ID != "" {
			return usageErrorf("--search %q: give either a query or an id, not both", opts.Search)
		}
		if opts.Interactive && opts.Search != "" {
			return usageErrorf("--interactive: cannot be combined with --search (type to search in the app)")
		}
		if runF != nil {
			return runF(opts)
		}
		if opts.Interactive {
			return openLearnTUI(f, opts)
		}
		return runLearn(opts)
	}
	c := &cobra.Command{
		Use:   "learn [topic] [flags]",
		Short: "Read the concepts and classic problems, searchable",
		Long: `Read system-design concepts (caching, sharding, CAP, queues, …) and classic
interview problems in the terminal.

With no argument, list every topic by category, then the problems. Name a
topic by id or alias to read it; "sdprep learn problem <id>" reads a
problem. --search finds topics and problems by title, tags and body text.

Output: on a terminal a topic is rendered (styled, word-wrapped to the
terminal width, at most 120 columns; no colours when NO_COLOR is set).
When stdout is not a terminal it is the Markdown source, with no escape
codes. --format picks one explicitly:
  markdown  the Markdown source
  text      plain text: wrapped, tables aligned, no markup and no escape
            codes (80 columns when the width is unknown)
  json      the parsed topic: front matter, body and sections; for the
            listing, every topic's id, title, category, tags and summary

-i opens the interactive reader (a filterable list, related links,
history); it is also under Learn in the app that "sdprep" opens.`,
		Example: `  sdprep learn                        # topics by category, then problems
  sdprep learn caching
  sdprep learn cap-theorem | less     # Markdown when piped
  sdprep learn --search stampede
  sdprep learn problem twitter
  sdprep learn --format json | jq '.[].id'
  sdprep learn -i consistent-hashing  # the interactive reader`,
		Args: atMostOneArg("topic id"),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return topicCompletions(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts := &LearnOptions{}
			if len(args) == 1 {
				opts.ID = args[0]
			}
			return run(c, opts)
		},
	}
	c.PersistentFlags().StringVar(&format, "format", "",
		"output format: text, markdown or json (default: rendered on a terminal, markdown when piped)")
	c.Flags().StringVar(&search, "search", "", "list the topics and problems that mention every word of the query")
	c.PersistentFlags().BoolVarP(&interactive, "interactive", "i", false, "open the interactive reader (needs a terminal)")

	c.AddCommand(&cobra.Command{
		Use:   "problem [id]",
		Short: "Read a classic interview problem",
		Long: `Read a classic interview problem: prompt, clarifying questions,
requirements, estimation, a reference design, deep dives, bottlenecks and
follow-up questions. With no id, list the problems. Output rules are those
of "sdprep learn".`,
		Example: `  sdprep learn problem
  sdprep learn problem twitter
  sdprep learn problem url-shortener --format markdown > url-shortener.md`,
		Args: atMostOneArg("problem id"),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return problemCompletions(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts := &LearnOptions{Problem: true}
			if len(args) == 1 {
				opts.ID = args[0]
			}
			return run(c, opts)
		},
	})
	return c
}

// topicCompletions are "id<tab>title" lines for shell completion.
func topicCompletions() []string {
	lib, err := content.Default()
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range lib.TopicEntries() {
		out = append(out, e.ID+"\t"+e.Title)
	}
	return out
}

func problemCompletions() []string {
	lib, err := content.Default()
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range lib.ProblemEntries() {
		out = append(out, e.ID+"\t"+e.Title)
	}
	return out
}

// learnFormat is how a topic or listing is printed.
type learnFormat int

const (
	learnRendered learnFormat = iota // glamour, for a terminal
	learnMarkdown
	learnText
	learnJSON
)

// resolveFormat turns --format (empty for automatic) into a learnFormat.
func resolveFormat(opts *LearnOptions) (learnFormat, error) {
	if opts.Format == "" {
		if opts.IO.IsTerminal {
			return learnRendered, nil
		}
		return learnMarkdown, nil
	}
	f, err := estimate.ParseFormat(opts.Format)
	if err != nil {
		return 0, err
	}
	switch f {
	case estimate.FormatJSON:
		return learnJSON, nil
	case estimate.FormatMarkdown:
		return learnMarkdown, nil
	}
	return learnText, nil
}

func runLearn(opts *LearnOptions) error {
	format, err := resolveFormat(opts)
	if err != nil {
		return err
	}
	lib, err := content.Default()
	if err != nil {
		return fmt.Errorf("loading the content library: %w", err)
	}
	switch {
	case opts.Search != "":
		return printHits(opts.IO, lib.Search(opts.Search), opts.Search, format)
	case opts.ID == "" && opts.Problem:
		return listProblems(opts.IO, lib, format)
	case opts.ID == "":
		return listTopics(opts.IO, lib, format)
	}
	doc, err := lookup(lib, opts.ID, opts.Problem)
	if err != nil {
		return err
	}
	return printDocument(opts.IO, doc, format)
}

// document is a topic or a problem, for printing.
type document struct {
	markdown string
	value    any // the *content.Topic or *content.Problem, for JSON
}

// lookup finds a topic (or a problem) or returns the one-line usage error
// with the closest ids.
func lookup(lib *content.Library, id string, problem bool) (document, error) {
	if problem {
		if p, ok := lib.Problem(id); ok {
			return document{p.Markdown(), p}, nil
		}
		if t, ok := lib.Topic(id); ok {
			return document{}, usageErrorf("unknown problem %q; %s is a topic: sdprep learn %s", id, t.ID, t.ID)
		}
		return document{}, usageErrorf("unknown problem %q; %s", id, didYouMean(lib.SuggestProblems(id), "sdprep learn problem"))
	}
	if t, ok := lib.Topic(id); ok {
		return document{t.Markdown(), t}, nil
	}
	if p, ok := lib.Problem(id); ok {
		return document{}, usageErrorf("unknown topic %q; %s is a problem: sdprep learn problem %s", id, p.ID, p.ID)
	}
	return document{}, usageErrorf("unknown topic %q; %s", id, didYouMean(lib.Suggest(id), "sdprep learn"))
}

// didYouMean ends the unknown-id message: the close ids if any, and the
// command that lists them all.
func didYouMean(ids []string, list string) string {
	if len(ids) == 0 {
		return list + " lists all"
	}
	return "did you mean " + strings.Join(ids, ", ") + "? (" + list + " lists all)"
}

// openLearnTUI checks the id, then opens the learn page on it.
func openLearnTUI(f *Factory, opts *LearnOptions) error {
	if !f.IO.IsTerminal {
		return usageErrorf("--interactive: needs a terminal on stdin and stdout")
	}
	topic := ""
	if opts.ID != "" {
		lib, err := content.Default()
		if err != nil {
			return fmt.Errorf("loading the content library: %w", err)
		}
		if _, err := lookup(lib, opts.ID, opts.Problem); err != nil {
			return err
		}
		topic = opts.ID
		if opts.Problem {
			topic = tui.LearnProblemPrefix + opts.ID
		}
	}
	return runTUI(f, tui.Options{Start: tui.PageLearn, Topic: topic})
}

// printDocument writes one topic or problem in the chosen format.
func printDocument(ios *IOStreams, doc document, format learnFormat) error {
	switch format {
	case learnJSON:
		return writeJSON(ios.Out, doc.value)
	case learnMarkdown:
		_, err := fmt.Fprint(ios.Out, doc.markdown)
		return err
	case learnText:
		out, err := markdown.RenderPlain(doc.markdown, ios.Width())
		if err != nil {
			return err
		}
		_, err = fmt.Fprint(ios.Out, out)
		return err
	}
	out, err := markdown.Render(doc.markdown, ios.Width(), ios.NoColor)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(ios.Out, out)
	return err
}

// listTopics prints every topic by category, then the problems.
func listTopics(ios *IOStreams, lib *content.Library, format learnFormat) error {
	switch format {
	case learnJSON:
		return writeJSON(ios.Out, lib.TopicEntries())
	case learnMarkdown:
		var b strings.Builder
		b.WriteString("# Topics\n")
		for _, g := range lib.Categories() {
			fmt.Fprintf(&b, "\n## %s\n\n", g.Title)
			for _, t := range g.Topics {
				fmt.Fprintf(&b, "- `%s` — **%s**: %s\n", t.ID, t.Title, t.Summary)
			}
		}
		b.WriteString("\n")
		writeProblemsMarkdown(&b, lib, "# Problems")
		_, err := fmt.Fprint(ios.Out, b.String())
		return err
	}
	w := newListWriter(ios)
	for i, g := range lib.Categories() {
		if i > 0 {
			w.line("")
		}
		w.line(g.Title)
		for _, t := range g.Topics {
			w.row(t.ID, t.Title+" — "+t.Summary)
		}
	}
	w.line("")
	w.line("Problems")
	for _, p := range lib.ProblemEntries() {
		w.row(p.ID, p.Title+" — "+p.Summary)
	}
	if ios.IsTerminal {
		w.line("")
		w.line("Read one: sdprep learn <topic>, sdprep learn problem <id>; search: sdprep learn --search <words>")
	}
	return w.flush()
}

// listProblems prints the problems only (`sdprep learn problem`).
func listProblems(ios *IOStreams, lib *content.Library, format learnFormat) error {
	switch format {
	case learnJSON:
		return writeJSON(ios.Out, lib.ProblemEntries())
	case learnMarkdown:
		var b strings.Builder
		writeProblemsMarkdown(&b, lib, "# Problems")
		_, err := fmt.Fprint(ios.Out, b.String())
		return err
	}
	w := newListWriter(ios)
	for _, p := range lib.ProblemEntries() {
		w.row(p.ID, p.Title+" — "+p.Summary)
	}
	if ios.IsTerminal {
		w.line("")
		w.line("Read one: sdprep learn problem <id>; its numbers: sdprep estimate <id>")
	}
	return w.flush()
}

func writeProblemsMarkdown(b *strings.Builder, lib *content.Library, heading string) {
	b.WriteString(heading + "\n\n")
	for _, p := range lib.ProblemEntries() {
		fmt.Fprintf(b, "- `%s` — **%s**: %s\n", p.ID, p.Title, p.Summary)
	}
}

// printHits prints search results: kind, id, title and a snippet.
func printHits(ios *IOStreams, hits []content.Hit, query string, format learnFormat) error {
	if hits == nil {
		hits = []content.Hit{}
	}
	if format == learnJSON {
		return writeJSON(ios.Out, hits)
	}
	if len(hits) == 0 {
		_, err := fmt.Fprintf(ios.ErrOut, "no topic or problem mentions %q; sdprep learn lists them all\n", query)
		return err
	}
	if format == learnMarkdown {
		var b strings.Builder
		fmt.Fprintf(&b, "# Search: %s\n\n", query)
		for _, h := range hits {
			fmt.Fprintf(&b, "- %s `%s` — **%s**: %s\n", h.Kind, h.ID, h.Title, h.Snippet)
		}
		_, err := fmt.Fprint(ios.Out, b.String())
		return err
	}
	w := newListWriter(ios)
	for _, h := range hits {
		w.row(string(h.Kind), h.ID, h.Title)
		w.detail(h.Snippet)
	}
	if ios.IsTerminal {
		w.line("")
		w.line("Read one: sdprep learn <topic>, sdprep learn problem <id>")
	}
	return w.flush()
}

// listWriter prints rows with aligned columns (the last column is free
// text), headings, and indented detail lines. On a terminal it cuts each
// line to the terminal width so that an entry stays on one row.
type listWriter struct {
	out   io.Writer
	width int // 0: do not cut
	lines []listLine
}

type listLine struct {
	cols   []string // a row; nil for a plain line
	plain  string
	detail bool // plain is indented under the row above
}

func newListWriter(s *IOStreams) *listWriter {
	w := &listWriter{out: s.Out}
	if s.IsTerminal {
		w.width = s.Width()
	}
	return w
}

// row adds an entry: aligned columns, then free text.
func (w *listWriter) row(cols ...string) { w.lines = append(w.lines, listLine{cols: cols}) }

// detail adds an indented line under the last row.
func (w *listWriter) detail(s string) { w.lines = append(w.lines, listLine{plain: s, detail: true}) }

// line adds a heading or a blank line.
func (w *listWriter) line(s string) { w.lines = append(w.lines, listLine{plain: s}) }

func (w *listWriter) flush() error {
	var widths []int
	for _, l := range w.lines {
		for i, c := range l.cols[:max(len(l.cols)-1, 0)] {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, l := range w.lines {
		var s string
		switch {
		case l.cols != nil:
			s = " "
			for i, c := range l.cols {
				s += " " + c
				if i < len(l.cols)-1 {
					s += strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+1)
				}
			}
		case l.detail:
			s = "      " + l.plain
		default:
			s = l.plain
		}
		if w.width > 0 {
			s = ansi.Truncate(s, w.width, "…")
		}
		b.WriteString(strings.TrimRight(s, " "))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w.out, b.String())
	return err
}
