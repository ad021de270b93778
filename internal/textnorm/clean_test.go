package textnorm_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// whitespace and control characters
		{"empty", "", ""},
		{"only spaces", " \t\n ", ""},
		{"trim and collapse", "  what   is\tsex\n\ntherapy?  ", "what is sex therapy?"},
		{"crlf", "line one\r\nline two", "line one line two"},
		{"nul and bell", "a\x00b\x07c", "a b c"},
		{"unicode spaces", "a\u00a0b\u2003c\u3000d\u2028e", "a b c d e"},
		// invalid UTF-8
		{"invalid bytes", "ab\xffcd", "ab cd"},
		{"truncated rune", "caf\xc3", "caf"},
		// invisible characters split words to dodge filters
		{"zero width space", "sui\u200bcide", "suicide"},
		{"zero width joiners", "k\u200ci\u200dl\u2060l", "kill"},
		{"bom", "\ufeffhello", "hello"},
		{"soft hyphen", "self\u00adharm", "selfharm"},
		{"bidi controls", "\u202eevil\u202c text", "evil text"},
		{"tag characters", "hi\U000E0041\U000E0042", "hi"},
		{"hangul filler", "a\u3164b", "ab"},
		// NFKC
		{"full width", "ｓｕｉｃｉｄｅ", "suicide"},
		{"math bold", "𝐡𝐞𝐥𝐩", "help"},
		{"ligature", "ﬁnd a therapist", "find a therapist"},
		{"composed accent", "cafe\u0301", "café"},
		{"full width punctuation", "ｗｈａｔ？", "what?"},
		// markup is covered in detail by TestCleanMarkup
		{"mention", "<@U123ABC> what is sex therapy?", "what is sex therapy?"},
		// text that must survive
		{"plain question", "What is sex therapy?", "What is sex therapy?"},
		{"angle brackets in prose", "is <30 min ok? a<b>c", "is <30 min ok? a<b>c"},
		{"email", "mail me at a@b.com", "mail me at a@b.com"},
		{"emoji", "thanks 🙏🏽", "thanks 🙏🏽"},
		{"no amp decoding", "sex &amp; intimacy &lt;3", "sex &amp; intimacy &lt;3"},
		{"other scripts", "Что такое секс-терапия?", "Что такое секс-терапия?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := textnorm.Clean(tt.in, 500)
			if got != tt.want || cut {
				t.Errorf("Clean(%q) = %q, %v; want %q, false", tt.in, got, cut, tt.want)
			}
		})
	}
}

func TestCleanTruncates(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		max      int
		want     string
		wantTrue bool
	}{
		{"fits", "hello world", 11, "hello world", false},
		{"word boundary", "hello world again", 13, "hello world", true},
		{"cut lands on a space", "hello world again", 11, "hello world", true},
		{"one long word", "abcdefghijklmnop", 5, "abcde", true},
		{"long word after a short one", "hi abcdefghijklmnop", 10, "hi abcdefg", true},
		{"counts runes not bytes", "ééééé ééééé", 7, "ééééé", true},
		{"keeps combining mark with base", "xy\u0915\u094d\u0937", 4, "xy\u0915\u094d", true},
		{"no limit", strings.Repeat("word ", 300), 0, strings.TrimSpace(strings.Repeat("word ", 300)), false},
		{"limit after collapsing", "a     b     c", 5, "a b c", false},
		{"trailing whitespace is not a cut", "hello" + strings.Repeat(" ", 10000), 10, "hello", false},
		{"budget ends in whitespace before more text", "A0000" + strings.Repeat("\f", 2000) + "00", 7, "A0000", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := textnorm.Clean(tt.in, tt.max)
			if got != tt.want || cut != tt.wantTrue {
				t.Errorf("Clean(%q, %d) = %q, %v; want %q, %v", tt.in, tt.max, got, cut, tt.want, tt.wantTrue)
			}
		})
	}
}

func TestCleanHugeInput(t *testing.T) {
	// A megabyte paste is cut early, on a word boundary, and marked truncated.
	in := strings.Repeat("please help me understand this ", 40000)
	got, cut := textnorm.Clean(in, 100)
	if !cut {
		t.Error("truncated = false on a 1 MiB input")
	}
	if n := utf8.RuneCountInString(got); n > 100 || n < 80 {
		t.Errorf("got %d runes, want 80..100", n)
	}
	if !strings.HasSuffix(got, "help") && !strings.HasSuffix(got, "me") &&
		!strings.HasSuffix(got, "understand") && !strings.HasSuffix(got, "this") && !strings.HasSuffix(got, "please") {
		t.Errorf("cut mid-word: %q", got)
	}

	// The byte budget is counted before markup is removed: a message that
	// is mostly mentions loses its tail, and says so.
	in = strings.Repeat("<@U1234567> ", 500) + "what is sex therapy"
	got, cut = textnorm.Clean(in, 100)
	if strings.Contains(got, "therapy") || strings.Contains(got, "<@U1234567>") || !cut {
		t.Errorf("mentions then question past the budget: got %q, %v; want no mention, no question, true", got, cut)
	}
}

func TestCleanIdempotent(t *testing.T) {
	for _, in := range []string{
		"  hi <@U1>:  what's   up?\n", "e<@1>\u0301", "<<@1>@1>", "<https://x|<@1>>", "@he@herere",
		"a\u200b\u0301", strings.Repeat("x ", 1000), "ｗｈａｔ　ｉｓ", "thanks <@U1>!",
	} {
		once, _ := textnorm.Clean(in, 50)
		twice, cut := textnorm.Clean(once, 50)
		if twice != once || cut {
			t.Errorf("Clean(Clean(%q)) = %q, %v; want %q, false", in, twice, cut, once)
		}
	}
}
