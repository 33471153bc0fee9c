package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/tui"
)

// LearnOptions are the inputs of `sdprep learn` and `sdprep learn problem`.
type LearnOptions struct {
	IO *IOStreams

	// Problem is true for `sdprep learn problem`: ID names a problem and
	// the listing lists problems.
	Problem bool
	// ID is the topic id or alias (a problem id with Problem) to print;
	// empty lists them.
	ID string
	// Search is the --search query; empty when not searching.
	Search string
	// Format is text, markdown or json; empty picks the rendered view on
	// a terminal and markdown otherwise.
	Format Format
	// Interactive opens the learn page of the TUI (-i).
	Interactive bool
	// NoPager prints a long topic on a terminal without the pager
	// ($PAGER, default less -R).
	NoPager bool
}

// noPagerHelp is the help of --no-pager on learn and learn problem.
const noPagerHelp = "on a terminal, print without paging (long topics otherwise open in $PAGER, default less -R)"

// learnFormatHelp is the help of --format on learn and learn problem.
const learnFormatHelp = "output format: text, markdown or json (default: rendered on a terminal, markdown when piped)"

// NewCmdLearn builds `sdprep learn` and adds `sdprep learn problem`. runF
// replaces the run function in tests.
func NewCmdLearn(f *Factory, runF func(*LearnOptions) error) *cobra.Command {
	opts := &LearnOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "learn [topic] [flags]",
		Short: "Read the concepts and classic problems, searchable",
		Long: `Read system-design concepts (caching, sharding, CAP, queues, …) and classic
interview problems in the terminal.

With no argument, list every topic by category, then the problems. Name a
topic by id or alias to read it; "sdprep learn problem <id>" reads a
problem. --search finds topics and problems by title, tags and body text.

Output: on a terminal a topic is rendered (styled, word-wrapped to the
terminal width, at most 120 columns; no colours when NO_COLOR is set) and,
when taller than the terminal, paged through $PAGER (default less -R;
PAGER=cat or --no-pager prints it all).
When stdout is not a terminal it is the Markdown source, with no escape
codes. --format picks one explicitly:
  markdown  the Markdown source
  text      plain text: wrapped, tables aligned, no markup and no escape
            codes (80 columns when the width is unknown)
  json      the parsed topic: front matter, body and sections; for the
            listing, every topic's id, title, category, aliases, tags,
            summary and tradeoff

-i opens the interactive reader (a filterable list, related links,
history); it is also under Learn in the app that "sdprep" opens.`,
		Example: `  sdprep learn                        # topics by category, then problems
  sdprep learn caching
  sdprep learn cap-theorem | less     # Markdown when piped
  sdprep learn --search stampede
  sdprep learn problem twitter
  sdprep learn --format json | jq '.[].id'
  sdprep learn -i consistent-hashing  # the interactive reader`,
		Args:              atMostOneArg("topic id"),
		ValidArgsFunction: completeArgs(topicCompletions),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.ID = args[0]
			}
			if c.Flags().Changed("search") && strings.TrimSpace(opts.Search) == "" {
				return usageErrorf(`--search "": expected one or more words to look for`)
			}
			if opts.Search != "" && opts.ID != "" {
				return usageErrorf("--search %q: give either a query or an id, not both", opts.Search)
			}
			return dispatchLearn(f, opts, runF)
		},
	}
	addFormatFlag(c, &opts.Format, "", learnFormatHelp, false)
	c.Flags().StringVar(&opts.Search, "search", "", "list the topics and problems that mention every word of the query")
	c.Flags().BoolVarP(&opts.Interactive, "interactive", "i", false, "open the interactive reader (needs a terminal)")
	c.Flags().BoolVar(&opts.NoPager, "no-pager", false, noPagerHelp)
	c.MarkFlagsMutuallyExclusive("interactive", "search") // type to search in the app
	c.AddCommand(NewCmdLearnProblem(f, runF))
	return c
}

// dispatchLearn runs runF (tests), the interactive reader or the printer.
func dispatchLearn(f *Factory, opts *LearnOptions, runF func(*LearnOptions) error) error {
	if runF != nil {
		return runF(opts)
	}
	if opts.Interactive {
		return openLearnTUI(f, opts)
	}
	return runLearn(opts)
}

// learnFormat is how a topic or listing is printed.
type learnFormat int

const (
	learnRendered learnFormat = iota // glamour, for a terminal
	learnMarkdown
	learnText
	learnJSON
)

// resolveFormat turns --format (empty for automatic) into a learnFormat.
func resolveFormat(opts *LearnOptions) learnFormat {
	switch opts.Format {
	case FormatJSON:
		return learnJSON
	case FormatMarkdown:
		return learnMarkdown
	case FormatText:
		return learnText
	}
	if opts.IO.IsTerminal {
		return learnRendered
	}
	return learnMarkdown
}

func runLearn(opts *LearnOptions) error {
	format := resolveFormat(opts)
	lib, err := content.Default()
	if err != nil {
		return fmt.Errorf("loading the content library: %w", err)
	}
	switch {
	case opts.Search != "":
		return printHits(opts.IO, lib.Search(opts.Search), opts.Search, format)
	case opts.ID == "" && opts.Problem:
		return listProblems(opts.IO, lib, format)
	case opts.ID == "":
		return listTopics(opts.IO, lib, format)
	}
	doc, err := lookup(lib, opts.ID, opts.Problem)
	if err != nil {
		return err
	}
	return printDocument(opts.IO, doc, format, opts.NoPager)
}

// document is a topic or a problem, for printing.
type document struct {
	markdown string
	value    any // the *content.Topic or *content.Problem, for JSON
}

// lookup finds a topic (or a problem) or returns the one-line usage error
// with the closest ids.
func lookup(lib *content.Library, id string, problem bool) (document, error) {
	if problem {
		if p, ok := lib.Problem(id); ok {
			return document{p.Markdown(), p}, nil
		}
		if t, ok := lib.Topic(id); ok {
			return document{}, usageErrorf("unknown problem %q; %s is a topic: sdprep learn %s", id, t.ID, t.ID)
		}
		return document{}, usageErrorf("unknown problem %q; %s", id, didYouMean(lib.SuggestProblems(id), "sdprep learn problem"))
	}
	if t, ok := lib.Topic(id); ok {
		return document{t.Markdown(), t}, nil
	}
	if p, ok := lib.Problem(id); ok {
		return document{}, usageErrorf("unknown topic %q; %s is a problem: sdprep learn problem %s", id, p.ID, p.ID)
	}
	return document{}, usageErrorf("unknown topic %q; %s", id, didYouMean(lib.Suggest(id), "sdprep learn"))
}

// openLearnTUI checks the id, then opens the learn page on it.
func openLearnTUI(f *Factory, opts *LearnOptions) error {
	if !f.IO.IsTerminal {
		return usageErrorf("--interactive: needs a terminal on stdin and stdout")
	}
	topic := ""
	if opts.ID != "" {
		lib, err := content.Default()
		if err != nil {
			return fmt.Errorf("loading the content library: %w", err)
		}
		if _, err := lookup(lib, opts.ID, opts.Problem); err != nil {
			return err
		}
		topic = opts.ID
		if opts.Problem {
			topic = tui.LearnProblemPrefix + opts.ID
		}
	}
	return runTUI(f, tui.Options{Start: tui.PageLearn, Topic: topic})
}
