package shortener

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/sdprep/sdprep/internal/english"
)

// MaxURLLength is the longest long URL accepted, in bytes. 2,048 is the limit
// most browsers, proxies and CDNs handle without trouble.
const MaxURLLength = 2048

// Alias length bounds: a custom alias matches [A-Za-z0-9_-]{3,32}.
const (
	MinAliasLength = 3
	MaxAliasLength = 32
)

// reserved holds words that may not be used as aliases or generated codes,
// because they are (or may become) routes of the server or look official.
// Compared case-insensitively.
var reserved = map[string]bool{
	"admin": true, "api": true, "assets": true, "debug": true,
	"favicon": true, "health": true, "healthz": true, "help": true,
	"login": true, "logout": true, "metrics": true, "readyz": true,
	"robots": true, "signup": true, "static": true, "status": true,
	"www": true,
}

// IsReserved reports whether s is a reserved word (case-insensitive).
func IsReserved(s string) bool {
	if len(s) > 16 { // longer than any reserved word
		return false
	}
	return reserved[strings.ToLower(s)]
}

// ValidateURL checks that raw is an absolute http or https URL with a host,
// at most MaxURLLength bytes, without userinfo (user:pass@) and without
// spaces or control characters. It returns the URL unchanged; errors wrap
// ErrInvalidURL.
func ValidateURL(raw string) (string, error) {
	if raw == "" {
		return "", fmt.Errorf("%w: empty", ErrInvalidURL)
	}
	if len(raw) > MaxURLLength {
		return "", fmt.Errorf("%w: %d bytes, at most %d accepted", ErrInvalidURL, len(raw), MaxURLLength)
	}
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c <= ' ' || c == 0x7f {
			return "", fmt.Errorf("%w: space or control character at byte %d", ErrInvalidURL, i)
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrInvalidURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%w: scheme %q, only http and https accepted", ErrInvalidURL, u.Scheme)
	}
	if u.Opaque != "" {
		return "", fmt.Errorf("%w: not an absolute URL with //host", ErrInvalidURL)
	}
	if u.User != nil {
		return "", fmt.Errorf("%w: credentials (user:password@) are not accepted", ErrInvalidURL)
	}
	if u.Hostname() == "" {
		return "", fmt.Errorf("%w: host required", ErrInvalidURL)
	}
	return raw, nil
}

// CheckNotSelf returns ErrSelfLink when rawURL's host and port are those
// of one of selves: each an absolute base URL ("https://sho.rt") or a
// scheme and Host header pair joined as "http://127.0.0.1:8080". A port
// left out is the scheme's default (80, 443). Host names compare without
// case or a trailing dot, and loopback names (localhost, 127.0.0.0/8, ::1)
// all match each other, since they reach the same machine. A URL that does
// not parse is left to ValidateURL.
func CheckNotSelf(rawURL string, selves ...string) error {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil
	}
	host, port := hostPort(u)
	for _, self := range selves {
		s, err := url.Parse(self)
		if err != nil || s.Host == "" {
			continue
		}
		if h, p := hostPort(s); p == port && sameHost(h, host) {
			return ErrSelfLink
		}
	}
	return nil
}

// hostPort is u's host in canonical form (see canonicalHost) and its
// port, the scheme's default when none is given.
func hostPort(u *url.URL) (string, string) {
	host := canonicalHost(u.Hostname())
	port := u.Port()
	if port == "" {
		port = "80"
		if strings.EqualFold(u.Scheme, "https") {
			port = "443"
		}
	}
	return host, port
}

func sameHost(a, b string) bool {
	return a == b || (isLoopback(a) && isLoopback(b))
}

