package cmd

import (
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// Format is how a command prints its result: the --format flag. The zero
// value means the flag was not given; the command then picks its default
// (text, or for `learn` the rendered view on a terminal).
type Format string

// The output formats every command that prints results accepts.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
)

// formatNames are the accepted --format values, in the order help lists them.
var formatNames = []string{string(FormatText), string(FormatMarkdown), string(FormatJSON)}

// ParseFormat accepts text, markdown (or md) and json, in any case. The
// error is a usage error naming the flag, the value and what is accepted.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "json":
		return FormatJSON, nil
	}
	return "", enumError("format", s, formatNames)
}

// String returns the format's name.
func (f *Format) String() string { return string(*f) }

// Set parses a --format value (pflag.Value).
func (f *Format) Set(s string) error {
	v, err := ParseFormat(s)
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// Type names the flag's value in help ("--format format").
func (f *Format) Type() string { return "format" }

// addFormatFlag adds --format to c (to its persistent flags when
// persistent, so that subcommands share it), storing into p, with shell
// completion of the three names. def is the default shown in help; ""
// leaves *p empty when the flag is not given.
func addFormatFlag(c *cobra.Command, p *Format, def Format, help string, persistent bool) {
	*p = def
	if help == "" {
		help = "output format: text, markdown or json"
	}
	fs := c.Flags()
	if persistent {
		fs = c.PersistentFlags()
	}
	fs.Var(p, "format", help)
	completeFlag(c, "format", func() []string { return formatNames })
}

// writeFormatted prints a result in format: JSON encodes data (a struct
// with JSON tags), markdown and text call the domain's printers. A nil
// markdown printer falls back to text.
func writeFormatted(w io.Writer, format Format, data any, text, markdown func(io.Writer) error) error {
	switch {
	case format == FormatJSON:
		return writeJSON(w, data)
	case format == FormatMarkdown && markdown != nil:
		return markdown(w)
	}
	return text(w)
}
