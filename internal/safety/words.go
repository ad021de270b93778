package safety

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a message as the concept layer reads it: spelt out
// (words.txt), in its sentence and clause.
type word struct {
	w    string
	at   int // where its raw word starts in the text, and
	end  int // ends
	sent int // sentence number: a concept rule's combinations stay inside one
	// askMark: a question mark ends this word's sentence
	askMark bool
	clause  int // clause number: negation reaches no further
}

// speller rewrites words the way words.txt says.
type speller struct {
	spell   map[string][]string // "im" → ["i", "am"]
	emoji   map[rune]string     // "💊" → "emojipills"
	fillers map[string]bool     // "so", "really", "just": left out
	forms   map[string][]string // "die" → ["dies", "died", "dying", "dyin"]
	// generic frames ("is it normal", "does anyone else"), as spelt
	// words: after one, to the sentence's end, a generic person is the
	// writer ("is it normal for a bf to take your keys" is "my keys")
	generic [][]string
	// the pronouns a frame makes the writer's; "they" and its forms only
	// after a frame of others ("does anyone else", "asking for a friend")
	genericYou, genericThey map[string]string
	othersFrame             map[string]bool // frames whose person is "they"
	// asTyped: word pairs whose second word is kept as typed, not spelt
	// out ("like hell" is not "like he will")
	asTyped map[string]bool
}

