package safety

import "slices"

// triage matches the rules against the folded text with benign phrases
// masked and, when someone stretched a word ("killlll", "diiiie"), against
// the same with every run of three or more equal letters cut to two and to
// one. Stretching is emphasis, and emphasis is no reason to miss a crisis;
// cutting to two restores "kill", to one "die". The earliest rule that
// matches any form wins.
//
// folded is textnorm.Fold's form of the message. Rules of the categories
// in skip are passed over.
func (r *rules) triage(folded string, skip ...Category) Verdict {
	f, h := r.mask(folded)
	return r.triageMasked(f, h, skip...)
}

// triageMasked is triage on text that mask already went over.
func (r *rules) triageMasked(f string, h hits, skip ...Category) Verdict {
	best := len(r.table)
	views := []string{f}
	if hasRun(f) {
		views = append(views, squeeze(f, 2), squeeze(f, 1))
	}
	for i, view := range views {
		if i > 0 {
			h = r.lits.scan(view)
		}
		for j, c := range r.table[:best] {
			if slices.Contains(skip, c.category) {
				continue
			}
			if c.matches(view, &h) {
				best = j
				break
			}
		}
	}
	if best == len(r.table) {
		return Verdict{}
	}
	c := r.table[best]
	return Verdict{Category: c.category, Urgent: c.urgent, Rule: c.name}
}

// hasRun reports whether s has three equal letters in a row.
func hasRun(s string) bool {
	for i := 2; i < len(s); i++ {
		if s[i] == s[i-1] && s[i] == s[i-2] && isLetter(s[i]) {
			return true
		}
	}
	return false
}

// squeeze cuts every run of more than keep equal ASCII letters to keep.
func squeeze(s string, keep int) string {
	b := make([]byte, 0, len(s))
	run := 0
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] && isLetter(s[i]) {
			run++
		} else {
			run = 1
		}
		if run <= keep || !isLetter(s[i]) {
			b = append(b, s[i])
		}
	}
	return string(b)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }
