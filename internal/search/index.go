// Package search is the full-text index over a knowledge file's passages.
// It finds the best passages for a question and says how much of the
// question they cover; deciding whether that is good enough to answer is
// the engine's job.
//
// Facts this package is built on:
//   - The text is analyzed with bleve v2's English analysis (its Unicode
//     tokenizer, possessive and lower-case filters, Snowball's stop words
//     less those this domain needs, Porter's stemmer).
//   - The index is the package's own: an inverted index from analyzed term
//     to passages, scored with BM25 as bleve's scorch index scores it (k1
//     1.2, b 0.75, square-root term frequency, a disjunction's coordination
//     factor). A bleve search costs its searchers, collector and garbage
//     far more than the scoring: on the ten-passage default file one bleve
//     search with the synonym searchers took 150 µs, most of it allocating;
//     the same ranking from this index takes a few microseconds, and a
//     reload no longer builds a second index nobody queries.
//   - Synonym groups are expanded here, before scoring: one-word synonyms
//     as extra terms of the word's clause, multi-word phrases ("sex drive")
//     as extra clauses.
//   - Misspelt words are corrected to the file's vocabulary within one or
//     two edits, only for words of ordinary length; the question is capped
//     in tokens, and a search is bounded by its context.
//   - User text is only ever analyzed into terms: no query syntax exists.
package search

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/faqbot/faqbot/internal/question"
	"github.com/faqbot/faqbot/knowledge"
)

// keptStopWords are English stop words that carry meaning here:
// negations and question words. "what sex therapy is not" must not read as
// "sex therapy".
var keptStopWords = map[string]bool{
	"not": true, "no": true, "nor": true, "only": true, "what": true, "who": true, "whom": true,
	"when": true, "where": true, "why": true, "how": true, "which": true, "against": true,
	"before": true, "after": true, "during": true, "same": true, "other": true,
	"more": true, "most": true, "few": true, "many": true, "much": true, "very": true, "too": true,
	"myself": true, "own": true, "together": true, "alone": true,
}

// newAnalyzer is English as the index reads it: Unicode words, possessives
// dropped, lower case, bleve's English stop list (Snowball's) less
// keptStopWords, Porter stems.
func newAnalyzer() analysis.Analyzer {
	stops := analysis.NewTokenMap()
	for _, line := range strings.Split(string(en.EnglishStopWords), "\n") {
		w, _, _ := strings.Cut(line, "|")
		if w = strings.TrimSpace(w); w != "" && !keptStopWords[w] {
			stops.AddToken(w)
		}
	}
	return &analysis.DefaultAnalyzer{
		Tokenizer: unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{
			en.NewPossessiveFilter(), lowercase.NewLowerCaseFilter(),
			stop.NewStopTokensFilter(stops), porter.NewPorterStemmer(),
		},
	}
}

// statedSentence is one sentence of a passage's text that gives types of
// answer one sentence must give, with its analyzed terms as ids, sorted.
type statedSentence struct {
	supplies question.Types
	ids      []int32
}

// Passage is one indexed passage, as the engine quotes it.
type Passage struct {
	Section int    // index into Index.Headings
	Heading string // the section's heading
	Text    string // the passage, word for word
	Asks    []string
	// Facts are the types of answer the passage gives, read from its text
	// (question.Read), with those a moderator declared (@answers).
	Facts question.Facts
	// Declared are the types a moderator declared: for those, what the
	// phrasings name counts as named by the passage.
	Declared question.Types
	askLines []int // each phrasing's line in the file (the heading's first, for a section's first passage)
	// The passage's analyzed terms as term ids (Index.ids), sorted: of its
	// text, heading and phrasings, and of its text and heading alone
	// (what it says itself).
	termIDs, textIDs []int32
	// stated are the sentences of the text that give a type of answer one
	// sentence must give (question.Facts.Sentences), as term ids
	stated  []statedSentence
	textSeq []int32     // the text's terms as ids, in order
	asks    [][]askTerm // analyzed terms of each phrasing (and the heading)
	askW    []float64   // each phrasing's total term weight
	// The phrasings as bit sets over the passage's own terms (termIDs):
	// phrasing a is askBits[a*words:(a+1)*words], with termW the weight of
	// each of the passage's terms. Comparing a question with 65 phrasings
	// is then a few ANDs each.
	askBits []uint64
	words   int
	termW   []float64
}

// askTerm is one analyzed term of a phrasing, with its weight (rank.go).
type askTerm struct {
	term   string
	weight float64
}

// posting is one passage that has a term, and how often.
type posting struct {
	passage int32
	freq    int32
}

