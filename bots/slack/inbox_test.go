package slack

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqbot/faqbot"
	"github.com/slack-go/slack"
)

// liveStatus is the knowledge the inbox tests' librarian serves.
func liveStatus() faqbot.Status {
	return faqbot.Status{
		Version:  "3f9a1c0d5e7b",
		Sections: []string{"What is Sex Therapy?", "Fees & <insurance>", strings.Repeat("A very long section heading ", 4)},
	}
}

func TestInboxValueRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		v    inboxValue
		want string
	}{
		{"assign", inboxValue{Op: opAssign, Group: "5d41402abc", Section: 2, Version: "3f9a1c0d"}, "a|3f9a1c0d|2|5d41402abc"},
		{"assign the last option", inboxValue{Op: opAssign, Group: "5d41402abc", Section: maxOptions - 1, Version: "3f9a1c0d"}, "a|3f9a1c0d|99|5d41402abc"},
		{"dismiss", inboxValue{Op: opDismiss, Group: "5d41402abc", Version: "3f9a1c0d"}, "d|3f9a1c0d|5d41402abc"},
		{"short version, long id", inboxValue{Op: opAssign, Group: strings.Repeat("a-_Z", 16), Section: 0, Version: "b7"}, "a|b7|0|" + strings.Repeat("a-_Z", 16)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.v.String()
			if s != tt.want {
				t.Errorf("String() = %q, want %q", s, tt.want)
			}
			if len(s) > maxOptionValue {
				t.Errorf("value is %d bytes, an option takes %d", len(s), maxOptionValue)
			}
			got, err := parseInboxValue(s)
			if err != nil || got != tt.v {
				t.Errorf("parseInboxValue(%q) = %+v, %v; want %+v", s, got, err, tt.v)
			}
		})
	}
}

func TestParseInboxValueRejects(t *testing.T) {
	for _, s := range []string{
		"",
		"a",
		"a|3f9a1c0d|2",                  // no group
		"a|3f9a1c0d|2|5d41402abc|x",     // too many parts
		"d|3f9a1c0d|2|5d41402abc",       // dismiss names no section
		"x|3f9a1c0d|5d41402abc",         // unknown op
		"A|3f9a1c0d|2|5d41402abc",       // ops are lower case
		"a||2|5d41402abc",               // no version
		"a|3f9a1c0d5e7b|2|5d41402abc",   // longer than the prefix
		"a|3f9a&c0d|2|5d41402abc",       // version not a token
		"a|3f9a1c0d||5d41402abc",        // no index
		"a|3f9a1c0d|-1|5d41402abc",      // negative
		"a|3f9a1c0d|+1|5d41402abc",      // signed
		"a|3f9a1c0d|02|5d41402abc",      // leading zero
		"a|3f9a1c0d|100|5d41402abc",     // past the options
		"a|3f9a1c0d|1e2|5d41402abc",     // not decimal
		"a|3f9a1c0d|2|",                 // empty group
		"a|3f9a1c0d|2|5d41 402abc",      // space in the group
		"a|3f9a1c0d|2|&lt;!channel&gt;", // markup in the group
		"a|3f9a1c0d|2|" + strings.Repeat("a", 65),
		"d|3f9a1c0d|" + strings.Repeat("a", maxOptionValue),
		"a|3f9a1c0d|2|5d41402ab\u00e9", // not ASCII
	} {
		t.Run(s, func(t *testing.T) {
			if v, err := parseInboxValue(s); !errors.Is(err, errBadValue) {
				t.Errorf("parseInboxValue(%q) = %+v, %v; want errBadValue", s, v, err)
			}
		})
	}
}

func TestInboxGolden(t *testing.T) {
	tests := []struct {
		name     string
		insights faqbot.Insights
		status   faqbot.Status
	}{
		{"groups", sampleInsights(), liveStatus()},
		{"empty", faqbot.Insights{}, liveStatus()},
		{"no_knowledge", faqbot.Insights{Unanswered: sampleInsights().Unanswered[:1]}, faqbot.Status{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "inbox_"+tt.name, inboxMessage(tt.insights, tt.status))
		})
	}
}

