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
// Both kinds of literal live in byte tries (litTrie), so finding every
// literal that starts at a place costs one step per byte they share with
// the text, however many literals there are: "the" begins hundreds of them
// ("there's no", "they hit", "the pill", …), and comparing each in turn
// once cost more than all the regexps together.
type litIndex struct {
	hasPrefix []bool  // by matcher id
	gates     [][]int // by matcher id: gate ids
	nGates    int
	starts    litTrie // prefix literals, ids are matcher ids
	inner     litTrie // gate literals, ids are gate ids
}

func newLitIndex() litIndex {
	return litIndex{starts: newLitTrie(), inner: newLitTrie()}
}

// add registers a new matcher with its literal sets and returns its id.
func (x *litIndex) add(prefix []string, gates [][]string) int {
	id := len(x.hasPrefix)
	x.hasPrefix = append(x.hasPrefix, prefix != nil)
	for _, l := range prefix {
		x.starts.add(l, id)
	}
	var gids []int
	for _, set := range gates {
		g := x.nGates
		x.nGates++
		gids = append(gids, g)
		for _, l := range set {
			x.inner.add(l, g)
		}
	}
	x.gates = append(x.gates, gids)
	return id
}

// litTrie is a set of literals as a byte trie. Node 0 is the root; a
// child index of 0 means there is none, since the root is nobody's child.
type litTrie struct {
	root  [256]int32 // the root's children, by byte
	nodes []trieNode
}

type trieNode struct {
	keys string  // the bytes this node has children for
	kids []int32 // kids[i] is the child for keys[i]
	ids  []int   // what the literal ending here belongs to
}

func newLitTrie() litTrie { return litTrie{nodes: make([]trieNode, 1)} }

// add adds lit, which is not empty, with id.
func (t *litTrie) add(lit string, id int) {
	n := t.child(0, lit[0], true)
	for i := 1; i < len(lit); i++ {
		n = t.child(n, lit[i], true)
	}
	if ids := t.nodes[n].ids; len(ids) == 0 || ids[len(ids)-1] != id {
		t.nodes[n].ids = append(ids, id)
	}
}

// child returns node n's child for c, or 0; with create, it makes one.
func (t *litTrie) child(n int32, c byte, create bool) int32 {
	if n == 0 {
		if k := t.root[c]; k != 0 || !create {
			return k
		}
		t.root[c] = t.newNode()
		return t.root[c]
	}
	if i := strings.IndexByte(t.nodes[n].keys, c); i >= 0 {
		return t.nodes[n].kids[i]
	}
	if !create {
		return 0
	}
	k := t.newNode()
	t.nodes[n].keys += string([]byte{c}) // one byte, not c's UTF-8
	t.nodes[n].kids = append(t.nodes[n].kids, k)
	return k
}

func (t *litTrie) newNode() int32 {
	t.nodes = append(t.nodes, trieNode{})
	return int32(len(t.nodes) - 1)
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
		for n, j := x.inner.root[text[i]], i+1; n != 0; j++ {
			for _, g := range x.inner.nodes[n].ids {
				h.open[g] = true
			}
			if j == len(text) {
				break
			}
			n = x.inner.child(n, text[j], false)
		}
		if i > 0 && isWordByte(text[i-1]) || !isWordByte(text[i]) {
			continue
		}
		for n, j := x.starts.root[text[i]], i+1; n != 0; j++ {
			for _, id := range x.starts.nodes[n].ids {
				h.prefix[id] = true
				h.starts = append(h.starts, start{id, i})
			}
			if j == len(text) {
				break
			}
			n = x.starts.child(n, text[j], false)
		}
	}
	return h
}
