package content

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sdprep/sdprep/internal/suggest"
)

// library loads the embedded content or fails the test.
func library(t testing.TB) *Library {
	t.Helper()
	lib, err := Default()
	if err != nil {
		t.Fatalf("loading the embedded content: %v", err)
	}
	return lib
}

func TestDefaultIsLoadedOnce(t *testing.T) {
	a, errA := Default()
	b, errB := Default()
	if errA != nil || errB != nil || a != b {
		t.Fatalf("Default() = %p, %v then %p, %v; want one shared library", a, errA, b, errB)
	}
}

func TestTopicsListingOrder(t *testing.T) {
	lib := library(t)
	topics := lib.Topics()
	if len(topics) != 63 {
		t.Errorf("got %d topics, want 63", len(topics))
	}
	for i := 1; i < len(topics); i++ {
		a, b := topics[i-1], topics[i]
		ra, rb := a.Category.rank(), b.Category.rank()
		if ra > rb || (ra == rb && strings.ToLower(a.Title) > strings.ToLower(b.Title)) {
			t.Errorf("%s (%s) is listed before %s (%s)", a.ID, a.Category, b.ID, b.Category)
		}
	}
	topics[0] = nil
	if lib.Topics()[0] == nil {
		t.Error("Topics returned the library's own slice")
	}
}

func TestCategories(t *testing.T) {
	groups := library(t).Categories()
	var got []Category
	total := 0
	for _, g := range groups {
		got = append(got, g.Category)
		if g.Title != g.Category.Title() || len(g.Topics) == 0 {
			t.Errorf("group %+v", g)
		}
		for _, tp := range g.Topics {
			if tp.Category != g.Category {
				t.Errorf("topic %s (%s) in group %s", tp.ID, tp.Category, g.Category)
			}
		}
		total += len(g.Topics)
	}
	if !slices.Equal(got, AllCategories()) {
		t.Errorf("categories = %v, want %v", got, AllCategories())
	}
	if total != 63 {
		t.Errorf("groups hold %d topics, want 63", total)
	}
	if Scalability.Title() != "Scalability & reliability" || Category("x").Title() != "x" || Category("x").Valid() {
		t.Error("category titles or validity are wrong")
	}
}

func TestTopicLookup(t *testing.T) {
	lib := library(t)
	for in, want := range map[string]string{
		"caching":        "caching",
		"cache":          "caching", // alias
		"  Caching ":     "caching",
		"CAP theorem":    "cap-theorem",
		"cap_theorem":    "cap-theorem",
		"sql  vs  nosql": "sql-vs-nosql",
	} {
		tp, ok := lib.Topic(in)
		if !ok || tp.ID != want {
			t.Errorf("Topic(%q) = %v, %v; want %s", in, tp, ok, want)
		}
	}
	for _, in := range []string{"", "nope", "twitter"} {
		if tp, ok := lib.Topic(in); ok {
			t.Errorf("Topic(%q) found %s", in, tp.ID)
		}
	}
	p, ok := lib.Problem("URL Shortener")
	if !ok || p.ID != "url-shortener" || p.Preset != "url-shortener" {
		t.Errorf("Problem(URL Shortener) = %+v, %v", p, ok)
	}
	if _, ok := lib.Problem("caching"); ok {
		t.Error("Problem(caching) found a topic")
	}
}

func TestTopicFields(t *testing.T) {
	tp, _ := library(t).Topic("caching")
	if tp.Title != "Caching" || tp.Category != Data || tp.File != "topics/caching.md" ||
		!slices.Contains(tp.Aliases, "cache-aside") || !slices.Contains(tp.Tags, "lru") || !slices.Contains(tp.Related, "cdn") {
		t.Errorf("caching = %+v", tp.Entry())
	}
	var headings []string
	for _, s := range tp.Sections {
		headings = append(headings, s.Heading)
	}
	if !slices.Equal(headings, TopicSections) {
		t.Errorf("sections = %q, want %q", headings, TopicSections)
	}
	tips, ok := tp.Section(SectionInterviewTips)
	if !ok || !strings.HasPrefix(tips.Body, "- Say which strategy and why") {
		t.Errorf("interview tips = %q", tips.Body)
	}
	if pros, ok := tp.Sections[3].Subsection("Pros"); !ok || !strings.Contains(pros.Body, "read latency") {
		t.Errorf("Pros = %q", pros.Body)
	}
}

