-- Version 2: mock interviews.
-- One row per session. state is the whole interview as JSON (drills.Mock:
-- plan, clocks, notes with their times, hints, pins, follow-up, rubric,
-- overrides); it is rewritten in one transaction at every event (a step
-- change, a pause, a hint, a pin, a notes autosave), so a kill loses at
-- most the typing since the last autosave. The other columns repeat what
-- history lists, so listing never parses state.
CREATE TABLE mock_sessions (
	id            TEXT PRIMARY KEY,
	problem_id    TEXT    NOT NULL,
	started_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL,
	finished      INTEGER NOT NULL DEFAULT 0,
	total_ms      INTEGER NOT NULL,
	coverage      REAL    NOT NULL,
	rubric_total  INTEGER NOT NULL,
	state         TEXT    NOT NULL
) WITHOUT ROWID;

CREATE INDEX mock_sessions_started_at ON mock_sessions (started_at);
