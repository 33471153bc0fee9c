package measure

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/sdprep/sdprep/estimate"
)

// reference is a textbook figure.
type reference struct {
	name string
	d    time.Duration
}

// table returns the row of estimate.Latencies named op.
func table(op string) reference {
	for _, l := range estimate.Latencies {
		if l.Operation == op {
			return reference{"latency table: " + op, l.Duration}
		}
	}
	return reference{"latency table: " + op + " (missing)", 0}
}

// probes are the operations, fastest first as physics orders them.
func probes() []probe {
	return []probe{
		{"l1_hit", "L1 cache hit (pointer chase, 16 KiB)", 20_000_000, chase(16 << 10), table("L1 cache reference")},
		{"mutex", "Mutex lock and unlock, uncontended", 2_000_000, mutex, table("Mutex lock/unlock (uncontended)")},
		{"memory_read", "Main-memory read (pointer chase, 64 MiB)", 500_000, chase(64 << 20), table("Main memory reference")},
		{"syscall", "System call (getppid)", 200_000, sysCall, reference{"common figure: a system call, about 100 ns", 100 * time.Nanosecond}},
		{"goroutine_switch", "Goroutine switch (channel ping-pong)", 200_000, pingPong, reference{"common figure: a goroutine switch, about 200 ns", 200 * time.Nanosecond}},
		{"sha256_1kb", "SHA-256 of 1 KB", 20_000, sha1KB, reference{"common figure: SHA-256 at ~500 MB/s, 2 µs a KB", 2 * time.Microsecond}},
		{"json_1kb", "JSON encoding of 1 KB", 10_000, json1KB, reference{"common figure: encoding/json at ~200 MB/s, 5 µs a KB", 5 * time.Microsecond}},
		{"read_1mb", "Read 1 MB sequentially (page cache)", 500, read1MB, table("Read 1 MB sequentially from memory")},
		{"tcp_loopback_rtt", "TCP round trip on loopback", 2_000, loopback, table("Round trip within a datacenter")},
		{"fsync_4kib", "Write and fsync 4 KiB in the data dir", 20, fsync4K, reference{"common figure: fsync of a small write to an SSD, about 1 ms", time.Millisecond}},
	}
}

var noop = func() {}

// sink keeps the compiler from dropping measured work.
var sink uint64

// chase builds one random cycle through size bytes of 8-byte slots
// (Sattolo's algorithm) and follows it: each load depends on the last,
// so the time per step is the latency of wherever the slots live.
func chase(size int) func(Options, int) (func() error, func(), error) {
	return func(_ Options, n int) (func() error, func(), error) {
		slots := size / 8
		next := make([]uint64, slots)
		order := make([]uint32, slots)
		for i := range order {
			order[i] = uint32(i)
		}
		r := rand.New(rand.NewPCG(1, 2))
		for i := slots - 1; i > 0; i-- {
			j := r.IntN(i)
			order[i], order[j] = order[j], order[i]
		}
		for i := range order {
			next[order[i]] = uint64(order[(i+1)%slots])
		}
		return func() error {
			p := uint64(0)
			for range n {
				p = next[p]
			}
			sink += p
			return nil
		}, noop, nil
	}
}

func mutex(_ Options, n int) (func() error, func(), error) {
	var mu sync.Mutex
	return func() error {
		for range n {
			mu.Lock()
			sink++
			mu.Unlock()
		}
		return nil
	}, noop, nil
}

func sysCall(_ Options, n int) (func() error, func(), error) {
	return func() error {
		for range n {
			sink += uint64(syscall.Getppid())
		}
		return nil
	}, noop, nil
}

// pingPong hands a token between two goroutines over unbuffered
// channels: two switches per round, so a batch makes n/2 rounds.
func pingPong(_ Options, n int) (func() error, func(), error) {
	ping, pong := make(chan struct{}), make(chan struct{})
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case <-ping:
				pong <- struct{}{}
			case <-quit:
				return
			}
		}
	}()
	return func() error {
		for range max(n/2, 1) {
			ping <- struct{}{}
			<-pong
		}
		return nil
	}, func() { close(quit) }, nil
}

func sha1KB(_ Options, n int) (func() error, func(), error) {
	buf := make([]byte, 1000)
	for i := range buf {
		buf[i] = byte(i)
	}
	return func() error {
		for range n {
			s := sha256.Sum256(buf)
			sink += uint64(s[0])
		}
		return nil
	}, noop, nil
}

// record is a value whose JSON encoding is about 1 KB.
type record struct {
	ID       int64             `json:"id"`
	Name     string            `json:"name"`
	Email    string            `json:"email"`
	Tags     []string          `json:"tags"`
	Scores   []float64         `json:"scores"`
	Active   bool              `json:"active"`
	Metadata map[string]string `json:"metadata"`
}

// OneKB is the value json_1kb encodes; its encoding is 1,000 ± 100 bytes.
func OneKB() any {
	r := record{ID: 1234567, Name: "Ada Lovelace", Email: "ada@example.com", Active: true,
		Tags: []string{"analytical-engine", "notes", "bernoulli", "poetical-science"}, Metadata: map[string]string{}}
	for i := range 75 {
		r.Scores = append(r.Scores, float64(i)*1.25)
	}
	for _, k := range []string{"city", "country", "team", "role", "plan", "locale", "tz", "device"} {
		r.Metadata[k] = "value-of-" + k + "-0123456789abcdef0123456789"
	}
	return r
}

func json1KB(_ Options, n int) (func() error, func(), error) {
	v := OneKB()
	return func() error {
		for range n {
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			sink += uint64(len(b))
		}
		return nil
	}, noop, nil
}

func read1MB(o Options, n int) (func() error, func(), error) {
	f, err := os.CreateTemp(o.Dir, ".sdprep-measure-*")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { f.Close(); os.Remove(f.Name()) }
	buf := make([]byte, 1<<20)
	if _, err := f.Write(buf); err != nil {
		cleanup()
		return nil, nil, err
	}
	return func() error {
		for range n {
			if _, err := f.ReadAt(buf, 0); err != nil && !errors.Is(err, io.EOF) {
				return err
			}
		}
		return nil
	}, cleanup, nil
}

func fsync4K(o Options, n int) (func() error, func(), error) {
	f, err := os.CreateTemp(o.Dir, ".sdprep-measure-*")
	if err != nil {
		return nil, nil, err
	}
	buf := make([]byte, 4096)
	return func() error {
			for i := range n {
				buf[0] = byte(i)
				if _, err := f.WriteAt(buf, 0); err != nil {
					return err
				}
				if err := f.Sync(); err != nil {
					return err
				}
			}
			return nil
		}, func() {
			f.Close()
			os.Remove(filepath.Clean(f.Name()))
		}, nil
}

// loopback echoes one byte over a TCP connection on 127.0.0.1.
func loopback(_ Options, n int) (func() error, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		b := make([]byte, 1)
		for {
			if _, err := io.ReadFull(c, b); err != nil {
				return
			}
			if _, err := c.Write(b); err != nil {
				return
			}
		}
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		ln.Close()
		return nil, nil, err
	}
	b := []byte{1}
	return func() error {
			for range n {
				if _, err := c.Write(b); err != nil {
					return err
				}
				if _, err := io.ReadFull(c, b); err != nil {
					return err
				}
			}
			return nil
		}, func() {
			c.Close()
			ln.Close()
		}, nil
}
