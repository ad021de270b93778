// Package metrics holds the bot's Prometheus metrics. Labels carry only
// platform, kind, reason and outcome names: never message text, user ids or
// anything else a person wrote. Every method is safe on a nil *Metrics, so
// packages and tests that do not care about metrics pass nil.
package metrics

import (
	"net/http"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics is one registry with the bot's collectors.
type Metrics struct {
	reg         *prometheus.Registry
	replies     *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	errors      *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
	feedback    *prometheus.CounterVec
	reloads     *prometheus.CounterVec
	version     *prometheus.GaugeVec
	inflight    prometheus.Gauge
	panics      *prometheus.CounterVec
	dropped     prometheus.Counter
}

// New registers the collectors on a fresh registry, with the Go runtime and
// process collectors beside them.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		replies: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_replies_total", Help: "Replies given, by platform, kind and handoff reason.",
		}, []string{"platform", "kind", "reason"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "faqbot_answer_duration_seconds", Help: "Time to answer one question in the engine.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"platform"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_platform_errors_total", Help: "Errors talking to a platform or answering, by platform and operation.",
		}, []string{"platform", "op"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_rate_limited_total", Help: "Messages refused by the per-user rate limiter.",
		}, []string{"platform"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_feedback_total", Help: "Helpful / not helpful clicks on answers.",
		}, []string{"platform", "helpful"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_knowledge_reloads_total", Help: "Knowledge file reloads, by result (published, refused, unchanged, held: an edit that looks unfinished, waiting to settle).",
		}, []string{"result"}),
		version: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "faqbot_knowledge_info", Help: "The live knowledge version (value 1) and its passage count as labels.",
		}, []string{"version"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "faqbot_answers_in_flight", Help: "Questions being answered right now.",
		}),
		panics: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_panics_recovered_total", Help: "Handler panics recovered, by platform.",
		}, []string{"platform"}),
		dropped: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "faqbot_insights_dropped_total", Help: "Insights events dropped because the write queue was full.",
		}),
	}
	m.reg.MustRegister(m.replies, m.latency, m.errors, m.rateLimited, m.feedback, m.reloads, m.version, m.inflight, m.panics, m.dropped,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry exposes the registry, for tests that gather it.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.reg
}

// Reply counts one reply and its answer time.
func (m *Metrics) Reply(platform string, kind faqbot.Kind, reason faqbot.Reason, d time.Duration) {
	if m == nil {
		return
	}
	m.replies.WithLabelValues(platform, string(kind), string(reason)).Inc()
	m.latency.WithLabelValues(platform).Observe(d.Seconds())
}

// PlatformError counts a failed call to a platform (op says which: "post",
// "ack", "connect", "answer").
func (m *Metrics) PlatformError(platform, op string) {
	if m == nil {
		return
	}
	m.errors.WithLabelValues(platform, op).Inc()
}

// RateLimited counts a message the rate limiter refused.
func (m *Metrics) RateLimited(platform string) {
	if m == nil {
		return
	}
	m.rateLimited.WithLabelValues(platform).Inc()
}

// Feedback counts a helpful / not helpful click.
func (m *Metrics) Feedback(platform string, helpful bool) {
	if m == nil {
		return
	}
	v := "false"
	if helpful {
		v = "true"
	}
	m.feedback.WithLabelValues(platform, v).Inc()
}

// InsightsDropped counts an insights event dropped on a full queue.
func (m *Metrics) InsightsDropped() {
	if m == nil {
		return
	}
	m.dropped.Inc()
}

// Panic counts a recovered handler panic.
func (m *Metrics) Panic(platform string) {
	if m == nil {
		return
	}
	m.panics.WithLabelValues(platform).Inc()
}

// Reload counts a reload attempt by its result.
func (m *Metrics) Reload(result string) {
	if m == nil {
		return
	}
	m.reloads.WithLabelValues(result).Inc()
}

// SetVersion marks version as the live knowledge version.
func (m *Metrics) SetVersion(version string) {
	if m == nil {
		return
	}
	m.version.Reset()
	m.version.WithLabelValues(version).Set(1)
}

// InFlight adds delta to the in-flight answers gauge.
func (m *Metrics) InFlight(delta float64) {
	if m == nil {
		return
	}
	m.inflight.Add(delta)
}
