package safety

import "github.com/faqbot/faqbot"

// Category is what triage decided a message needs. The order of the
// constants is the precedence order: when a message fits several, the first
// one wins, because missing a crisis costs far more than any other mistake.
type Category int

// The categories, in precedence order after None.
const (
	None     Category = iota // nothing for safety to do: answer it
	Crisis                   // suicide, self-harm
	Abuse                    // sexual assault, abuse, coercion, partner violence
	Medical                  // symptoms, pain, medication: a doctor's question
	Decline                  // a request for sexual content
	Referral                 // wants a therapist, or wants the bot to be one
)

var categoryNames = [...]string{"none", "crisis", "abuse", "medical", "decline", "referral"}

// String returns the category's lower-case name, as used in metrics and
// tests.
func (c Category) String() string {
	if c < 0 || int(c) >= len(categoryNames) {
		return "unknown"
	}
	return categoryNames[c]
}

// Kind is the reply kind the engine gives for c: a handoff, a decline, or ""
// for None (answer normally).
func (c Category) Kind() faqbot.Kind {
	switch c {
	case Crisis, Abuse, Medical, Referral:
		return faqbot.KindHandoff
	case Decline:
		return faqbot.KindDecline
	}
	return ""
}

// Reason is the handoff reason for c, or "" when c is not a handoff.
func (c Category) Reason() faqbot.Reason {
	switch c {
	case Crisis:
		return faqbot.ReasonCrisis
	case Abuse:
		return faqbot.ReasonAbuse
	case Medical:
		return faqbot.ReasonMedical
	case Referral:
		return faqbot.ReasonReferral
	}
	return ""
}
