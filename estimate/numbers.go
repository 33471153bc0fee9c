package estimate

import (
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
)

// Latency is one row of the latency table.
type Latency struct {
	Operation string        `json:"operation"`
	Duration  time.Duration `json:"nanoseconds"`
	Note      string        `json:"note"`
}

// Latencies are order-of-magnitude figures for current server hardware.
// They are rules of thumb for estimates, not benchmarks: what matters is
// the ratio between rows (memory is ~1,000× faster than an SSD read, which
// is ~1,000× faster than a cross-ocean round trip).
var Latencies = []Latency{
	{"L1 cache reference", 1 * time.Nanosecond, "classic tables say 0.5 ns; about 4 cycles"},
	{"Branch mispredict", 3 * time.Nanosecond, "a pipeline flush"},
	{"L2 cache reference", 4 * time.Nanosecond, "classic tables say 7 ns"},
	{"Mutex lock/unlock (uncontended)", 17 * time.Nanosecond, "contended locks cost far more"},
	{"Main memory reference", 100 * time.Nanosecond, "a cache miss to DRAM"},
	{"Compress 1 KB (Snappy-class)", 2 * time.Microsecond, "fast compressors run at ~500 MB/s per core"},
	{"Send 2 KB over a 10 Gbps link", 2 * time.Microsecond, "serialisation only: 16,000 bits ÷ 10^10 bit/s"},
	{"Read 1 MB sequentially from memory", 50 * time.Microsecond, "~20 GB/s for one core"},
	{"SSD random read (4 KB, NVMe)", 100 * time.Microsecond, "classic tables say 150 µs for SATA SSDs"},
	{"Round trip within a datacenter", 500 * time.Microsecond, "0.5 ms; often less on modern fabrics"},
	{"Read 1 MB sequentially from SSD", 1 * time.Millisecond, "~1 GB/s; fast NVMe drives do 3–7 GB/s"},
	{"Read 1 MB sequentially from HDD", 5 * time.Millisecond, "~200 MB/s once the head is in place"},
	{"HDD seek", 10 * time.Millisecond, "rotational latency plus head movement"},
	{"Round trip across a continent", 70 * time.Millisecond, "e.g. US east to west coast: 50–100 ms"},
	{"Round trip across an ocean", 150 * time.Millisecond, "e.g. California to the Netherlands"},
}

// PowerOfTwo is one row of the powers-of-two table.
type PowerOfTwo struct {
	Power  int
	Value  float64 // 2^Power, rounded to a float64 above 2^53
	Approx string
	Unit   string
}

// Exact is 2^Power written out in full with thousands separators
// ("18,446,744,073,709,551,616" for 2^64).
func (p PowerOfTwo) Exact() string {
	return humanize.BigComma(new(big.Int).Lsh(big.NewInt(1), uint(p.Power)))
}

// MarshalJSON writes value as the exact integer, which a float64 cannot
// hold for 2^60 and 2^64: {"power": 64, "value": 18446744073709551616, …}.
func (p PowerOfTwo) MarshalJSON() ([]byte, error) {
	exact := new(big.Int).Lsh(big.NewInt(1), uint(p.Power)).String()
	return json.Marshal(struct {
		Power  int             `json:"power"`
		Value  json.RawMessage `json:"value"`
		Approx string          `json:"approx"`
		Unit   string          `json:"unit"`
	}{p.Power, json.RawMessage(exact), p.Approx, p.Unit})
}

// PowersOfTwo are the powers every capacity estimate leans on.
var PowersOfTwo = []PowerOfTwo{
	{8, 256, "256", "values in a byte"},
	{10, 1 << 10, "≈ 1 thousand", "1 KiB"},
	{16, 1 << 16, "≈ 65 thousand", "ports, uint16"},
	{20, 1 << 20, "≈ 1 million", "1 MiB"},
	{30, 1 << 30, "≈ 1 billion", "1 GiB"},
	{32, 1 << 32, "≈ 4.3 billion", "IPv4 addresses, uint32"},
	{40, 1 << 40, "≈ 1 trillion", "1 TiB"},
	{50, 1 << 50, "≈ 1 quadrillion", "1 PiB"},
	{60, 1 << 60, "≈ 1 quintillion", "1 EiB"},
	{64, math.Pow(2, 64), "≈ 1.8 × 10^19", "values in a uint64"},
}

// Throughput is one row of the component throughput table.
type Throughput struct {
	Component string `json:"component"`
	Figure    string `json:"figure"`
	Note      string `json:"note"`
}

