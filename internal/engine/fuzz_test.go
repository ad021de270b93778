package engine_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqbot/faqbot"
)

// FuzzAnswer: any text a person can send gets a reply of a known kind,
// never an error or a panic (a blank message once indexed sentences[-1]
// while being split into question parts).
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n", "?", "...", "what is sex therapy", "is it X or Y or", "or", "a, b, c, d",
		"caller wants to know if sessions are confidential, she lives in a small town",
		"is there any nudity or demonstration during the sessions?", "\xff\xfe", strings.Repeat("why? ", 300),
		"<@U123> what is it", "sex AND therapy OR NOT +title:x*", "how long does therapy take; how much; where",
	} {
		f.Add(s)
	}
	e := defaultEngine(f)
	kinds := map[faqbot.Kind]bool{faqbot.KindAnswer: true, faqbot.KindHandoff: true, faqbot.KindDecline: true,
		faqbot.KindSmalltalk: true, faqbot.KindNoMatch: true}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := e.Answer(context.Background(), faqbot.Question{Text: text, Platform: "test"})
		if err != nil {
			t.Fatalf("Answer(%q): %v", text, err)
		}
		if !kinds[r.Kind] || r.Text == "" || !utf8.ValidString(r.Text) {
			t.Fatalf("Answer(%q) = kind %q, text %q", text, r.Kind, r.Text)
		}
	})
}
