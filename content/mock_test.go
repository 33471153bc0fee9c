package content

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"unicode/utf8"
)

func TestParseMockOfAnEmbeddedProblem(t *testing.T) {
	p, ok := library(t).Problem("twitter")
	if !ok {
		t.Fatal("no twitter problem")
	}
	m := p.Mock
	if len(m.Clarify) != 9 || m.Clarify[0].Question != "Which features are in scope?" ||
		!strings.HasPrefix(m.Clarify[0].Answer, "Posting, following,") || strings.Contains(m.Clarify[0].Answer, "\n") {
		t.Errorf("Clarify = %d items, first %+v", len(m.Clarify), m.Clarify[0])
	}
	fan := m.Checklist[1]
	if fan.ID != "fan-out" || fan.Label != "Fan-out on write to follower timelines" || fan.Topic != "news-feed-fan-out" ||
		fan.Keywords[0] != "fan-out" || fan.Keywords[len(fan.Keywords)-1] != "precomputed timelines" {
		t.Errorf("checklist item 2 = %+v", fan)
	}
	if len(m.DeepDives) != 6 || m.DeepDives[0].Title != "Fan-out on write vs fan-out on read" ||
		strings.Join(m.DeepDives[0].Topics, ",") != "news-feed-fan-out,message-queue" {
		t.Errorf("DeepDives = %+v", m.DeepDives)
	}
	if len(m.FollowUps) != 4 || !strings.HasPrefix(m.FollowUps[0], "Traffic grows 10×") {
		t.Errorf("FollowUps = %q", m.FollowUps)
	}
	for i, h := range m.Hints {
		if h == "" || strings.HasPrefix(h, "**") {
			t.Errorf("hint %d (%s) = %q", i, MockSteps[i], h)
		}
	}
}

// covered reports the first line of notes that mentions one of the
// item's keywords (every part of an all-of keyword), case-insensitively
// and on word boundaries, the way the mock's coverage report matches.
func covered(notes string, it ChecklistItem) (string, bool) {
	for _, line := range strings.Split(notes, "\n") {
		low := strings.ToLower(strings.Join(strings.Fields(line), " "))
		for _, k := range it.Keywords {
			if !slices.ContainsFunc(KeywordParts(k), func(p string) bool { return !containsWord(low, p) }) {
				return line, true
			}
		}
	}
	return "", false
}

func containsWord(s, word string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after)) {
			return true
		}
		i = start + 1
	}
}

func coverage(notes string, p *Problem) float64 {
	n := 0
	for _, it := range p.Mock.Checklist {
		if _, ok := covered(notes, it); ok {
			n++
		}
	}
	return float64(n) / float64(len(p.Mock.Checklist))
}

// Notes in ordinary words, as a candidate would write the well-known
// reference answers, without looking at the checklists.
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

// TestReferenceNotesScoreHigh checks that the checklists reward a design
// written in ordinary words, and do not reward notes for another problem.
func TestReferenceNotesScoreHigh(t *testing.T) {
	lib := library(t)
	twitter, _ := lib.Problem("twitter")
	shortener, _ := lib.Problem("url-shortener")
	ticket, _ := lib.Problem("ticket-booking")
	typeahead, _ := lib.Problem("typeahead")
	for _, tc := range []struct {
		name  string
		notes string
		p     *Problem
		min   float64
		max   float64
	}{
		{"twitter notes, twitter checklist", twitterNotes, twitter, 0.8, 1},
		{"shortener notes, shortener checklist", shortenerNotes, shortener, 0.8, 1},
		{"twitter notes, shortener checklist", twitterNotes, shortener, 0, 0.5},
		{"shortener notes, twitter checklist", shortenerNotes, twitter, 0, 0.5},
		{"ticket notes, ticket checklist", ticketNotes, ticket, 0.8, 1},
		{"typeahead notes, typeahead checklist", typeaheadNotes, typeahead, 0.8, 1},
		{"ticket notes, typeahead checklist", ticketNotes, typeahead, 0, 0.5},
		{"typeahead notes, ticket checklist", typeaheadNotes, ticket, 0, 0.5},
	} {
		got := coverage(tc.notes, tc.p)
		t.Logf("%s: coverage %.2f", tc.name, got)
		if got < tc.min || got > tc.max {
			var missed []string
			for _, it := range tc.p.Mock.Checklist {
				if _, ok := covered(tc.notes, it); !ok {
					missed = append(missed, it.ID)
				}
			}
			t.Errorf("%s: coverage %.2f, want %.2f–%.2f; missed %v", tc.name, got, tc.min, tc.max, missed)
		}
	}
}

// TestChecklistKeywordsMatchThemselves guards against keywords the
// matcher can never find, such as ones with stray spaces or capitals.
func TestChecklistKeywordsMatchThemselves(t *testing.T) {
	for _, p := range library(t).Problems() {
		for _, it := range p.Mock.Checklist {
			for _, k := range it.Keywords {
				if _, ok := covered("we use "+k+" here", it); !ok || strings.Join(strings.Fields(k), " ") != k {
					t.Errorf("%s: item %q: keyword %q does not match itself", p.File, it.ID, k)
				}
			}
		}
	}
}

func FuzzParseMock(f *testing.F) {
	f.Add(validProblem("pastebin", "pastebin"))
	f.Add("---\nid: x\n---\n## Clarifying questions\n- **Q?**\n  more\n```\n- **no**\n```\n## Mock interview\n### Hints\n- **Requirements:**x\n")
	f.Fuzz(func(t *testing.T, src string) {
		p, err := ParseProblem("problems/x.md", []byte(src))
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %v is not a syntax error", err)
			}
			return
		}
		m := p.Mock
		if m.Clarify == nil || m.Checklist == nil || m.DeepDives == nil || m.FollowUps == nil {
			t.Fatalf("nil slice in %+v", m)
		}
		for _, qa := range m.Clarify {
			if !strings.HasSuffix(qa.Question, "?") || qa.Answer == "" {
				t.Fatalf("bad QA %+v", qa)
			}
		}
		for _, is := range m.issues {
			if is.line < 1 || is.reason == "" {
				t.Fatalf("issue without a line or reason: %+v", is)
			}
		}
	})
}
