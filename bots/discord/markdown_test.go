package discord

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "How does sensate focus work?", "How does sensate focus work?"},
		{"everyone", "@everyone and @here, look", "@\u200beveryone and @\u200bhere, look"},
		{"everyone caps", "@EVERYONE", "@\u200bEVERYONE"},
		{"role mention", "<@&539082325061836999> help", `\<@&539082325061836999\> help`},
		{"user mention", "<@123> and <@!123>", `\<@123\> and \<@!123\>`},
		{"channel and emoji", "<#1> <:x:2> <t:1700000000:R>", `\<#1\> \<:x:2\> \<t:1700000000:R\>`},
		{"emphasis", "**bold** _it_ __u__ ~~s~~", `\*\*bold\*\* \_it\_ \_\_u\_\_ \~\~s\~\~`},
		{"code and spoiler", "`x` ```y``` ||secret||", "\\`x\\` \\`\\`\\`y\\`\\`\\` \\|\\|secret\\|\\|"},
		{"masked link", "[988](https://evil.example/x)", `\[988\](https://evil.example/x)`},
		{"link untouched", "see https://example.org/a_b*c~d|e?x=1&y=_2_ now", "see https://example.org/a_b*c~d|e?x=1&y=_2_ now"},
		{"two links", "http://a.example/_x_ and https://b.example/*y*", "http://a.example/_x_ and https://b.example/*y*"},
		{"heading", "# Big\n## Bigger", "\\# Big\n\\## Bigger"},
		{"subtext", "-# small", `\-# small`},
		{"list", "- one\n+ two\n* three", "\\- one\n\\+ two\n\\* three"},
		{"numbered", "1. first\n10) tenth", "1\\. first\n10\\) tenth"},
		{"quote", "> quoted\n>>> block", "\\> quoted\n\\>\\>\\> block"},
		{"indented marker", "   - item", `   \- item`},
		{"backslash", `a\b`, `a\\b`},
		{"snake", "snake_case word", `snake\_case word`},
		{"crlf", "a\r\nb", "a\nb"},
		{"hyphen mid-line", "a - b", "a - b"},
		{"emoji", "❤️ 👍🏽", "❤️ 👍🏽"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeMarkdown(tt.in); got != tt.want {
				t.Errorf("escapeMarkdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeFragment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"+1 555 0100", "+1 555 0100"},
		{"800-656-4673", "800-656-4673"},
		{"Pain  during\nsex", "Pain during sex"},
		{"# Heading", "# Heading"},
		{"a <@1> **b**", `a \<@1\> \*\*b\*\*`},
		{"knowledge.md: see https://x.org/a_b", "knowledge.md: see https://x.org/a_b"},
	}
	for _, tt := range tests {
		if got := escapeFragment(tt.in); got != tt.want {
			t.Errorf("escapeFragment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextLen(t *testing.T) {
	if n := textLen("a😀é"); n != 4 {
		t.Errorf("textLen = %d, want 4 (an emoji outside the BMP counts 2)", n)
	}
}

// words builds n characters of prose.
func words(n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString("touch slowly and notice ")
	}
	return b.String()[:n]
}

func TestSplitContent(t *testing.T) {
	url := "https://example.org/a/very/long/path_with_underscores?and=query&more=1"
	tests := []struct {
		name   string
		in     string
		pieces int
	}{
		{"fits", "short", 1},
		{"exactly the limit", strings.Repeat("a", maxContent), 1},
		{"paragraphs", words(1500) + "\n\n" + words(1500), 2},
		{"url across the limit", words(1990) + " " + url + " " + words(100), 2},
		{"long line of words", words(4500), 3},
		{"no spaces", strings.Repeat("x", 4100), 3},
		{"astral", strings.Repeat("😀 ", 1500), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pieces := splitContent(tt.in, maxContent)
			if len(pieces) != tt.pieces {
				t.Errorf("%d pieces, want %d", len(pieces), tt.pieces)
			}
			for i, p := range pieces {
				if n := textLen(p); n > maxContent || n == 0 {
					t.Errorf("piece %d: %d characters", i, n)
				}
				if !utf8.ValidString(p) {
					t.Errorf("piece %d: invalid UTF-8", i)
				}
			}
			if strings.Contains(tt.in, url) {
				found := false
				for _, p := range pieces {
					found = found || strings.Contains(p, url)
				}
				if !found {
					t.Errorf("the link was cut: %q", pieces)
				}
			}
			if !strings.Contains(tt.in, " ") && strings.Join(pieces, "") != tt.in {
				t.Error("a hard cut lost characters")
			}
		})
	}
}

func TestSplitKeepsLinksWhole(t *testing.T) {
	// A link that would straddle every possible cut in a space-less text
	// is moved whole to the next piece.
	url := "https://example.org/" + strings.Repeat("p", 50)
	in := strings.Repeat("y", 1980) + "(" + url + ")"
	pieces := splitContent(in, maxContent)
	if len(pieces) != 2 || pieces[1] != url+")" {
		t.Errorf("pieces: %d, second %q", len(pieces), pieces[len(pieces)-1])
	}
}

func TestSplitCarriesQuoteMarker(t *testing.T) {
	in := "From the section:\n> " + words(3000) + "\n-# Section “Sensate focus”"
	pieces := splitContent(in, maxContent)
	if len(pieces) != 2 {
		t.Fatalf("%d pieces", len(pieces))
	}
	if !strings.HasPrefix(pieces[1], "> ") {
		t.Errorf("the continued quote lost its marker: %.40q", pieces[1])
	}
	if !strings.HasSuffix(pieces[1], "-# Section “Sensate focus”") {
		t.Errorf("the source line moved: %q", pieces[1][len(pieces[1])-40:])
	}
}

func TestTrimContent(t *testing.T) {
	url := "https://988lifeline.org/get-help/"
	tests := []struct {
		name, in string
		limit    int
		want     string
	}{
		{"fits", "hello there", 20, "hello there"},
		{"word boundary", "hello there friend", 14, "hello there…"},
		{"not inside a link", "call " + url + " now", 20, "call…"},
		{"link kept when it fits", "call " + url + " now", 40, "call " + url + "…"},
		{"one long word", "abcdefghij", 5, "abcd…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := trimContent(tt.in, tt.limit)
			if got != tt.want {
				t.Errorf("trimContent(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
			if textLen(got) > tt.limit {
				t.Errorf("%d characters over %d", textLen(got), tt.limit)
			}
		})
	}
}

func TestLimitChunks(t *testing.T) {
	pieces := splitContent(words(20000), maxContent)
	got := limitChunks(pieces)
	if len(got) != maxChunks {
		t.Fatalf("%d chunks", len(got))
	}
	last := got[maxChunks-1]
	if !strings.HasSuffix(last, "…") || textLen(last) > maxContent {
		t.Errorf("last chunk: %d characters, ends %q", textLen(last), last[len(last)-10:])
	}
}

func TestTruncRunes(t *testing.T) {
	if got := truncRunes(strings.Repeat("é", 100), maxLabel); utf8.RuneCountInString(got) != maxLabel || !strings.HasSuffix(got, "…") {
		t.Errorf("truncRunes: %d runes", utf8.RuneCountInString(got))
	}
	if got := truncRunes("RAINN", maxLabel); got != "RAINN" {
		t.Errorf("truncRunes shortened %q", got)
	}
}

// FuzzSplitEscape feeds untrusted text through escaping and splitting: the
// pieces always fit, stay valid UTF-8, keep every word, and never cut a
// link that fits in a message.
func FuzzSplitEscape(f *testing.F) {
	for _, s := range []string{
		"@everyone <@&1> **x**",
		words(2500),
		strings.Repeat("https://example.org/x ", 200),
		"> " + words(2100),
		"-# " + strings.Repeat("é", 2100),
		strings.Repeat("\n", 3000),
		strings.Repeat("😀", 1500),
	} {
		f.Add(s, 2000)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if !utf8.ValidString(s) || len(s) > 20000 {
			return
		}
		limit = 10 + int(uint(limit)%2000)
		esc := escapeMarkdown(s)
		pieces := splitContent(esc, limit)
		for _, p := range pieces {
			if textLen(p) > limit {
				t.Fatalf("piece of %d over %d", textLen(p), limit)
			}
			if !utf8.ValidString(p) {
				t.Fatal("invalid UTF-8")
			}
		}
		joined := strings.Join(pieces, " ")
		for _, u := range urlRE.FindAllString(esc, -1) {
			if textLen(u) < limit-3 && !strings.Contains(joined, u) {
				t.Fatalf("link %q was cut", u)
			}
		}
		if allWordsShort(esc, limit) {
			want := strings.Join(fields(esc), " ")
			got := strings.Join(fields(stripCarried(pieces)), " ")
			if got != want {
				t.Fatalf("words changed:\n got %q\nwant %q", got, want)
			}
		}
	})
}

// fields splits where the splitter may cut: spaces and line breaks.
func fields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' })
}

func allWordsShort(s string, limit int) bool {
	for _, w := range fields(s) {
		if textLen(w) > limit/2-4 {
			return false
		}
	}
	return true
}

// stripCarried removes the quote/subtext markers split re-adds to the
// pieces after the first.
func stripCarried(pieces []string) string {
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			for _, m := range []string{"> ", "-# "} {
				if strings.HasPrefix(p, m) {
					// Only a carried marker: the original text had this
					// line's marker before the cut.
					prev := pieces[i-1]
					line := prev[strings.LastIndexByte(prev, '\n')+1:]
					if strings.HasPrefix(line, m) {
						p = p[len(m):]
					}
					break
				}
			}
		}
		b.WriteString(p + " ")
	}
	return b.String()
}
