package engine

import (
	"context"
	"sync"

	"github.com/faqbot/faqbot/internal/question"
	"github.com/faqbot/faqbot/internal/search"
)

// cacheSize is how many question parts a snapshot remembers the analysis
// and search of. People ask the same few questions again and again ("what
// is sex therapy", "is it confidential"), and a part's analysis depends
// only on its text and the knowledge version, so a repeated one costs a
// map lookup instead of an analysis and a search.
const cacheSize = 2048

// searched is one part's analysis and search, shared read-only.
type searched struct {
	a   question.Analysis
	res search.Result
}

// partCache remembers searched parts for one snapshot: a new knowledge
// version starts with an empty one. When full it forgets an arbitrary
// entry, which keeps it bounded whatever people send.
type partCache struct {
	mu sync.Mutex
	m  map[string]searched
}

func (c *partCache) get(part string) (searched, bool) {
	c.mu.Lock()
	s, ok := c.m[part]
	c.mu.Unlock()
	return s, ok
}

func (c *partCache) put(part string, s searched) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]searched, 64)
	}
	if len(c.m) >= cacheSize {
		for k := range c.m {
			delete(c.m, k)
			break
		}
	}
	c.m[part] = s
}

// search analyzes and searches one part of a question, from the cache
// when the part was asked before on this snapshot.
func (e *Engine) search(ctx context.Context, snap *snapshot, part string) (question.Analysis, search.Result, error) {
	if e.opts.NoCache {
		a := question.Analyze(part)
		r, err := snap.index.SearchQuestion(ctx, a)
		return a, r, err
	}
	if s, ok := snap.cache.get(part); ok {
		return s.a, s.res, nil
	}
	a := question.Analyze(part)
	r, err := snap.index.SearchQuestion(ctx, a)
	if err != nil {
		return a, r, err // a cancelled search is not remembered
	}
	snap.cache.put(part, searched{a, r})
	return a, r, nil
}
