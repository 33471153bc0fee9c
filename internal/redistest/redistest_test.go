package redistest

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

func TestStartAnswersCommands(t *testing.T) {
	addr := Start(t)
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SetDeadline(time.Now().Add(5 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(c, "SET k v\r\nGET k\r\nCONFIG GET save\r\n"); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(c)
	var lines []string
	for range 7 { // +OK; $1 v; *2 $4 save $0 (persistence is off: save is "")
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.TrimSpace(line))
	}
	got := strings.Join(lines, " ")
	if want := "+OK $1 v *2 $4 save $0"; got != want {
		t.Fatalf("replies %q, want %q", got, want)
	}
	host, _, _ := net.SplitHostPort(addr)
	if host != "127.0.0.1" {
		t.Errorf("server bound to %s, want loopback", host)
	}
}

func TestInCI(t *testing.T) {
	for v, want := range map[string]bool{"": false, "false": false, "0": false, " FALSE ": false, "true": true, "1": true, "yes": true} {
		got := inCI(func(string) string { return v })
		if got != want {
			t.Errorf("inCI with CI=%q = %v; want %v", v, got, want)
		}
	}
}
