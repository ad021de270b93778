package discord

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
)

// Discord's component limits.
const (
	maxLabel      = 80 // button label characters
	maxRowButtons = 5  // buttons per action row
	maxRows       = 5  // action rows per message
	maxURL        = 512
	maxSuggested  = 10 // "did you mean" buttons on one reply
)

// message is one Discord message before it becomes a MessageSend, an
// interaction response or a webhook edit.
type message struct {
	Content    string
	Components []discordgo.MessageComponent
}

// renderOpts says where a reply will show.
type renderOpts struct {
	// Public is a reply anyone in a server channel can read: it carries a
	// hint that /ask answers privately.
	Public bool
}

// Texts of the bot's own.
const (
	privateTip     = "-# Tip: use /ask to ask privately. Only you will see the answer."
	pickTopic      = "-# Pick a topic below, or try asking in other words."
	feedbackThanks = "Thanks for the feedback, it helps the clinic improve these answers."
	expiredButton  = "That button has expired (the information pages have changed). Use /topics to see what I can answer now."
	needQuestion   = "Please add your question, for example `/ask question: what is sensate focus?`"
	unknownCommand = "I don't know that command."
	noTopics       = "I don't have any topics to list right now."
	adminRefusal   = "Sorry, only moderators can use /faq-admin. If you have a question, /ask is for everyone."
	adminNoLib     = "Knowledge status is not available on this bot."
)

