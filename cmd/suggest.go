package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/internal/suggest"
)

// maxListed is how many accepted values a message lists in full; longer
// lists point at the command that prints them.
const maxListed = 12

// enumError is the usage error for a flag value outside a fixed set:
// the flag, the value, what is accepted, and the close names.
//
//	--algorithm "token-bukket": expected token-bucket, … or sliding-window; did you mean token-bucket?
func enumError(flag, value string, accepted []string) error {
	msg := fmt.Sprintf("--%s %q: expected %s", flag, value, oneOf(accepted))
	if close := suggest.Names(value, accepted...); len(close) > 0 {
		msg += "; did you mean " + strings.Join(close, ", ") + "?"
	}
	return &UsageError{Err: fmt.Errorf("%s", msg)}
}

// unknownError is the usage error for a name that is not one of names
// (a preset, a table, a lab, a command): the close names, then either
// the accepted names or the command that lists them.
//
//	unknown preset "twiter"; did you mean twitter? (sdprep estimate --list lists all)
func unknownError(kind, value string, accepted []string, listCmd string) error {
	msg := fmt.Sprintf("unknown %s %q; ", kind, value)
	close := suggest.Names(value, accepted...)
	if len(close) == 0 && (len(accepted) <= maxListed || listCmd == "") {
		msg += "expected " + oneOf(accepted)
	} else {
		msg += didYouMean(close, listCmd)
	}
	return &UsageError{Err: fmt.Errorf("%s", msg)}
}

// didYouMean ends an unknown-name message: the close names if any, and
// the command that lists them all.
func didYouMean(close []string, listCmd string) string {
	switch {
	case len(close) == 0:
		return listCmd + " lists all"
	case listCmd == "":
		return "did you mean " + strings.Join(close, ", ") + "?"
	}
	return "did you mean " + strings.Join(close, ", ") + "? (" + listCmd + " lists all)"
}

// oneOf lists accepted values: "a", "a or b", "a, b or c".
func oneOf(accepted []string) string {
	switch n := len(accepted); n {
	case 0:
		return "nothing"
	case 1:
		return accepted[0]
	default:
		return strings.Join(accepted[:n-1], ", ") + " or " + accepted[n-1]
	}
}

// subcommandArgs is the Args of a parent command that also runs on its
// own: no argument, or else the name of a child was mistyped, and the
// error suggests the close ones. kind names the children ("command",
// "table", "lab").
func subcommandArgs(kind string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		return unknownError(kind, args[0], childNames(c), c.CommandPath()+" --help")
	}
}

// childNames are the names and aliases of c's visible subcommands.
func childNames(c *cobra.Command) []string {
	var out []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			out = append(out, sub.Name())
			out = append(out, sub.Aliases...)
		}
	}
	return out
}
