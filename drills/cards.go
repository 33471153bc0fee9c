package drills

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/estimate"
)

// Card is one flashcard: a single fact with a question side and an
// answer side.
type Card struct {
	// ID is stable and derived from the card's source, so schedules
	// survive edits to the wording: "topic:caching:tradeoff",
	// "latency:l1-cache-reference", "power:2-30", "nines:99.99".
	ID string `json:"id"`
	// Topic is the id of the learn topic the card belongs to, used by
	// --topic and by the per-topic stats.
	Topic string `json:"topic"`
	// Kind is what the card asks: see the Kind constants.
	Kind Kind `json:"kind"`
	// Front is the question; Back the answer.
	Front string `json:"front"`
	Back  string `json:"back"`
}

// Kind is the kind of fact a card asks for.
type Kind string

// Card kinds: three per topic, then one per row of the reference tables.
const (
	KindWhat     Kind = "what"     // term → what it is
	KindTradeoff Kind = "tradeoff" // the key trade-off
	KindWhen     Kind = "when"     // when to use it
	KindLatency  Kind = "latency"  // a latency figure
	KindPower    Kind = "power"    // a power of two
	KindNines    Kind = "nines"    // availability → downtime a year
)

// Topics the table cards belong to.
const (
	latencyTopic = "latency-vs-throughput"
	powersTopic  = "back-of-the-envelope"
	ninesTopic   = "availability-nines"
)

// Deck builds every card from the content library and the estimator's
// reference tables, topic cards in listing order, then latency, powers of
// two and nines. Cards whose source text is empty are left out.
func Deck(lib *content.Library) []Card {
	var out []Card
	for _, t := range lib.Topics() {
		out = append(out, topicCards(t)...)
	}
	return append(out, tableCards()...)
}

// tableCards are the cards of the reference tables: latency numbers,
// powers of two and nines.
func tableCards() []Card {
	var out []Card
	for _, l := range estimate.Latencies {
		out = append(out, Card{
			ID: "latency:" + slug(l.Operation), Topic: latencyTopic, Kind: KindLatency,
			Front: "How long does this take: " + l.Operation + "?",
			Back:  "About " + estimate.FormatDuration(l.Duration) + " (" + l.Note + ")",
		})
	}
	for _, p := range estimate.PowersOfTwo {
		out = append(out, Card{
			ID: fmt.Sprintf("power:2-%d", p.Power), Topic: powersTopic, Kind: KindPower,
			Front: fmt.Sprintf("2^%d is roughly?", p.Power),
			Back:  fmt.Sprintf("%s (%s): exactly %s", p.Approx, p.Unit, p.Exact()),
		})
	}
	for _, level := range estimate.AvailabilityLevels {
		a := estimate.Downtime(level)
		pct := estimate.FormatPercentage(level)
		out = append(out, Card{
			ID: "nines:" + strconv.FormatFloat(level, 'f', -1, 64), Topic: ninesTopic, Kind: KindNines,
			Front: "How much downtime a year does " + pct + " availability allow?",
			Back:  estimate.FormatDuration(a.PerYear) + " a year (a year of 365 days)",
		})
	}
	return out
}

// topicKinds are the kinds of card every topic gives, in deck order.
var topicKinds = []Kind{KindWhat, KindTradeoff, KindWhen}

// DeckIndex lists the deck's cards, the topic cards without their text
// (ID, Topic and Kind only), from the file names of fsys's topics/*.md alone, without
// parsing them: enough to count what is due, at a fraction of the cost
// of Deck. It relies on the content format's rules (a topic's id is its
// file name; every topic has a summary, a trade-off and a "When to use
// it" section); a test checks that it lists exactly Deck's cards.
func DeckIndex(fsys fs.FS) ([]Card, error) {
	names, err := fs.Glob(fsys, "topics/*.md")
	if err != nil {
		return nil, err
	}
	var out []Card
	for _, n := range names {
		id := strings.TrimSuffix(path.Base(n), ".md")
		for _, k := range topicKinds {
			out = append(out, Card{ID: "topic:" + id + ":" + string(k), Topic: id, Kind: k})
		}
	}
	return append(out, tableCards()...), nil
}

// topicCards are a topic's three cards: what it is, its key trade-off
// and when to use it.
func topicCards(t *content.Topic) []Card {
	var out []Card
	add := func(k Kind, front, back string) {
		if back = strings.TrimSpace(back); back != "" {
			out = append(out, Card{ID: "topic:" + t.ID + ":" + string(k), Topic: t.ID, Kind: k, Front: front, Back: back})
		}
	}
	add(KindWhat, "What is "+t.Title+"?", t.Summary)
	add(KindTradeoff, t.Title+": what is the key trade-off?", tradeoff(t))
	if s, ok := t.Section(content.SectionWhenToUseIt); ok {
		add(KindWhen, "When do you reach for "+t.Title+"?", firstPoint(s.Body))
	}
	return out
}

// tradeoff is the topic's key trade-off: its tradeoff front-matter line,
// or else its first pro against its first con in the Trade-offs section.
func tradeoff(t *content.Topic) string {
	if t.Tradeoff != "" {
		return plain(t.Tradeoff)
	}
	s, ok := t.Section(content.SectionTradeOffs)
	if !ok {
		return ""
	}
	pros, okP := s.Subsection("Pros")
	cons, okC := s.Subsection("Cons")
	if !okP || !okC {
		return firstPoint(s.Body)
	}
	gain, cost := firstPoint(pros.Body), firstPoint(cons.Body)
	if gain == "" || cost == "" {
		return ""
	}
	return "Gain: " + gain + " Cost: " + cost
}

// firstPoint is the first fact of a Markdown section: its first list
// item or paragraph, followed by the next one when it only introduces a
// list (ends with a colon). Markdown markup is removed.
func firstPoint(body string) string {
	blocks := textBlocks(body)
	if len(blocks) == 0 {
		return ""
	}
	out := blocks[0]
	if strings.HasSuffix(out, ":") && len(blocks) > 1 {
		out += " " + blocks[1]
	}
	return plain(out)
}

// textBlocks splits Markdown into its list items and paragraphs, each
// joined into one line; headings, tables and code are skipped.
func textBlocks(body string) []string {
	var blocks, cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, " "))
			cur = nil
		}
	}
	inCode := false
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "```"):
			flush()
			inCode = !inCode
		case inCode:
		case t == "", strings.HasPrefix(t, "#"), strings.HasPrefix(t, "|"):
			flush()
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "):
			flush()
			cur = []string{t[2:]}
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return blocks
}

var (
	linkRe   = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	markupRe = regexp.MustCompile("\\*\\*|__|`")
	emRe     = regexp.MustCompile(`\*([^*\s][^*]*)\*`)
)

// plain removes inline Markdown: links keep their text; bold and code
// markers go, and so do single-star emphasis markers.
func plain(s string) string {
	s = linkRe.ReplaceAllString(s, "$1")
	s = markupRe.ReplaceAllString(s, "")
	return strings.TrimSpace(emRe.ReplaceAllString(s, "$1"))
}

// slug turns a table row's label into an id part: lower case, runs of
// other characters as one hyphen. "L1 cache reference" → "l1-cache-reference".
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
			continue
		}
		hyphen = true
	}
	return b.String()
}
