package cmd

import "strings"

// keepAsWritten reports whether a paragraph of a command's Long text
// holds indented lines or list items. Help and the man page rewrap every
// other paragraph to the reader's width, and leave these as written.
func keepAsWritten(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "• ") {
			return true
		}
	}
	return false
}
