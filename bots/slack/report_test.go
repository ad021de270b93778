package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
)

// fakeInbox is the insights store as the admin commands see it: it
// answers Report with insights, records Assign and Dismiss, and fails them
// with err when set.
type fakeInbox struct {
	mu        sync.Mutex
	insights  faqbot.Insights
	reportErr error
	err       error
	since     []time.Time
	calls     []string // "assign id|section|by", "dismiss id|by"
}

func (f *fakeInbox) Report(_ context.Context, since time.Time) (faqbot.Insights, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.since = append(f.since, since)
	return f.insights, f.reportErr
}

func (f *fakeInbox) Assign(_ context.Context, id, section, by string) (faqbot.Assigned, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "assign "+id+"|"+section+"|"+by)
	if f.err != nil {
		return faqbot.Assigned{}, f.err
	}
	text := ""
	for _, g := range append(f.insights.Unanswered, f.insights.NotHelpful...) {
		if g.ID == id {
			text = g.Text
		}
	}
	return faqbot.Assigned{ID: id, Section: section, Ask: text, Version: "c0ffee123456"}, nil
}

func (f *fakeInbox) Dismiss(_ context.Context, id, by string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "dismiss "+id+"|"+by)
	return f.err
}

func (f *fakeInbox) called() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// sampleInsights is a week of a small clinic's insights.
func sampleInsights() faqbot.Insights {
	return faqbot.Insights{
		Since:   testNow.Add(-reportWindow),
		Replies: map[string]int{"answer": 31, "no_match": 9, "handoff": 2, "smalltalk": 6},
		Sections: []faqbot.SectionVotes{
			{Section: "What is Sex Therapy?", Version: "3f9a1c0d5e7b", Helpful: 12, Unhelpful: 1},
			{Section: "Fees & <insurance>", Version: "3f9a1c0d5e7b", Helpful: 2, Unhelpful: 4},
			{Section: "Fees & <insurance>", Version: "0aa1b2c3d4e5", Helpful: 0, Unhelpful: 3},
		},
		Unanswered: []faqbot.Group{
			{ID: "5d41402abc", Text: "do you take   insurance\nfrom <!channel> Aetna & co?", Count: 4, Askers: 3},
			{ID: "7215ee9c7d", Text: "is there parking @here", Count: 1, Askers: 1},
			{ID: "0cc175b9c0", Text: "can my partner come along", Count: 6, Askers: 5},
		},
		NotHelpful: []faqbot.Group{
			{ID: "92eb5ffee6", Text: "how much does a session cost", Count: 3, Askers: 2, Section: "Fees & <insurance>"},
		},
	}
}

func TestReportGolden(t *testing.T) {
	many := faqbot.Insights{Since: testNow.Add(-24 * time.Hour), Replies: map[string]int{"answer": 3}}
	for i := range 30 {
		many.Sections = append(many.Sections, faqbot.SectionVotes{Section: fmt.Sprintf("Section %02d", i), Version: "3f9a1c0d5e7b", Helpful: i})
		many.Unanswered = append(many.Unanswered, faqbot.Group{ID: fmt.Sprintf("g%09d", i), Text: fmt.Sprintf("question %d", i), Count: i % 7, Askers: 1})
	}
	tests := []struct {
		name     string
		insights faqbot.Insights
		window   time.Duration
	}{
		{"week", sampleInsights(), reportWindow},
		{"empty", faqbot.Insights{Since: testNow.Add(-reportWindow)}, reportWindow},
		{"long_lists", many, 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := reportMessage(tt.insights, tt.window)
			if len(m.Blocks) > maxBlocks {
				t.Errorf("%d blocks, Slack takes %d", len(m.Blocks), maxBlocks)
			}
			golden(t, "report_"+tt.name, m)
		})
	}
}

func TestReportMessage(t *testing.T) {
	m := reportMessage(sampleInsights(), reportWindow)
	p := post{Text: m.Text, Blocks: mustJSON(t, m.Blocks)}
	for _, want := range []string{
		"last 168h", "*Replies:* 48", "• no_match: 9", "no_match rate: 18.8%",
		"• *Fees &amp; &lt;insurance&gt;* (0aa1b2c3): 0 / 3",
		// the top unanswered, most asked first, text on one line and inert
		"1. “can my partner come along” · ×6, 5 people",
		"2. “do you take insurance from &lt;!channel&gt; Aetna &amp; co?” · ×4, 3 people",
		"3. “is there parking @\u2060here” · ×1, 1 person",
		"1. “how much does a session cost” · ×3, 2 people · answered from *Fees &amp; &lt;insurance&gt;*",
	} {
		if !p.shows(want) {
			t.Errorf("report lacks %q:\n%s", want, strings.Join(p.texts(), "\n"))
		}
	}
	empty := reportMessage(faqbot.Insights{}, time.Hour)
	if p := (post{Blocks: mustJSON(t, empty.Blocks)}); strings.Count(strings.Join(p.texts(), "\n"), "none yet") != 4 {
		t.Errorf("an empty report should say none yet four times:\n%s", strings.Join(p.texts(), "\n"))
	}
}

