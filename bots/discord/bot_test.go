package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// recorder is a responder that keeps what it was sent.
type recorder struct {
	got []*discordgo.InteractionResponse
}

func (r *recorder) respond(_ context.Context, resp *discordgo.InteractionResponse) error {
	r.got = append(r.got, resp)
	return nil
}

func (r *recorder) only(t *testing.T) *discordgo.InteractionResponse {
	t.Helper()
	if len(r.got) != 1 {
		t.Fatalf("%d responses, want 1", len(r.got))
	}
	return r.got[0]
}

func interact(b *Bot, i *discordgo.Interaction) *recorder {
	r := &recorder{}
	b.handleInteraction(context.Background(), i, r)
	return r
}

func TestNew(t *testing.T) {
	engine := newFakeEngine()
	tests := []struct {
		name string
		cfg  Config
		deps Deps
	}{
		{"no answerer", Config{Token: "t"}, Deps{}},
		{"nothing configured", Config{}, Deps{Answerer: engine}},
		{"public key not hex", Config{PublicKey: "xyz"}, Deps{Answerer: engine}},
		{"public key short", Config{PublicKey: "abcd"}, Deps{Answerer: engine}},
		{"shard out of range", Config{Token: "t", ShardID: 2, ShardCount: 2}, Deps{Answerer: engine}},
		{"negative shard", Config{Token: "t", ShardID: -1}, Deps{Answerer: engine}},
		{"bad API base", Config{Token: "t", APIBase: "discord.test"}, Deps{Answerer: engine}},
	}
	for _, tt := range tests {
		if _, err := New(tt.cfg, tt.deps); err == nil {
			t.Errorf("%s: New accepted it", tt.name)
		}
	}
	b, err := New(Config{Token: "Bot already-prefixed", ShardCount: 4, ShardID: 3}, Deps{Answerer: engine})
	if err != nil {
		t.Fatal(err)
	}
	if b.session.Token != "Bot already-prefixed" || b.session.ShardID != 3 || b.session.ShardCount != 4 {
		t.Errorf("session token %q shard %d/%d", b.session.Token, b.session.ShardID, b.session.ShardCount)
	}
}

func TestRunGatewayOff(t *testing.T) {
	b, _ := unitBot(t, Config{PublicKey: strings.Repeat("ab", 32)}, Deps{})
	if !b.Ready() {
		t.Error("endpoint-only bot not Ready")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	select {
	case err := <-done:
		t.Fatalf("Run returned before its context ended: %v", err)
	default:
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return")
	}
}

// One person flooding: the first message is answered, the second gets one
// "slow down", the third nothing.
func TestRateLimitMessages(t *testing.T) {
	m := metrics.New()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	lim := ratelimit.New(time.Hour, 1).WithClock(func() time.Time { return now })
	engine := newFakeEngine()
	b, fa := unitBot(t, Config{}, Deps{Answerer: engine, Limiter: lim, Metrics: m})
	msg := loadMessage(t, "message_mention_everyone.json")
	for range 3 {
		b.handleMessage(context.Background(), msg)
	}
	if len(fa.sends) != 2 {
		t.Fatalf("%d messages sent, want 2", len(fa.sends))
	}
	if fa.sends[1].Content != ratelimit.SlowDown || fa.sends[1].Reference == nil || fa.sends[1].AllowedMentions == nil {
		t.Errorf("second reply %+v, want the slow-down as a reply pinging no one", fa.sends[1])
	}
	if len(engine.questions) != 1 {
		t.Errorf("the engine was asked %d times", len(engine.questions))
	}
	if n := counter(t, m, "faqbot_rate_limited_total", "platform=discord"); n != 2 {
		t.Errorf("rate limited counted %v, want 2", n)
	}
	// Another person is not slowed down.
	other := *msg
	other.Author = &discordgo.User{ID: "42"}
	b.handleMessage(context.Background(), &other)
	if len(fa.sends) != 3 || fa.sends[2].Content == ratelimit.SlowDown {
		t.Error("a second person was limited too")
	}
}

func TestRateLimitInteractions(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	lim := ratelimit.New(time.Hour, 1).WithClock(func() time.Time { return now })
	b, _ := unitBot(t, Config{}, Deps{Limiter: lim})
	ask := loadInteraction(t, "interaction_ask.json")
	if r := interact(b, ask).only(t); !strings.Contains(r.Data.Content, "> Sensate focus") {
		t.Errorf("first /ask: %q", r.Data.Content)
	}
	for i := range 2 { // warn, then drop: a command still gets the private note
		r := interact(b, ask).only(t)
		if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Content != ratelimit.SlowDown || r.Data.Flags != discordgo.MessageFlagsEphemeral {
			t.Errorf("/ask %d: %+v %+v", i+2, r, r.Data)
		}
	}
	// A click while dropped is acknowledged silently.
	if r := interact(b, loadInteraction(t, "interaction_button_helpful.json")).only(t); r.Type != discordgo.InteractionResponseDeferredMessageUpdate || r.Data != nil {
		t.Errorf("dropped click: %+v", r)
	}
}

func TestAdmin(t *testing.T) {
	status := loadInteraction(t, "interaction_admin_status.json")
	member := func(perms int64, roles ...string) *discordgo.Member {
		return &discordgo.Member{User: &discordgo.User{ID: "53908232506183682"}, Permissions: perms, Roles: roles}
	}
	tests := []struct {
		name    string
		member  *discordgo.Member
		allowed bool
	}{
		{"manage server", member(discordgo.PermissionManageGuild), true},
		{"administrator", member(discordgo.PermissionAdministrator), true},
		{"configured role", member(discordgo.PermissionSendMessages, "111", "777"), true},
		{"everyone else", member(discordgo.PermissionSendMessages|discordgo.PermissionManageMessages, "111"), false},
		{"no member (a DM)", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newFakeLibrarian()
			b, _ := unitBot(t, Config{AdminRoles: []string{" 777 "}}, Deps{Librarian: lib})
			i := *status
			i.Member = tt.member
			r := interact(b, &i).only(t)
			if r.Data.Flags != discordgo.MessageFlagsEphemeral {
				t.Error("not ephemeral")
			}
			if got := strings.Contains(r.Data.Content, "Knowledge status"); got != tt.allowed {
				t.Errorf("allowed %v, want %v: %q", got, tt.allowed, r.Data.Content)
			}
			if !tt.allowed && r.Data.Content != adminRefusal {
				t.Errorf("refusal %q", r.Data.Content)
			}
		})
	}
}

