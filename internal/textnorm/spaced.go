package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spelled-out words: "k i l l m y s e l f", "s.u.i.c.i.d.e", "r-a-p-e".
// People write this way to get past filters, and it reads as nothing to a
// matcher until the letters are joined again.
const (
	// minSpelled is the fewest letters that count as a spelled-out word, so
	// that "plan a b" and "e.g." are left alone.
	minSpelled = 3
	// maxSegment is the longest piece of a joined run that is split into
	// words at once; longer runs are split piece by piece, which bounds the
	// work per message (a word may then be cut at a piece boundary).
	maxSegment = 128
	// unknownCost is what one letter outside the vocabulary costs when a
	// joined run is split, against 1 for a whole known word: three unknown
	// letters cost as much as splitting into three words.
	unknownCost = 3
)

// joinSpaced joins letters spelled out one by one, in two forms: a run of at
// least three one-letter words ("k i l l m y s e l f"), and one word of
// single letters with the same separator between them ("s.u.i.c.i.d.e",
// "k-i-l-l", "k*i*l*l"). With spaces the word breaks are lost, so the joined
// letters are split into words again by segment; dotted words keep their
// breaks ("k.i.l.l m.y.s.e.l.f"). A letter may be a leetspeak digit
// ("k 1 l l"). Other words pass through unchanged.
func joinSpaced(words []string) []string {
	out := make([]string, 0, len(words))
	var letters strings.Builder
	for i := 0; i < len(words); {
		j, tail := i, ""
		letters.Reset()
		for j < len(words) {
			l, sep, ok := spelledPiece(words[j])
			if !ok {
				break
			}
			letters.WriteString(l)
			j++
			if sep != "" && !strings.Contains(innerSeps, sep) {
				tail = sep
				break
			}
		}
		if j-i >= minSpelled && realLetters(letters.String()) >= 2 {
			out = append(out, segment(unleet(unconfuse(letters.String())))...)
			out[len(out)-1] += tail
			i = j
			continue
		}
		if w, tail, ok := dotted(words[i]); ok {
			out = append(out, segment(unleet(unconfuse(w)))...)
			out[len(out)-1] += tail
		} else {
			out = append(out, words[i])
		}
		i++
	}
	return out
}

// innerSeps may follow a letter inside a spelled-out run; endSeps may follow
// only its last letter, and are kept after the joined word.
const (
	innerSeps = ".-_*"
	endSeps   = ",!?:;"
)

// spelledPiece reports whether w is one letter (or leetspeak digit),
// optionally followed by one separator, and returns both.
func spelledPiece(w string) (letter, sep string, ok bool) {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || !isSpelledLetter(r) {
		return "", "", false
	}
	rest := w[n:]
	if len(rest) > 1 || rest != "" && !strings.Contains(innerSeps+endSeps, rest) {
		return "", "", false
	}
	return w[:n], rest, true
}

// dotted reports whether w is single letters with one separator between
// them ("s.u.i.c.i.d.e", "u.s.a."), and returns the joined letters and any
// end punctuation ("k-i-l-l!" gives "kill" and "!").
func dotted(w string) (letters, tail string, ok bool) {
	if w != "" && strings.Contains(endSeps, w[len(w)-1:]) {
		w, tail = w[:len(w)-1], w[len(w)-1:]
	}
	// the common case, a word whose second letter is no separator, is
	// ruled out before the word is read as runes (the loop would stop
	// there too)
	if len(w) < 2 || w[0] < utf8.RuneSelf && !strings.ContainsRune(innerSeps, rune(w[1])) {
		return "", "", false
	}
	var b strings.Builder
	var sep rune
	count := 0
	for i, r := range []rune(w) {
		if i%2 == 0 {
			if !isSpelledLetter(r) {
				return "", "", false
			}
			b.WriteRune(r)
			count++
			continue
		}
		if sep == 0 && strings.ContainsRune(innerSeps, r) {
			sep = r
		}
		if r != sep {
			return "", "", false
		}
	}
	if count < minSpelled || realLetters(b.String()) < 2 {
		return "", "", false
	}
	return b.String(), tail, true
}

func isSpelledLetter(r rune) bool {
	return unicode.IsLetter(r) || r < utf8.RuneSelf && leet[byte(r)] != 0 && r != '!'
}

func realLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// segment splits letters joined from a spelled-out run into words, choosing
// the split with the lowest cost: 1 per vocabulary word, unknownCost per
// letter that is in none (adjacent unknown letters stay together). Fewer,
// longer words win ties, so "therapist" is not read as "the rapist". Runs
// that are not all a–z are returned whole.
func segment(w string) []string {
	if strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return []string{w}
	}
	var parts []string
	for len(w) > maxSegment {
		parts = append(parts, segmentPiece(w[:maxSegment])...)
		w = w[maxSegment:]
	}
	return append(parts, segmentPiece(w)...)
}

// segmentPiece is segment for at most maxSegment letters.
func segmentPiece(w string) []string {
	n := len(w)
	cost := make([]int, n+1)
	from := make([]int, n+1)
	word := make([]bool, n+1)
	for i := 1; i <= n; i++ {
		cost[i], from[i] = cost[i-1]+unknownCost, i-1
		for l := min(i, maxVocabLen); l >= 1; l-- {
			if vocabulary[w[i-l:i]] && cost[i-l]+1 < cost[i] {
				cost[i], from[i], word[i] = cost[i-l]+1, i-l, true
			}
		}
	}
	var parts []string
	for i := n; i > 0; {
		j := from[i]
		if !word[i] {
			for j > 0 && !word[j] {
				j = from[j]
			}
		}
		parts = append(parts, w[j:i])
		i = j
	}
	for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
		parts[l], parts[r] = parts[r], parts[l]
	}
	return parts
}