// renderReply lays out one engine reply as one or more Discord messages:
// answers quote their passages and name the section, handoffs show their
// resources as link buttons, no_match and smalltalk offer their suggestions
// as buttons. Every string from the Reply is escaped; the layout around it is
// the bot's own markdown.
func renderReply(r faqbot.Reply, o renderOpts) []message {
	var body string
	var buttons, tail []discordgo.MessageComponent
	switch r.Kind {
	case faqbot.KindAnswer:
		body = answerBody(r)
		key := sectionKey(firstSection(r))
		tail = []discordgo.MessageComponent{
			discordgo.Button{Label: "Helpful", Style: discordgo.SecondaryButton, CustomID: feedbackID(true, key, r.ID), Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
			discordgo.Button{Label: "Not helpful", Style: discordgo.SecondaryButton, CustomID: feedbackID(false, key, r.ID), Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
		}
	case faqbot.KindHandoff:
		body, buttons = handoffBody(r)
	default:
		body = escapeMarkdown(leadOrText(r))
		buttons = suggestionButtons(r.Suggestions, maxSuggested)
		if r.Kind == faqbot.KindNoMatch && len(r.Resources) > 0 {
			// who can help: the clinic's contact (a link button to book
			// or to its site, the phone number as text) and the directory
			lines, links := resourceLines(r.Resources, maxRows*maxRowButtons-len(buttons))
			body += "\n" + lines
			buttons = append(links, buttons...)
		}
		if r.Kind == faqbot.KindNoMatch && len(r.Suggestions) > 0 {
			body += "\n" + pickTopic
		}
	}
	if o.Public {
		body += "\n\n" + privateTip
	}
	return assemble(body, rows(buttons, tail))
}

// renderText is a message of the bot's own words (an apology, "slow down").
func renderText(text string) []message { return []message{{Content: text}} }

// renderIntro answers a bare mention: what the bot is and how to ask.
func renderIntro() []message {
	return []message{{Content: "Hi! " + escapeMarkdown(faqbot.Disclaimer) +
		"\n\nMention me with your question, or use **/ask**: only you will see the answer. **/topics** lists what I can answer."}}
}

// renderTopics lists the knowledge file's sections, with a button for each
// of the first ones.
func renderTopics(sections []string) []message {
	sections = dedupe(sections)
	if len(sections) == 0 {
		return renderText(noTopics)
	}
	var b strings.Builder
	b.WriteString("Here are the topics I can answer questions about:\n")
	for _, s := range sections {
		b.WriteString("- " + escapeMarkdown(oneLine(s)) + "\n")
	}
	b.WriteString(pickTopic)
	return assemble(b.String(), rows(suggestionButtons(sections, maxRows*maxRowButtons), nil))
}

// renderStatus is /faq-admin status.
func renderStatus(st faqbot.Status) []message {
	var b strings.Builder
	b.WriteString("**Knowledge status**\n")
	fmt.Fprintf(&b, "Version: %s\n", orNone(escapeFragment(st.Version)))
	if !st.LoadedAt.IsZero() {
		fmt.Fprintf(&b, "Loaded: <t:%d:f> (<t:%d:R>)\n", st.LoadedAt.Unix(), st.LoadedAt.Unix())
	}
	fmt.Fprintf(&b, "Source: %s\n", orNone(escapeFragment(st.Source)))
	fmt.Fprintf(&b, "Sections: %d · Passages: %d\n", len(st.Sections), st.Passages)
	if st.LastError == "" {
		b.WriteString("Last reload error: none")
	} else {
		fmt.Fprintf(&b, "Last reload error: %s", escapeFragment(st.LastError))
		if !st.LastErrorAt.IsZero() {
			fmt.Fprintf(&b, " (<t:%d:R>)", st.LastErrorAt.Unix())
		}
	}
	return assemble(b.String(), nil)
}

// renderReload is the result of /faq-admin reload.
func renderReload(st faqbot.Status, err error) []message {
	if err != nil {
		return assemble(fmt.Sprintf("**Reload failed**: %s\nStill serving version %s.",
			escapeFragment(err.Error()), orNone(escapeFragment(st.Version))), nil)
	}
	return assemble(fmt.Sprintf("**Reloaded.** Now serving version %s: %d sections, %d passages.",
		orNone(escapeFragment(st.Version)), len(st.Sections), st.Passages), nil)
}

func answerBody(r faqbot.Reply) string {
	if len(r.Sources) == 0 {
		return escapeMarkdown(leadOrText(r))
	}
	var b strings.Builder
	if r.Lead != "" {
		b.WriteString(escapeMarkdown(r.Lead) + "\n")
	}
	var sections []string
	for i, src := range r.Sources {
		if i > 0 {
			b.WriteString("\n") // a blank line starts a new quote block
		}
		for line := range strings.SplitSeq(escapeMarkdown(src.Passage), "\n") {
			if strings.TrimSpace(line) != "" {
				b.WriteString("> " + line + "\n")
			}
		}
		sections = append(sections, src.Section)
	}
	if len(sections) == 0 || r.Section != "" && !slices.Contains(sections, r.Section) {
		sections = append([]string{r.Section}, sections...)
	}
	b.WriteString(sourceLine(dedupe(sections), r.Version))
	return b.String()
}

// sourceLine names the sections and the knowledge version in subtext.
func sourceLine(sections []string, version string) string {
	quoted := make([]string, 0, len(sections))
	for _, s := range sections {
		quoted = append(quoted, "“"+escapeFragment(s)+"”")
	}
	line := "-# "
	switch len(quoted) {
	case 0:
		line += "From the clinic's information pages"
	case 1:
		line += "Section " + quoted[0]
	default:
		line += "Sections " + strings.Join(quoted, ", ")
	}
	if version != "" {
		line += " · knowledge version " + escapeFragment(shortVersion(version))
	}
	return line
}

func handoffBody(r faqbot.Reply) (string, []discordgo.MessageComponent) {
	var b strings.Builder
	b.WriteString(escapeMarkdown(leadOrText(r)))
	if len(r.Resources) == 0 {
		return b.String(), nil
	}
	lines, buttons := resourceLines(r.Resources, maxRows*maxRowButtons)
	b.WriteString("\n" + lines)
	return b.String(), buttons
}

// resourceLines lists resources, one line each with its note and phone
// number, and makes a link button for each web link, at most limit of
// them; a link past the limit stays in its line.
func resourceLines(rs []faqbot.Resource, limit int) (string, []discordgo.MessageComponent) {
	var b strings.Builder
	var buttons []discordgo.MessageComponent
	for _, res := range rs {
		b.WriteString("\n- **" + escapeFragment(res.Name) + "**")
		if res.Text != "" {
			b.WriteString(": " + escapeFragment(res.Text))
		}
		if res.Phone != "" {
			b.WriteString(" · Phone: " + escapeFragment(res.Phone))
		}
		if res.URL == "" {
			continue
		}
		if linkOK(res.URL) && len(buttons) < limit {
			buttons = append(buttons, discordgo.Button{Label: truncRunes(oneLine(res.Name), maxLabel), Style: discordgo.LinkButton, URL: res.URL})
		} else if linkOK(res.URL) {
			b.WriteString(" · <" + res.URL + ">")
		}
	}
	return b.String(), buttons
}

// suggestionButtons makes "did you mean" buttons; each names its section by
// a hash that the click resolves against the live sections.
func suggestionButtons(headings []string, limit int) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for _, h := range dedupe(headings) {
		if len(out) == limit {
			break
		}
		out = append(out, discordgo.Button{Label: truncRunes(oneLine(h), maxLabel), Style: discordgo.SecondaryButton, CustomID: sectionID(h)})
	}
	return out
}

// rows packs buttons into action rows of five, then tail (if any) in a row
// of its own, within Discord's five rows.
func rows(buttons, tail []discordgo.MessageComponent) []discordgo.MessageComponent {
	room := maxRows
	if len(tail) > 0 {
		room--
	}
	var out []discordgo.MessageComponent
	for len(buttons) > 0 && len(out) < room {
		n := min(len(buttons), maxRowButtons)
		out = append(out, discordgo.ActionsRow{Components: buttons[:n]})
		buttons = buttons[n:]
	}
	if len(tail) > 0 {
		out = append(out, discordgo.ActionsRow{Components: tail})
	}
	return out
}

// assemble splits body into messages within the content limit; components go
// on the last one.
func assemble(body string, components []discordgo.MessageComponent) []message {
	pieces := limitChunks(splitContent(body, maxContent))
	if len(pieces) == 0 {
		pieces = []string{"…"}
	}
	out := make([]message, len(pieces))
	for i, p := range pieces {
		out[i].Content = p
	}
	out[len(out)-1].Components = components
	return out
}

// Custom ids. A button carries no text a person wrote, only a fixed prefix
// and a hash: a forged id can at most pick a section that exists, because a
// click resolves the hash against the live headings (or the bot's own
// buttons), never against the id itself.
const (
	idSection   = "faq:s:" // + sectionKey: answer this section
	idHelpful   = "faq:f:y"
	idUnhelpful = "faq:f:n"
	keyLen      = 16
)

// sectionKey is a short, stable hash of a heading.
func sectionKey(heading string) string {
	if heading == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(heading))
	return hex.EncodeToString(sum[:keyLen/2])
}

