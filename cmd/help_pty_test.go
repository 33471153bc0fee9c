//go:build linux

package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// ptyChildEnv carries the arguments of the sdprep run that the test
// binary performs when re-executed under a pseudo-terminal, and
// ptyTimeEnv the file the child writes how long Execute took to. Timing
// Execute, not the whole child, leaves out the test binary's own start-up,
// which varies with the machine's load.
const (
	ptyChildEnv = "SDPREP_PTY_CHILD_ARGS"
	ptyTimeEnv  = "SDPREP_PTY_CHILD_TIME"
)

// openPTY opens a pseudo-terminal pair: the controller (which the test
// reads and never answers on) and the terminal the child runs on.
func openPTY(t *testing.T) (controller, terminal *os.File) {
	t.Helper()
	controller, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(controller.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	terminal, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the terminal side: %v", err)
	}
	t.Cleanup(func() { controller.Close(); terminal.Close() })
	return controller, terminal
}

// Help and usage errors must not query the terminal: on a terminal that
// never answers (script(1), some IDEs, CI) a query waits for its timeout.
// The child runs sdprep on a pseudo-terminal whose other side reads and
// never writes; each run must finish well under half a second.
func TestHelpUnderSilentPTY(t *testing.T) {
	if args := os.Getenv(ptyChildEnv); args != "" {
		start := time.Now()
		code := Execute(context.Background(), NewFactory("test"), strings.Fields(args))
		if err := os.WriteFile(os.Getenv(ptyTimeEnv), []byte(time.Since(start).String()), 0o600); err != nil {
			code = 99
		}
		os.Exit(code)
	}
	for _, tt := range []struct {
		args string
		want string
		code int
	}{
		{"--help", "Usage:", exitOK},
		{"lab ratelimit --help", "--algorithm", exitOK},
		{"estimat", "did you mean estimate?", exitUsage},
		{"lab", "ratelimit", exitOK},
	} {
		t.Run(tt.args, func(t *testing.T) {
			controller, terminal := openPTY(t)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			child := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelpUnderSilentPTY$")
			timeFile := t.TempDir() + "/elapsed"
			child.Env = append(os.Environ(), ptyChildEnv+"="+tt.args, ptyTimeEnv+"="+timeFile, "TERM=xterm-256color")
			child.Stdin, child.Stdout, child.Stderr = terminal, terminal, terminal
			var out bytes.Buffer
			drained := make(chan struct{})
			go func() { io.Copy(&out, controller); close(drained) }()

			err := child.Run()
			// Close our end of the terminal, then read what is still
			// buffered until the controller reports end of input; closing
			// the controller first can cut the output short.
			terminal.Close()
			select {
			case <-drained:
			case <-ctx.Done():
			}
			controller.Close()
			<-drained

			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code || !strings.Contains(out.String(), tt.want) {
				t.Fatalf("exit %d (want %d), output lacks %q:\n%s", code, tt.code, tt.want, out.String())
			}
			for _, query := range []string{"\x1b]11;?", "\x1b[c"} {
				if strings.Contains(out.String(), query) {
					t.Errorf("sdprep %s queried the terminal (%q)", tt.args, query)
				}
			}
			raw, rerr := os.ReadFile(timeFile)
			elapsed, perr := time.ParseDuration(string(raw))
			if rerr != nil || perr != nil {
				t.Fatalf("the child did not report its time: %v %v", rerr, perr)
			}
			if elapsed > 500*time.Millisecond {
				t.Errorf("sdprep %s took %v on a terminal that does not answer, want < 0.5 s", tt.args, elapsed)
			}
		})
	}
}
