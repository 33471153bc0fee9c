package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// report is everything startupbench prints.
type report struct {
	runs, traceRuns, top int
	target               float64
	floorPkgs            int
	sizes                map[string]int64 // binary sizes in bytes, by name
	times                map[string][]time.Duration
	sdprepInits          []initCost
	floorInits           []initCost
	command              string
	ownPrefix            string
}

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "start-up of `%s` against its floor\n", r.command)
	fmt.Fprintf(w, "%s %s/%s, %d CPUs; CGO_ENABLED=0 %s; %d rounds\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(),
		strings.Join(quoteFlags(buildFlags), " "), r.runs)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "binary\tmedian\tp25\tp75\tsize\t")
	notes := map[string]string{
		"sdprep": r.command,
		"floor":  fmt.Sprintf("blank-imports the %d third-party packages sdprep links, exits", r.floorPkgs),
		"hello":  "fmt.Println(\"hello, world\")",
	}
	for _, name := range []string{"sdprep", "floor", "hello"} {
		d := ms(r.times[name])
		fmt.Fprintf(tw, "%s\t%.2f ms\t%.2f ms\t%.2f ms\t%.1f MB\t  %s\n", name,
			median(d), quantile(d, 0.25), quantile(d, 0.75), float64(r.sizes[name])/1e6, notes[name])
	}
	tw.Flush()

	sdprep, floor, hello := median(ms(r.times["sdprep"])), median(ms(r.times["floor"])), median(ms(r.times["hello"]))
	ratio := sdprep / floor
	verdict := "met"
	if ratio > r.target {
		verdict = "NOT met"
	}
	lo, hi := bootstrapRatio(ms(r.times["sdprep"]), ms(r.times["floor"]), 2000)
	fmt.Fprintf(w, "\nsdprep / floor  %.2f  (95%% interval %.2f–%.2f; target ≤ %.2f: %s)\n", ratio, lo, hi, r.target, verdict)
	fmt.Fprintf(w, "floor / hello   %.2f\n", floor/hello)

	r.printInits(w, sdprep-floor)
}

func (r report) printInits(w io.Writer, gap float64) {
	fmt.Fprintf(w, "\npackage inits, GODEBUG=inittrace=1, median of %d runs each\n", r.traceRuns)
	fmt.Fprintf(w, "all inits: sdprep %.2f ms, floor %.2f ms (sums of per-package medians)\n",
		sumClock(r.sdprepInits), sumClock(r.floorInits))

	top := slices.Clone(r.sdprepInits)
	sort.SliceStable(top, func(i, j int) bool { return top[i].clock > top[j].clock })
	if len(top) > r.top {
		top = top[:r.top]
	}
	fmt.Fprintf(w, "\ntop %d in sdprep:\n", len(top))
	printCosts(w, top)

	inFloor := map[string]bool{}
	for _, c := range r.floorInits {
		inFloor[c.pkg] = true
	}
	var own, extra []initCost
	for _, c := range r.sdprepInits {
		switch {
		case strings.HasPrefix(c.pkg, r.ownPrefix):
			own = append(own, c)
		case !inFloor[c.pkg]:
			extra = append(extra, c)
		}
	}
	fmt.Fprintf(w, "\nsdprep's own packages: %.2f ms\n", sumClock(own))
	printCosts(w, own)
	if len(extra) > 0 {
		fmt.Fprintf(w, "\nstandard packages sdprep initialises and the floor does not: %.2f ms\n", sumClock(extra))
		printCosts(w, extra)
	}
	fmt.Fprintf(w, "\nsdprep - floor: %.2f ms of wall time, of which %.2f ms is init of packages the floor lacks;\n",
		gap, sumClock(own)+sumClock(extra))
	fmt.Fprintln(w, "the rest is loading the larger binary and running main.")
}

func printCosts(w io.Writer, costs []initCost) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  clock\tallocs\tbytes\t  package")
	for _, c := range costs {
		fmt.Fprintf(tw, "  %.3f ms\t%.0f\t%.0f\t  %s\n", c.clock, c.allocs, c.bytes, c.pkg)
	}
	tw.Flush()
}

func sumClock(costs []initCost) float64 {
	var s float64
	for _, c := range costs {
		s += c.clock
	}
	return s
}

func quoteFlags(flags []string) []string {
	out := make([]string, len(flags))
	for i, f := range flags {
		if name, val, ok := strings.Cut(f, "="); ok && strings.Contains(val, " ") {
			f = fmt.Sprintf("%s %q", name, val)
		}
		out[i] = f
	}
	return out
}

func ms(ds []time.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = float64(d) / float64(time.Millisecond)
	}
	return out
}

func median(v []float64) float64 { return quantile(v, 0.5) }

// quantile returns the q-quantile of v by linear interpolation between the
// closest ranks; v is not modified.
func quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	pos := q * float64(len(s)-1)
	lo := int(pos)
	if lo+1 >= len(s) {
		return s[lo]
	}
	return s[lo] + (pos-float64(lo))*(s[lo+1]-s[lo])
}

// bootstrapRatio returns a 95% percentile-bootstrap interval for
// median(a)/median(b), from resamples drawn with a fixed seed so that the same
// samples always give the same interval.
func bootstrapRatio(a, b []float64, resamples int) (lo, hi float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	ratios := make([]float64, resamples)
	ra, rb := make([]float64, len(a)), make([]float64, len(b))
	for i := range ratios {
		for j := range ra {
			ra[j] = a[rng.IntN(len(a))]
		}
		for j := range rb {
			rb[j] = b[rng.IntN(len(b))]
		}
		ratios[i] = median(ra) / median(rb)
	}
	return quantile(ratios, 0.025), quantile(ratios, 0.975)
}
