package slack

import (
	"sync"
	"time"
)

// seenSet remembers recent delivery keys (event ids, channel+ts) so that
// Slack's retries and duplicate deliveries never produce a second reply. It
// forgets a key after ttl, and its oldest keys once it holds max.
type seenSet struct {
	ttl time.Duration
	max int

	mu    sync.Mutex
	at    map[string]time.Time
	order []seenKey // oldest first
}

type seenKey struct {
	key string
	at  time.Time
}

func newSeenSet(ttl time.Duration, max int) *seenSet {
	return &seenSet{ttl: ttl, max: max, at: map[string]time.Time{}}
}

// first records keys (empty ones are skipped) and reports whether none of
// them had been seen within the ttl: true means "handle this delivery".
func (s *seenSet) first(now time.Time, keys ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forget(now)
	fresh := true
	for _, k := range keys {
		if _, ok := s.at[k]; ok && k != "" {
			fresh = false
		}
	}
	for _, k := range keys {
		if _, ok := s.at[k]; ok || k == "" {
			continue
		}
		s.at[k] = now
		s.order = append(s.order, seenKey{k, now})
	}
	for len(s.order) > s.max {
		s.drop()
	}
	return fresh
}

// forget drops the keys older than the ttl.
func (s *seenSet) forget(now time.Time) {
	for len(s.order) > 0 && now.Sub(s.order[0].at) >= s.ttl {
		s.drop()
	}
}

func (s *seenSet) drop() {
	delete(s.at, s.order[0].key)
	s.order[0] = seenKey{}
	s.order = s.order[1:]
}

// len reports how many keys are remembered, for tests.
func (s *seenSet) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.at)
}
