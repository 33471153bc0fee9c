package estimate

import (
	"math"
	"strconv"
	"strings"

	"github.com/dustin/go-humanize"
)

// FormatCount renders a count the way interviews write it: one decimal
// and a K/M/B/T suffix ("6.9K", "694.4K", "12.2B"). Values below 1,000
// keep up to one decimal ("40", "3.5").
func FormatCount(v float64) string {
	return scaled(v, 1000, []string{"", "K", "M", "B", "T", "Q"}, "")
}

// FormatBytes renders a byte count with decimal (KB, MB …) or binary
// (KiB, MiB …) units and one decimal: "168 GB", "12.2 TB", "1.5 GiB".
func FormatBytes(v float64, binary bool) string {
	if binary {
		return scaled(v, 1024, []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}, " ")
	}
	return scaled(v, 1000, []string{"B", "KB", "MB", "GB", "TB", "PB", "EB"}, " ")
}

// FormatBits renders a bit rate: "5.6 Gbps".
func FormatBits(bitsPerSec float64) string {
	return scaled(bitsPerSec, 1000, []string{"bps", "Kbps", "Mbps", "Gbps", "Tbps", "Pbps"}, " ")
}

// FormatPlain renders a number with thousands separators and at most one
// decimal ("86,400", "1,825", "2.5").
func FormatPlain(v float64) string {
	if math.Abs(v) >= 1e15 {
		return FormatCount(v)
	}
	r := roundTo(v, 1)
	whole, frac := math.Modf(math.Abs(r))
	s := humanize.Comma(int64(whole))
	if d := int64(math.Round(frac * 10)); d > 0 {
		s += "." + strconv.FormatInt(d, 10)
	}
	if r < 0 {
		s = "-" + s
	}
	return s
}

// FormatPercent renders a fraction as a percent ("10%", "0.5%").
func FormatPercent(f float64) string {
	return trimZero(strconv.FormatFloat(roundTo(f*100, 2), 'f', -1, 64)) + "%"
}

func scaled(v float64, base float64, units []string, sep string) string {
	return scaledN(v, base, units, sep, 1)
}

// formatBytesN is FormatBytes with up to digits decimals.
func formatBytesN(v float64, binary bool, digits int) string {
	if binary {
		return scaledN(v, 1024, []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}, " ", digits)
	}
	return scaledN(v, 1000, []string{"B", "KB", "MB", "GB", "TB", "PB", "EB"}, " ", digits)
}

func scaledN(v float64, base float64, units []string, sep string, digits int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	neg := v < 0
	v = math.Abs(v)
	i := 0
	for i < len(units)-1 && roundTo(v, digits) >= base {
		v /= base
		i++
	}
	s := trimZero(strconv.FormatFloat(roundTo(v, digits), 'f', digits, 64))
	if neg {
		s = "-" + s
	}
	if units[i] == "" {
		return s
	}
	return s + sep + units[i]
}

func roundTo(v float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}

func trimZero(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}
