package discord

import (
	"context"
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
)

func TestNotify(t *testing.T) {
	fd := newFakeDiscord(t)
	ans := faqbot.AnswerFunc(func(context.Context, faqbot.Question) (faqbot.Reply, error) { return faqbot.Reply{}, nil })
	b, err := New(Config{Token: "tok", APIBase: fd.srv.URL}, Deps{Answerer: ans})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Notify(context.Background(), "42", "Knowledge edit refused: faq.md:12: @everyone *oops*"); err != nil {
		t.Fatal(err)
	}
	c := fd.next(t, "notice")
	if c.Method != "POST" || c.Path != "/channels/42/messages" {
		t.Fatalf("call %s %s", c.Method, c.Path)
	}
	if content, _ := c.Body["content"].(string); !strings.Contains(content, "faq.md:12") || strings.Contains(content, "*oops*") {
		t.Errorf("content %q: want the notice, escaped", content)
	}
	noPings(t, c.Body)
	off, err := New(Config{PublicKey: strings.Repeat("ab", 32)}, Deps{Answerer: ans})
	if err != nil {
		t.Fatal(err)
	}
	if err := off.Notify(context.Background(), "42", "x"); err == nil {
		t.Error("notified without a token")
	}
}
