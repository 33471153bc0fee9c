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
// IMMEDIATE and every connection has a busy timeout (5 s by default), so
// two sdprep processes on one file queue for the write lock instead of
// failing with "database is locked".
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
// # Mock sessions (next migration)
//
// Mock interviews (issue 13) will add migrations/0002_mock.sql, with:
//
//	mock_sessions (id TEXT PRIMARY KEY, problem_id TEXT, plan TEXT -- JSON
//	               step minutes, started_at, ended_at NULL, elapsed_ms per
//	               step as JSON, rubric TEXT JSON NULL, coverage REAL NULL)
//	mock_events   (id TEXT PRIMARY KEY, session_id TEXT REFERENCES
//	               mock_sessions(id), at INTEGER, step INTEGER, kind TEXT
//	               -- note|pin|hint|follow_up|pause|resume|step, body TEXT)
//
// plus an index on mock_events (session_id, at). Each event is one
// transaction, like an answer here; notes are autosaved as "note" events
// carrying the step's full text, the latest one winning. The methods go
// in a new file (mock.go) next to these; Export gains "mock_sessions" and
// "mock_events" arrays and ExportVersion becomes 2, while version-1 files
// still import (the arrays are simply absent). Ids are TEXT, so sessions
// merge by id like every other record.
//
// # Export and import
//
// Export writes a versioned JSON document (format "sdprep-progress");
// Import validates all of it first, naming the first bad record, then
// merges it in one transaction by id, so importing twice is harmless.
package store
