package estimate

import (
	"errors"
	"slices"
)

// Basis says how a daily volume was obtained.
type Basis int

const (
	BasisNone     Basis = iota // not present (a write-only system has no reads)
	BasisPerUser               // users × per-user rate
	BasisAbsolute              // an absolute volume such as 100M/month
	BasisRatio                 // writes × read:write ratio
)

// Assumption is one input as used by the estimate: its text, its value in
// base units (days for durations, bytes for sizes, per day for volumes),
// and where it came from.
type Assumption struct {
	Name   string  `json:"name"`
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Source string  `json:"source"`
	Note   string  `json:"note,omitempty"`
}

// Inputs are the parsed inputs of the model, in base units.
type Inputs struct {
	Users         float64 // daily active users; 0 when the volume is absolute
	MAU           float64 // monthly active users, when given
	DailyFraction float64 // share of MAU active per day, when MAU is given

	WritesBasis   Basis
	WritesPerUser float64
	WritesPerDay  float64
	WritesText    string // the absolute volume as given, e.g. "100M/month"

	ReadsBasis     Basis
	ReadsPerUser   float64
	ReadWriteRatio float64
	ReadsPerDay    float64
	ReadsText      string

	WriteSize     float64 // bytes stored per write, excluding media
	MediaFraction float64 // 0..1
	MediaSize     float64 // bytes per media item
	ReadSize      float64 // bytes per read response
	PeakFactor    float64
	RetentionDays float64
	RetentionText string
	Replication   float64
	CacheFraction float64
	ServerQPS     float64
	ServerEgress  float64 // bytes per second one server can send

	// Binary renders sizes in the derivation with KiB/MiB … instead of
	// KB/MB …; it changes no number.
	Binary bool
}

// ErrNoVolume is returned when a scenario gives neither users nor an
// absolute write volume.
var ErrNoVolume = errors.New("no volume: give --dau, --mau or --writes (e.g. --dau 100M or --writes 100M/month)")

// resolver parses settings one by one and records the assumptions used.
type resolver struct {
	s           Scenario
	assumptions []Assumption
	err         error
}

// value parses the named parameter, falling back to its default. It
// returns ok=false when the parameter is unset and has no default.
func (r *resolver) value(name string) (float64, string, bool) {
	if r.err != nil {
		return 0, "", false
	}
	p, _ := ParamByName(name)
	set, ok := r.s.Get(name)
	if !ok {
		if p.Default == "" {
			return 0, "", false
		}
		set = Setting{Value: p.Default, Source: SourceDefault}
	}
	v, err := p.parse(set.Value)
	if err != nil {
		r.err = err
		return 0, "", false
	}
	r.assumptions = append(r.assumptions, Assumption{Name: name, Text: set.Value, Value: v, Source: set.Source.String(), Note: set.Note})
	return v, set.Value, true
}

func (r *resolver) has(name string) bool {
	_, ok := r.s.Get(name)
	return ok
}

// Resolve parses a scenario into model inputs. Errors are *ParseError
// (naming the parameter, the value and what it accepts) or ErrNoVolume.
//
// Every parameter set in the scenario is parsed first, so a bad value is
// reported before a missing volume.
func Resolve(s Scenario) (Inputs, []Assumption, error) {
	r := &resolver{s: s}
	var in Inputs
	if err := checkSet(s); err != nil {
		return in, nil, err
	}
	for _, section := range []func(*Inputs) error{r.users, r.writes, r.reads} {
		if err := section(&in); err != nil {
			return in, nil, err
		}
	}
	r.sizesAndFleet(&in)
	r.checkUnused()
	if r.err != nil {
		return in, nil, r.err
	}
	if in.Users > 0 && in.WritesBasis == BasisAbsolute && in.ReadsBasis != BasisPerUser {
		r.note([]string{PDAU, PMAU, PDailyFraction}, "not used: writes and reads are given as volumes")
	}
	return in, r.assumptions, nil
}

// users reads daily users, from --dau or from --mau and --daily-fraction.
func (r *resolver) users(in *Inputs) error {
	switch {
	case r.has(PDAU):
		in.Users, _, _ = r.value(PDAU)
	case r.has(PMAU):
		in.MAU, _, _ = r.value(PMAU)
		in.DailyFraction, _, _ = r.value(PDailyFraction)
		in.Users = in.MAU * in.DailyFraction
		if r.err == nil && in.Users <= 0 {
			return &ParseError{Field: PDailyFraction, Value: mustGet(r.s, PDailyFraction), Accepted: "a fraction above 0", Reason: "no daily users"}
		}
	}
	return nil
}