// Throughputs are rough per-node capacities for sizing. Real numbers
// depend on payload size, hardware and tuning; measure before you commit.
var Throughputs = []Throughput{
	{"1 Gbps network link", "125 MB/s", "line rate; ~110 MB/s of payload in practice"},
	{"10 Gbps network link", "1.25 GB/s", "common in datacenters; 25–100 Gbps on newer hosts"},
	{"HDD", "~200 MB/s sequential, ~100–200 IOPS random", "seeks dominate random access"},
	{"SATA SSD", "~500 MB/s, ~50–100K IOPS", "limited by the SATA interface"},
	{"NVMe SSD", "3–7 GB/s, 500K+ IOPS", "per drive"},
	{"Redis (one instance)", "~100K ops/s", "single-threaded command loop; ~1M with pipelining"},
	{"Memcached (one node)", "~200K+ ops/s", "multi-threaded"},
	{"PostgreSQL (one node)", "~10K–50K simple writes/s", "primary-key reads reach 100K+/s; complex queries far fewer"},
	{"Kafka (one broker)", "~100s of MB/s", "sequential log appends; ~1M small messages/s per cluster node is common"},
	{"Web/app server", "~1K–10K req/s", "depends on work per request; sdprep's default is 10K"},
	{"Nginx serving static files", "~50K+ req/s", "per instance, small files, keep-alive"},
}

// Availability is allowed downtime at one availability level.
type Availability struct {
	Percent  float64
	PerYear  time.Duration
	PerMonth time.Duration
	PerWeek  time.Duration
	PerDay   time.Duration
}

// MarshalJSON writes the downtimes in seconds, the base unit of sdprep's
// JSON: {"percent": 99.99, "per_year_seconds": 3153.6, …}.
func (a Availability) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Percent  float64 `json:"percent"`
		PerYear  float64 `json:"per_year_seconds"`
		PerMonth float64 `json:"per_month_seconds"`
		PerWeek  float64 `json:"per_week_seconds"`
		PerDay   float64 `json:"per_day_seconds"`
	}{a.Percent, a.PerYear.Seconds(), a.PerMonth.Seconds(), a.PerWeek.Seconds(), a.PerDay.Seconds()})
}

// AvailabilityLevels are the rows of the nines table.
var AvailabilityLevels = []float64{90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999}

// Downtime returns the downtime allowed by an availability percentage
// (0 < percent ≤ 100) per 365-day year, 30-day month, week and day.
func Downtime(percent float64) Availability {
	// Rounding to 1e-11 removes the binary noise of 100 - 99.99
	// (0.010000000000005116) so 99.99% gives exactly 3,153.6 s a year.
	down := math.Round((100-percent)*1e9) / 1e11
	per := func(d time.Duration) time.Duration { return time.Duration(math.Round(down * float64(d))) }
	return Availability{
		Percent:  percent,
		PerYear:  per(DaysPerYear * Day),
		PerMonth: per(DaysPerMonth * Day),
		PerWeek:  per(7 * Day),
		PerDay:   per(Day),
	}
}

// ParseAvailability parses "99.99" or "99.99%" into a percentage in (0, 100].
func ParseAvailability(s string) (float64, error) {
	const accepted = "an availability percentage above 0 and at most 100, like 99.9 or 99.99%"
	t := strings.TrimSuffix(strings.TrimSpace(s), "%")
	v, suffix, err := splitNumber(t, accepted)
	if err != nil || suffix != "" {
		return 0, &ParseError{Value: s, Accepted: accepted}
	}
	if v <= 0 || v > 100 {
		return 0, &ParseError{Value: s, Accepted: accepted, Reason: "out of range"}
	}
	return v, nil
}

// FormatDuration renders a duration in the largest fitting unit with up to
// two decimals: "52.56 min", "8.76 h", "36.5 days", "864 ms".
func FormatDuration(d time.Duration) string {
	units := []struct {
		size time.Duration
		name string
	}{{Day, "days"}, {time.Hour, "h"}, {time.Minute, "min"}, {time.Second, "s"}, {time.Millisecond, "ms"}, {time.Microsecond, "µs"}, {time.Nanosecond, "ns"}}
	for _, u := range units {
		if d >= u.size {
			return trimZero(strconv.FormatFloat(roundTo(float64(d)/float64(u.size), 2), 'f', 2, 64)) + " " + u.name
		}
	}
	return "0 s"
}

// FormatPercentage renders an availability level: "99.99%".
func FormatPercentage(p float64) string {
	return strconv.FormatFloat(p, 'f', -1, 64) + "%"
}
