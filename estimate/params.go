package estimate

import (
	"fmt"
	"slices"
	"time"
)

// Kind is the type of quantity a parameter holds; it picks the parser.
type Kind int

const (
	KindCount    Kind = iota // users, per-user rates: "100M", "2.5K"
	KindBytes                // sizes: "280B", "200KB"
	KindFraction             // "10%", "0.1"
	KindDuration             // "5y", "30d"
	KindRatio                // "100", "100:1"
	KindVolume               // "100M/month"
	KindFactor               // "2", "1.5", "10K"
)

// Group names parameters that are alternatives to one another: setting one
// from a flag drops preset values of the others, and setting two from flags
// is an error.
type Group string

const (
	GroupNone   Group = ""
	GroupUsers  Group = "users"
	GroupWrites Group = "writes"
	GroupReads  Group = "reads"
)

// Param describes one input of the estimator. The name is the flag name
// (kebab-case) and the key in presets and in JSON assumptions.
type Param struct {
	Name    string
	Kind    Kind
	Group   Group
	Default string // "" when the parameter has no default
	Help    string // one line for --help and the TUI form
}

// Parameter names. These are the flag names of `sdprep estimate`.
const (
	PDAU            = "dau"
	PMAU            = "mau"
	PDailyFraction  = "daily-fraction"
	PWritesPerUser  = "writes-per-user"
	PReadsPerUser   = "reads-per-user"
	PReadWriteRatio = "read-write-ratio"
	PWrites         = "writes"
	PReads          = "reads"
	PWriteSize      = "write-size"
	PMediaFraction  = "media-fraction"
	PMediaSize      = "media-size"
	PReadSize       = "read-size"
	PPeakFactor     = "peak-factor"
	PRetention      = "retention"
	PReplication    = "replication"
	PCacheFraction  = "cache-fraction"
	PServerQPS      = "server-qps"
	PServerEgress   = "server-egress"
)

// params lists every input in the order reports print them; Params
// returns a copy, so callers cannot change the estimator's inputs.
var params = []Param{
	{Name: PDAU, Kind: KindCount, Group: GroupUsers, Help: "daily active users (e.g. 100M)"},
	{Name: PMAU, Kind: KindCount, Group: GroupUsers, Help: "monthly active users; DAU = MAU × daily fraction"},
	{Name: PDailyFraction, Kind: KindFraction, Default: "50%", Help: "share of MAU active on a given day (used with --mau)"},
	{Name: PWrites, Kind: KindVolume, Group: GroupWrites, Help: "absolute write volume with its period (e.g. 100M/month, 6K/s)"},
	{Name: PWritesPerUser, Kind: KindCount, Group: GroupWrites, Default: "1", Help: "writes per user per day"},
	{Name: PReads, Kind: KindVolume, Group: GroupReads, Help: "absolute read volume with its period (e.g. 10B/month)"},
	{Name: PReadsPerUser, Kind: KindCount, Group: GroupReads, Default: "10", Help: "reads per user per day"},
	{Name: PReadWriteRatio, Kind: KindRatio, Group: GroupReads, Help: "reads per write (e.g. 100 or 100:1)"},
	{Name: PWriteSize, Kind: KindBytes, Default: "1KB", Help: "stored bytes per write, excluding media"},
	{Name: PMediaFraction, Kind: KindFraction, Default: "0%", Help: "share of writes that carry media (e.g. 10%)"},
	{Name: PMediaSize, Kind: KindBytes, Default: "200KB", Help: "average media bytes on writes that carry media"},
	{Name: PReadSize, Kind: KindBytes, Help: "average response bytes per read (default: the write size)"},
	{Name: PPeakFactor, Kind: KindFactor, Default: "2", Help: "peak traffic as a multiple of the average"},
	{Name: PRetention, Kind: KindDuration, Default: "5y", Help: "how long data is kept (e.g. 5y, 90d)"},
	{Name: PReplication, Kind: KindFactor, Default: "1", Help: "copies of each byte stored (raw storage is before replication)"},
	{Name: PCacheFraction, Kind: KindFraction, Default: "20%", Help: "share of a day's read volume kept hot in cache (80/20 rule)"},
	{Name: PServerQPS, Kind: KindFactor, Default: "10K", Help: "requests per second one server handles (10K: a cheap, cached read; heavier requests run at hundreds to a few thousand)"},
	{Name: PServerEgress, Kind: KindBytes, Default: "1.25GB", Help: "bytes per second one server can send (1.25GB is a 10 Gbps NIC)"},
}

