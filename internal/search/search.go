package search

import (
	"context"
	"fmt"
	"math"
	"sort"
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
	Timeout = 500 * time.Millisecond
	// fuzzy matching applies only to unknown terms of ordinary length:
	// short ones match too much, long ones cost too much.
	minFuzzyRunes = 5
	maxFuzzyRunes = 16
	// maxHits is how many documents a search returns: enough to find the
	// best passage of the two or three best sections.
	maxHits = 12
)

// Query-time boosts: the words of a heading or a phrasing a moderator
// wrote, stop words included, are the best evidence of what a passage
// answers; a corrected misspelling counts a little less than the word
// itself.
const (
	boostBody  = 1.0
	boostFuzzy = 0.8
)

// Hit is one passage that matched, best first.
type Hit struct {
	Passage  int     // index into Index.Passages
	Score    float64 // BM25, the best of the passage's text and phrasings
	Coverage float64 // share of the question's weight found in the passage (0..1)
}

// Result is what a search found.
type Result struct {
	Hits []Hit
	// Terms is how many distinct terms the question had after analysis
	// (stop words dropped). Zero means there was nothing to search for.
	Terms int
}

// Search finds the passages that best answer question. The question must
// already be cleaned (valid UTF-8, capped): the engine does that.
func (ix *Index) Search(ctx context.Context, question string) (Result, error) {
	question = ix.unframe(strings.ToValidUTF8(question, " "))
	tokens := uniq(ix.terms(question), MaxTokens)
	if len(tokens) == 0 {
		return Result{}, nil
	}
	words, extra := ix.syn.expand(tokens)
	text := question
	if len(words) > 0 {
		text += " " + strings.Join(words, " ")
	}

	disj := []query.Query{
		match(text, fieldBody, boostBody),
	}
	corrected := map[string]string{}
	for _, t := range tokens {
		c, ok := ix.correct(t)
		if !ok {
			continue
		}
		corrected[t] = c
		tq := bleve.NewTermQuery(c)
		tq.SetField(fieldBody)
		tq.SetBoost(boostFuzzy)
		disj = append(disj, tq)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(disj...), maxHits, 0, false)
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}

	best := map[int]float64{}
	for _, h := range res.Hits {
		p, ok := ix.docOf[h.ID]
		if !ok {
			continue // a synonym definition document
		}
		if h.Score > best[p] {
			best[p] = h.Score
		}
	}
	out := Result{Terms: len(tokens), Hits: make([]Hit, 0, len(best))}
	for p, s := range best {
		out.Hits = append(out.Hits, Hit{Passage: p, Score: s})
	}
	sort.Slice(out.Hits, func(i, j int) bool {
		if out.Hits[i].Score != out.Hits[j].Score {
			return out.Hits[i].Score > out.Hits[j].Score
		}
		return out.Hits[i].Passage < out.Hits[j].Passage
	})
	for i := range out.Hits {
		if i >= 4 {
			break // coverage is only needed for the front runners
		}
		out.Hits[i].Coverage = ix.coverage(tokens, extra, corrected, out.Hits[i].Passage)
	}
	return out, nil
}

func match(text, field string, boost float64) query.Query {
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func fuzziness(runes int) int {
	if runes >= 7 {
		return 2
	}
	return 1
}

// coverage is the share of the question's weight that the passage (its
// text, heading and phrasings) accounts for. A term's weight is its rarity
// across passages, so "sex" and "therapy", which every passage has, count
// little, and a word no passage has ("Tokyo", "price") counts most. A term
// counts as found when the passage has it, one of its synonyms, or the
// word it was corrected to.
func (ix *Index) coverage(tokens, extra []string, corrected map[string]string, p int) float64 {
	terms := ix.passages[p].terms
	var have, total float64
	for _, t := range tokens {
		w := ix.weight(t)
		total += w
		if ix.found(t, terms) || ix.found(corrected[t], terms) {
			have += w
		}
	}
	if total == 0 {
		return 0
	}
	// a multi-word synonym the passage covers ("sex drive" → desire) makes up
	// for the words of the phrase, which the passage need not have.
	for _, t := range extra {
		if _, ok := terms[t]; ok {
			have += ix.weight(t)
			break
		}
	}
	return math.Min(1, have/total)
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
	return math.Log(1 + n/(float64(df)+0.5))
}

func (ix *Index) found(t string, terms map[string]struct{}) bool {
	if t == "" {
		return false
	}
	if _, ok := terms[t]; ok {
		return true
	}
	for _, e := range ix.syn.equiv[t] {
		if _, ok := terms[e]; ok {
			return true
		}
	}
	return false
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

// unframe drops the words that frame a question ("can you tell me", "a
// caller asks whether") so that they neither match a phrasing that happens
// to share them nor count against coverage.
func (ix *Index) unframe(q string) string {
	words := strings.Fields(q)
	kept := words[:0]
	for _, w := range words {
		if r, ok := shorthand[strings.ToLower(strings.Trim(w, ".,!?;:"))]; ok {
			w = r
		}
		ts := ix.analyzer.Analyze([]byte(w))
		if len(ts) == 1 {
			if _, ok := framing[string(ts[0].Term)]; ok {
				continue
			}
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
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
	"mean": {}, "doe": {}, "u": {}, "ur": {}, "im": {}, "i'm": {}, "sai": {}, "call": {}, "patient": {},
	"pt": {}, "pl": {}, "plz": {}, "abt": {}, "bc": {}, "cuz": {}, "idk": {}, "lol": {}, "tbh": {}, "kinda": {}, "sort": {}, "kind": {},
}

func uniq(ts []string, max int) []string {
	seen := make(map[string]struct{}, len(ts))
	out := ts[:0]
	for _, t := range ts {
		if _, ok := seen[t]; ok {
			continue
		}
		seen[t] = struct{}{}
		out = append(out, t)
		if len(out) == max {
			break
		}
	}
	return out
}
