package estimate

import "io"

// Format names a report format for Report.Write.
//
// Deprecated: output formats belong to the command layer (cmd.Format);
// call Report.Text, Report.Markdown or Report.JSON. Format and Write stay
// only until the TUI's estimate page calls Report.Markdown; then delete
// this file.
type Format string

// FormatMarkdown selects Report.Markdown in Report.Write.
//
// Deprecated: call Report.Markdown.
const FormatMarkdown Format = "markdown"

// Write prints the report as Markdown when f is FormatMarkdown, else as
// text.
//
// Deprecated: call Report.Text or Report.Markdown.
func (r Report) Write(w io.Writer, f Format) error {
	if f == FormatMarkdown {
		return r.Markdown(w)
	}
	return r.Text(w)
}