// TestInboxMessageFitsSlack: a full inbox and a file with many long
// headings still make a message Slack takes.
func TestInboxMessageFitsSlack(t *testing.T) {
	var ins faqbot.Insights
	for i := range 40 {
		ins.Unanswered = append(ins.Unanswered, faqbot.Group{ID: fmt.Sprintf("u%09d", i), Text: strings.Repeat("why ", 100), Count: 1, Askers: 1})
		ins.NotHelpful = append(ins.NotHelpful, faqbot.Group{ID: fmt.Sprintf("n%09d", i), Text: "cost?", Count: 1, Askers: 1, Section: "Fees"})
	}
	st := faqbot.Status{Version: "3f9a1c0d5e7b"}
	for i := range 130 {
		st.Sections = append(st.Sections, fmt.Sprintf("%03d %s", i, strings.Repeat("é", 90)))
	}
	m := inboxMessage(ins, st)
	if len(m.Blocks) > maxBlocks {
		t.Fatalf("%d blocks, Slack takes %d", len(m.Blocks), maxBlocks)
	}
	selects := 0
	for _, b := range m.Blocks {
		ab, ok := b.(*slack.ActionBlock)
		if !ok {
			continue
		}
		for _, el := range ab.Elements.ElementSet {
			switch el := el.(type) {
			case *slack.SelectBlockElement:
				selects++
				if len(el.Options) != maxOptions {
					t.Errorf("%d options, want the first %d sections", len(el.Options), maxOptions)
				}
				for i, o := range el.Options {
					if n := utf8.RuneCountInString(o.Text.Text); n > maxOptionText {
						t.Errorf("option text %d characters", n)
					}
					if len(o.Value) > maxOptionValue {
						t.Errorf("option value %d bytes", len(o.Value))
					}
					if v, err := parseInboxValue(o.Value); err != nil || v.Section != i {
						t.Errorf("option %d value %q reads %+v, %v", i, o.Value, v, err)
					}
				}
			case *slack.ButtonBlockElement:
				if len(el.Value) > maxValue || el.Confirm == nil {
					t.Errorf("dismiss button %q has no confirm or too long a value", el.Value)
				}
			}
		}
	}
	if selects != inboxGroups {
		t.Errorf("%d groups with controls, want %d", selects, inboxGroups)
	}
	p := post{Blocks: mustJSON(t, m.Blocks)}
	for _, want := range []string{fmt.Sprintf("…and %d more", 80-inboxGroups), "`faqbot inbox` on the server lists all", "Only the first 100 sections"} {
		if !p.shows(want) {
			t.Errorf("inbox lacks %q", want)
		}
	}
}

// TestAdminInbox runs /faq-admin inbox through the signed endpoint.
func TestAdminInbox(t *testing.T) {
	tests := []struct {
		name  string
		user  string
		inbox bool
		want  []string
	}{
		{"admin", "UADMIN", true, []string{"Inbox: 3 unanswered, 1 answered but marked Not helpful", "can my partner come along", "Assign to section…", "Dismiss", "a|3f9a1c0d|1|0cc175b9c0"}},
		{"not an admin", "U0SOMEONE", true, []string{adminRefused}},
		{"insights off", "UADMIN", false, []string{"Insights are off on this bot", "insights.path or insights.dsn"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &fakeInbox{insights: sampleInsights()}
			e := newEnv(t, func(_ *Config, d *Deps) {
				d.Librarian = &fakeLibrarian{status: liveStatus()}
				if tt.inbox {
					d.Inbox = in
				}
			})
			p := e.slashReply(t, "/faq-admin", tt.user, "inbox")
			for _, want := range tt.want {
				if !p.shows(want) && !strings.Contains(p.Blocks, want) {
					t.Errorf("reply lacks %q:\n%s", want, p.Blocks)
				}
			}
		})
	}
}

// inboxClick is a block_actions payload for a moderator's click on an
// inbox control under the ephemeral /faq-admin inbox list.
func inboxClick(user, responseURL, actionID, value string) string {
	var doc map[string]any
	_ = json.Unmarshal([]byte(blockActions(user, "C2147483705", "1700000000.000100", "", true, responseURL, actionID, value)), &doc)
	if actionID == actionInboxAssign {
		doc["actions"] = []map[string]any{{
			"action_id": actionID, "block_id": "b1", "type": "static_select", "action_ts": "1548426417.840180",
			"selected_option": map[string]any{"text": map[string]any{"type": "plain_text", "text": "Fees"}, "value": value},
			"placeholder":     map[string]any{"type": "plain_text", "text": "Assign to section…"},
		}}
	}
	b, _ := json.Marshal(doc)
	return string(b)
}

