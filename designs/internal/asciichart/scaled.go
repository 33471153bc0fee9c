package asciichart

// SparkScaled draws values like Spark but on the fixed scale lo to hi, so
// several sparklines drawn with one scale compare: lo draws '_', hi '@',
// values outside are clamped. hi ≤ lo draws '-' for every value.
func SparkScaled(values []float64, lo, hi float64) string {
	b := make([]byte, len(values))
	for i, v := range values {
		if hi <= lo {
			b[i] = '-'
			continue
		}
		k := int((clamp(v, lo, hi) - lo) / (hi - lo) * float64(len(sparkLevels)-1))
		b[i] = sparkLevels[k]
	}
	return string(b)
}
