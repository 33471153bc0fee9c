package shortener

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestValidateURL(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", MaxURLLength-len("https://example.com/"))
	tests := []struct {
		in string
		ok bool
	}{
		{"https://example.com", true},
		{"http://example.com/a/b?q=1#frag", true},
		{"HTTPS://Example.COM/x", true},
		{"http://127.0.0.1:8080/path", true},
		{"http://[::1]:80/", true},
		{"https://bücher.example/straße", true},
		{long, true},
		{long + "a", false},
		{"", false},
		{"javascript:alert(1)", false},
		{"data:text/html,<b>hi</b>", false},
		{"ftp://example.com/file", false},
		{"/relative/path", false},
		{"example.com", false},
		{"//example.com/x", false},
		{"http:///x", false},
		{"http://:80/x", false},
		{"http:example.com", false},
		{"https://user:pass@example.com/", false},
		{"https://user@example.com/", false},
		{"https://example.com/a b", false},
		{" https://example.com", false},
		{"https://example.com/\r\nLocation: evil", false},
		{"https://example.com/\x00", false},
		{"https://example.com/\x7f", false},
		{"https://example.com:port/", false},
		{"https://exa%mple.com/", false},
	}
	for _, tt := range tests {
		got, err := ValidateURL(tt.in)
		if tt.ok {
			if err != nil || got != tt.in {
				t.Errorf("ValidateURL(%.40q) = %q, %v; want accepted", tt.in, got, err)
			}
			continue
		}
		if !errors.Is(err, ErrInvalidURL) {
			t.Errorf("ValidateURL(%.40q) error = %v; want ErrInvalidURL", tt.in, err)
		}
	}
}

func TestValidateAlias(t *testing.T) {
	tests := []struct {
		in       string
		wantErr  error
		reserved bool
	}{
		{"abc", nil, false},
		{"my-link_2024", nil, false},
		{strings.Repeat("x", 32), nil, false},
		{"ab", ErrInvalidAlias, false},
		{strings.Repeat("x", 33), ErrInvalidAlias, false},
		{"has space", ErrInvalidAlias, false},
		{"slash/x", ErrInvalidAlias, false},
		{"dot.x", ErrInvalidAlias, false},
		{"ünï", ErrInvalidAlias, false},
		{"api", ErrInvalidAlias, true},
		{"API", ErrInvalidAlias, true},
		{"Healthz", ErrInvalidAlias, true},
		{"static", ErrInvalidAlias, true},
		{"admin", ErrInvalidAlias, true},
	}
	for _, tt := range tests {
		err := ValidateAlias(tt.in)
		if tt.wantErr == nil {
			if err != nil {
				t.Errorf("ValidateAlias(%q) = %v; want nil", tt.in, err)
			}
			continue
		}
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("ValidateAlias(%q) = %v; want %v", tt.in, err, tt.wantErr)
		}
		if got := errors.Is(err, ErrReservedAlias); got != tt.reserved {
			t.Errorf("ValidateAlias(%q): errors.Is(ErrReservedAlias) = %v; want %v", tt.in, got, tt.reserved)
		}
	}
}

func FuzzValidateURL(f *testing.F) {
	for _, s := range []string{
		"https://example.com", "http://a/b?c#d", "javascript:alert(1)", "http:///x",
		"https://u:p@h/", "data:,x", "http://[::1]:0/", "HTTP://H", "http://h:99999999999/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := ValidateURL(raw)
		if err != nil {
			if !errors.Is(err, ErrInvalidURL) {
				t.Fatalf("error %v does not wrap ErrInvalidURL", err)
			}
			return
		}
		if got != raw || len(got) > MaxURLLength {
			t.Fatalf("accepted %q as %q (len %d)", raw, got, len(got))
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("accepted %q does not re-parse: %v", got, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Hostname() == "" || u.User != nil {
			t.Fatalf("accepted %q: scheme %q host %q user %v", got, u.Scheme, u.Hostname(), u.User)
		}
		if strings.ContainsAny(got, " \r\n\t\x00") {
			t.Fatalf("accepted %q with whitespace or control characters", got)
		}
	})
}

func FuzzValidateAlias(f *testing.F) {
	for _, s := range []string{"abc", "api", "a", "my_link-1", "x y", "ÄÖÜ", "healthz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, alias string) {
		err := ValidateAlias(alias)
		if err != nil {
			if !errors.Is(err, ErrInvalidAlias) {
				t.Fatalf("error %v does not wrap ErrInvalidAlias", err)
			}
			return
		}
		if len(alias) < MinAliasLength || len(alias) > MaxAliasLength || IsReserved(alias) || !validCode(alias) {
			t.Fatalf("accepted bad alias %q", alias)
		}
	})
}

