package slack

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

func TestSuggestionClickAnswersThatSection(t *testing.T) {
	tests := []struct {
		name       string
		ephemeral  bool
		threadTS   string
		wantMethod string
		wantThread string
	}{
		{"under an answer in a thread", false, "1515449522.000016", "chat.postMessage", "1515449522.000016"},
		{"under an answer in a DM", false, "", "chat.postMessage", ""},
		{"under an ephemeral slash command answer", true, "", "response_url", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			e.interact(t, blockActions("U0CLICKER", "C0LAN2Q65", "1515449600.000200", tt.threadTS, tt.ephemeral, e.api.hookURL("actions/1"), actionSection+"1", "What Sex Therapy is Not"))
			p := e.api.next(t)
			if p.Method != tt.wantMethod || p.ThreadTS != tt.wantThread {
				t.Fatalf("answered by %s in thread %q, want %s in thread %q", p.Method, p.ThreadTS, tt.wantMethod, tt.wantThread)
			}
			if tt.ephemeral && p.ResponseType != "ephemeral" {
				t.Errorf("response_type %q", p.ResponseType)
			}
			if !p.shows("> Sex therapy is not a form of entertainment") {
				t.Errorf("click answer does not quote the section: %q", p.texts())
			}
			q := e.engine.asked()
			if len(q) != 1 || q[0].Section != "What Sex Therapy is Not" || q[0].Text != "" || q[0].User != "U0CLICKER" {
				t.Errorf("engine got %+v, want the section asked by the clicker", q)
			}
		})
	}
}

func TestFeedbackIsCountedOnceAndThanked(t *testing.T) {
	e := newEnv(t)
	click := blockActions("U0CLICKER", "C0LAN2Q65", "1515449600.000200", "1515449522.000016", false, e.api.hookURL("actions/2"), actionHelpful, "helpful")
	e.interact(t, click)
	p := e.api.next(t)
	if p.Method != "response_url" || p.ResponseType != "ephemeral" || p.Text != thanksText {
		t.Fatalf("thanks went %s as %q: %q", p.Method, p.ResponseType, p.Text)
	}
	e.interact(t, click) // a double click
	e.interact(t, blockActions("U0CLICKER", "C0LAN2Q65", "1515449700.000300", "", false, e.api.hookURL("actions/3"), actionNotHelpful, "not_helpful"))
	e.api.next(t)
	e.bot.idle()
	if n := len(e.api.all()); n != 2 {
		t.Errorf("%d thanks, want 2", n)
	}
	if got := counter(t, e.metrics, "faqbot_feedback_total", map[string]string{"platform": "slack", "helpful": "true"}); got != 1 {
		t.Errorf("helpful counted %v, want 1", got)
	}
	if got := counter(t, e.metrics, "faqbot_feedback_total", map[string]string{"platform": "slack", "helpful": "false"}); got != 1 {
		t.Errorf("not helpful counted %v, want 1", got)
	}
}

func TestLinkButtonClickNeedsNothing(t *testing.T) {
	e := newEnv(t)
	e.interact(t, blockActions("U0CLICKER", "C0LAN2Q65", "1.1", "", false, e.api.hookURL("actions/4"), actionLink+"0", ""))
	e.bot.idle()
	if n := len(e.api.all()); n != 0 {
		t.Fatalf("%d posts for a link click", n)
	}
}

func TestRateLimit(t *testing.T) {
	limited := func(_ *Config, d *Deps) {
		d.Limiter = ratelimit.New(time.Hour, 1).WithClock(func() time.Time { return testNow })
	}
	t.Run("direct message", func(t *testing.T) {
		e := newEnv(t, limited)
		for i, ts := range []string{"1.1", "1.2", "1.3"} {
			e.event(t, eventCallback("EvRL"+ts, directMessage("U2147483697", "D024BE91L", ts, "what is sex therapy")), 0)
			if i < 2 {
				p := e.api.next(t)
				if i == 1 && (p.Text != ratelimit.SlowDown || p.Channel != "D024BE91L") {
					t.Fatalf("second message got %q in %s, want slow down in the DM", p.Text, p.Channel)
				}
			}
		}
		e.bot.idle()
		if n := len(e.api.all()); n != 2 {
			t.Errorf("%d posts, want the answer and one slow down", n)
		}
		if got := counter(t, e.metrics, "faqbot_rate_limited_total", map[string]string{"platform": "slack"}); got != 2 {
			t.Errorf("rate limited counted %v, want 2", got)
		}
	})
	t.Run("mention", func(t *testing.T) {
		e := newEnv(t, limited)
		e.event(t, eventCallback("EvM1", mention("U061F7AUR", "C0LAN2Q65", "2.1", "", "<@"+botID+"> what is sex therapy")), 0)
		e.api.next(t)
		e.event(t, eventCallback("EvM2", mention("U061F7AUR", "C0LAN2Q65", "2.2", "", "<@"+botID+"> what is sex therapy")), 0)
		p := e.api.next(t)
		if p.Method != "chat.postEphemeral" || p.User != "U061F7AUR" || p.ThreadTS != "2.2" || p.Text != ratelimit.SlowDown {
			t.Fatalf("slow down went %s to %q in thread %q: %q", p.Method, p.User, p.ThreadTS, p.Text)
		}
	})
	t.Run("slash command", func(t *testing.T) {
		e := newEnv(t, limited)
		e.slash("/faq", "U2CERLKJA", "what is sex therapy")
		if w := e.slash("/faq", "U2CERLKJA", "what is sex therapy"); !strings.Contains(w.Body.String(), "faster than I can answer") || !strings.Contains(w.Body.String(), "ephemeral") {
			t.Fatalf("second command answered %q", w.Body)
		}
		if w := e.slash("/faq", "U2CERLKJA", "what is sex therapy"); w.Code != http.StatusOK || w.Body.Len() != 0 {
			t.Fatalf("third command answered %d %q, want an empty acknowledgement", w.Code, w.Body)
		}
		if n := len(e.engine.asked()); n != 1 {
			t.Errorf("engine asked %d times, want 1", n)
		}
	})
}

