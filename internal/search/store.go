package search

import (
	"context"
	"fmt"
	"strconv"
	"strings"

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
	return &store{idx: idx, has: map[string]struct{}{}}, nil
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
// limit of them, best first by bleve's BM25, or unscored when all says
// that limit holds every passage.
func (s *store) candidates(ctx context.Context, lookups []lookup, limit int, all bool) ([]int32, error) {
	qs := make([]bquery.Query, 0, len(lookups))
	for _, l := range lookups {
		if _, ok := s.has[l.term]; !ok {
			continue
		}
		tq := bleve.NewTermQuery(l.term)
		tq.SetField(storeField)
		tq.SetBoost(l.boost)
		qs = append(qs, tq)
	}
	if len(qs) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), limit, 0, false)
	if all {
		// every passage fits: which ones match is all the ranking needs
		req.Score = "none"
	}
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
