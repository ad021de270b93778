package search

import (
	"slices"
	"strings"
)

// Collision is a pair of phrasings, in different sections, that the bot
// reads as the same question: the same words once stop words, framing and
// word endings are gone ("what do you actually do in sex therapy" and
// "what is sex therapy"). The bot cannot tell such a pair apart, so a
// question worded like them may land in either section.
type Collision struct {
	Ask, Other         string
	Line, OtherLine    int
	Section, OtherSect string
}

// Collisions lists the colliding phrasings, for `faqbot check`. Headings
// count as phrasings of their section's first passage.
func (ix *Index) Collisions() []Collision {
	type seen struct {
		text    string
		line    int
		section int
	}
	first := map[string]seen{}
	var out []Collision
	for _, p := range ix.passages {
		for i, ask := range p.asks {
			terms := make([]string, len(ask))
			for j, a := range ask {
				terms[j] = a.term
			}
			if len(terms) == 0 {
				continue
			}
			slices.Sort(terms)
			key := strings.Join(terms, " ")
			if s, ok := first[key]; ok {
				if s.section != p.Section {
					out = append(out, Collision{
						Ask: p.Asks[i], Line: p.askLines[i], Section: p.Heading,
						Other: s.text, OtherLine: s.line, OtherSect: ix.headings[s.section],
					})
				}
				continue
			}
			first[key] = seen{p.Asks[i], p.askLines[i], p.Section}
		}
	}
	return out
}
