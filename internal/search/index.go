// Package search is the bleve full-text index over a knowledge file's
// passages. It finds the best passages for a question and says how much of
// the question they cover; deciding whether that is good enough to answer is
// the engine's job.
//
// Facts this package is built on, measured on bleve v2.6.3:
//   - bleve.NewMemOnly is the old upsidedown index: it silently ignores BM25
//     and synonym sources and is several times slower. The index here is an
//     in-memory scorch index, bleve.NewUsing("", m, scorch.Name, scorch.Name, nil).
//   - Synonym definitions are indexed as documents of their own; only
//     one-word terms survive analysis, so multi-word phrases ("sex drive")
//     are expanded here, before the query reaches bleve.
//   - A fuzzy query over one very long token can exhaust memory, and
//     thousands of distinct tokens take seconds: the query is capped in
//     tokens, fuzziness applies only to tokens of ordinary length, and each
//     search is bounded by search.MaxTermSearchersKey and a deadline.
//   - User text is only ever given to MatchQuery and FuzzyQuery, never to
//     the query-string parser, so "+", "-", ":" and "~" mean nothing special.
package search

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/faqbot/faqbot/knowledge"
)

// The index has one document per passage and one field, body, holding the
// passage, its section heading (for the section's first passage) and the
// alternative phrasings a moderator wrote, as separate values. BM25 over
// that one field finds the candidates as cheaply as a plain match query;
// the phrasings then get their query-time boost in rank (rank.go), where a
// question that matches one short phrasing closely outranks a passage that
// merely shares common words.
const (
	fieldBody = "body"
	// analyzerName is English with the stop words this domain needs kept:
	// "what sex therapy is not" must not read as "sex therapy".
	analyzerName = "faqbot_en"

	synonymCollection = "faqbot"
	synonymSource     = "faqbot_synonyms"

	batchSize = 20000 // documents per batch: few, large segments search fastest
)

// keptStopWords are English stop words that carry meaning here:
// negations and question words.
var keptStopWords = map[string]bool{
	"not": true, "no": true, "nor": true, "only": true, "what": true, "who": true, "whom": true,
	"when": true, "where": true, "why": true, "how": true, "which": true, "against": true,
	"before": true, "after": true, "during": true, "same": true, "other": true,
	"more": true, "most": true, "few": true, "many": true, "much": true, "very": true, "too": true,
	"myself": true, "own": true, "together": true, "alone": true,
}

// stopWords is bleve's English stop list (Snowball's) less keptStopWords.
func stopWords() []any {
	var out []any
	for _, line := range strings.Split(string(en.EnglishStopWords), "\n") {
		w, _, _ := strings.Cut(line, "|")
		w = strings.TrimSpace(w)
		if w != "" && !keptStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// Passage is one indexed passage, as the engine quotes it.
type Passage struct {
	Section  int    // index into Index.Headings
	Heading  string // the section's heading
	Text     string // the passage, word for word
	Asks     []string
	terms    map[string]struct{} // analyzed terms of text, heading and asks
	asks     [][]askTerm         // analyzed terms of each phrasing (and the heading)
	askLines []int               // each phrasing's line in the file
	askW     []float64           // each phrasing's total term weight
	askOf    map[string][]askRef // term → the phrasings that have it
}

// askRef is one phrasing that has a term, and the term's weight there.
type askRef struct {
	ask    int32
	weight float64
}

// askTerm is one analyzed term of a phrasing, with its weight (rank.go).
type askTerm struct {
	term   string
	weight float64
}

// Index is an immutable, searchable view of one knowledge file. It is safe
// for concurrent use; a reload builds a new Index and swaps it in.
type Index struct {
	bleve    bleve.Index
	analyzer analysis.Analyzer
	passages []Passage
	headings []string
	syn      *synonyms
	df       map[string]int // analyzed term → passages containing it
	vocab    map[vocabKey][]string
}

// vocabKey buckets the vocabulary by first letter and length, so that a
// misspelt word is compared only with words that could be a typo away.
type vocabKey struct {
	first byte
	n     int
}

// Build indexes every passage of f, with its heading and phrasings, and f's
// synonym groups as a bleve synonym source.
func Build(f *knowledge.File) (*Index, error) {
	m := newMapping()
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("search: new index: %w", err)
	}
	ix := &Index{bleve: idx, df: map[string]int{}}
	ix.analyzer = m.AnalyzerNamed(analyzerName)
	if ix.analyzer == nil {
		idx.Close()
		return nil, fmt.Errorf("search: analyzer %q missing", analyzerName)
	}
	ix.syn = newSynonyms(ix.analyzer, f.Synonyms)
	if err := ix.load(f); err != nil {
		idx.Close()
		return nil, err
	}
	return ix, nil
}

func newMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.DefaultAnalyzer = analyzerName
	must := func(err error) {
		if err != nil {
			panic("search: mapping: " + err.Error()) // static configuration: a bug, not input
		}
	}
	must(m.AddCustomTokenMap(analyzerName+"_stop", map[string]any{"type": tokenmap.Name, "tokens": stopWords()}))
	must(m.AddCustomTokenFilter(analyzerName+"_stop", map[string]any{"type": stop.Name, "stop_token_map": analyzerName + "_stop"}))
	must(m.AddCustomAnalyzer(analyzerName, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name, analyzerName + "_stop", porter.Name},
	}))
	must(m.AddSynonymSource(synonymSource, map[string]any{"collection": synonymCollection, "analyzer": analyzerName}))
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = analyzerName
	fm.SynonymSource = synonymSource
	fm.Store = false
	fm.IncludeInAll = false
	fm.IncludeTermVectors = false
	fm.DocValues = false
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldBody, fm)
	m.DefaultMapping = dm
	return m
}

