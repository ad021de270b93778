package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/faqbot/faqbot/knowledge"
)

// synonyms holds a knowledge file's synonym groups in the three shapes the
// search needs: one-word terms for bleve's synonym source, multi-word
// phrases that this package expands itself (bleve drops any synonym that
// analyzes to more than one token), and a term → equivalents map for
// measuring how much of a question a passage covers.
type synonyms struct {
	bleveGroups [][]string          // one-word surface terms, per group with two or more
	equiv       map[string][]string // analyzed term → analyzed equivalents
	phrases     []phrase
}

// phrase is a multi-word synonym: when its tokens occur in a question in
// order, the group's one-word terms are added to the query.
type phrase struct {
	tokens []string // analyzed
	words  []string // surface one-word terms of the group, for the query
	terms  []string // analyzed one-word terms of the group, for coverage
}

func newSynonyms(a analysis.Analyzer, groups []knowledge.Synonyms) *synonyms {
	s := &synonyms{equiv: map[string][]string{}}
	for _, g := range groups {
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
		if len(words) >= 2 {
			s.bleveGroups = append(s.bleveGroups, words)
		}
		for _, t := range terms {
			for _, u := range terms {
				if u != t {
					s.equiv[t] = appendUnique(s.equiv[t], u)
				}
			}
		}
		for _, toks := range multi {
			if len(words) > 0 {
				s.phrases = append(s.phrases, phrase{tokens: toks, words: words, terms: terms})
			}
		}
	}
	return s
}

// expand finds the multi-word synonyms in a question's tokens and returns
// the one-word terms to add: surface words for the query, analyzed terms for
// coverage.
func (s *synonyms) expand(tokens []string) (words, terms []string) {
	for _, p := range s.phrases {
		if containsRun(tokens, p.tokens) {
			words = append(words, p.words...)
			terms = append(terms, p.terms...)
		}
	}
	return words, terms
}

func containsRun(haystack, needle []string) bool {
	for i := 0; i+len(needle) <= len(haystack); i++ {
		match := true
		for j := range needle {
			if haystack[i+j] != needle[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
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
