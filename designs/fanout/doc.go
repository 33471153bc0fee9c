// Package fanout is sdprep's news-feed lab: home timelines delivered by
// fan-out on write (push), fan-out on read (pull) and the hybrid that
// pulls only celebrities, on one seeded follow graph whose follower
// counts follow a power law. It shows why push is the default and why
// the hybrid exists.
//
// See: sdprep learn news-feed-fan-out.
//
// # The graph
//
// Each of Users users (100,000) follows about Follows accounts (50 on
// average, exponentially spread), picked by Zipf(s = 0.8) popularity.
// The mean follower count equals the mean follows, 50, but the most
// followed account of the default run (seed 1) has 52,677 followers and
// 18 accounts have 10,000 or more: the celebrities.
//
// # The three strategies, in the default run
//
// Posts (100,000, authors uniform) and timeline reads (500,000, readers
// uniform) are replayed under each strategy.
//
//   - Fan-out on write copies each post into every follower's timeline:
//     48.3 inserts per post on average (the mean follower count, which a
//     test checks) but 39,297 for one celebrity post, which keeps the
//     fan-out workers (100,000 inserts a second) busy for 393 ms and
//     delays every post queued behind it. A read fetches one list. 5.3
//     million operations over the run, 77 MB of timeline entries.
//   - Fan-out on read stores each post once and merges at read time:
//     no inserts, 50.0 lists fetched per timeline read (the mean follows)
//     and up to 562: 25 million operations, five times the push total,
//     because reads outnumber posts.
//   - The hybrid pushes posts of accounts below Threshold followers
//     (10,000) and pulls the 18 celebrities at read time: 46.1 inserts
//     per post, at most 8,987 (90 ms to deliver), and 4.6 lists per read.
//
// # The threshold
//
// Sweeping the threshold from 10 to Users followers trades writes for
// reads monotonically (a test checks it): at 1,000 followers, 370
// celebrities, 38.5 writes per post and 12.7 reads per timeline; at
// 100,000 nobody is pulled and the hybrid is pure push. The right line
// depends on the read-to-write ratio and on how many celebrities a
// typical user follows.
package fanout
