package slack

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/slack-go/slack"
)

// The report's bounds: its default window, and how much of each list it
// shows (the rest is in `faqbot report` on the server).
const (
	reportWindow    = 7 * 24 * time.Hour
	reportTop       = 5  // unanswered groups, and answers marked Not helpful
	reportSections  = 25 // section × version feedback lines
	maxGroupText    = 200
	versionPrefix   = 8 // characters of a knowledge version in values and lines
	insightsTimeout = 15 * time.Second
)

const reportFailed = "Could not read the insights report; the server's log says why."

// reportCommand is /faq-admin report [DURATION].
func (b *Bot) reportCommand(cmd slack.SlashCommand, args []string) *message {
	window, ok := reportArg(args)
	if !ok {
		m := textMessage(fmt.Sprintf("Usage: %s report [DURATION], where DURATION is how far back to look, as a Go duration such as 24h or 720h (default 168h, one week).", b.cfg.AdminCommand)).ephemeral()
		return &m
	}
	return b.replyWithin("admin_command", cmd.ResponseURL, func(ctx context.Context) message {
		ctx, cancel := context.WithTimeout(ctx, insightsTimeout)
		defer cancel()
		ins, err := b.inbox.Report(ctx, b.now().Add(-window))
		if err != nil {
			// the detail may name the store's address: it stays in the log
			b.log.Warn("insights report failed", "err", errString(err))
			return textMessage(reportFailed)
		}
		return reportMessage(ins, window)
	})
}

// reportArg reads the report's optional window: a positive Go duration.
func reportArg(args []string) (time.Duration, bool) {
	if len(args) == 0 {
		return reportWindow, true
	}
	d, err := time.ParseDuration(args[0])
	if err != nil || d <= 0 || len(args) > 1 {
		return 0, false
	}
	return d, true
}

// reportMessage lays out an insights report for a moderator: replies by
// kind, the no_match rate, feedback per section and version, and the top
// unanswered questions and answers marked Not helpful. Everything from the
// store is escaped; group texts are what people wrote.
func reportMessage(ins faqbot.Insights, window time.Duration) message {
	var blocks []slack.Block
	head := "*Insights report* for the last " + faqbot.Window(window)
	if !ins.Since.IsZero() {
		head += " (since " + ins.Since.UTC().Format(time.RFC3339) + ")"
	}
	blocks = append(blocks, sections(head)...)

	total := ins.Total()
	kinds := slices.Sorted(maps.Keys(ins.Replies))
	var r strings.Builder
	fmt.Fprintf(&r, "*Replies:* %d", total)
	if total == 0 {
		r.WriteString(" (none yet)")
	}
	for _, k := range kinds {
		fmt.Fprintf(&r, "\n• %s: %d", escape(k), ins.Replies[k])
	}
	if total > 0 {
		fmt.Fprintf(&r, "\nno_match rate: %.1f%%", 100*ins.NoMatchRate())
	}
	blocks = append(blocks, sections(r.String())...)

	var f strings.Builder
	f.WriteString("*Feedback by section and version* (Helpful / Not helpful)")
	if len(ins.Sections) == 0 {
		f.WriteString("\nnone yet")
	}
	for i, s := range ins.Sections {
		if i == reportSections {
			fmt.Fprintf(&f, "\n…and %d more; `faqbot report` on the server lists all.", len(ins.Sections)-i)
			break
		}
		fmt.Fprintf(&f, "\n• *%s* (%s): %d / %d", orNone(escape(s.Section)), orNone(escape(shortVersion(s.Version))), s.Helpful, s.Unhelpful)
	}
	blocks = append(blocks, sections(f.String())...)

	blocks = append(blocks, sections(groupList("*Top unanswered questions*", ins.Unanswered, false))...)
	blocks = append(blocks, sections(groupList("*Top answers marked Not helpful*", ins.NotHelpful, true))...)
	return message{Text: fmt.Sprintf("Insights report: %d replies in the last %s", total, faqbot.Window(window)), Blocks: blocks}
}

// groupList is a numbered list of the most asked groups, or "none yet".
func groupList(title string, groups []faqbot.Group, withSection bool) string {
	var b strings.Builder
	b.WriteString(title)
	top := topGroups(groups, reportTop)
	if len(top) == 0 {
		b.WriteString("\nnone yet")
	}
	for i, g := range top {
		fmt.Fprintf(&b, "\n%d. %s", i+1, groupLine(g, withSection))
	}
	return b.String()
}

// groupLine is one group for a moderator: its text, how often, by how
// many people, and for an answer marked Not helpful the section that gave it.
func groupLine(g faqbot.Group, withSection bool) string {
	line := "“" + userText(g.Text) + "” · " + counts(g)
	if withSection {
		line += " · answered from *" + orNone(escape(g.Section)) + "*"
	}
	return line
}

func counts(g faqbot.Group) string {
	people := "people"
	if g.Askers == 1 {
		people = "person"
	}
	return fmt.Sprintf("×%d, %d %s", g.Count, g.Askers, people)
}

// topGroups is the n most asked groups, most people first among equals;
// the store's order breaks ties.
func topGroups(groups []faqbot.Group, n int) []faqbot.Group {
	out := slices.Clone(groups)
	slices.SortStableFunc(out, func(a, b faqbot.Group) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Askers, a.Askers))
	})
	return out[:min(n, len(out))]
}

// userText makes a person's (redacted) question safe to show in mrkdwn:
// one line, clipped, escaped, and with @channel, @here and @everyone
// broken by a word joiner so that no client reads them as a ping.
func userText(s string) string {
	s = clip(strings.Join(strings.Fields(s), " "), maxGroupText)
	return broadcast.ReplaceAllString(escape(s), "@\u2060$1")
}

var broadcast = regexp.MustCompile(`(?i)@(channel|here|everyone)`)

// shortVersion is the first characters of a knowledge version, as the
// buttons carry it.
func shortVersion(v string) string {
	if r := []rune(v); len(r) > versionPrefix {
		return string(r[:versionPrefix])
	}
	return v
}
