package cmd

import (
	"strings"

	"github.com/spf13/cobra"
)

// unwrapLong rejoins the hard-wrapped paragraphs of every command's Long
// text, so that help and the man page wrap them to the reader's width
// (the man page generator turns every newline into a paragraph break).
// Paragraphs that hold indented lines or list items are left as written.
func unwrapLong(c *cobra.Command) {
	c.Long = unwrapParagraphs(c.Long)
	for _, sub := range c.Commands() {
		unwrapLong(sub)
	}
}

func unwrapParagraphs(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		if !keepAsWritten(lines) {
			paras[i] = strings.Join(lines, " ")
		}
	}
	return strings.Join(paras, "\n\n")
}

// keepAsWritten reports whether a paragraph holds indented lines or list
// items, which are not rewrapped.
func keepAsWritten(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "• ") {
			return true
		}
	}
	return false
}
