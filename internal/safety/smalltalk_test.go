package safety_test

import (
	"testing"

	"github.com/faqbot/faqbot/internal/safety"
)

func TestSmalltalk(t *testing.T) {
	tests := []struct {
		text string
		want safety.Small
	}{
		{"hi", safety.Greeting},
		{"Hello!", safety.Greeting},
		{"hello there", safety.Greeting},
		{"good morning", safety.Greeting},
		{"Good evening everyone", safety.Greeting},
		{"hey bot", safety.Greeting},
		{"heyyy", safety.Greeting},
		{"hi hi", safety.Greeting},
		{"how are you?", safety.Greeting},
		{"thanks!", safety.Thanks},
		{"ty", safety.Thanks},
		{"thank you so much", safety.Thanks},
		{"Thanks a lot, that helps", safety.Thanks},
		{"ok great thanks", safety.Thanks},
		{"cheers 🙏", safety.Thanks},
		{"got it", safety.Thanks},
		{"help", safety.Help},
		{"/help", safety.Help},
		{"what can you do", safety.Help},
		{"how does this work?", safety.Help},
		{"what can I ask you?", safety.Help},
		{"who are you", safety.Identity},
		{"are you a bot", safety.Identity},
		{"are you a real person?", safety.Identity},
		{"are you a therapist?", safety.Identity},
		{"Am I talking to a human?", safety.Identity},
		{"what's your name", safety.Identity},
		{"bye", safety.Goodbye},
		{"goodbye!", safety.Goodbye},
		{"see you later", safety.Goodbye},
		{"have a good day", safety.Goodbye},
		// several kinds: the one that says most about what is wanted
		{"hi, who are you?", safety.Identity},
		{"thanks, bye", safety.Goodbye},
		{"hello! what can you do?", safety.Help},
		{"hey thanks", safety.Thanks},
	}
	for _, tt := range tests {
		got, ok := safety.Smalltalk(tt.text)
		if !ok || got != tt.want {
			t.Errorf("Smalltalk(%q) = %v, %v; want %v, true", tt.text, got, ok, tt.want)
		}
	}
}

func TestSmalltalkOnlyWhole(t *testing.T) {
	for _, text := range []string{
		"", "?", "*** ??? !!!", "hi, what is sex therapy?", "thanks, and is it confidential?",
		"help me", "hello, I was raped", "what is sex therapy", "hiv", "Привет",
		"good morning, where can I find a sex therapist?", "are you a therapist who can help me with pain",
		"hi " + string(make([]byte, 200)),
	} {
		if got, ok := safety.Smalltalk(text); ok {
			t.Errorf("Smalltalk(%q) = %v, true; want false", text, got)
		}
	}
}

func TestSmallString(t *testing.T) {
	if got := safety.Identity.String(); got != "identity" {
		t.Errorf("Identity.String() = %q", got)
	}
	if got := safety.Small(0).String(); got != "none" {
		t.Errorf("Small(0).String() = %q", got)
	}
}
