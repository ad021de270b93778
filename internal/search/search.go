package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/question"
)

// Limits that keep one search cheap whatever a person sends.
const (
	// MaxTokens is how many distinct analyzed terms of a question are
	// searched; a real question has far fewer.
	MaxTokens = 32
	// Timeout bounds one search.
	Timeout = 2 * time.Second
	// fuzzy matching applies only to unknown terms of ordinary length:
	// short ones match too much, long ones cost too much.
	minFuzzyRunes = 5
	maxFuzzyRunes = 16
	// maxHits is how many passages a search returns: enough to find the
	// best passage of the two or three best sections.
	maxHits = 12
	// maxCandidates is how many passages bleve returns for the ranking to
	// score: a few times maxHits, since the two BM25s differ only in the
	// small-file idf floor
	maxCandidates = 64
	// commonWeight scales the weight of everyday words (common.go).
	commonWeight = 0.3
	// minIDFPassages is the least passage count BM25's idf assumes.
	minIDFPassages = 50
)

// A corrected misspelling, or a word added by a multi-word synonym, counts
// a little less than a word the person wrote.
const (
	boostFuzzy = 0.8
)

// Hit is one passage that matched, best first.
type Hit struct {
	Passage int // index into Index.Passages
	// Score is the rank score (rank.go): BM25 with the phrasings' boost.
	// It is exact for every hit that scores within 75% of the best; below
	// that it may leave the phrasing out (Phrasing 0), a lower bound.
	Score    float64
	BM25     float64 // the passage's BM25 score
	Phrasing float64 // how closely the best phrasing matches the question (0..1)
	Coverage float64 // share of the question's weight found in the passage (0..1)
	// Focus is the share of the question's focus (question.Analysis) the
	// passage covers, counting its phrasings: 1 when the focus is empty.
	Focus float64
	// Literal is the share of the focus the passage has as the words
	// themselves (or their corrections), not only as synonyms.
	Literal float64
	// Said is the share of the focus the passage's own text covers, with
	// synonyms but without the moderators' phrasings.
	Said float64
	// Core is the share of the focus's words that are not everyday words
	// ("same-sex couples", not "come") that the passage's own text covers,
	// with synonyms: 1 when there is none.
	Core float64
	// Beyond is, for a question about someone the file names ("where is
	// AASECT headquartered"), the share of Core's words other than the
	// names that the passage covers, with synonyms and phrasings: 1 when
	// the question names no one or asks nothing more.
	Beyond float64
	// Sides is, for a comparison, the share of each side the passage's
	// own text covers (its phrasings too when it declares comparison).
	Sides [2]float64
	// Stated is, for a type of answer one sentence must give
	// (question.Type.InSentence), the largest share of the focus's words
	// that are not everyday words (as Core counts them) that one sentence
	// of the passage covers, among those that give that type and say a
	// who question's predicate: 0 when none does.
	Stated float64
}

// Result is what a search found.
type Result struct {
	Hits []Hit
	// Terms is how many distinct terms the question had after analysis
	// (stop words dropped). Zero means there was nothing to search for.
	Terms int
	// Unknown is the share of the question's weight (as coverage counts it)
	// in words the file never uses, not even as a synonym or a near
	// spelling: "apple" in "who founded apple". A question mostly about
	// something else is no question for this file, however well its one
	// familiar word matches.
	Unknown float64
	// UnknownNames are the question's names (question.Analysis.Names) the
	// file never uses, not even as a synonym: "Kinsey" in "was Alfred
	// Kinsey involved in founding sex therapy". No passage can answer
	// about them.
	UnknownNames []string
}

// clause is one disjunct of a question's query: a term with its one-word
// synonyms, or a correction, or a word a multi-word synonym adds.
type clause struct {
	term     string
	synonyms []string
	boost    float64
}

// Search finds the passages that best answer question. The question must
// already be cleaned (valid UTF-8, capped): the engine does that.
func (ix *Index) Search(ctx context.Context, text string) (Result, error) {
	return ix.SearchQuestion(ctx, question.Analyze(strings.ToValidUTF8(text, " ")))
}

// Terms are the analyzed terms a search for text would look for, framing
// words dropped: near-identical questions share them ("what is sensate
// focus?" and "sensate focus what is it"). Insights group by them.
func (ix *Index) Terms(text string) []string {
	return ix.questionTerms(question.Analyze(strings.ToValidUTF8(text, " ")).Words)
}

