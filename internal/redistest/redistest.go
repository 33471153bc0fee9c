// Package redistest starts a throwaway redis-server for tests. It is shared
// by every package whose tests need a real Redis (the rate limiter, the URL
// shortener store, …).
//
// Start skips the test when redis-server is not on PATH, so `go test ./...`
// passes on a machine without Redis. Under CI (the CI environment variable
// set to a non-empty value) a missing redis-server fails the test instead:
// .ci/run installs it, so its absence there is a broken setup, not a reason
// to pass silently.
package redistest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// SkipMessage is the reason given when redis-server is missing.
const SkipMessage = "redis-server not on PATH; install it (apt-get install redis-server) to run the Redis integration tests"

// startTimeout bounds how long Start waits for the server to accept
// connections.
const startTimeout = 15 * time.Second

// errExited means the server stopped before it was ready, usually because
// another process took the port between our probe and its bind.
var errExited = errors.New("redistest: redis-server exited before it was ready")

// Start runs redis-server on a free loopback port, with persistence off,
// waits until it answers PING, and stops it when the test ends. It returns
// the server's "127.0.0.1:port" address.
func Start(t testing.TB) (addr string) {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if inCI(os.Getenv) {
			t.Fatal("CI is set but " + SkipMessage)
		}
		t.Skip(SkipMessage)
	}
	for attempt := 0; attempt < 3; attempt++ {
		addr, err = start(t, bin)
		if !errors.Is(err, errExited) {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return addr
}

// inCI reports whether the environment marks a CI run: CI set to a
// non-empty value other than "false" or "0".
func inCI(getenv func(string) string) bool {
	switch v := strings.ToLower(strings.TrimSpace(getenv("CI"))); v {
	case "", "false", "0":
		return false
	}
	return true
}

func start(t testing.TB, bin string) (string, error) {
	port, err := freePort()
	if err != nil {
		return "", err
	}
	cmd := exec.Command(bin,
		"--port", strconv.Itoa(port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", t.TempDir(),
		"--loglevel", "notice")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("redistest: start %s: %w", bin, err)
	}
	exited := make(chan struct{})
	ready := make(chan struct{})
	go func() {
		// Watch the log for readiness, then keep draining it so the
		// server never blocks on a full pipe.
		sc := bufio.NewScanner(out)
		signalled := false
		for sc.Scan() {
			if !signalled && strings.Contains(sc.Text(), "Ready to accept connections") {
				close(ready)
				signalled = true
			}
		}
		_, _ = io.Copy(io.Discard, out)
		_ = cmd.Wait()
		close(exited)
	}()
	stop := func() {
		_ = cmd.Process.Kill()
		<-exited
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	timer := time.NewTimer(startTimeout)
	defer timer.Stop()
	select {
	case <-ready:
	case <-exited:
		return "", errExited
	case <-timer.C:
		stop()
		return "", fmt.Errorf("redistest: redis-server on %s not ready after %v", addr, startTimeout)
	}
	if err := ping(addr); err != nil {
		stop()
		return "", err
	}
	t.Cleanup(stop)
	return addr, nil
}

// freePort asks the kernel for an unused loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("redistest: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// ping sends one inline PING and expects +PONG.
func ping(addr string) error {
	c, err := net.DialTimeout("tcp", addr, startTimeout)
	if err != nil {
		return fmt.Errorf("redistest: dial %s: %w", addr, err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(startTimeout))
	if _, err := io.WriteString(c, "PING\r\n"); err != nil {
		return fmt.Errorf("redistest: ping %s: %w", addr, err)
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "+PONG" {
		return fmt.Errorf("redistest: ping %s: got %q, %v", addr, line, err)
	}
	return nil
}
