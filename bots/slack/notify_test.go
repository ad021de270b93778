package slack

import (
	"context"
	"strings"
	"testing"
)

func TestNotify(t *testing.T) {
	e := newEnv(t)
	if err := e.bot.Notify(context.Background(), "CMODS", "Knowledge edit refused: faq.md:12: unknown directive <!channel>"); err != nil {
		t.Fatal(err)
	}
	p := e.api.next(t)
	if p.Method != "chat.postMessage" || p.Channel != "CMODS" || !strings.Contains(p.Text, "faq.md:12") {
		t.Errorf("posted %+v", p)
	}
	if strings.Contains(p.Text, "<!channel>") {
		t.Errorf("a notice can ping: %q", p.Text)
	}
	noToken, err := New(Config{Mode: ModeHTTP, SigningSecret: "s"}, Deps{Answerer: e.engine})
	if err != nil {
		t.Fatal(err)
	}
	if err := noToken.Notify(context.Background(), "CMODS", "x"); err == nil {
		t.Error("notified without a token")
	}
}
