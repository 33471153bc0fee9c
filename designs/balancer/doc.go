// Package balancer is sdprep's load-balancer lab: six algorithms route the
// same Poisson stream of requests over servers of different speeds, each
// a FIFO queue, and one server fails halfway until health checks remove
// it. It reports each algorithm's p50/p95/p99 response time, errors, and
// each server's share, utilisation and percentiles.
//
// See: sdprep learn load-balancer.
//
// # What the default run shows
//
// Four servers of speeds 4, 2, 1 and 1 (200 requests a second in all, at
// 40 ms a request for speed 1) take 140 requests a second, 70% of their
// capacity; server 4 fails halfway (run with Fail: 4).
//
//   - Round robin and IP hash send a quarter of the traffic to each
//     server, ignoring speed. The two slow servers get 35 requests a second
//     against a capacity of 25, so their queues grow without bound: p99 in
//     the hundreds of seconds, growing for as long as the run lasts. A
//     balancer blind to capacity fails long before the fleet is full.
//   - Weighted round robin sends traffic in proportion to speed: p99
//     326 ms. It uses the weights it was given, not what servers do now.
//   - Least connections (p99 226 ms) and least response time (198 ms)
//     follow what servers actually do, so they adapt to speed without
//     being told and steer around a slow or queueing server.
//   - Power of two choices picks two servers at random and takes the less
//     busy one: p99 317 ms with no global view, which is why it scales to
//     many balancers (each keeps only its own counts).
//
// # Failure and health checks
//
// When a server dies, the requests queued on it fail, and so does every
// request sent to it until health checks notice: probes every
// HealthInterval, 2 failures in a row to remove, so between 1 and 2
// intervals of traffic to a dead server. In the default run round robin
// and IP hash lose the whole backlog of the overloaded slow server (3,710
// and 3,867 errors); the adaptive algorithms keep queues short and lose
// 27 to 69 requests. A server that fails fast (refusing connections)
// has nothing in flight, so least connections sees it as the idlest and
// favours it until it is removed: the "black hole" that outlier detection
// (ejecting a server on errors, between probes) exists to stop. IP hash
// then remaps clients over the remaining servers by hash mod N, moving
// most of them (see the hashring lab).
package balancer
