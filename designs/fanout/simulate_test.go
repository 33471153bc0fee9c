package fanout

import (
	"errors"
	"math"
	"testing"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

var small = Params{Seed: 7, Users: 5_000, Follows: 20, Posts: 10_000, Reads: 20_000, Threshold: 500}

func reports(t *testing.T, p Params) map[string][]byte {
	t.Helper()
	r, err := Simulate(p)
	return labtest.Render(t, r, err)
}

func TestSimulateIsDeterministic(t *testing.T) {
	labtest.Deterministic(t, func(reseeded bool) map[string][]byte {
		p := small
		if reseeded {
			p.Seed++
		}
		return reports(t, p)
	})
}

func TestReportsGolden(t *testing.T) {
	steep := small
	steep.Skew, steep.Threshold = 1.2, 100
	cases := map[string]map[string][]byte{}
	for name, p := range map[string]Params{"default": small, "steep": steep} {
		cases[name] = reports(t, p)
	}
	labtest.Goldens(t, cases)
}

func run(t *testing.T, p Params) (Result, Strategy, Strategy, Strategy) {
	t.Helper()
	res, err := Simulate(p)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := res.Strategy(Write)
	r, _ := res.Strategy(Read)
	h, _ := res.Strategy(Hybrid)
	return res, w, r, h
}

// TestAmplificationMatchesTheGraph: with authors and readers picked
// uniformly, a pushed post costs the mean follower count, which equals
// the mean follows, and a pulled timeline costs the mean follows.
func TestAmplificationMatchesTheGraph(t *testing.T) {
	res, w, r, _ := run(t, Params{Seed: 3, Users: 20_000, Follows: 30, Posts: 200_000, Reads: 200_000})
	if math.Abs(res.MeanFollowers-30) > 1.5 {
		t.Errorf("mean followers %v, want about the mean follows 30", res.MeanFollowers)
	}
	if rel := math.Abs(w.WriteAmplification-res.MeanFollowers) / res.MeanFollowers; rel > 0.05 {
		t.Errorf("push: %v inserts per post, mean followers %v", w.WriteAmplification, res.MeanFollowers)
	}
	if rel := math.Abs(r.ReadsPerTimeline-res.MeanFollowers) / res.MeanFollowers; rel > 0.05 {
		t.Errorf("pull: %v lists per read, mean follows %v", r.ReadsPerTimeline, res.MeanFollowers)
	}
	if w.ReadsPerTimeline != 1 || r.WriteAmplification != 0 || r.StorageEntries != 0 {
		t.Errorf("push reads %v, pull writes %v, pull storage %v", w.ReadsPerTimeline, r.WriteAmplification, r.StorageEntries)
	}
	if w.MaxWritesPerPost > res.TopFollowers || w.DeliveryMaxMS < float64(w.MaxWritesPerPost)/float64(res.Params.InsertRate)*1000-1e-6 {
		t.Errorf("push max %d of top %d, delivered in %v ms", w.MaxWritesPerPost, res.TopFollowers, w.DeliveryMaxMS)
	}
}

// TestHybridSitsBetween: the hybrid at a threshold above every account is
// pure push; lowering the threshold trades writes for reads, steadily.
func TestHybridSitsBetween(t *testing.T) {
	p := small
	p.Threshold = p.Users
	_, w, _, h := run(t, p)
	if h.WriteAmplification != w.WriteAmplification || h.ReadsPerTimeline != w.ReadsPerTimeline || h.StorageEntries != w.StorageEntries {
		t.Errorf("threshold = users: hybrid %+v, push %+v", h, w)
	}
	res, w, r, h := run(t, small)
	if !(h.WriteAmplification < w.WriteAmplification && h.ReadsPerTimeline < r.ReadsPerTimeline && h.MaxWritesPerPost < w.MaxWritesPerPost) {
		t.Errorf("hybrid %+v should sit between push %+v and pull %+v", h, w, r)
	}
	if h.StorageEntries > w.StorageEntries || w.StorageEntries > int64(small.Users*DefaultCap) {
		t.Errorf("storage: hybrid %d, push %d", h.StorageEntries, w.StorageEntries)
	}
	for i := 1; i < len(res.Sweep); i++ {
		a, b := res.Sweep[i-1], res.Sweep[i]
		if b.WriteAmplification < a.WriteAmplification || b.ReadsPerTimeline > a.ReadsPerTimeline || b.Celebrities > a.Celebrities {
			t.Errorf("sweep not monotonic between %+v and %+v", a, b)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{Users: 10}, "fanout: users 10: want 100 to 1,000,000"},
		{Params{Users: 100, Follows: 100}, "fanout: follows 100: want 1 to 1,000 and below users (100)"},
		{Params{Users: 1_000_000, Follows: 100}, "fanout: follows 100: want at most 20 for 1,000,000 users (users × follows up to 20,000,000)"},
		{Params{Skew: -1}, "fanout: skew -1: want above 0 up to 3"},
		{Params{Posts: 20_000_000}, "fanout: posts 20,000,000: want 1 to 10,000,000"},
		{Params{Reads: -5}, "fanout: reads -5: want 1 to 10,000,000"},
		{Params{Threshold: 200_000}, "fanout: threshold 200,000: want 1 to users (100,000)"},
		{Params{Cap: -1}, "fanout: cap -1: want 1 to 100,000"},
		{Params{PostRate: -1}, "fanout: post-rate -1: want 1 to 1,000,000 posts per second"},
		{Params{InsertRate: -1}, "fanout: insert-rate -1: want 1 to 1,000,000,000 inserts per second"},
	}
	for _, tt := range tests {
		_, err := Simulate(tt.p)
		if !errors.Is(err, ErrInvalidParams) || err.Error() != tt.want {
			t.Errorf("%+v: error %v, want %q", tt.p, err, tt.want)
		}
	}
	if err := (Params{}).Validate(); err != nil {
		t.Errorf("zero Params: %v", err)
	}
}
