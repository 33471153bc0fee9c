package asciichart

import "testing"

func TestSparkScaled(t *testing.T) {
	if got := SparkScaled([]float64{0, 50, 100, 150, -5}, 0, 100); got != "_=@@_" {
		t.Errorf("SparkScaled = %q", got)
	}
	// The same values on a wider scale draw lower than Spark's own range.
	if a, b := Spark([]float64{1, 2}), SparkScaled([]float64{1, 2}, 0, 10); a != "_@" || b != "_." {
		t.Errorf("Spark %q, SparkScaled %q", a, b)
	}
	if got := SparkScaled([]float64{3}, 1, 1); got != "-" {
		t.Errorf("empty scale: %q", got)
	}
}
