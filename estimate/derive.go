package estimate

import (
	"fmt"
	"math"
	"strconv"

	"github.com/sdprep/sdprep/internal/english"
)

// derive writes the derivation of every figure of e, in plain arithmetic
// with the same rounding the reports print.
func derive(e Estimate) []Step {
	d := &deriver{e: e, in: e.Inputs}
	d.traffic()
	d.storage()
	d.bandwidth()
	d.servers()
	return d.steps
}

// deriver builds the derivation of an estimate, one section at a time.
type deriver struct {
	e     Estimate
	in    Inputs
	steps []Step
}

func (d *deriver) add(name, unit string, value float64, format string, args ...any) {
	d.steps = append(d.steps, Step{Name: name, Formula: fmt.Sprintf(format, args...), Value: value, Unit: unit})
}

// b renders a byte figure; bo renders one that is multiplied again in a
// later line, with two decimals so the product checks out by hand.
func (d *deriver) b(v float64) string  { return FormatBytes(v, d.in.Binary) }
func (d *deriver) bo(v float64) string { return formatBytesN(v, d.in.Binary, 2) }

// traffic derives daily users, writes and reads, and their rates.
func (d *deriver) traffic() {
	e, in, c := d.e, d.in, FormatCount
	if in.MAU > 0 {
		d.add(SDAU, "users", e.DAU, "%s MAU × %s active daily = %s users/day", c(in.MAU), FormatPercent(in.DailyFraction), c(e.DAU))
	}

	switch in.WritesBasis {
	case BasisPerUser:
		d.add(SWritesPerDay, "writes/day", e.WritesPerDay, "%s users × %s %s/user/day = %s writes/day", c(e.DAU), c(in.WritesPerUser), plural(in.WritesPerUser, "write"), c(e.WritesPerDay))
	case BasisAbsolute:
		d.add(SWritesPerDay, "writes/day", e.WritesPerDay, "%s = %s writes/day", in.WritesText, c(e.WritesPerDay))
	}
	d.add(SWriteQPS, "writes/s", e.WriteQPS, "%s writes/day ÷ 86,400 s/day ≈ %s writes/s", c(e.WritesPerDay), c(e.WriteQPS))
	d.add(SPeakWriteQPS, "writes/s", e.PeakWriteQPS, "%s writes/s × %s peak factor ≈ %s writes/s", operand(e.WriteQPS), FormatPlain(in.PeakFactor), c(e.PeakWriteQPS))

	switch in.ReadsBasis {
	case BasisPerUser:
		d.add(SReadsPerDay, "reads/day", e.ReadsPerDay, "%s users × %s %s/user/day = %s reads/day", c(e.DAU), c(in.ReadsPerUser), plural(in.ReadsPerUser, "read"), c(e.ReadsPerDay))
	case BasisRatio:
		d.add(SReadsPerDay, "reads/day", e.ReadsPerDay, "%s writes/day × %s %s per write = %s reads/day", c(e.WritesPerDay), FormatPlain(in.ReadWriteRatio), plural(in.ReadWriteRatio, "read"), c(e.ReadsPerDay))
	case BasisAbsolute:
		d.add(SReadsPerDay, "reads/day", e.ReadsPerDay, "%s = %s reads/day", in.ReadsText, c(e.ReadsPerDay))
	}
	if in.ReadsBasis != BasisNone {
		d.add(SReadQPS, "reads/s", e.ReadQPS, "%s reads/day ÷ 86,400 s/day ≈ %s reads/s", c(e.ReadsPerDay), c(e.ReadQPS))
		d.add(SPeakReadQPS, "reads/s", e.PeakReadQPS, "%s reads/s × %s peak factor ≈ %s reads/s", operand(e.ReadQPS), FormatPlain(in.PeakFactor), c(e.PeakReadQPS))
	}
}

