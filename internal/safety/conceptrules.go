package safety

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// A conceptRule fires on a combination of concepts (rules.txt):
//
//	crisis   wish-death   wish ~4!other death
//
// reads "a wish, then within four words and with no other person in
// between, death". Terms: a concept name, several joined by | (any of
// them), "not:NAME" for a negated hit of NAME (a plain name never matches
// a negated hit). Joins, tightest first: "A ~N B" (B starts at most N words
// after A ends, in one sentence; "~N!C" also forbids a hit of C between),
// "A & B" (both in one sentence), "A && B" (both in the message), and
// "&& !C" (no hit of C anywhere in the message).
type conceptRule struct {
	tier   tier
	name   string
	groups [][]chain // && of (& of chains)
	absent [][]int   // "&& !C": concepts that must not be in the message
	// "&& !A ~N B": chains that must not be in the message
	absentChains []chain
	line         string // as written, for explain
	// jokeable: a joke ("lol") in the message turns this check-in off
	jokeable bool
	// overAbuse: this softer check-in is the writer's own risk ("i don't
	// want to be here anymore", "looking at the rafters"), and outranks a
	// sign of abuse in the same message: the check-in first, with the
	// abuse lines attached
	overAbuse bool
	// atHand: the rule reads a means ("the rope in the garage", "my
	// dad's gun"). A laugh takes it back only when said beside it (see
	// nearLaughter): a means told in earnest is not made a joke by a
	// "lol" sentences later
	atHand bool
}

// uses reports whether the rule reads any of the concepts ids.
func (r *conceptRule) uses(ids ...int) bool {
	for _, g := range r.groups {
		for _, ch := range g {
			for _, t := range ch.terms {
				for _, c := range t.concepts {
					if slices.Contains(ids, c) {
						return true
					}
				}
			}
		}
	}
	return false
}

// tier is how sure a rule is, and so what the reply says.
type tier int

const (
	tierNone    tier = iota
	tierCrisis       // crisis: a clear sign of suicide or self-harm
	tierAbuse        // abuse: a clear sign of abuse or assault
	tierCheckIn      // a risk signal without a clear sign: a crisis check-in
	// tierControl is abuse that outranks crisis: a partner who threatens
	// self-harm to stop someone leaving. The writer needs abuse support;
	// the words about suicide are the partner's.
	tierControl
	nTiers
)

var tierNames = map[string]tier{"crisis": tierCrisis, "abuse": tierAbuse, "check-in": tierCheckIn, "control": tierControl}

// chain is A ~N B ~M C …
type chain struct {
	terms []term
	gaps  []gap // gaps[i] joins terms[i] and terms[i+1]
}

type term struct {
	concepts []int
	neg      bool
}

type gap struct {
	max  int
	stop []int // concepts that may not stand in the gap
}

func (lx *lexicon) readRules(fsys fs.FS, file string) error {
	seen := map[string]bool{}
	return eachLine(fsys, file, func(at, line string) error {
		f := strings.Fields(line)
		if len(f) < 3 {
			return fmt.Errorf("%s: want: tier name combination", at)
		}
		// "abuse!" marks a rule that always tells of harm done, even when
		// it combines only one concept: never a subject talked about
		tierName, overAbuse := strings.CutSuffix(f[0], "+")
		tierName, told := strings.CutSuffix(tierName, "!")
		tierName, jokeable := strings.CutSuffix(tierName, "?")
		t, ok := tierNames[tierName]
		if !ok {
			return fmt.Errorf("%s: unknown tier %q (want crisis, abuse, check-in or control)", at, f[0])
		}
		if seen[f[1]] {
			return fmt.Errorf("%s: rule %s is defined twice", at, f[1])
		}
		seen[f[1]] = true
		if overAbuse && (t != tierCheckIn || !jokeable) {
			return fmt.Errorf("%s: only a softer check-in (check-in?+) can outrank abuse", at)
		}
		r := conceptRule{tier: t, name: f[1], line: strings.Join(f[2:], " "), jokeable: jokeable, overAbuse: overAbuse}
		for _, g := range strings.Split(r.line, "&&") {
			if name, ok := strings.CutPrefix(strings.TrimSpace(g), "!"); ok && strings.Contains(name, "~") {
				ch, err := lx.parseChain(name)
				if err != nil {
					return fmt.Errorf("%s: %w", at, err)
				}
				r.absentChains = append(r.absentChains, ch)
				continue
			} else if ok {
				ids, err := lx.conceptIDs(name)
				if err != nil {
					return fmt.Errorf("%s: %w", at, err)
				}
				r.absent = append(r.absent, ids)
				continue
			}
			var chains []chain
			for _, c := range strings.Split(g, "&") {
				ch, err := lx.parseChain(c)
				if err != nil {
					return fmt.Errorf("%s: %w", at, err)
				}
				chains = append(chains, ch)
			}
			r.groups = append(r.groups, chains)
		}
		lx.rules = append(lx.rules, r)
		// structural: it combines two risk concepts or more
		n := 0
		for _, g := range r.groups {
			for _, ch := range g {
				for _, t := range ch.terms {
					if lx.riskOf[t.concepts[0]] != None {
						n++
					}
				}
			}
		}
		lx.structural[r.name] = n >= 2 || told
		lx.told[r.name] = told
		return nil
	})
}

