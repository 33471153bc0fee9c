package ratelimit

import "time"

// Traffic returns the arrival offsets, sorted and measured from the start
// of the run, of duration d of pattern p shaped for cfg's limit and
// generated from seed. They are exactly the requests Simulate(cfg, p, seed,
// d) sends, so a caller that replays them through its own limiter (the
// lab's TUI, one 100 ms step at a time) gets the same decisions. Invalid
// inputs return an error wrapping ErrInvalidConfig or ErrInvalidSimulation,
// as Simulate's error would.
func Traffic(p Pattern, cfg Config, d time.Duration, seed uint64) ([]time.Duration, error) {
	return simTraffic(cfg, p, seed, d)
}
