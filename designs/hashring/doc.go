// Package hashring is sdprep's consistent-hashing lab: a ring with
// virtual nodes against hash % N, measured by how many keys move when a
// node is added or removed, how evenly keys spread as virtual nodes vary,
// and a bounded-load variant.
//
// See: sdprep learn consistent-hashing (and sharding).
//
// # What moves
//
// With hash % N, a key stays put when adding a node only if h mod N equals
// h mod (N+1), which holds for about 1 key in N+1: going from 10 to 11
// nodes moves 91% of the keys (N/(N+1)), so nearly every cache entry
// misses and nearly every shard migrates. On a ring, a key belongs to the
// first node point clockwise from its hash; a new node takes only the keys
// on the arcs its points split, about 1/(N+1) of them, the least any
// scheme can move: 9.2% against the ideal 9.1% in the default run.
// Removing a node moves exactly the keys it held. Tests check both
// against theory.
//
// # Virtual nodes and spread
//
// One point per node leaves arcs of very different lengths: the busiest
// of 10 nodes holds about 3× the mean. A node with V points owns the sum
// of V arcs, whose relative standard deviation is about 1/√V: 100 vnodes
// bring it near 10% and the busiest node near 1.14× the mean, 1,000 vnodes
// near 3%. The cost is a ring of nodes × vnodes points to search.
//
// # Bounded loads
//
// Consistent hashing with bounded loads (Mirrokni, Thorup and
// Zadimoghaddam, 2018) caps every node at ⌈c·keys/nodes⌉ keys: a key
// whose node is full goes to the next node clockwise with room. The
// busiest node is then at most c times the mean whatever the vnodes, at
// the price of moving somewhat more keys on a change, since full nodes
// pass keys on. Google Cloud Pub/Sub and HAProxy use it.
package hashring
