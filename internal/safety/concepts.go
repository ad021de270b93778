package safety

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// The concept layer: word lists, each for one idea a message can carry
// (concepts-*.txt), found in a message after its words are spelt out
// (words.txt), and rules that fire on combinations of them inside one
// sentence (rules.txt). See data/README.md for the file formats.

// conceptFiles are read in this order; a concept is defined once.
var conceptFiles = []string{"data/concepts-shared.txt", "data/concepts-crisis.txt", "data/concepts-abuse.txt", "data/idioms.txt"}

// codeConcepts are the concepts that the triage's code reads by name, not
// only through rules.txt. Loading fails when a data file drops one, so an
// edit cannot silently turn a check off. TestCodeConceptsListed holds that
// every name the code uses is here.
var codeConcepts = []string{
	"idiom", "negation", "self", "question", "relayed-question", "past",
	"milestone", "relapse-now", "laughter", "serious", "means", "means-weak",
	"lethal-target", "topic-frame", "case-in-general", "own-case",
	"creative-frame", "advice-ask", "report-worry", "staff-report",
	"therapy", "resolved", "respected", "benign-frame", "sport", "me-too",
	"refusal", "pressure", "ignored", "nonconsent", "compel", "fear", "minor",
	"grooming", "threat", "threat-harm",
}

// concept is one named word list.
type concept struct {
	name      string
	about     string
	sources   []string
	negatable bool // a "not" or "never" just before it cancels it
	entries   int
}

// conceptNode is one word of some entries: keyed by a base word ("die"), an
// exact word ("=sh"), a prefix ("suicid*"), "_" for any word, a number
// class ("#minor") or "$" for the end of the sentence.
type conceptNode struct {
	next map[string]*conceptNode
	ends []int // concepts whose entries end here
}

func (n *conceptNode) child(k string) *conceptNode {
	if n.next == nil {
		n.next = map[string]*conceptNode{}
	}
	c := n.next[k]
	if c == nil {
		c = &conceptNode{}
		n.next[k] = c
	}
	return c
}

// lexicon is the concept layer, compiled.
type lexicon struct {
	sp       *speller
	concepts []concept
	ids      map[string]int
	root     conceptNode
	bases    map[string][]string // a word as written → the base words it is a form of
	exact    map[string]bool     // words used as "=word"
	prefixes []string            // "suicid" for "suicid*"
	rules    []conceptRule
	riskOf   map[int]Category // Crisis or Abuse for the concepts of those files
	// structural marks the rules that combine two risk concepts or more:
	// a disclosure, not a subject named
	structural map[string]bool
	// told marks the check-ins that hold even in a question about therapy
	// or a subject talked about ("check-in!"): a method asked as survival
	// odds is no subject ("what are the chances of surviving a fall from
	// the 5th floor")
	told           map[string]bool
	net            *net                // the statistical net, when data/net.txt is there
	keyCache       map[string][]string // trie keys of every word the lists use
	conceptFeature []string            // "c:NAME", the net\'s feature for each concept
	idiom          int                 // the concept id of idioms, masked out
	negation       int
}

// loadLexicon reads words.txt, the concept files and rules.txt from fsys.
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	sp, err := loadSpeller(fsys)
	if err != nil {
		return nil, err
	}
	lx := &lexicon{sp: sp, ids: map[string]int{}, bases: map[string][]string{}, exact: map[string]bool{}, riskOf: map[int]Category{}, structural: map[string]bool{}, told: map[string]bool{}}
	for _, file := range conceptFiles {
		if err := lx.readConcepts(fsys, file); err != nil {
			return nil, err
		}
	}
	for _, need := range codeConcepts {
		if _, ok := lx.ids[need]; !ok {
			return nil, fmt.Errorf("triage data: the concept [%s] is missing; the triage's code reads it by name", need)
		}
	}
	lx.idiom, lx.negation = lx.ids["idiom"], lx.ids["negation"]
	for i, c := range lx.concepts {
		if c.entries == 0 {
			return nil, fmt.Errorf("triage data: concept [%s] has no entries", lx.concepts[i].name)
		}
	}
	if err := lx.readRules(fsys, "data/rules.txt"); err != nil {
		return nil, err
	}
	for i := range lx.rules {
		lx.rules[i].atHand = lx.rules[i].uses(lx.ids["means"], lx.ids["means-weak"])
	}
	for _, c := range lx.concepts {
		lx.conceptFeature = append(lx.conceptFeature, "c:"+c.name)
	}
	lx.keyCache = map[string][]string{}
	for w := range lx.bases {
		if !strings.HasPrefix(w, "\x00") {
			lx.keyCache[w] = lx.makeKeys(w, nil)
		}
	}
	if _, err := fs.Stat(fsys, "data/net.txt"); err == nil {
		if lx.net, err = loadNet(fsys); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

func (lx *lexicon) readConcepts(fsys fs.FS, file string) error {
	cur := -1
	return eachLine(fsys, file, func(at, line string) error {
		switch {
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") {
				return fmt.Errorf("%s: a concept's name line is [name] or [name negatable]", at)
			}
			f := strings.Fields(line[1 : len(line)-1])
			if len(f) == 0 || len(f) > 2 || len(f) == 2 && f[1] != "negatable" {
				return fmt.Errorf("%s: a concept's name line is [name] or [name negatable]", at)
			}
			if _, dup := lx.ids[f[0]]; dup {
				return fmt.Errorf("%s: concept [%s] is defined twice", at, f[0])
			}
			cur = len(lx.concepts)
			lx.ids[f[0]] = cur
			lx.concepts = append(lx.concepts, concept{name: f[0], negatable: len(f) == 2})
			switch {
			case strings.Contains(file, "crisis"):
				lx.riskOf[cur] = Crisis
			case strings.Contains(file, "abuse"):
				lx.riskOf[cur] = Abuse
			}
		case cur < 0:
			return fmt.Errorf("%s: a line before the first [concept]", at)
		case strings.HasPrefix(line, "about:"):
			lx.concepts[cur].about = strings.TrimSpace(strings.TrimPrefix(line, "about:"))
		case strings.HasPrefix(line, "source:"):
			lx.concepts[cur].sources = append(lx.concepts[cur].sources, strings.TrimSpace(strings.TrimPrefix(line, "source:")))
		default:
			if err := lx.addEntry(cur, line); err != nil {
				return fmt.Errorf("%s: %w", at, err)
			}
		}
		return nil
	})
}