func loadSpeller(fsys fs.FS) (*speller, error) {
	sp := &speller{spell: map[string][]string{}, forms: map[string][]string{}, fillers: map[string]bool{}, emoji: map[rune]string{},
		genericYou:  map[string]string{"you": "i", "your": "my", "yours": "mine", "yourself": "myself", "ya": "i", "u": "i", "ur": "my"},
		genericThey: map[string]string{"they": "i", "them": "me", "their": "my", "theirs": "mine", "themselves": "myself", "themself": "myself"},
		othersFrame: map[string]bool{}, asTyped: map[string]bool{}}
	var generic []string
	section := ""
	err := eachLine(fsys, "data/words.txt", func(at, line string) error {
		if strings.HasPrefix(line, "[") {
			section = line
			if section != "[spellings]" && section != "[forms]" && section != "[fillers]" && section != "[emoji]" && section != "[generic]" && section != "[as typed]" {
				return fmt.Errorf("%s: unknown section %s (want [spellings], [as typed], [forms], [fillers], [emoji] or [generic])", at, line)
			}
			return nil
		}
		switch section {
		case "[spellings]":
			from, to, ok := strings.Cut(line, " = ")
			from, to = strings.TrimSpace(from), strings.TrimSpace(to)
			if !ok || from == "" || to == "" || strings.Contains(from, " ") {
				return fmt.Errorf("%s: want: word = what it stands for", at)
			}
			sp.spell[from] = strings.Fields(to)
			if bare := strings.ReplaceAll(from, "'", ""); bare != from {
				if _, ok := sp.spell[bare]; !ok {
					sp.spell[bare] = strings.Fields(to)
				}
			}
		case "[forms]":
			base, forms, ok := strings.Cut(line, ":")
			base = strings.TrimSpace(base)
			if !ok || base == "" || strings.Contains(base, " ") || strings.TrimSpace(forms) == "" {
				return fmt.Errorf("%s: want: word: its forms", at)
			}
			sp.forms[base] = append(sp.forms[base], strings.Fields(forms)...)
		case "[emoji]":
			from, to, ok := strings.Cut(line, " = ")
			r, size := utf8.DecodeRuneInString(strings.TrimSpace(from))
			if !ok || size != len(strings.TrimSpace(from)) || strings.TrimSpace(to) == "" || strings.Contains(strings.TrimSpace(to), " ") {
				return fmt.Errorf("%s: want: one emoji = one word", at)
			}
			sp.emoji[r] = strings.TrimSpace(to)
		case "[fillers]":
			for _, f := range strings.Fields(line) {
				sp.fillers[f] = true
			}
		case "[generic]":
			generic = append(generic, line)
		case "[as typed]":
			ws := strings.Fields(line)
			if len(ws) != 2 {
				return fmt.Errorf("%s: want two words: the word before, and the word kept as typed", at)
			}
			sp.asTyped[ws[0]+" "+ws[1]] = true
		default:
			return fmt.Errorf("%s: a line before [spellings], [forms] or [fillers]", at)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// frames are spelt as messages are, once every spelling is known
	for _, line := range generic {
		frame, others := strings.CutSuffix(line, " +they")
		var ws []string
		for _, w := range sp.words(frame, nil) {
			ws = append(ws, w.w)
		}
		if len(ws) == 0 {
			return nil, fmt.Errorf("data/words.txt: generic frame %q has no words", line)
		}
		sp.generic = append(sp.generic, ws)
		if others {
			sp.othersFrame[strings.Join(ws, " ")] = true
		}
	}
	return sp, nil
}

// generics rewrites, after a generic frame and to its sentence's end, a
// generic "you" (and, after a frame of others, "they") as the writer: "is
// it normal for a bf to take your keys so you cant leave" is read as "my
// keys", "i can not leave"; "does anyone else feel their family would be
// better off without them" as "my family", "without me".
func (sp *speller) generics(out []word) {
	for i := 0; i < len(out); i++ {
		for _, f := range sp.generic {
			if !matchAt(out, i, f) {
				continue
			}
			sent := out[i].sent
			they := sp.othersFrame[strings.Join(f, " ")]
			for j := i + len(f); j < len(out) && out[j].sent == sent; j++ {
				if to, ok := sp.genericYou[out[j].w]; ok {
					out[j].w = to
				} else if to, ok := sp.genericThey[out[j].w]; ok && they {
					out[j].w = to
				}
			}
			break
		}
	}
}

// matchAt reports whether words f start at out[i], inside one sentence.
func matchAt(out []word, i int, f []string) bool {
	if i+len(f) > len(out) {
		return false
	}
	for k, w := range f {
		if out[i+k].w != w || out[i+k].sent != out[i].sent {
			return false
		}
	}
	return true
}

// contractions are the endings read without a list: "wouldn't" is
// "would not", "she'll" is "she will".
var contractions = []struct{ end, word string }{
	{"n't", "not"}, {"'m", "am"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'d", "would"},
}

// words splits folded text into words, spelt out. Sentences end at . ! ?
// and ;, clauses also at , : ( ) and "but"; letters and digits are split
// apart ("15yo" is "15 yo").
func (sp *speller) words(folded string, out []word) []word {
	sent, clause := 0, 0
	start := -1
	var buf [4]string

	lastRaw, lastSent := "", -1
	emit := func(at, end int) {
		raw := strings.Trim(folded[at:end], "'")
		spelt := sp.spellWord(folded[at:end], buf[:0])
		if lastSent == sent && sp.asTyped[lastRaw+" "+raw] {
			spelt = append(buf[:0], raw)
		}
		lastRaw, lastSent = raw, sent
		for _, w := range spelt {
			if sp.fillers[w] {
				continue
			}
			if w == "but" || w == "though" || w == "although" {
				clause++
			}
			// "do not", "does not" and "did not" are "not"
			if w == "not" && len(out) > 0 {
				if last := out[len(out)-1]; last.sent == sent && (last.w == "do" || last.w == "does" || last.w == "did") {
					out = out[:len(out)-1]
				}
			}
			out = append(out, word{w: w, at: at, end: end, sent: sent, clause: clause})
		}
	}
	flush := func(end int) {
		if start >= 0 {
			emit(start, end)
			start = -1
		}
	}
	prevDigit := false
	for i := 0; i < len(folded); {
		r, size := utf8.DecodeRuneInString(folded[i:])
		switch {
		case r == '\'' || unicode.IsLetter(r) || unicode.IsDigit(r):
			digit := unicode.IsDigit(r)
			if start >= 0 && r != '\'' && digit != prevDigit && folded[i-1] != '\'' {
				flush(i)
			}
			if start < 0 {
				start = i
			}
			if r != '\'' {
				prevDigit = digit
			}
		case sp.emoji[r] != "":
			flush(i)
			out = append(out, word{w: sp.emoji[r], at: i, end: i + size, sent: sent, clause: clause})
		case r == '/' && start >= 0 && i+1 < len(folded) && (folded[i+1] == 'o' || folded[i+1] == 'y'):
			// "y/o", "w/o": one word
		default:
			flush(i)
			switch r {
			case '.', '!', '?', ';', '\n':
				if r == '?' {
					for j := len(out) - 1; j >= 0 && out[j].sent == sent; j-- {
						out[j].askMark = true
					}
				}
				sent++
				clause++
			case ',', ':', '(', ')', '"', '*', '~':
				clause++
			case '-':
				// "self-harm" is one clause; "fine - not really" is two
				if i > 0 && folded[i-1] == ' ' {
					clause++
				}
			}
		}
		i += size
	}
	flush(len(folded))
	if len(sp.generic) > 0 {
		sp.generics(out)
	}
	return out
}

// spellWord rewrites one raw word: quotes off its ends, a list spelling,
// a contraction, or a possessive "'s" dropped.
func (sp *speller) spellWord(raw string, dst []string) []string {
	w := strings.Trim(raw, "'")
	if w == "" {
		return dst
	}
	if to, ok := sp.spell[w]; ok {
		return append(dst, to...)
	}
	if !strings.Contains(w, "'") {
		return append(dst, w)
	}
	for _, c := range contractions {
		if stem, ok := strings.CutSuffix(w, c.end); ok && stem != "" {
			switch {
			case c.end == "n't" && stem == "ca":
				stem = "can"
			case c.end == "n't" && stem == "wo":
				stem = "will"
			case c.end == "n't" && stem == "sha":
				stem = "shall"
			}
			return append(sp.spellWord(stem, dst), c.word)
		}
	}
	if stem, ok := strings.CutSuffix(w, "'s"); ok && stem != "" {
		// "he's" is "he is"; "dad's" is "dad"
		if to, ok := sp.spell[stem+"s"]; ok {
			return append(dst, to...)
		}
		return append(dst, stem)
	}
	if to, ok := sp.spell[strings.ReplaceAll(w, "'", "")]; ok {
		return append(dst, to...)
	}
	return append(dst, w)
}

// formsOf returns w and the forms of it a list entry also finds: the
// irregular ones from words.txt and the regular endings.
func (sp *speller) formsOf(w string) []string {
	out := []string{w}
	out = append(out, sp.forms[w]...)
	if len(w) < 2 || !isAlpha(w) {
		return out
	}
	last := w[len(w)-1]
	add := func(s ...string) { out = append(out, s...) }
	switch {
	case strings.HasSuffix(w, "ie"):
		stem := w[:len(w)-2]
		add(w+"s", w+"d", stem+"ying", stem+"yin")
	case last == 'e':
		stem := w[:len(w)-1]
		add(w+"s", w+"d", stem+"ing", stem+"in")
	case last == 'y' && len(w) > 2 && !isVowel(w[len(w)-2]):
		stem := w[:len(w)-1]
		add(stem+"ies", stem+"ied", w+"ing", w+"in")
	default:
		if last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") {
			add(w + "es")
		}
		add(w+"s", w+"ed", w+"ing", w+"in")
		// "stab" → "stabbed": a short word ending consonant-vowel-consonant
		if n := len(w); n >= 3 && n <= 5 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(w[n-2]) && !isVowel(w[n-3]) {
			d := w + string(last)
			add(d+"ed", d+"ing", d+"in")
		}
	}
	return out
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
