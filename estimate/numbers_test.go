package estimate

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestDowntime(t *testing.T) {
	tests := []struct {
		percent                float64
		year, month, week, day string
	}{
		{99.99, "52.56 min", "4.32 min", "1.01 min", "8.64 s"},
		{99.9, "8.76 h", "43.2 min", "10.08 min", "1.44 min"},
		{99, "3.65 days", "7.2 h", "1.68 h", "14.4 min"},
		{90, "36.5 days", "3 days", "16.8 h", "2.4 h"},
		{99.999, "5.26 min", "25.92 s", "6.05 s", "864 ms"},
		{100, "0 s", "0 s", "0 s", "0 s"},
	}
	for _, tt := range tests {
		a := Downtime(tt.percent)
		got := []string{FormatDuration(a.PerYear), FormatDuration(a.PerMonth), FormatDuration(a.PerWeek), FormatDuration(a.PerDay)}
		want := []string{tt.year, tt.month, tt.week, tt.day}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("Downtime(%v) period %d prints %q, want %q", tt.percent, i, got[i], want[i])
			}
		}
		if a.Percent != tt.percent {
			t.Errorf("Downtime(%v).Percent = %v", tt.percent, a.Percent)
		}
	}
	a := Downtime(99.99)
	exact := []struct{ got, want time.Duration }{
		{a.PerYear, 3153600 * time.Millisecond}, // 52.56 min
		{a.PerMonth, 259200 * time.Millisecond}, // 4.32 min
		{a.PerWeek, 60480 * time.Millisecond},   // 1.008 min
		{a.PerDay, 8640 * time.Millisecond},
	}
	for _, e := range exact {
		if d := e.got - e.want; d < -time.Microsecond || d > time.Microsecond {
			t.Errorf("Downtime(99.99) = %v, want %v", e.got, e.want)
		}
	}
}

func TestParseAvailability(t *testing.T) {
	for in, want := range map[string]float64{"99.99": 99.99, "99.99%": 99.99, " 99.9 % ": 99.9, "100": 100, "1e2": 100, "0.5": 0.5, "90": 90} {
		if got, err := ParseAvailability(in); err != nil || got != want {
			t.Errorf("ParseAvailability(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"100.5", "abc", "0", "0%", "-1", "", "NaN", "Inf", "99.9%%", "1e400", "99.9x", "101%"} {
		_, err := ParseAvailability(in)
		pe := checkParseError(t, in, err)
		if pe.Field != "" || !strings.Contains(err.Error(), "at most 100") {
			t.Errorf("ParseAvailability(%q) error %q", in, err)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 s"},
		{-time.Second, "0 s"},
		{time.Nanosecond, "1 ns"},
		{1500 * time.Nanosecond, "1.5 µs"},
		{864 * time.Millisecond, "864 ms"},
		{90 * time.Second, "1.5 min"},
		{36 * time.Hour, "1.5 days"},
		{DaysPerYear * Day, "365 days"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.d); got != tt.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
	if got := FormatPercentage(99.99); got != "99.99%" {
		t.Errorf("FormatPercentage(99.99) = %q", got)
	}
}

func TestTables(t *testing.T) {
	tables := []struct {
		t    Table
		rows int
	}{
		{LatencyTable(), len(Latencies)},
		{PowersTable(), len(PowersOfTwo)},
		{ThroughputTable(), len(Throughputs)},
		{AvailabilityTable(), len(AvailabilityLevels)},
		{AvailabilityTable(99.99), 1},
	}
	for _, tt := range tables {
		if tt.t.Name == "" || tt.t.Title == "" || len(tt.t.Rows) != tt.rows {
			t.Errorf("table %q: title %q, %d rows, want %d", tt.t.Name, tt.t.Title, len(tt.t.Rows), tt.rows)
		}
		for _, r := range tt.t.Rows {
			if len(r) != len(tt.t.Columns) {
				t.Errorf("table %s: row %v has %d cells for %d columns", tt.t.Name, r, len(r), len(tt.t.Columns))
			}
		}
	}
	nines := AvailabilityTable(99.99)
	if want := []string{"99.99%", "52.56 min", "4.32 min", "1.01 min", "8.64 s"}; strings.Join(nines.Rows[0], "|") != strings.Join(want, "|") {
		t.Errorf("nines row %v, want %v", nines.Rows[0], want)
	}
	// The latency table runs from an L1 hit to a cross-ocean round trip.
	lat := LatencyTable()
	if lat.Rows[0][0] != "L1 cache reference" || !strings.Contains(lat.Rows[len(lat.Rows)-1][0], "ocean") {
		t.Errorf("latency table runs from %q to %q", lat.Rows[0][0], lat.Rows[len(lat.Rows)-1][0])
	}
	if got := PowersTable().Rows[3]; got[0] != "2^20" || got[1] != "1,048,576" {
		t.Errorf("powers row %v", got)
	}

	var text, md bytes.Buffer
	if err := WriteTablesText(&text, nines, lat); err != nil {
		t.Fatal(err)
	}
	if err := WriteTablesMarkdown(&md, nines); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "Availability (allowed downtime)\n") ||
		!lineHasInOrder(text.String(), "99.99%", "52.56 min", "4.32 min", "1.01 min", "8.64 s") {
		t.Errorf("text nines table:\n%s", text.String())
	}
	if !strings.Contains(md.String(), "## Availability (allowed downtime)\n\n| Availability | Per year | Per month | Per week | Per day |\n|---|---|---|---|---|\n| 99.99% | 52.56 min | 4.32 min | 1.01 min | 8.64 s |\n") {
		t.Errorf("markdown nines table:\n%s", md.String())
	}
}

// lineHasInOrder reports whether one line of out holds all cells in order.
func lineHasInOrder(out string, cells ...string) bool {
	for _, line := range strings.Split(out, "\n") {
		rest, ok := line, true
		for _, c := range cells {
			i := strings.Index(rest, c)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(c):]
		}
		if ok {
			return true
		}
	}
	return false
}

func TestPowersOfTwoExact(t *testing.T) {
	for _, p := range PowersOfTwo {
		if p.Power != 64 {
			continue
		}
		if got := p.Exact(); got != "18,446,744,073,709,551,616" {
			t.Errorf("Exact() = %s", got)
		}
		b, err := p.MarshalJSON()
		if err != nil || !strings.Contains(string(b), `"value":18446744073709551616`) {
			t.Errorf("json %s, %v", b, err)
		}
		return
	}
	t.Fatal("no 2^64 row")
}
