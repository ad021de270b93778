package ratelimit_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/ratelimit"
)

// clock is a fake time source the test moves by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestBurstWarnDropRefill(t *testing.T) {
	c := &clock{now: time.Unix(1_700_000_000, 0)}
	l := ratelimit.New(2*time.Second, 3).WithClock(c.Now)
	var got []ratelimit.Decision
	for range 6 {
		got = append(got, l.Allow("slack:U1"))
	}
	want := []ratelimit.Decision{ratelimit.Allow, ratelimit.Allow, ratelimit.Allow, ratelimit.Warn, ratelimit.Drop, ratelimit.Drop}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if d := l.Allow("discord:U1"); d != ratelimit.Allow {
		t.Errorf("another key shares the bucket: %v", d)
	}
	c.Add(2 * time.Second)
	if d := l.Allow("slack:U1"); d != ratelimit.Allow {
		t.Errorf("after a refill: %v", d)
	}
	// the warning is given again after the person was allowed once more
	if d := l.Allow("slack:U1"); d != ratelimit.Warn {
		t.Errorf("second episode: %v, want warn", d)
	}
	if d := l.Allow("slack:U1"); d != ratelimit.Drop {
		t.Errorf("second episode, again: %v, want drop", d)
	}
}

func TestOffAndNil(t *testing.T) {
	var nilLimiter *ratelimit.Limiter
	off := ratelimit.New(0, 1)
	for range 100 {
		if nilLimiter.Allow("k") != ratelimit.Allow || off.Allow("k") != ratelimit.Allow {
			t.Fatal("a nil or zero-interval limiter limited")
		}
	}
}

// TestForgetsIdleKeys keeps memory bounded in a large community.
func TestForgetsIdleKeys(t *testing.T) {
	c := &clock{now: time.Unix(1_700_000_000, 0)}
	l := ratelimit.New(time.Second, 2).WithClock(c.Now)
	for i := range 1000 {
		l.Allow(fmt.Sprint("user", i))
	}
	c.Add(10 * time.Minute)
	l.Allow("new")
	if n := l.Len(); n != 1 {
		t.Errorf("%d keys kept after they went idle", n)
	}
}

func TestConcurrent(t *testing.T) {
	l := ratelimit.New(time.Hour, 10)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if l.Allow("same") == ratelimit.Allow {
					mu.Lock()
					allowed++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if allowed != 10 {
		t.Errorf("allowed %d of a burst of 10", allowed)
	}
}
