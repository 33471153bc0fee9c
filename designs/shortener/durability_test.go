package shortener

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// childDBEnv, when set, turns the test binary into a shortener server on
// that SQLite file (see TestMain): the durability test re-executes itself
// so it can SIGKILL a real server process without building another binary.
const childDBEnv = "SDPREP_SHORTENER_CHILD_DB"

func TestMain(m *testing.M) {
	if db := os.Getenv(childDBEnv); db != "" {
		if err := runChildServer(db); err != nil {
			fmt.Fprintln(os.Stderr, "child server:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runChildServer serves the API on a free loopback port and prints
// "ADDR host:port" once it accepts connections. SIGTERM shuts it down
// cleanly; SIGKILL is the point of the test.
func runChildServer(db string) error {
	store, err := OpenSQLite(db, SQLiteOptions{})
	if err != nil {
		return err
	}
	defer store.Close()
	svc := NewService(store, Config{Strategy: Counter})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Printf("ADDR %s\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return ServeListener(ctx, ln, NewServer(svc, ServerOptions{}), svc)
}

type child struct {
	cmd  *exec.Cmd
	addr string
}

func startChild(t *testing.T, db string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childDBEnv+"="+db)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- s
		io.Copy(io.Discard, out)
	}()
	select {
	case s := <-line:
		addr, ok := strings.CutPrefix(strings.TrimSpace(s), "ADDR ")
		if !ok {
			t.Fatalf("child printed %q; want ADDR host:port", s)
		}
		return &child{cmd: cmd, addr: addr}
	case <-time.After(10 * time.Second):
		t.Fatal("child server did not start within 10 s")
	}
	return nil
}

// TestDurabilitySIGKILL drives concurrent POSTs at a server process on
// SQLite, SIGKILLs it mid-load, restarts it on the same file and checks
// that every code that was answered 201 redirects to its URL.
func TestDurabilitySIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	db := filepath.Join(t.TempDir(), "links.db")
	srv := startChild(t, db)

	const workers, killAfter = 16, 1500
	var (
		mu      sync.Mutex
		created = map[string]string{} // code → URL, only for 201s
		n201    atomic.Int64
		wg      sync.WaitGroup
	)
	killed := make(chan struct{})
	client := &http.Client{Timeout: 5 * time.Second}
	for w := range workers {
		wg.Go(func() {
			for i := 0; ; i++ {
				u := fmt.Sprintf("https://example.com/w%d/%d", w, i)
				code, status, err := post(client, srv.addr, u)
				if err != nil {
					return // the server is gone
				}
				if status != http.StatusCreated {
					t.Errorf("POST %s = %d", u, status)
					return
				}
				mu.Lock()
				created[code] = u
				mu.Unlock()
				if n201.Add(1) == killAfter {
					close(killed)
				}
			}
		})
	}
	stopped := make(chan struct{})
	go func() { wg.Wait(); close(stopped) }()
	select {
	case <-killed:
	case <-stopped:
		t.Fatalf("all workers stopped before %d links were created", killAfter)
	}
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-stopped
	srv.cmd.Wait()
	if len(created) < killAfter {
		t.Fatalf("only %d links created before the kill", len(created))
	}

	srv = startChild(t, db)
	client = noRedirectClient()
	for code, want := range created {
		resp, err := client.Get("http://" + srv.addr + "/" + code)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != want {
			t.Fatalf("after SIGKILL: GET /%s = %d %q; want 302 to %s", code, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
	// The counter sequence survived too: a new link gets a fresh code.
	code, status, err := post(client, srv.addr, "https://example.com/after-restart")
	if err != nil || status != http.StatusCreated || created[code] != "" {
		t.Fatalf("POST after restart = %q %d %v; want 201 with a new code", code, status, err)
	}
	t.Logf("%d links answered 201 before SIGKILL; all resolve after restart", len(created))
	srv.cmd.Process.Signal(syscall.SIGTERM)
	if err := srv.cmd.Wait(); err != nil {
		t.Errorf("restarted server did not exit cleanly on SIGTERM: %v", err)
	}
}

func post(client *http.Client, addr, longURL string) (code string, status int, err error) {
	body, _ := json.Marshal(createRequest{URL: longURL})
	resp, err := client.Post("http://"+addr+"/api/urls", "application/json", strings.NewReader(string(body)))
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	var cr createResponse
	if err := json.NewDecoder(resp.Body).Decode(&cr); err != nil {
		return "", resp.StatusCode, err
	}
	return cr.Code, resp.StatusCode, nil
}
