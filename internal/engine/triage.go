package engine

import (
	"strings"

	"github.com/faqbot/faqbot/internal/textnorm"

	"github.com/faqbot/faqbot"
)

// TEMPORARY stubs until internal/safety and internal/textnorm land.

type verdict struct {
	kind   faqbot.Kind
	reason faqbot.Reason
	urgent bool
}

type small int

const (
	smallIntro small = iota
	smallThanks
	smallGoodbye
)

func clean(s string, max int) (string, bool) { return textnorm.Clean(s, max) }

func triage(text string) verdict {
	l := strings.ToLower(text)
	switch {
	case strings.Contains(l, "ending it all"):
		return verdict{kind: faqbot.KindHandoff, reason: faqbot.ReasonCrisis}
	case strings.Contains(l, "abused"):
		return verdict{kind: faqbot.KindHandoff, reason: faqbot.ReasonAbuse}
	case strings.Contains(l, "pain"):
		return verdict{kind: faqbot.KindHandoff, reason: faqbot.ReasonMedical}
	case strings.Contains(l, "sexy"):
		return verdict{kind: faqbot.KindDecline}
	case strings.Contains(l, "find a sex therapist"):
		return verdict{kind: faqbot.KindHandoff, reason: faqbot.ReasonReferral}
	}
	return verdict{}
}

func smalltalk(text string) (small, bool) {
	switch strings.ToLower(strings.Trim(text, "!. ")) {
	case "hi", "hello", "good morning", "help":
		return smallIntro, true
	case "thanks":
		return smallThanks, true
	}
	return 0, false
}

func stripGreeting(text string) string { return text }
