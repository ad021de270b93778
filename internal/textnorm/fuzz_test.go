package textnorm

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fuzzLimits are the caps each fuzz input is cleaned with: none, tiny (to
// exercise the cut), and the sizes the bot uses.
var fuzzLimits = []int{0, 1, 7, 64, 500}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "What is sex therapy?", "<@U123ABC>: hi", "<https://x|label> @everyone",
		"su\u200bicide", "ｗｈａｔ", "e<@1>\u0301", "\xff\xfe", "<@<#1>!123>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, max := range fuzzLimits {
			out, cut := Clean(in, max)
			checkClean(t, in, max, out, cut)
		}
	})
}

func checkClean(t *testing.T, in string, max int, out string, cut bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Clean(%q, %d) = %q: invalid UTF-8", in, max, out)
	}
	if n := utf8.RuneCountInString(out); max > 0 && n > max {
		t.Fatalf("Clean(%q, %d) = %q: %d runes", in, max, out, n)
	}
	if cut && max <= 0 {
		t.Fatalf("Clean(%q, %d): truncated with no limit", in, max)
	}
	if !cut && max > 0 {
		if whole, _ := Clean(in, 0); whole != out {
			t.Fatalf("Clean(%q, %d) = %q, not truncated, but with no limit it is %q", in, max, out, whole)
		}
	}
	if loc := markup.FindStringIndex(out); loc != nil {
		t.Fatalf("Clean(%q, %d) = %q: markup %q left", in, max, out, out[loc[0]:loc[1]])
	}
	if l := strings.ToLower(out); strings.Contains(l, "@everyone") || strings.Contains(l, "@here") {
		t.Fatalf("Clean(%q, %d) = %q: broadcast left", in, max, out)
	}
	if out != strings.TrimSpace(out) || strings.Contains(out, "  ") {
		t.Fatalf("Clean(%q, %d) = %q: untrimmed or doubled space", in, max, out)
	}
	for _, r := range out {
		if invisible(r) || r != ' ' && unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) {
			t.Fatalf("Clean(%q, %d) = %q: holds %U", in, max, out, r)
		}
	}
	if got, want := findMarkup(in), markup.FindAllStringSubmatchIndex(in, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("findMarkup(%q) = %v, want %v", in, got, want)
	}
	again, cutAgain := Clean(out, max)
	if again != out || cutAgain {
		t.Fatalf("Clean not idempotent on %q (max %d): %q, then %q, %v", in, max, out, again, cutAgain)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"", "k i l l m y s e l f", "s.u.i.c.i.d.e", "k1ll $uicide r@pe", "ѕuісіdе", "100mg 4hours",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		in, _ = Clean(in, 500)
		out := Fold(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", in, out)
		}
		if Fold(in) != out {
			t.Fatalf("Fold(%q) not deterministic", in)
		}
		// Fold is not idempotent, and need not be: letters it splits out of
		// a spelled-out word can join a neighbour on a second pass
		// ("0 0.a.a"). Matchers fold once.
	})
}

// FuzzFoldLetters holds foldLetters' byte loop for ASCII text to the rune
// loop every other text takes.
func FuzzFoldLetters(f *testing.F) {
	for _, s := range []string{"", "Hi THERE\tfriend\r\n", "k1ll\x00my\x7fself", "What is Sex Therapy?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ascii := []byte(in)
		for i := range ascii {
			ascii[i] &= 0x7f
		}
		s := string(ascii)
		if got, want := foldLetters(s), foldRunes(s); got != want {
			t.Fatalf("foldLetters(%q) = %q, foldRunes = %q", s, got, want)
		}
	})
}
