package safety

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// conceptSeeds exercise the speller and the concept matcher: contractions
// with and without apostrophes, numbers next to letters, sentence ends,
// negation, idioms, and words that end a phrase at the end of a sentence.
var conceptSeeds = []string{
	"", "im done.", "i dont want to be alive anymore", "15yo", "y/o", "he's 19 and im 14",
	"i'm not ok, i cant go on", "she beats me at chess lol", "dad's gun", "''''", "n't", "'s",
	"self-harm -- cutting again", "ill b gone tmrw", "k1ll myself", "no. way. out.",
	"\xff\xfe", "我想死", "trigger warning", "why am i even still alive?", "#minor $ _ =he",
}

// FuzzWords checks that the speller never panics, keeps every word's
// place inside the text, and numbers sentences and clauses in order.
func FuzzWords(f *testing.F) {
	for _, s := range conceptSeeds {
		f.Add(s)
	}
	sp := compiledLexicon.sp
	f.Fuzz(func(t *testing.T, in string) {
		folded := textnorm.Fold(in)
		ws := sp.words(folded, nil)
		for i, w := range ws {
			if w.w == "" {
				t.Fatalf("words(%q)[%d] is empty", folded, i)
			}
			if w.at < 0 || w.end > len(folded) || w.at >= w.end {
				t.Fatalf("words(%q)[%d] = %+v: place outside the text", folded, i, w)
			}
			if i > 0 && (w.sent < ws[i-1].sent || w.clause < ws[i-1].clause || w.at < ws[i-1].at) {
				t.Fatalf("words(%q): word %d goes back", folded, i)
			}
			if !utf8.ValidString(w.w) && utf8.ValidString(folded) {
				t.Fatalf("words(%q)[%d] = %q is not UTF-8", folded, i, w.w)
			}
		}
	})
}

// FuzzConcepts checks that the matcher never panics, that every hit lies
// inside one sentence of the words, that idioms leave no other concept on
// their words, and that masking idioms for the phrase layer keeps the text
// valid.
func FuzzConcepts(f *testing.F) {
	for _, s := range append(conceptSeeds, fuzzSeeds...) {
		f.Add(s)
	}
	lx := compiledLexicon
	f.Fuzz(func(t *testing.T, in string) {
		text, _ := textnorm.Clean(in, 2000)
		folded := textnorm.Fold(text)
		ws := lx.sp.words(folded, nil)
		hits := lx.find(ws)
		idiom := make([]bool, len(ws))
		for _, h := range hits {
			if h.start < 0 || h.end > len(ws) || h.start >= h.end {
				t.Fatalf("hit %+v outside %d words", h, len(ws))
			}
			if ws[h.start].sent != ws[h.end-1].sent {
				t.Fatalf("hit %+v crosses a sentence", h)
			}
			if h.concept == lx.idiom {
				for i := h.start; i < h.end; i++ {
					idiom[i] = true
				}
			}
		}
		for _, h := range hits {
			if h.concept != lx.idiom && idiom[h.start] {
				t.Fatalf("concept %s on an idiom's word in %q", lx.concepts[h.concept].name, folded)
			}
		}
		m := lx.maskIdioms(folded, ws, hits)
		if utf8.ValidString(folded) && !utf8.ValidString(m) {
			t.Fatalf("maskIdioms(%q) = %q is not UTF-8", folded, m)
		}
		if ex := Explain(text); ex.Result() != Triage(text) || !strings.HasPrefix(ex.String(), "words:") {
			t.Fatalf("Explain(%q) disagrees with Triage", text)
		}
	})
}
