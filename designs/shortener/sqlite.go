package shortener

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// SQLiteOptions tunes OpenSQLite. The zero value is the default below.
type SQLiteOptions struct {
	// FullSync selects synchronous=FULL instead of NORMAL.
	//
	// In WAL mode a commit appends the transaction's pages to the -wal file
	// with write(2) before COMMIT returns. With NORMAL the WAL is fsynced
	// only at checkpoints, so a committed transaction is in the kernel's
	// page cache but maybe not on the disk: it survives the process being
	// killed (even SIGKILL: the kernel still owns those pages and writes
	// them back) but may be lost on power failure or kernel panic; the
	// database is never corrupted either way. FULL also fsyncs the WAL at
	// every commit, which survives power loss and costs one fsync per
	// created link. Redirects are reads and are unaffected.
	FullSync bool
	// BusyTimeout is how long a writer waits for the write lock before
	// failing with SQLITE_BUSY; zero means 5 s.
	BusyTimeout time.Duration
}

// SQLiteStore is a Store in one SQLite file (WAL mode) through the pure-Go
// modernc.org/sqlite driver. Safe for concurrent use, and by several
// processes on the same file.
type SQLiteStore struct {
	db                           *sql.DB
	create, get, next, addClicks *sql.Stmt
}

// migrations are applied in order, each once, in its own transaction; the
// schema_migrations table records which versions are done.
var migrations = [][]string{
	1: {
		`CREATE TABLE links (
			code       TEXT PRIMARY KEY,
			url        TEXT NOT NULL,
			created_at INTEGER NOT NULL, -- Unix nanoseconds, UTC
			clicks     INTEGER NOT NULL DEFAULT 0
		) WITHOUT ROWID`,
		`CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
		`INSERT INTO sequences (name, value) VALUES ('links', 0)`,
	},
}

// OpenSQLite opens (creating if needed) the database at path and migrates
// its schema to the latest version.
func OpenSQLite(path string, opts SQLiteOptions) (*SQLiteStore, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open sqlite: path %q: want a non-empty file path without '?' or '#'", path)
	}
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 5 * time.Second
	}
	sync := "NORMAL"
	if opts.FullSync {
		sync = "FULL"
	}
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(%s)&_txlock=immediate",
		path, opts.BusyTimeout.Milliseconds(), sync)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	s := &SQLiteStore{db: db}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate sqlite %s: %w", path, err)
	}
	if err := s.prepare(); err != nil {
		db.Close()
		return nil, fmt.Errorf("prepare sqlite %s: %w", path, err)
	}
	return s, nil
}

func (s *SQLiteStore) migrate() error {
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at INTEGER NOT NULL DEFAULT (unixepoch())
	)`); err != nil {
		return err
	}
	for v := 1; v < len(migrations); v++ {
		if err := s.apply(ctx, v); err != nil {
			return fmt.Errorf("version %d: %w", v, err)
		}
	}
	return nil
}

// apply runs migration v unless it is recorded; the immediate transaction
// makes two processes opening a fresh file migrate it once.
func (s *SQLiteStore) apply(ctx context.Context, v int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, v).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	for _, stmt := range migrations[v] {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES (?)`, v); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the highest applied migration.
func (s *SQLiteStore) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (s *SQLiteStore) prepare() error {
	var err error
	stmt := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = s.db.Prepare(q)
		return st
	}
	s.create = stmt(`INSERT INTO links (code, url, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING`)
	s.get = stmt(`SELECT url, created_at, clicks FROM links WHERE code = ?`)
	s.next = stmt(`UPDATE sequences SET value = value + 1 WHERE name = 'links' RETURNING value`)
	s.addClicks = stmt(`UPDATE links SET clicks = clicks + ? WHERE code = ?`)
	return err
}

// Create implements Store: one autocommit INSERT … ON CONFLICT DO NOTHING;
// zero rows affected means the code exists.
func (s *SQLiteStore) Create(ctx context.Context, l Link) error {
	res, err := s.create.ExecContext(ctx, l.Code, l.URL, l.CreatedAt.UnixNano())
	if err != nil {
		return fmt.Errorf("create %q: %w", l.Code, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("create %q: %w", l.Code, err)
	}
	if n == 0 {
		return fmt.Errorf("%w: %q", ErrCodeTaken, l.Code)
	}
	return nil
}

// Get implements Store.
func (s *SQLiteStore) Get(ctx context.Context, code string) (Link, error) {
	l := Link{Code: code}
	var created int64
	err := s.get.QueryRowContext(ctx, code).Scan(&l.URL, &created, &l.Clicks)
	if errors.Is(err, sql.ErrNoRows) {
		return Link{}, fmt.Errorf("%w: %q", ErrNotFound, code)
	}
	if err != nil {
		return Link{}, fmt.Errorf("get %q: %w", code, err)
	}
	l.CreatedAt = time.Unix(0, created).UTC()
	return l, nil
}

// NextID implements Store with one UPDATE … RETURNING on a sequence row.
func (s *SQLiteStore) NextID(ctx context.Context) (uint64, error) {
	var id uint64
	if err := s.next.QueryRowContext(ctx).Scan(&id); err != nil {
		return 0, fmt.Errorf("next id: %w", err)
	}
	return id, nil
}

// AddClicks implements Store: one transaction for the whole batch.
func (s *SQLiteStore) AddClicks(ctx context.Context, clicks map[string]int64) error {
	if len(clicks) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("add clicks: %w", err)
	}
	defer tx.Rollback()
	st := tx.StmtContext(ctx, s.addClicks)
	for code, n := range clicks {
		if _, err := st.ExecContext(ctx, n, code); err != nil {
			return fmt.Errorf("add clicks %q: %w", code, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("add clicks: %w", err)
	}
	return nil
}

// Close implements Store.
func (s *SQLiteStore) Close() error {
	return s.db.Close()
}
