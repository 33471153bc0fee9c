// Package store is sdprep's progress database: flashcard schedules and
// their review log, quiz attempts, estimation-drill attempts and
// settings, in one SQLite file (sdprep.db in the data directory) through
// the pure-Go modernc.org/sqlite driver, so CGO_ENABLED=0 builds work.
//
// # Durability and concurrency
//
// The file runs in WAL mode with synchronous=NORMAL: every Record* call
// is one transaction, and once it returns the row survives the process
// being killed (SIGKILL included); only power loss can drop the last
// commits, and never corrupts the file. Write transactions begin
// IMMEDIATE and every connection has a busy timeout (15 s by default; a
// write holds the lock for about a millisecond, so only a stalled process
// makes another wait that long), so two sdprep processes on one file
// queue for the write lock instead of failing with "database is locked".
//
// # Files that are not ours
//
// A new file is stamped with PRAGMA application_id "sdpr". Open refuses,
// without writing a byte, a file that is not SQLite or is damaged
// (ErrCorrupt), a SQLite file with tables but another application id
// (ErrForeign), and a file whose schema is newer than the binary
// (ErrSchemaTooNew: never downgraded). Each error names the path and
// suggests --data-dir.
//
// # Migrations
//
// The schema is migrations/NNNN_name.sql, embedded and applied in order
// inside one immediate transaction at Open; PRAGMA user_version records
// the version reached, so two processes opening a new file migrate it
// once. A migration is never edited after release: changes are new files.
//
// # Mock sessions
//
// migrations/0002_mock.sql adds mock_sessions: one row per interview, with
// the columns history lists (problem, start, total time, coverage, rubric
// total) and the whole interview state as JSON. SaveMock rewrites the row
// in one transaction at every event (a step change, a pause, a hint, a
// pin, a notes autosave every few seconds), so a kill loses at most the
// typing since the last autosave, and resume reads the state back with
// its clocks where they stopped. Session ids are 8 hex digits; lookups
// take a unique prefix or "last".
//
// # Export and import
//
// Export writes a versioned JSON document (format "sdprep-progress");
// Import validates all of it first, naming the first bad record, then
// merges it in one transaction by id, so importing twice is harmless.
package store
