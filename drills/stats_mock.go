package drills

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sdprep/sdprep/internal/store"
)

// MockStats totals the mock interviews: how many, how much of the
// reference designs they covered, and the rubric line scored lowest on
// average (the one to work on).
type MockStats struct {
	Sessions int `json:"sessions"`
	Finished int `json:"finished"`
	// AverageCoverage is the mean checklist coverage (0 to 1) of the
	// finished sessions; 0 with none.
	AverageCoverage float64 `json:"average_coverage"`
	// Weakest is the rubric line with the lowest mean self-assessed score
	// over the sessions that scored it ("" when none did); WeakestMean is
	// that mean (1 to 4).
	Weakest     string  `json:"weakest_rubric_line"`
	WeakestMean float64 `json:"weakest_rubric_mean"`
}

// mockStats computes MockStats from the stored sessions. A session whose
// state does not read counts as a session but adds no rubric scores.
func mockStats(sessions []store.MockSession) MockStats {
	var ms MockStats
	var sum [NumRubric]int
	var n [NumRubric]int
	var cov float64
	for _, s := range sessions {
		ms.Sessions++
		if s.Finished {
			ms.Finished++
			cov += s.Coverage
		}
		var state struct {
			Rubric [NumRubric]int `json:"rubric"`
		}
		if json.Unmarshal(s.State, &state) != nil {
			continue
		}
		for i, v := range state.Rubric {
			if v > 0 {
				sum[i] += v
				n[i]++
			}
		}
	}
	if ms.Finished > 0 {
		ms.AverageCoverage = cov / float64(ms.Finished)
	}
	for i := range NumRubric {
		if n[i] == 0 {
			continue
		}
		mean := float64(sum[i]) / float64(n[i])
		if ms.Weakest == "" || mean < ms.WeakestMean {
			ms.Weakest, ms.WeakestMean = rubric[i].Name, mean
		}
	}
	return ms
}

// writeMockText writes the mock section of the text report.
func writeMockText(b *strings.Builder, m MockStats) {
	b.WriteString("\nMock interviews\n")
	if m.Sessions == 0 {
		b.WriteString("  none yet: sdprep mock\n")
		return
	}
	fmt.Fprintf(b, "  Sessions     %d (%d finished)\n", m.Sessions, m.Finished)
	if m.Finished > 0 {
		fmt.Fprintf(b, "  Coverage     %s average %s\n", Bar(m.AverageCoverage, barWidth), percent(m.AverageCoverage, 1))
	}
	if m.Weakest != "" {
		fmt.Fprintf(b, "  Weakest      %s (%.1f of 4 on average)\n", m.Weakest, m.WeakestMean)
	}
}

// writeMockMarkdown writes the mock section of the markdown report.
func writeMockMarkdown(b *strings.Builder, m MockStats) {
	b.WriteString("\n## Mock interviews\n\n")
	if m.Sessions == 0 {
		b.WriteString("None yet.\n")
		return
	}
	fmt.Fprintf(b, "| | |\n|---|---|\n| Sessions | %d (%d finished) |\n| Average coverage | %s |\n", m.Sessions, m.Finished, percent(m.AverageCoverage, m.Finished))
	if m.Weakest != "" {
		fmt.Fprintf(b, "| Weakest rubric line | %s (%.1f of 4) |\n", m.Weakest, m.WeakestMean)
	}
}
