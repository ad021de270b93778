package textnorm_test

import (
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// case, accents, compatibility forms
		{"lower", "What Is SEX Therapy?", "what is sex therapy?"},
		{"accents", "Suïcïde Café naïve", "suicide cafe naive"},
		{"full width", "ＫＩＬＬ", "kill"},
		{"math script", "𝓈𝓊𝒾𝒸𝒾𝒹ℯ", "suicide"},
		{"circled", "ⓚⓘⓛⓛ", "kill"},
		{"small capitals", "ᴋɪʟʟ ᴍʏsᴇʟғ", "kill myself"},
		{"sharp s", "Straße", "strasse"},
		{"curly apostrophe", "don’t", "don't"},
		{"dotted capital i", "İSTANBUL", "istanbul"},
		{"zero width", "sui\u200bcide", "suicide"},
		// look-alike letters
		{"cyrillic in latin word", "ѕuісіdе", "suicide"},
		{"all look-alike cyrillic", "ѕуісіdе", "syicide"},
		{"greek omicron", "kіll mysеlf", "kill myself"},
		{"real russian", "Привет, друг", "привет, друг"},
		{"russian word of look-alikes only", "как", "kak"}, // harmless: matchers look for English
		{"real greek", "Καλημέρα", "καλημερα"},
		// leetspeak where it stands in for letters
		{"digit between letters", "k1ll", "kill"},
		{"several digits", "su1c1d3", "suicide"},
		{"digit run between letters", "g00d", "good"},
		{"leading digit", "5uicide", "suicide"},
		{"dollar", "$uicide", "suicide"},
		{"at", "r@pe", "rape"},
		{"bang between letters", "k!ll", "kill"},
		{"sex", "s3x", "sex"},
		{"sentence", "I w4nt to k1ll mys3lf", "i want to kill myself"},
		// numbers left alone
		{"standalone digits", "4 hours", "4 hours"},
		{"quantity", "100mg of sildenafil", "100mg of sildenafil"},
		{"single digit quantity", "5mg", "5mg"},
		{"hours glued", "4hours", "4hours"},
		{"ordinal", "my 3rd session", "my 3rd session"},
		{"time", "at 7pm", "at 7pm"},
		{"trailing number", "covid19", "covid19"},
		{"leading 4", "4ever", "4ever"},
		{"money and slash", "$50 24/7", "$50 24/7"},
		{"exclamation", "help!", "help!"},
		{"email", "a@b.com", "aab.com"},
		// spelled-out letters
		{"spaced with double space", "k i l l  m y s e l f", "kill myself"},
		{"spaced single space", "k i l l m y s e l f", "kill myself"},
		{"spaced in a sentence", "i want to d i e", "i want to die"},
		{"spaced sentence", "i w a n t t o d i e", "i want to die"},
		{"dots", "s.u.i.c.i.d.e", "suicide"},
		{"dashes with end punctuation", "k-i-l-l!", "kill!"},
		{"stars", "r*a*p*e", "rape"},
		{"dotted words", "k.i.l.l m.y.s.e.l.f", "kill myself"},
		{"spaced leet", "k 1 l l m e", "kill me"},
		{"spaced with trailing question", "s e x t h e r a p y?", "sex therapy?"},
		{"longest word wins", "t h e r a p i s t", "therapist"},
		{"past tense", "i was r a p e d", "i was raped"},
		{"unknown letters kept together", "x y z", "xyz"},
		// normal text left alone
		{"two single letters", "plan a b", "plan a b"},
		{"abbreviation", "e.g. this", "e.g. this"},
		{"numbers spaced", "1 2 3", "1 2 3"},
		{"leet digits spaced", "1 3 5", "1 3 5"},
		{"normal question", "Do sex therapists see individuals or only couples?", "do sex therapists see individuals or only couples?"},
		{"whitespace", "  a \n b  ", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textnorm.Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
