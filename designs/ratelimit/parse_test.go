package ratelimit

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		in     string
		limit  int
		window time.Duration
	}{
		{"10/s", 10, time.Second},
		{"100/min", 100, time.Minute},
		{"5/100ms", 5, 100 * time.Millisecond},
		{"1000/h", 1000, time.Hour},
		{" 7 / 2s ", 7, 2 * time.Second},
		{"2k/1.5s", 2000, 1500 * time.Millisecond},
		{"3M/d", 3_000_000, 24 * time.Hour},
		{"1/1.5d", 1, 36 * time.Hour},
		{"60/minute", 60, time.Minute},
		{"4/250us", 4, 250 * time.Microsecond},
		{"1/.5s", 1, 500 * time.Millisecond},
	}
	for _, tt := range tests {
		limit, window, err := ParseRate(tt.in)
		if err != nil || limit != tt.limit || window != tt.window {
			t.Errorf("ParseRate(%q) = %d, %v, %v; want %d, %v", tt.in, limit, window, err, tt.limit, tt.window)
		}
	}
}

// TestParseRateMessages: a value out of range names the range in plain
// words (no Go duration such as 8784h0m0s); a malformed one shows the
// accepted forms.
func TestParseRateMessages(t *testing.T) {
	for in, want := range map[string]string{
		"10/0s":           `ratelimit: invalid rate "10/0s": the window must be from 1µs to 366 days`,
		"10/400d":         `ratelimit: invalid rate "10/400d": the window must be from 1µs to 366 days`,
		"10/99999999999s": `ratelimit: invalid rate "10/99999999999s": the window must be from 1µs to 366 days`,
		"10/1ns":          `ratelimit: invalid rate "10/1ns": the window must be from 1µs to 366 days`,
		"10/1.5us":        `ratelimit: invalid rate "10/1.5us": the window must be a whole number of microseconds`,
		"0/s":             `ratelimit: invalid rate "0/s": the limit must be from 1 to 1,000,000,000`,
		"2000000000/s":    `ratelimit: invalid rate "2000000000/s": the limit must be from 1 to 1,000,000,000`,
		"ten/s":           `ratelimit: invalid rate "ten/s": the limit must be a whole number from 1 to 1,000,000,000: ` + rateForms,
		"10/fortnight":    `ratelimit: invalid rate "10/fortnight": unknown window unit "fortnight": ` + rateForms,
	} {
		_, _, err := ParseRate(in)
		if err == nil || err.Error() != want {
			t.Errorf("ParseRate(%q) error:\n got  %v\n want %s", in, err, want)
		}
	}
}

func TestFormatWindow(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Second: "1s", 100 * time.Millisecond: "100ms", time.Minute: "1min", 90 * time.Second: "90s",
		1500 * time.Millisecond: "1500ms", time.Hour: "1h", MaxWindow: "366d", 0: "0s", time.Microsecond: "1us",
	} {
		if got := FormatWindow(d); got != want {
			t.Errorf("FormatWindow(%v) = %q, want %q", d, got, want)
		}
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567", MaxLimit: "1,000,000,000"} {
		if got := commas(n); got != want {
			t.Errorf("commas(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseRateRejects(t *testing.T) {
	for _, in := range []string{
		"", "10", "/s", "10/", "0/s", "-1/s", "1.5/s", "10/fortnight", "10/0s",
		"10/1ns", "10/1500ns", "10/400d", "2000000000/s", "10/s/s", "ten/s", "10/1..5s", "+5/s",
	} {
		_, _, err := ParseRate(in)
		if !errors.Is(err, ErrInvalidRate) {
			t.Errorf("ParseRate(%q) error = %v, want ErrInvalidRate", in, err)
		}
	}
}

func TestFormatRate(t *testing.T) {
	tests := []struct {
		limit  int
		window time.Duration
		want   string
	}{
		{10, time.Second, "10/s"},
		{100, time.Minute, "100/min"},
		{5, 100 * time.Millisecond, "5/100ms"},
		{1000, time.Hour, "1000/h"},
		{1, 36 * time.Hour, "1/36h"},
		{1, 48 * time.Hour, "1/2d"},
		{3, 1500 * time.Millisecond, "3/1500ms"},
	}
	for _, tt := range tests {
		if got := FormatRate(tt.limit, tt.window); got != tt.want {
			t.Errorf("FormatRate(%d, %v) = %q, want %q", tt.limit, tt.window, got, tt.want)
		}
	}
}

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"10/s", "100/min", "5/100ms", "1000/h", "2k/1.5s", "1/.5d", "x/y", "9/9999999999h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		limit, window, err := ParseRate(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidRate) {
				t.Fatalf("ParseRate(%q) error %v does not wrap ErrInvalidRate", s, err)
			}
			return
		}
		if limit < 1 || limit > MaxLimit || window < MinWindow || window > MaxWindow {
			t.Fatalf("ParseRate(%q) = %d, %v: out of range", s, limit, window)
		}
		l2, w2, err := ParseRate(FormatRate(limit, window))
		if err != nil || l2 != limit || w2 != window {
			t.Fatalf("round trip of %q via %q = %d, %v, %v", s, FormatRate(limit, window), l2, w2, err)
		}
	})
}

