package labkit

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Table is a small grid of already formatted cells. Text aligns the first
// column left and the others right; Markdown writes a pipe table.
type Table struct {
	Header []string
	Rows   [][]string
}

// AddRow appends one row.
func (t *Table) AddRow(cells ...string) { t.Rows = append(t.Rows, cells) }

// Text writes the table with columns two spaces apart.
func (t Table) Text(w io.Writer) error {
	all := append([][]string{t.Header}, t.Rows...)
	widths := make([]int, len(t.Header))
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range all {
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		b.WriteString("\n")
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// Markdown writes the table as GitHub-flavoured markdown, numbers
// right-aligned.
func (t Table) Markdown(w io.Writer) error {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	row(t.Header)
	sep := make([]string, len(t.Header))
	for i := range sep {
		sep[i] = "---:"
		if i == 0 {
			sep[i] = "---"
		}
	}
	b.WriteString("|" + strings.Join(sep, "|") + "|\n")
	for _, r := range t.Rows {
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Writer collects the first write error so a report can be written as a
// sequence of prints and checked once.
type Writer struct {
	W   io.Writer
	Err error
}

// Printf writes unless an earlier write failed.
func (w *Writer) Printf(format string, args ...any) {
	if w.Err == nil {
		_, w.Err = fmt.Fprintf(w.W, format, args...)
	}
}

// Lines writes each line followed by a newline, with an optional prefix.
func (w *Writer) Lines(prefix string, lines []string) {
	for _, l := range lines {
		w.Printf("%s%s\n", prefix, l)
	}
}

// Table writes t as text or markdown.
func (w *Writer) Table(t Table, markdown bool) {
	if w.Err != nil {
		return
	}
	if markdown {
		w.Err = t.Markdown(w.W)
	} else {
		w.Err = t.Text(w.W)
	}
}

// Chart writes chart lines: indented by two spaces in text, inside a
// fenced code block in markdown so the shape survives rendering.
func (w *Writer) Chart(lines []string, markdown bool) {
	if markdown {
		w.Printf("```text\n")
		w.Lines("", lines)
		w.Printf("```\n")
		return
	}
	w.Lines("  ", lines)
}

// Lines renders the table as text lines.
func (t Table) Lines() []string {
	var b strings.Builder
	_ = t.Text(&b)
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

// Heading writes a section heading: "### s" in markdown, s underlined
// with dashes in text.
func (w *Writer) Heading(s string, md bool) {
	if md {
		w.Printf("\n### %s\n\n", s)
	} else {
		w.Printf("\n%s\n%s\n", s, strings.Repeat("-", len(s)))
	}
}

// Title writes a report's first lines: "## <lab>\n\n<params>." in
// markdown, "<lab>: <params>." in text.
func (w *Writer) Title(lab string, params any, md bool) {
	if md {
		w.Printf("## %s\n\n%v.\n\n", lab, params)
	} else {
		w.Printf("%s: %v.\n\n", lab, params)
	}
}