// isLoopback reports whether a canonical host (see canonicalHost) is a
// loopback name or address.
func isLoopback(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// canonicalHost spells a host the one way browsers and resolvers reach it:
// lower-case, no trailing dot, and IP addresses in standard form. IPv4 may
// be written as inet_aton does (and the WHATWG URL standard, which browsers
// follow): one to four parts, each decimal, hex (0x7f) or octal (0177),
// the last filling the remaining bytes, so 127.1, 2130706433 and
// 0x7f000001 are all 127.0.0.1. IPv4-mapped IPv6 (::ffff:127.0.0.1) is
// written as the IPv4 address; other IPv6 in its compressed form.
func canonicalHost(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if ip := net.ParseIP(host); ip != nil {
		if v4 := ip.To4(); v4 != nil {
			return v4.String()
		}
		return ip.String()
	}
	if v4, ok := parseLooseIPv4(host); ok {
		return v4.String()
	}
	return host
}

// parseLooseIPv4 parses the inet_aton spellings of an IPv4 address
// described at canonicalHost.
func parseLooseIPv4(s string) (net.IP, bool) {
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return nil, false
	}
	var n [4]uint64
	for i, p := range parts {
		v, ok := parseIPv4Part(p)
		if !ok {
			return nil, false
		}
		n[i] = v
	}
	last := len(parts) - 1
	for i := 0; i < last; i++ {
		if n[i] > 0xff {
			return nil, false
		}
	}
	if n[last] >= 1<<(8*(4-last)) {
		return nil, false
	}
	var v uint64
	for i := 0; i < last; i++ {
		v |= n[i] << (8 * (3 - i))
	}
	v |= n[last]
	return net.IPv4(byte(v>>24), byte(v>>16), byte(v>>8), byte(v)).To4(), true
}

// parseIPv4Part reads one part: 0x… hex, 0… octal, else decimal. Values
// beyond 32 bits are refused.
func parseIPv4Part(p string) (uint64, bool) {
	base := uint64(10)
	switch {
	case p == "":
		return 0, false
	case len(p) > 1 && (p[:2] == "0x"):
		base, p = 16, p[2:]
		if p == "" {
			return 0, true // "0x" alone is zero, as in browsers
		}
	case len(p) > 1 && p[0] == '0':
		base, p = 8, p[1:]
	}
	var v uint64
	for i := 0; i < len(p); i++ {
		d := hexDigit(p[i])
		if d < 0 || uint64(d) >= base {
			return 0, false
		}
		v = v*base + uint64(d)
		if v > 0xffffffff {
			return 0, false
		}
	}
	return v, true
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return -1
}

// ValidateAlias checks a custom alias: [A-Za-z0-9_-]{3,32} and not reserved.
// Errors wrap ErrInvalidAlias (ErrReservedAlias for reserved words). A bad
// character is reported as the character (rune) and its 1-based position
// in characters, not bytes.
func ValidateAlias(alias string) error {
	pos := 0
	for _, r := range alias {
		pos++
		if r >= utf8.RuneSelf || !aliasChar(byte(r)) {
			return fmt.Errorf("%w: character %q at position %d, want A-Z a-z 0-9 _ -", ErrInvalidAlias, r, pos)
		}
	}
	if n := len(alias); n < MinAliasLength || n > MaxAliasLength {
		return fmt.Errorf("%w: %s, want %d to %d", ErrInvalidAlias, english.Count(n, "character"), MinAliasLength, MaxAliasLength)
	}
	if IsReserved(alias) {
		return fmt.Errorf("%w: %q", ErrReservedAlias, alias)
	}
	return nil
}

func aliasChar(c byte) bool {
	return digit(c) >= 0 || c == '_' || c == '-'
}

// validCode is the cheap shape check done before any lookup: a code is 1 to
// MaxAliasLength characters of the alias alphabet. Anything else cannot
// exist, so it is a 404 without touching cache or store.
func validCode(code string) bool {
	if len(code) == 0 || len(code) > MaxAliasLength {
		return false
	}
	for i := 0; i < len(code); i++ {
		if !aliasChar(code[i]) {
			return false
		}
	}
	return true
}
