package ratelimit

// Explain returns a one-paragraph description of a, for the lab's TUI and
// for `sdprep lab ratelimit --explain`: how it decides, how it behaves at a
// burst, and what it stores per key.
func Explain(a Algorithm) string {
	switch a {
	case TokenBucket:
		return "Token bucket: each key owns a bucket of Burst tokens that refills " +
			"continuously at Limit/Window; a request takes one token or is rejected " +
			"when the bucket is empty. After a quiet spell a client may spend the whole " +
			"bucket at once, so bursts up to Burst pass and the long-run rate is held " +
			"at Limit/Window; Retry-After is simply the time to refill one token. " +
			"Memory per key: two numbers (tokens and the time of the last refill), " +
			"refilled lazily on the next request rather than by a timer."
	case LeakyBucket:
		return "Leaky bucket (meter form): each request pours one unit into a bucket " +
			"that leaks at Limit/Window; a request that would overflow Burst units is " +
			"rejected. It admits exactly what a token bucket with the same rate and " +
			"burst admits — the water level is the missing tokens — but it reads as " +
			"\"how full am I\". The queue form instead holds requests and releases them " +
			"at the leak rate, smoothing bursts into a steady stream by delaying rather " +
			"than rejecting (that is traffic shaping; this limiter polices). " +
			"Memory per key: two numbers (level and last update)."
	case FixedWindow:
		return "Fixed window counter: time is cut into windows of length Window aligned " +
			"to the clock, and each key counts its requests in the current one, " +
			"admitting up to Limit and resetting the count when a new window starts. " +
			"It is the cheapest and easiest to explain, but bursty at the edges: a " +
			"client can send Limit requests just before a boundary and Limit more just " +
			"after, so up to 2×Limit pass within one window's length. Memory per key: " +
			"a counter and the window it belongs to."
	case SlidingLog:
		return "Sliding window log: each key keeps the timestamps of the requests it " +
			"admitted during the last Window; old entries are dropped and a request " +
			"passes while fewer than Limit remain. It is exact — no span of length " +
			"Window ever holds more than Limit admitted requests, bursts included — " +
			"and Retry-After is when the oldest entry expires. The price is memory: up " +
			"to Limit timestamps per key, O(Limit), which is why it suits small limits."
	case SlidingWindow:
		return "Sliding window counter: keeps the fixed-window counts of the current " +
			"and previous windows and estimates the last Window's traffic as " +
			"previous × (share of the previous window still in view) + current, " +
			"admitting while the estimate stays within Limit. It smooths the fixed " +
			"window's edge burst with constant memory, assuming the previous window's " +
			"requests were evenly spread. A burst straddling a boundary costs little, " +
			"but if a client bunches requests at the very end of two consecutive " +
			"windows the true count in one Window-long span can approach 2×Limit; on " +
			"ordinary traffic the error is tiny. Memory per key: two counters and a " +
			"window start."
	}
	return "Unknown algorithm " + a.String() + "."
}
