package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// doc writes a content file with the given front-matter lines and body.
func doc(frontMatter, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + frontMatter + "\n---\n\n" + body + "\n")}
}

// searchFixture has one document per field the word "widget" can be in,
// and two pairs of documents that tie on "gizmo".
func searchFixture(t *testing.T) *Library {
	t.Helper()
	lib, err := Load(fstest.MapFS{
		"topics/in-title.md":   doc("id: in-title\ntitle: Widget basics\ncategory: data\nsummary: About parts.", "## What it is\n\nParts."),
		"topics/in-tag.md":     doc("id: in-tag\ntitle: Tagged\ncategory: data\ntags: [widgets]\nsummary: About parts.", "## What it is\n\nParts."),
		"topics/in-alias.md":   doc("id: in-alias\ntitle: Aliased\ncategory: data\naliases: [widget-pool]\nsummary: About parts.", "## What it is\n\nParts."),
		"topics/in-summary.md": doc("id: in-summary\ntitle: Summed\ncategory: data\nsummary: A widget, briefly.", "## What it is\n\nParts."),
		"topics/in-body.md": doc("id: in-body\ntitle: Bodied\ncategory: data\nsummary: About parts.",
			"## What it is\n\n"+strings.Repeat("Filler words to push the match along. ", 4)+
				"The **Widget** `factory` makes a [sprocket](https://example.com) too. "+strings.Repeat("More filler after it. ", 6)),
		"topics/often.md": doc("id: often\ntitle: Often\ncategory: data\nsummary: About parts.",
			"## What it is\n\nwidget widget widget widget widget widget widget sprocket"),
		"topics/b-tie.md":     doc("id: b-tie\ntitle: Bee\ncategory: data\nsummary: S.", "## A\n\ngizmo"),
		"topics/a-tie.md":     doc("id: a-tie\ntitle: Ay\ncategory: data\nsummary: S.", "## A\n\ngizmo"),
		"problems/a-tie.md":   doc("id: a-tie\ntitle: Design a thing\nsummary: S.", "## Prompt\n\ngizmo"),
		"problems/widget.md":  doc("id: widget\ntitle: Design a widget factory\nsummary: S.", "## Prompt\n\nBuild it."),
		"topics/heading.md":   doc("id: heading\ntitle: Head\ncategory: data\nsummary: The summary stands in.", "## Zebra crossing\n\nNothing here."),
		"topics/unrelated.md": doc("id: unrelated\ntitle: Nothing\ncategory: data\nsummary: S.", "## A\n\nNo match."),
	})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func hitIDs(hits []Hit) []string {
	var ids []string
	for _, h := range hits {
		ids = append(ids, string(h.Kind)+":"+h.ID)
	}
	return ids
}

func TestSearchRanksTitleThenKeywordsThenSummaryThenBody(t *testing.T) {
	hits := searchFixture(t).Search("WIDGET")
	got := strings.Join(hitIDs(hits), " ")
	// The problem's title and the topic's title score the same; topics
	// come first on ties. A tag and an alias score the same; then id order.
	want := "topic:in-title problem:widget topic:in-alias topic:in-tag topic:in-summary topic:often topic:in-body"
	if got != want {
		t.Errorf("Search(WIDGET) =\n %s\nwant\n %s", got, want)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i-1].Score < hits[i].Score {
			t.Errorf("hits not sorted by score: %+v", hits)
		}
	}
	if hits[0].Title != "Widget basics" || hits[0].Kind != KindTopic {
		t.Errorf("first hit = %+v", hits[0])
	}
}

func TestSearchNeedsEveryWord(t *testing.T) {
	lib := searchFixture(t)
	got := strings.Join(hitIDs(lib.Search("widget sprocket")), " ")
	if got != "topic:often topic:in-body" {
		t.Errorf("Search(widget sprocket) = %s", got)
	}
	if hits := lib.Search("widget unobtainium"); hits != nil {
		t.Errorf("a word found nowhere still matched: %v", hitIDs(hits))
	}
	for _, q := range []string{"", "   ", "--- !!"} {
		if hits := lib.Search(q); hits != nil {
			t.Errorf("Search(%q) = %v, want nil", q, hitIDs(hits))
		}
	}
}

