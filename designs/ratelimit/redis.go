package ratelimit

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis is a Limiter whose state lives in Redis, so that several servers
// share one limit. Each decision is one Lua script run with EVALSHA (EVAL on
// a script-cache miss): a single atomic round trip. A limiter that read the
// count with one command and wrote it with another would let two servers
// read the same count and both admit the last request; inside a script no
// other command can run between the read and the write.
//
// By default the script reads the Redis server's clock (TIME), so app
// servers with skewed clocks still agree. WithCallerClock passes the
// caller's clock instead, and AllowAt passes an explicit instant (tests,
// replays). Scripts that call TIME and then write are replicated by their
// effects, which Redis does by default since 5.0 (and only, since 7.0).
//
// Times inside Redis are whole microseconds, so Window must be a whole
// number of microseconds and instants are truncated to the microsecond.
// Each key carries a TTL equal to Decision.ResetAfter (rounded up to a
// millisecond): it disappears exactly when it would be back to its fresh
// state.
//
// A Redis is safe for concurrent use.
type Redis struct {
	client redis.UniversalClient
	cfg    Config
	script *redis.Script
	args   []any // the config part of ARGV (ARGV[2:])
	prefix string
	now    func() time.Time // nil: the server's clock
}

// RedisOption configures NewRedis.
type RedisOption func(*Redis)

// WithKeyPrefix sets the prefix of every Redis key; the default is
// "ratelimit:". A key is stored as prefix + algorithm + ":" + key, so
// limiters with different algorithms never read each other's layout.
func WithKeyPrefix(prefix string) RedisOption {
	return func(r *Redis) { r.prefix = prefix }
}

// WithCallerClock makes Allow send the caller's time instead of letting the
// script read the server's clock.
func WithCallerClock(now func() time.Time) RedisOption {
	return func(r *Redis) { r.now = now }
}

// maxExact is 2^53: Lua numbers are doubles, exact for integers up to it.
const maxExact = 1 << 53

// NewRedis returns a limiter for cfg backed by client. It does not contact
// Redis; the first decision loads the script.
func NewRedis(client redis.UniversalClient, cfg Config, opts ...RedisOption) (*Redis, error) {
	if client == nil {
		return nil, fmt.Errorf("%w: redis client: must not be nil", ErrInvalidConfig)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	p, err := newParams(cfg, time.Microsecond, maxExact)
	if err != nil {
		return nil, err
	}
	r := &Redis{client: client, cfg: cfg, prefix: "ratelimit:"}
	switch cfg.Algorithm {
	case TokenBucket:
		r.script, r.args = scriptTokenBucket, []any{p.unit, p.refill, p.capacity, p.fullAfter}
	case LeakyBucket:
		r.script, r.args = scriptLeakyBucket, []any{p.unit, p.refill, p.capacity, p.fullAfter}
	case FixedWindow:
		r.script, r.args = scriptFixedWindow, []any{p.window, p.limit}
	case SlidingLog:
		r.script, r.args = scriptSlidingLog, []any{p.window, p.limit}
	case SlidingWindow:
		r.script, r.args = scriptSlidingWindow, []any{p.window, p.limit}
	}
	for _, o := range opts {
		o(r)
	}
	return r, nil
}

var (
	scriptTokenBucket   = redis.NewScript(luaTokenBucket)
	scriptLeakyBucket   = redis.NewScript(luaLeakyBucket)
	scriptFixedWindow   = redis.NewScript(luaFixedWindow)
	scriptSlidingLog    = redis.NewScript(luaSlidingLog)
	scriptSlidingWindow = redis.NewScript(luaSlidingWindow)
)

// Config returns the limiter's configuration.
func (r *Redis) Config() Config { return r.cfg }

// Key returns the Redis key holding key's state.
func (r *Redis) Key(key string) string {
	return r.prefix + r.cfg.Algorithm.String() + ":" + key
}

// Allow decides one request for key, at the server's clock unless
// WithCallerClock was given.
func (r *Redis) Allow(ctx context.Context, key string) (Decision, error) {
	if r.now != nil {
		return r.AllowAt(ctx, key, r.now())
	}
	return r.run(ctx, key, "")
}

// AllowAt decides one request for key at the instant now, truncated to the
// microsecond.
func (r *Redis) AllowAt(ctx context.Context, key string, now time.Time) (Decision, error) {
	return r.run(ctx, key, strconv.FormatInt(now.UnixMicro(), 10))
}

// Reset deletes key's state, as if it had never been seen.
func (r *Redis) Reset(ctx context.Context, key string) error {
	if err := r.client.Del(ctx, r.Key(key)).Err(); err != nil {
		return fmt.Errorf("ratelimit: redis reset %q: %w", key, err)
	}
	return nil
}

func (r *Redis) run(ctx context.Context, key, now string) (Decision, error) {
	res, err := r.script.Run(ctx, r.client, []string{r.Key(key)}, r.argv(now)...).Int64Slice()
	return r.decision(key, res, err)
}

// argv is the script's ARGV: the instant (or "" for the server clock), then
// the config.
func (r *Redis) argv(now string) []any {
	args := make([]any, 0, 1+len(r.args))
	return append(append(args, now), r.args...)
}

// decision turns the script's reply for key into a Decision.
func (r *Redis) decision(key string, res []int64, err error) (Decision, error) {
	if err != nil {
		return Decision{}, fmt.Errorf("ratelimit: redis %s decision for %q: %w", r.cfg.Algorithm, key, err)
	}
	if len(res) != 4 {
		return Decision{}, fmt.Errorf("ratelimit: redis %s decision for %q: script returned %d values, want 4", r.cfg.Algorithm, key, len(res))
	}
	return Decision{
		Allowed:    res[0] == 1,
		Limit:      r.cfg.Capacity(),
		Remaining:  int(res[1]),
		RetryAfter: time.Duration(res[2]) * time.Microsecond,
		ResetAfter: time.Duration(res[3]) * time.Microsecond,
	}, nil
}
