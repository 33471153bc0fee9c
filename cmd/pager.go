package cmd

import (
	"errors"
	"io"
	"os/exec"
	"strings"
)

// defaultPager pages when $PAGER is unset: less, passing colours through.
const defaultPager = "less -R"

// pagerCommand is the pager to use: $PAGER when set (empty or "cat" means
// none), else less -R, as gh and glow do.
func pagerCommand(getenv func(string) (string, bool)) string {
	p, set := getenv("PAGER")
	if !set {
		return defaultPager
	}
	if strings.TrimSpace(p) == "cat" {
		return ""
	}
	return strings.TrimSpace(p)
}

// writePaged writes text to the output stream, through the pager when
// the output is a terminal, paging is on, and the text is taller than the
// terminal. When the pager cannot start, the text is written directly.
func writePaged(ios *IOStreams, text string, noPager bool) error {
	if noPager || !ios.IsTerminal || ios.Pager == "" || ios.Height == nil {
		return writeString(ios.Out, text)
	}
	if h := ios.Height(); h <= 0 || strings.Count(text, "\n") < h {
		return writeString(ios.Out, text)
	}
	args := strings.Fields(ios.Pager)
	pager := exec.Command(args[0], args[1:]...)
	pager.Stdin = strings.NewReader(text)
	pager.Stdout, pager.Stderr = ios.Out, ios.ErrOut
	if err := pager.Start(); err != nil {
		return writeString(ios.Out, text)
	}
	// Quitting a pager early is not a failure of ours.
	var exitErr *exec.ExitError
	if err := pager.Wait(); err != nil && !errors.As(err, &exitErr) {
		return err
	}
	return nil
}

func writeString(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}
