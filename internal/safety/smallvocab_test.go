package safety

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// TestSmallVocab: the phrase lists spell out into a vocabulary, and it
// holds their words (repeats squeezed), not a question's.
func TestSmallVocab(t *testing.T) {
	if smallVocab == nil {
		t.Fatal("smallVocab is nil: a smalltalk list grew too many phrases to spell out")
	}
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"hi", true},
		{"hiiii", true}, // hi+
		{"hmmmm", true}, // hmm+
		{"thanks", true},
		{"thank", true},
		{"goodnight", true}, // good ?night
		{"counsellor", true},
		{"counselor", true},
		{"therapist", true}, // "are you a therapist"
		{"therapy", false},
		{"couples", false},
		{"cost", false},
		{"suicidal", false},
	} {
		if got := smallVocab[squeezeOne(tc.word)]; got != tc.want {
			t.Errorf("%q in smallVocab = %v, want %v", tc.word, got, tc.want)
		}
	}
}

// TestSmallVocabAgrees: the vocabulary never turns away a message the
// phrases read as smalltalk, over every line of the project's sets and
// the forms smalltalk takes.
func TestSmallVocabAgrees(t *testing.T) {
	texts := []string{"hi", "hiiii there", "thanks so much!!", "ok thanks again lol", "good night", "goodnight",
		"are you a real person", "am i talking to a bot", "see you later", "hahaha ok", "ummm thanks", "kk"}
	files, _ := filepath.Glob("../../testdata/eval/*.jsonl")
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var q struct{ Q string }
			if json.Unmarshal(sc.Bytes(), &q) == nil {
				texts = append(texts, q.Q)
			}
		}
		f.Close()
	}
	small := 0
	for _, text := range texts {
		clean, _ := textnorm.Clean(text, 4000)
		s, ok := smallWords(textnorm.Fold(clean))
		if !ok || s == "" {
			continue
		}
		if _, is := smallScan(s); is {
			small++
			if !smallKnown(s) {
				t.Errorf("%q is smalltalk, but smallKnown turns it away", text)
			}
		}
	}
	if small < 12 {
		t.Errorf("only %d lines were smalltalk: the test reads too little", small)
	}
}

// FuzzSmallVocab: whatever the phrases read as smalltalk, the vocabulary
// lets through.
func FuzzSmallVocab(f *testing.F) {
	for _, s := range []string{"hi", "thanks a lot", "who are you", "hiii hmm ok", "what is sex therapy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, ok := smallWords(textnorm.Fold(text))
		if !ok || s == "" {
			return
		}
		if _, is := smallScan(s); is && !smallKnown(s) {
			t.Errorf("%q is smalltalk, but smallKnown turns it away", text)
		}
	})
}
