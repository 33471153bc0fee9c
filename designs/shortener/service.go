package shortener

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// Defaults for zero Config fields.
const (
	DefaultMaxAttempts   = 8
	DefaultCacheSize     = 10_000
	DefaultClickBuffer   = 4096
	DefaultClickBatch    = 256
	DefaultFlushInterval = time.Second
)

// Config tunes a Service. The zero value is usable: Counter strategy,
// seed 0, no salt, and the defaults above.
type Config struct {
	// Strategy picks codes for links created without an alias.
	Strategy Strategy
	// Seed seeds the Random strategy; the same seed gives the same codes.
	Seed uint64
	// Salt is mixed into the Hash strategy so codes are not predictable
	// from the URL alone by someone who does not know the salt.
	Salt string
	// MaxAttempts bounds the tries per Shorten before ErrExhausted.
	MaxAttempts int
	// CacheSize is the LRU capacity in links (code → URL).
	CacheSize int
	// ClickBuffer is the capacity of the click channel; a click arriving
	// when it is full is dropped (and counted) rather than slowing the
	// redirect.
	ClickBuffer int
	// ClickBatch flushes clicks to the store once this many are pending.
	ClickBatch int
	// FlushInterval flushes pending clicks at least this often.
	FlushInterval time.Duration
	// FlushTick, when non-nil, replaces the FlushInterval ticker: each
	// value received flushes what is pending. Tests use it to drive
	// flushes without real time.
	FlushTick <-chan time.Time
	// OnFlush, when non-nil, is called by the click writer after each
	// batch is written (or fails).
	OnFlush func(FlushReport)
	// Now is the clock for CreatedAt; nil means time.Now.
	Now func() time.Time
}

