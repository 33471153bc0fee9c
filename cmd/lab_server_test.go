package cmd

import (
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestDescribeAddr(t *testing.T) {
	tests := []struct {
		addr   string
		dial   string
		public bool
	}{
		{"127.0.0.1:8081", "127.0.0.1:8081", false},
		{"[::1]:8081", "[::1]:8081", false},
		{"0.0.0.0:8081", "127.0.0.1:8081", true},
		{"[::]:8081", "127.0.0.1:8081", true},
		{"192.0.2.7:8081", "192.0.2.7:8081", true},
	}
	for _, tt := range tests {
		a, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		b := describeAddr(a)
		if b.Bound != a.String() || b.Dial != tt.dial || b.Public != tt.public {
			t.Errorf("describeAddr(%s) = %+v, want dial %s, public %v", tt.addr, b, tt.dial, tt.public)
		}
	}
}

// wildcardBanner is the listening line of a server bound to every
// interface (":0"): the address actually bound, and where to reach it here.
var wildcardBanner = regexp.MustCompile(`(?m)^listening on http://(\[::\]|0\.0\.0\.0):(\d+) \(all interfaces; this machine: http://127\.0\.0\.1:(\d+)\) \(`)

// checkBanner checks the stderr of a server started with --addr :0 (all
// interfaces) or on loopback.
func checkBanner(t *testing.T, stderr, dial string, public bool) {
	t.Helper()
	warnings := strings.Count(stderr, "warning:")
	if !public {
		if !strings.Contains(stderr, "listening on http://"+dial+" (") || warnings != 0 {
			t.Errorf("loopback banner:\n%s", stderr)
		}
		return
	}
	m := wildcardBanner.FindStringSubmatch(stderr)
	if m == nil || m[2] != m[3] || "127.0.0.1:"+m[2] != dial {
		t.Errorf("banner does not name the address bound (%s):\n%s", dial, stderr)
	}
	if warnings != 1 || !strings.Contains(stderr, "other machines can reach this server") {
		t.Errorf("want one warning line that other machines can reach it:\n%s", stderr)
	}
}

func TestServersPrintTheAddressBound(t *testing.T) {
	client := &http.Client{Timeout: 5 * time.Second}
	get := func(addr string) {
		t.Helper()
		resp, err := client.Get("http://" + addr + "/healthz")
		if err != nil {
			t.Fatalf("the server is not reachable on %s: %v", addr, err)
		}
		resp.Body.Close()
	}
	t.Run("ratelimit :0", func(t *testing.T) {
		addr, stderr, _ := startRateLimitServer(t, "--addr", ":0")
		get(addr)
		checkBanner(t, stderr(), addr, true)
	})
	t.Run("ratelimit loopback", func(t *testing.T) {
		addr, stderr, _ := startRateLimitServer(t)
		checkBanner(t, stderr(), addr, false)
	})
	t.Run("shortener :0", func(t *testing.T) {
		addr, stop := startShortener(t, "--memory", "--addr", ":0")
		get(addr)
		err, stderr := stop()
		if err != nil {
			t.Fatal(err)
		}
		checkBanner(t, stderr, addr, true)
	})
	t.Run("shortener loopback", func(t *testing.T) {
		addr, stop := startShortener(t, "--memory")
		_, stderr := stop()
		checkBanner(t, stderr, addr, false)
	})
}
