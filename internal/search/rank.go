package search

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/faqbot/faqbot/internal/question"
)

// How the rank score combines its evidence. BM25 is normalized to the best
// candidate, so the weights do not depend on the size of the file.
const (
	weightBM25     = 0.25
	weightPhrasing = 1.0 // the query-time boost of the moderators' phrasings
	weightCoverage = 0.5
	// exactWithin is how close to the best score a hit must be able to
	// come to be scored exactly (rank): the engine looks no further down
	// than 80% of the best.
	exactWithin = 0.75
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
	// alts are the focus terms of each option of an "A or B" question
	// (question.Analysis.Alternatives); zero when it has none
	alts [2]uint64
	// core is the focus less everyday words ("come" in "can same-sex
	// couples come in"); names the core's terms the file writes as names,
	// with those that ask what a named body does ("mission"), which are
	// roles too
	core, names, roles uint64
	// phrases match a question term only where all their words are.
	phrases []phrasePattern
	// ids is match by term id, sorted by id; lit is the question's own
	// terms and their corrections, without synonyms.
	ids, lit []idBit
	// focus and sides are the question terms of the analysis's focus and
	// of a comparison's two sides; comparison says there are sides.
	focus uint64
	// stated is the type of answer one sentence must give
	// (question.Type.InSentence), General for none, and predicate the
	// terms of a who question's predicate, which that sentence must have
	stated     question.Type
	predicate  uint64
	sides      [2]uint64
	comparison bool
	// compound holds, per side, the term ids of a compound side's last
	// word (and its synonyms), nil for a plain side
	compound [2][]int32
	// scratch for phrasing: per term of the passage its question bits, and
	// the question as a bit set over the passage's terms
	local, localSet []uint64
}

type phrasePattern struct {
	tokens []string
	ids    []int32 // -1 for a word no passage uses
	bit    uint64
}

// idBit is a term id that counts as the question term of bit.
type idBit struct {
	id  int32
	bit uint64
}

