package drills

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sdprep/sdprep/content"
)

// TestAllOfKeywords checks the all-of form: every part on the same line,
// in any order, each on word boundaries with the plural allowed.
func TestAllOfKeywords(t *testing.T) {
	for _, tt := range []struct {
		kw, line string
		want     bool
	}{
		{"timeline+cache", "Timeline cache of tweet ids per user", true},
		{"timeline+cache", "cache each user's home timeline in Redis", true},
		{"timeline+cache", "home timelines live in caches", true},
		{"timeline+cache", "DNS resolver cache", false},
		{"timeline+cache", "timeline service", false},
		{"timeline+cache", "timelinecache is one word", false},
		{"fan-out+write", "fan-out on write to every follower", true},
		{"fan-out+write", "Fan out at write time", true},
		{"fan-out+write", "write-time fan-out", true},
		{"fan-out+write", "writes fan-out", true},
		{"fan-out+write", "fan-out on read for celebrities", false},
		{"fan-out+write", "rewrite the fan-out", false},
		{"fan-out+write", "fanout on write", false}, // "fanout" is its own keyword
		{"push+follower", "push the id to each follower", true},
		{"push+follower", "followers get a push", true},
		{"push+followers", "push to each follower", false}, // the plural adds, never strips
		{"push+follower", "pushed to followers", false},    // "pushed" is not a plural of "push"
		{"merge+read time", "their tweets are merged in at read time", false},
		{"merged+read time", "their tweets are merged in at read time", true},
		{"merged+read time", "merged at reading time", false},
		{"a+b+c", "c, then b, then a", true},
		{"a+b+c", "c, then b", false},
		{"object store", "object stores for media", true},
		{"object store", "store objects", false},
	} {
		c := MatchCoverage([]content.ChecklistItem{{ID: "x", Keywords: []string{tt.kw}}}, []string{"unrelated", tt.line}, nil)
		if got := len(c.Covered) == 1; got != tt.want {
			t.Errorf("%q in %q: matched %v, want %v", tt.kw, tt.line, got, tt.want)
		} else if got && (c.Covered[0].LineNo != 2 || c.Covered[0].Keyword != tt.kw) {
			t.Errorf("%q in %q: covered %+v, want line 2 by the keyword as written", tt.kw, tt.line, c.Covered[0])
		}
	}
}

// The parts of an all-of keyword must share one line; an item is covered
// by its first matching line, and on that line by its first keyword.
func TestAllOfKeywordNeedsOneLine(t *testing.T) {
	it := content.ChecklistItem{ID: "tc", Label: "Timeline cache", Keywords: []string{"timeline+cache", "redis"}}
	split := MatchCoverage([]content.ChecklistItem{it}, []string{"home timeline", "a cache in front of the db"}, nil)
	if len(split.Covered) != 0 || len(split.Missed) != 1 {
		t.Fatalf("parts on two lines matched: %+v", split)
	}
	c := MatchCoverage([]content.ChecklistItem{it}, []string{"x", "redis holds the timeline cache", "timeline cache"}, nil)
	if len(c.Covered) != 1 || c.Covered[0].LineNo != 2 || c.Covered[0].Keyword != "timeline+cache" {
		t.Fatalf("covered %+v; want line 2 by timeline+cache (listed first)", c.Covered)
	}
	c = MatchCoverage([]content.ChecklistItem{it}, []string{"x", "redis", "timeline cache"}, nil)
	if len(c.Covered) != 1 || c.Covered[0].LineNo != 2 || c.Covered[0].Keyword != "redis" {
		t.Fatalf("covered %+v; want line 2 by redis (the earlier line)", c.Covered)
	}
}

// Keywords with a part that holds no word are skipped, not loosened.
func TestKeywordWithAnEmptyPartMatchesNothing(t *testing.T) {
	for _, kw := range []string{"timeline+", "+", "-", "timeline+--"} {
		c := MatchCoverage([]content.ChecklistItem{{ID: "x", Keywords: []string{kw}}}, []string{"timeline", "- + --"}, nil)
		if len(c.Covered) != 0 {
			t.Errorf("%q matched %+v", kw, c.Covered)
		}
	}
}

