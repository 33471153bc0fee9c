package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// command is one program under test and its arguments.
type command struct {
	name, path string
	args       []string
}

// env is the environment of every timed run: the caller's, without GODEBUG
// (which would change what the runtime does at start-up).
func env(extra ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GODEBUG=") {
			out = append(out, kv)
		}
	}
	return append(out, extra...)
}

// check runs the command once and fails unless it exits 0 and prints
// something, so the benchmark never times an error path.
func (c command) check() error {
	cmd := exec.Command(c.path, c.args...)
	cmd.Env = env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", c.name, joinArgs(c.args), err, stderr.String())
	}
	if stdout.Len() == 0 {
		return fmt.Errorf("%s %s printed nothing", c.name, joinArgs(c.args))
	}
	return nil
}

// once runs the command with stdin and stdout on /dev/null and returns its
// wall time from start to exit.
func (c command) once(devnull *os.File, extraEnv ...string) (time.Duration, []byte, error) {
	cmd := exec.Command(c.path, c.args...)
	cmd.Env = env(extraEnv...)
	cmd.Stdin, cmd.Stdout = devnull, devnull
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %v\n%s", c.name, err, stderr.String())
	}
	return elapsed, stderr.Bytes(), nil
}

// timeRuns runs the commands in rounds, rotating which goes first each round
// so that none is always measured right after another, and returns each
// command's wall times by name.
func timeRuns(cmds []command, warmup, n int) (map[string][]time.Duration, error) {
	devnull, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	defer devnull.Close()
	times := map[string][]time.Duration{}
	for round := range warmup + n {
		for i := range cmds {
			c := cmds[(round+i)%len(cmds)]
			d, _, err := c.once(devnull)
			if err != nil {
				return nil, err
			}
			if round >= warmup {
				times[c.name] = append(times[c.name], d)
			}
		}
	}
	return times, nil
}

// initCost is what GODEBUG=inittrace=1 reports for one package, as medians
// over several runs.
type initCost struct {
	pkg    string
	clock  float64 // ms
	bytes  float64
	allocs float64
}

// An inittrace line: init <pkg> @<t> ms, <clock> ms clock, <n> bytes, <n> allocs
var initLine = regexp.MustCompile(`^init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock, ([0-9]+) bytes, ([0-9]+) allocs$`)

// traceInits runs the command runs times with GODEBUG=inittrace=1 and returns
// the median cost of each package's init, in the order the runtime ran them.
func traceInits(c command, runs int) ([]initCost, error) {
	devnull, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	defer devnull.Close()
	var order []string
	samples := map[string][][3]float64{}
	for range runs {
		_, stderr, err := c.once(devnull, "GODEBUG=inittrace=1")
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(stderr))
		for sc.Scan() {
			m := initLine.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			var v [3]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(m[i+2], 64) // the regexp admits only numbers
			}
			if _, seen := samples[m[1]]; !seen {
				order = append(order, m[1])
			}
			samples[m[1]] = append(samples[m[1]], v)
		}
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("%s printed no inittrace lines", c.name)
	}
	out := make([]initCost, 0, len(order))
	for _, p := range order {
		s := samples[p]
		out = append(out, initCost{
			pkg:    p,
			clock:  medianOf(s, 0),
			bytes:  medianOf(s, 1),
			allocs: medianOf(s, 2),
		})
	}
	return out, nil
}

func medianOf(s [][3]float64, i int) float64 {
	v := make([]float64, len(s))
	for j := range s {
		v[j] = s[j][i]
	}
	return median(v)
}

func joinArgs(args []string) string { return strings.Join(args, " ") }
