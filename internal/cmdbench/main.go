// Command cmdbench times whole processes: it runs two or more commands
// alternately, so that a machine's changing load falls on all of them
// alike, and prints the median wall and CPU time of each and its ratio to
// the last command, the baseline.
//
//	go build -o /tmp/sdprep ./cmd/sdprep
//	go run ./internal/cmdbench -n 50 "/tmp/sdprep drill cards --due" "/tmp/sdprep estimate --dau 1M"
//
// Each command is split on white space (no shell); its output is
// discarded, and a command that fails stops the run.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cmdbench:", err)
		os.Exit(2)
	}
}

// sample is one timed run.
type sample struct{ wall, cpu time.Duration }

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("cmdbench", flag.ContinueOnError)
	n := fs.Int("n", 50, "timed runs of each command")
	warmup := fs.Int("warmup", 5, "untimed runs of each command first")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return errors.New("want two or more commands, the last being the baseline")
	}
	if *n < 1 || *warmup < 0 {
		return fmt.Errorf("-n %d -warmup %d: want -n ≥ 1 and -warmup ≥ 0", *n, *warmup)
	}
	cmds := make([][]string, fs.NArg())
	for i, c := range fs.Args() {
		if cmds[i] = strings.Fields(c); len(cmds[i]) == 0 {
			return fmt.Errorf("command %d is empty", i+1)
		}
	}
	samples := make([][]sample, len(cmds))
	for round := range *warmup + *n {
		for i, c := range cmds {
			s, err := time1(c)
			if err != nil {
				return fmt.Errorf("%s: %w", strings.Join(c, " "), err)
			}
			if round >= *warmup {
				samples[i] = append(samples[i], s)
			}
		}
	}
	fmt.Fprint(out, report(fs.Args(), samples))
	return nil
}

// time1 runs c once and measures it.
func time1(c []string) (sample, error) {
	cmd := exec.Command(c[0], c[1:]...)
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, err
	}
	wall := time.Since(start)
	return sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}, nil
}