// SearchQuestion is Search for a question already analyzed.
func (ix *Index) SearchQuestion(ctx context.Context, a question.Analysis) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	tokens := ix.questionTerms(a.Words)
	if len(tokens) == 0 {
		return Result{}, nil
	}
	x := ix.syn.expand(tokens)

	// One clause per analyzed term, with the term's synonyms; unknown words
	// add the word they were corrected to, multi-word synonyms their words.
	clauses := make([]clause, 0, len(tokens)+len(x.terms))
	var corrected map[string]string
	for _, t := range tokens {
		clauses = append(clauses, clause{term: t, synonyms: ix.syn.equiv[t], boost: 1})
		if c, ok := ix.correct(t); ok {
			if corrected == nil {
				corrected = map[string]string{}
			}
			corrected[t] = c
			clauses = append(clauses, clause{term: c, boost: boostFuzzy})
		}
	}
	for _, t := range x.terms {
		clauses = append(clauses, clause{term: t, boost: boostFuzzy})
	}
	q := ix.newQuestion(tokens, x, corrected)
	q.aim(ix, a)
	out := Result{Terms: len(tokens), Unknown: q.unknownShare(ix, corrected)}
	for _, n := range a.Names {
		if !ix.knows(n) {
			out.UnknownNames = append(out.UnknownNames, n)
		}
	}
	// bleve finds the passages that hold the question's terms; bm25
	// scores them as bleve's BM25 does, with the small-file idf floor
	cand, err := ix.store.candidates(ctx, ix.lookups(clauses), min(len(ix.passages), maxCandidates), len(ix.passages) <= maxCandidates)
	if err != nil {
		return Result{}, err
	}
	out.Hits = ix.bm25(clauses, cand)
	ix.rank(q, out.Hits)
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	return out, nil
}

// lookups are the term queries bleve gets for clauses: a term, or for a
// term with synonyms the tokens of its synonym groups, which every
// passage holding one of the equivalents has; each token once, at its
// highest boost.
func (ix *Index) lookups(clauses []clause) []lookup {
	out := make([]lookup, 0, len(clauses))
	add := func(t string, boost float64) {
		for i := range out {
			if out[i].term == t {
				out[i].boost = max(out[i].boost, boost)
				return
			}
		}
		out = append(out, lookup{t, boost})
	}
	for _, c := range clauses {
		if len(c.synonyms) == 0 {
			add(c.term, c.boost)
			continue
		}
		for _, g := range ix.syn.groupsOf[c.term] {
			add(g, c.boost)
		}
	}
	return out
}

// scratch is per-search working memory, reused through a pool: a score
// and a clause count per passage, and the passages touched.
type scratch struct {
	found   []bool // the passages bleve found
	score   []float64
	matched []int32
	touched []int32
}

var scratchPool sync.Pool

func (ix *Index) getScratch() *scratch {
	s, _ := scratchPool.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	if n := len(ix.passages); cap(s.score) < n {
		s.score, s.matched, s.found = make([]float64, n), make([]int32, n), make([]bool, n)
	} else {
		s.score, s.matched, s.found = s.score[:n], s.matched[:n], s.found[:n]
	}
	s.touched = s.touched[:0]
	return s
}

// bm25 scores every passage that has a clause's term, as bleve scores a
// disjunction of term queries under BM25: per term idf² · boost ·
// tf·k1/(tf + k1·norm) with tf the square root of the term's frequency,
// summed, times the share of clauses that matched. It returns the best
// maxHits passages, best first (ties in file order).
func (ix *Index) bm25(clauses []clause, cand []int32) []Hit {
	s := ix.getScratch()
	defer scratchPool.Put(s)
	// only the passages bleve found are scored
	for _, p := range cand {
		s.found[p] = true
	}
	defer func() {
		for _, p := range cand {
			s.found[p] = false
		}
	}()
	// idf as in a file of at least minIDFPassages passages: in a small
	// file every passage says "sex therapy", and BM25 would otherwise rank
	// on the one or two rare words alone
	n := float64(max(len(ix.passages), minIDFPassages))
	for ci, c := range clauses {
		for k := -1; k < len(c.synonyms); k++ {
			t := c.term
			if k >= 0 {
				t = c.synonyms[k]
			}
			ps := ix.postings[t]
			if len(ps) == 0 {
				continue
			}
			df := float64(len(ps))
			idf := math.Log(1 + (n-df+0.5)/(df+0.5))
			w := c.boost * idf * idf
			for _, p := range ps {
				if !s.found[p.passage] {
					continue
				}
				tf := math.Sqrt(float64(p.freq))
				if s.matched[p.passage] == 0 {
					s.touched = append(s.touched, p.passage)
				}
				// a clause counts once for coordination, however many of
				// its terms match: the high bits hold the last clause seen
				if s.matched[p.passage]>>16 != int32(ci)+1 {
					s.matched[p.passage] = (int32(ci)+1)<<16 | (s.matched[p.passage]&0xffff + 1)
				}
				s.score[p.passage] += w * tf * bm25K1 / (tf + bm25K1*ix.norm[p.passage])
			}
		}
	}
	hits := make([]Hit, 0, min(len(s.touched), maxHits))
	total := float64(len(clauses))
	for _, p := range s.touched {
		h := Hit{Passage: int(p), BM25: s.score[p] * float64(s.matched[p]&0xffff) / total}
		s.score[p], s.matched[p] = 0, 0
		hits = insertTop(hits, h)
	}
	return hits
}

