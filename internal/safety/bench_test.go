package safety_test

import (
	"strings"
	"testing"

	"github.com/faqbot/faqbot/internal/safety"
	"github.com/faqbot/faqbot/internal/textnorm"
)

func BenchmarkTriage(b *testing.B) {
	long, _ := textnorm.Clean(strings.Repeat("my partner and I want to understand what a session is like, ", 40), 2000)
	for _, bc := range []struct{ name, text string }{
		{"question", "Hi, quick question: do sex therapists see individuals or only couples, and is it confidential?"},
		{"crisis", "i dont want to be here anymore, i want to k i l l m y s e l f"},
		{"stretched", "killlll myselfffff pleaseeee"},
		{"2000runes", long},
	} {
		// the yardstick: the phrase layer alone, which is what Triage was
		// before the concept layer and the net
		b.Run(bc.name+"/phrases-only", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				safety.PhraseOnly(bc.text)
			}
		})
		b.Run(bc.name+"/triage", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				safety.Triage(bc.text)
			}
		})
	}
}

func BenchmarkSmalltalk(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		safety.Smalltalk("hi, who are you?")
		safety.StripGreeting("Hi! Sorry to bother you, quick question: what is sex therapy?")
	}
}