// storage derives bytes per day, month, year, retention and replicas.
func (d *deriver) storage() {
	e, in, c := d.e, d.in, FormatCount
	d.add(STextStoragePerDay, "bytes", e.TextStoragePerDay, "%s writes/day × %s = %s/day", c(e.WritesPerDay), d.b(in.WriteSize), d.b(e.TextStoragePerDay))
	if in.MediaFraction > 0 {
		d.add(SMediaStoragePerDay, "bytes", e.MediaStoragePerDay, "%s writes/day × %s with media × %s = %s/day",
			c(e.WritesPerDay), FormatPercent(in.MediaFraction), d.b(in.MediaSize), d.b(e.MediaStoragePerDay))
		d.add(SStoragePerDay, "bytes", e.StoragePerDay, "%s text + %s media ≈ %s/day", d.b(e.TextStoragePerDay), d.b(e.MediaStoragePerDay), d.b(e.StoragePerDay))
	} else {
		d.add(SStoragePerDay, "bytes", e.StoragePerDay, "%s text, no media = %s/day", d.b(e.TextStoragePerDay), d.b(e.StoragePerDay))
	}
	d.add(SStoragePerMonth, "bytes", e.StoragePerMonth, "%s/day × 30 days ≈ %s/month", d.bo(e.StoragePerDay), d.b(e.StoragePerMonth))
	d.add(SStoragePerYear, "bytes", e.StoragePerYear, "%s/day × 365 days ≈ %s/year", d.bo(e.StoragePerDay), d.b(e.StoragePerYear))
	d.add(SStorageTotal, "bytes", e.StorageTotal, "%s/day × %s %s (%s retention) ≈ %s before replication",
		d.bo(e.StoragePerDay), formatDays(in.RetentionDays), plural(in.RetentionDays, "day"), in.RetentionText, d.b(e.StorageTotal))
	copies := "copies"
	if in.Replication == 1 {
		copies = "copy"
	}
	d.add(SStorageReplicated, "bytes", e.StorageReplicated, "%s × %s %s ≈ %s stored", d.bo(e.StorageTotal), FormatPlain(in.Replication), copies, d.b(e.StorageReplicated))
}

// bandwidth derives ingress, egress and the cache.
func (d *deriver) bandwidth() {
	e, in := d.e, d.in
	perWrite := d.b(bytesPerWrite(in))
	if in.MediaFraction > 0 {
		perWrite = fmt.Sprintf("%s (%s + %s × %s)", perWrite, d.b(in.WriteSize), FormatPercent(in.MediaFraction), d.b(in.MediaSize))
	}
	d.add(SIngress, "bytes/s", e.IngressPerSec, "%s writes/s × %s/write ≈ %s/s = %s", operand(e.WriteQPS), perWrite, d.b(e.IngressPerSec), FormatBits(e.IngressPerSec*8))
	d.add(SPeakIngress, "bytes/s", e.PeakIngressPerSec, "%s/s × %s peak factor ≈ %s/s = %s", d.bo(e.IngressPerSec), FormatPlain(in.PeakFactor), d.b(e.PeakIngressPerSec), FormatBits(e.PeakIngressPerSec*8))
	if in.ReadsBasis != BasisNone {
		d.add(SEgress, "bytes/s", e.EgressPerSec, "%s reads/s × %s/read ≈ %s/s = %s", operand(e.ReadQPS), d.b(in.ReadSize), d.b(e.EgressPerSec), FormatBits(e.EgressPerSec*8))
		d.add(SPeakEgress, "bytes/s", e.PeakEgressPerSec, "%s/s × %s peak factor ≈ %s/s = %s", d.bo(e.EgressPerSec), FormatPlain(in.PeakFactor), d.b(e.PeakEgressPerSec), FormatBits(e.PeakEgressPerSec*8))
		d.add(SCache, "bytes", e.CacheBytes, "%s", cacheFormula(e))
	}
}