// phraseMask returns the bits of the question terms whose phrases have
// all their words in ids.
func (q *query) phraseMask(ids []int32) uint64 {
	var mask uint64
	for _, p := range q.phrases {
		all := true
		for _, id := range p.ids {
			if id < 0 || !has(ids, id) {
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
	q := &query{terms: tokens, weights: make([]float64, len(tokens)), ids: make([]idBit, 0, 4*len(tokens))}
	// every term that counts as a question term (the term, its synonyms,
	// its correction) with that term's bit, as term ids; terms no passage
	// uses cannot match and are left out
	match := func(t string, bit uint64) {
		if id, ok := ix.ids[t]; ok {
			q.ids = append(q.ids, idBit{id, bit})
		}
	}
	literal := func(t string, bit uint64) {
		if id, ok := ix.ids[t]; ok {
			q.lit = append(q.lit, idBit{id, bit})
		}
	}
	bitOf := func(t string) uint64 {
		if i := slices.Index(tokens, t); i >= 0 {
			return 1 << i
		}
		return 0
	}
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
		match(t, bit)
		literal(t, bit)
		for _, e := range ix.syn.equiv[t] {
			match(e, bit)
			// a synonym that is the same word in another form
			// ("emotionally", "emotional": Porter stems them apart)
			// is the word itself, not a synonym
			if sameWord(t, e) {
				literal(e, bit)
			}
		}
		if c := corrected[t]; c != "" {
			match(c, bit)
			literal(c, bit)
		}
	}
	for term, stands := range x.stands {
		for _, s := range stands {
			match(term, bitOf(s))
		}
	}
	for _, p := range x.phrases {
		pp := phrasePattern{tokens: p.tokens, bit: bitOf(p.term), ids: make([]int32, len(p.tokens))}
		for i, t := range p.tokens {
			if id, ok := ix.ids[t]; ok {
				pp.ids[i] = id
			} else {
				pp.ids[i] = -1
			}
		}
		q.phrases = append(q.phrases, pp)
	}
	// sorted by id, one entry per id with every bit it stands for
	slices.SortFunc(q.ids, func(a, b idBit) int { return cmp.Compare(a.id, b.id) })
	out := q.ids[:0]
	for _, ib := range q.ids {
		if n := len(out); n > 0 && out[n-1].id == ib.id {
			out[n-1].bit |= ib.bit
			continue
		}
		out = append(out, ib)
	}
	q.ids = out
	return q
}

// aim notes which of the question's terms are its focus and, for a
// comparison, its two sides.
func (q *query) aim(ix *Index, a question.Analysis) {
	bits := func(words []string) uint64 {
		var m uint64
		for _, w := range words {
			for _, t := range ix.word(w) {
				if i := slices.Index(q.terms, t); i >= 0 {
					m |= 1 << i
				}
			}
		}
		return m
	}
	// an everyday word the file never uses is chatter, not what the
	// question is about ("dumb" in "dumb question, but what is it")
	focus := make([]string, 0, len(a.Focus))
	for _, w := range a.Focus {
		if question.IsEveryday(w) && !ix.knows(w) && !slices.Contains(a.Kinds, w) {
			continue
		}
		focus = append(focus, w)
	}
	q.focus = bits(focus) & q.covMask
	var core []string
	for _, w := range focus {
		if !question.IsEveryday(w) || slices.Contains(a.Kinds, w) {
			core = append(core, w)
		}
	}
	q.core = bits(core) & q.covMask
	// the question's terms the file writes only as names, from the terms
	// already analyzed (a huge or many-worded question is not analyzed
	// again)
	for i, t := range q.terms {
		if i < 64 && ix.names[t] {
			q.names |= 1 << i
		}
	}
	q.names &= q.core
	if q.names != 0 {
		// what a named body does or is for ("the mission of AASECT") is
		// no more than the name asks
		var roles []string
		for _, w := range core {
			if question.IsRole(w) {
				roles = append(roles, w)
			}
		}
		q.roles = bits(roles) & q.core &^ q.names
		q.names |= q.roles
	}
	if a.Type.InSentence() {
		q.stated = a.Type
		q.predicate = bits(a.Predicate)
	}
	if len(a.Alternatives[0]) > 0 {
		q.alts = [2]uint64{bits(a.Alternatives[0]) & q.covMask, bits(a.Alternatives[1]) & q.covMask}
	}
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
		// a compound side ("couples therapy") must be named as one
		for k := range a.Sides {
			// "couples counselor" names a kind of therapist when the file
			// says a counselor is a therapist: it must be named as one too
			if n := len(a.Sides[k]); n >= 2 && !question.IsEveryday(a.Sides[k][n-2]) && ix.topical(a.Sides[k][n-1]) {
				a.Compound[k] = true
			}
			if a.Compound[k] && len(a.Sides[k]) > 0 {
				q.compound[k] = ix.idSet(a.Sides[k][len(a.Sides[k])-1])
				if q.compound[k] == nil {
					q.compound[k] = []int32{-1} // a word no passage uses: no passage names it
				}
			}
		}
	}
}

// idSet is the term ids of a word's analysis and of its synonyms.
func (ix *Index) idSet(w string) []int32 {
	var out []int32
	for _, t := range ix.word(w) {
		for _, u := range append([]string{t}, ix.syn.equiv[t]...) {
			if id, ok := ix.ids[u]; ok {
				out = append(out, id)
			}
		}
	}
	return out
}

// namesKind reports whether the passage's text names one of the terms
// last right before a topic word: "couples therapy", not "couples but".
func (ix *Index) namesKind(p *Passage, last []int32) bool {
	for i := 0; i+1 < len(p.textSeq); i++ {
		if slices.Contains(last, p.textSeq[i]) && slices.Contains(ix.topicIDs, p.textSeq[i+1]) {
			return true
		}
	}
	return false
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

// sameWord reports whether two analyzed terms are forms of one word that
// Porter's stemmer leaves apart: one is the other with an inflection or a
// derivational ending ("emot", "emotion"), in four letters or more. A
// name's adjective is another word ("freud", "freudian").
func sameWord(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 4 || !strings.HasPrefix(b, a) {
		return false
	}
	switch b[len(a):] {
	case "ion", "al", "e", "s", "ed", "ing", "li", "ment", "ive":
		return true
	}
	return false
}

// litMask is the question terms whose own ids are in sorted ids.
func litMask(lit []idBit, ids []int32) uint64 {
	var mask uint64
	for _, ib := range lit {
		if mask&ib.bit == 0 && has(ids, ib.id) {
			mask |= ib.bit
		}
	}
	return mask
}

// focusShare is the share of the question's focus that have covers: for
// an "A or B" question, the better of the whole and either option.
func (q *query) focusShare(have uint64) float64 {
	f := q.share(have, q.focus)
	for _, alt := range q.alts {
		if alt != 0 {
			f = max(f, q.share(have, alt))
		}
	}
	return f
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
	for m := mask; m != 0; m &= m - 1 {
		w += q.weights[bits.TrailingZeros64(m)]
	}
	return w
}

// rank scores the candidates and sorts them, best first.
func (ix *Index) rank(q *query, hits []Hit) {
	top := 0.0
	for _, h := range hits {
		top = math.Max(top, h.BM25)
	}
	// Which question terms each hit has, and where in its terms: from the
	// term's list of passages when it is short, else by searching each
	// hit's sorted terms.
	r := rankPool.Get().(*rankScratch)
	defer rankPool.Put(r)
	found := ix.findTerms(q, hits, r)
	// Everything but the phrasing first, with a bound on the phrasing:
	// a phrasing can match at most the share of the question the passage
	// has at all.
	var boundA [maxHits]float64
	bound := boundA[:len(hits)]
	for i := range hits {
		h := &hits[i]
		p := &ix.passages[h.Passage]
		var all uint64
		for _, f := range found[i] {
			all |= f.bit
		}
		if q.phrases != nil {
			all |= q.phraseMask(p.termIDs)
		}
		h.Coverage = 0
		if q.covTotal > 0 {
			h.Coverage = q.weightOf(all&q.covMask) / q.covTotal
		}
		said := q.mask(p.textIDs)
		if named := q.names &^ q.roles; q.roles != 0 && said&named == named {
			// a passage that names AASECT and says what it did answers
			// "what role did AASECT play": the role is what the text says
			// of the name, not a word it must use
			said |= q.roles
			all |= q.roles
		}
		h.Focus = q.focusShare(all)
		h.Literal = q.focusShare(litMask(q.lit, p.termIDs))
		h.Said = q.focusShare(said)
		h.Core = q.share(said, q.core)
		h.Beyond = 1
		if rest := q.core &^ q.names; q.names != 0 && rest != 0 {
			h.Beyond = q.share(all, rest)
		}
		for _, alt := range q.alts {
			// "individuals or only couples": either option's words will do
			if c := alt & q.core; c != 0 {
				h.Core = max(h.Core, q.share(said, c))
			}
		}
		h.Stated = 0
		if q.stated != question.General {
			for _, st := range p.stated {
				if m := q.mask(st.ids); st.supplies.Has(q.stated) && m&q.predicate == q.predicate {
					h.Stated = max(h.Stated, q.share(m, q.core))
				}
			}
		}
		if q.comparison {
			said := all
			if !p.Declared.Has(question.Comparison) {
				// a comparison asks how two things differ, and a synonym
				// says they are alike: each side must be in the passage's
				// own words ("sex coach" is not covered by "coaching" in
				// "sexual techniques")
				said = litMask(q.lit, p.textIDs)
			}
			h.Sides = [2]float64{q.share(said, q.sides[0]), q.share(said, q.sides[1])}
			for k, last := range q.compound {
				if last != nil && !p.Declared.Has(question.Comparison) && !ix.namesKind(p, last) {
					h.Sides[k] = 0
				}
			}
			if q.sides[0] == 0 && q.sides[1] == 0 {
				h.Sides = [2]float64{} // both sides are the topic: nothing to compare
			}
		}
		bm := 0.0
		if top > 0 {
			bm = h.BM25 / top
		}
		h.Score = weightBM25*bm + weightCoverage*h.Coverage
		phr := 1.0
		if q.total > 0 {
			phr = math.Min(1, q.weightOf(all)/q.total)
		}
		bound[i] = h.Score + weightPhrasing*phr
	}
	// Then the phrasing, best bound first, for every hit that can still
	// score within exactWithin of the best: below that a hit's Score is a
	// lower bound, which is all that ranking it last needs.
	var orderA [maxHits]int
	order := orderA[:len(hits)]
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(bound[b], bound[a]) })
	best := 0.0
	for _, i := range order {
		if bound[i] < exactWithin*best {
			break
		}
		h := &hits[i]
		h.Phrasing = ix.phrasing(q, &ix.passages[h.Passage], found[i])
		h.Score += weightPhrasing * h.Phrasing
		best = math.Max(best, h.Score)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Passage, b.Passage))
	})
}