// Index is an immutable, searchable view of one knowledge file. It is safe
// for concurrent use; a reload builds a new Index and swaps it in.
type Index struct {
	store    *store // the bleve index of the passages (store.go)
	analyzer analysis.Analyzer
	passages []Passage
	headings []string
	syn      *synonyms
	df       map[string]int // analyzed term → passages containing it
	vocab    map[vocabKey][]string
	// BM25 over one field per passage: its text, its heading (for a
	// section's first passage) and its phrasings.
	postings map[string][]posting
	norm     []float64 // per passage: 1 - b + b·length/average length
	// words caches the analysis of every word the file uses, so a
	// question's words are mostly analyzed by a map lookup. It is built
	// with the index and never grows: a word the file does not use is
	// analyzed each time.
	words map[string][]string
	// ids numbers every analyzed term the passages use, so that ranking
	// compares integers in sorted lists instead of hashing strings.
	ids map[string]int32
	// topicIDs are the ids of the topic words (question.Topic) and their
	// synonyms
	topicIDs []int32
	// locs lists, per term id, the passages that have the term and where
	// it is in their termIDs: ranking reads a short list at once instead
	// of searching every passage for the term
	locs [][]termLoc
	// names are the analyzed terms the passages write only as names
	// (question.NameWords: "masters", "aasect"), never in lower case
	names map[string]bool
}

// termLoc is one passage that has a term, and the term's index in its
// termIDs.
type termLoc struct {
	passage, local int32
}

// vocabKey buckets the vocabulary by first letter and length, so that a
// misspelt word is compared only with words that could be a typo away.
type vocabKey struct {
	first byte
	n     int
}

// BM25's parameters, bleve's.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Build indexes every passage of f, with its heading and phrasings, and f's
// synonym groups.
func Build(f *knowledge.File) (*Index, error) {
	ix := &Index{analyzer: newAnalyzer(), df: map[string]int{}, postings: map[string][]posting{},
		words: map[string][]string{}, ids: map[string]int32{}}
	ix.syn = newSynonyms(ix.analyzer, f.Synonyms)
	for _, g := range f.Synonyms {
		for _, t := range g.Terms {
			ix.cacheWords(t)
		}
	}
	docs := ix.load(f)
	ix.findNames(f)
	st, err := newStore()
	if err != nil {
		return nil, err
	}
	if err := st.add(docs); err != nil {
		st.close()
		return nil, err
	}
	ix.store = st
	return ix, nil
}