// addEntry adds one list line to concept c.
func (lx *lexicon) addEntry(c int, line string) error {
	var keys []string
	raw := strings.Fields(line)
	// plain words are spelt out together, as in a message, so "did not"
	// is "not" and "don't" is "not" here too
	var plain []string
	flush := func() {
		if len(plain) == 0 {
			return
		}
		for _, w := range lx.sp.words(strings.Join(plain, " "), nil) {
			keys = append(keys, w.w)
			lx.addBase(w.w)
		}
		plain = plain[:0]
	}
	for i, f := range raw {
		if special(f) {
			flush()
		}
		switch {
		case f == "_" || f == "#minor" || f == "#adult" || f == "#num":
			keys = append(keys, f)
		case f == "$":
			if i != len(raw)-1 {
				return fmt.Errorf("$ (end of sentence) goes last in %q", line)
			}
			keys = append(keys, f)
		case strings.HasPrefix(f, "="):
			w := f[1:]
			if w == "" {
				return fmt.Errorf("empty =word in %q", line)
			}
			lx.exact[w] = true
			keys = append(keys, f)
		case strings.HasSuffix(f, "*"):
			p := strings.TrimSuffix(f, "*")
			if len(p) < 3 {
				return fmt.Errorf("a prefix needs three letters or more: %q", f)
			}
			if !slices.Contains(lx.prefixes, p) {
				lx.prefixes = append(lx.prefixes, p)
			}
			keys = append(keys, f)
		default:
			plain = append(plain, f)
		}
	}
	flush()
	if len(keys) == 0 || keys[0] == "$" {
		return fmt.Errorf("an entry needs a word: %q", line)
	}
	n := &lx.root
	for _, k := range keys {
		n = n.child(k)
	}
	if !slices.Contains(n.ends, c) {
		n.ends = append(n.ends, c)
	}
	lx.concepts[c].entries++
	return nil
}

// special reports whether f is an entry token other than a plain word.
func special(f string) bool {
	return f == "_" || f == "$" || strings.HasPrefix(f, "#") || strings.HasPrefix(f, "=") || strings.HasSuffix(f, "*")
}

// addBase records the forms of base word b.
func (lx *lexicon) addBase(b string) {
	if _, seen := lx.bases["\x00"+b]; seen {
		return
	}
	lx.bases["\x00"+b] = nil
	for _, f := range lx.sp.formsOf(b) {
		if !slices.Contains(lx.bases[f], b) {
			lx.bases[f] = append(lx.bases[f], b)
		}
	}
}

// hit is one concept found in a message: words [start, end).
type hit struct {
	concept    int
	start, end int
	neg        bool // a negation stands just before it
}

// keysOf lists the trie keys word w can stand for; the lists of the
// words the concept files use are made once, at load.
func (lx *lexicon) keysOf(w string) []string {
	if k, ok := lx.keyCache[w]; ok {
		return k
	}
	// a word no list uses is most words of most messages: it is no key
	// of the trie itself, so unless it is a form, a prefix or a number it
	// can only stand for "_", and needs no keys of its own
	if !lx.mayKey(w) {
		return anyWordKey
	}
	return lx.makeKeys(w, nil)
}

