package discord

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
)

// gatewayBot runs a bot on the real discordgo client against fd.
type gatewayBot struct {
	*Bot
	engine *fakeEngine
	traces chan string
	cancel context.CancelFunc
	done   chan error
}

func startGatewayBot(t *testing.T, fd *fakeDiscord, cfg Config, m *metrics.Metrics) *gatewayBot {
	t.Helper()
	engine := newFakeEngine()
	cfg.Token = "test-token"
	cfg.APIBase = fd.srv.URL
	b, err := New(cfg, Deps{Answerer: engine, Librarian: newFakeLibrarian(), Logger: testLogger(t), Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	g := &gatewayBot{Bot: b, engine: engine, traces: make(chan string, 100), done: make(chan error, 1)}
	b.trace = func(e string) { g.traces <- e }
	b.deferAfter = 300 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	g.cancel = cancel
	go func() { g.done <- b.Run(ctx) }()
	t.Cleanup(func() { g.stop(t) })
	return g
}

// stop ends Run and checks it returned nil.
func (g *gatewayBot) stop(t *testing.T) {
	t.Helper()
	g.cancel()
	select {
	case err, ok := <-g.done:
		if ok && err != nil {
			t.Errorf("Run returned %v", err)
		}
		if ok {
			close(g.done)
		}
	case <-time.After(10 * time.Second):
		t.Error("Run did not return after cancel")
	}
}

func (g *gatewayBot) trace(t *testing.T) string {
	t.Helper()
	select {
	case e := <-g.traces:
		return e
	case <-time.After(5 * time.Second):
		t.Fatal("no trace")
		return ""
	}
}

// TestGateway drives the real discordgo client against a fake Discord: the
// handshake, command registration, messages and interactions, and what goes
// back over REST.
func TestGateway(t *testing.T) {
	fd := newFakeDiscord(t)
	m := metrics.New()
	g := startGatewayBot(t, fd, Config{GuildID: testGuildID, ShardID: 1, ShardCount: 2, RegisterCommands: true}, m)

	// IDENTIFY: token, intents (GUILD_MESSAGES | DIRECT_MESSAGES, no
	// MESSAGE_CONTENT), shard [1, 2].
	var id struct {
		Token   string `json:"token"`
		Intents int    `json:"intents"`
		Shard   []int  `json:"shard"`
	}
	select {
	case raw := <-fd.identify:
		if err := json.Unmarshal(raw, &id); err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no IDENTIFY")
	}
	if id.Token != "Bot test-token" || id.Intents != 4608 || len(id.Shard) != 2 || id.Shard[0] != 1 || id.Shard[1] != 2 {
		t.Errorf("IDENTIFY = %+v, want token \"Bot test-token\", intents 4608, shard [1 2]", id)
	}

	// After READY: commands for the guild, with the app id from READY.
	c := fd.next(t, "command registration")
	if c.Method != "PUT" || c.Path != "/applications/"+testAppID+"/guilds/"+testGuildID+"/commands" || c.Auth != "Bot test-token" {
		t.Errorf("registration: %s %s (auth %q)", c.Method, c.Path, c.Auth)
	}
	var cmds []map[string]any
	if err := json.Unmarshal(c.Raw, &cmds); err != nil || len(cmds) != 3 {
		t.Fatalf("commands: %v %s", err, c.Raw)
	}
	if cmds[2]["name"] != "faq-admin" || cmds[2]["default_member_permissions"] != "32" {
		t.Errorf("/faq-admin registered as %v", cmds[2])
	}
	if !g.Ready() {
		t.Error("not Ready after READY")
	}

	t.Run("dm", func(t *testing.T) {
		fd.dispatch("MESSAGE_CREATE", readEvent(t, "message_dm.json"))
		if q := g.engine.nextQuestion(t); q != (faqbot.Question{Text: "What is sensate focus?", Platform: "discord", User: testUserID}) {
			t.Errorf("question %+v", q)
		}
		c := fd.next(t, "DM reply")
		if c.Method != "POST" || c.Path != "/channels/700000000000000001/messages" {
			t.Fatalf("%s %s", c.Method, c.Path)
		}
		content := str(c.Body, "content")
		for _, want := range []string{"> Sensate focus is a set of touching exercises", "-# Section “Sensate focus” · knowledge version 3f9a2c1d4b5e"} {
			if !strings.Contains(content, want) {
				t.Errorf("content lacks %q:\n%s", want, content)
			}
		}
		if strings.Contains(content, privateTip) {
			t.Error("a DM got the /ask tip")
		}
		if c.Body["message_reference"] != nil {
			t.Error("a DM reply should not reference the question")
		}
		noPings(t, c.Body)
		if b := buttons(c.Body); len(b) != 2 || !strings.HasPrefix(b[0], "faq:f:y:") || !strings.HasPrefix(b[1], "faq:f:n:") {
			t.Errorf("buttons %v", b)
		}
		if e := g.trace(t); e != "message dm answered" {
			t.Errorf("trace %q", e)
		}
	})

	t.Run("mention with @everyone and a role", func(t *testing.T) {
		fd.dispatch("MESSAGE_CREATE", readEvent(t, "message_mention_everyone.json"))
		q := g.engine.nextQuestion(t)
		if q.Text != "@everyone <@&539082325061836999> is it normal to lose desire after having a baby?" {
			t.Errorf("question text %q (the bot's own mention stripped, the rest as written)", q.Text)
		}
		c := fd.next(t, "mention reply")
		if c.Path != "/channels/645027906669510667/messages" {
			t.Fatalf("%s %s", c.Method, c.Path)
		}
		noPings(t, c.Body)
		if str(c.Body, "message_reference", "message_id") != "1200000000000000002" || str(c.Body, "message_reference", "guild_id") != testGuildID ||
			dig(c.Body, "message_reference", "fail_if_not_exists") != true {
			t.Errorf("message_reference = %v", c.Body["message_reference"])
		}
		content := str(c.Body, "content")
		// The engine echoed the question: it shows escaped, pinging no one.
		for _, want := range []string{"@\u200beveryone", `\<@&539082325061836999\>`, privateTip} {
			if !strings.Contains(content, want) {
				t.Errorf("content lacks %q:\n%s", want, content)
			}
		}
		if strings.Contains(content, "@everyone") || strings.Contains(content, " <@&") {
			t.Errorf("a live mention reached the content:\n%s", content)
		}
		if b := buttons(c.Body); len(b) != 2 || b[0] != sectionID("Low desire") || b[1] != sectionID("Sensate focus") {
			t.Errorf("suggestion buttons %v", b)
		}
		g.trace(t)
	})

	t.Run("ignored", func(t *testing.T) {
		for _, tt := range []struct{ file, trace string }{
			{"message_from_bot.json", "message ignore:bot"},
			{"message_self.json", "message ignore:self"},
			{"message_guild_no_mention.json", "message ignore:not_mentioned"},
		} {
			fd.dispatch("MESSAGE_CREATE", readEvent(t, tt.file))
			if e := g.trace(t); e != tt.trace {
				t.Errorf("%s: trace %q, want %q", tt.file, e, tt.trace)
			}
		}
		fd.none(t)
		select {
		case q := <-g.engine.questions:
			t.Errorf("the engine was asked %+v", q)
		default:
		}
	})

	t.Run("/ask", func(t *testing.T) {
		fd.dispatch("INTERACTION_CREATE", readEvent(t, "interaction_ask.json"))
		g.engine.nextQuestion(t)
		c := fd.next(t, "/ask callback")
		if c.Method != "POST" || c.Path != "/interactions/786008729715212338/A_UNIQUE_TOKEN/callback" {
			t.Fatalf("%s %s", c.Method, c.Path)
		}
		if num(c.Body, "type") != 4 || num(c.Body, "data", "flags") != 64 {
			t.Errorf("callback type %v flags %v, want 4, 64", c.Body["type"], dig(c.Body, "data", "flags"))
		}
		if !strings.Contains(str(c.Body, "data", "content"), "> Sensate focus is a set of touching exercises") {
			t.Errorf("content %q", str(c.Body, "data", "content"))
		}
		noPings(t, c.Body, "data")
		if b := buttons(c.Body, "data"); len(b) != 2 {
			t.Errorf("buttons %v", b)
		}
		g.trace(t)
	})

	t.Run("topic button", func(t *testing.T) {
		fd.dispatch("INTERACTION_CREATE", readEvent(t, "interaction_button_section.json"))
		if q := g.engine.nextQuestion(t); q != (faqbot.Question{Section: "Sensate focus", Platform: "discord", User: "53908232506183681"}) {
			t.Errorf("question %+v", q)
		}
		c := fd.next(t, "button callback")
		if c.Path != "/interactions/786008729715212343/A_UNIQUE_TOKEN_6/callback" || num(c.Body, "type") != 4 || num(c.Body, "data", "flags") != 64 {
			t.Errorf("%s type %v flags %v", c.Path, c.Body["type"], dig(c.Body, "data", "flags"))
		}
		noPings(t, c.Body, "data")
		g.trace(t)
	})

	t.Run("feedback button", func(t *testing.T) {
		fd.dispatch("INTERACTION_CREATE", readEvent(t, "interaction_button_helpful.json"))
		c := fd.next(t, "feedback callback")
		if num(c.Body, "type") != 4 || num(c.Body, "data", "flags") != 64 || str(c.Body, "data", "content") != feedbackThanks {
			t.Errorf("feedback answered %s", c.Raw)
		}
		g.trace(t)
		if n := counter(t, m, "faqbot_feedback_total", "platform=discord", "helpful=true"); n != 1 {
			t.Errorf("feedback counted %v", n)
		}
	})

	t.Run("slow /ask is deferred then edited", func(t *testing.T) {
		ev := strings.Replace(string(readEvent(t, "interaction_ask.json")), "How does sensate focus work?", "a slow question", 1)
		fd.dispatch("INTERACTION_CREATE", []byte(ev))
		g.engine.nextQuestion(t)
		c := fd.next(t, "deferred callback")
		if num(c.Body, "type") != 5 || num(c.Body, "data", "flags") != 64 {
			t.Fatalf("first response %s, want type 5 flags 64", c.Raw)
		}
		close(g.engine.release)
		c = fd.next(t, "edit of the original response")
		if c.Method != "PATCH" || c.Path != "/webhooks/"+testAppID+"/A_UNIQUE_TOKEN/messages/@original" {
			t.Fatalf("%s %s", c.Method, c.Path)
		}
		if !strings.Contains(str(c.Body, "content"), "> Sensate focus") {
			t.Errorf("edit content %q", str(c.Body, "content"))
		}
		noPings(t, c.Body)
		g.trace(t)
	})

	g.stop(t)
	if g.Ready() {
		t.Error("still Ready after Run returned")
	}
}

// TestGatewayRefused: Discord closes with 4004 (bad token). Run logs it,
// stays not ready, and still blocks until its context ends.
func TestGatewayRefused(t *testing.T) {
	fd := newFakeDiscord(t)
	fd.closeAfterIdentify = 4004
	m := metrics.New()
	g := startGatewayBot(t, fd, Config{}, m)
	select {
	case <-fd.identify:
	case <-time.After(5 * time.Second):
		t.Fatal("no IDENTIFY")
	}
	if e := g.trace(t); e != "gateway refused 4004" {
		t.Errorf("trace %q", e)
	}
	select {
	case err := <-g.done:
		t.Fatalf("Run returned early: %v", err)
	default:
	}
	if g.Ready() {
		t.Error("Ready with a refused token")
	}
	g.stop(t)
	if n := counter(t, m, "faqbot_platform_errors_total", "platform=discord", "op=connect"); n != 1 {
		t.Errorf("connect errors %v", n)
	}
}