func TestAdminStatusAndReload(t *testing.T) {
	lib := newFakeLibrarian()
	b, fa := unitBot(t, Config{}, Deps{Librarian: lib})
	status := loadInteraction(t, "interaction_admin_status.json")
	c := interact(b, status).only(t).Data.Content
	for _, want := range []string{"Version: " + testVersion, "Loaded: <t:1772357400:f>", "Source: /etc/faqbot/knowledge.md", "Sections: 5 · Passages: 42", "Last reload error: none"} {
		if !strings.Contains(c, want) {
			t.Errorf("status lacks %q:\n%s", want, c)
		}
	}

	reload := *status
	reload.Data = discordgo.ApplicationCommandInteractionData{Name: "faq-admin", Options: []*discordgo.ApplicationCommandInteractionDataOption{{Name: "reload", Type: discordgo.ApplicationCommandOptionSubCommand}}}
	if c := interact(b, &reload).only(t).Data.Content; !strings.HasPrefix(c, "**Reloaded.** Now serving version b7c8d9e0f1a2") {
		t.Errorf("reload: %q", c)
	}
	if len(lib.reloadBy) != 1 || lib.reloadBy[0] != "discord:53908232506183682" {
		t.Errorf("Reload by %v", lib.reloadBy)
	}
	lib.err = errors.New("knowledge.md:3: two sections named **Intimacy**")
	if c := interact(b, &reload).only(t).Data.Content; !strings.HasPrefix(c, "**Reload failed**: knowledge.md:3: two sections named \\*\\*Intimacy\\*\\*") {
		t.Errorf("failed reload: %q", c)
	}
	if len(fa.edits)+len(fa.followups) != 0 {
		t.Error("a quick reload should not be deferred")
	}

	nolib, _ := unitBot(t, Config{}, Deps{})
	if c := interact(nolib, status).only(t).Data.Content; c != adminNoLib {
		t.Errorf("without a Librarian: %q", c)
	}
}

func TestTopics(t *testing.T) {
	topics := loadInteraction(t, "interaction_topics.json")
	check := func(t *testing.T, b *Bot) {
		t.Helper()
		r := interact(b, topics).only(t)
		for _, s := range testSections {
			if !strings.Contains(r.Data.Content, "- "+s+"\n") {
				t.Errorf("topics lack %q:\n%s", s, r.Data.Content)
			}
		}
		if r.Data.Flags != discordgo.MessageFlagsEphemeral || len(r.Data.Components) != 1 {
			t.Errorf("flags %v, %d rows", r.Data.Flags, len(r.Data.Components))
		}
	}
	t.Run("from the Librarian", func(t *testing.T) {
		b, _ := unitBot(t, Config{}, Deps{Librarian: newFakeLibrarian()})
		check(t, b)
	})
	t.Run("from a smalltalk reply", func(t *testing.T) {
		engine := newFakeEngine()
		b, _ := unitBot(t, Config{}, Deps{Answerer: engine})
		check(t, b)
		if q := engine.nextQuestion(t); q.Text != "help" {
			t.Errorf("asked %+v", q)
		}
	})
}