// embeddedProblems is the number of problems under problems/.
const embeddedProblems = 14

func TestProblemSteps(t *testing.T) {
	lib := library(t)
	problems := lib.Problems()
	if len(problems) != embeddedProblems {
		t.Fatalf("got %d problems, want %d", len(problems), embeddedProblems)
	}
	for _, p := range problems {
		steps := []string{p.Prompt, p.ClarifyingQuestions, p.FunctionalRequirements, p.NonFunctionalRequirements,
			p.Estimation, p.API, p.HighLevelDesign, p.DataModel, p.DeepDives, p.Bottlenecks, p.WrapUp, p.FollowUpQuestions}
		for i, s := range steps {
			sec, _ := p.Section(ProblemSections[i])
			if s == "" || s != sec.Body {
				t.Errorf("%s: step %q is %q, section body %q", p.ID, ProblemSections[i], clip(s), clip(sec.Body))
			}
		}
		if len(p.DeepDiveTopics()) == 0 {
			t.Errorf("%s: no deep-dive topics", p.ID)
		}
	}
	p, _ := lib.Problem("url-shortener")
	if dd := p.DeepDiveTopics(); dd[0].Heading != "Generating the code" {
		t.Errorf("first deep dive = %q", dd[0].Heading)
	}
	if !strings.HasPrefix(p.Estimation, "Run `sdprep estimate url-shortener`") {
		t.Errorf("estimation = %q", clip(p.Estimation))
	}
}

func TestMarkdown(t *testing.T) {
	lib := library(t)
	tp, _ := lib.Topic("caching")
	md := tp.Markdown()
	want := "# Caching\n\n> " + tp.Summary + "\n\n## What it is\n\nA cache is"
	if !strings.HasPrefix(md, want) || !strings.HasSuffix(md, "takes hot reads off the database.\n") {
		t.Errorf("Markdown() starts %q", md[:min(len(md), 120)])
	}
	if strings.Count(md, "\n# ") != 0 {
		t.Error("the body repeats a level-1 heading")
	}
	p, _ := lib.Problem("twitter")
	if !strings.HasPrefix(p.Markdown(), "# "+p.Title+"\n\n> "+p.Summary+"\n\n## Prompt\n") {
		t.Errorf("problem Markdown() starts %q", p.Markdown()[:80])
	}
}

// jsonKeys marshals v and returns the keys of the resulting object.
func jsonKeys(t *testing.T, v any) (map[string]any, []string) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m, slices.Sorted(maps.Keys(m))
}

