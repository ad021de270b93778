package discord

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// maxContent is Discord's limit on a message's content. Discord counts
// characters; textLen counts UTF-16 code units, which is never fewer, so a
// chunk that fits here fits there.
const maxContent = 2000

// maxChunks caps how many messages one reply becomes; the last is trimmed.
const maxChunks = 4

// urlRE finds links, which are never escaped and never cut.
var urlRE = regexp.MustCompile(`(?i)\bhttps?://[^\s<>]+`)

// everyoneRE finds mass mentions. allowed_mentions already stops the ping;
// a zero-width space after the @ also stops the highlight.
var everyoneRE = regexp.MustCompile(`(?i)@(everyone|here)\b`)

// numberedRE finds an ordered-list marker at the start of a line.
var numberedRE = regexp.MustCompile(`^[0-9]+[.)] `)

// mdInline are the characters escaped anywhere outside links: emphasis,
// strike, code, spoilers, quotes, masked links, and < which opens mentions,
// channel links, timestamps and custom emoji.
const mdInline = "\\*_~`|<>[]"

// escapeMarkdown makes s render literally in Discord: a question's
// `@everyone`, `<@&role>`, `**` or `[text](link)` shows as typed instead of
// pinging, formatting or hiding a link. Links themselves stay intact so that
// Discord still makes them clickable.
func escapeMarkdown(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		escapeLine(&b, line)
	}
	return b.String()
}

// escapeFragment escapes text that goes in the middle of a line (a name, a
// heading in quotes, a phone number): inline markers only, on one line.
func escapeFragment(s string) string {
	var b strings.Builder
	escapeSpans(&b, strings.Join(strings.Fields(s), " "))
	return b.String()
}

func escapeLine(b *strings.Builder, line string) {
	body := strings.TrimLeft(line, " \t")
	b.WriteString(line[:len(line)-len(body)])
	// Block markers only count at the start of a line: headings, subtext,
	// lists.
	if body != "" && strings.ContainsRune("#-+", rune(body[0])) {
		b.WriteByte('\\')
	} else if m := numberedRE.FindString(body); m != "" {
		b.WriteString(m[:len(m)-2])
		b.WriteByte('\\')
		body = body[len(m)-2:]
	}
	escapeSpans(b, body)
}

// escapeSpans escapes s outside its links.
func escapeSpans(b *strings.Builder, s string) {
	last := 0
	for _, loc := range urlRE.FindAllStringIndex(s, -1) {
		escapeInline(b, s[last:loc[0]])
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	escapeInline(b, s[last:])
}

func escapeInline(b *strings.Builder, s string) {
	s = everyoneRE.ReplaceAllString(s, "@\u200b$1")
	for _, r := range s {
		if strings.ContainsRune(mdInline, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}

// textLen is s's length as Discord's limit counts it (UTF-16 code units).
func textLen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// fitBytes returns the byte length of the longest prefix of s that fits in
// limit (on a rune boundary).
func fitBytes(s string, limit int) int {
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > limit {
			return i
		}
		n += w
	}
	return len(s)
}

// splitContent cuts s into pieces of at most limit, preferring a paragraph
// break, then a line break, then a space; never inside a link. A line cut in
// the middle keeps its quote ("> ") or subtext ("-# ") marker on the next
// piece.
func splitContent(s string, limit int) []string {
	var out []string
	for fitBytes(s, limit) < len(s) {
		cut, next := cutPoint(s, limit)
		carry := ""
		if next > 0 && s[next-1] != '\n' {
			carry = linePrefix(s, cut)
		}
		if piece := strings.TrimRight(s[:cut], " \n"); piece != "" {
			out = append(out, piece)
		}
		rest := strings.TrimLeft(s[next:], " \n")
		if rest == "" {
			return out
		}
		s = carry + rest
	}
	if s = strings.TrimRight(s, " \n"); s != "" {
		out = append(out, s)
	}
	return out
}

// trimContent cuts s to at most limit on a word boundary, never inside a
// link, and marks the cut with an ellipsis.
func trimContent(s string, limit int) string {
	if textLen(s) <= limit {
		return s
	}
	cut, _ := cutPoint(s, limit-1)
	return strings.TrimRight(s[:cut], " \n") + "…"
}

// cutPoint picks where to cut s so that s[:cut] fits in limit; the next piece
// starts at next.
func cutPoint(s string, limit int) (cut, next int) {
	max := fitBytes(s, limit)
	if max >= len(s) {
		return len(s), len(s)
	}
	window := s[:max]
	half := max / 2
	if i := strings.LastIndex(window, "\n\n"); i >= half && i > 0 {
		return i, i + 2
	}
	if i := strings.LastIndexByte(window, '\n'); i >= half && i > 0 {
		return i, i + 1
	}
	// The last space that is not part of a line's own marker ("> ", "-# ").
	for i := strings.LastIndexByte(window, ' '); i > 0; i = strings.LastIndexByte(window[:i], ' ') {
		ls := strings.LastIndexByte(window[:i], '\n') + 1
		if p := linePrefix(s, i); p != "" && i < ls+len(p) {
			continue
		}
		if strings.TrimSpace(window[ls:i]) == "" {
			continue // only indentation before it
		}
		return i, i + 1
	}
	if i := strings.LastIndexByte(window, '\n'); i > 0 {
		return i, i + 1
	}
	// No whitespace at all: cut hard, but before a link rather than in it.
	// (A link longer than the limit itself is cut: nothing else fits.)
	cut = max
	for _, loc := range urlRE.FindAllStringIndex(s[:min(len(s), max+2*maxURL)], -1) {
		if loc[0] < cut && cut < loc[1] {
			if before := strings.TrimSpace(s[:loc[0]]); before != "" && before != ">" && before != "-#" {
				cut = loc[0]
			}
			break
		}
	}
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if cut == 0 {
		cut = max
	}
	if cut == 0 { // a limit too small for one character: move on anyway
		_, cut = utf8.DecodeRuneInString(s)
	}
	return cut, cut
}

// linePrefix is the quote or subtext marker of the line holding byte i.
func linePrefix(s string, i int) string {
	line := s[strings.LastIndexByte(s[:i], '\n')+1:]
	for _, p := range []string{"> ", "-# "} {
		if strings.HasPrefix(line, p) {
			return p
		}
	}
	return ""
}

// limitChunks caps pieces at maxChunks, marking the cut.
func limitChunks(pieces []string) []string {
	if len(pieces) <= maxChunks {
		return pieces
	}
	pieces = pieces[:maxChunks]
	pieces[maxChunks-1] = trimContent(pieces[maxChunks-1]+"\n…", maxContent)
	return pieces
}

// truncRunes shortens a button label to n characters.
func truncRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
