package safety_test

import (
	"testing"

	"github.com/faqbot/faqbot/internal/safety"
)

func TestStripGreeting(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hi, what is sex therapy?", "what is sex therapy?"},
		{"Hello! What is sex therapy?", "What is sex therapy?"},
		{"hey there - is it confidential?", "is it confidential?"},
		{"Good morning everyone: is it confidential?", "is it confidential?"},
		{"quick question: is it confidential?", "is it confidential?"},
		{"I have a quick question: how long is a session?", "how long is a session?"},
		{"sorry to bother you but how long is a session", "how long is a session"},
		{"Hi! Sorry to bother you, quick question: what is sex therapy?", "what is sex therapy?"},
		{"can I ask you something? what is sex therapy", "what is sex therapy"},
		{"excuse me, what is sex therapy", "what is sex therapy"},
		{"um, what is sex therapy", "what is sex therapy"},
		{"thanks! also, how long is a session?", "also, how long is a session?"},
		{"hey hey what's up with sessions", "what's up with sessions"},
		{"hi what is sex therapy", "what is sex therapy"},
		// nothing to strip
		{"what is sex therapy?", "what is sex therapy?"},
		{"HIV and sex therapy?", "HIV and sex therapy?"},
		{"heyday of sex therapy", "heyday of sex therapy"},
		{"so what is it", "so what is it"},
		{"please tell me what sex therapy is", "please tell me what sex therapy is"},
		{"Question about sessions", "Question about sessions"},
		// only a greeting: unchanged, never empty
		{"hi", "hi"},
		{"hello!", "hello!"},
		{"hi, sorry!", "hi, sorry!"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := safety.StripGreeting(tt.in); got != tt.want {
			t.Errorf("StripGreeting(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
