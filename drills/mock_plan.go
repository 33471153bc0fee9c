package drills

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Step is one of the five steps of a system-design interview, in order.
type Step int

// The five steps. NumSteps counts them.
const (
	StepRequirements Step = iota
	StepEstimation
	StepHighLevelDesign
	StepDeepDive
	StepWrapUp
	NumSteps = 5
)

var stepIDs = [NumSteps]string{"requirements", "estimation", "high-level-design", "deep-dive", "wrap-up"}

var stepTitles = [NumSteps]string{
	"Requirements", "Estimation", "High-level design", "Deep dive", "Bottlenecks and wrap-up",
}

// String is the step's id, as the --step flag and the JSON spell it.
func (s Step) String() string {
	if s < 0 || s >= NumSteps {
		return "step(" + strconv.Itoa(int(s)) + ")"
	}
	return stepIDs[s]
}

// Title is the step's heading.
func (s Step) Title() string {
	if s < 0 || s >= NumSteps {
		return s.String()
	}
	return stepTitles[s]
}

// Steps lists the steps in order.
func Steps() []Step {
	return []Step{StepRequirements, StepEstimation, StepHighLevelDesign, StepDeepDive, StepWrapUp}
}

// StepIDs lists the step ids in order, for flag help and completion.
func StepIDs() []string { return stepIDs[:] }

// ErrInvalidPlan is wrapped by every error about a mock's duration, step
// plan or step name.
var ErrInvalidPlan = errors.New("invalid interview plan")

// ParseStep reads a step id ("deep-dive"), its number (1–5) or a unique
// prefix ("est").
func ParseStep(s string) (Step, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(in); err == nil && n >= 1 && n <= NumSteps {
		return Step(n - 1), nil
	}
	var matches []Step
	for i, id := range stepIDs {
		if id == in {
			return Step(i), nil
		}
		if in != "" && strings.HasPrefix(id, in) {
			matches = append(matches, Step(i))
		}
	}
	if len(matches) == 1 {
		return matches[0], nil
	}
	return 0, fmt.Errorf("%w: step %q: want one of %s or 1–5", ErrInvalidPlan, s, strings.Join(stepIDs[:], ", "))
}

// Duration bounds of a whole mock interview.
const (
	MinDuration     = 10 * time.Minute
	MaxDuration     = 3 * time.Hour
	DefaultDuration = 45 * time.Minute
)

// DefaultShares is the default split of the total time between the five
// steps: for 45 minutes, 5 / 5 / 10 / 20 / 5.
var DefaultShares = [NumSteps]int{5, 5, 10, 20, 5}

// MockPlan is the time planned for each step. The zero value plans nothing;
// build one with NewMockPlan. In JSON it is the list of step times in seconds.
type MockPlan struct {
	Steps [NumSteps]time.Duration
}

// MarshalJSON writes the step times in whole seconds.
func (p MockPlan) MarshalJSON() ([]byte, error) {
	var secs [NumSteps]int64
	for i, d := range p.Steps {
		secs[i] = int64(d / time.Second)
	}
	return json.Marshal(secs)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (p *MockPlan) UnmarshalJSON(b []byte) error {
	var secs [NumSteps]int64
	if err := json.Unmarshal(b, &secs); err != nil {
		return err
	}
	for i, s := range secs {
		p.Steps[i] = time.Duration(s) * time.Second
	}
	return nil
}

// Total is the sum of the step times.
func (p MockPlan) Total() time.Duration {
	var t time.Duration
	for _, d := range p.Steps {
		t += d
	}
	return t
}

// Minutes returns each step's planned time in minutes (may be fractional).
func (p MockPlan) Minutes() [NumSteps]float64 {
	var m [NumSteps]float64
	for i, d := range p.Steps {
		m[i] = d.Minutes()
	}
	return m
}

// NewMockPlan splits total between the steps in proportion to shares, rounded
// to whole seconds. total must be within MinDuration and MaxDuration.
func NewMockPlan(total time.Duration, shares [NumSteps]int) (MockPlan, error) {
	if total < MinDuration || total > MaxDuration {
		return MockPlan{}, fmt.Errorf("%w: duration %s: want 10m to 3h", ErrInvalidPlan, formatMinutes(total))
	}
	sum := 0
	for i, s := range shares {
		if s <= 0 {
			return MockPlan{}, fmt.Errorf("%w: steps: part %d is %d: want five positive numbers such as 5,5,10,20,5", ErrInvalidPlan, i+1, s)
		}
		sum += s
	}
	var p MockPlan
	left := total
	for i, s := range shares {
		if i == NumSteps-1 {
			p.Steps[i] = left
			break
		}
		d := (total * time.Duration(s) / time.Duration(sum)).Round(time.Second)
		p.Steps[i] = d
		left -= d
	}
	return p, nil
}

// ParseShares reads --steps: five positive whole numbers separated by
// commas ("5,5,10,20,5"). They are minutes when no duration is given, and
// shares of the duration when one is.
func ParseShares(s string) ([NumSteps]int, error) {
	var out [NumSteps]int
	parts := strings.Split(s, ",")
	if len(parts) != NumSteps {
		return out, fmt.Errorf("%w: steps %q has %d parts: want five positive numbers such as 5,5,10,20,5", ErrInvalidPlan, s, len(parts))
	}
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n <= 0 || n > 180 {
			return out, fmt.Errorf("%w: steps %q: part %d (%q) is not a whole number from 1 to 180", ErrInvalidPlan, s, i+1, strings.TrimSpace(p))
		}
		out[i] = n
	}
	return out, nil
}

// SharesTotal is the sum of shares read as minutes.
func SharesTotal(shares [NumSteps]int) time.Duration {
	var t time.Duration
	for _, s := range shares {
		t += time.Duration(s) * time.Minute
	}
	return t
}

// formatMinutes writes a duration as minutes and seconds: "12m30s", "45m".
func formatMinutes(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	d = d.Round(time.Second)
	m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
	out := strconv.Itoa(m) + "m"
	if s != 0 {
		out += fmt.Sprintf("%02ds", s)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// FormatClock writes a duration as a clock, m:ss, or h:mm:ss from an hour
// on; negative durations (overtime) get a leading "+" instead, counting up.
func FormatClock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "+", -d
	}
	d = d.Truncate(time.Second)
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	if h > 0 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%s%d:%02d", sign, m, s)
}
