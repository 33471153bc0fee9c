package cmd

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sdprep/sdprep/designs/ratelimit"
	"github.com/sdprep/sdprep/designs/shortener"
	"github.com/sdprep/sdprep/tui"
)

// LabShortenerOptions are the inputs of `sdprep lab shortener`, as typed.
type LabShortenerOptions struct {
	IO *IOStreams
	// DataDir holds the default SQLite file.
	DataDir string

	Serve     bool
	Addr      string
	Store     string
	DB        string
	Memory    bool
	Permanent bool
	Strategy  string
	Seed      uint64
	Rate      string
	BaseURL   string

	// Set holds the names of the flags given on the command line.
	Set map[string]bool
	// Interactive opens the TUI page (a terminal, no --serve).
	Interactive bool

	// onListen, when set (tests), is called with the address to dial.
	onListen func(addr string)
}

// NewCmdLabShortener builds `sdprep lab shortener`. runF replaces the run
// function in tests.
func NewCmdLabShortener(f *Factory, runF func(*LabShortenerOptions) error) *cobra.Command {
	opts := &LabShortenerOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "shortener",
		Short: "Shortener lab: shorten, resolve and load-test a real URL shortener",
		Long: `A working URL shortener: base62 codes from a counter, a hash or random
draws, custom aliases, a cache-aside LRU in front of the store and click
counts written in batches.

On a terminal, the interactive lab opens on the chosen store: shorten and
resolve URLs and watch the strategy, cache hits and misses, store reads and
the click queue.

--serve runs the HTTP API on --addr (127.0.0.1:8080):
  POST /api/urls        {"url": "https://…", "alias": "optional"} → 201
                        (400 for a URL that points back at this server)
  GET  /{code}          → 302 to the long URL (301 with --permanent)
  GET  /api/urls/{code} → clicks and creation time
  GET  /healthz
Ctrl-C stops it gracefully: in-flight requests finish and queued clicks are
written before it exits.

--store sqlite (the default) keeps links in --db, by default shortener.db in
the data directory; --store memory (or --memory) forgets them on exit;
--store redis://host:port/db shares them between servers.

--rate limits each client address with a token bucket (burst = the limit)
kept in this process, answering 429 with Retry-After; off by default.

--seed seeds the random strategy. Without it every run draws a fresh seed,
so a restarted server does not replay codes it already handed out.`,
		Example: `  sdprep lab shortener                       # interactive, on a terminal
  sdprep lab shortener --serve
  sdprep lab shortener --serve --memory --strategy random --rate 100/s
  sdprep lab shortener --serve --store redis://127.0.0.1:6379/0 --addr 127.0.0.1:8090
  curl -s -X POST http://127.0.0.1:8080/api/urls -H 'Content-Type: application/json' \
      -d '{"url": "https://example.com/a/long/path"}'`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts.DataDir = f.DataDir()
			opts.Set = map[string]bool{}
			c.Flags().Visit(func(fl *pflag.Flag) { opts.Set[fl.Name] = true })
			opts.Interactive = f.IO.IsTerminal && !opts.Serve
			if runF != nil {
				return runF(opts)
			}
			if opts.Interactive {
				ctx, stop := withSignals(c.Context())
				defer stop()
				return runShortenerTUI(ctx, f, opts)
			}
			ctx, stop := withSignals(c.Context())
			defer stop()
			return runLabShortener(ctx, opts)
		},
	}
	fl := c.Flags()
	fl.BoolVar(&opts.Serve, "serve", false, "run the HTTP server")
	fl.StringVar(&opts.Addr, "addr", shortener.DefaultAddr, "address the server listens on")
	fl.StringVar(&opts.Store, "store", "sqlite", "where links live: sqlite, memory or redis://host:port/db")
	fl.StringVar(&opts.DB, "db", "", "file of the SQLite store (default <data dir>/shortener.db)")
	fl.BoolVar(&opts.Memory, "memory", false, "keep links in memory only (same as --store memory)")
	fl.BoolVar(&opts.Permanent, "permanent", false, "answer redirects with 301 (cached by browsers) instead of 302")
	fl.StringVar(&opts.Strategy, "strategy", "counter", "how codes are made: counter, hash or random")
	fl.Uint64Var(&opts.Seed, "seed", 0, "seed of the random strategy (default: a fresh seed each run)")
	fl.StringVar(&opts.Rate, "rate", "", "rate limit of each client address, like 100/s (default off)")
	fl.StringVar(&opts.BaseURL, "base-url", "", "prefix of short_url in responses (default http://<Host header>)")
	c.MarkFlagsMutuallyExclusive("memory", "store")
	completeFlag(c, "strategy", strategyNames)
	completeFlag(c, "store", func() []string { return []string{"sqlite", "memory", "redis://127.0.0.1:6379/0"} })
	return c
}

// strategyNames are the accepted --strategy values.
func strategyNames() []string {
	var names []string
	for _, s := range []shortener.Strategy{shortener.Counter, shortener.Hash, shortener.Random} {
		names = append(names, s.String())
	}
	return names
}

// shortenerInput is LabShortenerOptions parsed and checked.
type shortenerInput struct {
	store   storeSpec
	db      string
	cfg     shortener.Config
	limiter ratelimit.Limiter
	server  shortener.ServerOptions
}

