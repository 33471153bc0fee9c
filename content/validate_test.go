package content

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sdprep/sdprep/estimate"
)

// requiredTopics are the concept ids issue #3 requires.
var requiredTopics = []string{
	"monolith", "modular-monolith", "microservices", "serverless", "event-driven-architecture",
	"idempotency", "circuit-breaker", "api-gateway", "service-discovery", "service-mesh",
	"message-queue", "orchestration-vs-choreography", "retries-backoff-jitter",
	"vertical-vs-horizontal-scaling", "stateless-vs-stateful", "replication", "failover",
	"autoscaling", "rate-limiting", "sharding", "consistent-hashing", "load-balancer",
	"load-shedding", "containerization", "kubernetes",
	"cdn", "database-indexing", "sql-vs-nosql", "acid-vs-base", "caching", "data-lake",
	"data-warehouse", "oltp-vs-olap", "batch-vs-stream-processing", "cap-theorem", "pacelc",
	"quorum", "consistency-models", "bloom-filter",
	"dns", "forward-vs-reverse-proxy", "object-storage", "notifications", "full-text-search",
	"distributed-coordination",
	"latency-vs-throughput", "availability-nines", "back-of-the-envelope", "interview-process",
}

// requiredProblems are the interview questions issue #3 requires.
var requiredProblems = []string{
	"url-shortener", "rate-limiter", "twitter", "instagram", "youtube", "uber",
	"whatsapp", "netflix", "web-crawler", "notification-system", "dropbox", "pastebin",
}

// TestEmbeddedContentIsValid is the content validator: every embedded
// file parses (Default would fail otherwise) and obeys FORMAT.md.
func TestEmbeddedContentIsValid(t *testing.T) {
	for _, err := range Validate(library(t)) {
		t.Error(err)
	}
}

func TestEmbeddedContentCoversTheRequiredIDs(t *testing.T) {
	lib := library(t)
	for _, id := range requiredTopics {
		if tp, ok := lib.Topic(id); !ok || tp.ID != id {
			t.Errorf("required topic %q is missing", id)
		}
	}
	for _, id := range requiredProblems {
		if _, ok := lib.Problem(id); !ok {
			t.Errorf("required problem %q is missing", id)
		}
	}
}

// TestEmbeddedContentNamesRealCommands checks every `sdprep …` code span
// against the commands that exist, and every preset and estimate flag it
// names against the estimate package.
func TestEmbeddedContentNamesRealCommands(t *testing.T) {
	lib := library(t)
	span := regexp.MustCompile("`(sdprep[^`]*)`")
	bare := regexp.MustCompile(`sdprep (lab|numbers) ([a-z-]+)`)
	check := func(file, body string) {
		text := strings.Join(strings.Fields(body), " ")
		for _, m := range span.FindAllStringSubmatch(text, -1) {
			if err := checkCommand(lib, strings.Fields(m[1])); err != nil {
				t.Errorf("%s: `%s`: %v", file, m[1], err)
			}
		}
		for _, m := range bare.FindAllStringSubmatch(text, -1) {
			if err := checkCommand(lib, strings.Fields(m[0])); err != nil {
				t.Errorf("%s: %q: %v", file, m[0], err)
			}
		}
	}
	for _, tp := range lib.Topics() {
		check(tp.File, tp.Body)
	}
	for _, p := range lib.Problems() {
		check(p.File, p.Body)
	}
}

