package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
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

// asUsage marks a domain error (a Parse or Validate failure of what the
// user typed) as bad input. Commands wrap at the call site, where they
// know the error came from input; nil stays nil.
func asUsage(err error) error {
	if err == nil {
		return nil
	}
	return &UsageError{Err: err}
}

// errSilent ends a command with exit code 1 after it printed its own message.
var errSilent = errors.New("")

// exitCode maps an error returned by the command tree to the process exit code.
func exitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), isCobraUsage(err):
		return exitUsage
	}
	return exitError
}

// isCobraUsage recognises the errors cobra's own checks return for a bad
// command line, which reach us as plain errors: the Args validators
// (cobra.NoArgs, cobra.ExactArgs …), required flags and flag groups. Flag
// parse errors do not need it (the root's FlagErrorFunc wraps them), nor
// do our own validators (they return UsageError).
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown command", "accepts ", "requires at least", "requires at most",
		"invalid argument", "required flag", "if any flags in the group", "at least one of the flags in the group"} {
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
	if m := cobraExclusive.FindStringSubmatch(msg); m != nil {
		msg = dashed(m[2], " and ") + " do not combine"
		if len(strings.Fields(m[1])) > 2 {
			msg += "; pick one of " + dashed(m[1], ", ")
		}
	}
	fmt.Fprintln(w, "sdprep: "+msg)
}

// cobraExclusive matches cobra's message for flags marked mutually
// exclusive: the group, then the ones given.
var cobraExclusive = regexp.MustCompile(`^if any flags in the group \[([\w -]+)\] are set none of the others can be; \[([\w -]+)\] were all set$`)

// dashed turns "serve simulate" into "--serve<sep>--simulate".
func dashed(names, sep string) string {
	fields := strings.Fields(names)
	for i, f := range fields {
		fields[i] = "--" + f
	}
	return strings.Join(fields, sep)
}

// pflagInvalid matches pflag's message for a value it cannot parse.
var pflagInvalid = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag: `)

// pflagError rewrites pflag's parse errors, which end in Go internals
// ("strconv.ParseInt: parsing …"), into sdprep's one-line form: the flag,
// the value and what it accepts.
func pflagError(c *cobra.Command, err error) error {
	var ue *UsageError
	if errors.As(err, &ue) {
		return ue // a Value of ours (Format) already said it in sdprep's form
	}
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
