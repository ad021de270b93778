package search

import (
	"math"
	"sort"

	"github.com/faqbot/faqbot/internal/question"
)

// How the rank score combines its evidence. BM25 is normalized to the best
// candidate, so the weights do not depend on the size of the file.
const (
	weightBM25     = 0.25
	weightPhrasing = 1.0 // the query-time boost of the moderators' phrasings
	weightCoverage = 0.5
)

// query is a question's analyzed terms with their weights, ready to be
// compared with passages and phrasings.
type query struct {
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
	// focus and sides are the question terms of the analysis's focus and
	// of a comparison's two sides; comparison says there are sides.
	focus      uint64
	sides      [2]uint64
	comparison bool
	bitOf      map[string]uint64
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
func (q *query) phraseMask(has func(string) bool) uint64 {
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

func (ix *Index) newQuestion(tokens []string, x expansion, corrected map[string]string) *query {
	q := &query{terms: tokens, weights: make([]float64, len(tokens)),
		match: make(map[string]uint64, 2*len(tokens))}
	bitOf := make(map[string]uint64, len(tokens))
	for i, t := range tokens {
		// a corrected misspelling weighs what the word it stands for
		// weighs, not what a word the file never uses would
		if c := corrected[t]; c != "" {
			q.weights[i] = ix.weight(c)
		} else {
			q.weights[i] = ix.weight(t)
		}
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
	q.bitOf = bitOf
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

// aim notes which of the question's terms are its focus and, for a
// comparison, its two sides.
func (q *query) aim(ix *Index, a question.Analysis) {
	bits := func(words []string) uint64 {
		var m uint64
		for _, w := range words {
			for _, t := range ix.word(w) {
				m |= q.bitOf[t]
			}
		}
		return m
	}
	// an everyday word the file never uses is chatter, not what the
	// question is about ("dumb" in "dumb question, but what is it")
	focus := make([]string, 0, len(a.Focus))
	for _, w := range a.Focus {
		if question.IsEveryday(w) && !ix.knows(w) {
			continue
		}
		focus = append(focus, w)
	}
	q.focus = bits(focus) & q.covMask
	if a.Type == question.Comparison {
		// a side is what it names beyond the topic and everyday words:
		// "a sexologist" is a sex therapist to a file that says they are
		// synonyms, and then there is nothing to compare
		side := func(words []string) uint64 {
			var kept []string
			for _, w := range words {
				if !question.IsEveryday(w) && !ix.topical(w) {
					kept = append(kept, w)
				}
			}
			return bits(kept) & q.covMask
		}
		q.comparison = true
		q.sides = [2]uint64{side(a.Sides[0]), side(a.Sides[1])}
	}
}

// topical reports whether a word is one of the file's topic words or a
// synonym of one.
func (ix *Index) topical(w string) bool {
	for _, t := range ix.word(w) {
		if _, ok := topicTerms[t]; ok {
			return true
		}
		for _, e := range ix.syn.equiv[t] {
			if _, ok := topicTerms[e]; ok {
				return true
			}
		}
	}
	return false
}

// knows reports whether the file uses a word (or a synonym of it).
func (ix *Index) knows(w string) bool {
	for _, t := range ix.word(w) {
		if _, ok := ix.df[t]; ok || ix.syn.equiv[t] != nil {
			return true
		}
	}
	return false
}

// share is the weight share of want that have covers; 1 when want is empty.
func (q *query) share(have, want uint64) float64 {
	total := q.weightOf(want)
	if total == 0 {
		return 1
	}
	return q.weightOf(have&want) / total
}

// unknownShare is the share of the coverage weight in terms the index
// does not know at all; a corrected misspelling counts as half unknown.
func (q *query) unknownShare(ix *Index, corrected map[string]string) float64 {
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
func (q *query) weightOf(mask uint64) float64 {
	var w float64
	for i := range q.terms {
		if mask&(1<<i) != 0 {
			w += q.weights[i]
		}
	}
	return w
}

// rank scores the candidates and sorts them, best first.
func (ix *Index) rank(q *query, hits []Hit) {
	top := 0.0
	for _, h := range hits {
		top = math.Max(top, h.BM25)
	}
	for i := range hits {
		h := &hits[i]
		p := &ix.passages[h.Passage]
		all := q.mask(p.terms)
		h.Coverage = 0
		if q.covTotal > 0 {
			h.Coverage = q.weightOf(all&q.covMask) / q.covTotal
		}
		h.Focus = q.share(all, q.focus)
		if q.comparison {
			said := all
			if !p.Declared.Has(question.Comparison) {
				said = q.mask(p.textTerms)
			}
			h.Sides = [2]float64{q.share(said, q.sides[0]), q.share(said, q.sides[1])}
			if q.sides[0] == 0 && q.sides[1] == 0 {
				h.Sides = [2]float64{} // both sides are the topic: nothing to compare
			}
		}
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

// mask is the question terms a set of passage terms has: the term, one
// of its synonyms, its correction, or all words of a multi-word synonym.
// A term weighs by its rarity across passages, so coverage counts "sex"
// and "therapy", which every passage has, little, and a word no passage
// has ("Tokyo", "price") most.
func (q *query) mask(terms map[string]struct{}) uint64 {
	var mask uint64
	for t, bit := range q.match {
		if _, ok := terms[t]; ok {
			mask |= bit
		}
	}
	if q.phrases != nil {
		mask |= q.phraseMask(func(t string) bool { _, ok := terms[t]; return ok })
	}
	return mask
}

// phrasing is how closely the question matches the passage's closest
// phrasing: a weighted Jaccard similarity, where words of the phrasing the
// question lacks count against it as much as words of the question the
// phrasing lacks. "what is sex therapy" matches the phrasing "what is sex
// therapy" fully and "what is sex therapy not" a little less.
func (ix *Index) phrasing(q *query, p *Passage) float64 {
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
