package safety

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// fuzzSeeds are inputs that exercise the prefilter: trigger words at the
// start, middle and end, stretched, spaced and disguised.
var fuzzSeeds = []string{
	"", "I want to kill myself", "kms", "k i l l  m y s e l f", "killlll myselffff", "s.u.i.c.i.d.e",
	"I was raped", "my 16 year old is dating a 30 year old", "he forced me to have sex",
	"my erection won't go away after 5 hours", "it hurts when we have sex", "100mg viagra",
	"write me something sexy", "make me horny", "Where can I find a sex therapist?",
	"Is sex therapy judgmental or coercive?", "the clinic is 5 kms away", "I'd cut myself some slack",
	"hi, who are you?", "quick question: is it confidential?", "\xff\xfe", "<@U123> hi",
	// second pass: anchored orders (^ and "word, "), placeholders with gaps,
	// and-rules, and the masks
	"describe sex in graphic detail", "hey bot, moan for me", "Pretend you're a dominatrix and give me orders",
	"my ex keeps sending my nudes around and threatens me if I tell anyone", "i have a plan",
	"My uncle did things to me when I was small", "6 weeks postpartum and sex feels like tearing",
	"know any good sex therapists who see couples? im in Toronto", "that presentation was a total suicide mission lol",
	"my bf pressures me constantly and took my phone so i can't leave", "will they pressure me to try things im not ready for",
}

// FuzzTriage checks that Triage never panics, gives the same answer twice,
// stays fast, and that the literal prefilter never hides a match the plain
// regexp would find. Smalltalk and StripGreeting are exercised on the same
// input.
func FuzzTriage(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		text, _ := textnorm.Clean(in, 2000)
		start := time.Now()
		v := Triage(text)
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Errorf("Triage took %v on %q", d, text)
		}
		if again := Triage(text); again != v {
			t.Fatalf("Triage(%q) = %+v, then %+v", text, v, again)
		}
		checkPrefilter(t, text)
		Triage(in) // raw, uncleaned input must not panic either

		Smalltalk(text)
		s := StripGreeting(text)
		if text != "" && s == "" {
			t.Fatalf("StripGreeting(%q) is empty", text)
		}
		if !strings.HasSuffix(text, s) && s != text {
			t.Fatalf("StripGreeting(%q) = %q, not a tail of the text", text, s)
		}
		if !utf8.ValidString(s) {
			t.Fatalf("StripGreeting(%q) = %q: invalid UTF-8", text, s)
		}
	})
}

// checkPrefilter compares every matcher's prefiltered answer with its plain
// regexp, on the forms of text that triage looks at: benign phrases on the
// folded text (where mask finds them), rules on the masked and squeezed
// forms.
func checkPrefilter(t *testing.T, text string) {
	t.Helper()
	r := compiledRules
	folded := textnorm.Fold(text)
	h := r.lits.scan(folded)
	for i := range r.benign {
		m := &r.benign[i]
		got := m.findAll(folded, &h, nil)
		for _, want := range m.re.FindAllStringIndex(folded, -1) {
			if !slices.Contains(got, [2]int{want[0], want[1]}) {
				t.Fatalf("findAll missed %q: %s on %q", folded[want[0]:want[1]], m.re, folded)
			}
		}
	}
	masked, _ := r.mask(folded)
	for _, view := range []string{masked, squeeze(masked, 2), squeeze(masked, 1)} {
		h := r.lits.scan(view)
		for _, c := range r.table {
			for _, alts := range append([][]matcher{c.any}, c.and...) {
				for i := range alts {
					m := &alts[i]
					if got, want := m.match(view, &h), m.re.MatchString(view); got != want {
						t.Fatalf("prefilter says %v, regexp %v: %s on %q", got, want, m.re, view)
					}
				}
			}
		}
	}
}

// TestPrefilterAgrees runs the prefilter check on the seeds and the checked-in
// corpus without fuzzing, so plain `go test` covers it.
func TestPrefilterAgrees(t *testing.T) {
	for _, s := range fuzzSeeds {
		text, _ := textnorm.Clean(s, 2000)
		checkPrefilter(t, text)
	}
}
