package discord

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
)

// Limits of the report and the inbox list.
const (
	maxOptions     = 25  // options in one select menu
	maxOptionLabel = 100 // characters of an option's label
	reportTop      = 5   // groups of each list in the report
	reportSections = 20  // section/version lines in the report
	inboxShown     = 4   // groups in one inbox list: a menu row each, and one row of Dismiss buttons
	groupText      = 200 // characters of a group's text shown
)

// Texts of the bot's own, for report and inbox.
const (
	insightsOff    = "Insights are off on this bot, so there is no report or inbox. A moderator turns them on by setting insights.path or insights.dsn in the bot's config."
	insightsFailed = "Sorry, I could not read the insights just now. Please try again in a moment."
	reportUsage    = "Usage: `/faq-admin report since:168h`. `since` is how far back to look, as a Go duration: `24h` (a day), `168h` (a week, the default), `720h` (30 days). The units are h, m and s (there is no d)."
	staleInbox     = "The knowledge file changed since this list; run /faq-admin inbox again."
	goneFromInbox  = "That question is no longer in the inbox (someone settled it, or it expired)."
	dismissed      = "Dismissed."
	noneYet        = "none yet"
)

// kindOrder is the order replies by kind are listed in; kinds the bot does
// not know follow, sorted.
var kindOrder = []string{
	string(faqbot.KindAnswer), string(faqbot.KindHandoff), string(faqbot.KindDecline),
	string(faqbot.KindSmalltalk), string(faqbot.KindNoMatch),
}

// renderReport is /faq-admin report: replies by kind, the no_match rate,
// feedback per section and version, and the top unanswered and Not
// helpful groups. Group text is what people wrote (redacted): escaped.
func renderReport(ins faqbot.Insights, window time.Duration) []message {
	var b strings.Builder
	fmt.Fprintf(&b, "**Insights, last %s**", faqbot.Window(window))
	if !ins.Since.IsZero() {
		fmt.Fprintf(&b, " (since <t:%d:f>)", ins.Since.Unix())
	}
	b.WriteString("\n")

	total := ins.Total()
	if total == 0 {
		b.WriteString("Replies: " + noneYet + "\n")
	} else {
		parts := []string{fmt.Sprintf("Replies: %d", total)}
		for _, k := range replyKinds(ins.Replies) {
			parts = append(parts, fmt.Sprintf("%s %d", escapeFragment(k), ins.Replies[k]))
		}
		b.WriteString(strings.Join(parts, " · ") + "\n")
		fmt.Fprintf(&b, "no\\_match rate: %.1f%%\n", 100*ins.NoMatchRate())
	}

	b.WriteString("\n**Helpful / Not helpful by section and version**\n")
	if len(ins.Sections) == 0 {
		b.WriteString(noneYet + "\n")
	}
	for i, s := range ins.Sections {
		if i == reportSections {
			fmt.Fprintf(&b, "…and %d more\n", len(ins.Sections)-reportSections)
			break
		}
		fmt.Fprintf(&b, "- “%s” · version %s · Helpful %d · Not helpful %d\n",
			escapeFragment(s.Section), orNone(escapeFragment(shortVersion(s.Version))), s.Helpful, s.Unhelpful)
	}

	b.WriteString("\n**Top unanswered** (times asked · people · latest wording)\n")
	groupLines(&b, ins.Unanswered, false)
	b.WriteString("\n**Top answers marked Not helpful** (times · people · section that answered · wording)\n")
	groupLines(&b, ins.NotHelpful, true)
	b.WriteString("\n-# /faq-admin inbox settles them; `faqbot report` on the server shows more.")
	return assemble(b.String(), nil)
}

func groupLines(b *strings.Builder, gs []faqbot.Group, section bool) {
	if len(gs) == 0 {
		b.WriteString(noneYet + "\n")
	}
	for i, g := range gs {
		if i == reportTop {
			break
		}
		fmt.Fprintf(b, "- %d× · %s", g.Count, people(g.Askers))
		if section {
			fmt.Fprintf(b, " · “%s”", orNone(escapeFragment(g.Section)))
		}
		fmt.Fprintf(b, " · “%s”\n", quoteGroup(g.Text))
	}
}

