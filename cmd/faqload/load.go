package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// options says what load does; run fills it from flags.
type options struct {
	URL         string        // server base URL
	Concurrency int           // workers, each with its own keep-alive connection
	Duration    time.Duration // run time
	Requests    int           // stop after this many requests; 0 = no count limit
	Questions   []string      // asked round-robin
	Timeout     time.Duration // per request
	Sample      time.Duration // memory sampling interval
}

// tally is one worker's counts, merged at the end so workers share nothing
// but the request counter.
type tally struct {
	latencies []time.Duration // of answered (200) requests
	errors    map[string]int  // by status code, or "transport"
	kinds     map[string]int  // reply kinds of answers
}

// load runs the workers and the memory sampler until the duration passes,
// the request count is reached or ctx ends, and gathers what they saw.
func load(ctx context.Context, o options) (*result, error) {
	askURL, err := url.JoinPath(o.URL, "v1/ask")
	if err != nil {
		return nil, err
	}
	metricsURL, err := url.JoinPath(o.URL, "metrics")
	if err != nil {
		return nil, err
	}
	bodies := make([][]byte, len(o.Questions))
	for i, q := range o.Questions {
		if bodies[i], err = json.Marshal(map[string]string{"question": q}); err != nil {
			return nil, err
		}
	}
	tr := &http.Transport{
		Proxy:               nil, // only ever the URL given
		MaxIdleConnsPerHost: o.Concurrency,
		MaxConnsPerHost:     o.Concurrency,
		IdleConnTimeout:     30 * time.Second,
	}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: o.Timeout}

	mem := newSampler(client, metricsURL)
	mem.take() // before any load
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	mem.start(ctx, o.Sample)

	var next atomic.Int64
	tallies := make([]tally, o.Concurrency)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range tallies {
		t := &tallies[w]
		t.errors, t.kinds = map[string]int{}, map[string]int{}
		wg.Go(func() {
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if o.Requests > 0 && i >= int64(o.Requests) {
					return
				}
				ask(ctx, client, askURL, bodies[i%int64(len(bodies))], t)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	cancel()

	res := &result{elapsed: elapsed, concurrency: o.Concurrency, errors: map[string]int{}, kinds: map[string]int{}}
	for _, t := range tallies {
		res.latencies = append(res.latencies, t.latencies...)
		for k, n := range t.errors {
			res.errors[k] += n
		}
		for k, n := range t.kinds {
			res.kinds[k] += n
		}
	}
	res.answers = len(res.latencies)
	res.memory, res.memoryErr = mem.wait()
	return res, nil
}

// ask sends one question and notes the outcome in t. A request cut short
// because the run ended is not an error and is not counted.
func ask(ctx context.Context, client *http.Client, askURL string, body []byte, t *tally) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, askURL, bytes.NewReader(body))
	if err != nil {
		t.errors["transport"]++
		return
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() == nil {
			t.errors["transport"]++
		}
		return
	}
	var reply struct {
		Kind string `json:"kind"`
	}
	err = json.NewDecoder(resp.Body).Decode(&reply)
	io.Copy(io.Discard, resp.Body) // drain, so the connection is reused
	resp.Body.Close()
	d := time.Since(start)
	switch {
	case err != nil && ctx.Err() != nil: // cut short by the end of the run
	case resp.StatusCode != http.StatusOK:
		t.errors[strconv.Itoa(resp.StatusCode)]++
	case err != nil:
		t.errors["bad body"]++
	default:
		t.latencies = append(t.latencies, d)
		t.kinds[reply.Kind]++
	}
}
