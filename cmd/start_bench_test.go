package cmd

import (
	"context"
	"io"
	"strings"
	"testing"
)

// benchFactory is a factory that discards output, for benchmarks.
func benchFactory() *Factory {
	return &Factory{
		IO:      &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard, Width: func() int { return 0 }, NoColor: true},
		Version: "bench",
		DataDir: func() string { return "" },
	}
}

// BenchmarkExecuteEstimate is what main does for `sdprep estimate --dau
// 100M` after the process has started: build the command tree (only the
// estimate command), parse, estimate and print.
func BenchmarkExecuteEstimate(b *testing.B) {
	args := []string{"estimate", "--dau", "100M"}
	for b.Loop() {
		if code := Execute(context.Background(), benchFactory(), args); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkCommandTree compares building the whole tree (help, man,
// completion) with building only the command a line names.
func BenchmarkCommandTree(b *testing.B) {
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			newRoot(benchFactory(), "")
		}
	})
	b.Run("estimate-only", func(b *testing.B) {
		for b.Loop() {
			newRoot(benchFactory(), "estimate")
		}
	})
}