// servers derives the fleet for average and peak requests and for egress.
func (d *deriver) servers() {
	e, in, c := d.e, d.in, FormatCount
	d.add(SServers, "servers", e.Servers, "(%s + %s) req/s ÷ %s req/s per server → %s %s",
		c(e.WriteQPS), c(e.ReadQPS), c(in.ServerQPS), FormatPlain(e.Servers), plural(e.Servers, "server"))
	headroom := 0.0
	if e.PeakServers > 0 {
		headroom = 1 - e.QPS/(e.PeakServers*in.ServerQPS)
	}
	d.add(SPeakServers, "servers", e.PeakServers, "%s req/s at peak ÷ %s req/s per server → %s %s; at average load they run at %s of capacity (%s headroom)",
		c(e.PeakQPS), c(in.ServerQPS), FormatPlain(e.PeakServers), plural(e.PeakServers, "server"), FormatPercent(roundTo(1-headroom, 2)), FormatPercent(roundTo(math.Max(headroom, 0), 2)))
	if e.EgressServers > 0 {
		bound := "the request count is the tighter limit"
		if e.EgressServers > e.PeakServers {
			bound = "bandwidth, not requests, sets the fleet size"
		}
		d.add(SEgressServers, "servers", e.EgressServers, "%s/s (%s) at peak ÷ %s/s (%s) per server → %s %s; %s",
			d.b(e.PeakEgressPerSec), FormatBits(e.PeakEgressPerSec*8), formatBytesN(in.ServerEgress, in.Binary, 2), FormatBits(in.ServerEgress*8),
			FormatPlain(e.EgressServers), plural(e.EgressServers, "server"), bound)
	}
}

// cacheFormula explains the hot set: its arithmetic, why it is or is not
// capped at the stored data, and whether it lives in RAM or on CDN/edge
// disk.
func cacheFormula(e Estimate) string {
	in := e.Inputs
	b := func(v float64) string { return FormatBytes(v, in.Binary) }
	hot := e.ReadsPerDay * in.ReadSize * in.CacheFraction
	f := fmt.Sprintf("%s reads/day × %s × %s kept hot ≈ %s", FormatCount(e.ReadsPerDay), formatBytesN(in.ReadSize, in.Binary, 2), FormatPercent(in.CacheFraction), b(hot))
	switch {
	case e.CacheCapped:
		f += fmt.Sprintf(", more than the %s stored: the whole data set fits, so %s", b(e.StorageTotal), b(e.CacheBytes))
	case e.ReadsElsewhere:
		f += fmt.Sprintf(" (upper bound: counts every read as distinct). A read (%s) is larger than anything written (%s), so reads come from elsewhere, "+
			"such as a catalogue, an index derived from the data or media on a CDN, and the %s stored here does not bound them", formatBytesN(in.ReadSize, in.Binary, 2), b(largestWrite(in)), b(e.StorageTotal))
	default:
		f += " (upper bound: counts every read as distinct)"
	}
	if e.CacheTier == CacheEdge {
		return f + fmt.Sprintf(". Reads of %s are media-sized: this hot set is CDN/edge disk, not RAM", formatBytesN(in.ReadSize, in.Binary, 2))
	}
	return f + fmt.Sprintf(". Reads of %s are records, not media: this hot set is RAM (Redis, Memcached)", formatBytesN(in.ReadSize, in.Binary, 2))
}

// Step returns the step with the given name.
func (e Estimate) Step(name string) (Step, bool) {
	for _, s := range e.Steps {
		if s.Name == name {
			return s, true
		}
	}
	return Step{}, false
}

// formatDays renders a retention in days: whole days with separators
// ("1,825"), short retentions with three significant digits ("0.0313").
func formatDays(d float64) string {
	if d >= 10 || d == math.Trunc(d) {
		return FormatPlain(d)
	}
	return strconv.FormatFloat(d, 'g', 3, 64)
}

// operand renders a rate that is multiplied in a derivation precisely
// enough for the product to check out: below a million it is written in
// full ("6,944" rather than "6.9K", so "6,944 × 2 ≈ 13.9K" multiplies
// out; "231.5" below a thousand); larger rates use the short form.
func operand(v float64) string {
	switch {
	case v >= 1e6:
		return FormatCount(v)
	case v >= 1000:
		return FormatPlain(math.Round(v))
	}
	return FormatPlain(v)
}

// plural is noun in the plural unless n is exactly one.
func plural(n float64, noun string) string { return english.Noun(n, noun) }
