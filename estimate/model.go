package estimate

import "math"

// Step is one line of the derivation: a named figure, the arithmetic that
// produced it in plain words, and its value in base units.
type Step struct {
	Name    string  `json:"name"`
	Formula string  `json:"formula"`
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
}

// Estimate is the result of Compute. Every figure is in base units:
// per second, bytes, bytes per second. Nothing is rounded.
type Estimate struct {
	Inputs Inputs

	DAU          float64
	WritesPerDay float64
	ReadsPerDay  float64
	WriteQPS     float64
	PeakWriteQPS float64
	ReadQPS      float64
	PeakReadQPS  float64

	TextStoragePerDay  float64
	MediaStoragePerDay float64
	StoragePerDay      float64
	StoragePerMonth    float64
	StoragePerYear     float64
	StorageTotal       float64 // over the retention period, before replication
	StorageReplicated  float64 // StorageTotal × replication

	IngressPerSec     float64 // bytes/s written
	PeakIngressPerSec float64
	EgressPerSec      float64 // bytes/s read
	PeakEgressPerSec  float64

	CacheBytes float64
	// CacheCapped is true when the hot set computed from reads would be
	// larger than all the data stored, and the reads are of that data, so
	// CacheBytes is StorageTotal.
	CacheCapped bool `json:"-"`
	// ReadsElsewhere is true when a read is larger than anything written
	// (a video stream against 200-byte events): the read bytes come from
	// elsewhere, such as a catalogue or media on a CDN, so the hot set is
	// not capped at the data this system stores.
	ReadsElsewhere bool `json:"-"`
	// CacheTier says where the hot set lives: RAM for records, CDN or
	// edge disk for media-sized reads (see EdgeReadSize).
	CacheTier CacheTier `json:"-"`

	// EgressServers is how many servers the peak egress needs at
	// ServerEgress bytes/s each; 0 when nothing is read.
	EgressServers float64

	QPS         float64 // reads + writes, average
	PeakQPS     float64
	Servers     float64 // ceil(QPS / server QPS)
	PeakServers float64 // ceil(peak QPS / server QPS)

	Steps []Step
}

// Step names, shared by the reports, the JSON and the tests.
const (
	SDAU                = "dau"
	SWritesPerDay       = "writes_per_day"
	SWriteQPS           = "write_qps"
	SPeakWriteQPS       = "peak_write_qps"
	SReadsPerDay        = "reads_per_day"
	SReadQPS            = "read_qps"
	SPeakReadQPS        = "peak_read_qps"
	STextStoragePerDay  = "text_storage_per_day_bytes"
	SMediaStoragePerDay = "media_storage_per_day_bytes"
	SStoragePerDay      = "storage_per_day_bytes"
	SStoragePerMonth    = "storage_per_month_bytes"
	SStoragePerYear     = "storage_per_year_bytes"
	SStorageTotal       = "storage_total_bytes"
	SStorageReplicated  = "storage_total_replicated_bytes"
	SIngress            = "ingress_bytes_per_sec"
	SPeakIngress        = "peak_ingress_bytes_per_sec"
	SEgress             = "egress_bytes_per_sec"
	SPeakEgress         = "peak_egress_bytes_per_sec"
	SCache              = "cache_bytes"
	SServers            = "servers"
	SPeakServers        = "peak_servers"
	SEgressServers      = "peak_egress_servers"
)

// Compute derives every figure from the inputs and records the steps. It
// is pure: the same inputs always give the same estimate.
func Compute(in Inputs) Estimate {
	e := Estimate{Inputs: in, DAU: in.Users}
	e.WritesPerDay = in.WritesPerDay
	e.ReadsPerDay = in.ReadsPerDay
	e.WriteQPS = e.WritesPerDay / SecondsPerDay
	e.PeakWriteQPS = e.WriteQPS * in.PeakFactor
	e.ReadQPS = e.ReadsPerDay / SecondsPerDay
	e.PeakReadQPS = e.ReadQPS * in.PeakFactor

	e.TextStoragePerDay = e.WritesPerDay * in.WriteSize
	e.MediaStoragePerDay = e.WritesPerDay * in.MediaFraction * in.MediaSize
	e.StoragePerDay = e.TextStoragePerDay + e.MediaStoragePerDay
	e.StoragePerMonth = e.StoragePerDay * DaysPerMonth
	e.StoragePerYear = e.StoragePerDay * DaysPerYear
	e.StorageTotal = e.StoragePerDay * in.RetentionDays
	e.StorageReplicated = e.StorageTotal * in.Replication

	e.IngressPerSec = e.WriteQPS * bytesPerWrite(in)
	e.PeakIngressPerSec = e.IngressPerSec * in.PeakFactor
	e.EgressPerSec = e.ReadQPS * in.ReadSize
	e.PeakEgressPerSec = e.EgressPerSec * in.PeakFactor

	e.CacheBytes = e.ReadsPerDay * in.ReadSize * in.CacheFraction
	// A cache of the written data never needs to hold more than that data.
	// Reads larger than any write are of something else (a catalogue), so
	// the data stored here does not bound them.
	e.ReadsElsewhere = in.ReadSize > largestWrite(in)
	if !e.ReadsElsewhere && e.StorageTotal > 0 && e.CacheBytes > e.StorageTotal {
		e.CacheBytes, e.CacheCapped = e.StorageTotal, true
	}
	e.CacheTier = CacheRAM
	if in.ReadSize >= EdgeReadSize {
		e.CacheTier = CacheEdge
	}

	e.QPS = e.WriteQPS + e.ReadQPS
	e.PeakQPS = e.PeakWriteQPS + e.PeakReadQPS
	e.Servers = math.Ceil(e.QPS / in.ServerQPS)
	e.PeakServers = math.Ceil(e.PeakQPS / in.ServerQPS)
	if in.ServerEgress > 0 {
		e.EgressServers = math.Ceil(e.PeakEgressPerSec / in.ServerEgress)
	}

	e.Steps = derive(e)
	return e
}

// CacheTier is where a hot set is kept.
type CacheTier string

// Cache tiers.
const (
	// CacheRAM: an in-memory cache (Redis, Memcached) of small records.
	CacheRAM CacheTier = "ram"
	// CacheEdge: CDN or edge servers' disks, for media-sized reads.
	CacheEdge CacheTier = "edge"
)

// EdgeReadSize is the read size from which the hot set is media (images,
// video segments, files) kept on CDN or edge disk rather than in RAM:
// in-memory caches hold records of bytes to tens of kilobytes, and
// Memcached's default item limit is 1 MB.
const EdgeReadSize = 100e3

// largestWrite is the largest item a write stores: its record, or its
// media when writes carry media.
func largestWrite(in Inputs) float64 {
	if in.MediaFraction > 0 {
		return math.Max(in.WriteSize, in.MediaSize)
	}
	return in.WriteSize
}

// bytesPerWrite is the average bytes a write carries: its record plus the
// expected media.
func bytesPerWrite(in Inputs) float64 {
	return in.WriteSize + in.MediaFraction*in.MediaSize
}

// Run resolves a scenario and computes it.
func Run(s Scenario) (Estimate, []Assumption, error) {
	in, as, err := Resolve(s)
	if err != nil {
		return Estimate{}, nil, err
	}
	return Compute(in), as, nil
}
