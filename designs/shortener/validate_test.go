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
