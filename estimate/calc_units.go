package estimate

import (
	"strconv"
	"strings"
	"unicode"
)

// Dim is the dimension of an Amount: the exponents of bytes and of time.
// Counts (users, requests, tweets, the K/M/B/T suffixes) are plain numbers
// and carry no dimension, so 300M × 280 bytes is a byte count and
// 600M / 1 day is a rate. The zero value is a plain number.
type Dim struct {
	Bytes int `json:"bytes"`
	Time  int `json:"time"`
}

// The dimensions the estimator talks about.
var (
	DimCount     = Dim{}
	DimBytes     = Dim{Bytes: 1}
	DimDuration  = Dim{Time: 1}
	DimRate      = Dim{Time: -1}
	DimBandwidth = Dim{Bytes: 1, Time: -1}
)

func (d Dim) mul(o Dim) Dim { return Dim{d.Bytes + o.Bytes, d.Time + o.Time} }
func (d Dim) div(o Dim) Dim { return Dim{d.Bytes - o.Bytes, d.Time - o.Time} }

// Kind names the dimension: count, bytes, duration, rate (per second),
// bandwidth (bytes per second), or compound for anything else.
func (d Dim) Kind() string {
	switch d {
	case DimCount:
		return "count"
	case DimBytes:
		return "bytes"
	case DimDuration:
		return "duration"
	case DimRate:
		return "rate"
	case DimBandwidth:
		return "bandwidth"
	}
	return "compound"
}

// String is the dimension in base units: "" for a plain number, "B", "s",
// "/s", "B/s", "B^2", "B·s" …
func (d Dim) String() string {
	var num, den []string
	add := func(sym string, exp int) {
		switch {
		case exp == 1:
			num = append(num, sym)
		case exp > 1:
			num = append(num, sym+"^"+strconv.Itoa(exp))
		case exp == -1:
			den = append(den, sym)
		case exp < -1:
			den = append(den, sym+"^"+strconv.Itoa(-exp))
		}
	}
	add("B", d.Bytes)
	add("s", d.Time)
	s := strings.Join(num, "·")
	if len(den) > 0 {
		s += "/" + strings.Join(den, "·")
	}
	return s
}

// Describe is the dimension in words for error messages and hints:
// "a plain count", "a size in bytes", "a rate per second" …
func (d Dim) Describe() string {
	switch d.Kind() {
	case "count":
		return "a plain count"
	case "bytes":
		return "a size in bytes"
	case "duration":
		return "a duration"
	case "rate":
		return "a rate per unit of time"
	case "bandwidth":
		return "bytes per unit of time"
	}
	return "a quantity in " + d.String()
}

// unit is one unit word the calculator knows: its size in base units
// (bytes, seconds) and its dimension.
type unit struct {
	scale float64
	dim   Dim
}

// calcExtras are the units the quantity parser has no use for but napkin
// maths does: sub-second times, bits, request rates, spelled-out bytes.
var calcExtras = map[string]unit{
	"ms":       {1e-3, DimDuration},
	"us":       {1e-6, DimDuration},
	"µs":       {1e-6, DimDuration},
	"ns":       {1e-9, DimDuration},
	"byte":     {1, DimBytes},
	"bit":      {0.125, DimBytes},
	"bps":      {0.125, DimBandwidth},
	"Kbps":     {1e3 / 8, DimBandwidth},
	"Mbps":     {1e6 / 8, DimBandwidth},
	"Gbps":     {1e9 / 8, DimBandwidth},
	"Tbps":     {1e12 / 8, DimBandwidth},
	"qps":      {1, DimRate},
	"rps":      {1, DimRate},
	"tps":      {1, DimRate},
	"QPS":      {1, DimRate},
	"RPS":      {1, DimRate},
	"TPS":      {1, DimRate},
	"k":        {1e3, DimCount},
	"hundred":  {1e2, DimCount},
	"thousand": {1e3, DimCount},
	"million":  {1e6, DimCount},
	"billion":  {1e9, DimCount},
	"trillion": {1e12, DimCount},
}

// lookupUnit resolves a unit word. It reuses the quantity parser's tables:
// the count suffixes (K, M, B = billion, G, T; upper case, plus k), the
// retention durations (s, m = minute, h, d, w, mo, y), the volume periods
// (sec, min, hour, day, week, month, year and their plurals) and the byte
// units (KB … EB, KiB … EiB, any case). A plain "B" is a billion, as in
// 10B/month; write bytes as "bytes" or with a prefix (KB, MB). label is
// true for a word with a lower-case letter that the calculator does not
// know, such as "users", "tweets" or "URLs": it names what is counted and
// counts as 1. An unknown word in capitals ("XB") is an error.
func lookupUnit(w string) (u unit, label, ok bool) {
	if u, ok := calcExtras[w]; ok {
		return u, false, true
	}
	if m, ok := countSuffixes[w]; ok && w != "" {
		return unit{m, DimCount}, false, true
	}
	if d, ok := durationUnits[w]; ok {
		return unit{d.Seconds(), DimDuration}, false, true
	}
	if s, ok := periodSeconds[w]; ok {
		return unit{s, DimDuration}, false, true
	}
	if m, ok := byteUnits[strings.ToUpper(w)]; ok && len(w) >= 2 {
		return unit{m, DimBytes}, false, true
	}
	if sing, ok := strings.CutSuffix(w, "s"); ok && len(sing) >= 2 {
		if u, label, ok := lookupUnit(sing); ok && !label {
			return u, false, true
		}
	}
	if len(w) >= 2 && strings.ContainsFunc(w, unicode.IsLower) {
		return unit{1, DimCount}, true, true
	}
	return unit{}, false, false
}

// acceptUnits is what an unknown unit error says is accepted.
const acceptUnits = "K, M, B (billion), T; bytes, KB … PB, KiB … PiB; Mbps, Gbps; " +
	"ns, ms, s, m (minute), h, d, w, mo, y or spelled out (day, month, year)"
