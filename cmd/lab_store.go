package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// flagError is the one-line message for a bad flag value: the flag, the
// value as given, and what the flag accepts.
func flagError(flag, value, accepted string) error {
	return usageErrorf("--%s %q: expected %s", flag, value, accepted)
}

// storeSpec is a parsed --store value.
type storeSpec struct {
	kind  string         // "memory", "sqlite" or "redis"
	redis *redis.Options // for kind "redis"
}

// String names the store for the listening line, without any password.
func (s storeSpec) String() string {
	if s.kind != "redis" {
		return s.kind
	}
	return fmt.Sprintf("redis %s/%d", s.redis.Addr, s.redis.DB)
}

// parseStore reads --store: one of kinds, or a redis:// (rediss:// for
// TLS) URL such as redis://127.0.0.1:6379/0.
func parseStore(value string, kinds ...string) (storeSpec, error) {
	accepted := strings.Join(kinds, ", ") + " or redis://host:port/db"
	lower := strings.ToLower(value)
	for _, k := range kinds {
		if lower == k {
			return storeSpec{kind: k}, nil
		}
	}
	if strings.HasPrefix(lower, "redis://") || strings.HasPrefix(lower, "rediss://") {
		opt, err := redis.ParseURL(value)
		if err != nil {
			return storeSpec{}, usageErrorf("--store %q: %v; expected %s", value, err, accepted)
		}
		return storeSpec{kind: "redis", redis: opt}, nil
	}
	return storeSpec{}, flagError("store", value, accepted)
}

// Dial and retry settings of the labs' Redis clients, used unless the
// --store URL sets them (dial_timeout=…, max_retries=…). go-redis would
// otherwise dial 5 times per attempt and retry a command 3 times: an
// unreachable Redis took 1.7 s to report, and each request during an
// outage waited about 0.4 s for its 503. One retry still replaces a
// pooled connection that died when Redis restarted.
const (
	redisDialTimeout  = 2 * time.Second
	redisDialAttempts = 1
	redisMaxRetries   = 1
)

// openRedis connects to the store's Redis and checks it answers, so a wrong
// address fails at startup, in one line, rather than on the first request.
func openRedis(ctx context.Context, s storeSpec) (*redis.Client, error) {
	quietRedis()
	opt := *s.redis
	if opt.DialTimeout == 0 {
		opt.DialTimeout = redisDialTimeout
	}
	if opt.DialerRetries == 0 {
		opt.DialerRetries = redisDialAttempts
	}
	if opt.MaxRetries == 0 {
		opt.MaxRetries = redisMaxRetries
	}
	rdb := redis.NewClient(&opt)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := rdb.Ping(pctx).Err(); err != nil {
		rdb.Close()
		var op *net.OpError
		if errors.As(err, &op) && op.Err != nil {
			err = op.Err // "connect: connection refused", without the repeated address
		}
		return nil, fmt.Errorf("cannot reach redis at %s: %w", s.redis.Addr, err)
	}
	return rdb, nil
}

// quietRedis silences go-redis's internal logger, which otherwise prints
// its pool's dial failures to stderr ("redis: … failed to dial after 5
// attempts") on top of our own one-line error, and once per failed dial
// while a server runs. The labs report Redis errors themselves: at
// startup as the command's error, later as one line per outage (see
// watchLimiter). The logger is go-redis's process-wide setting, so this
// is a no-op after the first call.
func quietRedis() {
	redis.SetLogger(discardRedisLog{})
}

// discardRedisLog is a go-redis logger that drops every message.
type discardRedisLog struct{}

func (discardRedisLog) Printf(context.Context, string, ...any) {}

// checkAddr validates a --addr value (host:port, port 0 to 65535) before
// anything is opened.
func checkAddr(value string) error {
	const accepted = "host:port such as 127.0.0.1:8080 or :8080 (all interfaces)"
	_, port, err := net.SplitHostPort(value)
	if err != nil {
		return flagError("addr", value, accepted)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return flagError("addr", value, accepted)
	}
	return nil
}
