package httpserve

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// A request in flight when the context is cancelled finishes, and the
// close hook runs after it.
func TestServeFinishesInFlightThenCloses(t *testing.T) {
	ln := listen(t)
	inHandler, release := make(chan struct{}), make(chan struct{})
	var order []string
	h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(inHandler)
		<-release
		order = append(order, "request")
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- Serve(ctx, ln, h, func() error { order = append(order, "close"); return nil })
	}()
	body := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			body <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body <- string(b)
	}()
	<-inHandler
	cancel()
	close(release)
	if got := <-body; got != "done" {
		t.Errorf("in-flight request got %q, want done", got)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
	if strings.Join(order, ",") != "request,close" {
		t.Errorf("order %v, want the request before the close hook", order)
	}
}

func TestServeReportsTheCloseError(t *testing.T) {
	ln := listen(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	flush := errors.New("final flush failed")
	err := Serve(ctx, ln, http.NotFoundHandler(), func() error { return flush })
	if !errors.Is(err, flush) || !strings.Contains(err.Error(), "close: final flush failed") {
		t.Errorf("Serve = %v, want the close error", err)
	}
}

func TestServeReportsAListenerFailure(t *testing.T) {
	ln := listen(t)
	ln.Close()
	closed := false
	err := Serve(context.Background(), ln, http.NotFoundHandler(), func() error { closed = true; return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "serve: ") || !closed {
		t.Errorf("Serve on a closed listener = %v (close hook ran: %v)", err, closed)
	}
}
