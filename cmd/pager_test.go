package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPagerCommand(t *testing.T) {
	tests := []struct {
		value string
		set   bool
		want  string
	}{
		{"", false, "less -R"},
		{"more", true, "more"},
		{" less -FRX ", true, "less -FRX"},
		{"cat", true, ""},
		{"", true, ""},
	}
	for _, tt := range tests {
		getenv := func(string) (string, bool) { return tt.value, tt.set }
		if got := pagerCommand(getenv); got != tt.want {
			t.Errorf("PAGER=%q (set %v): %q, want %q", tt.value, tt.set, got, tt.want)
		}
	}
}

// pagerStreams is a terminal of the given height whose pager is tee into
// a file, so a test sees whether the pager ran and what it got.
func pagerStreams(t *testing.T, height int) (*IOStreams, *bytes.Buffer, string) {
	t.Helper()
	out := &bytes.Buffer{}
	paged := filepath.Join(t.TempDir(), "paged")
	return &IOStreams{Out: out, ErrOut: &bytes.Buffer{}, IsTerminal: true, NoColor: true,
		Width: func() int { return 80 }, Height: func() int { return height }, Pager: "tee " + paged}, out, paged
}

func TestWritePaged(t *testing.T) {
	text := strings.Repeat("line\n", 30)
	tests := []struct {
		name     string
		height   int
		terminal bool
		noPager  bool
		pages    bool
	}{
		{"taller than the terminal", 24, true, false, true},
		{"fits", 40, true, false, false},
		{"--no-pager", 24, true, true, false},
		{"piped", 24, false, false, false},
		{"height unknown", 0, true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, paged := pagerStreams(t, tt.height)
			ios.IsTerminal = tt.terminal
			if err := writePaged(ios, text, tt.noPager); err != nil {
				t.Fatal(err)
			}
			if out.String() != text {
				t.Errorf("output %d bytes, want the text (%d bytes)", out.Len(), len(text))
			}
			got, err := os.ReadFile(paged)
			if tt.pages && (err != nil || string(got) != text) {
				t.Errorf("the pager did not get the text: %q, %v", got, err)
			}
			if !tt.pages && err == nil {
				t.Errorf("the pager ran")
			}
		})
	}
	ios, out, _ := pagerStreams(t, 5)
	ios.Pager = "/nonexistent/pager"
	if err := writePaged(ios, text, false); err != nil || out.String() != text {
		t.Errorf("a pager that cannot start: %v, %d bytes; want the text written directly", err, out.Len())
	}
}

func TestLearnTopicPagesOnATerminal(t *testing.T) {
	f, out, _ := testFactory(t)
	ios, _, paged := pagerStreams(t, 10)
	ios.Out = out
	f.IO = ios
	if code := Execute(t.Context(), f, []string{"learn", "caching", "--format", "text"}); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if got, err := os.ReadFile(paged); err != nil || len(got) == 0 || string(got) != out.String() {
		t.Errorf("learn caching on a 10-line terminal was not paged (%v)", err)
	}

	f, out, _ = testFactory(t)
	ios, _, paged = pagerStreams(t, 10)
	ios.Out = out
	f.IO = ios
	if code := Execute(t.Context(), f, []string{"learn", "caching", "--format", "text", "--no-pager"}); code != exitOK || out.Len() == 0 {
		t.Fatalf("exit %d, %d bytes", code, out.Len())
	}
	if _, err := os.Stat(paged); err == nil {
		t.Error("--no-pager paged")
	}
}

func TestLearnNoPagerFlag(t *testing.T) {
	for _, args := range [][]string{{"caching", "--no-pager"}, {"problem", "twitter", "--no-pager"}} {
		f, _, _ := testFactory(t)
		var got *LearnOptions
		c := NewCmdLearn(f, func(o *LearnOptions) error { got = o; return nil })
		c.SetArgs(args)
		if err := c.Execute(); err != nil {
			t.Fatal(err)
		}
		if !got.NoPager {
			t.Errorf("%v: NoPager not set", args)
		}
	}
}
