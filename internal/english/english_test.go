package english

import "testing"

func TestPlurals(t *testing.T) {
	for _, tt := range []struct {
		got, want string
	}{
		{Count(1, "card"), "1 card"}, {Count(0, "card"), "0 cards"}, {Count(12345, "review"), "12,345 reviews"},
		{Count(3, "batch"), "3 batches"}, {Count(2, "box"), "2 boxes"}, {Count(int64(-1), "day"), "-1 days"},
		{Noun(1.0, "write"), "write"}, {Noun(0.5, "write"), "writes"}, {Noun(2, "pass"), "passes"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
