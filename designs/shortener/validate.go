package shortener

import (
	"fmt"
	"net"
	"net/url"
	"strings"
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

// hostPort is u's host, lower-case and without a trailing dot, and its
// port, the scheme's default when none is given.
func hostPort(u *url.URL) (string, string) {
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
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

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ValidateAlias checks a custom alias: [A-Za-z0-9_-]{3,32} and not reserved.
// Errors wrap ErrInvalidAlias (ErrReservedAlias for reserved words).
func ValidateAlias(alias string) error {
	if n := len(alias); n < MinAliasLength || n > MaxAliasLength {
		return fmt.Errorf("%w: %d characters, want %d to %d", ErrInvalidAlias, n, MinAliasLength, MaxAliasLength)
	}
	for i := 0; i < len(alias); i++ {
		if !aliasChar(alias[i]) {
			return fmt.Errorf("%w: character %q at %d, want A-Z a-z 0-9 _ -", ErrInvalidAlias, alias[i], i)
		}
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