// ParamByName returns the parameter with the given flag name.
func ParamByName(name string) (Param, bool) {
	for _, p := range params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// parse turns the text of a parameter into its value. For durations the
// value is in days.
func (p Param) parse(text string) (float64, error) {
	var (
		v   float64
		d   time.Duration
		err error
	)
	switch p.Kind {
	case KindCount:
		v, err = ParseCount(text)
	case KindBytes:
		v, err = ParseBytes(text)
	case KindFraction:
		v, err = ParseFraction(text)
	case KindDuration:
		d, err = ParseDuration(text)
		v = d.Hours() / 24
	case KindRatio:
		v, err = ParseRatio(text)
	case KindVolume:
		v, err = ParseVolume(text)
	case KindFactor:
		v, err = ParseFactor(text)
	default:
		err = fmt.Errorf("parameter %s: unknown kind %d", p.Name, p.Kind)
	}
	if pe, ok := err.(*ParseError); ok {
		pe.Field = p.Name
	}
	if err == nil {
		err = p.checkRange(text, v)
	}
	return v, err
}

// bounds is the range of values a parameter accepts, in base units
// (users, per day, bytes, bytes per second), and how to say it.
type bounds struct {
	min, max float64
	// openMin excludes min itself (a rate above 0); otherwise min is
	// accepted.
	openMin  bool
	accepted string
}

// paramBounds refuse values that are parseable but absurd for a
// back-of-the-envelope estimate: fewer than one user, more users than
// people, volumes and sizes beyond any system, a server that serves
// nothing. Parameters not listed here are bounded by their parser
// (fractions to 0–1, durations to 200 years) or by atLeastOne.
var paramBounds = map[string]bounds{
	PDAU:            {min: 1, max: 10e9, accepted: "a count of users from 1 to 10B (the world has about 8B people), like 100M"},
	PMAU:            {min: 1, max: 10e9, accepted: "a count of users from 1 to 10B (the world has about 8B people), like 300M"},
	PWritesPerUser:  {min: 0, max: 1e6, openMin: true, accepted: "a rate above 0 and up to 1M per user per day, like 2 or 0.5"},
	PReadsPerUser:   {min: 0, max: 1e6, openMin: true, accepted: "a rate above 0 and up to 1M per user per day, like 10"},
	PReadWriteRatio: {min: 0, max: 1e6, openMin: true, accepted: "a ratio above 0 and up to 1M:1, like 100 or 100:1"},
	PWrites:         {min: 0, max: 1e15, openMin: true, accepted: "a volume above 0 and up to 1e15 per day (about 11.6B/s), like 100M/month"},
	PReads:          {min: 0, max: 1e15, openMin: true, accepted: "a volume above 0 and up to 1e15 per day (about 11.6B/s), like 10B/month"},
	PWriteSize:      {min: 0, max: 1e12, accepted: "a size from 0B to 1TB, like 280B or 1KB"},
	PMediaSize:      {min: 0, max: 1e12, accepted: "a size from 0B to 1TB, like 200KB or 5MB"},
	PReadSize:       {min: 0, max: 1e12, accepted: "a size from 0B to 1TB, like 1KB"},
	PPeakFactor:     {min: 1, max: 1000, accepted: "a number from 1 to 1,000, like 2 or 3"},
	PReplication:    {min: 1, max: 100, accepted: "a number from 1 to 100, like 3"},
	PServerQPS:      {min: 0, max: 1e9, openMin: true, accepted: "a rate above 0 and up to 1B requests/s, like 10K"},
	PServerEgress:   {min: 0, max: 1e13, openMin: true, accepted: "a rate above 0B and up to 10TB per second, like 1.25GB (a 10 Gbps NIC)"},
}

// checkRange refuses a parsed value outside the parameter's bounds.
func (p Param) checkRange(text string, v float64) error {
	b, ok := paramBounds[p.Name]
	if !ok {
		return nil
	}
	switch {
	case b.openMin && v <= b.min:
		return &ParseError{Field: p.Name, Value: text, Accepted: b.accepted, Reason: "must be above " + FormatPlain(b.min)}
	case v < b.min:
		return &ParseError{Field: p.Name, Value: text, Accepted: b.accepted, Reason: "below " + FormatPlain(b.min)}
	case v > b.max:
		return &ParseError{Field: p.Name, Value: text, Accepted: b.accepted, Reason: "too large"}
	}
	return nil
}

// Accepted describes the values the parameter accepts.
func (p Param) Accepted() string { return describe(p.Kind) }

// Params returns every input in the order reports print them. The slice
// is a copy: changing it changes nothing in the estimator.
func Params() []Param { return slices.Clone(params) }