func TestInboxClicks(t *testing.T) {
	tests := []struct {
		name      string
		user      string
		action    string
		value     string
		err       error
		want      string
		wantCalls []string
	}{
		{"assign", "UADMIN", actionInboxAssign, "a|3f9a1c0d|1|0cc175b9c0", nil,
			"Added “@ask: can my partner come along” under “Fees &amp; &lt;insurance&gt;” (version c0ffee123456). The bot answers it once the watcher has the new file.",
			[]string{"assign 0cc175b9c0|Fees & <insurance>|slack:UADMIN"}},
		{"dismiss", "UADMIN", actionInboxDismiss, "d|3f9a1c0d|7215ee9c7d", nil, dismissed, []string{"dismiss 7215ee9c7d|slack:UADMIN"}},
		{"stale version", "UADMIN", actionInboxAssign, "a|0aa1b2c3|1|0cc175b9c0", nil, staleInbox, nil},
		// a Dismiss names no section: a list of another version is fine
		{"dismiss from an older list", "UADMIN", actionInboxDismiss, "d|0aa1b2c3|7215ee9c7d", nil, dismissed, []string{"dismiss 7215ee9c7d|slack:UADMIN"}},
		{"section index past the file", "UADMIN", actionInboxAssign, "a|3f9a1c0d|3|0cc175b9c0", nil, staleInbox, nil},
		{"unknown group", "UADMIN", actionInboxAssign, "a|3f9a1c0d|0|5d41402abc", fmt.Errorf("insights: %w", faqbot.ErrUnknownGroup), unknownGroup,
			[]string{"assign 5d41402abc|What is Sex Therapy?|slack:UADMIN"}},
		{"dismissed already", "UADMIN", actionInboxDismiss, "d|3f9a1c0d|5d41402abc", faqbot.ErrUnknownGroup, unknownGroup, []string{"dismiss 5d41402abc|slack:UADMIN"}},
		{"file check fails", "UADMIN", actionInboxAssign, "a|3f9a1c0d|0|5d41402abc", errors.New("publish: line 12: <b> empty paragraph"),
			"*Could not assign:* publish: line 12: &lt;b&gt; empty paragraph", []string{"assign 5d41402abc|What is Sex Therapy?|slack:UADMIN"}},
		{"not an admin", "U0SOMEONE", actionInboxAssign, "a|3f9a1c0d|1|0cc175b9c0", nil, adminRefused, nil},
		{"not an admin dismissing", "U0SOMEONE", actionInboxDismiss, "d|3f9a1c0d|7215ee9c7d", nil, adminRefused, nil},
		{"malformed", "UADMIN", actionInboxAssign, "a|3f9a1c0d|1|<!channel>", nil, badClick, nil},
		{"dismiss value on the picker", "UADMIN", actionInboxAssign, "d|3f9a1c0d|7215ee9c7d", nil, badClick, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &fakeInbox{insights: sampleInsights(), err: tt.err}
			e := newEnv(t, func(_ *Config, d *Deps) {
				d.Librarian = &fakeLibrarian{status: liveStatus()}
				d.Inbox = in
			})
			e.interact(t, inboxClick(tt.user, e.api.hookURL("actions/inbox"), tt.action, tt.value))
			p := e.api.next(t)
			if p.Method != "response_url" || p.ResponseType != "ephemeral" || p.ReplaceOriginal {
				t.Errorf("reply went %s, %q, replace_original %v; want a new ephemeral message by response_url", p.Method, p.ResponseType, p.ReplaceOriginal)
			}
			if p.Text != tt.want {
				t.Errorf("reply %q, want %q", p.Text, tt.want)
			}
			e.bot.idle()
			if got := in.called(); strings.Join(got, "\n") != strings.Join(tt.wantCalls, "\n") {
				t.Errorf("inbox calls %q, want %q", got, tt.wantCalls)
			}
			logs := e.logs.String()
			for _, words := range []string{"partner come along", "parking", "insurance", "U0SOMEONE"} {
				if strings.Contains(logs, words) {
					t.Errorf("log holds %q:\n%s", words, logs)
				}
			}
		})
	}
}

func TestInboxClickWithInsightsOff(t *testing.T) {
	e := newEnv(t, func(_ *Config, d *Deps) { d.Librarian = &fakeLibrarian{status: liveStatus()} })
	e.interact(t, inboxClick("UADMIN", e.api.hookURL("actions/inbox"), actionInboxDismiss, "d|3f9a1c0d|7215ee9c7d"))
	if p := e.api.next(t); p.Text != insightsOff {
		t.Errorf("reply %q", p.Text)
	}
}

// TestInboxClickIsActedOnOnce: a redelivered click (the same trigger_id)
// assigns once.
func TestInboxClickIsActedOnOnce(t *testing.T) {
	in := &fakeInbox{insights: sampleInsights()}
	e := newEnv(t, func(_ *Config, d *Deps) {
		d.Librarian = &fakeLibrarian{status: liveStatus()}
		d.Inbox = in
	})
	click := inboxClick("UADMIN", e.api.hookURL("actions/inbox"), actionInboxAssign, "a|3f9a1c0d|1|0cc175b9c0")
	e.interact(t, click)
	e.interact(t, click)
	e.bot.idle()
	if n := len(in.called()); n != 1 {
		t.Errorf("%d assigns, want 1", n)
	}
	logs := e.logs.String()
	for _, want := range []string{`"action":"assign"`, `"group":"0cc175b9c0"`, `"outcome":"done"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %s:\n%s", want, logs)
		}
	}
}
