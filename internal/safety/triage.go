// Package safety triages a message before any search: does it need a
// crisis line, abuse support, a doctor, a polite no, or a therapist, rather
// than a quote from the clinic's pages? It also recognizes smalltalk
// ("hi", "thanks", "who are you") so that the engine does not search for it.
//
// Everything here is pure: no I/O, no logging, no state beyond tables
// compiled once at start-up. The rules are data (crisis.go, abuse.go,
// medical.go, decline.go, referral.go), written as regular expressions over
// the folded text (textnorm.Fold), so a reviewer can read what fires on what.
//
// The rules lean towards firing on crisis and abuse: a missed crisis is the
// worst failure this product can have, while a needless handoff costs a
// person one extra message.
package safety

import (
	"github.com/faqbot/faqbot/internal/textnorm"
)

// Verdict is the result of Triage.
type Verdict struct {
	Category
	// Urgent marks a medical emergency (an erection lasting hours): the
	// engine should say "seek care now", not "talk to your doctor".
	Urgent bool
	// Rule names the rule that fired, for tests and debugging. It is never
	// the matched text, so it is safe to log and to count in metrics.
	Rule string
}

// String shows the category and, when one fired, the rule: "crisis/kms",
// "medical/priapism (urgent)", "none".
func (v Verdict) String() string {
	s := v.Category.String()
	if v.Rule != "" {
		s += "/" + v.Rule
	}
	if v.Urgent {
		s += " (urgent)"
	}
	return s
}

// Triage decides which Category text needs. text should have been through
// textnorm.Clean, which bounds its length; Triage folds it itself. The first
// rule that matches wins, and the rules are ordered by category precedence:
// Crisis > Abuse > Medical > Decline > Referral > None.
func Triage(text string) Verdict {
	return compiledRules.triage(text)
}

// triage matches the rules against the folded text with benign phrases
// masked and, when someone stretched a word ("killlll", "diiiie"), against
// the same with every run of three or more equal letters cut to two and to
// one. Stretching is emphasis, and emphasis is no reason to miss a crisis;
// cutting to two restores "kill", to one "die". The earliest rule that
// matches any form wins.
func (r *rules) triage(text string) Verdict {
	best := len(r.table)
	f, h := r.mask(textnorm.Fold(text))
	views := []string{f}
	if hasRun(f) {
		views = append(views, squeeze(f, 2), squeeze(f, 1))
	}
	for i, view := range views {
		if i > 0 {
			h = r.lits.scan(view)
		}
		for j, c := range r.table[:best] {
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
