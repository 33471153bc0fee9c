// Command startupbench measures how long `sdprep estimate --dau 100M` takes
// from exec to exit, against the floor that sdprep's dependencies impose.
//
// Go runs the init functions of every linked package before main, so the
// floor for any sdprep command is a program that links the same third-party
// packages and exits. startupbench builds three binaries with the release
// build settings (CGO_ENABLED=0, -trimpath, -ldflags "-s -w"):
//
//   - sdprep, from ./cmd/sdprep;
//   - floor, a generated main package that blank-imports every importable
//     third-party package in `go list -deps ./cmd/sdprep` and returns;
//   - hello, a hello-world program.
//
// It runs them in rotating order, N rounds, and prints the median wall times,
// the ratio sdprep/floor (the target is at most 1.2), the ratio floor/hello,
// and the most expensive package inits reported by GODEBUG=inittrace=1.
// Generated sources and binaries live in a temporary directory that is
// removed on exit.
//
// Usage, from anywhere in the repository:
//
//	go run ./.ci/startupbench [-n 200] [-trace-runs 50] [-top 10]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// estimateArgs is the command the benchmark times.
var estimateArgs = []string{"estimate", "--dau", "100M"}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "startupbench:", err)
		os.Exit(1)
	}
}

func run() error {
	n := flag.Int("n", 200, "timed runs of each binary")
	warmup := flag.Int("warmup", 10, "untimed runs of each binary before timing")
	traceRuns := flag.Int("trace-runs", 50, "GODEBUG=inittrace=1 runs of sdprep and the floor")
	top := flag.Int("top", 10, "package inits to list")
	maxRatio := flag.Float64("target", 1.2, "largest acceptable sdprep/floor ratio of medians")
	flag.Parse()
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q: startupbench takes only flags", flag.Arg(0))
	}
	if *n < 1 || *warmup < 0 || *traceRuns < 1 || *top < 1 {
		return fmt.Errorf("-n, -trace-runs and -top must be at least 1 and -warmup at least 0")
	}

	root, err := repoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "sdprep-startupbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	bins, err := buildAll(root, tmp)
	if err != nil {
		return err
	}
	sdprep := command{name: "sdprep", path: bins.sdprep, args: estimateArgs}
	floor := command{name: "floor", path: bins.floor}
	hello := command{name: "hello", path: bins.hello}
	if err := sdprep.check(); err != nil {
		return err
	}

	times, err := timeRuns([]command{sdprep, floor, hello}, *warmup, *n)
	if err != nil {
		return err
	}
	sdprepInits, err := traceInits(sdprep, *traceRuns)
	if err != nil {
		return err
	}
	floorInits, err := traceInits(floor, *traceRuns)
	if err != nil {
		return err
	}

	sizes, err := fileSizes(map[string]string{"sdprep": bins.sdprep, "floor": bins.floor, "hello": bins.hello})
	if err != nil {
		return err
	}
	report{
		sizes:       sizes,
		runs:        *n,
		traceRuns:   *traceRuns,
		top:         *top,
		target:      *maxRatio,
		floorPkgs:   len(bins.floorImports),
		times:       times,
		sdprepInits: sdprepInits,
		floorInits:  floorInits,
		command:     "sdprep " + joinArgs(estimateArgs),
		ownPrefix:   modulePath + "/",
	}.print(os.Stdout)
	return nil
}

// repoRoot returns the directory of the sdprep module, wherever the program
// is started from inside the repository.
func repoRoot() (string, error) {
	out, err := goCmd("", nil, "env", "GOMOD")
	if err != nil {
		return "", err
	}
	if out == "" || out == os.DevNull {
		return "", fmt.Errorf("not inside the sdprep module: run from the repository")
	}
	return filepath.Dir(out), nil
}

func fileSizes(paths map[string]string) (map[string]int64, error) {
	sizes := map[string]int64{}
	for name, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		sizes[name] = fi.Size()
	}
	return sizes, nil
}
