package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/internal/markdown"
)

// printDocument writes one topic or problem in the chosen format.
// On a terminal, text taller than the screen goes through the pager
// unless noPager.
func printDocument(ios *IOStreams, doc document, format learnFormat, noPager bool) error {
	var out string
	var err error
	switch format {
	case learnJSON:
		return writeJSON(ios.Out, doc.value)
	case learnMarkdown:
		out = doc.markdown
	case learnText:
		out, err = markdown.RenderPlain(doc.markdown, ios.Width())
	default:
		out, err = markdown.Render(doc.markdown, ios.Width(), ios.NoColor)
	}
	if err != nil {
		return err
	}
	return writePaged(ios, out, noPager)
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
