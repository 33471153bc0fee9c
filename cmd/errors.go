package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/estimate"
)

// Exit codes, as documented in the README.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitAborted = 130
)

// UsageError marks bad input: the process exits with code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// usageErrorf builds a UsageError from a format.
func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// errSilent ends a command with exit code 1 after it printed its own message.
var errSilent = errors.New("")

// exitCode maps an error returned by the command tree to the process exit code.
func exitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), errors.Is(err, estimate.ErrSyntax), errors.Is(err, estimate.ErrNoVolume):
		return exitUsage
	case isCobraUsage(err):
		return exitUsage
	}
	return exitError
}

// isCobraUsage recognises the errors cobra returns for a bad command line
// before any of our code runs.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires at most", "invalid flag"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// printError writes the one-line error message sdprep uses everywhere.
func printError(w io.Writer, err error) {
	// An interrupted command has already said so; Canceled adds nothing.
	if err == nil || errors.Is(err, errSilent) || errors.Is(err, context.Canceled) {
		return
	}
	msg := strings.TrimSpace(err.Error())
	msg = strings.ReplaceAll(msg, "\n", " ")
	fmt.Fprintln(w, "sdprep: "+msg)
}

// pflagInvalid matches pflag's message for a value it cannot parse.
var pflagInvalid = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag: `)

// pflagError rewrites pflag's parse errors, which end in Go internals
// ("strconv.ParseInt: parsing …"), into sdprep's one-line form: the flag,
// the value and what it accepts.
func pflagError(c *cobra.Command, err error) error {
	m := pflagInvalid.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	value, name := m[1], m[2]
	accepted := "a valid value"
	if fl := c.Flags().Lookup(name); fl != nil {
		switch fl.Value.Type() {
		case "int", "int8", "int16", "int32", "int64":
			accepted = "a whole number, like 20"
		case "uint", "uint8", "uint16", "uint32", "uint64":
			accepted = "a whole number of 0 or more, like 20"
		case "float32", "float64":
			accepted = "a number, like 2.5"
		case "bool":
			accepted = "true or false"
		case "duration":
			accepted = "a duration, like 500ms, 10s or 5m"
		}
	}
	return fmt.Errorf("--%s %q: expected %s", name, value, accepted)
}

// atMostOneArg is cobra.MaximumNArgs(1) with a message that names what the
// one argument is, e.g. `estimate takes one preset; got "twitter extra"`.
func atMostOneArg(what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > 1 {
			return usageErrorf("%s takes at most one %s; got %d arguments: %s", c.Name(), what, len(args), strings.Join(args, " "))
		}
		return nil
	}
}
