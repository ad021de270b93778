package question

import (
	"fmt"
	"strings"
	"unicode"
)

// maxGap is how many words "..." in a phrase may skip.
const maxGap = 3

// slot is one position of a phrase: a set of words, any word, any word
// but some, a number, or a gap.
type slot struct {
	words  map[string]bool
	not    bool // any one word except words
	any    bool // any one word
	number bool
	gap    bool
}

// pattern is one phrase of words.txt, compiled.
type pattern struct {
	src   string
	slots []slot
	start bool // only at the start of the text
	end   bool // only at the end of the text
}

func compile(src string, spell map[string][]string) (pattern, error) {
	p := pattern{src: src}
	fields := strings.Fields(src)
	if len(fields) > 0 && strings.HasPrefix(fields[0], "^") {
		p.start = true
		if fields[0] = fields[0][1:]; fields[0] == "" {
			fields = fields[1:]
		}
	}
	if n := len(fields); n > 0 && strings.HasSuffix(fields[n-1], "$") {
		p.end = true
		if fields[n-1] = strings.TrimSuffix(fields[n-1], "$"); fields[n-1] == "" {
			fields = fields[:n-1]
		}
	}
	// a plain word is spelled as questions are ("cant" is "can not")
	var spelled []string
	for _, f := range fields {
		if strings.ContainsAny(f, "|!") || f == "..." || f == "*" || f == "<number>" {
			spelled = append(spelled, f)
			continue
		}
		spelled = append(spelled, respell(tokenize(f, spell), spell)...)
	}
	for _, f := range spelled {
		var s slot
		switch {
		case f == "...":
			s.gap = true
		case f == "*":
			s.any = true
		case f == "<number>":
			s.number = true
		default:
			if strings.HasPrefix(f, "!") {
				s.not = true
				f = f[1:]
			}
			s.words = map[string]bool{}
			for _, alt := range strings.Split(f, "|") {
				ws := tokenize(alt, nil)
				if len(ws) != 1 {
					// a spelling such as "co-pay" or "$" is one word; one
					// that tokenizes to none or several is a mistake
					return pattern{}, fmt.Errorf("phrase %q: %q is not one word", src, alt)
				}
				s.words[ws[0]] = true
			}
		}
		p.slots = append(p.slots, s)
	}
	if len(p.slots) == 0 || p.slots[0].gap || p.slots[len(p.slots)-1].gap {
		return pattern{}, fmt.Errorf("phrase %q: needs a word first and last", src)
	}
	return p, nil
}

// first lists the words a match can start with, or nil when it can start
// with any word.
func (p pattern) first() []string {
	s := p.slots[0]
	if s.words == nil || s.not {
		return nil
	}
	out := make([]string, 0, len(s.words))
	for w := range s.words {
		out = append(out, w)
	}
	return out
}

// matchAt reports whether p matches words from i, and where the match ends.
func (p pattern) matchAt(words []string, i int, numbers map[string]bool) (int, bool) {
	if p.start && i != 0 {
		return 0, false
	}
	return matchSlots(p.slots, words, i, numbers, p.end)
}

// matchSlots matches slots against words from i; with atEnd the match
// must end with the last word.
func matchSlots(slots []slot, words []string, i int, numbers map[string]bool, atEnd bool) (int, bool) {
	return matchRec(slots, words, i, numbers, atEnd, nil)
}

// matchRec is matchSlots that also notes, in cue, the positions of the
// words a fixed word matched: the phrase's own words, not what its gaps
// and wildcards let through.
func matchRec(slots []slot, words []string, i int, numbers map[string]bool, atEnd bool, cue *[]int) (int, bool) {
	if len(slots) == 0 {
		return i, !atEnd || i == len(words)
	}
	s := slots[0]
	if s.gap {
		for skip := 0; skip <= maxGap && i+skip <= len(words); skip++ {
			if end, ok := matchRec(slots[1:], words, i+skip, numbers, atEnd, cue); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(words) {
		return 0, false
	}
	w := words[i]
	switch {
	case s.any:
	case s.number:
		if !isNumber(w, numbers) {
			return 0, false
		}
	case s.not:
		if s.words[w] {
			return 0, false
		}
	default:
		if !s.words[w] {
			return 0, false
		}
	}
	end, ok := matchRec(slots[1:], words, i+1, numbers, atEnd, cue)
	if ok && cue != nil && (s.words != nil && !s.not || s.number) {
		*cue = append(*cue, i)
	}
	return end, ok
}

func isNumber(w string, numbers map[string]bool) bool {
	if numbers[w] {
		return true
	}
	digits := false
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
		digits = true
	}
	return digits
}

// phrases is a set of patterns indexed by the word they start with, so that
// matching a text costs a map lookup per word, not a try per pattern.
type phrases struct {
	byFirst map[string][]int
	any     []int // patterns whose first slot is not a fixed word
	list    []pattern
	owner   []int // per pattern: the index of what it stands for (a type, a kind)
	alone   []bool
}

func (ps *phrases) add(p pattern, owner int, alone bool) {
	n := len(ps.list)
	ps.list = append(ps.list, p)
	ps.owner = append(ps.owner, owner)
	ps.alone = append(ps.alone, alone)
	first := p.first()
	if first == nil {
		ps.any = append(ps.any, n)
		return
	}
	if ps.byFirst == nil {
		ps.byFirst = map[string][]int{}
	}
	for _, w := range first {
		ps.byFirst[w] = append(ps.byFirst[w], n)
	}
}

// match is one phrase found in a text: words[start:end].
type match struct {
	pattern    int
	start, end int
}

// cue lists the positions of the words the phrase's own words matched.
func (ps *phrases) cue(m match, words []string, numbers map[string]bool) []int {
	var at []int
	p := ps.list[m.pattern]
	matchRec(p.slots, words, m.start, numbers, p.end, &at)
	return at
}

// find calls fn for every phrase that matches words, by start position.
// fn returns false to stop.
func (ps *phrases) find(words []string, numbers map[string]bool, fn func(match) bool) {
	try := func(n, i int) bool {
		if end, ok := ps.list[n].matchAt(words, i, numbers); ok {
			return fn(match{pattern: n, start: i, end: end})
		}
		return true
	}
	for i, w := range words {
		for _, n := range ps.byFirst[w] {
			if !try(n, i) {
				return
			}
		}
		for _, n := range ps.any {
			if !try(n, i) {
				return
			}
		}
	}
}
