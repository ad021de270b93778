package engine

import (
	"testing"

	"github.com/faqbot/faqbot/internal/question"
	"github.com/google/go-cmp/cmp"
)

func TestQuestionParts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"what is sex therapy", []string{"what is sex therapy"}},
		{"is it all about intercourse? our issue is more about affection and feeling close",
			[]string{"is it all about intercourse? our issue is more about affection and feeling close",
				"is it all about intercourse?", "our issue is more about affection and feeling close"}},
		{"my partner and I barely talk, and when we do it turns into a fight, could a therapist help us talk",
			[]string{"my partner and I barely talk, and when we do it turns into a fight, could a therapist help us talk",
				"could a therapist help us talk"}},
		{"???", []string{"???"}},
		// the question first, the story after
		{"caller wants to know if sessions are confidential, she lives in a small town",
			[]string{"caller wants to know if sessions are confidential, she lives in a small town",
				"she lives in a small town", "caller wants to know if sessions are confidential"}},
		{"", []string{""}}, // only spaces: no sentence to split (it once indexed sentences[-1])
		{"  ", []string{"  "}},
		{"a? b? c? d? e f g? h i j? k l m?", []string{"a? b? c? d? e f g? h i j? k l m?", "e f g?", "h i j?", "k l m?"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, questionParts(tt.in)); diff != "" {
			t.Errorf("questionParts(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestContinues: a part that only carries on the message's question is not
// asked alone ("who founded AASECT, and in what year?" is not answered by
// the date sex therapy began); one with a focus of its own is.
func TestContinues(t *testing.T) {
	tests := []struct {
		part string
		want bool
	}{
		{"and in what year?", true},
		{"or how long?", true},
		{"and is it confidential?", false},
		{"what is sex therapy?", false},
	}
	for _, tt := range tests {
		if got := continues(question.Analyze(tt.part)); got != tt.want {
			t.Errorf("continues(%q) = %v, want %v", tt.part, got, tt.want)
		}
	}
}
