package engine_test

import (
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
)

// TestGatePairs: pairs of questions that share most of their words, where
// one asks what the file says and the other asks what it does not. The
// second of each pair gets a no_match that names what the file does not
// say.
func TestGatePairs(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		answered, section string
		unanswered, says  string
	}{
		{"is the therapist trained", secExpect,
			"what training does a therapist have", "doesn't describe what training, degrees or certification"},
		{"how long has sex therapy been around", secHistory,
			"how long does sex therapy take", "doesn't say how long therapy takes"},
		{"sex therapy vs seeing a doctor, which one do i need", secNot,
			"what is the difference between sex therapy and couples counseling", "doesn't compare those"},
		{"will the therapist judge my kinks", secNot,
			"how do you personally feel about kinks", "doesn't give a therapist's personal views"},
		{"can sex therapy help with premature ejaculation", secWhat,
			"can sex therapy help with depression", "doesn't say whether sex therapy helps with that"},
		{"should i skip the doctor and just do sex therapy", secNot,
			"should I try sex therapy", "doesn't say when someone should start sex therapy"},
		{"who pioneered sex therapy", secHistory,
			"who can join AASECT", "doesn't say who may take part"},
		{"when did sex therapy start", secHistory,
			"how often are sessions", "how often sessions happen"},
		{"does sex therapy replace medical treatment", secNot,
			"is sex therapy covered by insurance", "doesn't cover fees, payment or insurance"},
		{"will my family find out what I say", secExpect,
			"is it normal to lose interest in sex", "doesn't say what is normal or healthy"},
	}
	for _, tt := range tests {
		t.Run(tt.unanswered, func(t *testing.T) {
			r := ask(t, e, tt.answered)
			if r.Kind != faqbot.KindAnswer || r.Section != tt.section {
				t.Errorf("%q: got %s from %q, want an answer from %q", tt.answered, r.Kind, r.Section, tt.section)
			}
			r = ask(t, e, tt.unanswered)
			if r.Kind != faqbot.KindNoMatch {
				t.Fatalf("%q: got %s from %q, want no_match", tt.unanswered, r.Kind, r.Section)
			}
			if !strings.Contains(r.Lead, tt.says) || !strings.HasPrefix(r.Text, r.Lead) {
				t.Errorf("%q: lead %q, want it to say %q", tt.unanswered, r.Lead, tt.says)
			}
			if !strings.Contains(r.Text, "Topics I can answer from:") {
				t.Errorf("%q: no topics in\n%s", tt.unanswered, r.Text)
			}
		})
	}
}
