package search

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits that keep one search cheap whatever a person sends.
const (
	// MaxTokens is how many distinct analyzed terms of a question are
	// searched; a real question has far fewer.
	MaxTokens = 32
	// maxTermSearchers bounds the term searchers one query may open
	// (fuzzy expansion included), via search.MaxTermSearchersKey.
	maxTermSearchers = 512
	// Timeout bounds one search.
	Timeout = 2 * time.Second
	// fuzzy matching applies only to unknown terms of ordinary length:
	// short ones match too much, long ones cost too much.
	minFuzzyRunes = 5
	maxFuzzyRunes = 16
	// maxHits is how many documents a search returns: enough to find the
	// best passage of the two or three best sections.
	maxHits = 12
	// commonWeight scales the weight of everyday words (common.go).
	commonWeight = 0.3
)

// A corrected misspelling, or a word added by a multi-word synonym, counts
// a little less than a word the person wrote.
const (
	boostFuzzy = 0.8
)

// Hit is one passage that matched, best first.
type Hit struct {
	Passage  int     // index into Index.Passages
	Score    float64 // the rank score (rank.go): BM25 with the phrasings' boost
	BM25     float64 // bleve's BM25 score of the passage document
	Phrasing float64 // how closely the best phrasing matches the question (0..1)
	Coverage float64 // share of the question's weight found in the passage (0..1)
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
}

// Search finds the passages that best answer question. The question must
// already be cleaned (valid UTF-8, capped): the engine does that.
func (ix *Index) Search(ctx context.Context, question string) (Result, error) {
	tokens := ix.questionTerms(strings.ToValidUTF8(question, " "))
	if len(tokens) == 0 {
		return Result{}, nil
	}
	x := ix.syn.expand(tokens)

	// One term query per analyzed term, as a match query would make, but
	// without analyzing the text a second time. Each expands through the
	// synonym source; unknown words add the word they were corrected to.
	disj := make([]query.Query, 0, len(tokens)+len(x.terms))
	add := func(term string, boost float64) {
		tq := bleve.NewTermQuery(term)
		tq.SetField(fieldBody)
		tq.SetBoost(boost)
		disj = append(disj, tq)
	}
	var corrected map[string]string
	for _, t := range tokens {
		add(t, 1)
		if c, ok := ix.correct(t); ok {
			if corrected == nil {
				corrected = map[string]string{}
			}
			corrected[t] = c
			add(c, boostFuzzy)
		}
	}
	for _, t := range x.terms {
		add(t, boostFuzzy)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(disj...), maxHits, 0, false)
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	q := ix.newQuestion(tokens, x, corrected)
	out := Result{Terms: len(tokens), Unknown: q.unknownShare(ix, corrected), Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		p, err := strconv.Atoi(h.ID)
		if err != nil || p < 0 || p >= len(ix.passages) {
			continue // a synonym definition document
		}
		out.Hits = append(out.Hits, Hit{Passage: p, BM25: h.Score})
	}
	ix.rank(q, out.Hits)
	return out, nil
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

// questionTerms analyzes a question as the index does, with chat spellings
// of question words spelled out first and the words that only frame a
// question ("can you tell me", "a caller asks whether") dropped after, so
// that they neither match a phrasing that happens to share them nor count
// against coverage. The result is unique and at most MaxTokens long.
func (ix *Index) questionTerms(q string) []string {
	words := strings.Fields(q)
	changed := false
	for i, w := range words {
		if len(w) <= 5 {
			if r, ok := shorthand[strings.ToLower(strings.Trim(w, ".,!?;:"))]; ok {
				words[i], changed = r, true
			}
		}
	}
	if changed {
		q = strings.Join(words, " ")
	}
	ts := ix.analyzer.Analyze([]byte(q))
	out := make([]string, 0, len(ts))
	seen := make(map[string]struct{}, len(ts))
	for _, t := range ts {
		term := string(t.Term)
		if _, ok := framing[term]; ok {
			continue
		}
		if _, ok := seen[term]; ok {
			continue
		}
		seen[term] = struct{}{}
		out = append(out, term)
		if len(out) == MaxTokens {
			break
		}
	}
	return out
}

// shorthand spells out chat spellings of question words, so "wat is sex
// therapy" asks what "what is sex therapy" asks.
var shorthand = map[string]string{
	"wat": "what", "wut": "what", "wht": "what", "whats": "what is", "wats": "what is", "wen": "when",
	"hw": "how", "howw": "how", "wil": "will", "r": "are", "u": "you", "ur": "your", "y": "why",
	"cuz": "because", "bc": "because", "abt": "about", "w/": "with", "w/o": "without", "thx": "thanks",
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
	"pt": {}, "pl": {}, "plz": {}, "abt": {}, "bc": {}, "cuz": {}, "idk": {}, "lol": {}, "tbh": {}, "kinda": {}, "sort": {}, "kind": {},
}
