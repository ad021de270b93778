package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// result is what one run saw.
type result struct {
	elapsed     time.Duration
	concurrency int
	answers     int
	latencies   []time.Duration // of answers
	errors      map[string]int  // by status, or "transport", "bad body"
	kinds       map[string]int  // answers by reply kind
	memory      []float64       // server RSS samples in bytes, in order
	memoryErr   error           // why there are no samples
}

// print writes the report.
func (r *result) print(w io.Writer) {
	failed := 0
	for _, n := range r.errors {
		failed += n
	}
	rate := float64(r.answers) / r.elapsed.Seconds()
	fmt.Fprintf(w, "ran       %v, %d requests\n", r.elapsed.Round(time.Millisecond), r.answers+failed)
	fmt.Fprintf(w, "answers   %d (%.1f/s)\n", r.answers, rate)
	if r.answers > 0 {
		slices.Sort(r.latencies)
		fmt.Fprintf(w, "latency   p50 %v  p90 %v  p99 %v  max %v\n",
			short(percentile(r.latencies, 50)), short(percentile(r.latencies, 90)),
			short(percentile(r.latencies, 99)), short(r.latencies[len(r.latencies)-1]))
		fmt.Fprintf(w, "kinds     %s\n", counts(r.kinds))
	}
	if failed == 0 {
		fmt.Fprintln(w, "errors    0")
	} else {
		fmt.Fprintf(w, "errors    %d: %s\n", failed, counts(r.errors))
	}
	if len(r.memory) == 0 {
		fmt.Fprintf(w, "memory    not available: %v\n", r.memoryErr)
		return
	}
	fmt.Fprintf(w, "memory    first %s  last %s  max %s  (%d samples of %s)\n",
		mib(r.memory[0]), mib(r.memory[len(r.memory)-1]), mib(slices.Max(r.memory)), len(r.memory), rssMetric)
}

// percentile returns the p-th percentile of sorted by the nearest-rank
// method: the smallest value with at least p% of the values at or below it.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 * n)
	return sorted[max(rank, 1)-1]
}

// counts renders a map as "a=1 b=2", keys sorted.
func counts(m map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s=%d", k, m[k]))
	}
	return strings.Join(parts, " ")
}

// short rounds d to about three significant digits, for reading.
func short(d time.Duration) time.Duration {
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond)
	case d < 100*time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Millisecond)
}

func mib(bytes float64) string { return fmt.Sprintf("%.1f MiB", bytes/(1<<20)) }
