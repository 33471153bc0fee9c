package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/estimate"
)

// completeFlag registers shell completion of flag's values on c: values
// is called when the shell asks, and may return "value\tdescription"
// lines. Use it for every enum flag, in one line:
//
//	completeFlag(c, "algorithm", algorithmNames)
//
// It panics when c has no such flag: that is a bug in the command's
// constructor, caught by its tests.
func completeFlag(c *cobra.Command, flag string, values func() []string) {
	err := c.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values(), cobra.ShellCompDirectiveNoFileComp
	})
	if err != nil {
		panic(fmt.Sprintf("completion of --%s on %s: %v", flag, c.Name(), err))
	}
}

// completeArgs is a ValidArgsFunction that completes the first
// positional argument from values and nothing after it.
func completeArgs(values func() []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return values(), cobra.ShellCompDirectiveNoFileComp
	}
}

// presetCompletions are "name\ttitle" lines of the estimate presets.
func presetCompletions() []string {
	var out []string
	for _, name := range estimate.PresetNames() {
		if p, ok := estimate.PresetByName(name); ok {
			out = append(out, name+"\t"+p.Title)
		}
	}
	return out
}

// topicCompletions are "id\ttitle" lines of the topics.
func topicCompletions() []string {
	lib, err := content.Default()
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range lib.TopicEntries() {
		out = append(out, e.ID+"\t"+e.Title)
	}
	return out
}

// problemCompletions are "id\ttitle" lines of the problems.
func problemCompletions() []string {
	lib, err := content.Default()
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range lib.ProblemEntries() {
		out = append(out, e.ID+"\t"+e.Title)
	}
	return out
}

// names returns the values of completion lines, without descriptions.
func names(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i], _, _ = strings.Cut(l, "\t")
	}
	return out
}
