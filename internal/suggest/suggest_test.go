package suggest

import (
	"slices"
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"cache", "cache", 0}, {"cahce", "cache", 2}, {"naïve", "naive", 1},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		query string
		names []string
		want  []string
	}{
		{"twiter", []string{"twitter", "uber", "youtube"}, []string{"twitter"}},
		{"estimat", []string{"estimate", "numbers", "learn", "lab"}, []string{"estimate"}},
		{"latncy", []string{"latency", "powers", "throughput"}, []string{"latency"}},
		{"token-bukket", []string{"token-bucket", "leaky-bucket", "fixed-window"}, []string{"token-bucket"}},
		{"  JSN ", []string{"text", "markdown", "json"}, []string{"json"}},
		// Prefix before contains; within a class, the closer name first.
		{"win", []string{"window-edge", "sliding-window", "wine"}, []string{"wine", "window-edge", "sliding-window"}},
		{"", []string{"a"}, nil},
		{"zzzzzzzz", []string{"latency"}, nil},
	} {
		if got := Names(tt.query, tt.names...); !slices.Equal(got, tt.want) {
			t.Errorf("Names(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestRankOnePerOwnerAndAtMostMax(t *testing.T) {
	cands := []Candidate{{"cache", "caching"}, {"caching", "caching"}, {"cdn", "cdn"}}
	if got := Rank("cach", cands); !slices.Equal(got, []string{"cache"}) {
		t.Errorf("Rank(cach) = %v, want [cache] (one name per owner)", got)
	}
	var many []Candidate
	for _, n := range []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7"} {
		many = append(many, Candidate{n, n})
	}
	if got := Rank("a", many); len(got) != Max {
		t.Errorf("Rank(a) over 7 prefix matches = %v, want %d", got, Max)
	}
}

// FuzzNames: any query, any names: no panic, at most Max results, each
// one of the names, no duplicates.
func FuzzNames(f *testing.F) {
	for _, seed := range []string{"twiter", "", "ð", "emoji😀x", "a\x00b", "token-bukket", "  JSN "} {
		f.Add(seed, "twitter,token-bucket,json,ð")
	}
	f.Fuzz(func(t *testing.T, query, list string) {
		names := strings.Split(list, ",")
		got := Names(query, names...)
		if len(got) > Max {
			t.Fatalf("Names(%q) returned %d names", query, len(got))
		}
		seen := map[string]bool{}
		for _, g := range got {
			if !slices.Contains(names, g) || seen[g] {
				t.Fatalf("Names(%q, %q) = %v: %q is not a name or is repeated", query, names, got, g)
			}
			seen[g] = true
		}
	})
}
