package content

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// resolve finds what `sdprep learn <name>` or a search for name reaches:
// the topic the name or alias names, else the best topic search hit.
func resolve(lib *Library, name string) string {
	if t, ok := lib.Topic(name); ok {
		return t.ID
	}
	for _, h := range lib.Search(name) {
		if h.Kind == KindTopic {
			return h.ID
		}
	}
	return ""
}

// TestConceptNamesResolve checks that every concept of the source
// material, typed as it is written there, reaches its topic.
func TestConceptNamesResolve(t *testing.T) {
	lib := library(t)
	f, err := os.Open("testdata/concepts.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, want, ok := strings.Cut(line, " | ")
		if !ok {
			t.Fatalf("testdata/concepts.txt: %q is not \"name | topic id\"", line)
		}
		n++
		if _, exists := lib.Topic(want); !exists {
			t.Errorf("%q: expected topic %q does not exist", name, want)
		}
		if got := resolve(lib, name); got != want {
			t.Errorf("%q reaches %q, want %q", name, got, want)
		}
	}
	if n < 50 {
		t.Errorf("only %d concept names checked", n)
	}
}

// TestSearchFindsNewTopics checks that the words users search for reach
// the topic that explains them first.
func TestSearchFindsNewTopics(t *testing.T) {
	lib := library(t)
	for query, want := range map[string]string{
		"websocket":         "realtime-communication",
		"snowflake":         "unique-id-generation",
		"hyperloglog":       "probabilistic-counting",
		"count-min sketch":  "probabilistic-counting",
		"geohash":           "geospatial-indexing",
		"two-phase commit":  "distributed-transactions",
		"outbox":            "change-data-capture-and-outbox",
		"lamport":           "clocks-and-ordering",
		"memcached":         "in-memory-stores",
		"oauth":             "authentication-authorization",
		"rpo":               "multi-region-disaster-recovery",
		"burn rate":         "observability",
		"cursor pagination": "api-design",
		"fan-out on write":  "news-feed-fan-out",
	} {
		hits := lib.Search(query)
		if len(hits) == 0 || hits[0].ID != want {
			t.Errorf("Search(%q) first hit = %v, want %s", query, hits[:min(len(hits), 1)], want)
		}
	}
}
