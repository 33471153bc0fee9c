package shortener

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sdprep/sdprep/designs/ratelimit"
	"github.com/sdprep/sdprep/internal/english"
)

// DefaultMaxBodyBytes caps request bodies (8 KiB: a 2,048-byte URL, an
// alias and JSON overhead fit many times over).
const DefaultMaxBodyBytes = 8 << 10

// ServerOptions configures NewServer. The zero value is usable.
type ServerOptions struct {
	// BaseURL prefixes short_url in responses, e.g. "https://sho.rt".
	// Empty means "http://" + the request's Host header.
	BaseURL string
	// Permanent answers redirects with 301 instead of 302. Browsers cache
	// a 301 forever, so later visits skip the server: less load, but no
	// more click counts and no way to change the target.
	Permanent bool
	// Limiter, when non-nil, is asked once per request (except /healthz),
	// keyed by client IP; a denied request gets 429 with Retry-After.
	// A limiter error lets the request through (fail open).
	Limiter ratelimit.Limiter
	// ClientIP extracts the rate-limit key; nil means the host part of
	// RemoteAddr (proxy headers are not trusted by default).
	ClientIP func(*http.Request) string
	// MaxBodyBytes caps request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
}

type server struct {
	svc  *Service
	opts ServerOptions
}

// NewServer returns the shortener's HTTP API:
//
//	POST /api/urls         {"url": "...", "alias": "optional"} → 201 {"code","short_url","url"}
//	GET  /{code}           → 302 (301 if Permanent) to the long URL
//	GET  /api/urls/{code}  → 200 {"code","url","clicks","created_at"}
//	GET  /healthz          → 200 {"status":"ok"}
//
// HEAD works wherever GET does and answers the same status and headers; a
// HEAD of /{code} is not counted as a click.
//
// Every error is JSON {"error": "..."}: 400 invalid input or JSON
// (including a URL that points back at this server: its Host header or
// BaseURL, see CheckNotSelf), 404 unknown code or path, 405 a method the
// path does not take (with Allow), 409 alias taken, 413 body too large,
// 415 not JSON, 429 rate limited, 500 store failure.
func NewServer(svc *Service, opts ServerOptions) http.Handler {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.ClientIP == nil {
		opts.ClientIP = remoteIP
	}
	s := &server{svc: svc, opts: opts}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("POST /api/urls", s.limited(s.create))
	mux.HandleFunc("GET /api/urls/{code}", s.limited(s.stats))
	mux.HandleFunc("GET /{code}", s.limited(s.redirect))
	// Fallbacks, so that every error is JSON: the method-less patterns
	// catch the methods a path does not take (the one-segment pattern also
	// covers /healthz), "/" every other path.
	mux.HandleFunc("/api/urls", methodNotAllowed("POST"))
	mux.HandleFunc("/api/urls/{code}", methodNotAllowed("GET, HEAD"))
	mux.HandleFunc("/{code}", methodNotAllowed("GET, HEAD"))
	mux.HandleFunc("/", notFound)
	return mux
}

// methodNotAllowed answers 405 with the methods the path takes.
func methodNotAllowed(allow string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed on "+r.URL.Path+", want "+allow)
	}
}

// notFound answers 404 for a path the API does not have.
func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "no such path: "+r.URL.Path)
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *server) limited(h http.HandlerFunc) http.HandlerFunc {
	if s.opts.Limiter == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		d, err := s.opts.Limiter.Allow(r.Context(), s.opts.ClientIP(r))
		if err == nil {
			hdr := w.Header()
			hdr.Set("RateLimit-Limit", strconv.Itoa(d.Limit))
			hdr.Set("RateLimit-Remaining", strconv.Itoa(d.Remaining))
			if !d.Allowed {
				hdr.Set("Retry-After", strconv.Itoa(retrySeconds(d.RetryAfter)))
				writeError(w, http.StatusTooManyRequests, "rate limit exceeded, retry in "+english.Count(retrySeconds(d.RetryAfter), "second"))
				return
			}
		}
		h(w, r)
	}
}

