package safety

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
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
	line   string    // as written, for explain
	// jokeable: a joke ("lol") in the message turns this check-in off
	jokeable bool
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
		tierName, told := strings.CutSuffix(f[0], "!")
		tierName, jokeable := strings.CutSuffix(tierName, "?")
		t, ok := tierNames[tierName]
		if !ok {
			return fmt.Errorf("%s: unknown tier %q (want crisis, abuse, check-in or control)", at, f[0])
		}
		if seen[f[1]] {
			return fmt.Errorf("%s: rule %s is defined twice", at, f[1])
		}
		seen[f[1]] = true
		r := conceptRule{tier: t, name: f[1], line: strings.Join(f[2:], " "), jokeable: jokeable}
		for _, g := range strings.Split(r.line, "&&") {
			if name, ok := strings.CutPrefix(strings.TrimSpace(g), "!"); ok {
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
					if lx.risk[t.concepts[0]] {
						n++
					}
				}
			}
		}
		lx.structural[r.name] = n >= 2 || told
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

// matches reports whether r fires on the hits of a message's words ws.
func (r *conceptRule) matches(ws []word, hits []hit) bool {
	for _, ids := range r.absent {
		for _, h := range hits {
			if slices.Contains(ids, h.concept) {
				return false
			}
		}
	}
	for _, g := range r.groups {
		if !groupMatches(g, ws, hits) {
			return false
		}
	}
	return true
}

// groupMatches: some sentence satisfies every chain of g.
func groupMatches(g []chain, ws []word, hits []hit) bool {
	var sents []int
	for i, ch := range g {
		s := chainSentences(ch, ws, hits)
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
func chainSentences(ch chain, ws []word, hits []hit) []int {
	var out []int
	for i := range hits {
		if !ch.terms[0].has(hits[i]) {
			continue
		}
		s := ws[hits[i].start].sent
		if len(out) > 0 && out[len(out)-1] == s {
			continue
		}
		if follow(ch, 1, hits[i].end, s, ws, hits) {
			out = append(out, s)
		}
	}
	return out
}

// follow reports whether terms[k:] can be found after word from, in
// sentence s.
func follow(ch chain, k, from, s int, ws []word, hits []hit) bool {
	if k == len(ch.terms) {
		return true
	}
	g := ch.gaps[k-1]
	for i := range hits {
		h := hits[i]
		if h.start < from || h.start-from > g.max || ws[h.start].sent != s || !ch.terms[k].has(h) {
			continue
		}
		if g.blocked(from, h.start, hits) {
			continue
		}
		if follow(ch, k+1, h.end, s, ws, hits) {
			return true
		}
	}
	return false
}

func (g gap) blocked(from, to int, hits []hit) bool {
	for _, h := range hits {
		if h.start >= from && h.start < to {
			for _, c := range g.stop {
				if h.concept == c {
					return true
				}
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