func TestJSON(t *testing.T) {
	lib := library(t)
	tp, _ := lib.Topic("pacelc")
	m, keys := jsonKeys(t, tp)
	if want := []string{"aliases", "body", "category", "id", "related", "sections", "summary", "tags", "title", "tradeoff"}; !slices.Equal(keys, want) {
		t.Errorf("topic JSON keys = %v, want %v", keys, want)
	}
	if m["id"] != "pacelc" || m["category"] != "data" {
		t.Errorf("topic JSON id/category = %v/%v", m["id"], m["category"])
	}
	secs := m["sections"].([]any)
	if _, keys := jsonKeys(t, secs[0]); !slices.Equal(keys, []string{"body", "heading", "line"}) {
		t.Errorf("section JSON keys = %v", keys)
	}
	if _, keys := jsonKeys(t, tp.Entry()); !slices.Equal(keys, []string{"aliases", "category", "id", "summary", "tags", "title", "tradeoff"}) {
		t.Errorf("entry JSON keys = %v", keys)
	}
	p, _ := lib.Problem("pastebin")
	if _, keys := jsonKeys(t, p); !slices.Equal(keys, []string{"body", "difficulty", "id", "mock", "preset", "related", "sections", "summary", "tags", "title"}) {
		t.Errorf("problem JSON keys = %v", keys)
	}
	if _, keys := jsonKeys(t, p.Mock); !slices.Equal(keys, []string{"checklist", "clarify", "deep_dives", "follow_ups", "hints"}) {
		t.Errorf("mock JSON keys = %v", keys)
	}
	if _, keys := jsonKeys(t, p.Mock.Checklist[0]); !slices.Equal(keys, []string{"id", "keywords", "label", "topic"}) {
		t.Errorf("checklist item JSON keys = %v", keys)
	}
	// A topic without aliases encodes an empty list, not null.
	noAliases, _ := ParseTopic("topics/x.md", []byte("---\nid: x\n---\n"))
	if m, _ := jsonKeys(t, noAliases); m["aliases"] == nil || m["sections"] == nil {
		t.Errorf("empty lists encode as null: %v", m)
	}
	entries := lib.TopicEntries()
	if len(entries) != 63 || !reflect.DeepEqual(entries[0], lib.Topics()[0].Entry()) {
		t.Errorf("TopicEntries: %d entries, first %+v", len(entries), entries[0])
	}
	if pe := lib.ProblemEntries(); len(pe) != embeddedProblems || pe[0].ID != "dropbox" || pe[0].Preset != "dropbox" {
		t.Errorf("ProblemEntries first = %+v", pe[0])
	}
}

func TestSuggest(t *testing.T) {
	lib := library(t)
	tests := []struct {
		query string
		first string
	}{
		{"consistant-hashing", "consistent-hashing"}, // typo
		{"cap theorm", "cap-theorem"},                // typo and a space
		{"cach", "cache"},                            // prefix of an alias
		{"kubernets", "kubernetes"},
		{"theorem", "cap-theorem"}, // substring
	}
	for _, tt := range tests {
		got := lib.Suggest(tt.query)
		if len(got) == 0 || got[0] != tt.first || len(got) > suggest.Max {
			t.Errorf("Suggest(%q) = %v, want %q first", tt.query, got, tt.first)
		}
	}
	// One name per topic: "cach" matches the alias cache and the id
	// caching, both the caching topic.
	if got := lib.Suggest("cach"); slices.Contains(got, "caching") {
		t.Errorf("Suggest(cach) = %v lists the caching topic twice", got)
	}
	for _, q := range []string{"", "zzzzzzzz", "quantum-entanglement"} {
		if got := lib.Suggest(q); got != nil {
			t.Errorf("Suggest(%q) = %v, want nil", q, got)
		}
	}
	if got := lib.SuggestProblems("twiter"); !slices.Equal(got, []string{"twitter"}) {
		t.Errorf("SuggestProblems(twiter) = %v", got)
	}
}

func TestLookupPrefersIDsOverAliases(t *testing.T) {
	// "apple" is listed first (category architecture) and claims the alias
	// "banana", which is another topic's id.
	lib, err := Load(fstest.MapFS{
		"topics/apple.md":  doc("id: apple\ntitle: Apple\ncategory: architecture\naliases: [banana, fruit]\nsummary: S.", "## A\n\nx"),
		"topics/banana.md": doc("id: banana\ntitle: Banana\ncategory: data\naliases: [fruit]\nsummary: S.", "## A\n\nx"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if tp, _ := lib.Topic("banana"); tp.ID != "banana" {
		t.Errorf("Topic(banana) = %s", tp.ID)
	}
	if tp, _ := lib.Topic("fruit"); tp.ID != "apple" {
		t.Errorf("Topic(fruit) = %s, want the first in listing order", tp.ID)
	}
	if errs := Validate(lib); len(errs) == 0 {
		t.Error("Validate accepted an alias equal to another id")
	}
}
