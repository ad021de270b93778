package engine

import (
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/safety"
	"github.com/faqbot/faqbot/internal/textnorm"
)

// This file is the engine's seam onto the pure text packages: cleaning,
// safety triage and smalltalk.

// verdict is triage's decision in the engine's terms: a reply kind and, for
// handoffs, the reason. An empty kind means "search".
type verdict struct {
	kind    faqbot.Kind
	reason  faqbot.Reason
	urgent  bool
	checkIn bool          // a crisis check-in: risk signals, not a clear sign
	attach  faqbot.Reason // resources to give with the answer to a question about these subjects
}

type small int

const (
	smallIntro small = iota // greetings, help, "who are you"
	smallThanks
	smallGoodbye
)

func clean(s string, max int) (string, bool) { return textnorm.Clean(s, max) }

func triage(text string) verdict {
	v := safety.Triage(text)
	return verdict{kind: v.Kind(), reason: v.Reason(), urgent: v.Urgent, checkIn: v.CheckIn, attach: v.Attach.Reason()}
}

func smalltalk(text string) (small, bool) {
	s, ok := safety.Smalltalk(text)
	if !ok {
		return 0, false
	}
	switch s {
	case safety.Thanks:
		return smallThanks, true
	case safety.Goodbye:
		return smallGoodbye, true
	}
	return smallIntro, true
}

func stripGreeting(text string) string { return safety.StripGreeting(text) }
