package slack

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/faqbot/faqbot"
	"github.com/slack-go/slack"
)

// Block Kit limits (https://docs.slack.dev/reference/block-kit/).
const (
	maxSectionText = 3000
	maxButtonText  = 75
	maxActions     = 25 // elements in one actions block
	maxValue       = 2000
	maxURL         = 3000
	maxBlocks      = 50

	maxVersionShow = 12 // characters of the knowledge version in the context line
)

// Action ids of the buttons the bot draws. Suggestion buttons are numbered
// (action ids must differ within a block) and carry the section heading as
// their value.
const (
	actionSection    = "faq_section_"
	actionLink       = "faq_link_"
	actionHelpful    = "faq_helpful"
	actionNotHelpful = "faq_not_helpful"
)

// The bot's own short lines.
const (
	thanksText    = "Thanks for the feedback!"
	emptyQuestion = "Ask me a question about the clinic's information pages, for example: what is sex therapy?"
)

// message is one reply as Slack takes it: the text fallback (for
// notifications and old clients) and the blocks. It marshals as the body of
// a slash-command response or a Socket Mode acknowledgement payload.
type message struct {
	ResponseType string        `json:"response_type,omitempty"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
}

// ephemeral marks m as seen only by the person who asked.
func (m message) ephemeral() message {
	m.ResponseType = slack.ResponseTypeEphemeral
	return m
}

// textMessage is a plain reply in the bot's own words, escaped all the same.
func textMessage(s string) message {
	return message{Text: escape(s)}
}

// render lays out a Reply in Block Kit: the lead, the quoted passages, the
// resources with their phone numbers and link buttons, a context line naming
// the section and knowledge version, suggestion buttons, and feedback buttons
// on answers. Everything from the reply is escaped, so no text the person
// wrote (which the engine may echo) can become a live mention.
func render(r faqbot.Reply) message {
	lead := r.Lead
	if lead == "" && len(r.Sources) == 0 && len(r.Resources) == 0 {
		lead = r.Text
	}
	var body, tail []slack.Block
	body = append(body, sections(escape(lead))...)
	for _, s := range r.Sources {
		body = append(body, sections(quote(s.Passage))...)
	}
	for _, res := range r.Resources {
		body = append(body, sections(resourceText(res))...)
	}
	if r.Kind == faqbot.KindAnswer {
		if line := contextLine(r); line != "" {
			tail = append(tail, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, line, false, false)))
		}
	}
	if b := linkButtons(r.Resources); b != nil {
		tail = append(tail, b)
	}
	if b := suggestionButtons(r.Suggestions); b != nil {
		tail = append(tail, b)
	}
	if r.Kind == faqbot.KindAnswer {
		// With insights on, the buttons carry the reply's opaque id, so
		// the click is counted against its section and version.
		yes, no := "helpful", "not_helpful"
		if r.ID != "" {
			yes, no = r.ID, r.ID
		}
		tail = append(tail, slack.NewActionBlock("",
			button(actionHelpful, yes, "Helpful"),
			button(actionNotHelpful, no, "Not helpful"),
		))
	}
	if room := maxBlocks - len(tail); len(body) > room {
		body = body[:room]
	}
	text := r.Text
	if text == "" {
		text = lead
	}
	return message{Text: escape(text), Blocks: append(body, tail...)}
}

// escape makes text safe for mrkdwn: Slack's three control characters
// become entities, so <!channel>, <@U…> and <url|label> stay inert text.
func escape(s string) string { return escaper.Replace(s) }

// unescape undoes Slack's escaping of message text, in one pass so that
// "&amp;lt;" becomes "&lt;" and not "<".
func unescape(s string) string { return unescaper.Replace(s) }

var (
	escaper   = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
)

// quote renders a passage as mrkdwn quote lines, escaped; long lines are cut
// so that every piece keeps its quote marker.
func quote(passage string) string {
	var out []string
	for line := range strings.SplitSeq(strings.TrimSpace(passage), "\n") {
		line = escape(strings.TrimRight(line, " \t\r"))
		if line == "" {
			out = append(out, ">")
			continue
		}
		for _, piece := range cutLine(line, maxSectionText-2) {
			out = append(out, "> "+piece)
		}
	}
	return strings.Join(out, "\n")
}

// resourceText is a resource's name in bold, its phone number and its note.
func resourceText(res faqbot.Resource) string {
	var b strings.Builder
	if res.Name != "" {
		b.WriteString("*" + escape(res.Name) + "*")
	}
	if res.Phone != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(escape(res.Phone))
	}
	if res.Text != "" {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(escape(res.Text))
	}
	return b.String()
}

// contextLine names the answer's sections and the knowledge version.
func contextLine(r faqbot.Reply) string {
	var names []string
	seen := map[string]bool{}
	for _, s := range r.Sources {
		if s.Section != "" && !seen[s.Section] {
			seen[s.Section] = true
			names = append(names, "*"+escape(s.Section)+"*")
		}
	}
	if len(names) == 0 && r.Section != "" {
		names = append(names, "*"+escape(r.Section)+"*")
	}
	var parts []string
	if len(names) > 0 {
		parts = append(parts, "From "+strings.Join(names, ", "))
	}
	if r.Version != "" {
		v := r.Version
		if utf8.RuneCountInString(v) > maxVersionShow {
			v = string([]rune(v)[:maxVersionShow])
		}
		parts = append(parts, "knowledge version "+escape(v))
	}
	return clip(strings.Join(parts, " · "), maxSectionText)
}

// linkButtons is one URL button per resource with an http(s) link.
func linkButtons(resources []faqbot.Resource) *slack.ActionBlock {
	var els []slack.BlockElement
	for i, res := range resources {
		if len(els) == maxActions || !webURL(res.URL) {
			continue
		}
		label := res.Name
		if label == "" {
			label = res.URL
		}
		els = append(els, button(fmt.Sprintf("%s%d", actionLink, i), "", label).WithURL(res.URL))
	}
	if len(els) == 0 {
		return nil
	}
	return slack.NewActionBlock("", els...)
}

// suggestionButtons offers section headings; a click asks for that section.
// A heading too long to round-trip in a button value is left out.
func suggestionButtons(headings []string) *slack.ActionBlock {
	var els []slack.BlockElement
	for i, h := range headings {
		if len(els) == maxActions || h == "" || len(h) > maxValue {
			continue
		}
		els = append(els, button(fmt.Sprintf("%s%d", actionSection, i), h, h))
	}
	if len(els) == 0 {
		return nil
	}
	return slack.NewActionBlock("", els...)
}

// button makes a button with a plain_text label (which Slack shows as is:
// plain_text is neither escaped nor parsed for mentions), clipped to fit.
func button(actionID, value, label string) *slack.ButtonBlockElement {
	return slack.NewButtonBlockElement(actionID, value,
		slack.NewTextBlockObject(slack.PlainTextType, clip(label, maxButtonText), true, false))
}

func webURL(s string) bool {
	if s == "" || len(s) > maxURL {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// sections splits mrkdwn text into section blocks within the text limit.
func sections(text string) []slack.Block {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var out []slack.Block
	for _, chunk := range splitText(text, maxSectionText) {
		out = append(out, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, chunk, false, false), nil, nil))
	}
	return out
}

// splitText packs lines into chunks of at most max characters, cutting a
// line only when it alone is too long.
func splitText(text string, max int) []string {
	var chunks []string
	var cur strings.Builder
	n, started := 0, false
	for line := range strings.SplitSeq(text, "\n") {
		for _, piece := range cutLine(line, max) {
			m := utf8.RuneCountInString(piece)
			if started && n+1+m > max {
				chunks = append(chunks, cur.String())
				cur.Reset()
				n, started = 0, false
			}
			if started {
				cur.WriteByte('\n')
				n++
			}
			cur.WriteString(piece)
			n += m
			started = true
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		chunks = append(chunks, cur.String())
	}
	return chunks
}

// cutLine cuts an escaped line into pieces of at most max characters,
// preferring a space, never inside a rune or an entity such as &amp;.
func cutLine(s string, max int) []string {
	r := []rune(s)
	var out []string
	for len(r) > max {
		cut := max
		for i := max - 1; i > max/2; i-- {
			if r[i] == ' ' {
				cut = i
				break
			}
		}
		for i := cut - 1; i >= 0 && i >= cut-4; i-- {
			if r[i] == ';' {
				break
			}
			if r[i] == '&' {
				if i > 0 {
					cut = i
				}
				break
			}
		}
		out = append(out, string(r[:cut]))
		r = r[cut:]
		if len(r) > 0 && r[0] == ' ' {
			r = r[1:]
		}
	}
	return append(out, string(r))
}

// clip shortens s to at most max characters, ending with an ellipsis.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max-1]) + "…"
}