// checkCommand accepts the commands sdprep has: estimate [preset]
// [flags], numbers [table | nines <pct>], learn [id | problem <id>] and
// lab ratelimit|shortener|load.
func checkCommand(lib *Library, args []string) error {
	if len(args) < 2 {
		return nil // the program's name alone, in prose
	}
	rest := args[2:]
	switch args[1] {
	case "estimate":
		for i, a := range rest {
			name, isFlag := strings.CutPrefix(a, "--")
			switch {
			case !isFlag && i == 0:
				if _, ok := estimate.PresetByName(a); !ok {
					return fmt.Errorf("no estimate preset %q", a)
				}
			case isFlag:
				if _, ok := estimate.ParamByName(name); !ok && !slices.Contains([]string{"help", "list", "format", "binary"}, name) {
					return fmt.Errorf("sdprep estimate has no flag --%s", name)
				}
			}
		}
	case "numbers":
		if len(rest) > 0 && !slices.Contains([]string{"latency", "powers", "throughput", "availability", "nines"}, rest[0]) {
			return fmt.Errorf("sdprep numbers has no table %q", rest[0])
		}
		if len(rest) > 1 && rest[0] == "nines" {
			if _, err := estimate.ParseAvailability(rest[1]); err != nil {
				return err
			}
		}
	case "learn":
		switch {
		case len(rest) == 0 || strings.HasPrefix(rest[0], "<") || strings.HasPrefix(rest[0], "-"):
		case rest[0] == "problem":
			if len(rest) > 1 && !strings.HasPrefix(rest[1], "<") {
				if _, ok := lib.Problem(rest[1]); !ok {
					return fmt.Errorf("no problem %q", rest[1])
				}
			}
		default:
			if _, ok := lib.Topic(rest[0]); !ok {
				return fmt.Errorf("no topic %q", rest[0])
			}
		}
	case "lab":
		if len(rest) == 0 || !slices.Contains([]string{"ratelimit", "shortener", "load"}, rest[0]) {
			return fmt.Errorf("the labs are ratelimit, shortener and load")
		}
	default:
		return fmt.Errorf("sdprep has no command %q", args[1])
	}
	return nil
}

// TestProblemEstimatesMatchTheEstimator keeps the figures quoted in each
// problem's Estimation section in step with `sdprep estimate <preset>`:
// the headline figures, formatted as the estimator prints them, must
// appear in the text. Changing a preset fails this test until the prose
// is updated.
func TestProblemEstimatesMatchTheEstimator(t *testing.T) {
	for _, p := range library(t).Problems() {
		preset, ok := estimate.PresetByName(p.Preset)
		if !ok {
			t.Errorf("%s: no preset %q", p.ID, p.Preset)
			continue
		}
		e, _, err := estimate.Run(estimate.NewScenario(preset))
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
			continue
		}
		figures := map[string]string{
			"write QPS":                  estimate.FormatCount(e.WriteQPS),
			"peak write QPS":             estimate.FormatCount(e.PeakWriteQPS),
			"storage over retention":     estimate.FormatBytes(e.StorageTotal, false),
			"storage with replication":   estimate.FormatBytes(e.StorageReplicated, false),
			"storage per day":            estimate.FormatBytes(e.StoragePerDay, false),
			"servers at peak (as count)": estimate.FormatPlain(e.PeakServers),
		}
		if e.ReadsPerDay > 0 {
			figures["read QPS"] = estimate.FormatCount(e.ReadQPS)
			figures["peak read QPS"] = estimate.FormatCount(e.PeakReadQPS)
			figures["cache"] = estimate.FormatBytes(e.CacheBytes, false)
		}
		for name, fig := range figures {
			if !containsNumber(p.Estimation, fig) {
				t.Errorf("%s: Estimation does not quote the %s the estimator prints (%s)", p.File, name, fig)
			}
		}
	}
}

// containsNumber reports whether fig occurs in text not as part of a
// longer number ("1.4 TB" is not found in "11.4 TB" or "1.45 TB").
func containsNumber(text, fig string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], fig)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(fig)
		before := start == 0 || !isNumberByte(text[start-1])
		after := end == len(text) || !isDigit(text[end]) && !(text[end] == '.' && end+1 < len(text) && isDigit(text[end+1]))
		if before && after {
			return true
		}
		i = start + 1
	}
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isNumberByte(c byte) bool { return isDigit(c) || c == '.' || c == ',' }

