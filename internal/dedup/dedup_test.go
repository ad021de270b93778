package dedup_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/dedup"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestMemoryClaim(t *testing.T) {
	c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	m := dedup.NewMemory(100, c.now)
	ctx := context.Background()
	steps := []struct {
		name    string
		advance time.Duration
		ttl     time.Duration
		keys    []string
		want    bool
	}{
		{"first delivery", 0, time.Minute, []string{"event:E1", "msg:C1:1.1"}, true},
		{"retry with the same event id", time.Second, time.Minute, []string{"event:E1"}, false},
		{"same message under another event id", 0, time.Minute, []string{"event:E2", "msg:C1:1.1"}, false},
		{"the other event id was recorded", 0, time.Minute, []string{"event:E2"}, false},
		{"empty keys are ignored", 0, time.Minute, []string{"", "msg:C1:2.2"}, true},
		{"no key at all is always fresh", 0, time.Minute, []string{""}, true},
		{"and so is no key twice", 0, time.Minute, nil, true},
		{"a replay does not extend the first expiry", 50 * time.Second, time.Minute, []string{"event:E1"}, false},
		{"forgotten after its ttl", 10 * time.Second, time.Minute, []string{"event:E1"}, true},
		{"a longer ttl holds", 0, time.Hour, []string{"feedback:U1:M1"}, true},
		{"…past the short ones", 30 * time.Minute, time.Hour, []string{"feedback:U1:M1"}, false},
	}
	for _, s := range steps {
		c.t = c.t.Add(s.advance)
		got, err := m.Claim(ctx, s.ttl, s.keys...)
		if err != nil || got != s.want {
			t.Fatalf("%s: Claim(%q) = %v, %v; want %v", s.name, s.keys, got, err, s.want)
		}
	}
}

// TestMemoryIsBounded: a flood of fresh keys never holds more than max.
func TestMemoryIsBounded(t *testing.T) {
	c := &clock{t: time.Unix(0, 0)}
	m := dedup.NewMemory(50, c.now)
	for i := range 1000 {
		if ok, _ := m.Claim(context.Background(), time.Hour, fmt.Sprint("k", i)); !ok {
			t.Fatalf("fresh key %d counted as seen", i)
		}
		if m.Len() > 50 {
			t.Fatalf("holds %d keys, max 50", m.Len())
		}
	}
	if ok, _ := m.Claim(context.Background(), time.Hour, "k999"); ok {
		t.Error("the newest key was forgotten")
	}
	c.t = c.t.Add(2 * time.Hour)
	m.Claim(context.Background(), time.Hour, "fresh")
	if m.Len() != 1 {
		t.Errorf("expired keys kept: %d", m.Len())
	}
}
