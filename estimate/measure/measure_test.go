package measure

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/estimate"
)

// TestRunMeasuresEverything runs every probe at a small scale and checks
// structure and physics, not exact times.
func TestRunMeasuresEverything(t *testing.T) {
	dir := t.TempDir()
	var calls []int
	figs, err := Run(Options{Dir: dir, Runs: 3, Scale: 0.1, Progress: func(done, total int, _ string) {
		calls = append(calls, done)
		if total != len(Keys()) {
			t.Errorf("total %d", total)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != len(Keys()) || !slices.Equal(calls, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
		t.Fatalf("%d figures, progress %v", len(figs), calls)
	}
	by := map[string]Figure{}
	for i, f := range figs {
		by[f.Key] = f
		if f.Key != Keys()[i] || len(f.Runs) != 3 || !(f.Nanoseconds > 0) || f.TextbookNanoseconds <= 0 || f.Ratio <= 0 {
			t.Errorf("%+v", f)
		}
		if f.Nanoseconds != median(f.Runs) {
			t.Errorf("%s: %v is not the median of %v", f.Key, f.Nanoseconds, f.Runs)
		}
	}
	// Physics: a cache hit beats a memory read, which beats a loopback
	// round trip, which beats nothing slower than an fsync.
	order := []string{"l1_hit", "memory_read", "tcp_loopback_rtt"}
	for i := 1; i < len(order); i++ {
		if by[order[i-1]].Nanoseconds >= by[order[i]].Nanoseconds {
			t.Errorf("%s (%v ns) not faster than %s (%v ns)", order[i-1], by[order[i-1]].Nanoseconds, order[i], by[order[i]].Nanoseconds)
		}
	}
	if by["l1_hit"].Nanoseconds >= by["sha256_1kb"].Nanoseconds || by["sha256_1kb"].Nanoseconds >= by["read_1mb"].Nanoseconds {
		t.Errorf("1 KB of hashing should sit between a cache hit and reading 1 MB: %v", by)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("scratch files left in the data dir: %v", entries)
	}
}

func TestTextbookRowsExist(t *testing.T) {
	for _, p := range probes() {
		if p.textbook.d <= 0 || strings.Contains(p.textbook.name, "missing") {
			t.Errorf("%s: textbook %q", p.key, p.textbook.name)
		}
	}
}

func TestOneKBIsAboutOneKB(t *testing.T) {
	b, err := json.Marshal(OneKB())
	if err != nil || len(b) < 900 || len(b) > 1100 {
		t.Errorf("%d bytes, %v", len(b), err)
	}
}

func TestOptionsRejected(t *testing.T) {
	for _, o := range []Options{{}, {Dir: ".", Runs: -1}, {Dir: ".", Runs: 500}, {Dir: ".", Scale: -1}} {
		if _, err := Run(o); !errors.Is(err, ErrInvalidOptions) {
			t.Errorf("%+v: %v", o, err)
		}
	}
	if _, err := Run(Options{Dir: "/nonexistent/sdprep"}); !errors.Is(err, ErrInvalidOptions) || !strings.Contains(err.Error(), "/nonexistent/sdprep") {
		t.Errorf("missing dir: %v", err)
	}
}

func TestTableAndFormats(t *testing.T) {
	figs := []Figure{{Key: "l1_hit", Operation: "L1", Nanoseconds: 0.8, TextbookNanoseconds: 1, Ratio: 0.8, Textbook: "latency table"},
		{Key: "x", Operation: "X", Nanoseconds: float64(27 * time.Microsecond), TextbookNanoseconds: 1000, Ratio: 27}}
	tb := Table(figs, 5)
	if len(tb.Rows) != 2 || tb.Rows[0][1] != "0.8 ns" || tb.Rows[0][3] != "0.8×" || tb.Rows[1][3] != "27×" {
		t.Errorf("rows %v", tb.Rows)
	}
	var b strings.Builder
	if err := estimate.WriteTablesText(&b, tb); err != nil || !strings.Contains(b.String(), "median of 5 runs") {
		t.Errorf("%v %q", err, b.String())
	}
	if Ratio(0) != "-" || Ratio(3.14159) != "3.1×" {
		t.Error("Ratio")
	}
}
