package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/web"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

func TestMetricsEndpoint(t *testing.T) {
	m := metrics.New()
	eng := guard.New(&answerer{AnswerFn: func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		return faqbot.Reply{Kind: faqbot.KindAnswer}, nil
	}}, guard.Options{Metrics: m})
	api := web.New(web.Config{}, web.Deps{Answerer: eng, Metrics: m, Limiter: ratelimit.New(time.Hour, 1)})
	h := server(t, api, nil)
	// A labelled family appears once it has a series: make one of each.
	do(t, h, http.MethodPost, "/v1/ask", "", `{"question":"hi"}`) // reply + latency
	do(t, h, http.MethodPost, "/v1/ask", "", `{"question":"hi"}`) // rate limited
	m.PlatformError("slack", "post")                              // the others belong to other packages
	m.Reload("published")
	m.SetVersion("v1")

	out := scrape(t, m)
	for _, name := range []string{
		"faqbot_replies_total", "faqbot_answer_duration_seconds", "faqbot_platform_errors_total",
		"faqbot_rate_limited_total", "faqbot_knowledge_reloads_total", "faqbot_knowledge_info",
		"faqbot_answers_in_flight", "process_resident_memory_bytes",
	} {
		if !strings.Contains(out, "# TYPE "+name+" ") {
			t.Errorf("exposition lacks %s", name)
		}
	}
	if !strings.Contains(out, `faqbot_replies_total{kind="answer",platform="http",reason=""} 1`) {
		t.Errorf("the answered request is not counted:\n%s", grep(out, "faqbot_replies_total"))
	}

	w := do(t, h, http.MethodGet, "/metrics", "", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "faqbot_replies_total") {
		t.Errorf("GET /metrics through the API = %d, want 200 with the metrics", w.Code)
	}
}

func TestMetricsEndpointWithoutMetrics(t *testing.T) {
	h := server(t, web.New(web.Config{}, web.Deps{Answerer: &answerer{}}), nil)
	if w := do(t, h, http.MethodGet, "/metrics", "", ""); w.Code != 404 {
		t.Errorf("GET /metrics with nil Metrics = %d, want 404", w.Code)
	}
}

// scrape returns m's text exposition.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	mux := http.NewServeMux()
	web.New(web.Config{}, web.Deps{Metrics: m}).Register(mux)
	return do(t, mux, http.MethodGet, "/metrics", "", "").Body.String()
}

func grep(s, substr string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if strings.Contains(line, substr) {
			b.WriteString(line)
		}
	}
	return b.String()
}