func (o *LabShortenerOptions) parse() (shortenerInput, error) {
	var in shortenerInput
	var err error
	if in.store, err = parseStore(o.Store, "sqlite", "memory"); err != nil {
		return in, err
	}
	if o.Memory {
		in.store = storeSpec{kind: "memory"}
	}
	if o.Set["db"] {
		if in.store.kind != "sqlite" {
			return in, usageErrorf("--db is the SQLite file; it does not apply to --store %s", in.store.kind)
		}
		if strings.TrimSpace(o.DB) == "" {
			return in, flagError("db", o.DB, "a file path")
		}
	}
	in.db = o.DB
	if in.db == "" {
		in.db = filepath.Join(o.DataDir, "shortener.db")
	}
	if in.cfg.Strategy, err = shortener.ParseStrategy(strings.ToLower(o.Strategy)); err != nil {
		return in, enumError("strategy", o.Strategy, strategyNames())
	}
	in.cfg.Seed = o.Seed
	if !o.Set["seed"] {
		in.cfg.Seed = rand.Uint64()
	}
	if o.Rate != "" {
		limit, window, err := parseRateFlag("rate", o.Rate)
		if err != nil {
			return in, err
		}
		if in.limiter, err = ratelimit.NewMemory(ratelimit.Config{Algorithm: ratelimit.TokenBucket, Limit: limit, Window: window}); err != nil {
			return in, usageErrorf("--rate %q: %s", o.Rate, trimPrefix(err, ratelimit.ErrInvalidConfig.Error()+": "))
		}
	}
	if o.BaseURL != "" {
		u, err := url.Parse(o.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return in, flagError("base-url", o.BaseURL, "an absolute http(s) URL without query, like https://sho.rt")
		}
	}
	if err := checkAddr(o.Addr); err != nil {
		return in, err
	}
	for _, name := range []string{"addr", "permanent", "rate", "base-url"} {
		if o.Set[name] && !o.Serve {
			return in, usageErrorf("--%s configures the server; add --serve", name)
		}
	}
	in.server = shortener.ServerOptions{BaseURL: o.BaseURL, Permanent: o.Permanent, Limiter: in.limiter}
	return in, nil
}

// storeLabel describes the store for the listening line.
func (in shortenerInput) storeLabel() string {
	if in.store.kind == "sqlite" {
		return "sqlite " + in.db
	}
	return in.store.String()
}

// openShortenerStore opens the chosen store, creating the SQLite file's
// directory when needed.
func openShortenerStore(ctx context.Context, in shortenerInput) (shortener.Store, error) {
	switch in.store.kind {
	case "memory":
		return shortener.NewMemoryStore(), nil
	case "redis":
		rdb, err := openRedis(ctx, in.store)
		if err != nil {
			return nil, err
		}
		return shortener.NewRedisStore(rdb, ""), nil
	}
	if err := os.MkdirAll(filepath.Dir(in.db), 0o700); err != nil {
		return nil, fmt.Errorf("create the database directory: %w", err)
	}
	return shortener.OpenSQLite(in.db, shortener.SQLiteOptions{})
}

func runLabShortener(ctx context.Context, opts *LabShortenerOptions) error {
	in, err := opts.parse()
	if err != nil {
		return err
	}
	if !opts.Serve {
		return usageErrorf("lab shortener: the interactive lab needs a terminal; use --serve to run the HTTP server")
	}
	ln, err := listen(opts.Addr)
	if err != nil {
		return err
	}
	store, err := openShortenerStore(ctx, in)
	if err != nil {
		ln.Close()
		return err
	}
	defer store.Close()
	svc := shortener.NewService(store, in.cfg)

	redirect := "302"
	if opts.Permanent {
		redirect = "301"
	}
	limit := "no rate limit"
	if opts.Rate != "" {
		limit = "rate limit " + opts.Rate + " per client"
	}
	e := opts.IO.ErrOut
	addr := announce(e, ln, fmt.Sprintf("store %s, strategy %v, redirects %s, %s", in.storeLabel(), in.cfg.Strategy, redirect, limit)).Dial
	fmt.Fprintf(e, "try: curl -s -X POST http://%s/api/urls -H 'Content-Type: application/json' -d '{\"url\": \"https://example.com/\"}'\n", addr)
	fmt.Fprintf(e, "then: curl -i http://%s/CODE   (Ctrl-C stops the server)\n", addr)
	if opts.onListen != nil {
		opts.onListen(addr)
	}
	// ServeListener closes svc after the last request, flushing its clicks.
	if err := shortener.ServeListener(ctx, ln, shortener.NewServer(svc, in.server), svc); err != nil {
		return err
	}
	st := svc.Stats()
	fmt.Fprintf(e, "stopped: %s written, %s dropped\n", countNoun(int(st.ClicksFlushed), "click"), humanize.Comma(st.ClicksDropped))
	return nil
}

// runShortenerTUI opens the service on the chosen store and hands it to the
// interactive lab; the service and store are closed when the lab exits.
func runShortenerTUI(ctx context.Context, f *Factory, opts *LabShortenerOptions) error {
	in, err := opts.parse()
	if err != nil {
		return err
	}
	store, err := openShortenerStore(ctx, in)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := shortener.NewService(store, in.cfg)
	err = runTUI(f, tui.Options{Start: tui.PageLabShortener, Shortener: in.cfg, ShortenerService: svc})
	if cerr := svc.Close(); err == nil {
		err = cerr
	}
	return err
}