func (lx *lexicon) parseChain(s string) (chain, error) {
	var ch chain
	f := strings.Fields(s)
	if len(f) == 0 || len(f)%2 == 0 {
		return ch, fmt.Errorf("a combination is TERM, or TERM ~N TERM ...: %q", s)
	}
	for i, tok := range f {
		if i%2 == 1 {
			if !strings.HasPrefix(tok, "~") {
				return ch, fmt.Errorf("want ~N between terms, got %q", tok)
			}
			num, stop, _ := strings.Cut(tok[1:], "!")
			n, err := strconv.Atoi(num)
			if err != nil || n < 0 || n > 12 {
				return ch, fmt.Errorf("want ~N with N from 0 to 12, got %q", tok)
			}
			g := gap{max: n}
			if stop != "" {
				ids, err := lx.conceptIDs(stop)
				if err != nil {
					return ch, err
				}
				g.stop = ids
			}
			ch.gaps = append(ch.gaps, g)
			continue
		}
		t := term{}
		if rest, ok := strings.CutPrefix(tok, "not:"); ok {
			t.neg, tok = true, rest
		}
		ids, err := lx.conceptIDs(tok)
		if err != nil {
			return ch, err
		}
		t.concepts = ids
		ch.terms = append(ch.terms, t)
	}
	return ch, nil
}

func (lx *lexicon) conceptIDs(s string) ([]int, error) {
	var ids []int
	for _, name := range strings.Split(s, "|") {
		id, ok := lx.ids[name]
		if !ok {
			return nil, fmt.Errorf("unknown concept %q", name)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// hitIndex holds a message's hits by concept, each list in order of
// start, so a rule looks only at the hits of its own concepts.
type hitIndex struct {
	ws   []word
	hits []hit
	by   [][]int // concept → indices into hits
}

// hitIndexes keeps indexes for reuse: one is made per message.
var hitIndexes sync.Pool

func newHitIndex(nConcepts int, ws []word, hits []hit) *hitIndex {
	x, _ := hitIndexes.Get().(*hitIndex)
	if x == nil || len(x.by) != nConcepts {
		x = &hitIndex{by: make([][]int, nConcepts)}
	}
	x.ws, x.hits = ws, hits
	for i := range x.by {
		x.by[i] = x.by[i][:0]
	}
	for i, h := range hits {
		x.by[h.concept] = append(x.by[h.concept], i)
	}
	return x
}

// release gives x back for reuse.
func (x *hitIndex) release() {
	x.ws, x.hits = nil, nil
	hitIndexes.Put(x)
}

// matches reports whether r fires on the hits of a message.
func (r *conceptRule) matches(x *hitIndex) bool {
	for _, ids := range r.absent {
		for _, c := range ids {
			if len(x.by[c]) > 0 {
				return false
			}
		}
	}
	for _, ch := range r.absentChains {
		if len(chainSentences(ch, x)) > 0 {
			return false
		}
	}
	for _, g := range r.groups {
		if !groupMatches(g, x) {
			return false
		}
	}
	return true
}

// groupMatches: some sentence satisfies every chain of g.
func groupMatches(g []chain, x *hitIndex) bool {
	var sents []int
	for i, ch := range g {
		s := chainSentences(ch, x)
		if i == 0 {
			sents = s
		} else {
			sents = intersect(sents, s)
		}
		if len(sents) == 0 {
			return false
		}
	}
	return true
}

// chainSentences lists the sentences in which ch is found.
func chainSentences(ch chain, x *hitIndex) []int {
	var out []int
	for _, c := range ch.terms[0].concepts {
		for _, i := range x.by[c] {
			h := x.hits[i]
			if h.neg != ch.terms[0].neg {
				continue
			}
			s := x.ws[h.start].sent
			if slices.Contains(out, s) {
				continue
			}
			if follow(ch, 1, h.end, s, x) {
				out = append(out, s)
			}
		}
	}
	return out
}

// follow reports whether terms[k:] can be found after word from, in
// sentence s.
func follow(ch chain, k, from, s int, x *hitIndex) bool {
	if k == len(ch.terms) {
		return true
	}
	g := ch.gaps[k-1]
	t := ch.terms[k]
	for _, c := range t.concepts {
		for _, i := range x.by[c] {
			h := x.hits[i]
			if h.start > from+g.max {
				break // in order of start: no later one is near enough
			}
			if h.start < from || h.neg != t.neg || x.ws[h.start].sent != s {
				continue
			}
			if g.blocked(from, h.start, x) {
				continue
			}
			if follow(ch, k+1, h.end, s, x) {
				return true
			}
		}
	}
	return false
}

func (g gap) blocked(from, to int, x *hitIndex) bool {
	for _, c := range g.stop {
		for _, i := range x.by[c] {
			if st := x.hits[i].start; st >= from && st < to {
				return true
			}
		}
	}
	return false
}

func (t term) has(h hit) bool {
	if h.neg != t.neg {
		return false
	}
	for _, c := range t.concepts {
		if h.concept == c {
			return true
		}
	}
	return false
}

func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}
