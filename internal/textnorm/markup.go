package textnorm

import (
	"regexp"
	"strings"
)

// markup matches the mention and link markup Slack and Discord put in
// message text. Capture groups carry what replaces a match:
//
//	1  the fallback text of a Slack date, <!date^…|fallback>
//	2  a Slack link's target, <https://x|label> or <https://x>
//	3  a Slack link's label
//
// Everything else (user, role and channel mentions, custom emoji, Slack's
// <!here>/<!channel>/<!everyone>/<!subteam^…>, Discord's @everyone and
// @here) is removed. Label text never contains '<' or '>', so a match never
// spans two pieces of markup.
var markup = regexp.MustCompile(
	`<@[!&]?[A-Za-z0-9]+(?:\|[^<>]*)?>` + // Slack <@U123|name>, Discord <@123> <@!123> <@&123>
		`|<#[A-Za-z0-9]+(?:\|[^<>]*)?>` + // channels: Slack <#C123|general>, Discord <#123>
		`|<!(?:channel|here|everyone|subteam\^[A-Za-z0-9]+)(?:\|[^<>]*)?>` + // Slack broadcasts, user groups
		`|<a?:[A-Za-z0-9_~]+:[0-9]+>` + // Discord custom emoji, animated or not
		`|<!date\^[^<>|]*\|([^<>]*)>` + // Slack dates: keep the fallback text
		`|<((?:https?|mailto|ftp|tel):[^<>|\s]*)(?:\|([^<>]*))?>` + // Slack links
		`|@(?i:everyone|here)`) // Discord broadcasts, which need no brackets

// markupAt is markup anchored at the start of the text. Every piece of
// markup starts with '<' or '@', so findMarkup tries it only there: Go's
// regexp would otherwise step its slow matcher through every byte.
var markupAt = regexp.MustCompile(`^(?:` + markup.String() + `)`)

// findMarkup returns what markup.FindAllStringSubmatchIndex(s, -1) would.
func findMarkup(s string) [][]int {
	var all [][]int
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "<@")
		if j < 0 {
			break
		}
		i += j
		m := markupAt.FindStringSubmatchIndex(s[i:])
		if m == nil {
			i++
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		all = append(all, m)
		i = m[1]
	}
	return all
}

// maxMarkupPasses bounds stripMarkup's passes. Removing one piece of markup
// can form another from its neighbours ("<@<#1>!2>" becomes "<@!2>"); real
// messages need one pass, crafted ones a few more, and past this bound
// stripMarkup stops being clever (see stripAngles).
const maxMarkupPasses = 4

// stripMarkup removes mention markup and unwraps Slack links (see markup),
// repeating until nothing is left to remove, so that no ping survives and
// Clean stays idempotent.
func stripMarkup(s string) string {
	for range maxMarkupPasses {
		if !strings.ContainsAny(s, "<@") {
			return s
		}
		idx := findMarkup(s)
		if idx == nil {
			return s
		}
		s = replaceMarkup(s, idx)
	}
	if markup.MatchString(s) {
		return stripAngles(s)
	}
	return s
}

// replaceMarkup rewrites each match in idx. A removed mention that is
// followed by ':' or ',' (the "<@U123>: question" way of addressing the bot)
// takes the punctuation with it; one followed by other punctuation takes the
// space before it, so "thanks <@U1>!" becomes "thanks!", and a link label
// keeps punctuation that follows it attached. Replacements are otherwise
// surrounded by spaces, which Clean collapses later; a space never composes
// with a neighbour under NFKC, so the result stays normalized, and any
// markup that the joins form is caught by stripMarkup's next pass.
func replaceMarkup(s string, idx [][]int) string {
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, m := range idx {
		b.WriteString(s[last:m[0]])
		last = m[1]
		var repl string
		switch {
		case m[2] >= 0:
			repl = s[m[2]:m[3]]
		case m[6] >= 0 && m[7] > m[6]:
			repl = s[m[6]:m[7]]
		case m[4] >= 0:
			repl = s[m[4]:m[5]]
		}
		if repl == "" && last < len(s) && (s[last] == ':' || s[last] == ',') {
			last++
		}
		if last < len(s) && strings.IndexByte(".,!?;:)", s[last]) >= 0 {
			if repl == "" {
				trimTrailingSpace(&b)
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(repl)
			continue
		}
		b.WriteByte(' ')
		b.WriteString(repl)
		b.WriteByte(' ')
	}
	b.WriteString(s[last:])
	return b.String()
}

// trimTrailingSpace drops the spaces at the end of what b holds so far.
func trimTrailingSpace(b *strings.Builder) {
	t := strings.TrimRight(b.String(), " ")
	if len(t) == b.Len() {
		return
	}
	b.Reset()
	b.WriteString(t)
}

// stripAngles is the last resort for crafted input that keeps forming new
// markup: it blanks every '<' and '>' and every @everyone/@here. No markup
// can match afterwards, since all of it needs '<' or a broadcast word, and
// spaces cannot join pieces into either.
func stripAngles(s string) string {
	s = strings.NewReplacer("<", " ", ">", " ").Replace(s)
	return markup.ReplaceAllString(s, " ")
}