// Alias errors name the character (a rune, not a byte) and its position
// in characters, and count characters with the right plural.
func TestValidateAliasMessages(t *testing.T) {
	for in, want := range map[string]string{
		"emoji😀x": `invalid alias: character '😀' at position 6, want A-Z a-z 0-9 _ -`,
		"ünï":     `invalid alias: character 'ü' at position 1, want A-Z a-z 0-9 _ -`,
		"a":       `invalid alias: 1 character, want 3 to 32`,
		"ab":      `invalid alias: 2 characters, want 3 to 32`,
	} {
		if err := ValidateAlias(in); err == nil || err.Error() != want {
			t.Errorf("ValidateAlias(%q) = %v; want %q", in, err, want)
		}
	}
}

func TestCanonicalHost(t *testing.T) {
	for in, want := range map[string]string{
		"127.1": "127.0.0.1", "0x7f000001": "127.0.0.1", "0X7F.1": "127.0.0.1", "2130706433": "127.0.0.1",
		"0177.0.0.01": "127.0.0.1", "::1": "::1", "[::1]": "::1", "::ffff:7f00:1": "127.0.0.1",
		"Example.COM.": "example.com", "256.1.1.1": "256.1.1.1", "1.2.65535": "1.2.255.255",
		"1.2.65536": "1.2.65536", "4294967295": "255.255.255.255", "4294967296": "4294967296", "0x": "0.0.0.0",
	} {
		if got := canonicalHost(in); got != want {
			t.Errorf("canonicalHost(%q) = %q; want %q", in, got, want)
		}
	}
}

// FuzzCheckNotSelf: any spelling that canonicalises to the server's own
// address is refused, and the check never panics.
func FuzzCheckNotSelf(f *testing.F) {
	for _, h := range []string{"127.1", "0x7f000001", "2130706433", "0177.0.0.1", "[::1]", "[::ffff:127.0.0.1]",
		"localhost", "example.com", "10.0.0.5", "0x0a000005", "1.2.3.4.5", "[::ffff:7f00:1]", "08.1"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, host string) {
		raw := "http://" + host + ":8080/x"
		err := CheckNotSelf(raw, "http://127.0.0.1:8080")
		u, perr := url.Parse(raw)
		if perr != nil || u.Host == "" {
			return
		}
		if canonical := canonicalHost(u.Hostname()); isLoopback(canonical) && u.Port() == "8080" && err == nil {
			t.Fatalf("%q is loopback (%q) on the same port but was not refused", raw, canonical)
		}
	})
}

func TestCheckNotSelf(t *testing.T) {
	tests := []struct {
		url    string
		selves []string
		self   bool
	}{
		{"http://127.0.0.1:8080/go-docs", []string{"http://127.0.0.1:8080"}, true},
		{"http://localhost:8080/x", []string{"http://127.0.0.1:8080"}, true}, // loopback names alike
		{"http://[::1]:8080/x", []string{"http://localhost:8080"}, true},
		{"HTTP://Sho.RT./abc", []string{"http://sho.rt"}, true}, // case, trailing dot, default port
		{"https://sho.rt/abc", []string{"http://127.0.0.1:8080", "https://sho.rt/"}, true},
		{"https://sho.rt:443/abc", []string{"https://sho.rt"}, true},
		{"http://127.0.0.1:8081/x", []string{"http://127.0.0.1:8080"}, false}, // another port, another server
		{"http://sho.rt/abc", []string{"https://sho.rt"}, false},              // port 80, not 443
		{"https://example.com/", []string{"http://example.com"}, false},
		{"https://sho.rt.example/", []string{"https://sho.rt"}, false},
		{"http://127.0.0.1:8080/x", nil, false},
		{"not a url %zz", []string{"http://127.0.0.1:8080"}, false}, // left to ValidateURL
		// Other spellings of the same IP address.
		{"http://127.1:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://0x7f000001:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://2130706433:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://0177.0.0.1:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://127.0.1:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://[::ffff:127.0.0.1]:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://[0:0:0:0:0:0:0:1]:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://0x0a.0x00.0x00.0x05/x", []string{"http://10.0.0.5"}, true},
		{"http://167772165/x", []string{"http://10.0.0.5"}, true},
		{"http://[::ffff:10.0.0.5]/x", []string{"http://10.0.0.5"}, true},
		{"http://app.localhost:8080/x", []string{"http://127.0.0.1:8080"}, true},
		{"http://10.0.0.6/x", []string{"http://10.0.0.5"}, false},
		{"http://0x7f000001:8081/x", []string{"http://127.0.0.1:8080"}, false}, // another port
		{"http://08.0.0.1/x", []string{"http://8.0.0.1"}, false},               // 08 is not octal: a name
		{"http://1.2.3.4.5/x", []string{"http://1.2.3.4"}, false},
	}
	for _, tt := range tests {
		err := CheckNotSelf(tt.url, tt.selves...)
		if got := err != nil; got != tt.self {
			t.Errorf("CheckNotSelf(%q, %q) = %v; want self %v", tt.url, tt.selves, err, tt.self)
			continue
		}
		if err != nil && (!errors.Is(err, ErrSelfLink) || !errors.Is(err, ErrInvalidURL) || err.Error() != "invalid url: points back at this shortener") {
			t.Errorf("CheckNotSelf(%q) error %q does not wrap ErrSelfLink and ErrInvalidURL", tt.url, err)
		}
	}
}
