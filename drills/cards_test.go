package drills

import (
	"strings"
	"testing"

	"github.com/sdprep/sdprep/content"
)

func library(t testing.TB) *content.Library {
	t.Helper()
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestDeckHasEnoughUniqueCards(t *testing.T) {
	lib := library(t)
	deck := Deck(lib)
	if len(deck) < 150 {
		t.Errorf("%d cards; want at least 150", len(deck))
	}
	seen := map[string]bool{}
	kinds := map[Kind]int{}
	for _, c := range deck {
		if seen[c.ID] {
			t.Errorf("duplicate card id %q", c.ID)
		}
		seen[c.ID] = true
		kinds[c.Kind]++
		if _, ok := lib.Topic(c.Topic); !ok {
			t.Errorf("card %s: topic %q is not in the library", c.ID, c.Topic)
		}
		if c.Front == "" || c.Back == "" || strings.ContainsAny(c.Back, "`*\n") || strings.Contains(c.Back, "](") {
			t.Errorf("card %s: front %q, back %q: want plain text on both sides", c.ID, c.Front, c.Back)
		}
	}
	topics := len(lib.Topics())
	for _, k := range []Kind{KindWhat, KindTradeoff, KindWhen} {
		if kinds[k] != topics {
			t.Errorf("%d %s cards; want one per topic (%d)", kinds[k], k, topics)
		}
	}
	if kinds[KindLatency] < 10 || kinds[KindPower] < 8 || kinds[KindNines] < 6 {
		t.Errorf("table cards: %v", kinds)
	}
}

func TestDeckIDsAreStable(t *testing.T) {
	want := map[string]string{
		"topic:caching:what":         "Keep hot data in fast memory",
		"latency:l1-cache-reference": "About 1 ns",
		"power:2-30":                 "≈ 1 billion (1 GiB)",
		"nines:99.99":                "52.56 min a year",
	}
	for _, c := range Deck(library(t)) {
		if prefix, ok := want[c.ID]; ok {
			if !strings.HasPrefix(c.Back, prefix) {
				t.Errorf("%s: back %q; want it to start with %q", c.ID, c.Back, prefix)
			}
			delete(want, c.ID)
		}
	}
	for id := range want {
		t.Errorf("card %s is missing", id)
	}
}

func TestFirstPoint(t *testing.T) {
	tests := []struct{ body, want string }{
		{"- **ACID** for money,\n  bookings.\n- Other.", "ACID for money, bookings."},
		{"Use CAP to decide:\n\n- when [replicas](x.md) split.\n- other", "Use CAP to decide: when replicas split."},
		{"### Pros\n\n- Fast `GET`.\n", "Fast GET."},
		{"```\ncode\n```\nProse line\nwraps.", "Prose line wraps."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := firstPoint(tt.body); got != tt.want {
			t.Errorf("firstPoint(%q) = %q; want %q", tt.body, got, tt.want)
		}
	}
}

func TestDeckIndexListsDecksCards(t *testing.T) {
	index, err := DeckIndex(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Card{}
	for _, c := range Deck(library(t)) {
		want[c.ID] = Card{ID: c.ID, Topic: c.Topic, Kind: c.Kind}
	}
	if len(index) != len(want) {
		t.Errorf("DeckIndex has %d cards, Deck %d", len(index), len(want))
	}
	for _, c := range index {
		if c = (Card{ID: c.ID, Topic: c.Topic, Kind: c.Kind}); want[c.ID] != c {
			t.Errorf("DeckIndex card %+v; Deck has %+v", c, want[c.ID])
		}
	}
}
