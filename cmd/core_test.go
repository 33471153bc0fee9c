package cmd

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": FormatText, "markdown": FormatMarkdown,
		"md": FormatMarkdown, "MD": FormatMarkdown, "json": FormatJSON, " JSON ": FormatJSON} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "yaml", "jsn"} {
		_, err := ParseFormat(bad)
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "text, markdown or json") {
			t.Errorf("ParseFormat(%q) error %v, want a usage error listing the formats", bad, err)
		}
	}
	if _, err := ParseFormat("jsn"); !strings.Contains(err.Error(), "did you mean json?") {
		t.Errorf("ParseFormat(jsn) error %q does not suggest json", err)
	}
}

// Every kind of name a user types gets the same "did you mean" line.
func TestDidYouMeanEverywhere(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"estimat"}, []string{`unknown command "estimat"`, "did you mean estimate?"}},
		{[]string{"estimate", "twiter"}, []string{`unknown preset "twiter"`, "did you mean twitter?"}},
		{[]string{"numbers", "latncy"}, []string{`unknown table "latncy"`, "did you mean latency?"}},
		{[]string{"lab", "ratelimt"}, []string{`unknown lab "ratelimt"`, "did you mean ratelimit?"}},
		{[]string{"lab", "ratelimit", "--simulate", "--algo", "token-bukket"}, []string{`--algorithm "token-bukket"`, "did you mean token-bucket?"}},
		{[]string{"lab", "ratelimit", "--simulate", "--pattern", "spiek"}, []string{`--pattern "spiek"`, "did you mean spike?"}},
		{[]string{"lab", "shortener", "--serve", "--strategy", "hsh"}, []string{`--strategy "hsh"`, "did you mean hash?"}},
		{[]string{"learn", "cachng"}, []string{`unknown topic "cachng"`, "did you mean caching?"}},
		{[]string{"numbers", "--format", "markdwn"}, []string{`--format "markdwn"`, "did you mean markdown?"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) { wantUsageError(t, tt.want, tt.args...) })
	}
}

// Domain errors reach the user as usage errors because the command wraps
// them, whatever their text.
func TestDomainErrorsAreUsageErrors(t *testing.T) {
	wantUsageError(t, []string{"--dau"}, "estimate", "--dau", "lots")
	wantUsageError(t, []string{"--dau", "--writes"}, "estimate", "--read-write-ratio", "10") // no volume
	wantUsageError(t, []string{"nines"}, "numbers", "nines", "abc")
	if got := exitCode(errors.New("no volume: give --dau")); got != exitError {
		t.Errorf("a plain error exits %d, want %d: exit codes do not come from message text", got, exitError)
	}
}

func TestModesAreMutuallyExclusive(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"--serve", "--simulate"}, []string{"--serve and --simulate do not combine", "--explain"}},
		{[]string{"--explain", "--serve"}, []string{"--explain and --serve do not combine"}},
		{[]string{"--serve", "--pattern", "spike"}, []string{"--pattern and --serve do not combine"}},
		{[]string{"--explain", "--duration", "5s"}, []string{"--duration and --explain do not combine"}},
		{[]string{"--simulate", "--addr", ":0"}, []string{"--addr configures the server; add --serve"}},
	} {
		wantUsageError(t, tt.want, append([]string{"lab", "ratelimit"}, tt.args...)...)
	}
	wantUsageError(t, []string{"--memory and --store do not combine"}, "lab", "shortener", "--serve", "--memory", "--store", "sqlite")
}

func TestLabListsEveryLab(t *testing.T) {
	f, out, _ := testFactory(t)
	var got *LabOptions
	c := NewCmdLab(f, func(o *LabOptions) error { got = o; return nil })
	c.SetArgs([]string{"--format", "json"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Format != FormatJSON || len(got.Labs) != len(labs) {
		t.Fatalf("options %+v, want json and %d labs", got, len(labs))
	}
	if err := listLabs(got); err != nil {
		t.Fatal(err)
	}
	var entries []labEntry
	if err := json.Unmarshal(out.Bytes(), &entries); err != nil || len(entries) != len(labs) {
		t.Fatalf("JSON %q: %v, want %d entries", out, err, len(labs))
	}
	for _, e := range entries {
		if e.Name == "" || e.Summary == "" {
			t.Errorf("entry %+v lacks a name or summary", e)
		}
	}

	text, errOut, code := run(t, "lab")
	if code != exitOK || errOut != "" {
		t.Fatalf("sdprep lab: exit %d, stderr %q", code, errOut)
	}
	for _, e := range entries {
		if !strings.Contains(text, e.Name) || !strings.Contains(text, e.Summary) {
			t.Errorf("sdprep lab does not list %s: %q", e.Name, text)
		}
	}
}

// complete asks the command tree for shell completions, as the shell
// scripts do, and returns the offered values.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	out, errOut, code := run(t, append([]string{cobra.ShellCompRequestCmd}, args...)...)
	if code != exitOK {
		t.Fatalf("__complete %v: exit %d, %s", args, code, errOut)
	}
	var vals []string
	for _, l := range strings.Split(out, "\n") {
		if l == "" || strings.HasPrefix(l, ":") {
			continue
		}
		v, _, _ := strings.Cut(l, "\t")
		vals = append(vals, v)
	}
	return vals
}

func TestEnumFlagsComplete(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"estimate", "--format", ""}, formatNames},
		{[]string{"numbers", "nines", "--format", ""}, formatNames},
		{[]string{"learn", "--format", ""}, formatNames},
		{[]string{"learn", "problem", "--format", ""}, formatNames},
		{[]string{"lab", "--format", ""}, formatNames},
		{[]string{"lab", "load", "--format", ""}, formatNames},
		{[]string{"lab", "ratelimit", "--format", ""}, formatNames},
		{[]string{"lab", "ratelimit", "--algo", ""}, algorithmNames()},
		{[]string{"lab", "ratelimit", "--algorithm", ""}, algorithmNames()},
		{[]string{"lab", "ratelimit", "--pattern", ""}, patternNames()},
		{[]string{"lab", "ratelimit", "--key", ""}, keyNames},
		{[]string{"lab", "ratelimit", "--store", ""}, []string{"memory"}},
		{[]string{"lab", "shortener", "--strategy", ""}, strategyNames()},
		{[]string{"lab", "shortener", "--store", ""}, []string{"sqlite", "memory"}},
		{[]string{"estimate", ""}, names(presetCompletions())},
		{[]string{"learn", ""}, names(topicCompletions())},
		{[]string{"learn", "problem", ""}, names(problemCompletions())},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got := complete(t, tt.args...)
			if len(tt.want) == 0 {
				t.Fatal("nothing to expect")
			}
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("completions %v lack %q", got, w)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// FuzzParseFormat: any text is a format or a one-line usage error that
// quotes it.
func FuzzParseFormat(f *testing.F) {
	for _, seed := range []string{"text", "MD", " json ", "", "jsn", "ð", "a\nb"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFormat(s)
		if err == nil {
			if got != FormatText && got != FormatMarkdown && got != FormatJSON {
				t.Fatalf("ParseFormat(%q) = %q", s, got)
			}
			return
		}
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "--format") || !strings.Contains(err.Error(), "text, markdown or json") {
			t.Fatalf("ParseFormat(%q) error %v", s, err)
		}
	})
}
