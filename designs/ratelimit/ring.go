package ratelimit

// ring is a FIFO of timestamps for the sliding log. It grows by doubling up
// to the limit and is then reused, so a key at steady state allocates
// nothing.
type ring struct {
	buf  []int64
	head int // index of the oldest element
	n    int // number of elements
}

func (r *ring) oldest() int64 { return r.buf[r.head] }

func (r *ring) newest() int64 { return r.buf[(r.head+r.n-1)%len(r.buf)] }

func (r *ring) pop() {
	r.head = (r.head + 1) % len(r.buf)
	r.n--
}

// push appends t; the ring never holds more than limit elements, and the
// caller never pushes onto a full ring.
func (r *ring) push(t int64, limit int) {
	if r.n == len(r.buf) {
		r.grow(limit)
	}
	r.buf[(r.head+r.n)%len(r.buf)] = t
	r.n++
}

func (r *ring) grow(limit int) {
	size := min(max(2*len(r.buf), 8), limit)
	buf := make([]int64, size)
	for i := range r.n {
		buf[i] = r.buf[(r.head+i)%len(r.buf)]
	}
	r.buf, r.head = buf, 0
}
