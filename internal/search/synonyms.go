package search

import (
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/faqbot/faqbot/knowledge"
)

// synonyms holds a knowledge file's synonym groups in the shapes the
// search needs: a term → equivalents map for one-word synonyms (searched
// with the term, and counted as it for coverage), and multi-word phrases,
// which stand for a term only where all their words are.
type synonyms struct {
	equiv    map[string][]string // analyzed term → analyzed equivalents
	phrases  []phrase
	phraseAt map[string][]int // first token → indexes into phrases
	// phrasesOf maps a one-word term to the multi-word phrases of its
	// groups, so "touch" also finds a passage that says "physical contact".
	phrasesOf map[string][][]string
	// groupsOf maps a one-word term that has equivalents to the bleve
	// tokens of its groups (groupToken). Each passage's document holds the
	// tokens of the groups its terms belong to, so bleve finds a term and
	// all its equivalents with one term query per group instead of one
	// per equivalent.
	groupsOf map[string][]string
}

// groupToken names synonym group i in the bleve documents. The analyzer
// never makes a term with a colon, so it cannot collide with a word.
func groupToken(i int) string { return "syn:" + strconv.Itoa(i) }

// groupTokens lists the group tokens of terms, each once.
func (s *synonyms) groupTokens(terms []string) []string {
	var out []string
	for _, t := range terms {
		for _, g := range s.groupsOf[t] {
			out = appendUnique(out, g)
		}
	}
	return out
}

// phrase is a multi-word synonym: when its tokens occur in a question in
// order, the group's one-word terms are added to the query.
type phrase struct {
	tokens []string // analyzed
	words  []string // surface one-word terms of the group
	terms  []string // analyzed one-word terms of the group
}

func newSynonyms(a analysis.Analyzer, groups []knowledge.Synonyms) *synonyms {
	s := &synonyms{equiv: map[string][]string{}, phrasesOf: map[string][][]string{}, phraseAt: map[string][]int{},
		groupsOf: map[string][]string{}}
	for gi, g := range groups {
		var words, terms []string
		var multi [][]string
		for _, t := range g.Terms {
			ts := analyze(a, t)
			switch len(ts) {
			case 0: // a stop word alone: nothing to match
			case 1:
				words = append(words, strings.ToLower(t))
				terms = append(terms, ts[0])
			default:
				multi = append(multi, ts)
			}
		}
		for _, t := range terms {
			for _, u := range terms {
				if u != t {
					s.equiv[t] = appendUnique(s.equiv[t], u)
				}
			}
			if slices.ContainsFunc(terms, func(u string) bool { return u != t }) {
				s.groupsOf[t] = appendUnique(s.groupsOf[t], groupToken(gi))
			}
		}
		for _, toks := range multi {
			if len(words) > 0 {
				s.phraseAt[toks[0]] = append(s.phraseAt[toks[0]], len(s.phrases))
				s.phrases = append(s.phrases, phrase{tokens: toks, words: words, terms: terms})
			}
			for _, t := range terms {
				s.phrasesOf[t] = append(s.phrasesOf[t], toks)
			}
		}
	}
	return s
}

// expansion is what the multi-word synonyms add to a question.
type expansion struct {
	// terms are analyzed one-word terms to search for, beside the question's.
	terms []string
	// stands maps a one-word term to the question terms it stands for:
	// "libido" stands for "sex" and "drive" when the question said "sex drive".
	stands map[string][]string
	// phrases are groups of terms that together stand for one question
	// term: "physic" and "contact" for "touch".
	phrases []standIn
}

// standIn is a multi-word phrase standing for one question term; it counts
// only where all of its words are.
type standIn struct {
	tokens []string
	term   string
}

// expand finds the multi-word synonyms a question's tokens call for, both
// ways: a phrase in the question adds its group's one-word terms, and a
// one-word term adds the words of its group's phrases.
func (s *synonyms) expand(tokens []string) expansion {
	var x expansion
	search := func(t string) {
		if !slices.Contains(x.terms, t) {
			x.terms = append(x.terms, t)
		}
	}
	var found []int
	for i, t := range tokens {
		for _, pi := range s.phraseAt[t] {
			p := s.phrases[pi]
			if slices.Contains(found, pi) || i+len(p.tokens) > len(tokens) || !slices.Equal(tokens[i:i+len(p.tokens)], p.tokens) {
				continue
			}
			found = append(found, pi)
			for _, t := range p.terms {
				if x.stands == nil {
					x.stands = map[string][]string{}
				}
				x.stands[t] = append(x.stands[t], p.tokens...)
				search(t)
			}
		}
	}
	for _, t := range tokens {
		for _, toks := range s.phrasesOf[t] {
			x.phrases = append(x.phrases, standIn{tokens: toks, term: t})
			for _, pt := range toks {
				search(pt)
			}
		}
	}
	return x
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func analyze(a analysis.Analyzer, s string) []string {
	ts := a.Analyze([]byte(s))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}