// doc is what bleve indexes for one passage: its text, then its phrasings.
type doc struct {
	Body []string `json:"body"`
}

func (ix *Index) load(f *knowledge.File) error {
	b := ix.bleve.NewBatch()
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		if err := ix.bleve.Batch(b); err != nil {
			return fmt.Errorf("search: index batch: %w", err)
		}
		b.Reset()
		return nil
	}
	for si, s := range f.Sections {
		ix.headings = append(ix.headings, s.Heading)
		headTerms := ix.terms(s.Heading)
		firstOfSection := len(ix.passages)
		for _, p := range s.Passages {
			n := len(ix.passages)
			ps := Passage{Section: si, Heading: s.Heading, Text: p.Text, terms: map[string]struct{}{}}
			addAll(ps.terms, headTerms)
			addAll(ps.terms, ix.terms(p.Text))
			asks := p.Asks
			if n == firstOfSection {
				// the heading reads like a question the section's first
				// passage answers ("What is Sex Therapy?")
				asks = append([]knowledge.Ask{{Text: s.Heading, Line: s.Line}}, asks...)
			}
			body := make([]string, 0, len(asks)+1)
			body = append(body, p.Text)
			for _, a := range asks {
				ps.Asks = append(ps.Asks, a.Text)
				ps.askLines = append(ps.askLines, a.Line)
				at := ix.questionTerms(a.Text)
				terms := make([]askTerm, len(at))
				for i, t := range at {
					terms[i] = askTerm{term: t}
				}
				ps.asks = append(ps.asks, terms)
				addAll(ps.terms, at)
				body = append(body, a.Text)
			}
			if err := b.Index(strconv.Itoa(n), doc{Body: body}); err != nil {
				return fmt.Errorf("search: index passage: %w", err)
			}
			for t := range ps.terms {
				ix.df[t]++
			}
			ix.passages = append(ix.passages, ps)
			if b.Size() >= batchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	// Each group maps every one of its words to those the passages use: a
	// synonym no passage has would only cost a term searcher per query.
	for i, g := range ix.syn.bleveGroups {
		var used []string
		for _, w := range g {
			if t := ix.terms(w); len(t) == 1 && ix.df[t[0]] > 0 {
				used = append(used, w)
			}
		}
		if len(used) == 0 {
			continue
		}
		def := &bleve.SynonymDefinition{Input: g, Synonyms: used}
		if err := b.IndexSynonym("syn"+strconv.Itoa(i), synonymCollection, def); err != nil {
			return fmt.Errorf("search: index synonyms: %w", err)
		}
	}
	for i := range ix.passages { // weights need every passage's terms
		p := &ix.passages[i]
		p.askW = make([]float64, len(p.asks))
		p.askOf = map[string][]askRef{}
		for a, ask := range p.asks {
			for j := range ask {
				ask[j].weight = ix.weight(ask[j].term)
				p.askW[a] += ask[j].weight
				p.askOf[ask[j].term] = append(p.askOf[ask[j].term], askRef{int32(a), ask[j].weight})
			}
		}
	}
	ix.vocab = map[vocabKey][]string{}
	for t := range ix.df {
		k := vocabKey{t[0], utf8.RuneCountInString(t)}
		ix.vocab[k] = append(ix.vocab[k], t)
	}
	for _, ts := range ix.vocab {
		sort.Strings(ts) // deterministic corrections
	}
	return flush()
}

// terms analyzes s as the index does: lower-cased, stop words removed,
// stemmed.
func (ix *Index) terms(s string) []string { return analyze(ix.analyzer, s) }

func addAll(set map[string]struct{}, ts []string) {
	for _, t := range ts {
		set[t] = struct{}{}
	}
}

// Passages returns the indexed passages, in file order.
func (ix *Index) Passages() []Passage { return ix.passages }

// Headings returns the section headings, in file order.
func (ix *Index) Headings() []string { return ix.headings }

// Close releases the index. Searches still running on it may fail.
func (ix *Index) Close() error { return ix.bleve.Close() }