func TestSearchStableOnTies(t *testing.T) {
	lib := searchFixture(t)
	want := "topic:a-tie topic:b-tie problem:a-tie"
	for range 3 {
		if got := strings.Join(hitIDs(lib.Search("gizmo")), " "); got != want {
			t.Fatalf("Search(gizmo) = %s, want %s", got, want)
		}
	}
}

func TestSearchSnippet(t *testing.T) {
	lib := searchFixture(t)
	var body Hit
	for _, h := range lib.Search("widget") {
		if h.ID == "in-body" {
			body = h
		}
	}
	s := body.Snippet
	if !strings.Contains(s, "The Widget factory makes a sprocket too.") {
		t.Errorf("snippet %q lost the match or kept markup", s)
	}
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || strings.ContainsAny(s, "\n*`[]()") {
		t.Errorf("snippet %q: want a one-line window cut at both ends without markup", s)
	}
	if n := utf8.RuneCountInString(s); n < 60 || n > snippetWidth+2 {
		t.Errorf("snippet %q is %d characters", s, n)
	}
	// A word found only in a heading has no body text around it; the
	// summary stands in.
	hits := lib.Search("zebra")
	if len(hits) != 1 || hits[0].Snippet != "The summary stands in." {
		t.Errorf("Search(zebra) = %+v", hits)
	}
}

func TestWindow(t *testing.T) {
	s := strings.Repeat("abcd ", 40) + "MATCH" + strings.Repeat(" wxyz", 40)
	pos := strings.Index(s, "MATCH")
	got := window(s, pos, pos+5)
	if !strings.Contains(got, "MATCH") || !strings.HasPrefix(got, "…abcd") || !strings.HasSuffix(got, "wxyz…") {
		t.Errorf("window = %q", got)
	}
	if got := window("short text", 0, 5); got != "short text" {
		t.Errorf("short window = %q", got)
	}
	// No spaces to cut at: the cut still falls on a rune boundary.
	long := strings.Repeat("é", 200)
	if got := window(long, 100, 102); !utf8.ValidString(got) {
		t.Errorf("window cut a rune: %q", got)
	}
}

func TestSearchEmbedded(t *testing.T) {
	lib := library(t)
	tests := []struct {
		query, first string
	}{
		{"cap theorem", "cap-theorem"},
		{"consistent hashing", "consistent-hashing"},
		{"stampede", "caching"},
		{"bloom", "bloom-filter"},
		{"Kubernetes", "kubernetes"},
	}
	for _, tt := range tests {
		hits := lib.Search(tt.query)
		if len(hits) == 0 || hits[0].ID != tt.first {
			t.Errorf("Search(%q) first = %v, want %s", tt.query, hitIDs(hits[:min(3, len(hits))]), tt.first)
		}
	}
	// "feistel" appears only in the URL shortener's body text.
	hits := lib.Search("feistel")
	if len(hits) != 1 || hits[0].Kind != KindProblem || hits[0].ID != "url-shortener" ||
		!strings.Contains(strings.ToLower(hits[0].Snippet), "feistel") {
		t.Errorf("Search(feistel) = %+v", hits)
	}
}

func TestLowerSameLen(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC def", "Ünïcode — ≈ ×", "İstanbul", "KELVIN \u212a", "bad \xff utf8 \xc3"} {
		got := lowerSameLen(s)
		if len(got) != len(s) {
			t.Errorf("lowerSameLen(%q) = %q changes the length", s, got)
		}
	}
	if got := lowerSameLen("Ünïcode ABC"); got != "ünïcode abc" {
		t.Errorf("lowerSameLen = %q", got)
	}
}

func TestWordPrefixAt(t *testing.T) {
	text := "sharding reshard shard-key, shard"
	if i := wordPrefixAt(text, "shard", 0); i != 0 {
		t.Errorf("first = %d", i)
	}
	if i := wordPrefixAt(text, "shard", 1); i != 17 {
		t.Errorf("after 1 = %d, want 17 (reshard is not a word starting with shard)", i)
	}
	if n := countWordPrefix(text, "shard", 10); n != 3 {
		t.Errorf("count = %d, want 3", n)
	}
	if n := countWordPrefix(text, "shard", 2); n != 2 {
		t.Errorf("count with limit 2 = %d", n)
	}
	if i := wordPrefixAt(text, "hard", 0); i != -1 {
		t.Errorf("hard = %d, want -1", i)
	}
}