// anyWordKey is the keys of a word no list knows: "_" alone.
var anyWordKey = []string{"_"}

// mayKey reports whether a word the lists do not use still has keys of
// its own: a form of a list word, an exact entry, a prefix, a number.
// It is makeKeys's cases asked without building keys: keep the two in step.
func (lx *lexicon) mayKey(w string) bool {
	if len(lx.bases[w]) > 0 || lx.exact[w] {
		return true
	}
	if len(w) > 4 && strings.HasSuffix(w, "in") && len(lx.bases[w+"g"]) > 0 {
		return true
	}
	for _, p := range lx.prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	if _, ok := numberWords[w]; ok {
		return true
	}
	return w != "" && w[0] >= '0' && w[0] <= '9' || strings.HasPrefix(w, "-") || strings.HasPrefix(w, "+")
}

func (lx *lexicon) makeKeys(w string, keys []string) []string {
	keys = append(keys, w)
	keys = append(keys, lx.bases[w]...)
	// "thinkin", "bein": the -ing form without its g
	if len(w) > 4 && strings.HasSuffix(w, "in") {
		keys = append(keys, lx.bases[w+"g"]...)
	}
	if lx.exact[w] {
		keys = append(keys, "="+w)
	}
	for _, p := range lx.prefixes {
		if strings.HasPrefix(w, p) {
			keys = append(keys, p+"*")
		}
	}
	if n, err := strconv.Atoi(w); err == nil {
		keys = append(keys, "#num")
		switch {
		case n >= 5 && n <= 17:
			keys = append(keys, "#minor")
		case n >= 18 && n <= 99:
			keys = append(keys, "#adult")
		}
	} else if n, ok := numberWords[w]; ok && n <= 17 {
		keys = append(keys, "#minor")
	}
	return append(keys, "_")
}

// numberWords are the ages people spell out.
var numberWords = map[string]int{
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17,
}

// find returns every concept hit in words, idioms masked and negations
// marked.
func (lx *lexicon) find(ws []word) []hit {
	keys := make([][]string, len(ws))
	for i, w := range ws {
		keys[i] = lx.keysOf(w.w)
	}
	hits := make([]hit, 0, 2*len(ws)+8)
	var walk func(n *conceptNode, start, i int)
	walk = func(n *conceptNode, start, i int) {
		for _, c := range n.ends {
			hits = append(hits, hit{concept: c, start: start, end: i})
		}
		if n.next == nil {
			return
		}
		if end := n.next["$"]; end != nil && (i == len(ws) || ws[i].sent != ws[start].sent) {
			for _, c := range end.ends {
				hits = append(hits, hit{concept: c, start: start, end: i})
			}
		}
		if i == len(ws) || ws[i].sent != ws[start].sent {
			return
		}
		for _, k := range keys[i] {
			if c := n.next[k]; c != nil {
				walk(c, start, i+1)
			}
		}
	}
	for i := range ws {
		walk(&lx.root, i, i)
	}
	hits = dedupHits(hits)
	// idioms: their words carry no other concept
	masked := make([]bool, len(ws))
	for _, h := range hits {
		if h.concept == lx.idiom {
			for j := h.start; j < h.end; j++ {
				masked[j] = true
			}
		}
	}
	// a longer entry that holds a whole idiom wins over it: "rather die
	// than go through that again" is not "rather die than karaoke"
	out := hits[:0]
	for _, h := range hits {
		if h.concept != lx.idiom && slices.Contains(masked[h.start:h.end], true) && !lx.outgrows(h, hits) {
			continue
		}
		out = append(out, h)
	}
	hits = out
	// negation: "not" or "never" up to three words before, same clause
	var negAt []int
	for _, h := range hits {
		// "can't stop thinking about it", "can't help imagining": the
		// "not" holds the thought on, it does not cancel it
		if h.concept == lx.negation && !(h.end < len(ws) && (ws[h.end].w == "stop" || ws[h.end].w == "help")) {
			negAt = append(negAt, h.start)
		}
	}
	for i := range hits {
		h := &hits[i]
		if !lx.concepts[h.concept].negatable {
			continue
		}
		for _, at := range negAt {
			if at < h.start && h.start-at <= 3 && ws[at].clause == ws[h.start].clause {
				h.neg = true
			}
		}
	}
	return hits
}

// outgrows reports whether h holds every idiom it overlaps, and is longer.
func (lx *lexicon) outgrows(h hit, hits []hit) bool {
	for _, i := range hits {
		if i.concept != lx.idiom || i.end <= h.start || i.start >= h.end {
			continue
		}
		if i.start < h.start || i.end > h.end || i.end-i.start >= h.end-h.start {
			return false
		}
	}
	return true
}

func dedupHits(hs []hit) []hit {
	slices.SortFunc(hs, func(a, b hit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return a.end - b.end
		}
		return a.concept - b.concept
	})
	return slices.Compact(hs)
}
