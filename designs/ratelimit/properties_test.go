package ratelimit

import (
	"math/rand/v2"
	"testing"
	"time"
)

// randomTraffic returns n non-decreasing instants with bursty gaps: mostly
// short, sometimes several at the same instant, sometimes a long pause.
func randomTraffic(seed uint64, n int, window time.Duration) []time.Time {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]time.Time, n)
	now := t0
	for i := range out {
		switch x := r.IntN(10); {
		case x < 3: // same instant
		case x < 9:
			now = now.Add(time.Duration(r.Int64N(int64(window) / 10)))
		default:
			now = now.Add(time.Duration(r.Int64N(int64(window) * 2)))
		}
		out[i] = now
	}
	return out
}

func admittedTimes(m *Memory, traffic []time.Time) []time.Time {
	var out []time.Time
	for _, at := range traffic {
		if m.AllowAt("k", at).Allowed {
			out = append(out, at)
		}
	}
	return out
}

// maxInSpan is the most admitted instants in any closed span of length d.
func maxInSpan(admitted []time.Time, d time.Duration) int {
	best, lo := 0, 0
	for hi := range admitted {
		for admitted[hi].Sub(admitted[lo]) >= d {
			lo++
		}
		best = max(best, hi-lo+1)
	}
	return best
}

func TestTokenAndLeakyBucketsDecideAlike(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		traffic := randomTraffic(seed, 2000, time.Second)
		tb := mustMemory(t, Config{Algorithm: TokenBucket, Limit: 7, Window: time.Second, Burst: 4})
		lb := mustMemory(t, Config{Algorithm: LeakyBucket, Limit: 7, Window: time.Second, Burst: 4})
		for i, at := range traffic {
			if a, b := tb.AllowAt("k", at), lb.AllowAt("k", at); a != b {
				t.Fatalf("seed %d request %d: token bucket %#v, leaky bucket %#v", seed, i, a, b)
			}
		}
	}
}

func TestTokenBucketNeverExceedsBurstPlusRate(t *testing.T) {
	const limit, burst = 5, 3
	for seed := uint64(1); seed <= 5; seed++ {
		m := mustMemory(t, Config{Algorithm: TokenBucket, Limit: limit, Window: time.Second, Burst: burst})
		adm := admittedTimes(m, randomTraffic(seed, 1500, time.Second))
		for i := range adm {
			for j := i; j < len(adm); j++ {
				span := adm[j].Sub(adm[i])
				// In a span of length d at most burst + d·rate requests pass.
				if int64(j-i+1-burst)*int64(time.Second) > int64(span)*limit {
					t.Fatalf("seed %d: %d admitted within %v; bound is %d + %v×%d/s", seed, j-i+1, span, burst, span, limit)
				}
			}
		}
	}
}

func TestSlidingLogIsExact(t *testing.T) {
	const limit = 6
	for seed := uint64(1); seed <= 5; seed++ {
		m := mustMemory(t, Config{Algorithm: SlidingLog, Limit: limit, Window: time.Second})
		adm := admittedTimes(m, randomTraffic(seed, 3000, time.Second))
		if got := maxInSpan(adm, time.Second); got != limit {
			t.Fatalf("seed %d: at most %d admitted in a 1s span, want exactly the limit %d", seed, got, limit)
		}
	}
}

// TestFixedWindowEdgeBurst shows the fixed window's known flaw: Limit
// requests just before a boundary and Limit just after all pass, 2×Limit
// within 200 ms, while the sliding algorithms hold the line.
func TestFixedWindowEdgeBurst(t *testing.T) {
	const limit = 10
	var traffic []time.Time
	for i := range limit {
		traffic = append(traffic, t0.Add(900*ms+time.Duration(i)*10*ms)) // 900..990 ms
	}
	for i := range limit {
		traffic = append(traffic, t0.Add(1000*ms+time.Duration(i)*10*ms)) // 1000..1090 ms
	}
	want := map[Algorithm]int{FixedWindow: 2 * limit, SlidingLog: limit, SlidingWindow: limit, TokenBucket: limit + 1, LeakyBucket: limit + 1}
	for _, a := range Algorithms() {
		m := mustMemory(t, Config{Algorithm: a, Limit: limit, Window: time.Second})
		adm := admittedTimes(m, traffic)
		if got := maxInSpan(adm, time.Second); got != want[a] {
			t.Errorf("%v: %d admitted within one window length, want %d", a, got, want[a])
		}
	}
}

// TestSlidingWindowFollowsItsEstimate checks every decision against a
// reference model recomputed from the admitted history: a request passes
// exactly when previous×weight + current + 1 ≤ Limit. So the estimate never
// exceeds the limit.
func TestSlidingWindowFollowsItsEstimate(t *testing.T) {
	const limit, w = 8, int64(time.Second)
	for seed := uint64(1); seed <= 5; seed++ {
		m := mustMemory(t, Config{Algorithm: SlidingWindow, Limit: limit, Window: time.Second})
		counts := map[int64]int64{} // admitted per aligned window start
		for i, at := range randomTraffic(seed, 3000, time.Second) {
			now := at.UnixNano()
			start := floorTo(now, w)
			prev, cur := counts[start-w], counts[start]
			fits := prev*(w-(now-start))+(cur+1)*w <= limit*w
			if got := m.AllowAt("k", at).Allowed; got != fits {
				t.Fatalf("seed %d request %d: allowed=%v, estimate %d×%.3f+%d+1 says %v",
					seed, i, got, prev, float64(w-(now-start))/float64(w), cur, fits)
			}
			if fits {
				counts[start]++
			}
		}
	}
}

// TestSlidingWindowApproximation documents where the estimate is wrong:
// it assumes the previous window's requests were spread evenly. Requests
// bunched at the end of two consecutive windows get 19 through in one
// window length with a limit of 10.
func TestSlidingWindowApproximation(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: SlidingWindow, Limit: 10, Window: time.Second})
	var traffic []time.Time
	for range 10 {
		traffic = append(traffic, t0.Add(999*ms))
	}
	for range 10 {
		traffic = append(traffic, t0.Add(1998*ms)) // previous weight is 0.002
	}
	adm := admittedTimes(m, traffic)
	if got := maxInSpan(adm, time.Second); got != 19 {
		t.Fatalf("%d admitted within one window, want 19 (10 + 9)", got)
	}
}
