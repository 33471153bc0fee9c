package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// median is the middle value of d (the mean of the two middle values for
// an even count); 0 for none. d is not modified.
func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// report prints each command's median wall and CPU time and its ratios to
// the last command; samples[i] are the runs of names[i], taken in rounds.
func report(names []string, samples [][]sample) string {
	var b strings.Builder
	base := len(samples) - 1
	col := func(i int, f func(sample) time.Duration) time.Duration {
		d := make([]time.Duration, len(samples[i]))
		for j, s := range samples[i] {
			d[j] = f(s)
		}
		return median(d)
	}
	wall := func(s sample) time.Duration { return s.wall }
	cpu := func(s sample) time.Duration { return s.cpu }
	fmt.Fprintf(&b, "%d alternating rounds; medians\n", len(samples[base]))
	for i, name := range names {
		fmt.Fprintf(&b, "  wall %8.2f ms  cpu %8.2f ms  %s\n", ms(col(i, wall)), ms(col(i, cpu)), name)
	}
	for i := range base {
		fmt.Fprintf(&b, "ratio to the baseline: wall %.2f, cpu %.2f  %s\n",
			ratio(col(i, wall), col(base, wall)), ratio(col(i, cpu), col(base, cpu)), names[i])
	}
	return b.String()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// ratio is a / b, 0 when b is 0.
func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
