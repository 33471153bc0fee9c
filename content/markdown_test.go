package content

import (
	"strings"
	"testing"
)

func TestParseOutline(t *testing.T) {
	body := strings.Join([]string{
		"",              // line 10
		"## What it is", // 11
		"",              // 12
		"A cache.",      // 13
		"",              // 14
		"```text",       // 15
		"## not a heading inside a fence",
		"# nor this",
		"```",
		"## Trade-offs ##", // 19
		"Intro.",           // 20
		"### Pros",         // 21
		"- fast",           // 22
		"~~~~",             // 23
		"### fenced with tildes",
		"~~~",  // 25: too short to close a ~~~~ fence
		"~~~~", // 26
		"### Cons",
		"",
		"- stale   ",
		"",
		"##Not a heading (no space)",
		"## Empty",
		"",
	}, "\n")
	o := parseOutline(body, 10)
	if o.preamble != "" || len(o.title) != 0 {
		t.Errorf("preamble %q, title lines %v; want none", o.preamble, o.title)
	}
	if o.text != strings.TrimSpace(body) {
		t.Errorf("text = %q", o.text)
	}
	if len(o.sections) != 3 {
		t.Fatalf("got %d sections, want 3: %+v", len(o.sections), o.sections)
	}
	what, trade, empty := o.sections[0], o.sections[1], o.sections[2]
	if what.Heading != "What it is" || what.Line != 11 || what.bodyLine != 13 ||
		what.Body != "A cache.\n\n```text\n## not a heading inside a fence\n# nor this\n```" || what.Subsections != nil {
		t.Errorf("first section = %+v", what)
	}
	if trade.Heading != "Trade-offs" || trade.Line != 19 || !strings.HasPrefix(trade.Body, "Intro.\n### Pros") {
		t.Errorf("second section = %+v", trade)
	}
	if len(trade.Subsections) != 2 {
		t.Fatalf("subsections = %+v, want Pros and Cons", trade.Subsections)
	}
	pros, ok := trade.Subsection("pros")
	if !ok || pros.Line != 21 || pros.Body != "- fast\n~~~~\n### fenced with tildes\n~~~\n~~~~" {
		t.Errorf("Pros = %+v, %v", pros, ok)
	}
	if cons, ok := trade.Subsection("Cons"); !ok || cons.Body != "- stale   \n\n##Not a heading (no space)" {
		t.Errorf("Cons = %+v, %v", cons, ok)
	}
	if empty.Heading != "Empty" || empty.Body != "" || empty.bodyLine != 0 {
		t.Errorf("last section = %+v", empty)
	}
}

func TestParseOutlinePreambleAndTitle(t *testing.T) {
	o := parseOutline("Stray text\n# Title\n\n## A\nbody\n", 5)
	if o.preamble != "Stray text\n# Title" || o.preambleLine != 5 {
		t.Errorf("preamble %q at %d", o.preamble, o.preambleLine)
	}
	if len(o.title) != 1 || o.title[0] != 6 {
		t.Errorf("title lines = %v, want [6]", o.title)
	}
	if len(o.sections) != 1 || o.sections[0].Body != "body" {
		t.Errorf("sections = %+v", o.sections)
	}
}

func TestPlainText(t *testing.T) {
	body := "## Heading\n\n" +
		"- **Bold** and `code` and [a link](https://example.com/x) and *em*.\n" +
		"> quoted\n" +
		"1. numbered\n" +
		"| a | b |\n|---|:--:|\n| c | d |\n" +
		"```\n+----+   client ──► server\n```\n"
	plain, headings, code := plainText(body)
	want := "Bold and code and a link and em. quoted numbered a b c d"
	if plain != want {
		t.Errorf("plain =\n%q\nwant\n%q", plain, want)
	}
	if strings.TrimSpace(headings) != "Heading" {
		t.Errorf("headings = %q", headings)
	}
	if code != "client server" {
		t.Errorf("code = %q, want the diagram's words without its rules and arrows", code)
	}
}

// Removed markup leaves no space behind, so punctuation after it stays
// where it was; a code span keeps its text as written.
func TestPlainTextPunctuationAfterMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"that carry a short `max-age`. Stampedes.", "that carry a short max-age. Stampedes."},
		{"**Vertical scaling (scale up)**: give it more.", "Vertical scaling (scale up): give it more."},
		{"(`Retry-After`), then *retry*; done!", "(Retry-After), then retry; done!"},
		{"See [the docs](https://example.com), then `--serve`.", "See the docs, then --serve."},
		{"`SELECT * FROM t` and `a | b` and ``x ` y``.", "SELECT * FROM t and a | b and x ` y."},
		{"a \\| b and 0..N-1 and wait... and A → B", "a | b and 0..N-1 and wait... and A → B"},
		{"**a**\n**b**", "a b"},
		{"an `unclosed span, kept", "an unclosed span, kept"},
	}
	for _, tt := range tests {
		plain, _, _ := plainText(tt.in)
		if plain != tt.want {
			t.Errorf("plainText(%q) =\n%q\nwant\n%q", tt.in, plain, tt.want)
		}
	}
}

// Fenced blocks, whatever their fence, never reach the prose; a fence of
// another kind inside one does not close it.
func TestPlainTextFences(t *testing.T) {
	body := "Before.\n\n~~~\nPUT original ──► [ CDN ]\n```\nstill code\n~~~\n\nAfter.\n\n---\n\nEnd.\n"
	plain, _, code := plainText(body)
	if plain != "Before. After. End." {
		t.Errorf("plain = %q", plain)
	}
	if code != "PUT original [ CDN ] still code" {
		t.Errorf("code = %q", code)
	}
}
