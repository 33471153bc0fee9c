// Package cmd holds sdprep's cobra command tree: one file per command,
// each with an options struct, a NewCmdX constructor and a runX function.
//
// # How to add a command
//
// Copy cmd/lab.go or cmd/estimate.go. A command `sdprep x`:
//
//  1. An options struct, XOptions, holds what the flags and arguments
//     fill, as typed, plus IO *IOStreams (and anything else it needs
//     from the Factory, copied in by the constructor).
//
//  2. A constructor, NewCmdX(f *Factory, runF func(*XOptions) error),
//     builds the cobra.Command. Its RunE fills the options, then calls
//     runF when it is set (tests) and runX(opts) otherwise. A parent only
//     adds children; a lab adds its constructor to the labs slice in
//     cmd/lab.go.
//
//  3. Output: addFormatFlag(c, &opts.Format, FormatText, "", false) adds
//     --format (text, markdown, json) with completion. runX prints with
//     writeFormatted(w, opts.Format, data, text, markdown): data is a
//     JSON-tagged struct (snake_case, numbers as numbers) or a slice, and
//     text and markdown are the domain package's printers. Domain
//     packages never know about Format.
//
//  4. Bad input is a UsageError (exit 2), one line naming the flag, the
//     value and what is accepted: usageErrorf, flagError, enumError (a
//     fixed set of values, with "did you mean"), unknownError (a name
//     that is not a preset, topic, table …). A domain Parse or Validate
//     error about what the user typed is wrapped where it is returned:
//     return asUsage(err). Never match error text.
//
//  5. Completion: completeFlag(c, "algorithm", algorithmNames) for every flag
//     that takes one of a set of values; completeArgs(presetCompletions)
//     for a positional argument. Modes that exclude each other are
//     marked with c.MarkFlagsMutuallyExclusive, not checked by hand.
//
//  6. Tests, twice: flag parsing, by running NewCmdX(f, runF) with a runF
//     that captures the options (no work done); and runX with a
//     testFactory's buffers, checking stdout, stderr and the exit code
//     (run and wantUsageError in helpers_test.go run the whole tree).
package cmd
