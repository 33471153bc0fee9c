package estimate

import (
	"fmt"
	"io"
	"strings"
)

// Report is a computed estimate with the assumptions it used, ready to print.
type Report struct {
	Preset      *Preset
	Estimate    Estimate
	Assumptions []Assumption
}

// section groups figures under a heading in the text and markdown reports.
type section struct {
	title string
	steps []string
}

var sections = []section{
	{"Users", []string{SDAU}},
	{"Traffic", []string{SWritesPerDay, SWriteQPS, SPeakWriteQPS, SReadsPerDay, SReadQPS, SPeakReadQPS}},
	{"Storage (raw, before replication)", []string{STextStoragePerDay, SMediaStoragePerDay, SStoragePerDay, SStoragePerMonth, SStoragePerYear, SStorageTotal}},
	{"Storage with replication", []string{SStorageReplicated}},
	{"Bandwidth", []string{SIngress, SPeakIngress, SEgress, SPeakEgress}},
	{"Cache", []string{SCache}},
	{"Servers", []string{SServers, SPeakServers, SEgressServers}},
}

var labels = map[string]string{
	SDAU:                "Daily active users",
	SWritesPerDay:       "Writes per day",
	SWriteQPS:           "Write QPS (average)",
	SPeakWriteQPS:       "Write QPS (peak)",
	SReadsPerDay:        "Reads per day",
	SReadQPS:            "Read QPS (average)",
	SPeakReadQPS:        "Read QPS (peak)",
	STextStoragePerDay:  "Text per day",
	SMediaStoragePerDay: "Media per day",
	SStoragePerDay:      "Total per day",
	SStoragePerMonth:    "Per month",
	SStoragePerYear:     "Per year",
	SStorageTotal:       "Over retention",
	SStorageReplicated:  "Over retention × replication",
	SIngress:            "Ingress (average)",
	SPeakIngress:        "Ingress (peak)",
	SEgress:             "Egress (average)",
	SPeakEgress:         "Egress (peak)",
	SCache:              "Cache (hot set)",
	SServers:            "Servers (average load)",
	SPeakServers:        "Servers (peak load)",
	SEgressServers:      "Servers for peak egress",
}

// Label is the human name of a step.
func Label(step string) string { return labels[step] }

// Value renders a step's value with its unit, as the reports print it.
func (r Report) Value(s Step) string {
	binary := r.Estimate.Inputs.Binary
	switch {
	case s.Name == SCache && r.Estimate.CacheTier == CacheEdge:
		return FormatBytes(s.Value, binary) + " (CDN/edge disk)"
	case s.Name == SCache:
		return FormatBytes(s.Value, binary) + " (RAM)"
	}
	switch s.Unit {
	case "bytes":
		return FormatBytes(s.Value, binary)
	case "bytes/s":
		return FormatBytes(s.Value, binary) + "/s (" + FormatBits(s.Value*8) + ")"
	case "servers":
		return FormatPlain(s.Value)
	default:
		return FormatCount(s.Value) + " " + s.Unit
	}
}

// Conventions is the line that states the calendar and units.
func (r Report) Conventions() string {
	units := "decimal units (1 KB = 1,000 B)"
	if r.Estimate.Inputs.Binary {
		units = "binary units (1 KiB = 1,024 B)"
	}
	return units + " · 1 day = 86,400 s · 1 month = 30 days · 1 year = 365 days"
}

// Sections yields the report's sections with the steps present in this
// estimate, skipping empty ones.
func (r Report) Sections() []struct {
	Title string
	Steps []Step
} {
	var out []struct {
		Title string
		Steps []Step
	}
	for _, sec := range sections {
		var steps []Step
		for _, name := range sec.steps {
			if st, ok := r.Estimate.Step(name); ok {
				steps = append(steps, st)
			}
		}
		if len(steps) > 0 {
			out = append(out, struct {
				Title string
				Steps []Step
			}{sec.title, steps})
		}
	}
	return out
}

func (r Report) title() string {
	if r.Preset != nil {
		return fmt.Sprintf("Estimate: %s (%s)", r.Preset.Title, r.Preset.Name)
	}
	return "Estimate"
}