// locBit is a question term's bit and where a passage has it.
type locBit struct {
	local int32
	bit   uint64
}

// findTerms lists, per hit, the question terms its passage has (each
// with its index in the passage's termIDs). A term's list of passages is
// read when it is short; a term most passages have (as "therapy" in a
// large file) is looked up in each hit's terms instead.
func (ix *Index) findTerms(q *query, hits []Hit, r *rankScratch) [][]locBit {
	n := len(q.ids)
	if cap(r.backing) < len(hits)*n {
		r.backing = make([]locBit, len(hits)*n)
	}
	found := r.found[:len(hits)]
	for i := range found {
		found[i] = r.backing[i*n : i*n : (i+1)*n] // no term twice: never grows
	}
	if cap(r.hitOf) < len(ix.passages) {
		r.hitOf = make([]int32, len(ix.passages)) // passage → hit index + 1
	}
	hitOf := r.hitOf[:len(ix.passages)]
	for i, h := range hits {
		hitOf[h.Passage] = int32(i) + 1
	}
	for _, ib := range q.ids {
		if list := ix.locs[ib.id]; len(list) <= 8*len(hits) {
			for _, l := range list {
				if i := hitOf[l.passage]; i > 0 {
					found[i-1] = append(found[i-1], locBit{l.local, ib.bit})
				}
			}
			continue
		}
		for i, h := range hits {
			if j, ok := slices.BinarySearch(ix.passages[h.Passage].termIDs, ib.id); ok {
				found[i] = append(found[i], locBit{int32(j), ib.bit})
			}
		}
	}
	for _, h := range hits {
		hitOf[h.Passage] = 0
	}
	return found
}

