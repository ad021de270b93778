package search

import (
	"math"
	"sort"
)

// How the rank score combines its evidence. BM25 is normalized to the best
// candidate, so the weights do not depend on the size of the file.
const (
	weightBM25     = 0.25
	weightPhrasing = 1.0 // the query-time boost of the moderators' phrasings
	weightCoverage = 0.5
)

// question is a question's analyzed terms with their weights, ready to be
// compared with passages and phrasings.
type question struct {
	terms   []string
	weights []float64
	total   float64
	// covTotal is the weight coverage counts: question words left out.
	covTotal float64
	covMask  uint64 // the terms coverage counts
	// match maps every term that counts as a question term (the term, its
	// synonyms, its spelling correction) to that term's bit.
	match map[string]uint64
	// phrases match a question term only where all their words are.
	phrases []phrasePattern
	// scratch space for phrasing, reused from passage to passage
	masks    []uint64
	askMatch []float64
}

type phrasePattern struct {
	tokens []string
	bit    uint64
}

// phraseMask returns the bits of the question terms whose phrases are all
// in set.
func (q *question) phraseMask(has func(string) bool) uint64 {
	var mask uint64
	for _, p := range q.phrases {
		all := true
		for _, t := range p.tokens {
			if !has(t) {
				all = false
				break
			}
		}
		if all {
			mask |= p.bit
		}
	}
	return mask
}

func (ix *Index) newQuestion(tokens []string, x expansion, corrected map[string]string) *question {
	q := &question{terms: tokens, weights: make([]float64, len(tokens)),
		match: make(map[string]uint64, 2*len(tokens))}
	bitOf := make(map[string]uint64, len(tokens))
	for i, t := range tokens {
		q.weights[i] = ix.weight(t)
		q.total += q.weights[i]
		bit := uint64(1) << i
		if _, ok := questionWords[t]; !ok {
			q.covTotal += q.weights[i]
			q.covMask |= bit
		}
		q.match[t] |= bit
		for _, e := range ix.syn.equiv[t] {
			q.match[e] |= bit
		}
		if c := corrected[t]; c != "" {
			q.match[c] |= bit
		}
		bitOf[t] = bit
	}
	for term, stands := range x.stands {
		for _, s := range stands {
			q.match[term] |= bitOf[s]
		}
	}
	for _, p := range x.phrases {
		q.phrases = append(q.phrases, phrasePattern{tokens: p.tokens, bit: bitOf[p.term]})
	}
	return q
}

// unknownShare is the share of the coverage weight in terms the index
// does not know at all; a corrected misspelling counts as half unknown.
func (q *question) unknownShare(ix *Index, corrected map[string]string) float64 {
	if q.covTotal == 0 {
		return 0
	}
	var unknown float64
	for i, t := range q.terms {
		if q.covMask&(1<<i) == 0 {
			continue
		}
		if _, known := ix.df[t]; known || ix.syn.equiv[t] != nil {
			continue
		}
		if corrected[t] != "" {
			unknown += q.weights[i] / 2
		} else {
			unknown += q.weights[i]
		}
	}
	return unknown / q.covTotal
}

// weightOf sums the weights of the question terms in mask.
func (q *question) weightOf(mask uint64) float64 {
	var w float64
	for i := range q.terms {
		if mask&(1<<i) != 0 {
			w += q.weights[i]
		}
	}
	return w
}

// rank scores the candidates and sorts them, best first.
func (ix *Index) rank(q *question, hits []Hit) {
	top := 0.0
	for _, h := range hits {
		top = math.Max(top, h.BM25)
	}
	for i := range hits {
		h := &hits[i]
		p := &ix.passages[h.Passage]
		h.Coverage = ix.coverage(q, p)
		h.Phrasing = ix.phrasing(q, p)
		bm := 0.0
		if top > 0 {
			bm = h.BM25 / top
		}
		h.Score = weightBM25*bm + weightPhrasing*h.Phrasing + weightCoverage*h.Coverage
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Passage < hits[j].Passage
	})
}

// coverage is the share of the question's weight that the passage (its
// text, heading and phrasings) accounts for. A term's weight is its rarity
// across passages, so "sex" and "therapy", which every passage has, count
// little, and a word no passage has ("Tokyo", "price") counts most.
func (ix *Index) coverage(q *question, p *Passage) float64 {
	if q.covTotal == 0 {
		return 0
	}
	var mask uint64
	for t, bit := range q.match {
		if _, ok := p.terms[t]; ok {
			mask |= bit
		}
	}
	if q.phrases != nil {
		mask |= q.phraseMask(func(t string) bool { _, ok := p.terms[t]; return ok })
	}
	return q.weightOf(mask&q.covMask) / q.covTotal
}

// phrasing is how closely the question matches the passage's closest
// phrasing: a weighted Jaccard similarity, where words of the phrasing the
// question lacks count against it as much as words of the question the
// phrasing lacks. "what is sex therapy" matches the phrasing "what is sex
// therapy" fully and "what is sex therapy not" a little less.
func (ix *Index) phrasing(q *question, p *Passage) float64 {
	// Only phrasings sharing a term with the question can score: find them
	// through the passage's term → phrasings map, accumulating per phrasing
	// the question terms it has and the weight of its terms the question has.
	n := len(p.asks)
	q.masks = grow(q.masks, n)
	q.askMatch = growF(q.askMatch, n)
	masks, askMatch := q.masks[:n], q.askMatch[:n]
	for t, bit := range q.match {
		for _, r := range p.askOf[t] {
			masks[r.ask] |= bit
			askMatch[r.ask] += r.weight
		}
	}
	// a multi-word synonym counts in a phrasing that has all its words
	for _, ph := range q.phrases {
		for _, r := range p.askOf[ph.tokens[0]] {
			if hasAll(p.asks[r.ask], ph.tokens[1:]) {
				masks[r.ask] |= ph.bit
			}
		}
	}
	best := 0.0
	for a := range n {
		if masks[a] == 0 {
			continue
		}
		if union := q.total + p.askW[a] - askMatch[a]; union > 0 {
			best = math.Max(best, q.weightOf(masks[a])/union)
		}
		masks[a], askMatch[a] = 0, 0 // ready for the next passage
	}
	return best
}

func grow(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s
}

func growF(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s
}

func hasAll(ask []askTerm, terms []string) bool {
	for _, t := range terms {
		found := false
		for _, a := range ask {
			if a.term == t {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