// Text prints the report as aligned plain text: the assumptions, then
// each section's figures with their derivations.
func (r Report) Text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\nAssumptions\n", r.title(), r.Conventions())
	for _, a := range r.Assumptions {
		line := fmt.Sprintf("  %-17s %-11s %-8s %s", a.Name, a.Text, a.Source, a.Note)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	for _, sec := range r.Sections() {
		fmt.Fprintf(&b, "\n%s\n", sec.Title)
		for _, st := range sec.Steps {
			fmt.Fprintf(&b, "  %-29s %s\n      %s\n", Label(st.Name), r.Value(st), st.Formula)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown prints the report as Markdown tables, one per section.
func (r Report) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s.\n\n## Assumptions\n\n| Input | Value | Source | Note |\n|---|---|---|---|\n", r.title(), r.Conventions())
	for _, a := range r.Assumptions {
		fmt.Fprintf(&b, "| `--%s` | %s | %s | %s |\n", a.Name, a.Text, a.Source, mdCell(a.Note))
	}
	for _, sec := range r.Sections() {
		fmt.Fprintf(&b, "\n## %s\n\n| Figure | Value | Derivation |\n|---|---|---|\n", sec.Title)
		for _, st := range sec.Steps {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", Label(st.Name), r.Value(st), mdCell(st.Formula))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// JSONReport is the stable JSON shape of `sdprep estimate --format json`.
// Numbers are in base units and not rounded.
type JSONReport struct {
	Preset                      string       `json:"preset,omitempty"`
	DAU                         float64      `json:"dau"`
	WritesPerDay                float64      `json:"writes_per_day"`
	ReadsPerDay                 float64      `json:"reads_per_day"`
	WriteQPS                    float64      `json:"write_qps"`
	PeakWriteQPS                float64      `json:"peak_write_qps"`
	ReadQPS                     float64      `json:"read_qps"`
	PeakReadQPS                 float64      `json:"peak_read_qps"`
	TextStoragePerDayBytes      float64      `json:"text_storage_per_day_bytes"`
	MediaStoragePerDayBytes     float64      `json:"media_storage_per_day_bytes"`
	StoragePerDayBytes          float64      `json:"storage_per_day_bytes"`
	StoragePerMonthBytes        float64      `json:"storage_per_month_bytes"`
	StoragePerYearBytes         float64      `json:"storage_per_year_bytes"`
	StorageTotalBytes           float64      `json:"storage_total_bytes"`
	Replication                 float64      `json:"replication"`
	StorageTotalReplicatedBytes float64      `json:"storage_total_replicated_bytes"`
	RetentionDays               float64      `json:"retention_days"`
	IngressBytesPerSec          float64      `json:"ingress_bytes_per_sec"`
	PeakIngressBytesPerSec      float64      `json:"peak_ingress_bytes_per_sec"`
	EgressBytesPerSec           float64      `json:"egress_bytes_per_sec"`
	PeakEgressBytesPerSec       float64      `json:"peak_egress_bytes_per_sec"`
	CacheBytes                  float64      `json:"cache_bytes"`
	CacheTier                   CacheTier    `json:"cache_tier"`
	Servers                     float64      `json:"servers"`
	PeakServers                 float64      `json:"peak_servers"`
	PeakEgressServers           float64      `json:"peak_egress_servers"`
	SecondsPerDay               int          `json:"seconds_per_day"`
	DaysPerMonth                int          `json:"days_per_month"`
	DaysPerYear                 int          `json:"days_per_year"`
	Units                       string       `json:"units"`
	Assumptions                 []Assumption `json:"assumptions"`
	Steps                       []Step       `json:"steps"`
}

// JSON returns the report's JSON shape, for encoding/json.
func (r Report) JSON() JSONReport {
	e := r.Estimate
	j := JSONReport{
		DAU: e.DAU, WritesPerDay: e.WritesPerDay, ReadsPerDay: e.ReadsPerDay,
		WriteQPS: e.WriteQPS, PeakWriteQPS: e.PeakWriteQPS, ReadQPS: e.ReadQPS, PeakReadQPS: e.PeakReadQPS,
		TextStoragePerDayBytes: e.TextStoragePerDay, MediaStoragePerDayBytes: e.MediaStoragePerDay,
		StoragePerDayBytes: e.StoragePerDay, StoragePerMonthBytes: e.StoragePerMonth,
		StoragePerYearBytes: e.StoragePerYear, StorageTotalBytes: e.StorageTotal,
		Replication: e.Inputs.Replication, StorageTotalReplicatedBytes: e.StorageReplicated,
		RetentionDays:      e.Inputs.RetentionDays,
		IngressBytesPerSec: e.IngressPerSec, PeakIngressBytesPerSec: e.PeakIngressPerSec,
		EgressBytesPerSec: e.EgressPerSec, PeakEgressBytesPerSec: e.PeakEgressPerSec,
		CacheBytes: e.CacheBytes, CacheTier: e.CacheTier, Servers: e.Servers, PeakServers: e.PeakServers,
		PeakEgressServers: e.EgressServers,
		SecondsPerDay:     SecondsPerDay, DaysPerMonth: DaysPerMonth, DaysPerYear: DaysPerYear,
		Units: "decimal", Assumptions: r.Assumptions, Steps: e.Steps,
	}
	if e.Inputs.Binary {
		j.Units = "binary"
	}
	if r.Preset != nil {
		j.Preset = r.Preset.Name
	}
	return j
}