// validTopic returns a topic file that passes Validate, related to the
// given ids.
func validTopic(id, category string, aliases string, related ...string) string {
	var bullets []string
	for _, r := range related {
		bullets = append(bullets, "- "+r+" — why it matters.")
	}
	return "---\n" +
		"id: " + id + "\n" +
		"title: Title of " + id + "\n" +
		"category: " + category + "\n" +
		"aliases: [" + aliases + "]\n" +
		"tags: [one, two]\n" +
		"related: [" + strings.Join(related, ", ") + "]\n" +
		"summary: A one-line summary.\n" +
		"tradeoff: Fast, but costly.\n" +
		"---\n\n" +
		"## What it is\n\nText.\n\n" +
		"## How it works\n\nText.\n\n" +
		"## When to use it\n\nText.\n\n" +
		"## Trade-offs\n\n### Pros\n\n- good\n\n### Cons\n\n- bad\n\n" +
		"## Pitfalls and misconceptions\n\nText.\n\n" +
		"## Interview tips\n\nText.\n\n" +
		"## Related\n\n" + strings.Join(bullets, "\n") + "\n"
}

func validProblem(id, preset string) string {
	return "---\n" +
		"id: " + id + "\n" +
		"title: Design " + id + "\n" +
		"preset: " + preset + "\n" +
		"difficulty: easy\n" +
		"tags: [text]\n" +
		"related: [alpha]\n" +
		"summary: Store text snippets.\n" +
		"---\n\n" +
		"## Prompt\n\nText.\n\n" +
		"## Clarifying questions\n\n- **How big?** 10 KB.\n- **How many?** 1M a day.\n- **How long?** Ten\n  years.\n\n" +
		"## Functional requirements\n\nText.\n\n" +
		"## Non-functional requirements\n\nText.\n\n" +
		"## Estimation\n\nRun `sdprep estimate " + preset + "`.\n\n" +
		"## API\n\n`POST /pastes` returns the key.\n\n" +
		"## High-level design\n\n```\nclient -> server\n```\n\n" +
		"## Data model\n\nText.\n\n" +
		"## Deep dives\n\n### Storage\n\nRead: `alpha`, `beta`.\n\n" +
		"## Bottlenecks\n\nText.\n\n" +
		"## Wrap-up\n\nDefend three decisions.\n\n" +
		"## Follow-up questions\n\nText.\n\n" +
		"## Mock interview\n\n### Checklist\n\n" + validChecklist(8) + "\n" +
		"### Follow-ups\n\n- Traffic grows 10×.\n- A region goes down.\n- A disk fills up.\n\n" +
		"### Hints\n\n- **Requirements:** Ask.\n- **Estimation:** Count.\n- **High-level design:** Draw.\n" +
		"- **Deep dive:** Dig.\n- **Bottlenecks and wrap-up:** Break\n  it.\n"
}

// validChecklist returns n valid checklist bullets, items item1…itemN.
func validChecklist(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "- **Item %d** (id `item%d`, learn `alpha`): word%d, phrase %d\n", i, i, i, i)
	}
	return b.String()
}