func TestParseAlgorithm(t *testing.T) {
	for _, a := range Algorithms() {
		for _, in := range []string{a.String(), strings.ToUpper(a.String()), strings.ReplaceAll(a.String(), "-", "_")} {
			got, err := ParseAlgorithm(in)
			if err != nil || got != a {
				t.Errorf("ParseAlgorithm(%q) = %v, %v; want %v", in, got, err, a)
			}
		}
	}
	for _, in := range []string{"", "token", "gcra", "fixed-windows"} {
		if _, err := ParseAlgorithm(in); !errors.Is(err, ErrUnknownAlgorithm) {
			t.Errorf("ParseAlgorithm(%q) error = %v, want ErrUnknownAlgorithm", in, err)
		}
	}
	if got := Algorithm(9).String(); got != "Algorithm(9)" {
		t.Errorf("Algorithm(9).String() = %q", got)
	}
}

func TestConfigJSONUsesNames(t *testing.T) {
	b, err := json.Marshal(Config{Algorithm: SlidingLog, Limit: 3, Window: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"algorithm":"sliding-log","limit":3,"window":1000000000,"burst":0}`; string(b) != want {
		t.Fatalf("json = %s, want %s", b, want)
	}
	var c Config
	if err := json.Unmarshal(b, &c); err != nil || c.Algorithm != SlidingLog {
		t.Fatalf("unmarshal = %+v, %v", c, err)
	}
}

func TestConfigValidate(t *testing.T) {
	valid := Config{Algorithm: TokenBucket, Limit: 10, Window: time.Second}
	if err := valid.Validate(); err != nil {
		t.Fatalf("valid config: %v", err)
	}
	tests := []struct {
		name  string
		cfg   Config
		field string
	}{
		{"algorithm", Config{Algorithm: 7, Limit: 1, Window: time.Second}, "algorithm 7"},
		{"zero limit", Config{Limit: 0, Window: time.Second}, "limit 0"},
		{"huge limit", Config{Limit: MaxLimit + 1, Window: time.Second}, "limit"},
		{"zero window", Config{Limit: 1}, "window 0s"},
		{"sub-microsecond window", Config{Limit: 1, Window: 1500 * time.Nanosecond}, "window 1.5µs"},
		{"negative burst", Config{Limit: 1, Window: time.Second, Burst: -1}, "burst -1"},
		{"bucket overflow", Config{Limit: 1, Window: MaxWindow, Burst: MaxLimit}, "burst"},
		{"weighted overflow", Config{Algorithm: SlidingWindow, Limit: MaxLimit, Window: MaxWindow}, "limit"},
	}
	for _, tt := range tests {
		err := tt.cfg.Validate()
		if !errors.Is(err, ErrInvalidConfig) || !strings.Contains(err.Error(), tt.field) {
			t.Errorf("%s: Validate() = %v, want ErrInvalidConfig naming %q", tt.name, err, tt.field)
		}
		if _, err := NewMemory(tt.cfg); !errors.Is(err, ErrInvalidConfig) {
			t.Errorf("%s: NewMemory error = %v, want ErrInvalidConfig", tt.name, err)
		}
	}
}

func TestConfigCapacityAndString(t *testing.T) {
	tests := []struct {
		cfg      Config
		capacity int
		str      string
	}{
		{Config{Algorithm: TokenBucket, Limit: 10, Window: time.Second}, 10, "token-bucket 10/s"},
		{Config{Algorithm: LeakyBucket, Limit: 10, Window: time.Second, Burst: 30}, 30, "leaky-bucket 10/s burst 30"},
		{Config{Algorithm: FixedWindow, Limit: 10, Window: time.Minute, Burst: 30}, 10, "fixed-window 10/min"},
	}
	for _, tt := range tests {
		if got := tt.cfg.Capacity(); got != tt.capacity {
			t.Errorf("%v: Capacity() = %d, want %d", tt.cfg, got, tt.capacity)
		}
		if got := tt.cfg.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
	}
}
