package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// rssMetric is the process collector's resident set size, which every
// Prometheus Go client exposes on Linux.
const rssMetric = "process_resident_memory_bytes"

// sampler reads the server's memory before the load, every interval during
// it, and once more after it, so first/last/max show whether it stays flat.
type sampler struct {
	client  *http.Client
	url     string
	done    chan struct{}
	samples []float64
	err     error // the first failure, reported if no sample succeeded
}

func newSampler(client *http.Client, metricsURL string) *sampler {
	return &sampler{client: client, url: metricsURL, done: make(chan struct{})}
}

// take records one sample. Each has its own short deadline rather than the
// run's: a slow /metrics on a busy machine must not eat into the run, and
// the last sample is taken after the run's context has ended.
func (s *sampler) take() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	v, err := scrapeRSS(ctx, s.client, s.url)
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return
	}
	s.samples = append(s.samples, v)
}

// start samples every interval until ctx ends, then once more.
func (s *sampler) start(ctx context.Context, every time.Duration) {
	go func() {
		defer close(s.done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				s.take()
			case <-ctx.Done():
				s.take()
				return
			}
		}
	}()
}

// wait returns the samples once the last one is taken. The error is nil if
// at least one sample was taken.
func (s *sampler) wait() ([]float64, error) {
	<-s.done
	if len(s.samples) > 0 {
		return s.samples, nil
	}
	return nil, s.err
}

// scrapeRSS fetches metricsURL and returns the resident memory in bytes.
func scrapeRSS(ctx context.Context, client *http.Client, metricsURL string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, metricsURL, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", metricsURL, resp.Status)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), rssMetric+" "); ok {
			return strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("GET %s: %w", metricsURL, err)
	}
	return 0, errors.New(metricsURL + " has no " + rssMetric)
}