func (c Config) withDefaults() Config {
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.CacheSize <= 0 {
		c.CacheSize = DefaultCacheSize
	}
	if c.ClickBuffer <= 0 {
		c.ClickBuffer = DefaultClickBuffer
	}
	if c.ClickBatch <= 0 {
		c.ClickBatch = DefaultClickBatch
	}
	if c.FlushInterval <= 0 {
		c.FlushInterval = DefaultFlushInterval
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Service is the URL shortener: it creates links in a Store, resolves codes
// through an LRU cache in front of the store (cache-aside) and records
// clicks asynchronously. Safe for concurrent use.
type Service struct {
	store  Store
	cfg    Config
	cache  *LRU[string, string]
	random *randomCodes
	clicks *clickRecorder

	cacheHits, cacheMisses, storeReads       atomic.Int64
	shortens, attempts, collisions, existing atomic.Int64
}

// NewService starts a service on store; call Close to flush clicks. The
// service does not own the store: close it after the service.
func NewService(store Store, cfg Config) *Service {
	cfg = cfg.withDefaults()
	return &Service{
		store:  store,
		cfg:    cfg,
		cache:  NewLRU[string, string](cfg.CacheSize),
		random: newRandomCodes(cfg.Seed),
		clicks: newClickRecorder(store, cfg),
	}
}

// ShortenResult is the outcome of one Shorten call.
type ShortenResult struct {
	// Link is the created (or, for Hash, the existing) link.
	Link Link
	// Strategy is the strategy used; meaningless when Alias is true.
	Strategy Strategy
	// Alias is true when the caller chose the code.
	Alias bool
	// Attempts is how many codes were tried (1 = no collision).
	Attempts int
	// Existing is true when the Hash strategy found the same URL already
	// stored under its code and returned that link instead of a new one.
	Existing bool
}

// Shorten validates rawURL and stores a new link for it, under alias when
// alias is non-empty, otherwise under a code from the configured strategy.
// When it returns without error the link is committed to the store.
func (s *Service) Shorten(ctx context.Context, rawURL, alias string) (ShortenResult, error) {
	return s.shorten(ctx, s.cfg.Strategy, rawURL, alias)
}

// shorten is Shorten with the strategy given (see ShortenWith).
func (s *Service) shorten(ctx context.Context, st Strategy, rawURL, alias string) (ShortenResult, error) {
	if _, err := ValidateURL(rawURL); err != nil {
		return ShortenResult{}, err
	}
	s.shortens.Add(1)
	if alias != "" {
		return s.shortenAlias(ctx, st, rawURL, alias)
	}
	res := ShortenResult{Strategy: st}
	for res.Attempts < s.cfg.MaxAttempts {
		res.Attempts++
		s.attempts.Add(1)
		code, err := s.candidate(ctx, st, rawURL, res.Attempts-1)
		if err != nil {
			return res, err
		}
		if IsReserved(code) {
			s.collisions.Add(1)
			continue
		}
		l := Link{Code: code, URL: rawURL, CreatedAt: s.cfg.Now().UTC()}
		err = s.store.Create(ctx, l)
		if err == nil {
			res.Link = l
			return res, nil
		}
		if !errors.Is(err, ErrCodeTaken) {
			return res, fmt.Errorf("shorten: %w", err)
		}
		if st == Hash {
			s.storeReads.Add(1)
			prev, err := s.store.Get(ctx, code)
			if err == nil && prev.URL == rawURL {
				s.existing.Add(1)
				res.Link, res.Existing = prev, true
				return res, nil
			}
		}
		s.collisions.Add(1)
	}
	return res, fmt.Errorf("shorten with %s after %d attempts: %w", st, res.Attempts, ErrExhausted)
}

// candidate returns the code to try on the given attempt (0-based).
func (s *Service) candidate(ctx context.Context, st Strategy, rawURL string, attempt int) (string, error) {
	switch st {
	case Hash:
		return HashCode(s.cfg.Salt, rawURL, attempt), nil
	case Random:
		return s.random.next(), nil
	case Counter:
		id, err := s.store.NextID(ctx)
		if err != nil {
			return "", fmt.Errorf("next id: %w", err)
		}
		return EncodeBase62(id), nil
	}
	return "", fmt.Errorf("%w: %v", ErrInvalidStrategy, st)
}

func (s *Service) shortenAlias(ctx context.Context, st Strategy, rawURL, alias string) (ShortenResult, error) {
	res := ShortenResult{Strategy: st, Alias: true, Attempts: 1}
	s.attempts.Add(1)
	if err := ValidateAlias(alias); err != nil {
		return res, err
	}
	l := Link{Code: alias, URL: rawURL, CreatedAt: s.cfg.Now().UTC()}
	if err := s.store.Create(ctx, l); err != nil {
		if errors.Is(err, ErrCodeTaken) {
			return res, fmt.Errorf("%w: %q", ErrAliasTaken, alias)
		}
		return res, fmt.Errorf("shorten: %w", err)
	}
	res.Link = l
	return res, nil
}

// Resolve returns the long URL of code and records a click. A cache hit
// does not touch the store; a miss reads the store and fills the cache.
func (s *Service) Resolve(ctx context.Context, code string) (string, error) {
	tr, err := s.resolve(ctx, code, true)
	return tr.URL, err
}

// Target is Resolve without the click: the long URL of code, from the cache
// or the store. It serves HEAD requests, which check a link without
// following it and so are not clicks.
func (s *Service) Target(ctx context.Context, code string) (string, error) {
	tr, err := s.resolve(ctx, code, false)
	return tr.URL, err
}

// resolve is Resolve, reporting each step in a Trace (see ResolveTraced);
// it records a click only when click is true.
func (s *Service) resolve(ctx context.Context, code string, click bool) (Trace, error) {
	tr, err := s.lookupURL(ctx, code)
	if err != nil || !click {
		return tr, err
	}
	return s.click(code, tr), nil
}

// lookupURL finds code's long URL in the cache, else in the store (filling
// the cache).
func (s *Service) lookupURL(ctx context.Context, code string) (Trace, error) {
	if !validCode(code) {
		return Trace{}, fmt.Errorf("%w: %q", ErrNotFound, code)
	}
	if u, ok := s.cache.Get(code); ok {
		s.cacheHits.Add(1)
		return Trace{URL: u, CacheHit: true}, nil
	}
	s.cacheMisses.Add(1)
	s.storeReads.Add(1)
	l, err := s.store.Get(ctx, code)
	if err != nil {
		return Trace{StoreRead: true}, err
	}
	evicted := s.cache.Add(code, l.URL)
	return Trace{URL: l.URL, StoreRead: true, Evicted: evicted}, nil
}

// Lookup returns the stored link, with its click count, straight from the
// store (not the cache), and records no click.
func (s *Service) Lookup(ctx context.Context, code string) (Link, error) {
	if !validCode(code) {
		return Link{}, fmt.Errorf("%w: %q", ErrNotFound, code)
	}
	s.storeReads.Add(1)
	return s.store.Get(ctx, code)
}

// Stats are running counters, for the lab view and tests.
type Stats struct {
	CacheHits     int64 `json:"cache_hits"`     // Resolve served from the LRU
	CacheMisses   int64 `json:"cache_misses"`   // Resolve that had to read the store
	StoreReads    int64 `json:"store_reads"`    // Store.Get calls made by the service
	CacheLen      int   `json:"cache_len"`      // links currently cached
	QueueDepth    int   `json:"queue_depth"`    // clicks waiting in the channel
	ClicksQueued  int64 `json:"clicks_queued"`  // clicks accepted into the channel
	ClicksDropped int64 `json:"clicks_dropped"` // clicks dropped (channel full or service closed)
	ClicksFlushed int64 `json:"clicks_flushed"` // clicks written to the store
	Flushes       int64 `json:"flushes"`        // AddClicks batches attempted
	FlushErrors   int64 `json:"flush_errors"`   // batches the store rejected (their clicks are lost)
	Shortens      int64 `json:"shortens"`       // Shorten calls with a valid URL
	Attempts      int64 `json:"attempts"`       // codes tried by those calls
	Collisions    int64 `json:"collisions"`     // tries that hit an existing or reserved code
	Existing      int64 `json:"existing"`       // Hash shortens answered with the existing link
}

// Stats returns a snapshot of the counters.
func (s *Service) Stats() Stats {
	c := s.clicks
	return Stats{
		CacheHits:     s.cacheHits.Load(),
		CacheMisses:   s.cacheMisses.Load(),
		StoreReads:    s.storeReads.Load(),
		CacheLen:      s.cache.Len(),
		QueueDepth:    c.depth(),
		ClicksQueued:  c.queued.Load(),
		ClicksDropped: c.dropped.Load(),
		ClicksFlushed: c.flushed.Load(),
		Flushes:       c.flushes.Load(),
		FlushErrors:   c.flushErrors.Load(),
		Shortens:      s.shortens.Load(),
		Attempts:      s.attempts.Load(),
		Collisions:    s.collisions.Load(),
		Existing:      s.existing.Load(),
	}
}

// Close stops recording clicks, writes every queued click to the store and
// waits for that write. It returns the store's error from that final write
// (wrapped), so a caller learns that the last clicks were lost. It does not
// close the store. Safe to call twice.
func (s *Service) Close() error {
	if err := s.clicks.close(); err != nil {
		return fmt.Errorf("shortener: writing the last clicks: %w", err)
	}
	return nil
}
