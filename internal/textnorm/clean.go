// Package textnorm is the input hygiene every surface shares. Clean turns
// whatever a person (or a platform) sent into one short line of normalized
// text that the engine can triage, search and echo back safely; Fold turns
// that line into the lower-case, accent-free, de-obfuscated form the safety
// matchers compare against.
//
// Both are pure functions: no I/O, no logging, no state. They never panic on
// any input and do bounded work, because they run on every message before
// anything else has looked at it.
package textnorm

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// byteSlack is how many bytes beyond 4×maxRunes Clean reads before it stops.
// Four bytes is the longest UTF-8 rune; the slack leaves room for mention
// markup and link targets that Clean removes, so a normal message with a
// long Slack link is not cut short.
const byteSlack = 1024

// Clean returns s as one line of normalized text of at most maxRunes runes,
// and whether it had to cut anything to get there. In order, it:
//
//   - reads at most 4×maxRunes+1024 bytes, so a multi-megabyte paste costs
//     no more than a long question;
//   - replaces invalid UTF-8 with spaces;
//   - turns control characters (newlines, tabs) and Unicode spaces into
//     spaces, and drops zero-width and other invisible format characters
//     (U+200B–U+200D, U+2060, U+FEFF, soft hyphen, bidi controls...), which
//     are used to split words so that filters miss them;
//   - applies Unicode NFKC, so full-width and styled letters ("ｓｕｉｃｉｄｅ",
//     "𝐡𝐞𝐥𝐩") become plain ones;
//   - strips Slack and Discord mention markup (see stripMarkup), so the bot
//     never echoes a ping and the words of the question are all that is left;
//   - collapses runs of spaces and trims;
//   - cuts to maxRunes on a word boundary when the text is longer.
//
// maxRunes <= 0 means no limit. Clean is idempotent: Clean(Clean(s)) is
// Clean(s) with truncated false. It does not decode Slack's &amp; &lt; &gt;
// escapes: that is the Slack adapter's job, because only it knows the text
// came from Slack.
func Clean(s string, maxRunes int) (out string, truncated bool) {
	s, dropped, midWord := capBytes(s, maxRunes)
	s = strings.ToValidUTF8(s, " ")
	s = dropInvisible(s)
	s = norm.NFKC.String(s)
	s = stripMarkup(s)
	s = collapseSpace(s)
	s, cut := capRunes(s, maxRunes, midWord)
	return s, cut || dropped
}

// capBytes cuts s to the byte budget for maxRunes, on a rune boundary.
// dropped reports that what was cut off is more than whitespace; midWord,
// that the cut fell inside a word, so capRunes drops the fragment.
func capBytes(s string, maxRunes int) (_ string, dropped, midWord bool) {
	if maxRunes <= 0 || maxRunes > (math.MaxInt-byteSlack)/4 {
		return s, false, false
	}
	limit := 4*maxRunes + byteSlack
	if len(s) <= limit {
		return s, false, false
	}
	i := limit
	for i > limit-utf8.UTFMax && !utf8.RuneStart(s[i]) {
		i--
	}
	if strings.TrimSpace(s[i:]) == "" {
		return s[:i], false, false
	}
	return s[:i], true, !isASCIISpace(s[i])
}

// dropInvisible maps control characters and every Unicode space to ' ' and
// removes format characters (category Cf: zero-width space and joiners, word
// joiner, BOM, soft hyphen, bidi controls, tag characters) and the few
// letters that render as nothing (Hangul fillers, the combining grapheme
// joiner). Removing rather than spacing them re-joins words that were split
// to dodge filters: "sui\u200bcide" becomes "suicide".
func dropInvisible(s string) string {
	clean := true
	for _, r := range s {
		if r >= utf8.RuneSelf || r < ' ' || r == 0x7f {
			if invisible(r) || r == utf8.RuneError || unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) {
				clean = false
				break
			}
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case invisible(r):
		case unicode.IsSpace(r), unicode.Is(unicode.Cc, r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// invisible reports whether r renders as nothing and carries no meaning in
// a question.
func invisible(r rune) bool {
	switch r {
	case 0x034F, // combining grapheme joiner
		0x115F, 0x1160, 0x3164, 0xFFA0: // Hangul fillers
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// collapseSpace turns every run of whitespace into one ' ' and trims both
// ends.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if b.Len() == len(s) {
		return s
	}
	return b.String()
}

// capRunes cuts s to maxRunes runes. It prefers to cut at the last space,
// unless that would throw away more than half the text (one enormous word),
// and never separates a combining mark from its base. partial says s was
// already cut mid-word by capBytes, so its last word is dropped even when s
// fits.
func capRunes(s string, maxRunes int, partial bool) (string, bool) {
	end, over := len(s), false
	if maxRunes > 0 {
		n := 0
		for i := range s {
			if n == maxRunes {
				end, over = i, true
				break
			}
			n++
		}
	}
	if !over && !partial {
		return s, false
	}
	if over && s[end] == ' ' {
		return strings.TrimRight(s[:end], " "), true
	}
	if j := strings.LastIndexByte(s[:end], ' '); j > 0 && j >= end/2 {
		return strings.TrimRight(s[:j], " "), true
	}
	for end > 0 {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if end == len(s) || !unicode.Is(unicode.M, r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
	}
	out := strings.TrimRight(s[:end], " ")
	if !norm.NFKC.IsNormalString(out) {
		out = norm.NFKC.String(out)
	}
	return out, true
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
