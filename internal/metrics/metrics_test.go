package metrics_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
)

func TestExposition(t *testing.T) {
	m := metrics.New()
	m.Reply("slack", faqbot.KindHandoff, faqbot.ReasonCrisis, 3*time.Millisecond)
	m.PlatformError("discord", "post")
	m.RateLimited("http")
	m.Feedback("slack", true)
	m.Reload("published")
	m.SetVersion("abc123")
	m.SetVersion("def456")
	m.Panic("http")
	m.InFlight(1)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	out := string(body)
	for _, want := range []string{
		`faqbot_replies_total{kind="handoff",platform="slack",reason="crisis"} 1`,
		`faqbot_answer_duration_seconds_count{platform="slack"} 1`,
		`faqbot_platform_errors_total{op="post",platform="discord"} 1`,
		`faqbot_rate_limited_total{platform="http"} 1`,
		`faqbot_feedback_total{helpful="true",platform="slack"} 1`,
		`faqbot_knowledge_reloads_total{result="published"} 1`,
		`faqbot_knowledge_info{version="def456"} 1`,
		`faqbot_panics_recovered_total{platform="http"} 1`,
		`faqbot_answers_in_flight 1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("exposition lacks %s", want)
		}
	}
	if strings.Contains(out, `version="abc123"`) {
		t.Error("an old knowledge version is still reported")
	}
}

func TestNilIsSafe(t *testing.T) {
	var m *metrics.Metrics
	m.Reply("x", faqbot.KindAnswer, "", time.Second)
	m.PlatformError("x", "y")
	m.RateLimited("x")
	m.Feedback("x", false)
	m.Reload("x")
	m.SetVersion("x")
	m.Panic("x")
	m.InFlight(1)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 404 || m.Registry() != nil {
		t.Errorf("nil metrics served %d", rec.Code)
	}
}
