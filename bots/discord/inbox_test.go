package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
)

// The moderator in the testdata events, and what Assign and Dismiss name.
const (
	testModID   = "53908232506183682"
	testModBy   = "discord:" + testModID
	testGroupID = "9c1e0b7a2f" // the group the select and dismiss events name
	newVersion  = "b7c8d9e0f1a2"
)

// testInsights is what the fake store reports: the first group is the one
// the events name; one echoes mentions and markdown, as a question might.
func testInsights() faqbot.Insights {
	return faqbot.Insights{
		Since:    testNow.Add(-24 * time.Hour),
		Replies:  map[string]int{"answer": 80, "no_match": 30, "handoff": 6, "smalltalk": 4},
		Sections: []faqbot.SectionVotes{{Section: "Sensate focus", Version: testVersion, Helpful: 12, Unhelpful: 3}, {Section: "Low desire", Version: testVersion, Helpful: 4, Unhelpful: 5}, {Section: "Low desire", Version: "0a1b2c3d4e5f6a7b", Helpful: 1}},
		Unanswered: []faqbot.Group{
			{ID: testGroupID, Text: "is it normal to lose desire after a baby", Count: 5, Askers: 3},
			{ID: "4d2a9e6b10", Text: "@everyone <@&539082325061836999> **how** do I [book](https://evil.example)?", Count: 2, Askers: 2},
			{ID: "0b1c2d3e4f", Text: "# what does a first session cost\n- and is it covered", Count: 1, Askers: 1},
			{ID: "5a6b7c8d9e", Text: "do you see couples online", Count: 1, Askers: 1},
			{ID: "6a7b8c9d0e", Text: "can my partner come too", Count: 1, Askers: 1},
			{ID: "7a8b9c0d1e", Text: strings.Repeat("a very long question that goes on ", 20), Count: 1, Askers: 1},
		},
		NotHelpful: []faqbot.Group{{ID: "77aa01bc3e", Text: "why does sex hurt _every_ time", Count: 2, Askers: 2, Section: "Pain during sex"}},
	}
}

// fakeInbox is the insights store behind /faq-admin report and inbox: it
// serves its insights, settles their groups, records every call, and
// fails Assign with err when set. hold, when set, keeps Assign waiting.
type fakeInbox struct {
	mu        sync.Mutex
	insights  faqbot.Insights
	since     []time.Time
	assigns   []inboxCall
	dismisses []inboxCall
	err       error
	hold      chan struct{}
}

type inboxCall struct{ ID, Section, By string }

func newFakeInbox() *fakeInbox { return &fakeInbox{insights: testInsights()} }

func (f *fakeInbox) Report(_ context.Context, since time.Time) (faqbot.Insights, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.since = append(f.since, since)
	return f.insights, nil
}

func (f *fakeInbox) Assign(ctx context.Context, id, section, by string) (faqbot.Assigned, error) {
	if f.hold != nil {
		select {
		case <-f.hold:
		case <-ctx.Done():
			return faqbot.Assigned{}, ctx.Err()
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.assigns = append(f.assigns, inboxCall{id, section, by})
	if f.err != nil {
		return faqbot.Assigned{}, f.err
	}
	g, ok := f.take(id)
	if !ok {
		return faqbot.Assigned{}, faqbot.ErrUnknownGroup
	}
	return faqbot.Assigned{ID: id, Section: section, Ask: g.Text, Version: newVersion}, nil
}

func (f *fakeInbox) Dismiss(_ context.Context, id, by string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dismisses = append(f.dismisses, inboxCall{ID: id, By: by})
	if _, ok := f.take(id); !ok {
		return faqbot.ErrUnknownGroup
	}
	return nil
}

// take removes a group; f.mu is held.
func (f *fakeInbox) take(id string) (faqbot.Group, bool) {
	for _, list := range []*[]faqbot.Group{&f.insights.Unanswered, &f.insights.NotHelpful} {
		for i, g := range *list {
			if g.ID == id {
				*list = slices.Delete(*list, i, i+1)
				return g, true
			}
		}
	}
	return faqbot.Group{}, false
}

func (f *fakeInbox) calls() (since []time.Time, assigns, dismisses []inboxCall) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.since), slices.Clone(f.assigns), slices.Clone(f.dismisses)
}