func TestReportArg(t *testing.T) {
	tests := []struct {
		args   []string
		want   time.Duration
		wantOK bool
	}{
		{nil, 168 * time.Hour, true},
		{[]string{"24h"}, 24 * time.Hour, true},
		{[]string{"1h30m"}, 90 * time.Minute, true},
		{[]string{"7d"}, 0, false},
		{[]string{"-24h"}, 0, false},
		{[]string{"0s"}, 0, false},
		{[]string{"yesterday"}, 0, false},
		{[]string{"24h", "48h"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, ok := reportArg(tt.args)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("reportArg(%q) = %v, %v; want %v, %v", tt.args, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestUserText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain question", "plain question"},
		{"a & b <c>", "a &amp; b &lt;c&gt;"},
		{"<!channel> <@U123> <https://x|y>", "&lt;!channel&gt; &lt;@U123&gt; &lt;https://x|y&gt;"},
		{"hey @channel and @HERE and @everyone", "hey @\u2060channel and @\u2060HERE and @\u2060everyone"},
		{"two\nlines\t and  spaces ", "two lines and spaces"},
		{strings.Repeat("a", 300), strings.Repeat("a", maxGroupText-1) + "…"},
	}
	for _, tt := range tests {
		if got := userText(tt.in); got != tt.want {
			t.Errorf("userText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAdminReport runs /faq-admin report through the signed endpoint.
func TestAdminReport(t *testing.T) {
	tests := []struct {
		name      string
		user      string
		text      string
		inbox     bool
		want      []string
		wantSince []time.Time
	}{
		{"default week", "UADMIN", "report", true, []string{"*Insights report* for the last 168h", "no_match rate: 18.8%", "can my partner come along"}, []time.Time{testNow.Add(-168 * time.Hour)}},
		{"a day", "UADMIN", "Report 24h", true, []string{"for the last 24h"}, []time.Time{testNow.Add(-24 * time.Hour)}},
		{"bad duration", "UADMIN", "report 7d", true, []string{"Usage: /faq-admin report [DURATION]", "24h"}, nil},
		{"not an admin", "U0SOMEONE", "report", true, []string{adminRefused}, nil},
		{"insights off", "UADMIN", "report", false, []string{"Insights are off on this bot", "insights.path or insights.dsn"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &fakeInbox{insights: sampleInsights()}
			e := newEnv(t, func(_ *Config, d *Deps) {
				d.Librarian = &fakeLibrarian{}
				if tt.inbox {
					d.Inbox = in
				}
			})
			p := e.slashReply(t, "/faq-admin", tt.user, tt.text)
			for _, want := range tt.want {
				if !p.shows(want) {
					t.Errorf("reply lacks %q:\n%s", want, strings.Join(p.texts(), "\n"))
				}
			}
			if fmt.Sprint(in.since) != fmt.Sprint(tt.wantSince) {
				t.Errorf("Report since %v, want %v", in.since, tt.wantSince)
			}
		})
	}
}

func TestAdminReportFailureHidesTheDetail(t *testing.T) {
	in := &fakeInbox{reportErr: errors.New("dial tcp db.internal:5432: password authentication failed")}
	e := newEnv(t, func(_ *Config, d *Deps) { d.Inbox = in })
	p := e.slashReply(t, "/faq-admin", "UADMIN", "report")
	if !p.shows(reportFailed) || p.shows("db.internal") {
		t.Errorf("reply %q", p.texts())
	}
}

// slashReply sends a slash command and reads its acknowledgement, which
// must be ephemeral.
func (e *env) slashReply(t *testing.T, command, user, text string) post {
	t.Helper()
	w := e.slash(command, user, text)
	var m struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
		Blocks       any    `json:"blocks"`
	}
	if err := jsonDecode(w.Body.String(), &m); err != nil {
		t.Fatalf("body %q: %v", w.Body, err)
	}
	if m.ResponseType != "ephemeral" {
		t.Errorf("response_type %q, want ephemeral", m.ResponseType)
	}
	return post{Text: m.Text, Blocks: mustJSON(t, m.Blocks), ResponseType: m.ResponseType}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
