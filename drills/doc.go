// Package drills is sdprep's practice logic, with no UI code: flashcards
// scheduled by spaced repetition, scenario quizzes, estimation drills and
// the statistics over them. Progress is kept in internal/store.
//
// # Flashcards
//
// Deck builds one small card per fact from the content library (per
// topic: what it is, its key trade-off, when to use it) and from the
// estimator's reference tables (latency numbers, powers of two, nines →
// downtime). Card ids are derived from the source ("topic:caching:when",
// "latency:hdd-seek"), so schedules survive rewording; a stored card whose
// source disappears is marked retired, and its history is kept.
//
// Scheduling is FSRS (https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm)
// through go-fsrs v3 with its default parameters and no fuzz. A Session
// queues the cards due (oldest due first, within the daily review limit)
// and then new cards (within the new-card limit, 20 a day by default).
// With an interview date (--until), the new-card quota rises to cover the
// unseen cards in the days left, and a due date on or after the interview
// is moved to the day before it.
//
// Practice mode shows, after whatever is due, every card already seen,
// weakest first (lowest FSRS retrievability). Rating a card that is not
// due writes a review-log entry marked practice and leaves the card's
// FSRS state (stability, difficulty, due date) exactly as it was, so
// extra practice never pushes a schedule out; it still counts in the
// retention and heatmap statistics.
//
// Time comes from an injected clock (SessionOptions.Now); nothing here
// calls time.Now.
package drills
