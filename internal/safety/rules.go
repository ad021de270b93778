package safety

import (
	"fmt"
	"regexp"
	"strings"
)

// rule is one named row of the triage table. It fires when one of any
// matches and, for each list in and, one of that list's alternatives
// matches too (for rules that need several facts: "a 15 year old", "a
// 30 year old" and "dating").
//
// Each alternative is a regular expression over folded text, in a few
// conventions that keep the tables readable:
//
//   - a space between words matches one space or none, so "kill myself" also
//     finds "killmyself";
//   - {gap1} … {gap6} match up to that many whole words ("pain {gap3}sex"
//     finds "pain when we have sex");
//   - {self}, {who}, {them}, {lover} and {partner} stand for the word lists in
//     placeholders;
//   - an alternative starts at a word boundary and ends at one or at the
//     end of the text.
type rule struct {
	name   string
	urgent bool
	any    []string
	and    [][]string
}

// compiled is a rule ready to match.
type compiled struct {
	name     string
	category Category
	urgent   bool
	any      []matcher
	and      [][]matcher
}

// matches reports whether the rule fires on text; h is litIndex.scan's
// answer for text.
func (c *compiled) matches(text string, h *hits) bool {
	if !anyMatch(c.any, text, h) {
		return false
	}
	for _, alts := range c.and {
		if !anyMatch(alts, text, h) {
			return false
		}
	}
	return true
}

func anyMatch(alts []matcher, text string, h *hits) bool {
	for i := range alts {
		if alts[i].match(text, h) {
			return true
		}
	}
	return false
}

// gaps are the placeholders for "up to N whole words"; the word lists
// ({self}, {who}, ...) come from data/phrases-words.txt.
//
// Each starts at a word boundary: a space between words also matches no
// space, so without it "fees? {gap3}therapy" read "fee" in "feel better
// in therapy" and "feel better after therapy" was a question of price.
var gaps = strings.NewReplacer(
	"{gap1}", `\b(?:\S+ )?`,
	"{gap2}", `\b(?:\S+ ){0,2}`,
	"{gap3}", `\b(?:\S+ ){0,3}`,
	"{gap4}", `\b(?:\S+ ){0,4}`,
	"{gap5}", `\b(?:\S+ ){0,5}`,
	"{gap6}", `\b(?:\S+ ){0,6}`,
)

// rules is everything Triage needs, compiled once.
type rules struct {
	table  []compiled // every rule, in precedence order
	benign []matcher  // phrases blanked before matching (phrases-mask.txt)
	lits   litIndex
	words  *strings.Replacer // {self} and the other word lists
}

// compiledRules holds the rule tables, compiled at start-up from the
// embedded data files; a bad file panics then, not on a message, and
// TestDataLoads shows which line is wrong.
var compiledRules = mustCompileRules()

func mustCompileRules() *rules {
	ps, err := loadPhrases(data)
	if err != nil {
		panic(err)
	}
	r, err := compileRules(ps)
	if err != nil {
		panic(err)
	}
	return r
}

// compileRules compiles the phrase layer; a pattern that does not compile
// is an error naming its rule.
func compileRules(ps *phraseSet) (r *rules, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("compile triage phrases: %v", p)
		}
	}()
	var pairs []string
	for name, expr := range ps.words {
		pairs = append(pairs, name, expr)
	}
	r = &rules{lits: newLitIndex(), words: strings.NewReplacer(pairs...)}
	r.benign = r.compileAll(ps.mask)
	for _, set := range ps.groups {
		for _, rl := range set.rules {
			c := compiled{name: rl.name, category: set.category, urgent: rl.urgent, any: r.compileAll(rl.any)}
			for _, alts := range rl.and {
				c.and = append(c.and, r.compileAll(alts))
			}
			r.table = append(r.table, c)
		}
	}
	return r, nil
}

// ruleSet is one category's rules, in the order they are tried.
type ruleSet struct {
	category Category
	rules    []rule
}

// compile turns one alternative into a matcher, following the conventions
// described on rule.
func (r *rules) compile(pattern string) matcher {
	p := strings.ReplaceAll(pattern, " ", " ?")
	p = r.words.Replace(gaps.Replace(p))
	body := `(?:` + p + `)(?:\b|$)`
	expr := `\b` + body
	prefix, gates, anchorable := literals(expr)
	m := matcher{re: regexp.MustCompile(expr), id: r.lits.add(prefix, gates)}
	if anchorable {
		m.anchored = regexp.MustCompile(`^` + body)
	}
	return m
}

func (r *rules) compileAll(alts []string) []matcher {
	out := make([]matcher, len(alts))
	for i, a := range alts {
		out[i] = r.compile(a)
	}
	return out
}