func sectionID(heading string) string { return idSection + sectionKey(heading) }

// feedbackID is a feedback button's id: the section key, and with
// insights on the reply's opaque id after it.
func feedbackID(helpful bool, key, replyID string) string {
	id := idUnhelpful
	if helpful {
		id = idHelpful
	}
	if key != "" {
		id += ":" + key
		if replyID != "" && validReplyID(replyID) {
			id += ":" + replyID
		}
	}
	return id
}

// replyIDOf is the reply id in a feedback button's id, or "".
func replyIDOf(customID string) string {
	parts := strings.Split(customID, ":")
	if len(parts) != 5 || !strings.HasPrefix(customID, "faq:f:") || !validReplyID(parts[4]) {
		return ""
	}
	return parts[4]
}

// validReplyID accepts what insights make: up to 32 URL-safe base64 runes.
func validReplyID(id string) bool {
	if id == "" || len(id) > 32 {
		return false
	}
	for _, c := range id {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// parseCustomID reads a button id: kind "section" or "feedback", or "" when
// it is not one of ours.
func parseCustomID(id string) (kind, key string, helpful bool) {
	switch {
	case strings.HasPrefix(id, idSection):
		if k := id[len(idSection):]; isKey(k) {
			return "section", k, false
		}
	case id == idHelpful || id == idUnhelpful:
		return "feedback", "", id == idHelpful
	case strings.HasPrefix(id, idHelpful+":") || strings.HasPrefix(id, idUnhelpful+":"):
		k, _, _ := strings.Cut(id[len(idHelpful)+1:], ":") // a reply id may follow
		if isKey(k) {
			return "feedback", k, strings.HasPrefix(id, idHelpful)
		}
	}
	return "", "", false
}

func isKey(k string) bool {
	if len(k) != keyLen {
		return false
	}
	for _, c := range k {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// resolveSection finds the heading among candidates whose key is key.
func resolveSection(key string, candidates []string) (string, bool) {
	for _, c := range candidates {
		if c = strings.TrimSpace(c); c != "" && sectionKey(c) == key {
			return c, true
		}
	}
	return "", false
}

// buttonHeadings are the full headings shown on a message's section buttons
// (labels cut to fit are left out: their hash would not match anyway).
func buttonHeadings(m *discordgo.Message) []string {
	if m == nil {
		return nil
	}
	var out []string
	for _, c := range m.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, rc := range row.Components {
			if btn, ok := rc.(*discordgo.Button); ok && strings.HasPrefix(btn.CustomID, idSection) {
				out = append(out, btn.Label)
			}
		}
	}
	return out
}

// Translation to discordgo's wire types.

// noMentions lets a message ping no one: not @everyone, not a role, not a
// user, not the author it replies to.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func components(c []discordgo.MessageComponent) []discordgo.MessageComponent {
	if c == nil {
		return []discordgo.MessageComponent{}
	}
	return c
}

// toMessageSends turns messages into channel messages; the first replies to
// ref (when set).
func toMessageSends(msgs []message, ref *discordgo.MessageReference) []*discordgo.MessageSend {
	out := make([]*discordgo.MessageSend, len(msgs))
	for i, m := range msgs {
		out[i] = &discordgo.MessageSend{Content: m.Content, Components: components(m.Components), AllowedMentions: noMentions()}
		if i == 0 {
			out[i].Reference = ref
		}
	}
	return out
}

// toInteraction turns messages into an interaction response (type 4 data)
// and follow-ups.
func toInteraction(msgs []message, ephemeral bool) (*discordgo.InteractionResponseData, []*discordgo.WebhookParams) {
	var flags discordgo.MessageFlags
	if ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	first := &discordgo.InteractionResponseData{Content: msgs[0].Content, Components: components(msgs[0].Components), AllowedMentions: noMentions(), Flags: flags}
	var rest []*discordgo.WebhookParams
	for _, m := range msgs[1:] {
		rest = append(rest, &discordgo.WebhookParams{Content: m.Content, Components: components(m.Components), AllowedMentions: noMentions(), Flags: flags})
	}
	return first, rest
}

// toEdit turns a message into the edit of a deferred response.
func toEdit(m message) *discordgo.WebhookEdit {
	c := components(m.Components)
	return &discordgo.WebhookEdit{Content: &m.Content, Components: &c, AllowedMentions: noMentions()}
}

// reference makes a reply point at m. If m is gone, Discord refuses the
// reply: someone who deletes a question they regret asking in public does
// not get a public answer to it.
func reference(m *discordgo.Message) *discordgo.MessageReference {
	return &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: new(true)}
}

// Small helpers.

func leadOrText(r faqbot.Reply) string {
	if strings.TrimSpace(r.Lead) != "" {
		return r.Lead
	}
	return r.Text
}

func firstSection(r faqbot.Reply) string {
	if r.Section != "" {
		return r.Section
	}
	for _, s := range r.Sources {
		if s.Section != "" {
			return s.Section
		}
	}
	return ""
}

func shortVersion(v string) string {
	if len(v) > 12 {
		return v[:12]
	}
	return v
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func linkOK(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && len(raw) <= maxURL && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
