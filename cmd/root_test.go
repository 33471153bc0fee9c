package cmd

import (
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, _, code := run(t, args...)
		if code != 0 || !strings.Contains(out, "v9.9.9-test") {
			t.Errorf("%v: exit %d, out %q", args, code, out)
		}
	}
}

func TestRootNotTerminalPrintsUsage(t *testing.T) {
	out, _, code := run(t)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"estimate", "numbers"} {
		if !strings.Contains(out, want) {
			t.Errorf("usage lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("usage on a non-terminal contains escape codes")
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, errOut, code := run(t, "completion", shell)
		if code != 0 || !strings.Contains(out, "sdprep") {
			t.Errorf("%s: exit %d, %d bytes, stderr %q", shell, code, len(out), errOut)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	_, errOut, code := run(t, "nosuch")
	if code != exitUsage {
		t.Fatalf("exit %d, want 2", code)
	}
	oneLine(t, errOut)
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, exitOK},
		{usageErrorf("bad"), exitUsage},
		{errSilent, exitError},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestFlagParseErrorsAreOneReadableLine(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"lab", "ratelimit", "--burst", "abc"}, `--burst "abc": expected a whole number`},
		{[]string{"lab", "ratelimit", "--seed", "-1"}, `--seed "-1": expected a whole number of 0 or more`},
		{[]string{"estimate", "--binary=maybe"}, `--binary "maybe": expected true or false`},
		{[]string{"estimate", "--dau", "1M", "--format", ""}, `--format "": expected text, markdown or json`},
		{[]string{"numbers", "nines", "abc"}, `nines: "abc": expected an availability percentage`},
	}
	for _, tt := range tests {
		errOut := wantUsageError(t, []string{tt.want}, tt.args...)
		if strings.Contains(errOut, "strconv") || strings.Contains(errOut, "--availability") {
			t.Errorf("internals leak: %q", errOut)
		}
	}
}

func TestTooManyArguments(t *testing.T) {
	wantUsageError(t, []string{"estimate takes at most one preset", "twitter extra"}, "estimate", "twitter", "extra")
	wantUsageError(t, []string{"takes at most one topic id"}, "learn", "caching", "cdn")
}
