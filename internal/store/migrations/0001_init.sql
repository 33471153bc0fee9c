-- Version 1: flashcards, quizzes and estimation drills.
-- Times are Unix milliseconds, UTC. Ids are TEXT so exports from several
-- machines merge by id.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per card that has been reviewed at least once; a card without
-- a row is new. retired_at is set when the card's source left the content
-- library; the row and its reviews are kept.
CREATE TABLE cards (
	id             TEXT PRIMARY KEY,
	due            INTEGER NOT NULL,
	stability      REAL    NOT NULL,
	difficulty     REAL    NOT NULL,
	elapsed_days   INTEGER NOT NULL,
	scheduled_days INTEGER NOT NULL,
	reps           INTEGER NOT NULL,
	lapses         INTEGER NOT NULL,
	state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
	last_review    INTEGER NOT NULL,
	retired_at     INTEGER
) WITHOUT ROWID;

CREATE INDEX cards_due ON cards (due);

-- The review log. state, elapsed_days and scheduled_days are the card's
-- before the review, as FSRS logs them. practice = 1 marks a review that
-- left the card's schedule untouched. undo holds the card row before the
-- review as JSON ("null" when there was none); NULL means not undoable.
CREATE TABLE reviews (
	id             TEXT PRIMARY KEY,
	card_id        TEXT    NOT NULL,
	rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
	state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
	elapsed_days   INTEGER NOT NULL,
	scheduled_days INTEGER NOT NULL,
	reviewed_at    INTEGER NOT NULL,
	duration_ms    INTEGER NOT NULL,
	practice       INTEGER NOT NULL DEFAULT 0,
	undo           TEXT
);

CREATE INDEX reviews_reviewed_at ON reviews (reviewed_at);
CREATE INDEX reviews_card ON reviews (card_id, reviewed_at);

CREATE TABLE quiz_attempts (
	id          TEXT PRIMARY KEY,
	question_id TEXT    NOT NULL,
	topics      TEXT    NOT NULL, -- JSON array of topic ids
	chosen      TEXT    NOT NULL, -- JSON array of 0-based option indexes
	correct     INTEGER NOT NULL,
	answered_at INTEGER NOT NULL,
	duration_ms INTEGER NOT NULL
);

CREATE INDEX quiz_attempts_answered_at ON quiz_attempts (answered_at);
CREATE INDEX quiz_attempts_question ON quiz_attempts (question_id, answered_at);

CREATE TABLE estimation_attempts (
	id          TEXT PRIMARY KEY,
	quantity    TEXT    NOT NULL,
	preset      TEXT    NOT NULL,
	seed        TEXT    NOT NULL, -- uint64 in decimal; INTEGER is signed
	answer      REAL    NOT NULL,
	truth       REAL    NOT NULL,
	unit        TEXT    NOT NULL,
	error       REAL    NOT NULL,
	grade       TEXT    NOT NULL,
	answered_at INTEGER NOT NULL,
	duration_ms INTEGER NOT NULL
);

CREATE INDEX estimation_attempts_answered_at ON estimation_attempts (answered_at);
