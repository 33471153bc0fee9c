package estimate

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// near reports whether got is within a relative tolerance of want.
func near(got, want float64) bool {
	if want == 0 {
		return got == 0
	}
	return math.Abs(got-want) <= 1e-12*math.Abs(want)
}

// checkParseError asserts the contract of every parse failure: a
// *ParseError that wraps ErrSyntax, names the input and what is accepted,
// and prints as one line with no NaN or Inf outside the quoted input.
func checkParseError(t testing.TB, input string, err error) *ParseError {
	t.Helper()
	if err == nil {
		t.Fatalf("%q: got no error", input)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("%q: error %v (%T) is not a *ParseError", input, err, err)
	}
	if !errors.Is(err, ErrSyntax) {
		t.Errorf("%q: errors.Is(err, ErrSyntax) is false", input)
	}
	if pe.Value != input {
		t.Errorf("%q: ParseError.Value = %q", input, pe.Value)
	}
	if pe.Accepted == "" {
		t.Errorf("%q: ParseError.Accepted is empty", input)
	}
	checkMessage(t, input, err.Error())
	return pe
}

// quotedText matches a Go-quoted string, as strconv.Quote writes the
// user's text (the value, or a unit or suffix cut from it) into messages.
var quotedText = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// checkMessage asserts an error message is one line, quotes the value and
// says nothing about NaN or Inf outside the user's quoted text.
func checkMessage(t testing.TB, input, msg string) {
	t.Helper()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("%q: message is not one line: %q", input, msg)
	}
	if !strings.Contains(msg, strconv.Quote(input)) {
		t.Errorf("%q: message %q does not quote the value", input, msg)
	}
	rest := quotedText.ReplaceAllString(msg, "")
	for _, bad := range []string{"NaN", "Inf", "inf"} {
		if strings.Contains(rest, bad) {
			t.Errorf("%q: message %q mentions %s", input, msg, bad)
		}
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"100M", 100e6},
		{"2.5K", 2500},
		{"1B", 1e9},
		{"1G", 1e9},
		{"2T", 2e12},
		{"1e6", 1e6},
		{"1E6", 1e6},
		{"1,000", 1000},
		{"1,000,000", 1e6},
		{"12,345.5", 12345.5},
		{"42", 42},
		{" 42 ", 42},
		{"1.5k", 1500},
		{"300m", 300e6},
		{"5 M", 5e6},
		{"+7", 7},
		{".5", 0.5},
		{"1e3K", 1e6},
		{"0.001", 0.001},
		{"1e30", 1e30},
	}
	for _, tt := range tests {
		got, err := ParseCount(tt.in)
		if err != nil {
			t.Errorf("ParseCount(%q): %v", tt.in, err)
			continue
		}
		if !near(got, tt.want) {
			t.Errorf("ParseCount(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseBytes(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"280B", 280},
		{"200KB", 200e3},
		{"1KB", 1000},
		{"1MB", 1e6},
		{"2.25GB", 2.25e9},
		{"1TB", 1e12},
		{"1PB", 1e15},
		{"1EB", 1e18},
		{"1.5GiB", 1.5 * (1 << 30)},
		{"1KiB", 1024},
		{"1kib", 1024},
		{"4 MiB", 4 << 20},
		{"1TiB", 1 << 40},
		{"512", 512},
		{"0B", 0},
		{"0", 0},
		{"-0", 0},
		{"200kb", 200e3},
		{"1,000B", 1000},
		{"1e3KB", 1e6},
	}
	for _, tt := range tests {
		got, err := ParseBytes(tt.in)
		if err != nil {
			t.Errorf("ParseBytes(%q): %v", tt.in, err)
			continue
		}
		if !near(got, tt.want) || math.Signbit(got) {
			t.Errorf("ParseBytes(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseFraction(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"10%", 0.1},
		{"0.1", 0.1},
		{"50%", 0.5},
		{"100%", 1},
		{"1", 1},
		{"0", 0},
		{"0%", 0},
		{"-0%", 0},
		{"0.5%", 0.005},
		{" 20 % ", 0.2},
		{"1e-1", 0.1},
	}
	for _, tt := range tests {
		got, err := ParseFraction(tt.in)
		if err != nil {
			t.Errorf("ParseFraction(%q): %v", tt.in, err)
			continue
		}
		if !near(got, tt.want) || math.Signbit(got) {
			t.Errorf("ParseFraction(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"5y", 5 * 365 * Day},
		{"10y", 10 * 365 * Day},
		{"1Y", 365 * Day},
		{"30d", 30 * Day},
		{"90d", 90 * Day},
		{"45m", 45 * time.Minute},
		{"6mo", 6 * 30 * Day},
		{"2w", 14 * Day},
		{"12h", 12 * time.Hour},
		{"90s", 90 * time.Second},
		{"1.5d", 36 * time.Hour},
		{"200y", 200 * 365 * Day},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if err != nil {
			t.Errorf("ParseDuration(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseRatio(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"100:1", 100},
		{"100", 100},
		{"1:4", 0.25},
		{"3:2", 1.5},
		{" 10 : 1 ", 10},
		{"1K:1", 1000},
	}
	for _, tt := range tests {
		got, err := ParseRatio(tt.in)
		if err != nil {
			t.Errorf("ParseRatio(%q): %v", tt.in, err)
			continue
		}
		if !near(got, tt.want) {
			t.Errorf("ParseRatio(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseVolume(t *testing.T) {
	tests := []struct {
		in   string
		want float64 // per day
	}{
		{"100M/month", 100e6 / 30},
		{"10B/month", 10e9 / 30},
		{"6K/s", 6000 * 86400},
		{"600M/day", 600e6},
		{"600M/d", 600e6},
		{"1M/week", 1e6 / 7},
		{"3.65B/year", 10e6},
		{"1K/min", 1000 * 1440},
		{"1K/hour", 24000},
		{"16M / DAY", 16e6},
	}
	for _, tt := range tests {
		got, err := ParseVolume(tt.in)
		if err != nil {
			t.Errorf("ParseVolume(%q): %v", tt.in, err)
			continue
		}
		if !near(got, tt.want) {
			t.Errorf("ParseVolume(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseFactor(t *testing.T) {
	for in, want := range map[string]float64{"2": 2, "1.5": 1.5, "3": 3, "10K": 10e3} {
		got, err := ParseFactor(in)
		if err != nil || got != want {
			t.Errorf("ParseFactor(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	_, err := ParseFactor("0")
	if pe := checkParseError(t, "0", err); pe.Accepted != acceptFactor {
		t.Errorf("ParseFactor error accepts %q, want %q", pe.Accepted, acceptFactor)
	}
}

func TestParseErrors(t *testing.T) {
	parsers := map[string]func(string) error{
		"count":    func(s string) error { _, err := ParseCount(s); return err },
		"bytes":    func(s string) error { _, err := ParseBytes(s); return err },
		"fraction": func(s string) error { _, err := ParseFraction(s); return err },
		"duration": func(s string) error { _, err := ParseDuration(s); return err },
		"ratio":    func(s string) error { _, err := ParseRatio(s); return err },
		"volume":   func(s string) error { _, err := ParseVolume(s); return err },
		"factor":   func(s string) error { _, err := ParseFactor(s); return err },
	}
	tests := []struct {
		parser, in, reason string // reason: a substring of the message, or ""
	}{
		{"count", "abc", "no number"},
		{"count", "-5", "must be positive"},
		{"count", "0", "must be positive"},
		{"count", "", "empty"},
		{"count", "   ", "empty"},
		{"count", "NaN", "no number"},
		{"count", "Inf", "no number"},
		{"count", "+Inf", "no number"},
		{"count", "-Infinity", "no number"},
		{"count", "1e400", "out of range"},
		{"count", "1e31", "out of range"},
		{"count", "1e29K", "out of range"},
		{"count", "1e-31", "out of range"},
		{"count", "1e-400", "must be positive"},
		{"count", "1,00", "misplaced comma"},
		{"count", "1,0000", "misplaced comma"},
		{"count", "10X", `unknown suffix "X"`},
		{"count", "0x10", "unknown suffix"},
		{"count", "1_000", "unknown suffix"},
		{"count", "1e", `unknown suffix "e"`},
		{"count", "1\nX", "unknown suffix"},
		{"count", "1\u2028X\r", "unknown suffix"},
		{"bytes", "10XB", `unknown unit "XB"`},
		{"bytes", "-1KB", "must not be negative"},
		{"bytes", "1e400B", "out of range"},
		{"bytes", "1e28EB", "out of range"},
		{"bytes", "abc", "no number"},
		{"bytes", "", "empty"},
		{"bytes", "NaN", "no number"},
		{"fraction", "150%", "out of range"},
		{"fraction", "1.5", "out of range"},
		{"fraction", "-10%", "out of range"},
		{"fraction", "abc", ""},
		{"fraction", "", ""},
		{"fraction", "NaN%", ""},
		{"fraction", "10%%", "unknown suffix"},
		{"fraction", "10K", "unknown suffix"},
		{"duration", "5", "missing unit"},
		{"duration", "5x", `unknown unit "x"`},
		{"duration", "0d", "must be positive"},
		{"duration", "-1y", "must be positive"},
		{"duration", "201y", "longer than 200 years"},
		{"duration", "1e300y", "longer than 200 years"},
		{"duration", "1e-10s", "shorter than a nanosecond"},
		{"duration", "", "empty"},
		{"duration", "Inf", "no number"},
		{"ratio", "100:0", ""},
		{"ratio", "0", ""},
		{"ratio", ":1", ""},
		{"ratio", "100:", ""},
		{"ratio", "abc", ""},
		{"ratio", "1:1:1", ""},
		{"ratio", "1e30:1e-30", "out of range"},
		{"ratio", "-100:1", ""},
		{"volume", "100M", "missing period"},
		{"volume", "100M/fortnight", `unknown period "fortnight"`},
		{"volume", "abc/day", ""},
		{"volume", "-5/day", ""},
		{"volume", "/day", ""},
		{"volume", "", "missing period"},
		{"volume", "1e30/s", "out of range"},
		{"factor", "abc", ""},
		{"factor", "-2", "must be positive"},
	}
	for _, tt := range tests {
		t.Run(tt.parser+"/"+tt.in, func(t *testing.T) {
			err := parsers[tt.parser](tt.in)
			pe := checkParseError(t, tt.in, err)
			if pe.Field != "" {
				t.Errorf("direct parse set Field %q", pe.Field)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("message %q does not contain %q", err, tt.reason)
			}
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	tests := []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{Field: "dau", Value: "abc", Accepted: acceptCount, Reason: "no number"},
			`--dau "abc": no number; expected ` + acceptCount},
		{&ParseError{Value: "x\ny", Accepted: acceptBytes},
			`"x\ny": expected ` + acceptBytes},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// TestIssueBadFlags runs the bad inputs the issue lists through a scenario,
// as `sdprep estimate` does: each fails with one line naming the flag, the
// value and what is accepted.
func TestIssueBadFlags(t *testing.T) {
	tests := []struct {
		flag, value, accepted string
	}{
		{PDAU, "abc", acceptCount},
		{PDAU, "-5", acceptCount},
		{PDAU, "1e400", acceptCount},
		{PDAU, "", acceptCount},
		{PDAU, "NaN", acceptCount},
		{PMediaFraction, "150%", acceptFraction},
		{PWriteSize, "10XB", acceptBytes},
		{PRetention, "5", acceptDuration},
		{PReadWriteRatio, "100:0", acceptRatio},
		{PWrites, "100M/fortnight", acceptVolume},
		{PPeakFactor, "0", acceptFactor},
	}
	for _, tt := range tests {
		t.Run(tt.flag+"="+tt.value, func(t *testing.T) {
			s := NewScenario(nil)
			if tt.flag != PDAU {
				mustSet(t, &s, PDAU, "100M")
			}
			mustSet(t, &s, tt.flag, tt.value)
			_, _, err := Run(s)
			pe := checkParseError(t, tt.value, err)
			if pe.Field != tt.flag || pe.Accepted != tt.accepted {
				t.Errorf("Field, Accepted = %q, %q; want %q, %q", pe.Field, pe.Accepted, tt.flag, tt.accepted)
			}
			wantPrefix := "--" + tt.flag + " " + strconv.Quote(tt.value) + ": "
			if !strings.HasPrefix(err.Error(), wantPrefix) {
				t.Errorf("message %q does not start with %q", err, wantPrefix)
			}
			if !strings.HasSuffix(err.Error(), "expected "+tt.accepted) {
				t.Errorf("message %q does not end with what is accepted", err)
			}
		})
	}
}

func TestParamAccepted(t *testing.T) {
	for _, p := range params {
		if p.Accepted() == "" || p.Help == "" {
			t.Errorf("param %s: Accepted %q, Help %q", p.Name, p.Accepted(), p.Help)
		}
		if p.Default != "" {
			if _, err := p.parse(p.Default); err != nil {
				t.Errorf("param %s: default %q does not parse: %v", p.Name, p.Default, err)
			}
		}
		if got, ok := ParamByName(p.Name); !ok || got.Name != p.Name {
			t.Errorf("ParamByName(%q) = %v, %v", p.Name, got, ok)
		}
	}
	if _, ok := ParamByName("no-such-flag"); ok {
		t.Error("ParamByName found an unknown name")
	}
}
