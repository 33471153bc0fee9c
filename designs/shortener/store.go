package shortener

import (
	"context"
	"time"
)

// Link is one short code and the long URL it redirects to.
type Link struct {
	// Code is the short code, the path segment after the host.
	Code string
	// URL is the validated long URL.
	URL string
	// CreatedAt is when the link was created (from the service clock).
	CreatedAt time.Time
	// Clicks is the number of redirects recorded so far. Clicks are
	// written in batches, so it lags the true count by at most one flush.
	Clicks int64
}

// Store is the durable home of links. Implementations: MemoryStore,
// SQLiteStore and RedisStore. All methods are safe for concurrent use.
type Store interface {
	// Create inserts l if no link has l.Code yet, atomically; otherwise it
	// returns an error wrapping ErrCodeTaken and changes nothing. When
	// Create returns nil the link is durable (as far as the backend is).
	Create(ctx context.Context, l Link) error
	// Get returns the link with this code, or an error wrapping ErrNotFound.
	Get(ctx context.Context, code string) (Link, error)
	// NextID returns the next value of a sequence that starts at 1 and
	// never repeats, even across restarts. Used by the Counter strategy.
	NextID(ctx context.Context) (uint64, error)
	// AddClicks adds n to the click count of each code in one batch.
	// Unknown codes are ignored.
	AddClicks(ctx context.Context, clicks map[string]int64) error
	// Close releases the store's resources.
	Close() error
}