// retrySeconds rounds up: Retry-After is whole seconds and must not invite
// a retry that will be rejected again.
func retrySeconds(d time.Duration) int {
	n := int((d + time.Second - 1) / time.Second)
	return max(n, 1)
}

func (s *server) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

type createRequest struct {
	URL   string `json:"url"`
	Alias string `json:"alias,omitempty"`
}

type createResponse struct {
	Code     string `json:"code"`
	ShortURL string `json:"short_url"`
	URL      string `json:"url"`
}

func (s *server) create(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json")
			return
		}
	}
	var req createRequest
	if status, msg := decodeJSON(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes), &req); status != 0 {
		writeError(w, status, msg)
		return
	}
	if req.URL == "" {
		writeError(w, http.StatusBadRequest, `field "url" is required`)
		return
	}
	if err := CheckNotSelf(req.URL, s.selves(r)...); err != nil {
		writeServiceError(w, err)
		return
	}
	res, err := s.svc.Shorten(r.Context(), req.URL, req.Alias)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	status := http.StatusCreated
	if res.Existing {
		status = http.StatusOK // Hash strategy: same URL, same code, nothing new
	}
	writeJSON(w, status, createResponse{Code: res.Link.Code, ShortURL: s.base(r) + "/" + res.Link.Code, URL: res.Link.URL})
}

// decodeJSON reads exactly one JSON object; it returns 0 on success or the
// status and message to send.
func decodeJSON(body io.Reader, v any) (int, string) {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if dec.Decode(&struct{}{}) != io.EOF {
			return http.StatusBadRequest, "body must be a single JSON object"
		}
		return 0, ""
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return http.StatusRequestEntityTooLarge, "body larger than " + strconv.FormatInt(tooBig.Limit, 10) + " bytes"
	}
	if errors.Is(err, io.EOF) {
		return http.StatusBadRequest, "empty body, want a JSON object"
	}
	return http.StatusBadRequest, "bad JSON: " + err.Error()
}

func (s *server) base(r *http.Request) string {
	if s.opts.BaseURL != "" {
		return strings.TrimSuffix(s.opts.BaseURL, "/")
	}
	return requestBase(r)
}

// requestBase is the scheme and Host header the request came in on.
func requestBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// selves are the addresses this server is known by: the Host header of
// the request and, when set, BaseURL.
func (s *server) selves(r *http.Request) []string {
	out := []string{requestBase(r)}
	if s.opts.BaseURL != "" {
		out = append(out, s.opts.BaseURL)
	}
	return out
}

// redirect is the hot path: no JSON, no body, one cache lookup. A HEAD
// gets the same answer but records no click.
func (s *server) redirect(w http.ResponseWriter, r *http.Request) {
	resolve := s.svc.Resolve
	if r.Method == http.MethodHead {
		resolve = s.svc.Target
	}
	target, err := resolve(r.Context(), r.PathValue("code"))
	if err != nil {
		writeServiceError(w, err)
		return
	}
	hdr := w.Header()
	hdr["Location"] = []string{target}
	if s.opts.Permanent {
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	hdr["Cache-Control"] = []string{"private, max-age=0"}
	w.WriteHeader(http.StatusFound)
}

type statsResponse struct {
	Code      string    `json:"code"`
	URL       string    `json:"url"`
	Clicks    int64     `json:"clicks"`
	CreatedAt time.Time `json:"created_at"`
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {
	l, err := s.svc.Lookup(r.Context(), r.PathValue("code"))
	if err != nil {
		writeServiceError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, statsResponse{Code: l.Code, URL: l.URL, Clicks: l.Clicks, CreatedAt: l.CreatedAt})
}

// statusOf maps the package's named errors to HTTP status codes.
func statusOf(err error) int {
	switch {
	case errors.Is(err, ErrInvalidURL), errors.Is(err, ErrInvalidAlias):
		return http.StatusBadRequest
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrAliasTaken):
		return http.StatusConflict
	case errors.Is(err, ErrExhausted):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func writeServiceError(w http.ResponseWriter, err error) {
	status := statusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		msg = "internal error" // do not leak store details
	}
	writeError(w, status, msg)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