func validFiles() map[string]string {
	return map[string]string{
		"topics/alpha.md":      validTopic("alpha", "data", "first", "beta"),
		"topics/beta.md":       validTopic("beta", "patterns", "", "alpha"),
		"problems/pastebin.md": validProblem("pastebin", "pastebin"),
	}
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

func TestValidateAcceptsAValidLibrary(t *testing.T) {
	lib, err := Load(mapFS(validFiles()))
	if err != nil {
		t.Fatal(err)
	}
	if errs := Validate(lib); errs != nil {
		t.Errorf("Validate = %v, want nil", errs)
	}
}

// All-of keywords, multi-word parts included, are valid keywords.
func TestValidateAcceptsAllOfKeywords(t *testing.T) {
	files := validFiles()
	files["problems/pastebin.md"] = replace("word3, phrase 3", "word3, phrase 3, phrase+three, fan-out+on write+3")(files["problems/pastebin.md"])
	lib, err := Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	if errs := Validate(lib); errs != nil {
		t.Errorf("Validate = %v, want nil", errs)
	}
	p, _ := lib.Problem("pastebin")
	if got := p.Mock.Checklist[2].Keywords; !slices.Equal(got, []string{"word3", "phrase 3", "phrase+three", "fan-out+on write+3"}) {
		t.Errorf("keywords of item 3 = %q", got)
	}
}

func TestKeywordParts(t *testing.T) {
	for k, want := range map[string][]string{
		"cache":                {"cache"},
		"object store":         {"object store"},
		"timeline+cache":       {"timeline", "cache"},
		"fan-out + on write":   {"fan-out", "on write"},
		"timeline+":            {"timeline", ""},
		"push+followers+tweet": {"push", "followers", "tweet"},
	} {
		if got := KeywordParts(k); !slices.Equal(got, want) {
			t.Errorf("KeywordParts(%q) = %q, want %q", k, got, want)
		}
	}
}

// TestValidateCatchesEachKindOfError breaks a valid library in one way at
// a time and checks that Validate reports that problem, of the right
// kind, at the right file and line.
func TestValidateCatchesEachKindOfError(t *testing.T) {
	const alpha, beta, prob = "topics/alpha.md", "topics/beta.md", "problems/pastebin.md"
	tests := []struct {
		name   string
		file   string              // the file to change
		edit   func(string) string // how to change it
		add    map[string]string   // files to add
		kind   error               // the kind of error expected
		at     string              // "file:line: " prefix expected
		reason string              // substring of the reason expected
	}{
		{name: "missing section", file: alpha, edit: cut("## Interview tips\n\nText.\n\n"),
			kind: ErrMissingSection, at: alpha + ":38:", reason: `required section "## Interview tips" is missing`},
		{name: "empty section", file: alpha, edit: replace("## When to use it\n\nText.", "## When to use it\n"),
			kind: ErrMissingSection, at: alpha + ":20:", reason: `section "When to use it" is empty`},
		{name: "sections out of order", file: alpha, edit: swap("## What it is\n\nText.\n\n", "## How it works\n\nText.\n\n"),
			kind: ErrMissingSection, at: alpha + ":16:", reason: `section "What it is" is out of order`},
		{name: "unknown section", file: alpha, edit: replace("## Interview tips", "## Tips"),
			kind: ErrUnknownSection, at: alpha + ":38:", reason: `unknown section "Tips"`},
		{name: "repeated section", file: alpha, edit: replace("## Interview tips\n\nText.", "## Interview tips\n\nText.\n\n## Interview tips\n\nMore."),
			kind: ErrUnknownSection, at: alpha + ":42:", reason: `section "Interview tips" repeats`},
		{name: "trade-offs without cons", file: alpha, edit: cut("### Cons\n\n- bad\n\n"),
			kind: ErrMissingSection, at: alpha + ":24:", reason: `needs a non-empty "### Cons"`},
		{name: "related id names no topic", file: alpha, edit: replace("related: [beta]", "related: [beta, gamma]"),
			kind: ErrUnresolved, at: alpha + ":7:", reason: `related id "gamma" names no topic`},
		{name: "related lists itself", file: beta, edit: replace("related: [alpha]", "related: [alpha, beta]"),
			kind: ErrUnresolved, at: beta + ":7:", reason: `own id "beta"`},
		{name: "Related section lists an id the key lacks", file: alpha, edit: replace("- beta — why it matters.", "- beta — why.\n- `alpha`: itself."),
			kind: ErrUnresolved, at: alpha + ":45:", reason: `lists "alpha", which is not in the related key`},
		{name: "Related section misses an id", file: alpha, edit: replace("- beta — why it matters.", "Nothing."),
			kind: ErrUnresolved, at: alpha + ":42:", reason: `related id "beta" has no bullet`},
		{name: "unknown preset", file: prob, edit: replace("preset: pastebin", "preset: pastebin-xl"),
			kind: ErrUnknownPreset, at: prob + ":4:", reason: `preset "pastebin-xl" is not an estimate preset`},
		{name: "missing difficulty", file: prob, edit: cut("difficulty: easy\n"),
			kind: ErrMissingKey, at: prob + ":1:", reason: "difficulty is missing (accepted: easy, medium, hard)"},
		{name: "unknown difficulty", file: prob, edit: replace("difficulty: easy", "difficulty: tricky"),
			kind: ErrInvalidValue, at: prob + ":5:", reason: `difficulty "tricky" (accepted: easy, medium, hard)`},
		{name: "missing preset", file: prob, edit: cut("preset: pastebin\n"),
			kind: ErrMissingKey, at: prob + ":1:", reason: "preset is missing"},
		{name: "estimation does not name the command", file: prob, edit: replace("Run `sdprep estimate pastebin`.", "Do the maths."),
			kind: ErrInvalidValue, at: prob + ":30:", reason: "does not name `sdprep estimate pastebin`"},
		{name: "design without a diagram", file: prob, edit: replace("```\nclient -> server\n```", "Boxes."),
			kind: ErrMissingSection, at: prob + ":38:", reason: "no fenced code block"},
		{name: "deep dives without topics", file: prob, edit: replace("### Storage\n\n", ""),
			kind: ErrMissingSection, at: prob + ":48:", reason: `no "###" subsection`},
		{name: "API section missing", file: prob, edit: cut("## API\n\n`POST /pastes` returns the key.\n\n"),
			kind: ErrMissingSection, at: prob + ":34:", reason: `"## API" is missing`},
		{name: "Wrap-up section missing", file: prob, edit: cut("## Wrap-up\n\nDefend three decisions.\n\n"),
			kind: ErrMissingSection, at: prob + ":58:", reason: `"## Wrap-up" is missing`},
		{name: "problem section missing", file: prob, edit: cut("## Bottlenecks\n\nText.\n\n"),
			kind: ErrMissingSection, at: prob + ":54:", reason: `"## Bottlenecks" is missing`},
		{name: "clarifying question without an answer", file: prob, edit: replace("- **How many?** 1M a day.", "- **How many?**"),
			kind: ErrSyntax, at: prob + ":18:", reason: "`- **Question?** Answer.`"},
		{name: "too few clarifying questions", file: prob, edit: cut("- **How many?** 1M a day.\n"),
			kind: ErrMissingSection, at: prob + ":15:", reason: "2 answered questions; at least 3"},
		{name: "deep dive without a Read line", file: prob, edit: replace("Read: `alpha`, `beta`.", "Text."),
			kind: ErrMissingSection, at: prob + ":50:", reason: `deep dive "Storage" has no "Read:`},
		{name: "deep dive reads an unknown topic", file: prob, edit: replace("Read: `alpha`, `beta`.", "Read: `alpha`, `gamma`."),
			kind: ErrUnresolved, at: prob + ":50:", reason: `reads "gamma", which names no topic`},
		{name: "mock section missing", file: prob, edit: func(s string) string { return s[:strings.Index(s, "## Mock interview")] },
			kind: ErrMissingSection, at: prob + ":62:", reason: `"## Mock interview" is missing`},
		{name: "too few checklist items", file: prob, edit: replace(validChecklist(8), validChecklist(7)),
			kind: ErrInvalidValue, at: prob + ":68:", reason: "7 checklist items; 8 to 15"},
		{name: "too many checklist items", file: prob, edit: replace(validChecklist(8), validChecklist(16)),
			kind: ErrInvalidValue, at: prob + ":68:", reason: "16 checklist items; 8 to 15"},
		{name: "malformed checklist item", file: prob, edit: replace("(id `item3`, learn `alpha`)", "(learn `alpha`)"),
			kind: ErrSyntax, at: prob + ":72:", reason: "a checklist item is written"},
		{name: "checklist keyword repeats", file: prob, edit: replace("word3, phrase 3", "word3, phrase 1"),
			kind: ErrDuplicate, at: prob + ":72:", reason: `keyword "phrase 1" is already a keyword of "item1"`},
		{name: "empty checklist keyword", file: prob, edit: replace("word3, phrase 3", "word3, , phrase 3"),
			kind: ErrInvalidValue, at: prob + ":72:", reason: `"item3" has an empty keyword`},
		{name: "upper-case checklist keyword", file: prob, edit: replace("word3, phrase 3", "Word3, phrase 3"),
			kind: ErrInvalidValue, at: prob + ":72:", reason: `keyword "Word3" is not lower-case`},
		{name: "all-of keyword with an empty part", file: prob, edit: replace("word3, phrase 3", "word3, phrase+"),
			kind: ErrInvalidValue, at: prob + ":72:", reason: `keyword "phrase+" has an empty part`},
		{name: "all-of keyword with a space for a part", file: prob, edit: replace("word3, phrase 3", "word3, phrase+ +three"),
			kind: ErrInvalidValue, at: prob + ":72:", reason: `keyword "phrase+ +three" has an empty part`},
		{name: "all-of keyword repeats a part", file: prob, edit: replace("word3, phrase 3", "word3, phrase+three+phrase"),
			kind: ErrInvalidValue, at: prob + ":72:", reason: `keyword "phrase+three+phrase" repeats the part "phrase"`},
		{name: "all-of keyword repeats another in a new order", file: prob, edit: replace("word3, phrase 3", "word3, phrase+three, three+phrase"),
			kind: ErrDuplicate, at: prob + ":72:", reason: `keyword "three+phrase" is already a keyword of "item3"`},
		{name: "all-of keyword upper-case", file: prob, edit: replace("word3, phrase 3", "word3, Phrase+three"),
			kind: ErrInvalidValue, at: prob + ":72:", reason: `keyword "Phrase+three" is not lower-case`},
		{name: "checklist topic unknown", file: prob, edit: replace("(id `item3`, learn `alpha`)", "(id `item3`, learn `gamma`)"),
			kind: ErrUnresolved, at: prob + ":72:", reason: `learn topic "gamma" names no topic`},
		{name: "checklist id repeats", file: prob, edit: replace("(id `item3`,", "(id `item2`,"),
			kind: ErrDuplicate, at: prob + ":72:", reason: `checklist id "item2" repeats`},
		{name: "checklist id not kebab-case", file: prob, edit: replace("(id `item3`,", "(id `Item 3`,"),
			kind: ErrInvalidValue, at: prob + ":72:", reason: `checklist id "Item 3" is not kebab-case`},
		{name: "too few follow-ups", file: prob, edit: cut("- A disk fills up.\n"),
			kind: ErrInvalidValue, at: prob + ":79:", reason: "2 follow-ups; 3 to 5"},
		{name: "too many follow-ups", file: prob, edit: replace("- A disk fills up.\n", strings.Repeat("- More.\n", 4)),
			kind: ErrInvalidValue, at: prob + ":79:", reason: "6 follow-ups; 3 to 5"},
		{name: "hint missing", file: prob, edit: cut("- **Deep dive:** Dig.\n"),
			kind: ErrSyntax, at: prob + ":90:", reason: "hint 4 is written `- **Deep dive:** hint`"},
		{name: "hint for a step missing", file: prob, edit: cut("- **Bottlenecks and wrap-up:** Break\n  it.\n"),
			kind: ErrMissingSection, at: prob + ":85:", reason: `no hint for step "Bottlenecks and wrap-up"`},
		{name: "sixth hint", file: prob, edit: replace("  it.\n", "  it.\n- **Extra:** More.\n"),
			kind: ErrSyntax, at: prob + ":93:", reason: "more than 5 hints"},
		{name: "mock subsection missing", file: prob, edit: replace("### Follow-ups", "### Questions"),
			kind: ErrMissingSection, at: prob + ":66:", reason: `needs a non-empty "### Follow-ups"`},
		{name: "duplicate topic id", add: map[string]string{"topics/alpha2.md": validTopic("alpha", "data", "", "beta")},
			kind: ErrDuplicate, at: "topics/alpha2.md:2:", reason: `id "alpha" is already used by topics/alpha.md`},
		{name: "alias taken by another topic's id", file: beta, edit: replace("aliases: []", "aliases: [alpha]"),
			kind: ErrDuplicate, at: beta + ":5:", reason: `alias "alpha" is already the id or an alias of topics/alpha.md`},
		{name: "alias taken by another topic's alias", file: beta, edit: replace("aliases: []", "aliases: [first]"),
			kind: ErrDuplicate, at: beta + ":5:", reason: `alias "first" is already`},
		{name: "alias is not kebab-case", file: beta, edit: replace("aliases: []", "aliases: [Two Words]"),
			kind: ErrInvalidValue, at: beta + ":5:", reason: `alias "Two Words" is not kebab-case`},
		{name: "duplicate problem id", add: map[string]string{"problems/pastebin2.md": validProblem("pastebin", "pastebin")},
			kind: ErrDuplicate, at: "problems/pastebin2.md:2:", reason: `id "pastebin" is already used by problems/pastebin.md`},
		{name: "invalid category", file: alpha, edit: replace("category: data", "category: databases"),
			kind: ErrInvalidValue, at: alpha + ":4:", reason: `category "databases" is not one of architecture, patterns`},
		{name: "missing category", file: alpha, edit: cut("category: data\n"),
			kind: ErrMissingKey, at: alpha + ":1:", reason: "category is missing"},
		{name: "id differs from the file name", file: alpha, edit: replace("id: alpha", "id: alpha-two"),
			kind: ErrInvalidValue, at: alpha + ":2:", reason: "the file must be topics/alpha-two.md"},
		{name: "id not kebab-case", file: alpha, edit: replace("id: alpha", "id: Alpha_One"),
			kind: ErrInvalidValue, at: alpha + ":2:", reason: `id "Alpha_One" is not kebab-case`},
		{name: "missing title", file: alpha, edit: cut("title: Title of alpha\n"),
			kind: ErrMissingKey, at: alpha + ":1:", reason: "title is missing"},
		{name: "summary too long", file: alpha, edit: replace("summary: A one-line summary.", "summary: "+strings.Repeat("long ", 30)),
			kind: ErrInvalidValue, at: alpha + ":8:", reason: "summary is 149 characters; at most 120"},
		{name: "missing tradeoff", file: alpha, edit: cut("tradeoff: Fast, but costly.\n"),
			kind: ErrMissingKey, at: alpha + ":1:", reason: "tradeoff is missing"},
		{name: "tradeoff too long", file: alpha, edit: replace("tradeoff: Fast, but costly.", "tradeoff: "+strings.Repeat("slow ", 30)),
			kind: ErrInvalidValue, at: alpha + ":9:", reason: "tradeoff is 149 characters; at most 140"},
		{name: "title heading in the body", file: alpha, edit: replace("## What it is", "# Alpha\n\n## What it is"),
			kind: ErrSyntax, at: alpha + ":12:", reason: "level-1 heading in the body"},
		{name: "text before the first section", file: beta, edit: replace("## What it is", "Intro.\n\n## What it is"),
			kind: ErrSyntax, at: beta + ":12:", reason: `text before the first "##" section`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := validFiles()
			if tt.file != "" {
				before := files[tt.file]
				files[tt.file] = tt.edit(before)
				if files[tt.file] == before {
					t.Fatal("the edit changed nothing")
				}
			}
			for name, text := range tt.add {
				files[name] = text
			}
			lib, err := Load(mapFS(files))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			errs := Validate(lib)
			for _, err := range errs {
				if errors.Is(err, tt.kind) && strings.HasPrefix(err.Error(), tt.at) && strings.Contains(err.Error(), tt.reason) {
					return
				}
			}
			t.Errorf("want a %v error at %s containing %q; got %d errors:\n%s", tt.kind, tt.at, tt.reason, len(errs), errors.Join(errs...))
		})
	}
}