// Lists that are empty encode as [] and never as null.
func TestCoverageJSONHasNoNulls(t *testing.T) {
	items := []content.ChecklistItem{{ID: "a", Label: "A", Keywords: []string{"alpha"}, Topic: "caching"}}
	for _, tt := range []struct {
		name string
		c    Coverage
		want string
	}{
		{"nothing matched", MatchCoverage(items, []string{"nothing here"}, nil), `"covered":[]`},
		{"everything matched", MatchCoverage(items, []string{"alpha"}, nil), `"missed":[]`},
		{"no notes, no checklist", MatchCoverage(nil, nil, nil), `"covered":[],"missed":[]`},
		{"built by hand", Coverage{}, `"covered":[],"missed":[]`},
	} {
		b, err := json.Marshal(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tt.want) || strings.Contains(string(b), "null") {
			t.Errorf("%s: %s; want %s and no null", tt.name, b, tt.want)
		}
	}
}

// naiveFirst is the matcher written the obvious way, line by line and
// keyword by keyword, as the reference the indexed matcher must agree with.
func naiveFirst(keywords, lines []string) (line int, kw string) {
	for i, l := range lines {
		norm := normalize(l)
		for _, k := range keywords {
			if ok := naiveMatches(k, norm); ok {
				return i, strings.TrimSpace(k)
			}
		}
	}
	return -1, ""
}

func naiveMatches(k, norm string) bool {
	for _, part := range content.KeywordParts(k) {
		p := strings.TrimSpace(normalize(part))
		if p == "" {
			return false
		}
		found := false
		for _, suffix := range []string{"", "s", "es"} {
			found = found || strings.Contains(norm, " "+p+suffix+" ")
		}
		if !found {
			return false
		}
	}
	return true
}

func checkAgainstNaive(t *testing.T, keywords, lines []string) {
	t.Helper()
	c := MatchCoverage([]content.ChecklistItem{{ID: "x", Keywords: keywords}}, lines, nil)
	line, kw := naiveFirst(keywords, lines)
	switch {
	case line < 0 && len(c.Covered) != 0:
		t.Fatalf("keywords %q, lines %q: matched %+v; the reference finds nothing", keywords, lines, c.Covered[0])
	case line >= 0 && (len(c.Covered) != 1 || c.Covered[0].LineNo != line+1 || c.Covered[0].Keyword != kw):
		t.Fatalf("keywords %q, lines %q: got %+v; the reference finds line %d by %q", keywords, lines, c.Covered, line+1, kw)
	}
}

func TestMatcherAgreesWithTheReference(t *testing.T) {
	words := []string{"a", "as", "ases", "b", "bes", "fan", "out", "cache", "caches", "x-y"}
	keywords := []string{"a", "a+b", "b+a", "fan-out", "fan out+cache", "as+b", "cache+a+b", "x y"}
	// Every line of up to three words from the list, checked in pairs.
	var lines []string
	for _, w1 := range words {
		for _, w2 := range words {
			for _, w3 := range words[:4] {
				lines = append(lines, fmt.Sprintf("%s, %s %s", w1, w2, w3))
			}
		}
	}
	for i := range lines {
		for _, k := range keywords {
			checkAgainstNaive(t, []string{k}, lines[i:min(i+2, len(lines))])
		}
		checkAgainstNaive(t, keywords, lines[i:min(i+3, len(lines))])
	}
}

func FuzzMatchCoverage(f *testing.F) {
	f.Add("timeline+cache,redis", "DNS resolver cache\nthe home timeline cache")
	f.Add("fan-out+write,fanout", "fan-out on read\nFan-Out at write time")
	f.Add("+,a++b, ,x", "a b\n+\n")
	f.Add("ÉCOLE+naïve", "naïve écoles")
	f.Fuzz(func(t *testing.T, keywords, notes string) {
		checkAgainstNaive(t, strings.Split(keywords, ","), strings.Split(notes, "\n"))
	})
}

// BenchmarkMatchCoverage grades 2,000 lines of notes against the twitter
// checklist, the size of a long session's notes.
func BenchmarkMatchCoverage(b *testing.B) {
	lib, err := content.Default()
	if err != nil {
		b.Fatal(err)
	}
	p, ok := lib.Problem("twitter")
	if !ok {
		b.Fatal("no twitter problem")
	}
	base := []string{
		"clients hit a load balancer, then stateless api servers",
		"the fetcher pool resolves hosts with a local DNS resolver cache",
		"we write every post to the tweets table first",
		"reads are 100x writes so precompute what we can",
		"a region goes down: fail over to the other one",
		"notes about nothing in particular, just thinking aloud here",
	}
	lines := make([]string, 2000)
	for i := range lines {
		lines[i] = fmt.Sprintf("%d. %s", i, base[i%len(base)])
	}
	lines[1990] = "home timelines are Redis lists of tweet ids"
	b.ReportAllocs()
	for b.Loop() {
		MatchCoverage(p.Mock.Checklist, lines, nil)
	}
}