func TestSectionButtons(t *testing.T) {
	click := func(id string) *discordgo.Interaction {
		i := *loadInteraction(t, "interaction_button_section.json")
		i.Data = discordgo.MessageComponentInteractionData{CustomID: id, ComponentType: discordgo.ButtonComponent}
		return &i
	}
	t.Run("resolved against the live sections", func(t *testing.T) {
		engine := newFakeEngine()
		b, _ := unitBot(t, Config{}, Deps{Answerer: engine, Librarian: newFakeLibrarian()})
		interact(b, click(sectionID("Low desire")))
		if q := engine.nextQuestion(t); q.Section != "Low desire" {
			t.Errorf("asked %+v", q)
		}
		// A section gone since (or never there) is "expired", not asked.
		if c := interact(b, click(sectionID("How to build a bomb"))).only(t).Data.Content; c != expiredButton {
			t.Errorf("unknown section: %q", c)
		}
		if len(engine.questions) != 0 {
			t.Error("the engine was asked about an unknown section")
		}
	})
	t.Run("without a Librarian, against the clicked message's buttons", func(t *testing.T) {
		engine := newFakeEngine()
		b, _ := unitBot(t, Config{}, Deps{Answerer: engine})
		interact(b, click(sectionID("Low desire")))
		if q := engine.nextQuestion(t); q.Section != "Low desire" {
			t.Errorf("asked %+v", q)
		}
	})
}

func TestMentionIntro(t *testing.T) {
	engine := newFakeEngine()
	b, fa := unitBot(t, Config{}, Deps{Answerer: engine})
	b.handleMessage(context.Background(), loadMessage(t, "message_mention_only.json"))
	if len(fa.sends) != 1 || !strings.Contains(fa.sends[0].Content, "/ask") || !strings.Contains(fa.sends[0].Content, "not a therapist") {
		t.Errorf("sent %+v", fa.sends)
	}
	if len(engine.questions) != 0 {
		t.Error("a bare mention went to the engine")
	}
}

func TestAskWithoutQuestion(t *testing.T) {
	b, _ := unitBot(t, Config{}, Deps{})
	i := loadInteraction(t, "interaction_ask.json")
	i.Data = discordgo.ApplicationCommandInteractionData{Name: "ask"}
	if c := interact(b, i).only(t).Data.Content; c != needQuestion {
		t.Errorf("%q", c)
	}
}

func TestLongReplySplitsAcrossMessages(t *testing.T) {
	long := faqbot.AnswerFunc(func(context.Context, faqbot.Question) (faqbot.Reply, error) { return replyLong(), nil })
	b, fa := unitBot(t, Config{}, Deps{Answerer: long})
	b.handleMessage(context.Background(), loadMessage(t, "message_mention_everyone.json"))
	if len(fa.sends) != 3 {
		t.Fatalf("%d messages, want 3", len(fa.sends))
	}
	for i, s := range fa.sends {
		if textLen(s.Content) > maxContent || s.AllowedMentions == nil || len(s.AllowedMentions.Parse) != 0 {
			t.Errorf("message %d: %d characters, allowed mentions %+v", i, textLen(s.Content), s.AllowedMentions)
		}
		if (s.Reference != nil) != (i == 0) {
			t.Errorf("message %d: reference %v", i, s.Reference)
		}
		if (len(s.Components) > 0) != (i == 2) {
			t.Errorf("message %d: %d component rows", i, len(s.Components))
		}
	}
	r := interact(b, loadInteraction(t, "interaction_ask.json")).only(t)
	if textLen(r.Data.Content) > maxContent || len(fa.followups) != 2 || fa.followups[1].Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("interaction: %d characters, %d follow-ups", textLen(r.Data.Content), len(fa.followups))
	}
}

func TestEngineErrorApologizes(t *testing.T) {
	m := metrics.New()
	// An engine error that quotes the question must not reach the log
	// (testLogger fails the test if it does).
	broken := faqbot.AnswerFunc(func(_ context.Context, q faqbot.Question) (faqbot.Reply, error) {
		return faqbot.Reply{}, fmt.Errorf("search %q: index unavailable", q.Text)
	})
	b, fa := unitBot(t, Config{}, Deps{Metrics: m, Answerer: broken})
	b.handleMessage(context.Background(), loadMessage(t, "message_dm.json"))
	if len(fa.sends) != 1 || fa.sends[0].Content != faqbot.Apology {
		t.Errorf("sent %+v", fa.sends)
	}
}