// FuzzSearch runs arbitrary queries over a topic with an arbitrary body:
// Search never panics, every hit carries its id, and a snippet of valid
// text is valid text of bounded length.
func FuzzSearch(f *testing.F) {
	caching, err := fs.ReadFile(FS(), "topics/caching.md")
	if err != nil {
		f.Fatal(err)
	}
	_, body, _ := strings.Cut(string(caching), "\n---\n")
	f.Add(body, "cache stampede")
	f.Add("## A\n\n```\n+--+ ──►\n```\n[x](y) **É** İ", "é i")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, body, query string) {
		plain, headings, code := plainText(body)
		for _, s := range []string{plain, code} {
			if strings.Contains(s, "  ") || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\t\r") {
				t.Fatalf("plain text %q is not one trimmed line with single spaces", s)
			}
		}
		if strings.ContainsAny(headings, "\n\r") {
			t.Fatalf("headings %q span lines", headings)
		}
		if lower := lowerSameLen(plain); len(lower) != len(plain) {
			t.Fatalf("lowerSameLen changed the length of %q", plain)
		}
		lib, err := Load(fstest.MapFS{"topics/t.md": doc("id: t\ntitle: T\ncategory: data\nsummary: S.", body)})
		if err != nil {
			return // a body line of "---" can end the front matter early; not this test's concern
		}
		for _, h := range lib.Search(query) {
			if h.ID != "t" || h.Score <= 0 {
				t.Fatalf("hit %+v", h)
			}
			if utf8.ValidString(body) && !utf8.ValidString(h.Snippet) {
				t.Fatalf("snippet %q is not valid UTF-8", h.Snippet)
			}
			longest := 0
			for _, w := range uniqueWords(query) {
				longest = max(longest, len(w))
			}
			if limit := max(snippetWidth, snippetWidth/3+longest) + 2*len("…"); len(h.Snippet) > limit {
				t.Fatalf("snippet of %d bytes, limit %d: %q", len(h.Snippet), limit, h.Snippet)
			}
		}
	})
}

// Words in a fenced block (a diagram) still match, at the lowest body
// score, but a snippet is only ever cut from prose: the summary stands in
// when the word is nowhere else, and prose after the diagram is found
// even when the diagram names the word first.
func TestSearchCodeBlocksMatchButAreNotSnippets(t *testing.T) {
	diagram := "```\n  client --PUT original--> [ blob store ] --> CDN\n```\n\n"
	lib, err := Load(fstest.MapFS{
		"topics/only-code.md": doc("id: only-code\ntitle: Only code\ncategory: data\nsummary: The summary stands in.",
			"## What it is\n\n"+diagram+"Nothing else."),
		"topics/code-then-prose.md": doc("id: code-then-prose\ntitle: Code then prose\ncategory: data\nsummary: S.",
			"## What it is\n\n"+diagram+"Plain words first. The blob store keeps originals."),
	})
	if err != nil {
		t.Fatal(err)
	}
	hits := lib.Search("blob")
	if len(hits) != 2 {
		t.Fatalf("Search(blob) = %+v, want both documents", hits)
	}
	for _, h := range hits {
		switch h.ID {
		case "only-code":
			if h.Score != 1 || h.Snippet != "The summary stands in." {
				t.Errorf("only-code hit = %+v, want score 1 and the summary as snippet", h)
			}
		case "code-then-prose":
			if h.Snippet != "Plain words first. The blob store keeps originals." {
				t.Errorf("code-then-prose snippet = %q, want the prose", h.Snippet)
			}
		}
	}
}

// No embedded snippet is cut from a diagram, and none has a space left
// before punctuation where markup was removed.
func TestSearchEmbeddedSnippetsReadAsProse(t *testing.T) {
	lib := library(t)
	for _, q := range []string{"stampede", "presigned", "scale up", "cdn", "kafka", "redis"} {
		for _, h := range lib.Search(q) {
			for _, bad := range []string{"+--", "--+", "──", " .", " ,", " :", " ;", " )"} {
				if strings.Contains(h.Snippet, bad) {
					t.Errorf("Search(%q) %s snippet has %q: %q", q, h.ID, bad, h.Snippet)
				}
			}
		}
	}
}
