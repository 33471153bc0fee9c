package markdown

import (
	"strings"
	"sync"
	"testing"

	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/sdprep/sdprep/content"
)

func topicMarkdown(t testing.TB, id string) string {
	t.Helper()
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	tp, ok := lib.Topic(id)
	if !ok {
		t.Fatalf("no topic %s", id)
	}
	return tp.Markdown()
}

// withoutCode drops the fenced code blocks from md: they are printed
// verbatim, never wrapped.
func withoutCode(md string) string {
	var parts []string
	for _, b := range splitFences(md) {
		if !b.code {
			parts = append(parts, b.text)
		}
	}
	return strings.Join(parts, "\n")
}

func widest(out string) int {
	w := 0
	for _, l := range strings.Split(out, "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

func TestRenderMarkdownWrapsAndStyles(t *testing.T) {
	md := withoutCode(topicMarkdown(t, "caching"))
	for _, tt := range []struct {
		width, wrap int
	}{{60, 60}, {80, 80}, {100, 100}, {200, MaxWidth}, {0, 80}} {
		for _, noColor := range []bool{false, true} {
			out, err := Render(md, tt.width, noColor)
			if err != nil {
				t.Fatal(err)
			}
			if w := widest(out); w > tt.wrap || w < tt.wrap-12 {
				t.Errorf("width %d noColor %v: widest prose line %d, want about %d", tt.width, noColor, w, tt.wrap)
			}
			if !strings.Contains(out, "\x1b[1m") && !strings.Contains(out, ";1m") {
				t.Errorf("width %d noColor %v: no bold headings", tt.width, noColor)
			}
			colour := strings.Contains(out, "38;5;") || strings.Contains(out, "48;5;")
			if colour == noColor {
				t.Errorf("width %d: colour codes %v with noColor %v", tt.width, colour, noColor)
			}
			for _, l := range strings.Split(out, "\n") {
				if strings.HasSuffix(ansi.Strip(l), "  ") { // the title keeps its one padding space
					t.Fatalf("trailing blanks kept: %q", l)
				}
			}
		}
	}
}

func TestRenderPlainHasNoEscapes(t *testing.T) {
	out, err := RenderPlain(topicMarkdown(t, "cap-theorem"), 80)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape codes in plain text")
	}
	if strings.Contains(out, "**") {
		t.Error("emphasis markers left in plain text")
	}
	for _, want := range []string{"# CAP theorem", "## What it is", "partition"} {
		if !strings.Contains(out, want) {
			t.Errorf("plain text lacks %q", want)
		}
	}
}

func TestRenderMarkdownKeepsDiagramsVerbatim(t *testing.T) {
	md := "## Flow\n\nSome text before.\n\n```\n  client ──► gateway ──► service ──► a very long diagram line that goes well past forty columns\n```\n\n- item one\n  continues here\n"
	out, err := RenderPlain(md, 40)
	if err != nil {
		t.Fatal(err)
	}
	want := "      client ──► gateway ──► service ──► a very long diagram line that goes well past forty columns"
	if !strings.Contains(out, want+"\n") {
		t.Errorf("diagram line wrapped or moved:\n%s", out)
	}
	if !strings.Contains(out, "item one continues here") {
		t.Errorf("list item not reflowed:\n%s", out)
	}
}

func TestSplitFences(t *testing.T) {
	md := "a\n\n```\ncode 1\n  code 2\n```\nb\n~~~\nc\n~~~\n```\nunclosed"
	got := splitFences(md)
	want := []mdBlock{
		{"a\n", false}, {"code 1\n  code 2", true}, {"b", false}, {"c", true}, {"unclosed", true},
	}
	if len(got) != len(want) {
		t.Fatalf("blocks %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestReflow(t *testing.T) {
	in := "Para line one\nline two\n\n- **Item** starts\n  and continues `code a b`\n  - nested item\n    wraps\n- next\n\n1. numbered\n   more\n| a | b |\n    indented code\n"
	want := "Para line one line two\n\n- **Item** starts and continues `code a b`\n  - nested item wraps\n- next\n\n1. numbered more\n| a | b |\n    indented code\n"
	if got := reflow(in, 60, 2); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Lines break at spaces only, never inside a code span; items keep
	// their continuation lines indented under the marker.
	got := reflow("- size it: `sdprep estimate --dau 10M --read-size 500B` prints it", 30, 2)
	want = "- size it: `sdprep estimate`\n  `--dau 10M --read-size 500B`\n  prints it"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFillAndSplitCode(t *testing.T) {
	if got := fill("use `--cache-fraction` here", 12, 12, 2); strings.Join(got, "|") != "use|`--cache-fraction`|here" {
		t.Errorf("fill kept %q", got)
	}
	if got := splitCode("(`a b c d`),", 3, 3); strings.Join(got, "|") != "(`a b`|`c d`)," {
		t.Errorf("splitCode gave %q", got)
	}
	if w := tokenWidth("**bold**`x`,", 2); w != 4+3+1 {
		t.Errorf("tokenWidth = %d", w)
	}
}

func TestQuotesToEmphasis(t *testing.T) {
	for in, want := range map[string]string{
		"# T\n\n> One line\n> two lines.\n\n## S": "# T\n\n*One line two lines.*\n\n## S",
		"> - a list\n> in a quote":                "> - a list\n> in a quote",
		"> has *emphasis*":                        "> has *emphasis*",
		"no quote":                                "no quote",
	} {
		if got := quotesToEmphasis(in); got != want {
			t.Errorf("quotesToEmphasis(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrimRightSpace(t *testing.T) {
	for in, want := range map[string]string{
		"text   ": "text",
		"\x1b[38;5;252mtext\x1b[m\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m": "\x1b[38;5;252mtext\x1b[0m",
		"\x1b[38;5;228;48;5;63;1m Title \x1b[m  ":                            "\x1b[38;5;228;48;5;63;1m Title \x1b[0m",
		"\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m":                         "",
		"  indented":               "  indented",
		"\x1b[48;5;63m \x1b[49m  ": "\x1b[48;5;63m \x1b[0m",
		"\x1b[38;5;48m colour 48 is no background \x1b[m": "\x1b[38;5;48m colour 48 is no background\x1b[0m",
	} {
		if got := trimRightSpace(in); got != want {
			t.Errorf("trimRightSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRendererCache(t *testing.T) {
	a, err := cachedRenderer(77, styleColor)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := cachedRenderer(77, styleColor)
	c, _ := cachedRenderer(77, styleNoColor)
	if a != b {
		t.Error("same width and style built a second renderer")
	}
	if a == c {
		t.Error("different styles share a renderer")
	}
	for w := 20; w < 20+2*maxRenderers; w++ {
		if _, err := cachedRenderer(w, stylePlain); err != nil {
			t.Fatal(err)
		}
	}
	renderers.Lock()
	n := len(renderers.m)
	renderers.Unlock()
	if n > maxRenderers {
		t.Errorf("%d renderers cached, limit %d", n, maxRenderers)
	}
}

func TestNoColorStyleLeavesGlamourStylesAlone(t *testing.T) {
	c := styleConfig(styleNoColor)
	if c.H1.BackgroundColor != nil || c.Heading.Color != nil || c.Code.BackgroundColor != nil {
		t.Error("colours left in the NO_COLOR style")
	}
	if c.Heading.Bold == nil || !*c.Heading.Bold {
		t.Error("NO_COLOR style lost bold headings")
	}
	if styles.DarkStyleConfig.H1.BackgroundColor == nil || styles.DarkStyleConfig.Heading.Color == nil {
		t.Error("stripping colours changed glamour's shared dark style")
	}
}

func TestRenderMarkdownConcurrently(t *testing.T) {
	md := topicMarkdown(t, "quorum")
	want, err := Render(md, 90, false)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got, err := Render(md, 90, false); err != nil || got != want {
				t.Errorf("concurrent render differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}

// BenchmarkRenderTopic renders caching at 100 columns the way `sdprep
// learn caching` does on a terminal: cold builds the glamour renderer
// first, as a fresh process does; warm reuses it, as the TUI does.
func BenchmarkRenderTopic(b *testing.B) {
	md := topicMarkdown(b, "caching")
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			renderers.Lock()
			clear(renderers.m)
			renderers.order = nil
			renderers.Unlock()
			if _, err := Render(md, 100, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		for b.Loop() {
			if _, err := Render(md, 100, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}
