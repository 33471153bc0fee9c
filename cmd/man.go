package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// NewCmdMan prints sdprep's manual page (roff, section 1), the one the
// release packages ship, for those who install with `go install`:
//
//	sdprep man > ~/.local/share/man/man1/sdprep.1
func NewCmdMan(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff), e.g. sdprep man > ~/.local/share/man/man1/sdprep.1",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return writeManPage(f.IO.Out, c.Root(), f.Version)
		},
	}
}

// writeManPage renders root's command tree as a roff man page: NAME,
// SYNOPSIS, DESCRIPTION, COMMANDS (each with its flags and examples),
// OPTIONS (the global flags) and EXIT STATUS.
func writeManPage(w io.Writer, root *cobra.Command, version string) error {
	var b strings.Builder
	name := root.Name()
	fmt.Fprintf(&b, ".TH %s 1 \"\" %s \"User Commands\"\n", strings.ToUpper(name), roffQuote(name+" "+version))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", name, roffLine(root.Short))
	fmt.Fprintf(&b, ".SH SYNOPSIS\n.B %s\n[\\fIcommand\\fR] [\\fIflags\\fR]\n", name)
	b.WriteString(".SH DESCRIPTION\n")
	writeManParagraphs(&b, root.Long)
	b.WriteString(".SH COMMANDS\n")
	for _, c := range manCommands(root) {
		fmt.Fprintf(&b, ".SS %s\n", roffLine(strings.TrimPrefix(c.UseLine(), name+" ")))
		desc := c.Long
		if desc == "" {
			desc = c.Short
		}
		writeManParagraphs(&b, desc)
		writeManFlags(&b, c.LocalNonPersistentFlags())
		if c.Example != "" {
			b.WriteString(".PP\nExamples:\n.PP\n.RS\n.nf\n")
			for _, l := range strings.Split(strings.Trim(c.Example, "\n"), "\n") {
				b.WriteString(roffLine(strings.TrimPrefix(l, "  ")) + "\n")
			}
			b.WriteString(".fi\n.RE\n")
		}
	}
	b.WriteString(".SH OPTIONS\n")
	writeManFlags(&b, root.PersistentFlags())
	b.WriteString(".SH EXIT STATUS\n0 on success, 1 when a command fails, 2 for bad input (a flag, an argument), 130 when interrupted.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// manCommands lists every available command below root, depth first.
func manCommands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() || c.Name() == "help" {
			continue
		}
		out = append(out, c)
		out = append(out, manCommands(c)...)
	}
	return out
}

// writeManFlags writes one tagged paragraph per visible flag:
// "-i, --interactive" (or "--format format") and its help.
func writeManFlags(b *strings.Builder, fs *pflag.FlagSet) {
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Hidden || fl.Name == "help" {
			return
		}
		tag := "\\fB--" + fl.Name + "\\fR"
		if fl.Shorthand != "" {
			tag = "\\fB-" + fl.Shorthand + "\\fR, " + tag
		}
		if arg, _ := pflag.UnquoteUsage(fl); arg != "" {
			tag += " \\fI" + arg + "\\fR"
		}
		usage := fl.Usage
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" && fl.DefValue != "[]" {
			usage += " (default " + fl.DefValue + ")"
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", roffEscape(tag), roffLine(usage))
	})
}

// writeManParagraphs writes s's paragraphs; indented ones verbatim.
func writeManParagraphs(b *strings.Builder, s string) {
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		lines := strings.Split(p, "\n")
		if keepAsWritten(lines) {
			b.WriteString(".PP\n.nf\n")
			for _, l := range lines {
				b.WriteString(roffLine(l) + "\n")
			}
			b.WriteString(".fi\n")
			continue
		}
		b.WriteString(".PP\n" + roffLine(strings.Join(strings.Fields(p), " ")) + "\n")
	}
}

// roffLine escapes one line of text for roff: backslashes and hyphens,
// and a leading dot or apostrophe that roff would read as a request.
func roffLine(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffEscape escapes hyphens in a string that already holds font escapes.
func roffEscape(s string) string { return strings.ReplaceAll(s, "-", `\-`) }

// roffQuote quotes a macro argument.
func roffQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
