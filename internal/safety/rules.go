package safety

import (
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

// placeholders are the word lists rules share. They are expanded after
// spaces are made optional, so their own spaces are required.
var placeholders = strings.NewReplacer(
	"{gap1}", `(?:\S+ )?`,
	"{gap2}", `(?:\S+ ){0,2}`,
	"{gap3}", `(?:\S+ ){0,3}`,
	"{gap4}", `(?:\S+ ){0,4}`,
	"{gap5}", `(?:\S+ ){0,5}`,
	"{gap6}", `(?:\S+ ){0,6}`,
	// reflexive pronouns, also split ("my self") and misspelt ("myslef")
	"{self}", `(?:(?:my|her|him|his|them|their|your|our|one|it) ?(?:self|selves|slef|sef)|themself|meself)`,
	// people who hurt someone: partners, family, people in authority
	"{who}", `(?:he|she|they|someone|somebody|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|spouse|fiance|fiancee|ex|date|dad|father|stepdad|step dad|stepfather|mom|mum|mother|stepmom|uncle|brother|cousin|boss|teacher|coach|priest|pastor|guy|man|woman|stranger|client'?s (?:partner|husband|wife|boyfriend|girlfriend))`,
	// the person something was done to
	"{them}", `(?:me|her|him|them|us|my (?:client|friend|daughter|son|kid|child|sister|brother|wife|partner)|a client|clients|a patient|patients)`,
	// a romantic or sexual partner, or the pronoun for one
	"{lover}", `(?:he|she|they|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|spouse|fiance|fiancee|ex|date|guy|man|woman)`,
	"{partner}", `(?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|spouse|fiance|fiancee|ex|dad|father|stepdad|stepfather|mom|mum|mother|stepmom|stepmother)`,
)

// rules is everything Triage needs, compiled once.
type rules struct {
	table  []compiled // every rule, in precedence order
	benign []matcher  // phrases blanked before matching (benign.go)
	lits   litIndex
}

// compiledRules holds the rule tables, compiled at start-up; a bad pattern
// panics then, not on a message.
var compiledRules = compileRules()

func compileRules() *rules {
	r := &rules{lits: newLitIndex()}
	r.benign = r.compileAll(benignPhrases)
	for _, set := range []ruleSet{
		{Crisis, crisisRules},
		{Abuse, abuseRules},
		{Medical, medicalRules},
		{Decline, declineRules},
		{Referral, referralRules},
	} {
		for _, rl := range set.rules {
			c := compiled{name: rl.name, category: set.category, urgent: rl.urgent, any: r.compileAll(rl.any)}
			for _, alts := range rl.and {
				c.and = append(c.and, r.compileAll(alts))
			}
			r.table = append(r.table, c)
		}
	}
	return r
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
	p = placeholders.Replace(p)
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
