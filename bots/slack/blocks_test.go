package slack

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqbot/faqbot"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/golden/name.json, or rewrites it.
func golden(t *testing.T, name string, got any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep the files readable: & < > as Slack gets them
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", path, diff)
	}
}

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		name  string
		reply faqbot.Reply
	}{
		{"answer", replyAnswer},
		{"answer_two_sources", faqbot.Reply{
			Kind: faqbot.KindAnswer, Section: "What is Sex Therapy?", Lead: "From the clinic's pages:",
			Sources: []faqbot.Source{
				{Section: "What is Sex Therapy?", Passage: "Sex therapy takes a holistic approach,\nintegrating cognitive-behavioral, psychodynamic, and systemic approaches."},
				{Section: "What Sex Therapy is Not", Passage: "Sex therapy is not a replacement for medical interventions <in cases of physiological issues> & the like."},
			},
			Text: "From the clinic's pages: …", Version: "3f9a1c0d",
		}},
		{"handoff_crisis", replyCrisis},
		{"handoff_referral", replyReferral},
		{"no_match", replyNoMatch},
		{"no_match_clinic", faqbot.Reply{
			Kind: faqbot.KindNoMatch, Lead: "The clinic's information doesn't cover fees, payment or insurance.",
			Suggestions: []string{"What is Sex Therapy?", "What Sex Therapy is Not"},
			Resources: []faqbot.Resource{
				{Name: "Riverside Clinic", Phone: "+1 555 0100", URL: "https://riverside.example", Text: "Email: hello@riverside.example. Hours: Monday to Friday, 9am to 5pm."},
				{Name: "Book an appointment", URL: "https://riverside.example/book"},
			},
			Text: "The clinic's information doesn't cover fees, payment or insurance.\nRiverside Clinic can help with this: call +1 555 0100 …",
		}},
		{"smalltalk", replySmalltalk},
		{"decline", replyDecline},
		{"text_only", faqbot.Reply{Kind: faqbot.KindSmalltalk, Text: "You're welcome!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "reply_"+tt.name, render(tt.reply))
		})
	}
	t.Run("status", func(t *testing.T) {
		golden(t, "admin_status", statusMessage("*Reloaded.*", faqbot.Status{
			Version: "a1b2c3d4", Source: "embedded default", Sections: []string{"What is Sex Therapy?", "Fees & <insurance>"}, Passages: 42,
		}))
	})
}

func TestRenderEscapesEverythingFromTheReply(t *testing.T) {
	hostile := "<!channel> <!here> <!everyone> <@U999> <#C123> <https://evil.example|click> & more"
	r := faqbot.Reply{
		Kind: faqbot.KindAnswer, Section: hostile, Lead: hostile, Text: hostile, Version: "<!here>",
		Sources:   []faqbot.Source{{Section: hostile, Passage: hostile + "\n" + hostile}},
		Resources: []faqbot.Resource{{Name: hostile, Phone: hostile, Text: hostile, URL: "https://example.org"}},
	}
	m := render(r)
	raw, err := json.Marshal(m.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	// Every mrkdwn text (and the text fallback) is escaped: no "<" is left
	// to open markup. Button labels are plain_text, which Slack shows as
	// written and never parses for mentions.
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	texts := []string{m.Text}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "mrkdwn" {
				texts = append(texts, v["text"].(string))
			}
			if v["type"] == "plain_text" {
				return
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	if len(texts) < 5 { // text, lead, passage, resource, context
		t.Fatalf("found only %d texts", len(texts))
	}
	for _, text := range texts {
		if strings.Contains(text, "<") {
			t.Errorf("live markup in %q", text)
		}
	}
}

func TestRenderRespectsBlockKitLimits(t *testing.T) {
	long := strings.Repeat("Sex therapy is a specialized form of psychotherapy & more. ", 200) // ~12,000 characters
	var many []string
	for i := range 40 {
		many = append(many, strings.Repeat("A very long section heading number ", 3)+string(rune('A'+i)))
	}
	many = append(many, strings.Repeat("x", maxValue+1)) // cannot round-trip in a value
	var sources []faqbot.Source
	for range 30 {
		sources = append(sources, faqbot.Source{Section: "S", Passage: long})
	}
	m := render(faqbot.Reply{Kind: faqbot.KindAnswer, Lead: long, Sources: sources, Suggestions: many, Text: long})

	if len(m.Blocks) > maxBlocks {
		t.Errorf("%d blocks, limit %d", len(m.Blocks), maxBlocks)
	}
	last, ok := m.Blocks[len(m.Blocks)-1].(*slack.ActionBlock)
	if !ok || last.Elements.ElementSet[0].(*slack.ButtonBlockElement).ActionID != actionHelpful {
		t.Errorf("the feedback buttons were cut off")
	}
	for i, b := range m.Blocks {
		switch b := b.(type) {
		case *slack.SectionBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > maxSectionText {
				t.Errorf("block %d: section text of %d characters", i, n)
			}
		case *slack.ActionBlock:
			if n := len(b.Elements.ElementSet); n > maxActions {
				t.Errorf("block %d: %d elements", i, n)
			}
			for _, el := range b.Elements.ElementSet {
				btn := el.(*slack.ButtonBlockElement)
				if n := utf8.RuneCountInString(btn.Text.Text); n > maxButtonText {
					t.Errorf("button text of %d characters", n)
				}
				if len(btn.Value) > maxValue || len(btn.ActionID) > 255 {
					t.Errorf("button value of %d bytes, action id %q", len(btn.Value), btn.ActionID)
				}
			}
		}
	}
}

func TestQuoteKeepsEveryLineQuoted(t *testing.T) {
	passage := "First line & <b>.\n\n" + strings.Repeat("word ", 1500) + "\nlast"
	for i, chunk := range splitText(quote(passage), maxSectionText) {
		if utf8.RuneCountInString(chunk) > maxSectionText {
			t.Errorf("chunk %d too long", i)
		}
		for line := range strings.SplitSeq(chunk, "\n") {
			if !strings.HasPrefix(line, ">") {
				t.Errorf("chunk %d has an unquoted line %q", i, line)
			}
		}
	}
	if got := quote("a > b\n\nc"); got != "> a &gt; b\n>\n> c" {
		t.Errorf("quote = %q", got)
	}
}

func TestCutLineNeverSplitsAnEntity(t *testing.T) {
	for pad := range 8 {
		s := strings.Repeat("a", 10+pad) + strings.Repeat("&amp;", 10)
		for _, piece := range cutLine(s, 12) {
			if utf8.RuneCountInString(piece) > 12 {
				t.Errorf("piece %q longer than 12", piece)
			}
			if unescape(escape(unescape(piece))) != unescape(piece) || strings.Count(piece, "&") != strings.Count(piece, ";") {
				t.Errorf("piece %q splits an entity", piece)
			}
		}
	}
}

func TestEscapeAndUnescape(t *testing.T) {
	tests := []struct{ in, escaped string }{
		{"<!channel>", "&lt;!channel&gt;"},
		{"a & b", "a &amp; b"},
		{"&lt;", "&amp;lt;"},
		{"no markup", "no markup"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.escaped {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.escaped)
		}
		if got := unescape(tt.escaped); got != tt.in {
			t.Errorf("unescape(%q) = %q, want %q", tt.escaped, got, tt.in)
		}
	}
}

func TestClip(t *testing.T) {
	if got := clip("héllo wörld", 6); got != "héllo…" {
		t.Errorf("clip = %q", got)
	}
	if got := clip("short", 75); got != "short" {
		t.Errorf("clip = %q", got)
	}
}
