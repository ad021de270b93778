package slack

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
)

func TestNewValidatesConfig(t *testing.T) {
	answerer := faqbot.AnswerFunc(func(context.Context, faqbot.Question) (faqbot.Reply, error) { return faqbot.Reply{}, nil })
	tests := []struct {
		name    string
		cfg     Config
		noAns   bool
		wantErr string
	}{
		{"socket mode by default", Config{BotToken: "xoxb-1", AppToken: "xapp-1"}, false, ""},
		{"socket without app token", Config{BotToken: "xoxb-1"}, false, "SLACK_APP_TOKEN"},
		{"socket with tokens swapped", Config{BotToken: "xapp-1", AppToken: "xoxb-1"}, false, "xoxb-"},
		{"http", Config{Mode: "http", BotToken: "xoxb-1", SigningSecret: "s"}, false, ""},
		{"http without secret", Config{Mode: "http", BotToken: "xoxb-1"}, false, "SLACK_SIGNING_SECRET"},
		{"http without bot token: commands and clicks only", Config{Mode: "http", SigningSecret: "s"}, false, ""},
		{"http with a malformed bot token", Config{Mode: "http", BotToken: "xoxp-1", SigningSecret: "s"}, false, "SLACK_BOT_TOKEN"},
		{"unknown mode", Config{Mode: "rtm", BotToken: "xoxb-1"}, false, `mode "rtm"`},
		{"command without slash", Config{BotToken: "xoxb-1", AppToken: "xapp-1", Command: "faq"}, false, "must start with /"},
		{"same commands", Config{BotToken: "xoxb-1", AppToken: "xapp-1", Command: "/faq", AdminCommand: "/faq"}, false, "must differ"},
		{"bad API URL", Config{BotToken: "xoxb-1", AppToken: "xapp-1", APIURL: "slack.test"}, false, "API URL"},
		{"no answerer", Config{BotToken: "xoxb-1", AppToken: "xapp-1"}, true, "Answerer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deps := Deps{Answerer: answerer}
			if tt.noAns {
				deps.Answerer = nil
			}
			b, err := New(tt.cfg, deps)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if b.cfg.Command != "/faq" || b.cfg.AdminCommand != "/faq-admin" || b.Ready() {
					t.Errorf("defaults: %+v, ready %v", b.cfg, b.Ready())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestRunHTTPMode(t *testing.T) {
	e := newEnv(t)
	e.bot.botUser.Store("") // forget what newEnv learned: Run learns it again
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- e.bot.Run(ctx) }()
	<-e.api.authTestHit // newEnv's call
	<-e.api.authTestHit // Run's call
	deadline := time.Now().Add(5 * time.Second)
	for !e.bot.Ready() {
		if time.Now().After(deadline) {
			t.Fatal("not ready after auth.test")
		}
		time.Sleep(time.Millisecond)
	}
	if got := e.bot.botUserID(); got != botID {
		t.Errorf("bot user %q, want %q", got, botID)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run returned %v", err)
	}
	if e.bot.Ready() {
		t.Error("ready after Run returned")
	}
}

func TestRunHTTPModeRefusedToken(t *testing.T) {
	e := newEnv(t)
	e.api.authError.Store("invalid_auth")
	if err := e.bot.Run(t.Context()); err == nil || !strings.Contains(err.Error(), "invalid_auth") {
		t.Fatalf("Run = %v, want the invalid_auth error", err)
	}
}

func TestRunWaitsForAnswersInFlight(t *testing.T) {
	e := newEnv(t)
	e.bot.ackBudget = time.Millisecond
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- e.bot.Run(ctx) }()
	e.slash("/faq", "U1", "a slow question about sex therapy") // acknowledged empty, still answering
	cancel()
	close(e.engine.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Run returned only after the late answer was delivered.
	if posts := e.api.all(); len(posts) != 1 || posts[0].Method != "response_url" {
		t.Fatalf("posts %+v, want the late answer", posts)
	}
	// Once stopped, the bot takes no new work.
	if w := e.slash("/faq", "U1", "what is sex therapy"); w.Body.Len() != 0 {
		t.Errorf("a stopped bot answered %q", w.Body)
	}
}

func TestManifest(t *testing.T) {
	b, err := os.ReadFile("manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	manifest := string(b)
	for _, want := range []string{
		"- app_mentions:read", "- chat:write", "- commands", "- im:history", "- im:read", "- im:write",
		"- app_mention", "- message.im",
		"command: /faq\n", "command: /faq-admin\n",
		"interactivity:\n    is_enabled: true", "socket_mode_enabled: true",
	} {
		if !strings.Contains(manifest, want) {
			t.Errorf("manifest.yaml lacks %q", want)
		}
	}
	if strings.Contains(manifest, "\t") {
		t.Error("manifest.yaml has tabs, which YAML forbids")
	}
}