// load reads f's passages into ix and returns each passage's analyzed
// terms, for the bleve index.
func (ix *Index) load(f *knowledge.File) [][]string {
	var docs [][]string
	var lengths []int
	total := 0
	for si, s := range f.Sections {
		ix.headings = append(ix.headings, s.Heading)
		headTerms := ix.terms(s.Heading)
		ix.cacheWords(s.Heading)
		firstOfSection := len(ix.passages)
		for _, p := range s.Passages {
			n := len(ix.passages)
			ps := Passage{Section: si, Heading: s.Heading, Text: p.Text, Facts: question.Read(p.Text)}
			terms, said := map[string]struct{}{}, map[string]struct{}{}
			addAll(terms, headTerms)
			addAll(said, headTerms)
			freq := map[string]int32{}
			length := 0
			var doc []string
			count := func(ts []string) {
				for _, t := range ts {
					freq[t]++
				}
				length += len(ts)
				doc = append(doc, ts...)
			}
			textTerms := ix.terms(p.Text)
			addAll(terms, textTerms)
			addAll(said, textTerms)
			count(textTerms)
			ix.cacheWords(p.Text)
			asks := p.Asks
			if n == firstOfSection {
				// the heading reads like a question the section's first
				// passage answers ("What is Sex Therapy?")
				asks = append([]knowledge.Ask{{Text: s.Heading, Line: s.Line}}, asks...)
			}
			for _, a := range asks {
				ix.cacheWords(a.Text)
				ps.Asks = append(ps.Asks, a.Text)
				ps.askLines = append(ps.askLines, a.Line)
				count(ix.terms(a.Text))
				at := ix.questionTerms(question.Words(a.Text))
				ats := make([]askTerm, len(at))
				for i, t := range at {
					ats[i] = askTerm{term: t}
				}
				ps.asks = append(ps.asks, ats)
				addAll(terms, at)
			}
			ix.declare(&ps, p.Answers)
			for t, c := range freq {
				ix.postings[t] = append(ix.postings[t], posting{int32(n), c})
			}
			for t := range terms {
				ix.df[t]++
			}
			ps.termIDs, ps.textIDs = ix.idsOf(terms), ix.idsOf(said)
			for _, st := range ps.Facts.Sentences {
				set := map[string]struct{}{}
				addAll(set, ix.terms(st.Text))
				ps.stated = append(ps.stated, statedSentence{st.Supplies, ix.idsOf(set)})
			}
			for _, t := range textTerms {
				ps.textSeq = append(ps.textSeq, ix.ids[t])
			}
			// the document also names the synonym groups of its terms, so
			// bleve finds a term's equivalents with one query (synonyms.go)
			docs = append(docs, append(doc, ix.syn.groupTokens(doc)...))
			lengths = append(lengths, length)
			total += length
			ix.passages = append(ix.passages, ps)
		}
	}
	avg := 1.0
	if len(lengths) > 0 && total > 0 {
		avg = float64(total) / float64(len(lengths))
	}
	ix.norm = make([]float64, len(lengths))
	for i, l := range lengths {
		ix.norm[i] = 1 - bm25B + bm25B*float64(l)/avg
	}
	for i := range ix.passages { // weights need every passage's terms
		p := &ix.passages[i]
		p.askW = make([]float64, len(p.asks))
		p.words = (len(p.termIDs) + 63) / 64
		p.askBits = make([]uint64, p.words*len(p.asks))
		p.termW = make([]float64, len(p.termIDs))
		for a, ask := range p.asks {
			for j := range ask {
				ask[j].weight = ix.weight(ask[j].term)
				p.askW[a] += ask[j].weight
				local, _ := slices.BinarySearch(p.termIDs, ix.ids[ask[j].term])
				p.askBits[a*p.words+local/64] |= 1 << (local % 64)
				p.termW[local] = ask[j].weight
			}
		}
	}
	ix.locs = make([][]termLoc, len(ix.ids))
	for pi := range ix.passages {
		for j, id := range ix.passages[pi].termIDs {
			ix.locs[id] = append(ix.locs[id], termLoc{int32(pi), int32(j)})
		}
	}
	for t := range topicTerms {
		for _, u := range append([]string{t}, ix.syn.equiv[t]...) {
			if id, ok := ix.ids[u]; ok && !slices.Contains(ix.topicIDs, id) {
				ix.topicIDs = append(ix.topicIDs, id)
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
	return docs
}

// declare adds the types a moderator declared. For a declared condition
// the problems the phrasings name count as named by the passage.
func (ix *Index) declare(ps *Passage, names []string) {
	for _, n := range names {
		if t, ok := question.ParseType(n); ok {
			ps.Declared = ps.Declared.With(t)
		}
	}
	ps.Facts.Supplies |= ps.Declared
	if ps.Declared.Has(question.Condition) {
		// the problems the phrasings name, not the kinds their words
		// happen to name ("mental health care for sex problems" is not
		// about depression)
		ps.Facts.Problems = append(ps.Facts.Problems, question.Read(strings.Join(ps.Asks, ". ")).Problems...)
	}
}

// idsOf numbers a set of terms, sorted.
func (ix *Index) idsOf(terms map[string]struct{}) []int32 {
	out := make([]int32, 0, len(terms))
	for t := range terms {
		id, ok := ix.ids[t]
		if !ok {
			id = int32(len(ix.ids))
			ix.ids[t] = id
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// has reports whether sorted ids holds id.
func has(ids []int32, id int32) bool {
	lo, hi := 0, len(ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ids[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ids) && ids[lo] == id
}

// cacheWords notes the analysis of each of s's words.
func (ix *Index) cacheWords(s string) {
	for _, w := range question.Words(s) {
		if _, ok := ix.words[w]; !ok {
			ix.words[w] = analyze(ix.analyzer, w)
		}
	}
}

// maxWordBytes is the longest word analyzed whole when the file does not
// use it (the file's own words are in ix.words, whatever their length):
// bleve's segmenter and stemmer are slow on a word of a megabyte, so a
// longer one is analyzed from its first maxWordBytes bytes (still a word
// no passage has).
const maxWordBytes = 128

// word analyzes one word of a question, from the cache when the file uses it.
func (ix *Index) word(w string) []string {
	if ts, ok := ix.words[w]; ok {
		return ts
	}
	if len(w) > maxWordBytes {
		cut := maxWordBytes
		for cut > 0 && !utf8.RuneStart(w[cut]) {
			cut--
		}
		w = w[:cut]
	}
	return analyze(ix.analyzer, w)
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

// Close releases the index. It holds nothing but memory, so this is a
// no-op kept for the engine's snapshot lifecycle.
func (ix *Index) Close() error {
	if ix.store == nil {
		return nil
	}
	return ix.store.close()
}

// findNames notes the terms the passages write only as names: capitalised
// where no sentence starts, or acronyms, and never in lower case.
func (ix *Index) findNames(f *knowledge.File) {
	ix.names = map[string]bool{}
	lower := map[string]bool{}
	for _, s := range f.Sections {
		for _, p := range s.Passages {
			for _, w := range question.NameWords(p.Text) {
				for _, t := range ix.word(w) {
					ix.names[t] = true
				}
			}
			for _, w := range strings.FieldsFunc(p.Text, notWordRune) {
				if w[0] >= 'a' && w[0] <= 'z' {
					for _, t := range ix.word(w) {
						lower[t] = true
					}
				}
			}
		}
	}
	for t := range lower {
		delete(ix.names, t)
	}
}

// notWordRune reports whether r ends a word for findNames.
func notWordRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80)
}
