// Package ratelimit is the per-user rate limiter every surface shares: a
// token bucket per user (golang.org/x/time/rate), so one person flooding the
// bot slows only themselves. The first refused message gets a polite "slow
// down" (Warn); the rest are dropped silently until the bucket refills.
package ratelimit

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Decision is what to do with one message.
type Decision int

const (
	Allow Decision = iota // answer it
	Warn                  // refuse it, and say "slow down" once
	Drop                  // refuse it silently
)

func (d Decision) String() string {
	switch d {
	case Allow:
		return "allow"
	case Warn:
		return "warn"
	default:
		return "drop"
	}
}

// SlowDown is the one reply a rate-limited person gets.
const SlowDown = "You're sending messages faster than I can answer. Please wait a few seconds and ask again."

type bucket struct {
	lim    *rate.Limiter
	warned bool
	seen   time.Time
}

// Limiter keeps one bucket per key (platform and user id). Idle buckets are
// forgotten so that memory stays bounded in a large community.
type Limiter struct {
	every time.Duration
	burst int
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	sweep   time.Time
}

// New returns a limiter that lets each key send burst messages at once and
// one more every interval. A zero or negative interval turns limiting off.
func New(every time.Duration, burst int) *Limiter {
	if burst < 1 {
		burst = 1
	}
	return &Limiter{every: every, burst: burst, now: time.Now, buckets: map[string]*bucket{}}
}

// WithClock sets the clock, for tests.
func (l *Limiter) WithClock(now func() time.Time) *Limiter {
	l.now = now
	return l
}

// Allow decides for one message from key. A nil Limiter allows everything.
func (l *Limiter) Allow(key string) Decision {
	if l == nil || l.every <= 0 {
		return Allow
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.forgetIdle(now)
	b := l.buckets[key]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	if b.lim.AllowN(now, 1) {
		b.warned = false
		return Allow
	}
	if b.warned {
		return Drop
	}
	b.warned = true
	return Warn
}

// forgetIdle drops buckets that have been full for a while; at most once a
// minute, so the sweep's cost is spread thin.
func (l *Limiter) forgetIdle(now time.Time) {
	if now.Sub(l.sweep) < time.Minute {
		return
	}
	l.sweep = now
	idle := l.every*time.Duration(l.burst) + time.Minute
	for k, b := range l.buckets {
		if now.Sub(b.seen) > idle {
			delete(l.buckets, k)
		}
	}
}

// Len reports how many keys are tracked, for tests.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}
