package drills

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/sdprep/sdprep/internal/english"
)

// barWidth is the width of the bars of the text report.
const barWidth = 20

// heatLevels are the heatmap's cells, from no reviews to the busiest day.
var heatLevels = []string{"·", "░", "▒", "▓", "█"}

// WriteStatsText prints s as the text report of `sdprep stats`: totals,
// a 30-day heatmap strip and a bar per topic and per quantity. Lines fit
// in 80 columns.
func WriteStatsText(w io.Writer, s *Stats) error {
	var b strings.Builder
	c := s.Cards
	b.WriteString("Flashcards\n")
	fmt.Fprintf(&b, "  Due today    %-6d next 7 days  %-6d (seen cards; new ones come on top)\n", c.DueToday, c.DueWeek)
	fmt.Fprintf(&b, "  Seen         %d of %d cards", c.Seen, c.Total)
	if c.Retired > 0 {
		fmt.Fprintf(&b, " (%d retired)", c.Retired)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "  Retention    %s of %d reviews not rated Again\n", percent(s.Reviews.Retention, s.Reviews.Total), s.Reviews.Total)
	fmt.Fprintf(&b, "  Streak       %s\n", plural(s.StreakDays, "day"))

	first, last := s.Heatmap[0].Date, s.Heatmap[len(s.Heatmap)-1].Date
	fmt.Fprintf(&b, "\nReviews, last %d days (%s to %s)\n  %s\n", len(s.Heatmap), first, last, HeatmapStrip(s.Heatmap))
	fmt.Fprintf(&b, "  less %s more; busiest day %d\n", strings.Join(heatLevels, " "), maxReviews(s.Heatmap))

	b.WriteString("\nQuiz accuracy by topic\n")
	if s.Quiz.Answered == 0 {
		b.WriteString("  no quiz answers yet: sdprep drill quiz\n")
	}
	for _, t := range s.Topics {
		if t.QuizAnswered > 0 {
			fmt.Fprintf(&b, "  %-30s %s %4s  %d/%d\n", clip(t.Topic, 30), Bar(t.QuizAccuracy, barWidth), percent(t.QuizAccuracy, 1), t.QuizCorrect, t.QuizAnswered)
		}
	}
	if s.Quiz.Answered > 0 {
		fmt.Fprintf(&b, "  %-30s %s %4s  %d/%d\n", "all", Bar(s.Quiz.Accuracy, barWidth), percent(s.Quiz.Accuracy, 1), s.Quiz.Correct, s.Quiz.Answered)
	}

	b.WriteString("\nCards seen by topic\n")
	seen := 0
	for _, t := range s.Topics {
		if t.CardsSeen > 0 {
			seen++
			frac := float64(t.CardsSeen) / float64(max(t.Cards, 1))
			fmt.Fprintf(&b, "  %-30s %s %d/%d\n", clip(t.Topic, 30), Bar(frac, barWidth), t.CardsSeen, t.Cards)
		}
	}
	if seen == 0 {
		b.WriteString("  no cards reviewed yet: sdprep drill cards\n")
	}

	b.WriteString("\nEstimation drills within 2× of the truth\n")
	if s.Estimation.Attempts == 0 {
		b.WriteString("  no drills yet: sdprep drill estimate\n")
	}
	for _, q := range s.Estimation.ByQuantity {
		fmt.Fprintf(&b, "  %-16s %s %4s  %d/%d, typically off by ×%.1f\n", clip(q.Quantity, 16), Bar(q.Accuracy, barWidth), percent(q.Accuracy, 1), q.Passed, q.Attempts, math.Pow(10, q.MeanError))
	}
	writeMockText(&b, s.Mock)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteStatsMarkdown prints s as Markdown tables, for notes.
func WriteStatsMarkdown(w io.Writer, s *Stats) error {
	var b strings.Builder
	c := s.Cards
	b.WriteString("# sdprep progress\n\n| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Cards due today | %d |\n| Cards due in the next 7 days | %d |\n", c.DueToday, c.DueWeek)
	fmt.Fprintf(&b, "| Cards seen | %d of %d |\n| Retired cards | %d |\n", c.Seen, c.Total, c.Retired)
	fmt.Fprintf(&b, "| Retention | %s of %d reviews |\n| Streak | %s |\n", percent(s.Reviews.Retention, s.Reviews.Total), s.Reviews.Total, plural(s.StreakDays, "day"))
	fmt.Fprintf(&b, "\n## Reviews, last %d days\n\n```\n%s\n```\n\n%s to %s; busiest day %d reviews.\n",
		len(s.Heatmap), HeatmapStrip(s.Heatmap), s.Heatmap[0].Date, s.Heatmap[len(s.Heatmap)-1].Date, maxReviews(s.Heatmap))
	b.WriteString("\n## By topic\n\n| Topic | Cards seen | Quiz correct | Quiz accuracy |\n|---|---|---|---|\n")
	for _, t := range s.Topics {
		fmt.Fprintf(&b, "| %s | %d/%d | %d/%d | %s |\n", t.Topic, t.CardsSeen, t.Cards, t.QuizCorrect, t.QuizAnswered, percent(t.QuizAccuracy, t.QuizAnswered))
	}
	b.WriteString("\n## Estimation drills\n\n| Quantity | Within 2× | Accuracy | Mean error (log10) |\n|---|---|---|---|\n")
	for _, q := range s.Estimation.ByQuantity {
		fmt.Fprintf(&b, "| %s | %d/%d | %s | %.2f |\n", q.Quantity, q.Passed, q.Attempts, percent(q.Accuracy, 1), q.MeanError)
	}
	writeMockMarkdown(&b, s.Mock)
	_, err := io.WriteString(w, b.String())
	return err
}

// HeatmapStrip renders days as one cell per day, shaded by the share of
// the busiest day's count: · none, then ░ ▒ ▓ █ by quarters.
func HeatmapStrip(days []DayCount) string {
	top := maxReviews(days)
	var b strings.Builder
	for _, d := range days {
		level := 0
		if d.Reviews > 0 {
			level = int(math.Ceil(4 * float64(d.Reviews) / float64(top)))
		}
		b.WriteString(heatLevels[level])
	}
	return b.String()
}

// Bar renders a fraction (clamped to 0–1) as a bar of width cells.
func Bar(frac float64, width int) string {
	n := int(math.Round(math.Max(0, math.Min(1, frac)) * float64(width)))
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}

func maxReviews(days []DayCount) int {
	top := 0
	for _, d := range days {
		top = max(top, d.Reviews)
	}
	return top
}

// percent renders a fraction as "87%", or "–" when it rests on no data.
func percent(frac float64, of int) string {
	if of == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", frac*100)
}

func plural(n int, word string) string { return english.Count(n, word) }

// clip cuts s to n runes, marking a cut with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
