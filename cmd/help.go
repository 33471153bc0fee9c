package cmd

import (
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// helpWidth bounds how wide help text is wrapped: the terminal width up
// to this, or exactly this when the width is unknown (piped).
const helpWidth = 80

// helpHeading matches the section headings of cobra's usage text.
var helpHeading = regexp.MustCompile(`(?m)^([A-Z][A-Za-z ]*:)$`)

// setHelp installs sdprep's help on root and every command below it. Help
// never queries the terminal (no background-colour or device-attribute
// requests, which hang for seconds on terminals that do not answer): it
// is the command's text wrapped to the width the streams report, with
// bold headings when colour is on, and no trailing spaces.
func setHelp(root *cobra.Command, ios *IOStreams) {
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		_ = writeHelp(c.OutOrStdout(), c, ios)
	})
}

// writeHelp writes c's help: the long description (or the short one),
// then cobra's usage text.
func writeHelp(w io.Writer, c *cobra.Command, ios *IOStreams) error {
	width := helpWidth
	if ios.IsTerminal {
		if tw := ios.Width(); tw > 0 {
			width = min(tw, helpWidth)
		}
	}
	desc := c.Long
	if desc == "" {
		desc = c.Short
	}
	var b strings.Builder
	if desc != "" {
		b.WriteString(wrapParagraphs(desc, width))
		b.WriteString("\n\n")
	}
	if c.Runnable() || c.HasSubCommands() {
		b.WriteString(c.UsageString())
	}
	text := trimLines(b.String())
	if !ios.NoColor {
		text = helpHeading.ReplaceAllString(text, "\x1b[1m$1\x1b[0m")
	}
	_, err := io.WriteString(w, text)
	return err
}

// wrapParagraphs wraps each paragraph of s to width, leaving paragraphs
// that hold indented lines or list items as written.
func wrapParagraphs(s string, width int) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		if !keepAsWritten(strings.Split(p, "\n")) {
			paras[i] = wrapText(strings.Join(strings.Fields(p), " "), width, "")
		}
	}
	return strings.Join(paras, "\n\n")
}

// trimLines removes trailing spaces from every line.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}
