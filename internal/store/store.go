package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// FileName is the name of the database file inside the data directory.
const FileName = "sdprep.db"

// applicationID marks a SQLite file as sdprep's ("sdpr" in ASCII), so a
// foreign database is recognised instead of being migrated.
const applicationID = 0x73647072

// Named errors, checked with errors.Is. Each is wrapped with the path.
var (
	// ErrCorrupt means the file is not a readable SQLite database.
	ErrCorrupt = errors.New("not a readable sdprep database")
	// ErrForeign means the file is a SQLite database that sdprep did not create.
	ErrForeign = errors.New("a SQLite database that sdprep did not create")
	// ErrSchemaTooNew means a newer sdprep migrated the file.
	ErrSchemaTooNew = errors.New("database schema is newer than this sdprep")
	// ErrNotFound means no row has the given id.
	ErrNotFound = errors.New("not found")
	// ErrNotUndoable means a review carries no record of the card before it.
	ErrNotUndoable = errors.New("review cannot be undone")
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations are the embedded scripts in version order; migrations[i] is
// version i+1. Their file names start with the zero-padded version.
var migrations = loadMigrations()

func loadMigrations() []string {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err) // embedded files are always readable
		}
		out[i] = string(b)
	}
	return out
}

// SchemaVersion is the schema version this binary migrates to.
func SchemaVersion() int { return len(migrations) }

// Options tunes OpenFile. The zero value is the default.
type Options struct {
	// BusyTimeout is how long a writer waits for another process's write
	// lock before failing; zero means 15 s.
	BusyTimeout time.Duration
	// NewID returns a fresh row id; nil means 128 random bits in hex.
	NewID func() string
}

// Store is sdprep's progress database: a SQLite file in WAL mode through
// the pure-Go modernc.org/sqlite driver. Safe for concurrent use, and by
// several processes on the same file.
type Store struct {
	db    *sql.DB
	path  string
	newID func() string
}

// Open opens dir/sdprep.db, creating dir and the file when missing, and
// migrates the schema to SchemaVersion.
func Open(ctx context.Context, dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open store: empty data directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open store: create data directory: %w", err)
	}
	return OpenFile(ctx, filepath.Join(dir, FileName), Options{})
}

// OpenFile opens the database at path with opts. A file that is not an
// sdprep database is left untouched and reported with ErrCorrupt or
// ErrForeign; a schema newer than this binary with ErrSchemaTooNew.
func OpenFile(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open store: path %q: want a non-empty file path without '?' or '#'", path)
	}
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 15 * time.Second
	}
	if opts.NewID == nil {
		opts.NewID = randomID
	}
	if err := preflight(ctx, path, opts.BusyTimeout); err != nil {
		return nil, (&Store{path: path}).wrap(err)
	}
	// busy_timeout comes first so that switching to WAL waits too.
	// _txlock=immediate takes the write lock at BEGIN, so a transaction
	// never fails half-way when another process writes (SQLite cannot
	// wait for a lock upgrade, only for a lock). synchronous=NORMAL in WAL
	// mode keeps every committed transaction across a killed process.
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_txlock=immediate",
		path, opts.BusyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &Store{db: db, path: path, newID: opts.NewID}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, s.wrap(err)
	}
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB exposes the connection pool to packages that extend the schema in
// later migrations (see the package doc).
func (s *Store) DB() *sql.DB { return s.db }

// Version returns the schema version recorded in the file.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, s.wrap(err)
}

// IntegrityCheck runs PRAGMA integrity_check and returns its first line,
// "ok" for a sound file.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	var res string
	err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res)
	return res, s.wrap(err)
}

// preflight classifies an existing, non-empty file through a connection
// that changes nothing (no journal-mode switch), so that a foreign or
// damaged file is refused before a byte of it is written.
func preflight(ctx context.Context, path string, busy time.Duration) error {
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return nil // missing or empty: a new database
	}
	if ours, err := stampedOurs(path); err != nil || ours {
		return err
	}
	db, err := sql.Open("sqlite", fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)", path, busy.Milliseconds()))
	if err != nil {
		return err
	}
	defer db.Close()
	_, _, err = classify(ctx, db)
	return err
}

// sqliteMagic opens every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// stampedOurs reads the file's 100-byte header: ErrCorrupt when it is not
// SQLite's, true when it carries sdprep's application id (bytes 68–71,
// big-endian). A header without it may still be ours (an id committed to
// the WAL but not yet checkpointed), so false sends the caller to a full
// check through SQLite.
func stampedOurs(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != sqliteMagic {
		return false, ErrCorrupt
	}
	return binary.BigEndian.Uint32(h[68:72]) == applicationID, nil
}

// classify reads the file's application id and schema version; it
// returns ErrForeign or ErrSchemaTooNew for files this binary must not
// migrate, and fresh for a new, empty database.
func classify(ctx context.Context, q querier) (version int, fresh bool, err error) {
	var appID, tables int
	if err := q.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return 0, false, err
	}
	if err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return 0, false, err
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&tables); err != nil {
		return 0, false, err
	}
	switch {
	case appID == 0 && version == 0 && tables == 0:
		return 0, true, nil
	case appID != applicationID:
		return 0, false, ErrForeign
	case version > len(migrations):
		return 0, false, fmt.Errorf("%w: the file has version %d, this sdprep knows up to %d; upgrade sdprep", ErrSchemaTooNew, version, len(migrations))
	}
	return version, false, nil
}

// migrate applies the missing migrations in one immediate transaction, so
// two processes opening a new file migrate it once.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	version, _, err := classify(ctx, tx)
	if err != nil || version == len(migrations) {
		return err
	}
	for v := version + 1; v <= len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
			return fmt.Errorf("migration %d: %w", v, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d; PRAGMA user_version = %d`, applicationID, len(migrations))); err != nil {
		return err
	}
	return tx.Commit()
}

// wrap names the path in err and turns SQLite's "not a database" and
// "corrupt" codes into ErrCorrupt.
func (s *Store) wrap(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			err = fmt.Errorf("%w (%v)", ErrCorrupt, err)
		}
	}
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrForeign) {
		return fmt.Errorf("%s: %w; it was left untouched: move it away, or use --data-dir to keep sdprep's data elsewhere", s.path, err)
	}
	return fmt.Errorf("%s: %w", s.path, err)
}

// randomID returns 128 random bits in hex.
func randomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}

// ms converts t to Unix milliseconds; the zero time is 0.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// fromMS converts Unix milliseconds to UTC time; 0 is the zero time.
func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

// inTx runs fn in one immediate transaction and commits it.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.wrap(err)
	}
	return s.wrap(tx.Commit())
}

// querier is what the read helpers need from a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
