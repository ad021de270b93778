package safety

import "strings"

// Go's regexp engine has no lazy DFA: running every alternative of every
// rule costs hundreds of microseconds per message. Nearly all are ruled out
// by a cheap test, "does the text contain one of these strings?", where the
// strings are derived from the regexp itself (literals), so the prefilter
// can never disagree with the rule it guards. litIndex answers that test for
// all alternatives at once, in one pass over the text.

// litIndex finds which matchers' literals occur in a text, and where. A
// matcher has two kinds of literal sets, all necessary for a match:
//
//   - a prefix set, one of which starts every match. Every alternative
//     begins at a word boundary, so these are looked up only where a word
//     starts, and the places found are where the matcher is tried;
//   - gates: sets one of which every match contains somewhere, for the
//     parts of a pattern rarer than its start ("coercive" in "is therapy …
//     coercive", "sexy" in "write me something sexy"). These are looked up
//     at every position.
//
// Lookups go through maps keyed by a literal's first three bytes (fewer for
// shorter prefix literals), so a scan costs a few map lookups per byte of
// text however many rules there are.
type litIndex struct {
	hasPrefix []bool  // by matcher id
	gates     [][]int // by matcher id: gate ids
	nGates    int
	starts    map[string][]litEntry // prefix literals, ids are matcher ids
	inner     map[string][]litEntry // gate literals, ids are gate ids
	short     []litEntry            // gate literals shorter than 3 bytes
}

// litEntry is one literal and everything that needs it, so that a literal
// many rules share is compared once.
type litEntry struct {
	lit string
	ids []int
}

func newLitIndex() litIndex {
	return litIndex{starts: map[string][]litEntry{}, inner: map[string][]litEntry{}}
}

// addLit adds id to lit's entry in list.
func addLit(list []litEntry, lit string, id int) []litEntry {
	for i := range list {
		if list[i].lit == lit {
			list[i].ids = append(list[i].ids, id)
			return list
		}
	}
	return append(list, litEntry{lit, []int{id}})
}

// add registers a new matcher with its literal sets and returns its id.
func (x *litIndex) add(prefix []string, gates [][]string) int {
	id := len(x.hasPrefix)
	x.hasPrefix = append(x.hasPrefix, prefix != nil)
	for _, l := range prefix {
		k := l[:min(3, len(l))]
		x.starts[k] = addLit(x.starts[k], l, id)
	}
	var gids []int
	for _, set := range gates {
		g := x.nGates
		x.nGates++
		gids = append(gids, g)
		for _, l := range set {
			if len(l) < 3 {
				x.short = addLit(x.short, l, g)
				continue
			}
			x.inner[l[:3]] = addLit(x.inner[l[:3]], l, g)
		}
	}
	x.gates = append(x.gates, gids)
	return id
}

// hits is litIndex.scan's answer for one text.
type hits struct {
	x      *litIndex
	prefix []bool // by matcher id: a prefix literal was found
	open   []bool // by gate id: a gate literal was found
	starts []start
}

// start is a place where a prefix literal of matcher id begins.
type start struct{ id, at int }

// may reports whether matcher id can match at all.
func (h *hits) may(id int) bool {
	if h.x.hasPrefix[id] && !h.prefix[id] {
		return false
	}
	for _, g := range h.x.gates[id] {
		if !h.open[g] {
			return false
		}
	}
	return true
}

// at returns the places where matcher id may start, appending to buf.
func (h *hits) at(id int, buf []int) []int {
	for _, s := range h.starts {
		if s.id == id {
			buf = append(buf, s.at)
		}
	}
	return buf
}

// scan finds the literals of every matcher in text.
func (x *litIndex) scan(text string) hits {
	h := hits{x: x, prefix: make([]bool, len(x.hasPrefix)), open: make([]bool, x.nGates)}
	for i := 0; i < len(text); i++ {
		if i+3 <= len(text) {
			for _, e := range x.inner[text[i:i+3]] {
				if strings.HasPrefix(text[i:], e.lit) {
					for _, g := range e.ids {
						h.open[g] = true
					}
				}
			}
		}
		if i > 0 && isWordByte(text[i-1]) || !isWordByte(text[i]) {
			continue
		}
		for n := 1; n <= 3 && i+n <= len(text); n++ {
			for _, e := range x.starts[text[i:i+n]] {
				if strings.HasPrefix(text[i:], e.lit) {
					for _, id := range e.ids {
						h.prefix[id] = true
						h.starts = append(h.starts, start{id, i})
					}
				}
			}
		}
	}
	for _, e := range x.short {
		if strings.Contains(text, e.lit) {
			for _, g := range e.ids {
				h.open[g] = true
			}
		}
	}
	return h
}
