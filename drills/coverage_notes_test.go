package drills

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdprep/sdprep/content"
)

// Grading thresholds for notes written for a problem: a good design
// covers at least ownMin of its own checklist, and at most crossMax of
// another problem's.
const (
	ownMin   = 0.7
	crossMax = 0.2
)

// sharedDesigns are the pairs of problems (notes, checklist) whose
// reference designs genuinely share components, so that good notes for
// one may cover more than crossMax of the other, with the reason and the
// ceiling allowed instead.
var sharedDesigns = map[[2]string]struct {
	max    float64
	reason string
}{
	{"twitter", "instagram"}: {0.5, "both are social feeds: fan-out on write with a pull for celebrities, " +
		"media in an object store behind a CDN, data sharded by user id, stateless servers behind a load balancer"},
	{"instagram", "twitter"}: {0.5, "the same shared feed design, seen from the other side"},
	{"pastebin", "url-shortener"}: {0.25, "a paste service is a shortener with a content store: short base62 keys, " +
		"rate-limited anonymous creation, a load balancer in front"},
}

// TestNotesScoreOnTheirOwnProblemOnly grades each notes file under
// testdata/notes (written in ordinary words, as a candidate types, and
// named after its problem) against every problem's checklist: high on
// its own, low on the others.
func TestNotesScoreOnTheirOwnProblemOnly(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/notes/*.md")
	if err != nil || len(files) < 6 {
		t.Fatalf("notes files %v (%v); want at least 6", files, err)
	}
	for _, f := range files {
		notesFor := strings.TrimSuffix(filepath.Base(f), ".md")
		if _, ok := lib.Problem(notesFor); !ok {
			t.Fatalf("%s is named after no problem", f)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var row []string
		for _, p := range lib.Problems() {
			c := GradeNotes(p.Mock.Checklist, string(b))
			row = append(row, fmt.Sprintf("%s %d%%", p.ID, c.Percent()))
			checkNotesScore(t, notesFor, p.ID, c)
		}
		t.Logf("%s notes: %s", notesFor, strings.Join(row, ", "))
	}
}

func checkNotesScore(t *testing.T, notesFor, problem string, c Coverage) {
	t.Helper()
	if notesFor == problem {
		if c.Fraction < ownMin {
			t.Errorf("%s notes cover %d%% of their own checklist; want ≥ %.0f%%; missed %v",
				notesFor, c.Percent(), ownMin*100, missedIDs(c))
		}
		for _, it := range c.Covered {
			if it.LineNo == 0 || it.Line == "" {
				t.Errorf("%s: covered item %q has no line", notesFor, it.ID)
			}
		}
		return
	}
	limit := crossMax
	if s, ok := sharedDesigns[[2]string{notesFor, problem}]; ok {
		limit = s.max
	}
	if c.Fraction > limit {
		var got []string
		for _, it := range c.Covered {
			got = append(got, fmt.Sprintf("%s by %q in %q", it.ID, it.Keyword, it.Line))
		}
		t.Errorf("%s notes cover %d%% of %s; want ≤ %.0f%%:\n  %s", notesFor, c.Percent(), problem, limit*100, strings.Join(got, "\n  "))
	}
}

func missedIDs(c Coverage) []string {
	out := []string{}
	for _, m := range c.Missed {
		out = append(out, m.ID)
	}
	return out
}

// Notes written as a few dense lines (several ideas to a line), in
// ordinary words, as a candidate would write the well-known reference
// answers, without looking at the checklists.
const (
	twitterNotes = `Tweet service writes tweets to a tweets table sharded by tweet id (Snowflake ids).
Each new tweet goes onto Kafka; a fan-out service pushes the id to every follower.
Home timelines are Redis lists of tweet ids, capped at 800 per user.
Celebrities are not fanned out: merge their recent tweets when the timeline is read.
Follow graph kept in two tables, followers and following.
Media goes to an object store for media, served through a CDN.
Search cluster indexes tweets from the same stream.
Load balancer in front of stateless API servers; followers may see slightly stale timelines.`

	shortenerNotes = `POST /urls creates a link: take the next number from a counter and base62-encode it to 7 chars.
Each app server leases a block of ids so there is no coordination per request.
Links go in a key-value store keyed by the short code, sharded by code.
GET /{code}: the redirect service looks in Redis first, then the database.
Use 302 so every click reaches us for analytics; clicks go to Kafka and are counted later.
Custom alias: insert if absent, 409 when taken. Links can expire with a TTL.
Rate limit creation per API key and check URLs against a phishing blocklist.`

	ticketNotes = `Seats live in Postgres, one row per seat, sharded by event id.
Hold: UPDATE seats SET status = held WHERE status = available, in a transaction; the hold expires after 10 min.
No double booking: the conditional update decides, not a read-then-write (write skew under snapshot isolation).
Big on-sales go through a waiting room that admits users at the rate we can serve; captcha and a ticket limit per user.
Checkout: create the order, charge Stripe with the order id as idempotency key, webhook confirms.
Seat maps are cached in Redis and can be a second stale. Event pages and images on the CDN.
Tickets and emails are issued by workers from an outbox.`

	typeaheadNotes = `Every keystroke asks for the top 10 completions of the prefix.
Keep a trie in memory on each suggest server with the top 10 stored at every node.
Searches are logged to Kafka; a daily Spark job counts them and builds a new trie snapshot, which servers hot swap.
Replicate the trie on many servers behind a load balancer; shard by prefix range only if it outgrows RAM.
The client debounces keystrokes and the browser caches prefixes; short prefixes are served by the CDN.
Trending queries need a streaming layer; offensive completions are removed with a blocklist.`
)

// TestDenseNotesScoreOnTheirOwnProblemOnly grades notes that pack several
// ideas into a line, against every checklist.
func TestDenseNotesScoreOnTheirOwnProblemOnly(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	for notesFor, notes := range map[string]string{
		"twitter": twitterNotes, "url-shortener": shortenerNotes, "ticket-booking": ticketNotes, "typeahead": typeaheadNotes,
	} {
		for _, p := range lib.Problems() {
			checkNotesScore(t, notesFor, p.ID, GradeNotes(p.Mock.Checklist, notes))
		}
	}
}

// TestQAFindingsOnRealChecklists pins the cases QA found with the
// one-keyword matcher, on the embedded checklists.
func TestQAFindingsOnRealChecklists(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		problem, line string
		covers        []string // item ids the line must cover
		notCovers     []string // item ids it must not cover
	}{
		{"twitter", "A local DNS resolver cache on each fetcher", nil, []string{"timeline-cache"}},
		{"twitter", "fan-out on read for everyone, no precomputation", []string{"celebrities"}, []string{"fan-out"}},
		{"twitter", "fan out on write: push each tweet id to the followers' timelines", []string{"fan-out"}, nil},
		{"twitter", "tweets partitioned by user id", []string{"sharding"}, nil},
		{"twitter", "big accounts' tweets are pulled at read time and merged", []string{"celebrities"}, []string{"fan-out"}},
		{"twitter", "each timeline is cached in Redis", []string{"timeline-cache"}, nil},
		{"instagram", "feeds partitioned by user", []string{"sharding"}, nil},
		{"whatsapp", "chats partitioned by conversation id", []string{"sharding"}, nil},
		{"url-shortener", "Redis lists of tweet ids for each home timeline", nil, []string{"cache"}},
		{"url-shortener", "a fan-out service pushes to followers via Kafka", nil, []string{"analytics"}},
		{"web-crawler", "search cluster indexes tweets", nil, []string{"output", "page-store"}},
		{"twitter", "video titles are searchable through Elasticsearch", nil, []string{"search"}},
		{"twitter", "eventual consistency is fine for like counts", nil, []string{"consistency"}},
		{"twitter", "eventually consistent: a follower's timeline may lag", []string{"consistency"}, nil},
		{"twitter", "ID generation: each server leases a range from a counter", nil, []string{"tweet-ids"}},
		{"web-crawler", "on reconnect, back off and fetch the messages missed", nil, []string{"retries"}},
		{"web-crawler", "fetchers back off from a host that returns 503", []string{"retries"}, nil},
		{"whatsapp", "connection registry in Redis: user id to gateway", []string{"sessions"}, nil},
		{"youtube", "packager writes HLS segments to the object store", []string{"video-store"}, nil},
		{"youtube", "video status moves from processing to ready", []string{"status"}, nil},
	} {
		p, ok := lib.Problem(tt.problem)
		if !ok {
			t.Fatalf("no problem %q", tt.problem)
		}
		got := map[string]bool{}
		for _, c := range GradeNotes(p.Mock.Checklist, tt.line).Covered {
			got[c.ID] = true
		}
		for _, id := range tt.covers {
			if !got[id] {
				t.Errorf("%s: %q does not cover %q", tt.problem, tt.line, id)
			}
		}
		for _, id := range tt.notCovers {
			if got[id] {
				t.Errorf("%s: %q covers %q", tt.problem, tt.line, id)
			}
		}
	}
}
