package engine

import (
	"strings"

	"github.com/faqbot/faqbot/internal/safety"
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
	v := safety.Triage(text)
	return verdict{kind: v.Kind(), reason: v.Reason(), urgent: v.Urgent}
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
