package faqbot_test

import (
	"testing"
	"time"

	"github.com/faqbot/faqbot"
)

func TestWindow(t *testing.T) {
	for d, want := range map[time.Duration]string{
		168 * time.Hour:               "168h",
		90 * time.Minute:              "1h30m",
		90 * time.Second:              "1m30s",
		45 * time.Second:              "45s",
		2*time.Hour + 30*time.Second:  "2h0m30s",
		24*time.Hour + 15*time.Minute: "24h15m",
	} {
		if got := faqbot.Window(d); got != want {
			t.Errorf("Window(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestInsightsTotals(t *testing.T) {
	tests := []struct {
		replies map[string]int
		total   int
		rate    float64
	}{
		{nil, 0, 0},
		{map[string]int{"answer": 3, "no_match": 1}, 4, 0.25},
		{map[string]int{"no_match": 2}, 2, 1},
		{map[string]int{"handoff": 5}, 5, 0},
	}
	for _, tt := range tests {
		in := faqbot.Insights{Replies: tt.replies}
		if in.Total() != tt.total || in.NoMatchRate() != tt.rate {
			t.Errorf("%v: total %d, rate %v; want %d, %v", tt.replies, in.Total(), in.NoMatchRate(), tt.total, tt.rate)
		}
	}
}
