package shortener

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultRedisPrefix namespaces the store's keys.
const DefaultRedisPrefix = "sdprep:shortener:"

// RedisStore is a Store in Redis, so several shortener processes can share
// links, the counter and click counts:
//
//	{prefix}link:{code}  hash: url, created_at (Unix ns), clicks
//	{prefix}seq          string: the Counter sequence (INCR)
//
// Create is one Lua script around HSETNX (create-if-absent, atomic),
// NextID is INCR, AddClicks is one script of HINCRBYs that skips unknown
// codes. Durability is Redis's: with the default RDB snapshots a crash
// loses recent writes; run with appendonly yes (appendfsync everysec or
// always) to make a created link as durable as the SQLite store's.
type RedisStore struct {
	rdb    redis.UniversalClient
	prefix string
}

// NewRedisStore returns a store on rdb with keys under prefix (""
// means DefaultRedisPrefix). The store owns rdb: Close closes it.
func NewRedisStore(rdb redis.UniversalClient, prefix string) *RedisStore {
	if prefix == "" {
		prefix = DefaultRedisPrefix
	}
	return &RedisStore{rdb: rdb, prefix: prefix}
}

func (s *RedisStore) linkKey(code string) string { return s.prefix + "link:" + code }

// createScript sets the link only if its url field is absent; HSETNX is the
// atomic check, the script makes the other fields part of the same step.
var createScript = redis.NewScript(`
if redis.call('HSETNX', KEYS[1], 'url', ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'created_at', ARGV[2], 'clicks', 0)
return 1`)

// clicksScript adds ARGV[i] to the clicks of KEYS[i] when that link exists.
var clicksScript = redis.NewScript(`
for i, key in ipairs(KEYS) do
  if redis.call('HEXISTS', key, 'url') == 1 then
    redis.call('HINCRBY', key, 'clicks', ARGV[i])
  end
end
return #KEYS`)

// Create implements Store.
func (s *RedisStore) Create(ctx context.Context, l Link) error {
	n, err := createScript.Run(ctx, s.rdb, []string{s.linkKey(l.Code)}, l.URL, l.CreatedAt.UnixNano()).Int()
	if err != nil {
		return fmt.Errorf("create %q: %w", l.Code, err)
	}
	if n == 0 {
		return fmt.Errorf("%w: %q", ErrCodeTaken, l.Code)
	}
	return nil
}

// Get implements Store.
func (s *RedisStore) Get(ctx context.Context, code string) (Link, error) {
	vals, err := s.rdb.HMGet(ctx, s.linkKey(code), "url", "created_at", "clicks").Result()
	if err != nil {
		return Link{}, fmt.Errorf("get %q: %w", code, err)
	}
	u, ok := vals[0].(string)
	if !ok {
		return Link{}, fmt.Errorf("%w: %q", ErrNotFound, code)
	}
	l := Link{Code: code, URL: u}
	if v, ok := vals[1].(string); ok {
		ns, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return Link{}, fmt.Errorf("get %q: created_at %q: %w", code, v, err)
		}
		l.CreatedAt = time.Unix(0, ns).UTC()
	}
	if v, ok := vals[2].(string); ok {
		if l.Clicks, err = strconv.ParseInt(v, 10, 64); err != nil {
			return Link{}, fmt.Errorf("get %q: clicks %q: %w", code, v, err)
		}
	}
	return l, nil
}

// NextID implements Store with INCR.
func (s *RedisStore) NextID(ctx context.Context) (uint64, error) {
	n, err := s.rdb.Incr(ctx, s.prefix+"seq").Uint64()
	if err != nil {
		return 0, fmt.Errorf("next id: %w", err)
	}
	return n, nil
}

// AddClicks implements Store in one round trip.
func (s *RedisStore) AddClicks(ctx context.Context, clicks map[string]int64) error {
	if len(clicks) == 0 {
		return nil
	}
	keys := make([]string, 0, len(clicks))
	args := make([]any, 0, len(clicks))
	for code, n := range clicks {
		keys = append(keys, s.linkKey(code))
		args = append(args, n)
	}
	if err := clicksScript.Run(ctx, s.rdb, keys, args...).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("add clicks: %w", err)
	}
	return nil
}

// Close implements Store by closing the client.
func (s *RedisStore) Close() error {
	return s.rdb.Close()
}