// writes reads the write volume: absolute, or per user. Every given flag
// is checked before a missing volume is reported.
func (r *resolver) writes(in *Inputs) error {
	switch {
	case r.has(PWrites):
		in.WritesBasis = BasisAbsolute
		in.WritesPerDay, in.WritesText, _ = r.value(PWrites)
	case in.Users > 0:
		in.WritesBasis = BasisPerUser
		in.WritesPerUser, _, _ = r.value(PWritesPerUser)
		in.WritesPerDay = in.Users * in.WritesPerUser
	}
	if r.err != nil {
		return r.err
	}
	if in.WritesBasis == BasisNone {
		return ErrNoVolume
	}
	return nil
}

// reads reads the read volume: absolute, as a ratio to writes, or per user.
func (r *resolver) reads(in *Inputs) error {
	switch {
	case r.has(PReads):
		in.ReadsBasis = BasisAbsolute
		in.ReadsPerDay, in.ReadsText, _ = r.value(PReads)
	case r.has(PReadWriteRatio):
		in.ReadsBasis = BasisRatio
		in.ReadWriteRatio, _, _ = r.value(PReadWriteRatio)
		in.ReadsPerDay = in.WritesPerDay * in.ReadWriteRatio
	case r.has(PReadsPerUser) && in.Users == 0:
		return &ParseError{Field: PReadsPerUser, Value: mustGet(r.s, PReadsPerUser),
			Accepted: "a per-user rate together with --dau or --mau", Reason: "there are no users to multiply"}
	case in.Users > 0:
		in.ReadsBasis = BasisPerUser
		in.ReadsPerUser, _, _ = r.value(PReadsPerUser)
		in.ReadsPerDay = in.Users * in.ReadsPerUser
	}
	return nil
}

// sizesAndFleet reads item sizes, peak factor, retention, replication,
// cache fraction and server capacity; errors collect in r.err.
func (r *resolver) sizesAndFleet(in *Inputs) {
	in.WriteSize, _, _ = r.value(PWriteSize)
	in.MediaFraction, _, _ = r.value(PMediaFraction)
	if in.MediaFraction > 0 {
		in.MediaSize, _, _ = r.value(PMediaSize)
	}
	if in.ReadsBasis != BasisNone {
		if r.has(PReadSize) {
			in.ReadSize, _, _ = r.value(PReadSize)
		} else if r.err == nil {
			in.ReadSize = in.WriteSize
			r.assumptions = append(r.assumptions, Assumption{Name: PReadSize, Text: FormatBytes(in.WriteSize, false),
				Value: in.WriteSize, Source: SourceDefault.String(), Note: "same as the write size"})
		}
	}
	in.PeakFactor, _, _ = r.value(PPeakFactor)
	r.atLeastOne(PPeakFactor, in.PeakFactor)
	in.RetentionDays, in.RetentionText, _ = r.value(PRetention)
	in.Replication, _, _ = r.value(PReplication)
	r.atLeastOne(PReplication, in.Replication)
	if in.ReadsBasis != BasisNone {
		in.CacheFraction, _, _ = r.value(PCacheFraction)
	}
	in.ServerQPS, _, _ = r.value(PServerQPS)
	if in.ReadsBasis != BasisNone {
		in.ServerEgress, _, _ = r.value(PServerEgress)
	}
}

// note replaces the note of the named assumptions.
func (r *resolver) note(names []string, text string) {
	for i, a := range r.assumptions {
		if slices.Contains(names, a.Name) {
			r.assumptions[i].Note = text
		}
	}
}

// checkUnused parses the settings the estimate did not need (say
// --daily-fraction next to --dau, or --media-size with no media), so a
// mistyped value is reported instead of silently ignored.
func (r *resolver) checkUnused() {
	if r.err != nil {
		return
	}
	for _, name := range r.s.SetNames() {
		if slices.ContainsFunc(r.assumptions, func(a Assumption) bool { return a.Name == name }) {
			continue
		}
		p, _ := ParamByName(name)
		if _, err := p.parse(mustGet(r.s, name)); err != nil {
			r.err = err
			return
		}
	}
}

// checkSet parses every parameter the scenario sets, in report order.
func checkSet(s Scenario) error {
	for _, p := range params {
		if set, ok := s.Get(p.Name); ok {
			if _, err := p.parse(set.Value); err != nil {
				return err
			}
		}
	}
	return nil
}

// atLeastOne rejects a peak or replication factor below 1, which would
// shrink the figure it multiplies.
func (r *resolver) atLeastOne(name string, v float64) {
	if r.err != nil || v >= 1 {
		return
	}
	p, _ := ParamByName(name)
	text := p.Default
	if set, ok := r.s.Get(name); ok {
		text = set.Value
	}
	r.err = &ParseError{Field: name, Value: text, Accepted: "a number of at least 1, like 2 or 3", Reason: "below 1"}
}

func mustGet(s Scenario, name string) string {
	v, _ := s.Get(name)
	return v.Value
}