func TestSlackRateLimitIsRetriedOnce(t *testing.T) {
	e := newEnv(t)
	var mu sync.Mutex
	var waits []time.Duration
	e.bot.sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return nil
	}
	e.api.rateLimit.Store(1)
	e.event(t, eventCallback("Ev429", directMessage("U2147483697", "D024BE91L", "3.1", "what is sex therapy")), 0)
	e.api.next(t)
	e.bot.idle()
	if len(waits) != 1 || waits[0] != 3*time.Second {
		t.Errorf("waited %v, want once for Retry-After: 3s", waits)
	}

	// Rate limited twice: given up after one retry, and counted.
	e.api.rateLimit.Store(2)
	e.api.calls.Store(0)
	e.event(t, eventCallback("Ev429b", directMessage("U2147483697", "D024BE91L", "3.2", "what is sex therapy")), 0)
	e.bot.idle()
	if n := e.api.calls.Load(); n != 2 {
		t.Errorf("%d calls, want 2", n)
	}
	if got := counter(t, e.metrics, "faqbot_platform_errors_total", map[string]string{"op": "post"}); got != 1 {
		t.Errorf("post errors counted %v, want 1", got)
	}
}

// fakeLibrarian records reloads.
type fakeLibrarian struct {
	mu        sync.Mutex
	status    faqbot.Status
	reloadBy  []string
	reloadErr error
}

func (l *fakeLibrarian) Status() faqbot.Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.status
}

func (l *fakeLibrarian) Reload(_ context.Context, by string) (faqbot.Status, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reloadBy = append(l.reloadBy, by)
	if l.reloadErr != nil {
		return l.status, l.reloadErr
	}
	l.status.Version = "b7e1d2c3"
	l.status.Passages = 43
	return l.status, nil
}

func TestAdminCommand(t *testing.T) {
	loaded := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	newLib := func() *fakeLibrarian {
		return &fakeLibrarian{status: faqbot.Status{
			Version: "a1b2c3d4", LoadedAt: loaded, Source: "/etc/faqbot/knowledge.md",
			Sections: []string{"What is Sex Therapy?", "What Sex Therapy is Not", "Fees & <insurance>"}, Passages: 42,
			LastError: "line 12: empty section", LastErrorAt: loaded.Add(time.Hour),
		}}
	}
	tests := []struct {
		name    string
		lib     func() *fakeLibrarian
		user    string
		text    string
		want    []string
		reloads []string
	}{
		{"not an admin", newLib, "U0SOMEONE", "reload", []string{adminRefused}, nil},
		{"no librarian", func() *fakeLibrarian { return nil }, "UADMIN", "status", []string{adminUnavailable}, nil},
		{"status", newLib, "UADMIN", "status", []string{"a1b2c3d4", "2026-03-01T09:30:00Z", "/etc/faqbot/knowledge.md", "Passages: 42",
			"Sections (3): What is Sex Therapy? · What Sex Therapy is Not · Fees &amp; &lt;insurance&gt;", "line 12: empty section (2026-03-01T10:30:00Z)"}, nil},
		{"reload", newLib, "UADMIN", "reload", []string{"Reloaded", "b7e1d2c3", "Passages: 43"}, []string{"slack:UADMIN"}},
		{"reload refused", func() *fakeLibrarian {
			l := newLib()
			l.reloadErr = errors.New("section 3 has no heading")
			return l
		}, "UADMIN", "Reload", []string{"Reload failed", "section 3 has no heading", "a1b2c3d4"}, []string{"slack:UADMIN"}},
		{"unknown action", newLib, "UADMIN", "delete everything", []string{"Usage: /faq-admin status | reload"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := tt.lib()
			e := newEnv(t, func(_ *Config, d *Deps) {
				if lib != nil {
					d.Librarian = lib
				}
			})
			w := e.slash("/faq-admin", tt.user, tt.text)
			var m struct {
				ResponseType string `json:"response_type"`
				Text         string `json:"text"`
			}
			if err := jsonDecode(w.Body.String(), &m); err != nil {
				t.Fatalf("body %q: %v", w.Body, err)
			}
			if m.ResponseType != "ephemeral" {
				t.Errorf("response_type %q, want ephemeral", m.ResponseType)
			}
			for _, want := range tt.want {
				if !strings.Contains(m.Text, want) {
					t.Errorf("reply lacks %q:\n%s", want, m.Text)
				}
			}
			if lib != nil && strings.Join(lib.reloadBy, ",") != strings.Join(tt.reloads, ",") {
				t.Errorf("reloads by %q, want %q", lib.reloadBy, tt.reloads)
			}
		})
	}
}

func TestCommandNamesAreConfigurable(t *testing.T) {
	e := newEnv(t, func(c *Config, _ *Deps) { c.Command, c.AdminCommand = "/ask-clinic", "/ask-clinic-admin" })
	if w := e.slash("/ask-clinic", "U1", "what is sex therapy"); !strings.Contains(w.Body.String(), "According to") {
		t.Errorf("configured command answered %q", w.Body)
	}
	if w := e.slash("/faq", "U1", "what is sex therapy"); strings.Contains(w.Body.String(), "According to") {
		t.Errorf("the default command still answers: %q", w.Body)
	}
	if w := e.slash("/ask-clinic-admin", "U1", "status"); !strings.Contains(w.Body.String(), "only the bot's moderators") {
		t.Errorf("configured admin command answered %q", w.Body)
	}
}