func TestLoadReportsEveryBrokenFile(t *testing.T) {
	files := validFiles()
	files["topics/alpha.md"] = strings.Replace(files["topics/alpha.md"], "tags: [one, two]", "tag: [one, two]", 1)
	files["topics/beta.md"] = strings.Replace(files["topics/beta.md"], "title: Title of beta", "title: [Title]", 1)
	files["problems/pastebin.md"] = strings.Replace(files["problems/pastebin.md"], "tags: [text]", "tags: text", 1)
	files["problems/open.md"] = "---\nid: open\n"
	files["notes/ignored.md"] = "not content"
	lib, err := Load(mapFS(files))
	if lib != nil || err == nil {
		t.Fatalf("Load = %v, %v; want an error", lib, err)
	}
	for _, want := range []string{
		`topics/alpha.md:6: unknown key "tag" (accepted: id, title, category, aliases, tags, related, summary, tradeoff)`,
		`topics/beta.md:3: key "title" takes one value, not a list`,
		`problems/pastebin.md:6: key "tags" takes an inline list such as [a, b], got "text"`,
		`problems/open.md:1: the front matter opened here is never closed`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not contain %q:\n%v", want, err)
		}
	}
	if !errors.Is(err, ErrSyntax) {
		t.Errorf("error %v is not ErrSyntax", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.File == "" || e.Line == 0 {
		t.Errorf("errors.As(*Error) = %+v", e)
	}
}

func TestLoadEmptyFS(t *testing.T) {
	lib, err := Load(fstest.MapFS{})
	if err != nil || len(lib.Topics()) != 0 || lib.Search("x") != nil || lib.Categories() != nil || Validate(lib) != nil {
		t.Errorf("Load(empty) = %v, %v", lib, err)
	}
}

func cut(s string) func(string) string { return replace(s, "") }

func replace(old, new string) func(string) string {
	return func(text string) string { return strings.Replace(text, old, new, 1) }
}

// swap exchanges two adjacent blocks, a directly followed by b.
func swap(a, b string) func(string) string { return replace(a+b, b+a) }

func TestCheckCommand(t *testing.T) {
	lib := library(t)
	good := []string{
		"sdprep", "sdprep estimate", "sdprep estimate twitter", "sdprep estimate --dau 100M --read-size 500B",
		"sdprep estimate --list", "sdprep numbers", "sdprep numbers nines 99.95", "sdprep learn cap-theorem",
		"sdprep learn <topic>", "sdprep learn problem twitter", "sdprep lab ratelimit", "sdprep lab load",
	}
	bad := []string{
		"sdprep lab hashring", "sdprep lab", "sdprep estimate facebook", "sdprep estimate --users 5",
		"sdprep numbers latencies", "sdprep numbers nines lots", "sdprep learn nope",
		"sdprep learn problem nope", "sdprep drill",
	}
	for _, c := range good {
		if err := checkCommand(lib, strings.Fields(c)); err != nil {
			t.Errorf("%q: %v", c, err)
		}
	}
	for _, c := range bad {
		if err := checkCommand(lib, strings.Fields(c)); err == nil {
			t.Errorf("%q was accepted", c)
		}
	}
}
