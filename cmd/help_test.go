package cmd

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

// Piped help has no trailing spaces and no escape codes, on every command.
func TestPipedHelpIsClean(t *testing.T) {
	f, _, _ := testFactory(t)
	visit := func(args []string) {
		out, errOut, code := run(t, append(args, "--help")...)
		if code != exitOK || errOut != "" || !strings.Contains(out, "Usage:") {
			t.Fatalf("%v --help: exit %d, stderr %q, stdout %q", args, code, errOut, out)
		}
		for i, l := range strings.Split(out, "\n") {
			if strings.TrimRight(l, " \t") != l {
				t.Errorf("%v --help line %d has trailing spaces: %q", args, i+1, l)
			}
			if strings.Contains(l, "\x1b") {
				t.Errorf("%v --help line %d has an escape code: %q", args, i+1, l)
			}
		}
	}
	root := NewCmdRoot(f)
	visit(nil)
	for _, c := range manCommands(root) {
		visit(strings.Fields(strings.TrimPrefix(c.CommandPath(), "sdprep ")))
	}
}

func TestHelpHeadingsBoldOnlyWithColour(t *testing.T) {
	f, out, _ := testFactory(t)
	f.IO.NoColor = false
	root := NewCmdRoot(f)
	if err := writeHelp(out, root, f.IO); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\x1b[1mUsage:\x1b[0m") {
		t.Errorf("help with colour has no bold heading:\n%s", out)
	}
}

func TestWrapParagraphs(t *testing.T) {
	in := "one two three four\n\n  keep  this\n  as is"
	want := "one two\nthree\nfour\n\n  keep  this\n  as is"
	if got := wrapParagraphs(in, 8); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestManPage(t *testing.T) {
	out, errOut, code := run(t, "man")
	if code != exitOK || errOut != "" {
		t.Fatalf("sdprep man: exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(out, "%!") {
		t.Errorf("man page has a fmt error (%%!): %q", out[strings.Index(out, "%!")-40:][:80])
	}
	for _, want := range []string{".TH SDPREP 1", ".SH NAME", ".SH COMMANDS", ".SH OPTIONS", ".SH EXIT STATUS",
		`\fB\-i\fR, \fB\-\-interactive\fR`, `.SS estimate [preset] [flags]`, `\fB\-\-data\-dir\fR`} {
		if !strings.Contains(out, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	for _, bad := range []string{`\fB\-\-i\fR`, `\fB\-\-COMMANDS`, `\fB\-\-OPTIONS`, ".TP\nCOMMANDS", ".TP\nOPTIONS"} {
		if strings.Contains(out, bad) {
			t.Errorf("man page has %q", bad)
		}
	}
	// A flag whose help holds a percent sign keeps it.
	if !strings.Contains(out, `(default 20%)`) {
		t.Errorf("man page lost the percent defaults")
	}
	for i, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, ".") && !strings.HasPrefix(l, ".TH") && !strings.HasPrefix(l, ".S") &&
			!strings.HasPrefix(l, ".TP") && !strings.HasPrefix(l, ".PP") && !strings.HasPrefix(l, ".B ") &&
			!strings.HasPrefix(l, ".nf") && !strings.HasPrefix(l, ".fi") && !strings.HasPrefix(l, ".RS") && !strings.HasPrefix(l, ".RE") {
			t.Errorf("line %d starts with an unknown request: %q", i+1, l)
		}
	}
}

func TestRoffLine(t *testing.T) {
	for in, want := range map[string]string{
		"--dau 100M":  `\-\-dau 100M`,
		`a\b`:         `a\eb`,
		".hidden":     `\&.hidden`,
		"'quoted":     `\&'quoted`,
		"20% of them": "20% of them",
	} {
		if got := roffLine(in); got != want {
			t.Errorf("roffLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveVersion(t *testing.T) {
	info := func(v string, settings ...debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Version: v}, Settings: settings}
	}
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "0123456789abcdef0123"}
	dirty := debug.BuildSetting{Key: "vcs.modified", Value: "true"}
	tests := []struct {
		name, ldflags string
		info          *debug.BuildInfo
		want          string
	}{
		{"ldflags win", "v1.2.3", info("v9.9.9", rev), "v1.2.3"},
		{"go install @version", "dev", info("v1.4.0"), "v1.4.0"},
		{"clone build", "dev", info("(devel)", rev), "dev (0123456789ab)"},
		{"dirty clone", "dev", info("(devel)", rev, dirty), "dev (0123456789ab-dirty)"},
		{"no build info", "dev", nil, "dev"},
	}
	for _, tt := range tests {
		if got := resolveVersion(tt.ldflags, tt.info); got != tt.want {
			t.Errorf("%s: resolveVersion = %q, want %q", tt.name, got, tt.want)
		}
	}
	var out bytes.Buffer
	f, _, _ := testFactory(t)
	f.IO.Out = &out
	if code := Execute(t.Context(), f, []string{"version"}); code != exitOK || out.String() != "sdprep version v9.9.9-test\n" {
		t.Errorf("sdprep version: exit %d, %q", code, out.String())
	}
}

func TestCompletionOfUnknownShellIsBadInput(t *testing.T) {
	wantUsageError(t, []string{`unknown shell "tcsh"`, "bash"}, "completion", "tcsh")
	out, _, code := run(t, "completion")
	if code != exitOK || !strings.Contains(out, "bash") {
		t.Errorf("sdprep completion: exit %d, %q", code, out)
	}
}

func TestNoColorCountsOnlyWhenNonEmpty(t *testing.T) {
	for value, want := range map[string]bool{"": false, "1": true, "0": true, "yes": true} {
		getenv := func(k string) string {
			if k == "NO_COLOR" {
				return value
			}
			return ""
		}
		if got := noColorEnv(getenv); got != want {
			t.Errorf("NO_COLOR=%q: noColor %v, want %v", value, got, want)
		}
	}
}
