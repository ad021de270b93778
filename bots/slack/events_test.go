package slack

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestToIncoming(t *testing.T) {
	const bot = "UBOT"
	tests := []struct {
		name string
		ev   innerEvent
		want incoming
		ok   bool
	}{
		{"mention, top level: answer in a new thread",
			innerEvent{Type: "app_mention", User: "U1", Text: "<@UBOT> what is sex therapy?", TS: "1.1", Channel: "C1"},
			incoming{event: "app_mention", user: "U1", channel: "C1", ts: "1.1", threadTS: "1.1", text: "what is sex therapy?"}, true},
		{"mention in a thread: answer in that thread",
			innerEvent{Type: "app_mention", User: "U1", Text: "<@UBOT> fees?", TS: "1.2", ThreadTS: "1.0", Channel: "C1"},
			incoming{event: "app_mention", user: "U1", channel: "C1", ts: "1.2", threadTS: "1.0", text: "fees?"}, true},
		{"direct message: answer in the DM",
			innerEvent{Type: "message", User: "U1", Text: "hello &amp; welcome", TS: "1.3", Channel: "D1", ChannelType: "im"},
			incoming{event: "message.im", user: "U1", channel: "D1", ts: "1.3", text: "hello & welcome"}, true},
		{"direct message in a thread",
			innerEvent{Type: "message", User: "U1", Text: "and fees?", TS: "1.4", ThreadTS: "1.0", Channel: "D1", ChannelType: "im"},
			incoming{event: "message.im", user: "U1", channel: "D1", ts: "1.4", threadTS: "1.0", text: "and fees?"}, true},
		{"from a bot", innerEvent{Type: "app_mention", User: "U2", BotID: "B2", Text: "<@UBOT> hi", TS: "1", Channel: "C1"}, incoming{}, false},
		{"bot_message", innerEvent{Type: "message", SubType: "bot_message", BotID: "B2", Text: "hi", TS: "1", Channel: "D1", ChannelType: "im"}, incoming{}, false},
		{"the bot itself", innerEvent{Type: "message", User: bot, Text: "an answer", TS: "1", Channel: "D1", ChannelType: "im"}, incoming{}, false},
		{"edit", innerEvent{Type: "message", SubType: "message_changed", TS: "1", Channel: "D1", ChannelType: "im"}, incoming{}, false},
		{"delete", innerEvent{Type: "message", SubType: "message_deleted", TS: "1", Channel: "D1", ChannelType: "im"}, incoming{}, false},
		{"join", innerEvent{Type: "message", SubType: "channel_join", User: "U1", TS: "1", Channel: "C1", ChannelType: "channel"}, incoming{}, false},
		{"file share", innerEvent{Type: "message", SubType: "file_share", User: "U1", Text: "look", TS: "1", Channel: "D1", ChannelType: "im"}, incoming{}, false},
		{"thread broadcast", innerEvent{Type: "message", SubType: "thread_broadcast", User: "U1", Text: "hi", TS: "1", Channel: "D1", ChannelType: "im"}, incoming{}, false},
		{"channel message", innerEvent{Type: "message", User: "U1", Text: "what is sex therapy", TS: "1", Channel: "C1", ChannelType: "channel"}, incoming{}, false},
		{"group DM", innerEvent{Type: "message", User: "U1", Text: "hi", TS: "1", Channel: "G1", ChannelType: "mpim"}, incoming{}, false},
		{"no user", innerEvent{Type: "message", Text: "hi", TS: "1", Channel: "D1", ChannelType: "im"}, incoming{}, false},
		{"no ts", innerEvent{Type: "app_mention", User: "U1", Text: "hi", Channel: "C1"}, incoming{}, false},
		{"other event", innerEvent{Type: "reaction_added", User: "U1", TS: "1", Channel: "C1"}, incoming{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := toIncoming(tt.ev, bot)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(incoming{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ bot, in, want string }{
		{"UBOT", "<@UBOT> what is sex therapy", "what is sex therapy"},
		{"UBOT", "  <@UBOT|faqbot>: fees?", "fees?"},
		{"UBOT", "<@UBOT>, hi", "hi"},
		{"UBOT", "<@UBOT>", ""},
		{"UBOT", "<@UOTHER> what is sex therapy", "<@UOTHER> what is sex therapy"},
		{"UBOT", "<@UBOTTOM> hi", "<@UBOTTOM> hi"},
		{"UBOT", "hi <@UBOT>", "hi <@UBOT>"},
		{"UBOT", "<@UBOT> <@UBOT> twice", "<@UBOT> twice"},
		{"", "<@UBOT> hi", "<@UBOT> hi"},
		{"UBOT", "<@UBOT> &lt;3 &amp;amp; &gt;", "<3 &amp; >"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in, tt.bot); got != tt.want {
			t.Errorf("cleanText(%q, %q) = %q, want %q", tt.in, tt.bot, got, tt.want)
		}
	}
}