func TestPanicsRecovered(t *testing.T) {
	m := metrics.New()
	b, fa := unitBot(t, Config{}, Deps{Metrics: m})

	dm := loadMessage(t, "message_dm.json")
	dm.Content = "panic please"
	b.handleMessage(context.Background(), dm)
	if len(fa.sends) != 1 || fa.sends[0].Content != faqbot.Apology {
		t.Errorf("message: sent %+v", fa.sends)
	}

	ask := loadInteraction(t, "interaction_ask.json")
	ask.Data = discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "panic please"}}}
	if r := interact(b, ask).only(t); r.Data.Content != faqbot.Apology || r.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("interaction: %+v", r.Data)
	}

	// A panic outside the engine, before any response.
	boom := &panicLibrarian{}
	b2, _ := unitBot(t, Config{}, Deps{Metrics: m, Librarian: boom})
	if r := interact(b2, loadInteraction(t, "interaction_admin_status.json")).only(t); r.Data.Content != faqbot.Apology {
		t.Errorf("admin: %+v", r.Data)
	}
	if n := counter(t, m, "faqbot_panics_recovered_total", "platform=discord"); n != 3 {
		t.Errorf("panics counted %v, want 3", n)
	}
}

type panicLibrarian struct{}

func (panicLibrarian) Status() faqbot.Status { panic("status exploded") }
func (panicLibrarian) Reload(context.Context, string) (faqbot.Status, error) {
	panic("reload exploded")
}

func TestRegisterCommands(t *testing.T) {
	b, fa := unitBot(t, Config{GuildID: testGuildID}, Deps{})
	b.registerCommands(context.Background())
	if len(fa.commands) != 3 || fa.commands[2].DefaultMemberPermissions == nil || *fa.commands[2].DefaultMemberPermissions != discordgo.PermissionManageGuild {
		t.Errorf("commands %+v", fa.commands)
	}
	m := metrics.New()
	noApp, fa2 := unitBot(t, Config{}, Deps{Metrics: m})
	noApp.appID = ""
	noApp.registerCommands(context.Background())
	if fa2.commands != nil || counter(t, m, "faqbot_platform_errors_total", "op=register") != 1 {
		t.Error("registered without an application id")
	}
}

// Someone deletes the question they asked in public before the answer is
// posted: Discord refuses the reply (fail_if_not_exists) and the bot lets it
// go, without counting an error or posting the rest.
func TestDeletedQuestionGetsNoPublicReply(t *testing.T) {
	m := metrics.New()
	long := faqbot.AnswerFunc(func(context.Context, faqbot.Question) (faqbot.Reply, error) { return replyLong(), nil })
	b, fa := unitBot(t, Config{}, Deps{Answerer: long, Metrics: m})
	fa.sendErr = &discordgo.RESTError{
		Response:     &http.Response{StatusCode: http.StatusBadRequest},
		ResponseBody: []byte(`{"code":50035,"errors":{"message_reference":{"_errors":[{"code":"REPLIES_UNKNOWN_MESSAGE","message":"Unknown message"}]}},"message":"Invalid Form Body"}`),
	}
	b.handleMessage(context.Background(), loadMessage(t, "message_mention_everyone.json"))
	if len(fa.sends) != 1 {
		t.Errorf("%d sends, want 1 (the refused first part only)", len(fa.sends))
	}
	if n := counter(t, m, "faqbot_platform_errors_total", "op=post"); n != 0 {
		t.Errorf("post errors %v", n)
	}
}

func TestErrAttrKeepsSecretsOut(t *testing.T) {
	rest := &discordgo.RESTError{
		Response:     &http.Response{StatusCode: 400},
		ResponseBody: []byte(`{"message":"Invalid Form Body","code":50035,"errors":{"content":"is it normal to lose desire"}}`),
		Message:      &discordgo.APIErrorMessage{Code: 50035, Message: "Invalid Form Body"},
	}
	urlErr := &url.Error{Op: "Post", URL: "https://discord.com/api/v9/webhooks/1/A_UNIQUE_TOKEN", Err: errors.New("connection refused")}
	for _, err := range []error{rest, fmt.Errorf("wrapped: %w", urlErr), &discordgo.RateLimitError{RateLimit: &discordgo.RateLimit{URL: "https://discord.com/api/v9/interactions/1/A_UNIQUE_TOKEN/callback"}}} {
		a := errAttr(err).String()
		if strings.Contains(a, "desire") || strings.Contains(a, "A_UNIQUE_TOKEN") {
			t.Errorf("errAttr leaks: %s", a)
		}
	}
	if a := errAttr(rest).String(); !strings.Contains(a, "400") || !strings.Contains(a, "50035") {
		t.Errorf("errAttr(rest) = %s", a)
	}
}
