package safety

import (
	"regexp/syntax"
	"slices"
	"strings"
)

// maxLits bounds the size of the literal sets literals builds. Prefix sets
// may be larger: they are looked up by their first bytes, not searched for
// one by one.
const (
	maxLits       = 64
	maxPrefixLits = 512
	maxClass      = 10 // enough for \d
)

// literals returns the literal sets of expr (see litIndex): prefix, a set
// one of which starts every match (nil when none is known), and gates, sets
// one of which every match contains. anchorable reports that expr can be
// tried at a prefix's place by matching the text from there on: not so when
// it asserts the start of the text, which would hold at every place.
func literals(expr string) (prefix []string, gates [][]string, anchorable bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, nil, false
	}
	re = re.Simplify()
	prefix = prefixes(re).required()
	for _, p := range prefix {
		if !isWordByte(p[0]) {
			prefix = nil // scan looks for prefixes only where a word starts
			break
		}
	}
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	for _, p := range parts {
		set := analyze(p).required()
		if len(gates) == maxGates || set == nil || prefix != nil && minLen(set) < 3 || overlaps(set, prefix) || hasSet(gates, set) {
			continue
		}
		gates = append(gates, set)
	}
	return prefix, gates, prefix != nil && !assertsBegin(re)
}

// overlaps reports whether every string in set begins, or is the beginning
// of, a prefix literal: such a gate tells nothing the prefix does not.
func overlaps(set, prefix []string) bool {
	for _, s := range set {
		found := false
		for _, p := range prefix {
			if strings.HasPrefix(p, s) || strings.HasPrefix(s, p) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return prefix != nil
}

// maxGates bounds the gates of one matcher: each costs a little on every
// scan, and two or three rule out nearly everything.
const maxGates = 3

func hasSet(sets [][]string, set []string) bool {
	for _, s := range sets {
		if slices.Equal(s, set) {
			return true
		}
	}
	return false
}

// assertsBegin reports whether re uses ^ or \A.
func assertsBegin(re *syntax.Regexp) bool {
	if re.Op == syntax.OpBeginText || re.Op == syntax.OpBeginLine {
		return true
	}
	for _, s := range re.Sub {
		if assertsBegin(s) {
			return true
		}
	}
	return false
}

// prefixes returns the set of strings every match of re starts with: the
// exact strings of its leading children, multiplied out while the set stays
// small. The result is not exact (it is only a start), so an empty string
// in it, or no leading exact child, means nothing is known.
func prefixes(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpConcat:
		cur := []string{""}
		for _, s := range re.Sub {
			info := analyze(s)
			if !info.isExact || len(cur)*len(info.exact) > maxPrefixLits {
				if p := prefixes(s); p.contains != nil && len(cur)*len(p.contains) <= maxPrefixLits {
					cur = product(cur, p.contains)
				}
				break
			}
			cur = product(cur, info.exact)
			if minLen(cur) >= 3 {
				break // long enough to be selective; longer only costs
			}
		}
		return litInfo{contains: cur}
	case syntax.OpAlternate:
		var set []string
		for _, s := range re.Sub {
			p := prefixes(s).required()
			if p == nil || len(set)+len(p) > maxPrefixLits {
				return unknown
			}
			set = append(set, p...)
		}
		return litInfo{contains: set}
	}
	if info := analyze(re); info.isExact {
		return litInfo{contains: info.exact}
	}
	return unknown
}

// litInfo describes the strings a regexp node can match.
type litInfo struct {
	// exact, when set, is every string the node can match.
	exact []string
	// contains, when exact is nil, is a set of which every match contains
	// one; nil means nothing is known.
	contains []string
	isExact  bool
}

// required is the set every match contains one of, or nil.
func (l litInfo) required() []string {
	set := l.contains
	if l.isExact {
		set = l.exact
	}
	if len(set) == 0 {
		return nil
	}
	for _, s := range set {
		if s == "" {
			return nil
		}
	}
	return set
}

func exact(set ...string) litInfo { return litInfo{exact: set, isExact: true} }

var unknown = litInfo{}

func analyze(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return unknown
		}
		return exact(string(re.Rune))
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exact("")
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(set) == maxClass {
					return unknown
				}
				set = append(set, string(r))
			}
		}
		return exact(set...)
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		sub := analyze(re.Sub[0])
		if !sub.isExact {
			return unknown
		}
		return exact(append([]string{""}, sub.exact...)...)
	case syntax.OpPlus:
		return litInfo{contains: analyze(re.Sub[0]).required()}
	case syntax.OpRepeat:
		if re.Min == 0 {
			return unknown
		}
		return litInfo{contains: analyze(re.Sub[0]).required()}
	case syntax.OpConcat:
		return analyzeConcat(re.Sub)
	case syntax.OpAlternate:
		return analyzeAlternate(re.Sub)
	}
	return unknown
}

// analyzeConcat multiplies out runs of exact children ("kill" " "? "myself"
// gives "killmyself", "kill myself") and keeps the best set found.
func analyzeConcat(subs []*syntax.Regexp) litInfo {
	cur := []string{""}
	var best []string
	allExact := true
	flush := func() {
		best = better(best, litInfo{exact: cur, isExact: true}.required())
		cur = []string{""}
	}
	for _, s := range subs {
		info := analyze(s)
		if info.isExact && len(cur)*len(info.exact) <= maxLits {
			cur = product(cur, info.exact)
			continue
		}
		allExact = false
		flush()
		if info.isExact {
			cur = info.exact
		} else {
			best = better(best, info.contains)
		}
	}
	if allExact {
		return exact(cur...)
	}
	flush()
	return litInfo{contains: best}
}

// analyzeAlternate unions its children's sets; one unknown child makes the
// whole unknown.
func analyzeAlternate(subs []*syntax.Regexp) litInfo {
	var set []string
	allExact := true
	for _, s := range subs {
		info := analyze(s)
		allExact = allExact && info.isExact
		set = append(set, info.exact...)
	}
	if allExact && len(set) <= maxLits {
		return exact(set...)
	}
	set = set[:0]
	for _, s := range subs {
		req := analyze(s).required()
		if req == nil {
			return unknown
		}
		set = append(set, req...)
	}
	if len(set) > maxLits {
		return unknown
	}
	return litInfo{contains: set}
}

func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// better returns the cheaper useful one of two sets: the one whose shortest
// string is longer, up to four bytes (which is selective enough), then the
// smaller one.
func better(a, b []string) []string {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	ma, mb := min(minLen(a), 4), min(minLen(b), 4)
	if mb > ma || mb == ma && len(b) < len(a) {
		return b
	}
	return a
}

func minLen(set []string) int {
	m := -1
	for _, s := range set {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}
