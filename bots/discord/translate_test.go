package discord

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
)

// Incoming: gateway messages and interactions (testdata/events/*.json, from
// the examples in Discord's API documentation) → what the bot makes of them.
func TestParseMessageGolden(t *testing.T) {
	for _, name := range []string{
		"message_dm", "message_mention_everyone", "message_mention_nick", "message_mention_only",
		"message_from_bot", "message_self", "message_guild_no_mention", "message_system",
	} {
		t.Run(name, func(t *testing.T) {
			in := parseMessage(loadMessage(t, name+".json"), testBotID)
			golden(t, "events/"+name+".golden", in)
		})
	}
}

func TestParseMessageBeforeReady(t *testing.T) {
	// Without the bot's own id no server message counts as a mention.
	if in := parseMessage(loadMessage(t, "message_mention_everyone.json"), ""); in.Verdict != "ignore:not_mentioned" {
		t.Errorf("verdict %q", in.Verdict)
	}
}

func TestParseInteractionGolden(t *testing.T) {
	for _, name := range []string{
		"interaction_ask", "interaction_ask_public", "interaction_ask_dm", "interaction_topics",
		"interaction_admin_status", "interaction_button_section", "interaction_button_helpful", "interaction_button_forged",
		"interaction_admin_report", "interaction_admin_inbox", "interaction_select_assign", "interaction_button_dismiss",
	} {
		t.Run(name, func(t *testing.T) {
			golden(t, "events/"+name+".golden", parseInteraction(loadInteraction(t, name+".json")))
		})
	}
}

// Outgoing: a Reply → the channel messages and the interaction response
// the bot sends for it.
func TestRenderGolden(t *testing.T) {
	status := newFakeLibrarian().Status()
	failed := status
	failed.LastError = "knowledge.md:12: section \"Low desire\" has no passages"
	failed.LastErrorAt = status.LoadedAt.Add(3600e9)
	tests := []struct {
		name string
		msgs []message
		ref  bool
	}{
		{"answer", renderReply(replyAnswer, renderOpts{}), false},
		{"answer_public", renderReply(replyAnswer, renderOpts{Public: true}), true},
		{"answer_long", renderReply(replyLong(), renderOpts{}), false},
		{"handoff_crisis", renderReply(replyCrisis, renderOpts{}), false},
		{"handoff_abuse", renderReply(replyAbuse, renderOpts{Public: true}), true},
		{"handoff_referral", renderReply(replyReferral, renderOpts{}), false},
		{"decline", renderReply(replyDecline, renderOpts{}), false},
		{"smalltalk", renderReply(replySmalltalk, renderOpts{}), false},
		{"no_match", renderReply(replyNoMatch, renderOpts{}), false},
		{"no_match_clinic", renderReply(faqbot.Reply{
			Kind: faqbot.KindNoMatch, Lead: "The clinic's information doesn't cover fees, payment or insurance.",
			Suggestions: []string{"What is Sex Therapy?", "What Sex Therapy is Not"},
			Resources: []faqbot.Resource{
				{Name: "Riverside Clinic", Phone: "+1 555 0100", URL: "https://riverside.example", Text: "Email: hello@riverside.example. Hours: Monday to Friday, 9am to 5pm."},
				{Name: "Book an appointment", URL: "https://riverside.example/book"},
			},
			Text: "The clinic's information doesn't cover fees, payment or insurance.\nRiverside Clinic can help with this: call +1 555 0100 …",
		}, renderOpts{}), false},
		{"no_match_echo", renderReply(faqbot.Reply{Kind: faqbot.KindNoMatch, Lead: "Nothing about “@everyone <@&1> **now** [x](https://evil.example)”."}, renderOpts{}), false},
		{"intro", renderIntro(), false},
		{"topics", renderTopics(testSections), false},
		{"status", renderStatus(status), false},
		{"status_error", renderStatus(failed), false},
		{"reload_ok", renderReload(status, nil), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref *discordgo.MessageReference
			if tt.ref {
				ref = &discordgo.MessageReference{MessageID: "1200000000000000002", ChannelID: "645027906669510667", GuildID: testGuildID, FailIfNotExists: new(true)}
			}
			data, follow := toInteraction(tt.msgs, true)
			golden(t, "render/"+tt.name+".golden", map[string]any{
				"messages":    toMessageSends(tt.msgs, ref),
				"interaction": map[string]any{"response": discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}, "followups": follow},
			})
			checkLimits(t, tt.msgs)
		})
	}
}