// event is a testdata event with edits applied: each post to an endpoint
// needs its own interaction id (a repeated one is a replay).
func event(t *testing.T, name string, edits ...func(map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(readEvent(t, name), &m); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		e(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func withID(id string) func(map[string]any) { return func(m map[string]any) { m["id"] = id } }

func notModerator(m map[string]any) { m["member"].(map[string]any)["permissions"] = "2048" }

func withData(data map[string]any) func(map[string]any) {
	return func(m map[string]any) { m["data"] = data }
}

func selectData(customID string, values ...string) map[string]any {
	return map[string]any{"component_type": 3, "custom_id": customID, "values": values}
}

func withSince(v string) func(map[string]any) {
	return withData(map[string]any{"type": 1, "name": "faq-admin", "options": []any{
		map[string]any{"type": 1, "name": "report", "options": []any{map[string]any{"type": 3, "name": "since", "value": v}}},
	}})
}

// ephemeral posts body and checks the reply is a type 4 private message
// that pings no one; it returns the content and the whole response.
func (e *endpoint) ephemeral(t *testing.T, body []byte) (string, map[string]any) {
	t.Helper()
	code, out := e.post(t, body, nil)
	if code != http.StatusOK || num(out, "type") != 4 || num(out, "data", "flags") != 64 {
		t.Fatalf("→ %d %v, want 200, type 4, flags 64", code, out)
	}
	noPings(t, out, "data")
	return str(out, "data", "content"), out
}

// content is ephemeral's content.
func (e *endpoint) content(t *testing.T, body []byte) string {
	t.Helper()
	c, _ := e.ephemeral(t, body)
	return c
}

func inboxEndpoint(t *testing.T, in *fakeInbox, lib *fakeLibrarian) *endpoint {
	return newEndpoint(t, func(d *Deps) {
		if in != nil {
			d.Inbox = in
		}
		if lib != nil {
			d.Librarian = lib
		}
	})
}

func TestInboxIDs(t *testing.T) {
	long := strings.Repeat("Z", maxGroup)
	for _, tt := range []struct {
		act, version, group, kv string
	}{
		{"assign", testVersion, testGroupID, "3f9a2c1d"},
		{"dismiss", testVersion, testGroupID, "3f9a2c1d"},
		{"assign", "abc", "g", "abc"},
		{"assign", "", testGroupID, "-"},
		{"dismiss", "v1:2026/03 draft", long, versionToken("v1:2026/03 draft")},
		{"assign", testVersion, "AbC-_9", "3f9a2c1d"},
	} {
		id, ok := inboxID(tt.act, tt.version, tt.group)
		if !ok || len(id) > 100 {
			t.Errorf("inboxID(%q, %q, %q) = %q, %v", tt.act, tt.version, tt.group, id, ok)
			continue
		}
		act, kv, group, ok := parseInboxID(id)
		if !ok || act != tt.act || kv != tt.kv || group != tt.group {
			t.Errorf("parseInboxID(%q) = %q, %q, %q, %v; want %q, %q, %q", id, act, kv, group, ok, tt.act, tt.kv, tt.group)
		}
		if kv != versionToken(tt.version) || len(kv) > kvLen {
			t.Errorf("%q: kv %q, versionToken %q", id, kv, versionToken(tt.version))
		}
	}
	for _, tt := range []struct{ act, group string }{
		{"assign", ""}, {"assign", long + "Z"}, {"assign", "a:b"}, {"dismiss", "x y"}, {"dismiss", "é"}, {"forget", testGroupID},
	} {
		if id, ok := inboxID(tt.act, testVersion, tt.group); ok {
			t.Errorf("inboxID(%q, %q) = %q, accepted", tt.act, tt.group, id)
		}
	}
	for _, id := range []string{
		"", "faq:a:", "faq:a:3f9a2c1d", "faq:a:3f9a2c1d:", "faq:a::" + testGroupID,
		"faq:a:3f9a2c1d4:" + testGroupID, // version token too long
		"faq:a:3f9a2c1d:" + testGroupID + ":x",
		"faq:d:3f9a2c1d:../../admin", "faq:d:3f 9a2c1:" + testGroupID, "faq:a:3f9a2c1d:" + long + "Z",
		"faq:x:3f9a2c1d:" + testGroupID, "FAQ:A:3f9a2c1d:" + testGroupID, "faq:s:a0e2c0506958e198", "faq:f:y:a0e2c0506958e198",
	} {
		if act, kv, group, ok := parseInboxID(id); ok {
			t.Errorf("parseInboxID(%q) = %q, %q, %q, accepted", id, act, kv, group)
		}
		if kind, _, _ := parseCustomID(id); kind != "" && strings.HasPrefix(id, "faq:a") {
			t.Errorf("parseCustomID(%q) took an inbox id as %q", id, kind)
		}
	}
}

func TestParseSince(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", defaultSince, true},
		{"  ", defaultSince, true},
		{"24h", 24 * time.Hour, true},
		{" 720h ", 720 * time.Hour, true},
		{"1h30m", 90 * time.Minute, true},
		{"7d", 0, false},
		{"0s", 0, false},
		{"-1h", 0, false},
		{"a week", 0, false},
	} {
		got, err := parseSince(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseSince(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestSectionAt(t *testing.T) {
	many := make([]string, 30)
	for i := range many {
		many[i] = fmt.Sprintf("Section %d", i)
	}
	for _, tt := range []struct {
		sections []string
		value    string
		want     string
	}{
		{testSections, "0", "Sensate focus"},
		{testSections, "2", "Pain during sex"},
		{testSections, "4", "About the clinic"},
		{testSections, "5", ""},
		{testSections, "-1", ""},
		{testSections, "02", ""},
		{testSections, "+2", ""},
		{testSections, "x", ""},
		{testSections, "", ""},
		{many, "24", "Section 24"},
		{many, "25", ""}, // never offered: menus hold 25 options
		{[]string{"A", "  ", "B"}, "1", ""},
	} {
		got, ok := sectionAt(tt.sections, tt.value)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("sectionAt(%q) = %q, %v; want %q", tt.value, got, ok, tt.want)
		}
	}
}

func TestRenderInsightsGolden(t *testing.T) {
	many := make([]string, 30)
	for i := range many {
		many[i] = fmt.Sprintf("Section %d: ", i) + strings.Repeat("a heading far longer than a menu label can hold ", 3)
	}
	oneEach := faqbot.Insights{Unanswered: testInsights().Unanswered[:1], NotHelpful: testInsights().NotHelpful}
	tests := []struct {
		name string
		msgs []message
	}{
		{"report", renderReport(testInsights(), 24*time.Hour)},
		{"report_empty", renderReport(faqbot.Insights{Replies: map[string]int{}}, defaultSince)},
		{"inbox", renderInbox(testInsights(), testSections, testVersion)},
		{"inbox_two", renderInbox(oneEach, testSections, testVersion)},
		{"inbox_empty", renderInbox(faqbot.Insights{}, testSections, testVersion)},
		{"inbox_no_sections", renderInbox(oneEach, nil, "")},
		{"inbox_many_sections", renderInbox(oneEach, many, testVersion)},
		{"assigned", renderAssigned(faqbot.Assigned{ID: testGroupID, Section: "Low desire", Ask: "is it normal to lose **desire** after a baby", Version: newVersion})},
		{"assign_failed", renderAssignFailed(errors.New("knowledge.md:14: @ask line repeats one in “Low desire”\nknowledge.md:15: # heading expected"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, follow := toInteraction(tt.msgs, true)
			golden(t, "render/"+tt.name+".golden", map[string]any{
				"interaction": map[string]any{"response": discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}, "followups": follow},
			})
			checkLimits(t, tt.msgs)
		})
	}
}

func TestRenderInboxLayout(t *testing.T) {
	msgs := renderInbox(testInsights(), testSections, testVersion)
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	rows := msgs[0].Components
	if len(rows) != maxRows {
		t.Fatalf("%d rows, want %d", len(rows), maxRows)
	}
	for i, r := range rows[:inboxShown] {
		m := r.(discordgo.ActionsRow).Components[0].(discordgo.SelectMenu)
		g := testInsights().Unanswered[i]
		if want, _ := inboxID("assign", testVersion, g.ID); m.CustomID != want || len(m.Options) != len(testSections) || m.Options[2].Value != "2" {
			t.Errorf("row %d: %+v", i, m)
		}
	}
	btns := rows[inboxShown].(discordgo.ActionsRow).Components
	if len(btns) != inboxShown || btns[0].(discordgo.Button).CustomID != "faq:d:3f9a2c1d:"+testGroupID {
		t.Errorf("dismiss row %+v", btns)
	}
	c := msgs[0].Content
	for _, want := range []string{"**Inbox**: 6 unanswered, 1 marked Not helpful.", "3 more", "`faqbot inbox`", "@\u200beveryone \\<@&539082325061836999\\> \\*\\*how\\*\\*"} {
		if !strings.Contains(c, want) {
			t.Errorf("inbox lacks %q:\n%s", want, c)
		}
	}
}

func TestEndpointReport(t *testing.T) {
	in := newFakeInbox()
	e := inboxEndpoint(t, in, nil)
	c := e.content(t, readEvent(t, "interaction_admin_report.json"))
	for _, want := range []string{
		"**Insights, last 24h**", "Replies: 120 · answer 80 · handoff 6 · smalltalk 4 · no\\_match 30", "no\\_match rate: 25.0%",
		"- “Low desire” · version 3f9a2c1d4b5e · Helpful 4 · Not helpful 5",
		"- 5× · 3 people · “is it normal to lose desire after a baby”",
		"- 2× · 2 people · “Pain during sex” · “why does sex hurt \\_every\\_ time”",
		"@\u200beveryone \\<@&539082325061836999\\>",
	} {
		if !strings.Contains(c, want) {
			t.Errorf("report lacks %q:\n%s", want, c)
		}
	}
	if since, _, _ := in.calls(); len(since) != 1 || !since[0].Equal(testNow.Add(-24*time.Hour)) {
		t.Errorf("Report since %v, want %v", since, testNow.Add(-24*time.Hour))
	}
	// No since: a week.
	e.content(t, event(t, "interaction_admin_report.json", withID("2"), withSince("")))
	if since, _, _ := in.calls(); len(since) != 2 || !since[1].Equal(testNow.Add(-defaultSince)) {
		t.Errorf("Report since %v", since)
	}
}

func TestEndpointReportBadSince(t *testing.T) {
	in := newFakeInbox()
	e := inboxEndpoint(t, in, nil)
	for i, v := range []string{"7d", "-24h", "soon"} {
		if c := e.content(t, event(t, "interaction_admin_report.json", withID(fmt.Sprint(i+1)), withSince(v))); c != reportUsage {
			t.Errorf("since:%s → %q", v, c)
		}
	}
	if since, _, _ := in.calls(); len(since) != 0 {
		t.Errorf("Report called for a bad since: %v", since)
	}
}

func TestEndpointInsightsOff(t *testing.T) {
	e := inboxEndpoint(t, nil, nil)
	for _, name := range []string{"interaction_admin_report.json", "interaction_admin_inbox.json", "interaction_select_assign.json", "interaction_button_dismiss.json"} {
		if c := e.content(t, readEvent(t, name)); c != insightsOff {
			t.Errorf("%s with insights off → %q", name, c)
		}
	}
	if !strings.Contains(insightsOff, "insights.path or insights.dsn") {
		t.Errorf("insightsOff does not say how to turn them on: %q", insightsOff)
	}
}

// Every command and every click checks the person is a moderator; a
// refused click changes nothing.
func TestEndpointInboxModeratorsOnly(t *testing.T) {
	in := newFakeInbox()
	e := inboxEndpoint(t, in, nil)
	for _, name := range []string{"interaction_admin_report.json", "interaction_admin_inbox.json", "interaction_select_assign.json", "interaction_button_dismiss.json"} {
		if c := e.content(t, event(t, name, notModerator)); c != adminRefusal {
			t.Errorf("%s from a member → %q", name, c)
		}
	}
	// A DM has no member: nobody is a moderator there.
	dm := event(t, "interaction_select_assign.json", withID("9"), func(m map[string]any) {
		m["user"] = m["member"].(map[string]any)["user"]
		delete(m, "member")
		delete(m, "guild_id")
	})
	if c := e.content(t, dm); c != adminRefusal {
		t.Errorf("click in a DM → %q", c)
	}
	if since, assigns, dismisses := in.calls(); len(since)+len(assigns)+len(dismisses) != 0 {
		t.Errorf("the store was called: %v %v %v", since, assigns, dismisses)
	}
}

func TestEndpointInbox(t *testing.T) {
	in := newFakeInbox()
	e := inboxEndpoint(t, in, nil)
	c, out := e.ephemeral(t, readEvent(t, "interaction_admin_inbox.json"))
	if !strings.Contains(c, "**1.** Unanswered · 5× · 3 people · id `9c1e0b7a2f`\n“is it normal to lose desire after a baby”") {
		t.Errorf("content:\n%s", c)
	}
	rows, _ := dig(out, "data", "components").([]any)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5", len(rows))
	}
	menu, _ := dig(rows[0], "components", "0").(map[string]any)
	if num(menu, "type") != 3 || str(menu, "custom_id") != "faq:a:3f9a2c1d:"+testGroupID {
		t.Errorf("first row %v", menu)
	}
	if opts, _ := menu["options"].([]any); len(opts) != len(testSections) || str(opts[2].(map[string]any), "value") != "2" || str(opts[2].(map[string]any), "label") != "Pain during sex" {
		t.Errorf("options %v", menu["options"])
	}
	if got := buttons(out, "data"); !slices.Contains(got, "faq:d:3f9a2c1d:"+testGroupID) || len(got) != 2*inboxShown {
		t.Errorf("components %v", got)
	}
	if since, _, _ := in.calls(); len(since) != 1 || !since[0].IsZero() {
		t.Errorf("the inbox asked for a report since %v, want all (the zero time)", since)
	}
}

func TestEndpointAssign(t *testing.T) {
	in := newFakeInbox()
	e := inboxEndpoint(t, in, nil)
	c := e.content(t, readEvent(t, "interaction_select_assign.json"))
	want := "Added “@ask: is it normal to lose desire after a baby” under “Pain during sex” (version " + newVersion + "). The bot answers it once the watcher has the new file."
	if c != want {
		t.Errorf("reply %q\nwant  %q", c, want)
	}
	if _, assigns, _ := in.calls(); len(assigns) != 1 || assigns[0] != (inboxCall{testGroupID, "Pain during sex", testModBy}) {
		t.Errorf("Assign calls %+v", assigns)
	}
	// The same group again (another moderator's list): it is gone.
	again := event(t, "interaction_select_assign.json", withID("2"))
	if c := e.content(t, again); c != goneFromInbox {
		t.Errorf("second assign → %q", c)
	}
}

// Publishing can take longer than Discord's 3 seconds: the click is
// answered "thinking…" and the result edited in.
func TestEndpointAssignDeferred(t *testing.T) {
	in := newFakeInbox()
	in.hold = make(chan struct{})
	e := inboxEndpoint(t, in, nil)
	code, out := e.post(t, readEvent(t, "interaction_select_assign.json"), nil)
	if code != http.StatusOK || num(out, "type") != 5 || num(out, "data", "flags") != 64 {
		t.Fatalf("slow assign → %d %v, want type 5 flags 64", code, out)
	}
	close(in.hold)
	edit := e.fd.next(t, "edit of the original response")
	if edit.Method != "PATCH" || !strings.HasSuffix(edit.Path, "/messages/@original") || !strings.HasPrefix(str(edit.Body, "content"), "Added “@ask: ") {
		t.Errorf("%s %s %s", edit.Method, edit.Path, edit.Raw)
	}
	noPings(t, edit.Body)
}

func TestEndpointDismiss(t *testing.T) {
	in := newFakeInbox()
	e := inboxEndpoint(t, in, nil)
	if c := e.content(t, readEvent(t, "interaction_button_dismiss.json")); c != dismissed {
		t.Errorf("dismiss → %q", c)
	}
	if c := e.content(t, event(t, "interaction_button_dismiss.json", withID("2"))); c != goneFromInbox {
		t.Errorf("second dismiss → %q", c)
	}
	if _, assigns, dismisses := in.calls(); len(assigns) != 0 || len(dismisses) != 2 || dismisses[0] != (inboxCall{ID: testGroupID, By: testModBy}) {
		t.Errorf("calls: assign %+v, dismiss %+v", assigns, dismisses)
	}
}

// The file changed between the list and the click: the section index may
// name another section now, so Assign is refused; Dismiss names no
// section and still works.
func TestEndpointInboxStale(t *testing.T) {
	in := newFakeInbox()
	lib := newFakeLibrarian()
	lib.status.Version = newVersion
	lib.status.Sections = append([]string{"Consent"}, testSections...)
	e := inboxEndpoint(t, in, lib)
	if c := e.content(t, readEvent(t, "interaction_select_assign.json")); c != staleInbox {
		t.Errorf("stale assign → %q", c)
	}
	if _, assigns, _ := in.calls(); len(assigns) != 0 {
		t.Errorf("a stale click assigned: %+v", assigns)
	}
	if c := e.content(t, readEvent(t, "interaction_button_dismiss.json")); c != dismissed {
		t.Errorf("dismiss from a stale list → %q", c)
	}
}

func TestEndpointAssignErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		edit func(map[string]any)
		want string
	}{
		{"unknown group", nil, withData(selectData("faq:a:3f9a2c1d:0000000000", "1")), goneFromInbox},
		{"store says unknown", fmt.Errorf("assign: %w", faqbot.ErrUnknownGroup), nil, goneFromInbox},
		{"check failed", errors.New("knowledge.md:14: @ask line repeats one in “Low desire”"),
			nil, "Could not assign: knowledge.md:14: @ask line repeats one in “Low desire”"},
		{"no such option", nil, withData(selectData("faq:a:3f9a2c1d:"+testGroupID, "99")), unknownCommand},
		{"two options", nil, withData(selectData("faq:a:3f9a2c1d:"+testGroupID, "1", "2")), unknownCommand},
		{"assign id on a button", nil, withData(map[string]any{"component_type": 2, "custom_id": "faq:a:3f9a2c1d:" + testGroupID}), unknownCommand},
		{"dismiss id on a menu", nil, withData(selectData("faq:d:3f9a2c1d:"+testGroupID, "1")), unknownCommand},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := newFakeInbox()
			in.err = tt.err
			e := inboxEndpoint(t, in, nil)
			edits := []func(map[string]any){}
			if tt.edit != nil {
				edits = append(edits, tt.edit)
			}
			if c := e.content(t, event(t, "interaction_select_assign.json", edits...)); c != tt.want {
				t.Errorf("→ %q\nwant %q", c, tt.want)
			}
			if tt.want == unknownCommand {
				if _, assigns, dismisses := in.calls(); len(assigns)+len(dismisses) != 0 {
					t.Errorf("a forged click reached the store: %v %v", assigns, dismisses)
				}
			}
		})
	}
}

// FuzzParseInboxID: a custom id comes from whoever sent the interaction.
// Whatever parseInboxID accepts is exactly an id inboxID makes, and fits
// Discord's 100 characters.
func FuzzParseInboxID(f *testing.F) {
	for _, s := range []string{"faq:a:3f9a2c1d:" + testGroupID, "faq:d:-:g", "faq:a:3f9a2c1d:a:b", "faq:s:a0e2c0506958e198", "faq:d::x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		act, kv, group, ok := parseInboxID(id)
		if !ok {
			return
		}
		again, ok := inboxID(act, kv, group)
		if !ok || again != id || len(id) > 100 {
			t.Errorf("parseInboxID(%q) = %q, %q, %q; inboxID gives %q, %v", id, act, kv, group, again, ok)
		}
	})
}
