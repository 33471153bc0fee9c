package labkit

import "time"

// Events is a simulation's event queue: a binary min-heap ordered by
// time, then by insertion order, so equal times pop in a fixed order and
// a run is deterministic.
type Events[T any] struct {
	items []event[T]
	seq   uint64
}

type event[T any] struct {
	at  time.Duration
	seq uint64
	v   T
}

func (a *event[T]) before(b *event[T]) bool {
	return a.at < b.at || (a.at == b.at && a.seq < b.seq)
}

// Len is the number of pending events.
func (q *Events[T]) Len() int { return len(q.items) }

// Push schedules v at time at.
func (q *Events[T]) Push(at time.Duration, v T) {
	q.seq++
	q.items = append(q.items, event[T]{at, q.seq, v})
	j := len(q.items) - 1
	for j > 0 {
		p := (j - 1) / 2
		if !q.items[j].before(&q.items[p]) {
			break
		}
		q.items[j], q.items[p] = q.items[p], q.items[j]
		j = p
	}
}

// Pop removes and returns the earliest event; the queue must not be
// empty.
func (q *Events[T]) Pop() (time.Duration, T) {
	top := q.items[0]
	n := len(q.items) - 1
	q.items[0] = q.items[n]
	q.items = q.items[:n]
	j := 0
	for {
		l := 2*j + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && q.items[r].before(&q.items[l]) {
			m = r
		}
		if !q.items[m].before(&q.items[j]) {
			break
		}
		q.items[j], q.items[m] = q.items[m], q.items[j]
		j = m
	}
	return top.at, top.v
}