// checkLimits holds every message to Discord's limits.
func checkLimits(t *testing.T, msgs []message) {
	t.Helper()
	if len(msgs) == 0 || len(msgs) > maxChunks {
		t.Errorf("%d messages", len(msgs))
	}
	for i, m := range msgs {
		if n := textLen(m.Content); n > maxContent || n == 0 {
			t.Errorf("message %d: %d characters", i, n)
		}
		if len(m.Components) > maxRows {
			t.Errorf("message %d: %d rows", i, len(m.Components))
		}
		if m.Components != nil && i != len(msgs)-1 {
			t.Errorf("message %d: components before the last message", i)
		}
		for _, c := range m.Components {
			row := c.(discordgo.ActionsRow)
			if len(row.Components) > maxRowButtons || len(row.Components) == 0 {
				t.Errorf("message %d: row of %d", i, len(row.Components))
			}
			for _, bc := range row.Components {
				switch c := bc.(type) {
				case discordgo.Button:
					checkButton(t, c)
				case discordgo.SelectMenu:
					if len(row.Components) != 1 {
						t.Errorf("message %d: a select menu shares its row with %d others", i, len(row.Components)-1)
					}
					checkSelect(t, c)
				default:
					t.Errorf("message %d: component %T", i, bc)
				}
			}
		}
	}
}

func checkButton(t *testing.T, btn discordgo.Button) {
	t.Helper()
	if n := len([]rune(btn.Label)); n > maxLabel || n == 0 {
		t.Errorf("label %q: %d characters", btn.Label, n)
	}
	if len(btn.CustomID) > 100 {
		t.Errorf("custom id %q too long", btn.CustomID)
	}
	if (btn.Style == discordgo.LinkButton) != (btn.URL != "") || (btn.URL == "") == (btn.CustomID == "") {
		t.Errorf("button %+v: link buttons have a URL, others a custom id", btn)
	}
}

// checkSelect holds a string select to Discord's limits: a custom id of
// at most 100 characters, 1–25 options with labels of 1–100 characters and
// distinct values, a placeholder of at most 150.
func checkSelect(t *testing.T, m discordgo.SelectMenu) {
	t.Helper()
	if m.MenuType != discordgo.StringSelectMenu || m.CustomID == "" || len(m.CustomID) > 100 {
		t.Errorf("select %q: type %d", m.CustomID, m.MenuType)
	}
	if n := len([]rune(m.Placeholder)); n > 150 {
		t.Errorf("placeholder of %d characters", n)
	}
	if len(m.Options) == 0 || len(m.Options) > maxOptions {
		t.Errorf("select %q: %d options", m.CustomID, len(m.Options))
	}
	seen := map[string]bool{}
	for _, o := range m.Options {
		if n := len([]rune(o.Label)); n == 0 || n > maxOptionLabel {
			t.Errorf("option label %q: %d characters", o.Label, n)
		}
		if o.Value == "" || len(o.Value) > 100 || seen[o.Value] {
			t.Errorf("option value %q empty, too long or repeated", o.Value)
		}
		seen[o.Value] = true
	}
}

func TestRenderAnswerQuotesAndNamesSection(t *testing.T) {
	c := renderReply(replyAnswer, renderOpts{})[0].Content
	for _, want := range []string{
		"> Sensate focus is a set of touching exercises",
		"\n> Couples usually begin",
		"-# Section “Sensate focus” · knowledge version 3f9a2c1d4b5e",
	} {
		if !strings.Contains(c, want) {
			t.Errorf("answer lacks %q:\n%s", want, c)
		}
	}
}

func TestRenderHandoff(t *testing.T) {
	msgs := renderReply(replyReferral, renderOpts{})
	c := msgs[0].Content
	if !strings.Contains(c, "Phone: +1 555 0100") {
		t.Errorf("phone missing:\n%s", c)
	}
	if strings.Contains(c, "javascript:") {
		t.Errorf("a non-http link reached the message:\n%s", c)
	}
	rows := msgs[0].Components
	if len(rows) != 1 {
		t.Fatalf("rows: %d", len(rows))
	}
	btns := rows[0].(discordgo.ActionsRow).Components
	if len(btns) != 1 || btns[0].(discordgo.Button).URL != "https://www.aasect.org/referral-directory" || btns[0].(discordgo.Button).Style != discordgo.LinkButton {
		t.Errorf("buttons: %+v", btns)
	}
}