// renderInbox lists the groups to settle, unanswered first, then answers
// marked Not helpful. Each of the first few gets a menu of the live
// sections (Assign) and a Dismiss button; Discord allows five rows, so
// that is four menus and one row of four buttons. The ids carry version,
// the one sections came from.
func renderInbox(ins faqbot.Insights, sections []string, version string) []message {
	type item struct {
		g          faqbot.Group
		notHelpful bool
	}
	var items []item
	for _, g := range ins.Unanswered {
		items = append(items, item{g, false})
	}
	for _, g := range ins.NotHelpful {
		items = append(items, item{g, true})
	}
	if len(items) == 0 {
		return renderText("**Inbox**: " + noneYet + ". No unanswered questions, and no answers marked Not helpful.")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**Inbox**: %d unanswered, %d marked Not helpful.\n", len(ins.Unanswered), len(ins.NotHelpful))
	opts := sectionOptions(sections)
	var menus, dismiss []discordgo.MessageComponent
	for n, it := range items[:min(len(items), inboxShown)] {
		g := it.g
		fmt.Fprintf(&b, "\n**%d.** ", n+1)
		if it.notHelpful {
			fmt.Fprintf(&b, "Marked Not helpful · answered from “%s”", orNone(escapeFragment(g.Section)))
		} else {
			b.WriteString("Unanswered")
		}
		fmt.Fprintf(&b, " · %d× · %s", g.Count, people(g.Askers))
		if validGroupID(g.ID) {
			fmt.Fprintf(&b, " · id `%s`", g.ID)
		}
		fmt.Fprintf(&b, "\n“%s”\n", quoteGroup(g.Text))
		assign, ok := inboxID("assign", version, g.ID)
		if !ok {
			continue // an id no custom id can hold: the CLI settles it
		}
		drop, _ := inboxID("dismiss", version, g.ID)
		if len(opts) > 0 {
			one := 1
			menus = append(menus, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
				MenuType: discordgo.StringSelectMenu, CustomID: assign, MinValues: &one, MaxValues: 1,
				Placeholder: fmt.Sprintf("%d. Assign to a section…", n+1), Options: opts,
			}}})
		}
		dismiss = append(dismiss, discordgo.Button{Label: fmt.Sprintf("Dismiss %d", n+1), Style: discordgo.SecondaryButton, CustomID: drop})
	}
	b.WriteString("\n")
	switch {
	case len(opts) == 0:
		b.WriteString("-# No sections are available to assign to here, so these can only be dismissed; `faqbot inbox assign` on the server adds them.\n")
	default:
		b.WriteString("-# Pick a section to add the question there as an @ask line (the file is checked and published at once), or dismiss it.\n")
		if n := len(sections); n > maxOptions {
			fmt.Fprintf(&b, "-# The menus offer the first %d of %d sections; `faqbot inbox assign ID \"SECTION\"` on the server takes any.\n", maxOptions, n)
		}
	}
	if more := len(items) - inboxShown; more > 0 {
		fmt.Fprintf(&b, "-# %d more: settle these and run /faq-admin inbox again, or `faqbot inbox` on the server lists them all.\n", more)
	}
	var comps []discordgo.MessageComponent
	comps = append(comps, menus...)
	if len(dismiss) > 0 {
		comps = append(comps, discordgo.ActionsRow{Components: dismiss})
	}
	if len(comps) == 0 {
		comps = nil
	}
	return assemble(b.String(), comps)
}

// renderAssigned is a successful Assign.
func renderAssigned(a faqbot.Assigned) []message {
	return assemble(fmt.Sprintf("Added “@ask: %s” under “%s” (version %s). The bot answers it once the watcher has the new file.",
		quoteGroup(a.Ask), escapeFragment(a.Section), orNone(escapeFragment(shortVersion(a.Version)))), nil)
}

// renderAssignFailed shows why an Assign did not publish: the check's
// error, which names file lines (never a person).
func renderAssignFailed(err error) []message {
	return renderText(trimContent("Could not assign: "+escapeMarkdown(strings.TrimSpace(err.Error())), maxContent/2))
}

// quoteGroup is a group's text for the middle of a line: on one line,
// shortened, escaped (in that order, so no escape is cut in two).
func quoteGroup(s string) string { return escapeFragment(truncRunes(oneLine(s), groupText)) }

func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

// replyKinds are the kinds with replies, in kindOrder, then the rest.
func replyKinds(m map[string]int) []string {
	var out, other []string
	for _, k := range kindOrder {
		if m[k] > 0 {
			out = append(out, k)
		}
	}
	for k, n := range m {
		if n > 0 && !slices.Contains(kindOrder, k) {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	return append(out, other...)
}
