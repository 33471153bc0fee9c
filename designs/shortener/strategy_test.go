package shortener

import (
	"errors"
	"math"
	"testing"
)

func TestCodeSpace(t *testing.T) {
	if CodeSpace != 3_521_614_606_208 {
		t.Fatalf("CodeSpace = %d; want 62^7 = 3,521,614,606,208", CodeSpace)
	}
	if got := EncodeBase62(CodeSpace - 1); got != "zzzzzzz" {
		t.Fatalf("EncodeBase62(62^7-1) = %q; want zzzzzzz", got)
	}
}

func TestBase62RoundTrip(t *testing.T) {
	for _, n := range []uint64{0, 1, 61, 62, 3843, 3844, 1 << 40, CodeSpace, math.MaxUint64} {
		s := EncodeBase62(n)
		got, ok := DecodeBase62(s)
		if !ok || got != n {
			t.Errorf("DecodeBase62(EncodeBase62(%d)=%q) = %d, %v", n, s, got, ok)
		}
	}
	if EncodeBase62(61) != "z" || EncodeBase62(62) != "10" {
		t.Errorf("EncodeBase62(61), (62) = %q, %q; want z, 10", EncodeBase62(61), EncodeBase62(62))
	}
	for _, bad := range []string{"", "a-b", "zzzzzzzzzzzz"} {
		if _, ok := DecodeBase62(bad); ok {
			t.Errorf("DecodeBase62(%q) ok; want false", bad)
		}
	}
}

func TestParseStrategy(t *testing.T) {
	for _, s := range []Strategy{Counter, Hash, Random} {
		got, err := ParseStrategy(s.String())
		if err != nil || got != s {
			t.Errorf("ParseStrategy(%q) = %v, %v", s.String(), got, err)
		}
	}
	if _, err := ParseStrategy("uuid"); !errors.Is(err, ErrInvalidStrategy) {
		t.Errorf("ParseStrategy(uuid) error = %v; want ErrInvalidStrategy", err)
	}
	if got := Strategy(9).String(); got != "Strategy(9)" {
		t.Errorf("Strategy(9).String() = %q", got)
	}
}

func TestHashCode(t *testing.T) {
	a := HashCode("", "https://example.com", 0)
	if len(a) != CodeLength || !validCode(a) {
		t.Fatalf("HashCode = %q; want 7 base62 chars", a)
	}
	if HashCode("", "https://example.com", 0) != a {
		t.Error("HashCode is not deterministic")
	}
	if HashCode("", "https://example.com", 1) == a {
		t.Error("attempt 1 gives the same code as attempt 0")
	}
	if HashCode("pepper", "https://example.com", 0) == a {
		t.Error("salt does not change the code")
	}
}

func TestRandomCodesSeeded(t *testing.T) {
	a, b := newRandomCodes(42), newRandomCodes(42)
	seen := map[string]bool{}
	for range 1000 {
		x, y := a.next(), b.next()
		if x != y {
			t.Fatalf("same seed, different codes %q %q", x, y)
		}
		if len(x) != CodeLength || !validCode(x) {
			t.Fatalf("bad code %q", x)
		}
		seen[x] = true
	}
	if len(seen) < 999 {
		t.Errorf("%d distinct codes out of 1000", len(seen))
	}
	if newRandomCodes(43).next() == newRandomCodes(42).next() {
		t.Error("different seeds, same first code")
	}
}
