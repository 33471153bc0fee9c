package tui

import (
	"io"
	"time"

	"github.com/sdprep/sdprep/designs/balancer"
	"github.com/sdprep/sdprep/designs/breaker"
	"github.com/sdprep/sdprep/designs/cache"
	"github.com/sdprep/sdprep/designs/fanout"
	"github.com/sdprep/sdprep/designs/hashring"
	"github.com/sdprep/sdprep/designs/queue"
	"github.com/sdprep/sdprep/designs/quorum"
	"github.com/sdprep/sdprep/designs/ratelimit"
	"github.com/sdprep/sdprep/designs/sharding"
	"github.com/sdprep/sdprep/designs/shortener"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// Page ids accepted by Options.Start.
const (
	PageHome          = ""
	PageEstimate      = "estimate"
	PageNumbers       = "numbers"
	PageLearn         = "learn"
	PageLabRateLimit  = "lab/ratelimit"
	PageLabShortener  = "lab/shortener"
	PageQuiz          = "drill/quiz"
	PageMock          = "mock"
	PageDrill         = "drill"
	PageDrillCards    = "drill/cards"
	PageStats         = "stats"
	PageDrillEstimate = "drill/estimate"
	PageLabCache      = "lab/cache"
	PageLabQuorum     = "lab/quorum"
	PageLabHashRing   = "lab/hashring"
	PageLabBalancer   = "lab/balancer"
	PageLabBreaker    = "lab/breaker"
	PageLabSharding   = "lab/sharding"
	PageLabFanout     = "lab/fanout"
	PageLabQueue      = "lab/queue"
)

// Options configure one run of the app.
type Options struct {
	// Start is the page to open; PageHome (empty) opens the home menu.
	Start string
	// Version is shown on the home page.
	Version string
	// NoColor renders without colours (NO_COLOR).
	NoColor bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// In and Out are the streams the app reads keys from and draws on
	// (the command's streams); nil means the process's stdin and stdout.
	In  io.Reader
	Out io.Writer
	// DataDir is where exported reports and lab databases go.
	DataDir string

	// Preset and Values prefill the estimate page (Values keyed by
	// parameter name, as given on the command line).
	Preset string
	Values map[string]string

	// Topic opens the learn page on this topic id, or on a problem with
	// LearnProblemPrefix ("problem/twitter").
	Topic string

	// RateLimit configures the rate-limiter lab; Seed seeds its traffic.
	RateLimit ratelimit.Config
	Seed      uint64

	// Shortener configures the shortener lab's service when the page
	// creates its own (in memory); ShortenerService, when set, is used
	// instead (the command opened it on the store the user chose) and
	// the caller closes it after Run returns.
	Shortener        shortener.Config
	ShortenerService *shortener.Service

	// Quiz configures the quiz page.
	Quiz QuizOptions
	// Cache, Quorum, HashRing and Balancer are the starting parameters of
	// the simulation labs (the zero value means each lab's defaults).
	Cache    cache.Params
	Quorum   quorum.Params
	HashRing hashring.Params
	Balancer balancer.Params
	// Breaker, Sharding, Fanout and Queue likewise.
	Breaker  breaker.Params
	Sharding sharding.Params
	Fanout   fanout.Params
	Queue    queue.Params
	// Mock configures the mock interview (problem, plan, seed, resume).
	Mock MockOptions
	// Cards configures the flashcard review (drill/cards).
	Cards CardsOptions
	// Store, when set, is the progress store the drill and stats pages
	// use (the command opened it; the caller closes it after Run returns).
	// Nil means the pages open DataDir's store themselves.
	Store *store.Store

	// Drill picks the first estimation drill (seed, preset, quantity);
	// the next ones follow from seed+1, seed+2 … nil seeds from the clock.
	Drill *drills.EstimationOptions
	// DrillRecorder keeps each answered estimation drill; nil keeps none.
	DrillRecorder drills.EstimationRecorder
}

// CardsOptions configure the flashcard review.
type CardsOptions struct {
	// Topic keeps one topic's cards; empty reviews every card.
	Topic string
	// Until is the interview date (start of that day); zero for none.
	Until time.Time
	// Practice keeps reviewing, weakest first, once nothing is due.
	Practice bool
	// Limits override the stored daily limits where non-zero.
	Limits drills.Limits
}

// DefaultLabSeed is the seed a simulation lab starts with when none is
// given: the same as the commands' --seed default, so a lab opened from
// the menu shows the numbers `sdprep lab NAME --simulate` prints.
const DefaultLabSeed = 1

// defaultLabSeeds gives every simulation lab without a seed the default.
func (o *Options) defaultLabSeeds() {
	for _, seed := range []*uint64{&o.Cache.Seed, &o.Quorum.Seed, &o.HashRing.Seed, &o.Balancer.Seed,
		&o.Breaker.Seed, &o.Sharding.Seed, &o.Fanout.Seed, &o.Queue.Seed} {
		if *seed == 0 {
			*seed = DefaultLabSeed
		}
	}
}