// rankScratch is rank's working memory, reused through a pool.
type rankScratch struct {
	backing []locBit
	found   [maxHits][]locBit
	hitOf   []int32
}

var rankPool = sync.Pool{New: func() any { return new(rankScratch) }}

// mask is the question terms a passage's sorted term ids have: the term,
// one of its synonyms, its correction, or all words of a multi-word
// synonym. A term weighs by its rarity across passages, so coverage counts
// "sex" and "therapy", which every passage has, little, and a word no
// passage has ("Tokyo", "price") most.
func (q *query) mask(ids []int32) uint64 {
	var mask uint64
	for _, ib := range q.ids {
		if mask&ib.bit == 0 && has(ids, ib.id) {
			mask |= ib.bit
		}
	}
	if q.phrases != nil {
		mask |= q.phraseMask(ids)
	}
	return mask
}

// phrasing is how closely the question matches the passage's closest
// phrasing: a weighted Jaccard similarity, where words of the phrasing the
// question lacks count against it as much as words of the question the
// phrasing lacks. "what is sex therapy" matches the phrasing "what is sex
// therapy" fully and "what is sex therapy not" a little less.
func (ix *Index) phrasing(q *query, p *Passage, found []locBit) float64 {
	// the question as a bit set over the passage's own terms, and each of
	// those terms' question bits
	n := len(p.termIDs)
	if cap(q.local) < n {
		q.local = make([]uint64, n)
	}
	local := q.local[:n]
	if cap(q.localSet) < p.words {
		q.localSet = make([]uint64, p.words)
	}
	set := q.localSet[:p.words]
	clear(set)
	any := len(found) > 0
	for _, f := range found {
		local[f.local] |= f.bit
		set[f.local/64] |= 1 << (f.local % 64)
	}
	// only the multi-word synonyms the passage has all the words of can
	// count in one of its phrasings
	type localPhrase struct {
		bits []uint64 // its words, as a bit set over the passage's terms
		bit  uint64
	}
	var phrases []localPhrase
	for _, ph := range q.phrases {
		if !hasAllSorted(p.termIDs, ph.ids) {
			continue
		}
		lp := localPhrase{bits: make([]uint64, p.words), bit: ph.bit}
		for _, id := range ph.ids {
			j, _ := slices.BinarySearch(p.termIDs, id)
			lp.bits[j/64] |= 1 << (j % 64)
		}
		phrases = append(phrases, lp)
		any = true
	}
	best := 0.0
	if !any {
		return best
	}
	for a := range len(p.asks) {
		ask := p.askBits[a*p.words : (a+1)*p.words]
		var m uint64
		var matched float64
		for w, bitsW := range ask {
			for x := bitsW & set[w]; x != 0; x &= x - 1 {
				j := w*64 + bits.TrailingZeros64(x)
				m |= local[j]
				matched += p.termW[j]
			}
		}
		// a multi-word synonym counts in a phrasing that has all its words
		for _, ph := range phrases {
			if m&ph.bit == 0 && subset(ph.bits, ask) {
				m |= ph.bit
			}
		}
		if m == 0 {
			continue
		}
		// W(m) ≤ q.total: a phrasing whose union is too large cannot win
		if union := q.total + p.askW[a] - matched; union > 0 && q.total > best*union {
			if sim := q.weightOf(m) / union; sim > best {
				best = sim
			}
		}
	}
	for j := range local {
		local[j] = 0
	}
	return best
}

// subset reports whether bit set a is in bit set b.
func subset(a, b []uint64) bool {
	for i, w := range a {
		if w&^b[i] != 0 {
			return false
		}
	}
	return true
}

// hasAllSorted reports whether sorted ids holds every one of want.
func hasAllSorted(ids, want []int32) bool {
	for _, w := range want {
		if w < 0 || !has(ids, w) {
			return false
		}
	}
	return true
}
