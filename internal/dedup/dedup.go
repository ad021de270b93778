// Package dedup remembers which deliveries were already handled, so that a
// platform's retry, a duplicate delivery or an attacker's replay of a signed
// request inside its time window is acted on once. The bots see only the
// Store interface; Memory keeps the keys in this process. Several replicas
// behind one load balancer need one shared Store (a database table with a
// unique key and an expiry column fits the interface), or each replica
// answers the copy it happens to receive.
package dedup

import (
	"context"
	"sync"
	"time"
)

// Store records delivery keys for a while.
type Store interface {
	// Claim records keys for ttl and reports whether none of them was
	// already recorded and unexpired: true means "this is the first time:
	// handle it". Empty keys are ignored; with no non-empty key Claim
	// reports true. A store that cannot answer (a database down) returns an
	// error, and the caller decides whether to handle the delivery anyway.
	Claim(ctx context.Context, ttl time.Duration, keys ...string) (bool, error)
}

// Memory is a Store in this process's memory. It holds at most Max keys,
// forgetting the oldest first when full, so a flood of fresh keys costs
// bounded memory (and can only make an old key count as new again).
type Memory struct {
	max int
	now func() time.Time

	mu      sync.Mutex
	expires map[string]time.Time
	order   []entry // insertion order, oldest first; may hold stale entries
}

type entry struct {
	key     string
	expires time.Time
}

// DefaultMax is the default bound on remembered keys: a few MB at most.
const DefaultMax = 50_000

// NewMemory returns an empty Memory bounded to max keys (DefaultMax when
// max ≤ 0). now is the clock (nil = time.Now); tests pass a fake one.
func NewMemory(max int, now func() time.Time) *Memory {
	if max <= 0 {
		max = DefaultMax
	}
	if now == nil {
		now = time.Now
	}
	return &Memory{max: max, now: now, expires: map[string]time.Time{}}
}

// Claim implements Store. It never fails.
func (m *Memory) Claim(_ context.Context, ttl time.Duration, keys ...string) (bool, error) {
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	fresh := true
	for _, k := range keys {
		if exp, ok := m.expires[k]; ok && k != "" && now.Before(exp) {
			fresh = false
		}
	}
	for _, k := range keys {
		if k == "" {
			continue
		}
		if exp, ok := m.expires[k]; ok && now.Before(exp) {
			continue // keep the first expiry: a replay must not extend it
		}
		m.expires[k] = now.Add(ttl)
		m.order = append(m.order, entry{k, now.Add(ttl)})
	}
	m.trim(now)
	return fresh, nil
}

// trim forgets expired keys at the front of the order, and the oldest keys
// while more than max are held. The order is compacted when stale entries
// (keys re-recorded or forgotten) make up most of it.
func (m *Memory) trim(now time.Time) {
	for len(m.order) > 0 {
		e := m.order[0]
		cur, ok := m.expires[e.key]
		switch {
		case !ok || !cur.Equal(e.expires): // stale entry
		case !now.Before(cur) || len(m.expires) > m.max:
			delete(m.expires, e.key)
		default:
			if len(m.order) > 2*len(m.expires)+16 {
				m.compact()
			}
			return
		}
		m.order[0] = entry{}
		m.order = m.order[1:]
	}
}

func (m *Memory) compact() {
	kept := make([]entry, 0, len(m.expires))
	for _, e := range m.order {
		if cur, ok := m.expires[e.key]; ok && cur.Equal(e.expires) {
			kept = append(kept, e)
		}
	}
	m.order = kept
}

// Len reports how many keys are remembered (expired ones not yet dropped
// included), for tests and metrics.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.expires)
}

var _ Store = (*Memory)(nil)