func TestRenderManyButtons(t *testing.T) {
	var many []string
	var res []faqbot.Resource
	for i := range 40 {
		h := strings.Repeat("Very long heading about everything ", 4) + string(rune('A'+i%26)) + strings.Repeat("x", i)
		many = append(many, h)
		res = append(res, faqbot.Resource{Name: h, URL: "https://example.org/" + string(rune('a'+i%26)) + strings.Repeat("y", i)})
	}
	checkLimits(t, renderTopics(many))
	checkLimits(t, renderReply(faqbot.Reply{Kind: faqbot.KindHandoff, Lead: "Help is here.", Resources: res}, renderOpts{}))
	checkLimits(t, renderReply(faqbot.Reply{Kind: faqbot.KindNoMatch, Lead: "Hmm.", Suggestions: many}, renderOpts{Public: true}))
	topics := renderTopics(many)
	if n := len(topics[len(topics)-1].Components); n != maxRows {
		t.Errorf("topics rows %d, want %d", n, maxRows)
	}
}

func TestReplyIDOf(t *testing.T) {
	key := sectionKey("Sensate focus")
	for _, tt := range []struct{ id, want string }{
		{feedbackID(true, key, "AbC-_9"), "AbC-_9"},
		{feedbackID(false, key, "AbC-_9"), "AbC-_9"},
		{feedbackID(true, key, ""), ""},
		{"faq:f:y:" + key + ":bad!id", ""},
		{"faq:s:" + key + ":x", ""},
	} {
		if got := replyIDOf(tt.id); got != tt.want {
			t.Errorf("replyIDOf(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestCustomIDs(t *testing.T) {
	key := sectionKey("Sensate focus")
	tests := []struct {
		id, kind, key string
		helpful       bool
	}{
		{sectionID("Sensate focus"), "section", key, false},
		{feedbackID(true, key, ""), "feedback", key, true},
		{feedbackID(false, key, ""), "feedback", key, false},
		{feedbackID(true, "", ""), "feedback", "", true},
		{feedbackID(true, key, "AbC-_9"), "feedback", key, true},
		{feedbackID(false, key, "bad id!"), "feedback", key, false},
		{"faq:s:", "", "", false},
		{"faq:s:" + strings.ToUpper(key), "", "", false},
		{"faq:s:" + key + "0", "", "", false},
		{"faq:s:../../admin/reload", "", "", false},
		{"faq:f:y:zz", "", "", false},
		{"faq:f:maybe", "", "", false},
		{"faq-admin:reload", "", "", false},
	}
	for _, tt := range tests {
		kind, k, helpful := parseCustomID(tt.id)
		if kind != tt.kind || k != tt.key || helpful != tt.helpful {
			t.Errorf("parseCustomID(%q) = %q, %q, %v; want %q, %q, %v", tt.id, kind, k, helpful, tt.kind, tt.key, tt.helpful)
		}
		if len(tt.id) > 100 {
			t.Errorf("%q is over 100 characters", tt.id)
		}
	}
	if h, ok := resolveSection(key, testSections); !ok || h != "Sensate focus" {
		t.Errorf("resolve: %q %v", h, ok)
	}
	if _, ok := resolveSection(sectionKey("Not a section"), testSections); ok {
		t.Error("resolved a key that matches no section")
	}
}

func TestIntents(t *testing.T) {
	if got := intents(false); got != 1<<9|1<<12 {
		t.Errorf("intents(false) = %d", got)
	}
	if got := intents(true); got != 1<<9|1<<12|1<<15 {
		t.Errorf("intents(true) = %d", got)
	}
}

func TestCommands(t *testing.T) {
	golden(t, "commands.golden", commands())
}

func TestReadmeInviteURL(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("scope=bot+applications.commands&permissions=%d", invitePermissions)
	if !strings.Contains(string(readme), want) {
		t.Errorf("README's invite URL lacks %q", want)
	}
}
