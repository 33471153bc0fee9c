package labkit

import "strings"

// MaxPool shrinks values to at most n points, each the largest of its
// group, so a timeline keeps its peaks when drawn narrower.
func MaxPool(values []int, n int) []float64 {
	n = max(1, min(n, len(values)))
	out := make([]float64, n)
	for i, v := range values {
		j := i * n / len(values)
		out[j] = max(out[j], float64(v))
	}
	return out
}

// TableLines renders t as text and returns its lines.
func TableLines(t Table) []string {
	var b strings.Builder
	_ = t.Text(&b) // a strings.Builder does not fail
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}
