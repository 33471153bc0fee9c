package cmd

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/term"
)

// IOStreams are the streams a command reads and writes, plus what it needs
// to know about the terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// IsTerminal reports whether both stdin and stdout are terminals, so
	// that a TUI can run.
	IsTerminal bool
	// Width returns the terminal width, or 0 when unknown.
	Width func() int
	// Height returns the terminal height, or 0 when unknown.
	Height func() int
	// Pager is the command that pages long output on a terminal: $PAGER,
	// else "less -R"; empty never pages.
	Pager string
	// NoColor is true when NO_COLOR is set to a non-empty value
	// (https://no-color.org) or stdout is not a terminal.
	NoColor bool
}

// SystemIO returns the process streams.
func SystemIO() *IOStreams {
	tty := term.IsTerminal(os.Stdout.Fd()) && term.IsTerminal(os.Stdin.Fd())
	noColor := noColorEnv(os.Getenv)
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		IsTerminal: tty,
		Width: func() int {
			w, _, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0
			}
			return w
		},
		Height: func() int {
			_, h, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0
			}
			return h
		},
		Pager:   pagerCommand(os.LookupEnv),
		NoColor: noColor || !tty,
	}
}

// Factory carries what commands need, as values and functions, so tests can
// swap any of them.
type Factory struct {
	IO      *IOStreams
	Version string
	Now     func() time.Time
	// DataDir returns the directory for user data: --data-dir, else
	// $SDPREP_HOME, else $XDG_DATA_HOME/sdprep. It does not create it.
	DataDir func() string
	// dataDirFlag is filled by the root command's persistent flag.
	dataDirFlag string
}

// NewFactory returns the factory for a real process.
func NewFactory(version string) *Factory {
	f := &Factory{IO: SystemIO(), Version: version, Now: time.Now}
	f.DataDir = func() string {
		if f.dataDirFlag != "" {
			return f.dataDirFlag
		}
		if home := os.Getenv("SDPREP_HOME"); home != "" {
			return home
		}
		return filepath.Join(xdg.DataHome, "sdprep")
	}
	return f
}

// noColorEnv reports whether NO_COLOR asks for no colour: only a
// non-empty value counts (https://no-color.org).
func noColorEnv(getenv func(string) string) bool {
	return getenv("NO_COLOR") != ""
}
