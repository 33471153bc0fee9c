package estimate

import (
	"fmt"
	"slices"
)

// Source says where the value of a setting came from.
type Source int

const (
	SourceDefault Source = iota // the parameter's documented default
	SourcePreset                // the chosen preset
	SourceFlag                  // set by the user with a flag
	SourceEdited                // typed by the user into the TUI form
)

func (s Source) String() string {
	switch s {
	case SourcePreset:
		return "preset"
	case SourceFlag:
		return "flag"
	case SourceEdited:
		return "edited"
	default:
		return "default"
	}
}

// Setting is the text of one parameter with its provenance.
type Setting struct {
	Value  string
	Source Source
	Note   string // why this value (presets document each number)
}

// Scenario is the set of inputs of one estimate, as text, before parsing.
// The zero value is an empty scenario with no preset.
type Scenario struct {
	Preset   string
	settings map[string]Setting
}

// NewScenario starts a scenario from a preset; pass nil for none.
func NewScenario(p *Preset) Scenario {
	s := Scenario{settings: map[string]Setting{}}
	if p == nil {
		return s
	}
	s.Preset = p.Name
	for _, v := range p.Values {
		s.settings[v.Param] = Setting{Value: v.Value, Source: SourcePreset, Note: v.Note}
	}
	return s
}

// Set records a value given by the user. A user value replaces preset
// values of the parameters it is an alternative to (e.g. --reads-per-user
// replaces a preset's read-write ratio); two user values for alternatives
// of one another are an error.
func (s *Scenario) Set(name, value string) error {
	return s.set(name, value, SourceFlag)
}

// Edit records a value typed into the TUI form, as Set does, with the
// source "edited".
func (s *Scenario) Edit(name, value string) error {
	return s.set(name, value, SourceEdited)
}

func (s *Scenario) set(name, value string, src Source) error {
	p, ok := ParamByName(name)
	if !ok {
		return fmt.Errorf("unknown parameter %q", name)
	}
	if s.settings == nil {
		s.settings = map[string]Setting{}
	}
	if p.Group != GroupNone {
		for _, other := range params {
			if other.Group != p.Group || other.Name == name {
				continue
			}
			cur, set := s.settings[other.Name]
			if !set {
				continue
			}
			if cur.Source == SourceFlag || cur.Source == SourceEdited {
				return &ParseError{Field: name, Value: value,
					Accepted: "only one of " + groupNames(p.Group),
					Reason:   "--" + other.Name + " is also set"}
			}
			delete(s.settings, other.Name)
		}
	}
	s.settings[name] = Setting{Value: value, Source: src}
	return nil
}

// Get returns the setting of a parameter and whether it is set.
func (s Scenario) Get(name string) (Setting, bool) {
	v, ok := s.settings[name]
	return v, ok
}

func groupNames(g Group) string {
	var names []string
	for _, p := range params {
		if p.Group == g {
			names = append(names, "--"+p.Name)
		}
	}
	return joinOr(names)
}

func joinOr(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return fmt.Sprintf("%s or %s", joinComma(names[:len(names)-1]), names[len(names)-1])
}

func joinComma(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

// SetNames lists the parameters that carry a value, in Params order.
func (s Scenario) SetNames() []string {
	var names []string
	for _, p := range params {
		if _, ok := s.settings[p.Name]; ok {
			names = append(names, p.Name)
		}
	}
	return slices.Clip(names)
}

// Unset removes a parameter's value, so it falls back to its default.
// Unsetting a parameter that has no value does nothing.
func (s *Scenario) Unset(name string) {
	delete(s.settings, name)
}
