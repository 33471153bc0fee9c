// Package quorum is sdprep's quorum lab: N replicas of each key, reads
// that wait for R answers and writes that wait for W acknowledgements
// (Dynamo's names), replication lag, and a network partition that can be
// switched on. It makes CAP and PACELC concrete: what a quorum system
// gives up during a partition, and what it pays for consistency when
// there is none.
//
// See: sdprep learn quorum (and cap-theorem, pacelc).
//
// # The overlap rule
//
// If R + W > N, any R replicas include at least one of the W that
// acknowledged the latest write, so a read that waits for R answers and
// takes the highest version sees it. Simulate checks each read against
// the writes acknowledged before it began, and with R + W > N and no
// partition the stale-read fraction is exactly 0 whatever the lag (a test
// checks it over many seeds). With R + W ≤ N it is not: at N = 3,
// R = W = 1 and 50 ms of lag, 31% of reads in the default run are stale.
//
// # During a partition (CAP)
//
// With the partition on, the middle third of the run splits the replicas
// (1 to ⌊N/2⌋ on one side) and half of the clients sit on each side. The
// CP choice refuses what cannot reach R or W replicas: at N = 3, R = W = 2
// the clients on the one-replica side fail, so about half of reads and
// writes succeed, and none of those is stale. The AP choice answers from
// whatever it can reach (a sloppy quorum) and hands writes to the other
// side when the partition heals: every operation succeeds, and 43% of
// reads during the partition are stale. CAP is this choice, made only
// while the partition lasts.
//
// # Else: latency or consistency (PACELC)
//
// Without a partition the choice remains, as latency. Majority quorums
// wait for the second-fastest of three replicas: write p99 145 ms with
// 50 ms of lag in the default run, against 79 ms for W = 1, whose reads
// are then stale 31% of the time. That is the "else, latency or
// consistency" half of PACELC.
//
// # The model
//
// Operations arrive as a Poisson stream of 1,000 a second over 10 keys;
// one message takes 0.5 ms plus an exponential 0.5 ms; each replica
// applies a write after an exponential lag with mean Lag. A write is
// acknowledged when W replicas have applied it; a read returns the highest
// version among the first R answers. Every run draws the same numbers, so
// runs differ only in their rules.
package quorum
