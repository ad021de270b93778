package engine_test

import (
	"testing"

	"github.com/faqbot/faqbot"
)

// TestFlagged: a reply says whether safety triage flagged the message, so
// that insights never keep its text; answers with resources attached count.
func TestFlagged(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		text     string
		wantKind faqbot.Kind
		flagged  bool
	}{
		{"I want to kill myself", faqbot.KindHandoff, true},
		{"what is sex therapy", faqbot.KindAnswer, false},
		{"what's the best sourdough bread recipe?", faqbot.KindNoMatch, false},
		{"hello", faqbot.KindSmalltalk, false},
	}
	for _, tt := range tests {
		r := ask(t, e, tt.text)
		if r.Kind != tt.wantKind || r.Flagged != tt.flagged {
			t.Errorf("%q: kind %s flagged %v, want %s %v", tt.text, r.Kind, r.Flagged, tt.wantKind, tt.flagged)
		}
	}
	// an answer with resources attached is flagged too
	r := ask(t, e, "can sex therapy help after sexual assault?")
	if len(r.Resources) > 0 && !r.Flagged {
		t.Errorf("an answer with resources attached is not flagged: %+v", r)
	}
}
