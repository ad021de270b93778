package search

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// The passages live in a bleve v2 index: an in-memory scorch index with
// BM25, one document per passage whose field holds the passage's analyzed
// terms (its text, its phrasings and, for a section's first passage, its
// heading), in the order bleve's English analysis gave them. A search asks
// bleve which passages hold the question's terms, their synonyms and
// corrections: a disjunction of term queries, one per clause, user text
// never becoming query syntax. bleve's answer is the candidate set; the
// ranking then scores those candidates (bm25, rank.go).

const (
	storeField    = "terms"
	storeAnalyzer = "faqbot_terms"
)

// store is the bleve index of a knowledge file's passages.
type store struct {
	idx bleve.Index
	// has holds every token the documents have: a lookup for any other
	// would find nothing, so it is not sent (the bleve term searcher it
	// would cost is most of a search's time on a small file)
	has map[string]struct{}

	// holders remembers, for a file small enough that every passage is a
	// candidate, which passages bleve said hold a term: the answer for a
	// term never changes on one index, and the file's words are few, so
	// a question in words asked before costs no bleve search (a new
	// knowledge version builds a new store)
	mu      sync.RWMutex
	holders map[string][]int32
}

// lookup is one term query: a term or a synonym group's token.
type lookup struct {
	term  string
	boost float64
}

func newStore() (*store, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	// the terms are analyzed already: split them on spaces and keep them
	if err := m.AddCustomAnalyzer(storeAnalyzer, map[string]any{
		"type": custom.Name, "tokenizer": whitespace.Name, "token_filters": []string{},
	}); err != nil {
		return nil, fmt.Errorf("search: mapping: %w", err)
	}
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = storeAnalyzer
	fm.Store, fm.IncludeInAll, fm.IncludeTermVectors, fm.DocValues = false, false, false, false
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(storeField, fm)
	m.DefaultMapping = dm
	m.DefaultAnalyzer = storeAnalyzer
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("search: new index: %w", err)
	}
	return &store{idx: idx, has: map[string]struct{}{}, holders: map[string][]int32{}}, nil
}

// add indexes passages' terms, one document each, named by position.
func (s *store) add(terms [][]string) error {
	b := s.idx.NewBatch()
	for i, ts := range terms {
		for _, t := range ts {
			s.has[t] = struct{}{}
		}
		if err := b.Index(strconv.Itoa(i), map[string]any{storeField: strings.Join(ts, " ")}); err != nil {
			return fmt.Errorf("search: index passage %d: %w", i, err)
		}
		if b.Size() >= 1000 {
			if err := s.idx.Batch(b); err != nil {
				return fmt.Errorf("search: index batch: %w", err)
			}
			b.Reset()
		}
	}
	if b.Size() > 0 {
		if err := s.idx.Batch(b); err != nil {
			return fmt.Errorf("search: index batch: %w", err)
		}
	}
	return nil
}

// candidates asks bleve which passages hold a term of lookups; at most
// limit of them, best first by bleve's BM25, or, when all says that limit
// holds every passage, unscored: then the passages of each term, which
// bleve is asked for once per index, and their union is the answer.
func (s *store) candidates(ctx context.Context, lookups []lookup, limit int, all bool) ([]int32, error) {
	if all {
		return s.holdersOf(ctx, lookups, limit)
	}
	qs := make([]bquery.Query, 0, len(lookups))
	for _, l := range lookups {
		if _, ok := s.has[l.term]; !ok {
			continue
		}
		tq := termQuery(l.term)
		tq.SetBoost(l.boost)
		qs = append(qs, tq)
	}
	if len(qs) == 0 {
		return nil, nil
	}
	return s.search(ctx, bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), limit, 0, false))
}

// holdersOf is the union of the passages holding each term of lookups,
// in no particular order, each term's from bleve the first time it is
// asked for.
func (s *store) holdersOf(ctx context.Context, lookups []lookup, limit int) ([]int32, error) {
	var out []int32
	seen := make([]uint64, limit/64+1) // limit holds every passage
	for _, l := range lookups {
		if _, ok := s.has[l.term]; !ok {
			continue
		}
		s.mu.RLock()
		ps, ok := s.holders[l.term]
		s.mu.RUnlock()
		if !ok {
			req := bleve.NewSearchRequestOptions(termQuery(l.term), limit, 0, false)
			req.Score = "none"
			var err error
			if ps, err = s.search(ctx, req); err != nil {
				return nil, err
			}
			s.mu.Lock()
			s.holders[l.term] = ps
			s.mu.Unlock()
		}
		for _, p := range ps {
			if w, b := p/64, uint64(1)<<(p%64); seen[w]&b == 0 {
				seen[w] |= b
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// termQuery is a term query on the documents' field.
func termQuery(term string) *bquery.TermQuery {
	tq := bleve.NewTermQuery(term)
	tq.SetField(storeField)
	return tq
}

// search runs req and returns the passages of its hits, in bleve's order.
func (s *store) search(ctx context.Context, req *bleve.SearchRequest) ([]int32, error) {
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: bleve: %w", err)
	}
	out := make([]int32, 0, len(res.Hits))
	for _, h := range res.Hits {
		n, err := strconv.Atoi(h.ID)
		if err != nil {
			return nil, fmt.Errorf("search: bleve hit %q: %w", h.ID, err)
		}
		out = append(out, int32(n))
	}
	return out, nil
}

func (s *store) close() error { return s.idx.Close() }
