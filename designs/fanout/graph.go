package fanout

import (
	"math"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// graph is the follow graph: user u follows edges[start[u]:start[u+1]].
type graph struct {
	start     []int32
	edges     []int32
	followers []int32 // follower count of each account
}

func (g *graph) followees(u int) []int32 { return g.edges[g.start[u]:g.start[u+1]] }

// newGraph draws each user's follow count around p.Follows and the
// accounts by Zipf(p.Skew) popularity over a random order of accounts,
// never oneself, never twice.
func newGraph(p Params) *graph {
	r := labkit.NewRand(p.Seed, 2)
	pop := labkit.NewZipf(p.Users, p.Skew)
	byRank := r.Perm(p.Users)
	g := &graph{start: make([]int32, p.Users+1), followers: make([]int32, p.Users)}
	g.edges = make([]int32, 0, p.Users*p.Follows+p.Users)
	mark := make([]int32, p.Users) // mark[v] == u+1: u already follows v
	for u := range p.Users {
		n := int(math.Round(labkit.Exp(r, float64(p.Follows))))
		n = min(max(n, 1), p.Users-1, MaxFollows)
		for tries := 0; n > 0; tries++ {
			v := byRank[pop.Draw(r)]
			if tries > 50*p.Follows {
				v = r.IntN(p.Users) // the popular accounts are all taken
			}
			if v == u || mark[v] == int32(u+1) {
				continue
			}
			mark[v] = int32(u + 1)
			g.edges = append(g.edges, int32(v))
			g.followers[v]++
			n--
		}
		g.start[u+1] = int32(len(g.edges))
	}
	return g
}
