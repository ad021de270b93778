// Command faqload drives a running `faqbot serve` with questions over its
// HTTP API and reports throughput, latency, errors and the server's memory,
// so that "fast enough, and memory stays flat" is a number, not a feeling.
//
//	faqload [-url http://127.0.0.1:8080] [-c 16] [-d 60s] [-questions FILE]
//
// It only ever talks to the -url it is given, and stops after -d (or -n
// requests, or Ctrl-C), whichever comes first, then prints its report.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "faqload:", err)
		os.Exit(1)
	}
}

// Bounds on the flags, so a typo cannot turn a load test into a flood.
const (
	maxConcurrency = 1024
	maxDuration    = time.Hour
)

// run is main without the process: flags in, report out.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("faqload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var questionsFile string
	fs.StringVar(&o.URL, "url", "http://127.0.0.1:8080", "base URL of the faqbot server")
	fs.IntVar(&o.Concurrency, "c", 16, fmt.Sprintf("concurrent keep-alive connections (1–%d)", maxConcurrency))
	fs.DurationVar(&o.Duration, "d", 60*time.Second, fmt.Sprintf("how long to run (at most %v)", maxDuration))
	fs.IntVar(&o.Requests, "n", 0, "stop after this many requests (0 = run for -d)")
	fs.StringVar(&questionsFile, "questions", "", "file of questions, one a line (# comments; JSON lines with \"q\" or \"question\" also work); default: a built-in set")
	fs.DurationVar(&o.Timeout, "timeout", 10*time.Second, "timeout for one request")
	fs.DurationVar(&o.Sample, "sample", 5*time.Second, "how often to sample the server's memory from /metrics")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: faqload [flags]

Sends POST /v1/ask to a faqbot server from -c connections for -d, then prints
answers per second, latency percentiles, errors by status, and the server's
resident memory (process_resident_memory_bytes from /metrics) sampled every
-sample, as first/last/max.

The server rate-limits per client address, and every connection here comes
from one address: run the server with

	[rate_limit]
	every = "0s"

or most requests will get 429.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q (see -h)", fs.Args())
	}
	if err := o.check(); err != nil {
		return err
	}
	o.Questions = builtinQuestions
	if questionsFile != "" {
		qs, err := readQuestions(questionsFile)
		if err != nil {
			return err
		}
		o.Questions = qs
	}

	fmt.Fprintf(stdout, "faqload: %d connections for %v against %s (%d questions)\n",
		o.Concurrency, o.Duration, o.URL, len(o.Questions))
	res, err := load(ctx, o)
	if err != nil {
		return err
	}
	res.print(stdout)
	if res.answers == 0 {
		return errors.New("no request was answered")
	}
	return nil
}

// check refuses options outside the bounds.
func (o *options) check() error {
	u, err := url.Parse(o.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("-url %q: want an absolute http(s) URL", o.URL)
	}
	switch {
	case o.Concurrency < 1 || o.Concurrency > maxConcurrency:
		return fmt.Errorf("-c %d: want 1 to %d", o.Concurrency, maxConcurrency)
	case o.Duration <= 0 || o.Duration > maxDuration:
		return fmt.Errorf("-d %v: want more than 0 and at most %v", o.Duration, maxDuration)
	case o.Requests < 0:
		return fmt.Errorf("-n %d: want 0 or more", o.Requests)
	case o.Timeout <= 0:
		return fmt.Errorf("-timeout %v: want more than 0", o.Timeout)
	case o.Sample <= 0:
		return fmt.Errorf("-sample %v: want more than 0", o.Sample)
	}
	return nil
}
