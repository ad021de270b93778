// Package metricstest reads values back from a *metrics.Metrics, for the
// tests of every package that counts something. It exists so that the
// walk over Prometheus' gathered families is written once.
package metricstest

import (
	"testing"

	"github.com/faqbot/faqbot/internal/metrics"
)

// Sample is the sum, over every series of a family whose labels include
// the wanted ones, of the counter and gauge values and of the histogram
// sample counts.
type Sample struct {
	Counter, Gauge float64
	Observations   uint64
}

// Get gathers m and sums the series of family name whose labels include
// labels (nil matches every series). A family with no such series gives
// the zero Sample.
func Get(tb testing.TB, m *metrics.Metrics, name string, labels map[string]string) Sample {
	tb.Helper()
	families, err := m.Registry().Gather()
	if err != nil {
		tb.Fatalf("gather metrics: %v", err)
	}
	var s Sample
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	series:
		for _, series := range f.GetMetric() {
			have := make(map[string]string, len(series.GetLabel()))
			for _, l := range series.GetLabel() {
				have[l.GetName()] = l.GetValue()
			}
			for k, v := range labels {
				if have[k] != v {
					continue series
				}
			}
			s.Counter += series.GetCounter().GetValue()
			s.Gauge += series.GetGauge().GetValue()
			s.Observations += series.GetHistogram().GetSampleCount()
		}
	}
	return s
}

// Counter is Get's counter value, or its gauge value for a gauge.
func Counter(tb testing.TB, m *metrics.Metrics, name string, labels map[string]string) float64 {
	tb.Helper()
	s := Get(tb, m, name, labels)
	return s.Counter + s.Gauge
}
