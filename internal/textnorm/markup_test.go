package textnorm_test

import (
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
)

func TestCleanMarkup(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Discord
		{"discord user", "<@123456789012345678> what is sex therapy", "what is sex therapy"},
		{"discord nickname", "<@!123456789> hello", "hello"},
		{"discord role", "ping <@&987654321> please", "ping please"},
		{"discord channel", "see <#123456> for rules", "see for rules"},
		{"discord emoji", "nice <:blush:112233> one", "nice one"},
		{"discord animated emoji", "<a:dance:445566>hi", "hi"},
		{"everyone", "@everyone what is this", "what is this"},
		{"here", "hey @here!", "hey!"},
		{"everyone any case", "@EveryOne hi", "hi"},
		{"full width everyone", "＠ｅｖｅｒｙｏｎｅ hi", "hi"},
		{"zero width inside everyone", "@\u200beveryone hi", "hi"},
		{"here glued to a word", "@heretic", "tic"},
		// Slack
		{"slack user", "<@U123ABC> what is sex therapy?", "what is sex therapy?"},
		{"slack user with name", "<@U123ABC|maria> hi", "hi"},
		{"slack workspace user", "<@W0ABC> hi", "hi"},
		{"slack addressing colon", "<@U123ABC>: what is it?", "what is it?"},
		{"slack addressing comma", "hey <@U123ABC>, what is it?", "hey what is it?"},
		{"slack mention before bang", "thanks <@U123ABC>!", "thanks!"},
		{"slack channel", "<!channel> meeting", "meeting"},
		{"slack here", "<!here> hello", "hello"},
		{"slack here with label", "<!here|here> hello", "hello"},
		{"slack everyone", "<!everyone> hi", "hi"},
		{"slack subteam", "<!subteam^S123ABC|@sex-ed-team> question", "question"},
		{"slack channel link", "in <#C123ABC|general> today", "in today"},
		{"slack link with label", "read <https://example.com/a?b=c|this page> first", "read this page first"},
		{"slack link label then comma", "see <https://x.com|docs>, thanks", "see docs, thanks"},
		{"slack bare link", "<https://example.com/path>", "https://example.com/path"},
		{"slack mailto", "<mailto:a@b.com|a@b.com>", "a@b.com"},
		{"slack empty label", "<https://x.com|>", "https://x.com"},
		{"slack date", "on <!date^1392734382^{date}|Feb 18th> ok", "on Feb 18th ok"},
		{"label that pings", "<https://x|@here> hi", "hi"},
		// crafted nesting: removing one piece must not leave another
		{"nested mention", "<<@1>@1>", "< @1>"},
		{"forms a nickname mention", "<@<#1>!123>", ""},
		{"mention inside a label", "<https://x|a <@1> b>", "a b"},
		{"broadcast formed by removal", "@he@herere", "@he re"},
		// not markup
		{"less than", "I am <30 and >20", "I am <30 and >20"},
		{"at in email", "write to help@clinic.org", "write to help@clinic.org"},
		{"unknown angle text", "<not a mention>", "<not a mention>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := textnorm.Clean(tt.in, 500)
			if got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
