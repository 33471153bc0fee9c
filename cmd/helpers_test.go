package cmd

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// testFactory returns a factory writing to buffers, not a terminal, with a
// fixed clock and a temporary data directory.
func testFactory(t *testing.T) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	dir := t.TempDir()
	f := &Factory{
		IO:      &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut, Width: func() int { return 0 }, NoColor: true},
		Version: "v9.9.9-test",
		Now:     func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
		DataDir: func() string { return dir },
	}
	return f, out, errOut
}

// run executes sdprep with args as the process would and returns stdout,
// stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	f, out, errOut := testFactory(t)
	code := Execute(context.Background(), f, args)
	return out.String(), errOut.String(), code
}

// oneLine fails the test unless s is exactly one non-empty line.
func oneLine(t *testing.T, s string) {
	t.Helper()
	s = strings.TrimSuffix(s, "\n")
	if s == "" || strings.Contains(s, "\n") {
		t.Fatalf("want one line on stderr, got %q", s)
	}
}

// wantUsageError runs sdprep with args and fails unless it exits 2 with
// nothing on stdout and one line on stderr containing every string of want.
func wantUsageError(t *testing.T, want []string, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, args...)
	if code != exitUsage {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitUsage, errOut)
	}
	if out != "" {
		t.Errorf("stdout not empty on bad input: %q", out)
	}
	oneLine(t, errOut)
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr %q lacks %q", errOut, w)
		}
	}
	return errOut
}

// serveInBackground starts a server command's run function, waits until it
// reports its address through *onListen, and returns the address and a stop
// function that cancels the run and returns its result (safe to call more
// than once; the test's cleanup calls it too).
func serveInBackground(t *testing.T, onListen *func(string), run func(context.Context) error) (string, func() error) {
	t.Helper()
	ready := make(chan string, 1)
	*onListen = func(a string) { ready <- a }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("server exited before listening: %v", err)
	}
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() { cancel(); runErr = <-done })
		return runErr
	}
	t.Cleanup(func() { stop() })
	return addr, stop
}
