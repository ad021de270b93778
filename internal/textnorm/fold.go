package textnorm

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the form of s that matchers compare against: the same words,
// with the disguises people use to get past keyword filters taken off. It is
// meant for text that went through Clean, and is not for showing to anyone.
// In order, it:
//
//   - decomposes (NFKD) and drops combining marks and format characters, so
//     "suïcïde", "ｓｕｉｃｉｄｅ" and "𝓈𝓊𝒾𝒸𝒾𝒹ℯ" all read "suicide";
//   - lower-cases, spells out a few letters NFKD leaves alone (ß→ss, ø→o,
//     small capitals "ᴋɪʟʟ"→"kill") and writes curly quotes as ASCII ones, so
//     "don’t" matches "don't";
//   - joins letters spelled out one by one ("k i l l m y s e l f",
//     "s.u.i.c.i.d.e", "r-a-p-e") and splits the result into words where a
//     small vocabulary of common and safety-relevant words allows (see
//     joinSpaced), giving "kill myself" and "suicide";
//   - inside words that have Latin letters, reads Cyrillic and Greek
//     look-alikes as Latin ("ѕuісіdе") and common leetspeak as letters
//     ("k1ll", "$uicide", "r@pe", "s3x"; see unleet), but leaves numbers
//     alone ("4 hours", "100mg", "3rd", "24/7");
//   - collapses whitespace.
//
// Normal text keeps its words, order and punctuation: Fold only changes how
// they are spelled. Matchers should use word boundaries, since punctuation
// stays attached to words ("kill myself." folds to "kill myself.").
func Fold(s string) string {
	words := joinSpaced(strings.Fields(foldLetters(s)))
	for i, w := range words {
		words[i] = unleet(unconfuse(w))
	}
	return strings.Join(words, " ")
}

// foldLetters is Fold's first step: the decomposed, lower-cased letters of
// s, with marks and format characters dropped and spaces and controls as
// spaces. Most messages are ASCII, where NFKD changes nothing and no
// character is a mark: they take a byte loop that gives the same result
// (FuzzFoldLetters holds the two to each other).
func foldLetters(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return foldRunes(s)
		}
	}
	b := []byte(s)
	for i, c := range b {
		switch {
		case c < 0x20 || c == 0x7f:
			b[i] = ' '
		case 'A' <= c && c <= 'Z':
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// foldRunes is foldLetters for any text.
func foldRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me) || invisible(r):
			continue
		case unicode.IsSpace(r) || unicode.Is(unicode.Cc, r):
			b.WriteByte(' ')
			continue
		}
		r = unicode.ToLower(r)
		if m, ok := spelled[r]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spelled maps lower-case letters and marks that NFKD does not decompose to
// the ASCII a reader sees in them.
var spelled = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ȷ': "j",
	'\u2018': "'", '\u2019': "'", '\u201B': "'", '\u02BC': "'", '\u00B4': "'", '\u2032': "'",
	'\u201C': `"`, '\u201D': `"`, '\u201F': `"`, '\u2033': `"`,
	// small capitals, which are separate letters rather than a style
	'ᴀ': "a", 'ʙ': "b", 'ᴄ': "c", 'ᴅ': "d", 'ᴇ': "e", 'ғ': "f", 'ɢ': "g",
	'ʜ': "h", 'ɪ': "i", 'ᴊ': "j", 'ᴋ': "k", 'ʟ': "l", 'ᴍ': "m", 'ɴ': "n",
	'ᴏ': "o", 'ᴘ': "p", 'ʀ': "r", 'ꜱ': "s", 'ᴛ': "t", 'ᴜ': "u", 'ᴠ': "v",
	'ᴡ': "w", 'ʏ': "y", 'ᴢ': "z",
}

// confusable maps lower-case Cyrillic and Greek letters that look like Latin
// ones to those Latin letters.
var confusable = map[rune]rune{
	'а': 'a', 'в': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'ё': 'e', 'һ': 'h', 'н': 'h',
	'і': 'i', 'ї': 'i', 'ј': 'j', 'к': 'k', 'ӏ': 'l', 'м': 'm', 'о': 'o', 'р': 'p',
	'ԛ': 'q', 'ѕ': 's', 'т': 't', 'у': 'y', 'х': 'x', 'ԝ': 'w',
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o',
	'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w',
}

// unconfuse reads look-alike letters in w as Latin when w has Latin letters
// (a mixed-script word is a disguise) or when every letter in it is a
// look-alike. A word in real Cyrillic or Greek has letters with no Latin
// twin and is left as it is.
func unconfuse(w string) string {
	latin, foreign, lookalike := false, false, false
	for _, r := range w {
		switch {
		case isASCIILetter(r):
			latin = true
		case confusable[r] != 0:
			lookalike = true
		case unicode.IsLetter(r):
			foreign = true
		}
	}
	if !lookalike || (!latin && foreign) {
		return w
	}
	return strings.Map(func(r rune) rune {
		if c := confusable[r]; c != 0 {
			return c
		}
		return r
	}, w)
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
