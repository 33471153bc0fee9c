package main

import (
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{3 * ms}, 3 * ms},
		{[]time.Duration{9 * ms, 1 * ms, 5 * ms}, 5 * ms},
		{[]time.Duration{4 * ms, 1 * ms, 2 * ms, 8 * ms}, 3 * ms},
	} {
		in := append([]time.Duration(nil), tc.in...)
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
		for i := range in {
			if in[i] != tc.in[i] {
				t.Fatalf("median modified its input: %v, was %v", tc.in, in)
			}
		}
	}
}

func TestReportRatios(t *testing.T) {
	ms := time.Millisecond
	samples := [][]sample{
		{{wall: 30 * ms, cpu: 12 * ms}, {wall: 36 * ms, cpu: 12 * ms}, {wall: 33 * ms, cpu: 12 * ms}},
		{{wall: 20 * ms, cpu: 10 * ms}, {wall: 30 * ms, cpu: 10 * ms}, {wall: 22 * ms, cpu: 10 * ms}},
	}
	got := report([]string{"a", "b"}, samples)
	for _, want := range []string{
		"3 alternating rounds; medians",
		"wall    33.00 ms  cpu    12.00 ms  a",
		"wall    22.00 ms  cpu    10.00 ms  b",
		"ratio to the baseline: wall 1.50, cpu 1.20  a",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}

func TestRunRefusesBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"true"},
		{"-n", "0", "true", "true"},
		{"true", "  "},
	} {
		var out strings.Builder
		if err := run(args, &out); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}

func TestRunTimesCommands(t *testing.T) {
	var out strings.Builder
	if err := run([]string{"-n", "2", "-warmup", "0", "true", "true"}, &out); err != nil {
		t.Skipf("true(1) not runnable here: %v", err)
	}
	if !strings.Contains(out.String(), "2 alternating rounds") || !strings.Contains(out.String(), "ratio to the baseline") {
		t.Errorf("unexpected report:\n%s", out.String())
	}
}