// insertTop keeps hits sorted best first and at most maxHits long.
func insertTop(hits []Hit, h Hit) []Hit {
	i := len(hits)
	for i > 0 && (hits[i-1].BM25 < h.BM25 || hits[i-1].BM25 == h.BM25 && hits[i-1].Passage > h.Passage) {
		i--
	}
	if i == maxHits {
		return hits
	}
	if len(hits) < maxHits {
		hits = append(hits, Hit{})
	}
	copy(hits[i+1:], hits[i:])
	hits[i] = h
	return hits
}

func fuzziness(runes int) int {
	if runes >= 7 {
		return 2
	}
	return 1
}

// weight is a term's share in coverage: its inverse passage frequency.
// Words that only frame a question ("tell me", "a caller asks") weigh
// nothing; short unknown words ("u", "wat") weigh little, as they are more
// often chat shorthand or typos than the point of the question.
func (ix *Index) weight(t string) float64 {
	if _, ok := framing[t]; ok {
		return 0
	}
	df, known := ix.df[t]
	if !known && utf8.RuneCountInString(t) < 3 {
		return 0.3
	}
	if !known {
		df = 1 // a word the file never uses counts like its rarest words
	}
	n := float64(len(ix.passages))
	w := math.Log(1 + n/(float64(df)+0.5))
	if _, ok := commonWords[t]; ok {
		w *= commonWeight
	}
	return w
}

// correct maps an unknown word of ordinary length to the closest word of
// the index's vocabulary within one or two edits ("therepy" → "therapi").
// Known words and synonyms are left alone; so are very short and very long
// words, where a correction is more often wrong or too costly.
func (ix *Index) correct(t string) (string, bool) {
	if _, known := ix.df[t]; known || ix.syn.equiv[t] != nil {
		return "", false
	}
	if _, ok := framing[t]; ok {
		return "", false
	}
	n := utf8.RuneCountInString(t)
	if n < minFuzzyRunes || n > maxFuzzyRunes {
		return "", false
	}
	k := fuzziness(n)
	for d := 0; d <= k; d++ {
		for _, m := range []int{n - d, n + d} {
			for _, u := range ix.vocab[vocabKey{t[0], m}] {
				if within(t, u, k) {
					return u, true
				}
			}
			if d == 0 {
				break
			}
		}
	}
	return "", false
}

// questionTerms analyzes a question's words (question.Words) as the index
// does, with the words that only frame a question ("can you tell me", "a
// caller asks whether") dropped after, so that they neither match a
// phrasing that happens to share them nor count against coverage. The
// result is unique and at most MaxTokens long.
func (ix *Index) questionTerms(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		for _, term := range ix.word(w) {
			if _, ok := framing[term]; ok || slices.Contains(out, term) {
				continue
			}
			out = append(out, term)
			if len(out) == MaxTokens {
				return out
			}
		}
	}
	return out
}

// framing holds analyzed words that frame a question rather than ask it
// (and chat shorthand for them):
// "can you tell me", "I was wondering", "a caller asks whether".
var framing = map[string]struct{}{
	"tell": {}, "know": {}, "explain": {}, "wonder": {}, "curiou": {}, "question": {},
	"pleas": {}, "caller": {}, "client": {}, "ask": {}, "actual": {}, "realli": {},
	"just": {}, "like": {}, "hei": {}, "hi": {}, "hello": {}, "thank": {}, "thx": {},
	"quick": {}, "someon": {}, "anyon": {}, "anybodi": {}, "wat": {}, "wut": {}, "wht": {},
	"ok": {}, "okai": {}, "peopl": {}, "folk": {}, "help": {}, "um": {}, "hmm": {}, "gui": {}, "want": {}, "need": {}, "basic": {}, "exactli": {},
	"mean": {}, "doe": {}, "can": {}, "could": {}, "would": {}, "will": {}, "shall": {}, "u": {}, "ur": {}, "im": {}, "i'm": {}, "sai": {}, "call": {}, "patient": {},
	"receptionist": {}, "q": {}, "pt": {}, "pl": {}, "plz": {}, "abt": {}, "bc": {}, "cuz": {}, "idk": {}, "lol": {}, "tbh": {}, "kinda": {}, "sort": {}, "kind": {},
}
