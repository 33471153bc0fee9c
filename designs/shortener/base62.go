package shortener

import "math"

// alphabet is the base62 digit set: 0-9, A-Z, a-z. Every character is safe in
// a URL path segment without escaping.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// CodeLength is the length of hash and random codes.
const CodeLength = 7

// CodeSpace is the number of distinct 7-character base62 codes:
// 62^7 = 3,521,614,606,208 (about 3.52 trillion).
const CodeSpace uint64 = 62 * 62 * 62 * 62 * 62 * 62 * 62

// EncodeBase62 returns n in base62 with no padding ("0" for zero).
func EncodeBase62(n uint64) string {
	if n == 0 {
		return "0"
	}
	var buf [11]byte // 62^11 > 2^64
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = alphabet[n%62]
		n /= 62
	}
	return string(buf[i:])
}

// encodeFixed writes n (reduced mod 62^width) as exactly width base62 digits,
// left-padded with '0'.
func encodeFixed(n uint64, width int) string {
	buf := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		buf[i] = alphabet[n%62]
		n /= 62
	}
	return string(buf)
}

// DecodeBase62 is the inverse of EncodeBase62. It reports false for an empty
// string, a character outside the alphabet, or a value that overflows uint64.
func DecodeBase62(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		d := digit(s[i])
		if d < 0 {
			return 0, false
		}
		if n > (math.MaxUint64-uint64(d))/62 {
			return 0, false
		}
		n = n*62 + uint64(d)
	}
	return n, true
}

func digit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 36
	}
	return -1
}
