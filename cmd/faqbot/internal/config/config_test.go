package config_test

import (
	"bytes"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/pelletier/go-toml/v2"
)

// example is the documented example file at the repository root.
const example = "../../../../config.example.toml"

// equateEmpty treats a nil list and `admins = []` as the same setting.
var equateEmpty = cmpopts.EquateEmpty()

// writeFile writes content to a temporary faqbot.toml and returns its path.
func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "faqbot.toml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// env is a fake environment.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestNoFileIsDefault(t *testing.T) {
	got, err := config.Load("", nil)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff(config.Default(), got, equateEmpty); diff != "" {
		t.Errorf("Load(\"\") differs from Default() (-want +got):\n%s", diff)
	}
	empty, err := config.Load(writeFile(t, "# nothing set\n"), nil)
	if err != nil {
		t.Fatalf("Load(empty file): %v", err)
	}
	if diff := cmp.Diff(config.Default(), empty, equateEmpty); diff != "" {
		t.Errorf("an empty file differs from Default() (-want +got):\n%s", diff)
	}
}

func TestDefaultValues(t *testing.T) {
	d := config.Default()
	checks := []struct {
		key       string
		got, want any
	}{
		{"server.addr", d.Server.Addr, "127.0.0.1:8080"},
		{"server.max_body_bytes", d.Server.MaxBodyBytes, int64(65536)},
		{"server.max_concurrent", d.Server.MaxConcurrent, 8},
		{"server.answer_timeout", d.Server.AnswerTimeout, 5 * time.Second},
		{"server.shutdown_timeout", d.Server.ShutdownTimeout, 10 * time.Second},
		{"server.trust_proxy", d.Server.TrustProxy, false},
		{"server.log_format", d.Server.LogFormat, "auto"},
		{"server.log_level", d.Server.LogLevel, "info"},
		{"knowledge.path", d.Knowledge.Path, ""},
		{"knowledge.watch", d.Knowledge.Watch, true},
		{"knowledge.settle", d.Knowledge.Settle, 2 * time.Second},
		{"knowledge.hold", d.Knowledge.Hold, 30 * time.Second},
		{"knowledge.reload_timeout", d.Knowledge.ReloadTimeout, 30 * time.Second},
		{"server.max_connections", d.Server.MaxConnections, 256},
		{"server.drain_period", d.Server.DrainPeriod, 5 * time.Second},
		{"engine.max_question_runes", d.Engine.MaxQuestionRunes, 1000},
		{"engine.suggestions", d.Engine.Suggestions, 3},
		{"rate_limit.every", d.RateLimit.Every, 2 * time.Second},
		{"rate_limit.burst", d.RateLimit.Burst, 5},
		{"slack.mode", d.Slack.Mode, "socket"},
		{"slack.command", d.Slack.Command, "/faq"},
		{"slack.admin_command", d.Slack.AdminCommand, "/faq-admin"},
		{"discord.shard_count", d.Discord.ShardCount, 1},
		{"discord.register_commands", d.Discord.RegisterCommands, true},
		{"slack enabled", d.Slack.Enabled(), false},
		{"discord enabled", d.Discord.Enabled(), false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.key, c.got, c.want)
		}
	}
}

// TestExampleIsDefault keeps config.example.toml from drifting: it must
// load cleanly, set every key there is, and set each to its default.
func TestExampleIsDefault(t *testing.T) {
	got, err := config.Load(example, nil)
	if err != nil {
		t.Fatalf("Load(%s): %v", example, err)
	}
	if diff := cmp.Diff(config.Default(), got, equateEmpty); diff != "" {
		t.Errorf("config.example.toml differs from Default() (-want +got):\n%s", diff)
	}

	// Every key String() can write (which is every key Load reads) must be
	// in the example, or a new setting could go undocumented.
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	want := keys(t, config.Default().String())
	have := keys(t, string(data))
	if diff := cmp.Diff(want, have); diff != "" {
		t.Errorf("keys in config.example.toml (-all settings +example):\n%s", diff)
	}
}

// TestExampleUKResources uncomments the example's UK crisis list and checks
// that it loads and replaces the crisis resources only.
func TestExampleUKResources(t *testing.T) {
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in := false
	for line := range strings.Lines(string(data)) {
		switch {
		case strings.HasPrefix(line, "crisis = []"):
			continue
		case strings.HasPrefix(line, "# [[resources.crisis]]"):
			in = true
		case in && !strings.HasPrefix(line, "# "):
			in = false
		}
		if in {
			line = strings.TrimPrefix(line, "# ")
		}
		out = append(out, line)
	}
	got, err := config.Load(writeFile(t, strings.Join(out, "")), nil)
	if err != nil {
		t.Fatalf("Load(example with the UK list): %v", err)
	}
	want := []config.Resource{{Name: "Samaritans", Phone: "116 123", URL: "https://www.samaritans.org", Text: "Free, any time, day or night."}}
	if diff := cmp.Diff(want, got.Resources.Crisis); diff != "" {
		t.Errorf("crisis resources (-want +got):\n%s", diff)
	}
	if len(got.Resources.Abuse)+len(got.Resources.Medical)+len(got.Resources.Referral) != 0 {
		t.Errorf("other resource lists changed: %+v", got.Resources)
	}
}

func TestLoadFile(t *testing.T) {
	got, err := config.Load(writeFile(t, `
[server]
addr = ":9090"
answer_timeout = "1500ms"
trust_proxy = true
log_format = "json"
log_level = "DEBUG"

[engine]
min_score = 1       # an integer is fine for a number
min_margin = 0.25

[rate_limit]
every = "0s"

[replies]
no_match = "Sorry, I don't know that one."

[[resources.abuse]]
name = "Local line"
phone = "0800 000 000"

[slack]
mode = "http"
admins = ["U0123", "U0456"]

[discord]
shard_id = 1
shard_count = 2
admin_roles = ["123456789012345678"]

[clinic]
name = "Riverside Clinic"
phone = "+1 555 0100"
booking_url = "https://riverside.example/book"
`), nil)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := config.Default()
	want.Server.Addr = ":9090"
	want.Server.AnswerTimeout = 1500 * time.Millisecond
	want.Server.TrustProxy = true
	want.Clinic = config.Clinic{Name: "Riverside Clinic", Phone: "+1 555 0100", BookingURL: "https://riverside.example/book"}
	want.Server.LogFormat = "json"
	want.Server.LogLevel = "DEBUG"
	want.Engine.MinScore = 1
	want.Engine.MinMargin = 0.25
	want.RateLimit.Every = 0
	want.Replies.NoMatch = "Sorry, I don't know that one."
	want.Resources.Abuse = []config.Resource{{Name: "Local line", Phone: "0800 000 000"}}
	want.Slack.Mode = "http"
	want.Slack.Admins = []string{"U0123", "U0456"}
	want.Discord.ShardID = 1
	want.Discord.ShardCount = 2
	want.Discord.AdminRoles = []string{"123456789012345678"}
	if diff := cmp.Diff(want, got, equateEmpty); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
}

func TestEnvironment(t *testing.T) {
	path := writeFile(t, `
[server]
addr = "127.0.0.1:1"
[knowledge]
path = "from-file.md"
[discord]
app_id = "1"
`)
	got, err := config.Load(path, env(map[string]string{
		"FAQBOT_ADDR":          "0.0.0.0:8080",
		"FAQBOT_KNOWLEDGE":     "/knowledge/faq.md",
		"DISCORD_APP_ID":       "222",
		"DISCORD_GUILD_ID":     "333",
		"SLACK_BOT_TOKEN":      "xoxb-bot",
		"SLACK_APP_TOKEN":      "xapp-app",
		"SLACK_SIGNING_SECRET": "signing",
		"DISCORD_BOT_TOKEN":    "discord-bot",
		"DISCORD_PUBLIC_KEY":   "public",
	}))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := config.Default()
	want.Server.Addr = "0.0.0.0:8080"
	want.Knowledge.Path = "/knowledge/faq.md"
	want.Discord.AppID = "222"
	want.Discord.GuildID = "333"
	want.Slack.BotToken, want.Slack.AppToken, want.Slack.SigningSecret = "xoxb-bot", "xapp-app", "signing"
	want.Discord.BotToken, want.Discord.PublicKey = "discord-bot", "public"
	if diff := cmp.Diff(want, got, equateEmpty); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
	if !got.Slack.Enabled() || !got.Discord.Enabled() {
		t.Errorf("platforms with tokens are not enabled")
	}

	// An empty variable does not override the file.
	got, err = config.Load(path, env(map[string]string{"FAQBOT_ADDR": ""}))
	if err != nil {
		t.Fatal(err)
	}
	if got.Server.Addr != "127.0.0.1:1" {
		t.Errorf("addr = %q, want the file's", got.Server.Addr)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		file string // "" = no file
		env  map[string]string
		want []string // each must appear in the error
	}{
		// The file's shape.
		{name: "unknown key", file: "[slack]\nmode = \"socket\"\ncomand = \"/x\"\n",
			want: []string{`faqbot.toml: line 3: unknown key "slack.comand"`}},
		{name: "unknown table", file: "[slak]\nmode = \"socket\"\n", want: []string{`line 1: unknown table "slak"`}},
		{name: "unknown top-level key", file: "adress = \"x\"\n", want: []string{`line 1: unknown key "adress"`}},
		{name: "unknown resource field", file: "[[resources.crisis]]\nname = \"x\"\nphone_number = \"1\"\n",
			want: []string{`line 3: unknown key "resources.crisis.phone_number"`}},
		{name: "every unknown key reported", file: "[server]\naddres = \"x\"\n[discord]\nshard = 1\n",
			want: []string{`line 2: unknown key "server.addres"`, `line 4: unknown key "discord.shard"`}},
		{name: "syntax", file: "[server\naddr = \"x\"\n", want: []string{"faqbot.toml: line 1:"}},
		{name: "string for integer", file: "[server]\nmax_concurrent = \"many\"\n",
			want: []string{"line 2: server.max_concurrent: must be an integer"}},
		{name: "integer for string", file: "[slack]\ncommand = 5\n", want: []string{"line 2: slack.command: must be a string"}},
		{name: "integer for duration", file: "[server]\nanswer_timeout = 5\n",
			want: []string{`line 2: server.answer_timeout: must be a duration string like "5s"`}},
		{name: "string for bool", file: "[knowledge]\nwatch = \"yes\"\n", want: []string{"knowledge.watch: must be true or false"}},
		{name: "string for list", file: "[slack]\nadmins = \"U1\"\n", want: []string{"slack.admins: must be an array of strings"}},
		// Durations.
		{name: "bad duration", file: "[rate_limit]\nevery = \"fast\"\n", want: []string{`config: rate_limit.every: "fast" is not a duration`}},
		{name: "negative duration", file: "[rate_limit]\nevery = \"-1s\"\n", want: []string{`rate_limit.every: "-1s" must not be negative`}},
		{name: "zero timeouts", file: "[server]\nanswer_timeout = \"0s\"\nshutdown_timeout = \"0s\"\n",
			want: []string{"server.answer_timeout: must be longer than 0s", "server.shutdown_timeout: must be longer than 0s"}},
		// Values.
		{name: "addr without port", file: "[server]\naddr = \"localhost\"\n", want: []string{`server.addr: "localhost" is not host:port`}},
		{name: "addr with a bad port", file: "[server]\naddr = \"localhost:http\"\n", want: []string{"server.addr: \"localhost:http\" has no valid port"}},
		{name: "addr port too big", file: "[server]\naddr = \":70000\"\n", want: []string{"server.addr:"}},
		{name: "tiny body cap", file: "[server]\nmax_body_bytes = 10\n", want: []string{"server.max_body_bytes: 10 is too small"}},
		{name: "no concurrency", file: "[server]\nmax_concurrent = 0\n", want: []string{"server.max_concurrent: 0 must be at least 1"}},
		{name: "log format", file: "[server]\nlog_format = \"xml\"\n", want: []string{`server.log_format: "xml" is not one of auto, json, text`}},
		{name: "log level", file: "[server]\nlog_level = \"loud\"\n", want: []string{`server.log_level: "loud" is not a level`}},
		{name: "question cap", file: "[engine]\nmax_question_runes = 0\n", want: []string{"engine.max_question_runes: 0 must be at least 1"}},
		{name: "negative score", file: "[engine]\nmin_score = -1\n", want: []string{"engine.min_score: -1 must be a number ≥ 0"}},
		{name: "nan margin", file: "[engine]\nmin_margin = nan\n", want: []string{"engine.min_margin: NaN must be a number ≥ 0"}},
		{name: "too many suggestions", file: "[engine]\nsuggestions = 11\n", want: []string{"engine.suggestions: 11 must be between 0 and 10"}},
		{name: "no burst", file: "[rate_limit]\nburst = 0\n", want: []string{"rate_limit.burst: 0 must be at least 1"}},
		{name: "resource without name", file: "[[resources.crisis]]\nphone = \"1\"\n", want: []string{"resources.crisis[0].name: every resource needs a name"}},
		{name: "resource without contact", file: "[[resources.abuse]]\nname = \"A\"\nphone = \"1\"\n[[resources.abuse]]\nname = \"B\"\n",
			want: []string{`resources.abuse[1]: "B" needs at least one of url, phone or text`}},
		{name: "relative resource url", file: "[[resources.medical]]\nname = \"A\"\nurl = \"www.example.org\"\n",
			want: []string{`resources.medical[0].url: "www.example.org" must be an absolute http or https URL`}},
		{name: "ftp resource url", file: "[[resources.referral]]\nname = \"A\"\nurl = \"ftp://example.org\"\n",
			want: []string{"resources.referral[0].url:"}},
		{name: "slack mode", file: "[slack]\nmode = \"rtm\"\n", want: []string{`slack.mode: "rtm" is not one of socket, http`}},
		{name: "command without slash", file: "[slack]\ncommand = \"faq\"\n", want: []string{`slack.command: "faq" must start with "/"`}},
		{name: "command with space", file: "[slack]\nadmin_command = \"/faq admin\"\n", want: []string{`slack.admin_command: "/faq admin" must start`}},
		{name: "same commands", file: "[slack]\nadmin_command = \"/faq\"\n", want: []string{`slack.admin_command: "/faq" is also slack.command`}},
		{name: "empty admin", file: "[slack]\nadmins = [\"U1\", \"\"]\n", want: []string{"slack.admins[1]: is empty"}},
		{name: "relative api url", file: "[slack]\napi_url = \"localhost:1234\"\n", want: []string{"slack.api_url:"}},
		{name: "app id", file: "[discord]\napp_id = \"my-app\"\n", want: []string{`discord.app_id: "my-app" is not a Discord id`}},
		{name: "shard id too big", file: "[discord]\nshard_id = 1\n", want: []string{"discord.shard_id: 1 must be ≥ 0 and less than discord.shard_count (1)"}},
		{name: "negative shard", file: "[discord]\nshard_id = -1\n", want: []string{"discord.shard_id: -1"}},
		{name: "no shards", file: "[discord]\nshard_count = 0\n", want: []string{"discord.shard_count: 0 must be at least 1"}},
		{name: "empty role", file: "[discord]\nadmin_roles = [\"\"]\n", want: []string{"discord.admin_roles[0]: is empty"}},
		{name: "clinic relative url", file: "[clinic]\nurl = \"riverside.example\"\n", want: []string{`clinic.url: "riverside.example" must be an absolute http or https URL`}},
		{name: "clinic booking url", file: "[clinic]\nbooking_url = \"javascript:alert(1)\"\n", want: []string{"clinic.booking_url:"}},
		{name: "clinic email", file: "[clinic]\nemail = \"hello at riverside\"\n", want: []string{`clinic.email: "hello at riverside" is not an email address`}},
		{name: "clinic phone", file: "[clinic]\nphone = \"call us\"\n", want: []string{`clinic.phone: "call us" has no digits`}},
		{name: "clinic hours on two lines", file: "[clinic]\nhours = \"Mon\\nTue\"\n", want: []string{"clinic.hours: must be one line"}},
		{name: "all problems reported", file: "[server]\nmax_concurrent = 0\n[rate_limit]\nburst = 0\n",
			want: []string{"server.max_concurrent", "rate_limit.burst"}},
		// Faults, shutdown and edits in progress.
		{name: "no connections", file: "[server]\nmax_connections = 0\n", want: []string{"server.max_connections: 0 must be at least 1"}},
		{name: "fewer connections than answers", file: "[server]\nmax_connections = 4\nmax_concurrent = 8\n",
			want: []string{"server.max_connections: 4 is less than server.max_concurrent (8)"}},
		{name: "negative drain", file: "[server]\ndrain_period = \"-1s\"\n", want: []string{`server.drain_period: "-1s" must not be negative`}},
		{name: "no settle", file: "[knowledge]\nsettle = \"0s\"\n", want: []string{"knowledge.settle: must be longer than 0s"}},
		{name: "hold shorter than settle", file: "[knowledge]\nsettle = \"5s\"\nhold = \"1s\"\n",
			want: []string{"knowledge.hold: 1s must be at least knowledge.settle (5s)"}},
		{name: "no reload timeout", file: "[knowledge]\nreload_timeout = \"0s\"\n", want: []string{"knowledge.reload_timeout: must be longer than 0s"}},
		// The environment.
		{name: "bad addr from env", env: map[string]string{"FAQBOT_ADDR": "nope"},
			want: []string{`server.addr (from FAQBOT_ADDR): "nope" is not host:port`}},
		{name: "bad guild from env", env: map[string]string{"DISCORD_GUILD_ID": "guild"},
			want: []string{`discord.guild_id (from DISCORD_GUILD_ID): "guild" is not a Discord id`}},
		{name: "socket mode without app token", env: map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"},
			want: []string{`slack.mode: "socket" needs an app-level token: set SLACK_APP_TOKEN`}},
		{name: "http mode without signing secret", file: "[slack]\nmode = \"http\"\n", env: map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"},
			want: []string{`slack.mode: "http" needs the signing secret: set SLACK_SIGNING_SECRET`}},
		{name: "swapped slack tokens", env: map[string]string{"SLACK_BOT_TOKEN": "xapp-1-s3cr3t", "SLACK_APP_TOKEN": "xoxb-s3cr3t"},
			want: []string{"SLACK_BOT_TOKEN: does not look like a bot token", "SLACK_APP_TOKEN: does not look like an app-level token"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := ""
			if tt.file != "" {
				path = writeFile(t, tt.file)
			}
			_, err := config.Load(path, env(tt.env))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error lacks %q:\n%v", want, err)
				}
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error carries a secret value:\n%v", err)
			}
			for line := range strings.Lines(err.Error()) {
				if !strings.HasPrefix(line, "config: ") {
					t.Errorf("error line %q does not start with \"config: \"", line)
				}
			}
		})
	}
}

func TestSecretInFile(t *testing.T) {
	tests := []struct{ key, env string }{
		{"slack.bot_token", "SLACK_BOT_TOKEN"},
		{"slack.token", "SLACK_BOT_TOKEN"},
		{"slack.app_token", "SLACK_APP_TOKEN"},
		{"slack.signing_secret", "SLACK_SIGNING_SECRET"},
		{"discord.token", "DISCORD_BOT_TOKEN"},
		{"discord.bot_token", "DISCORD_BOT_TOKEN"},
		{"discord.public_key", "DISCORD_PUBLIC_KEY"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			table, key, _ := strings.Cut(tt.key, ".")
			_, err := config.Load(writeFile(t, "["+table+"]\n"+key+" = \"xoxb-SECRET-VALUE\"\n"), nil)
			if err == nil {
				t.Fatal("Load accepted a secret in the file")
			}
			want := "line 2: " + tt.key + " is a secret and is not read from the file: remove it and set " + tt.env + " in the environment"
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error = %v\nwant it to contain %q", err, want)
			}
			if strings.Contains(err.Error(), "SECRET-VALUE") {
				t.Errorf("error carries the secret: %v", err)
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.toml")
	_, err := config.Load(path, nil)
	if err == nil || !strings.Contains(err.Error(), "config: ") || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want one naming %s", err, path)
	}
}

func TestSecretsRedacted(t *testing.T) {
	secrets := map[string]string{
		"SLACK_BOT_TOKEN":      "xoxb-TOPSECRET1",
		"SLACK_APP_TOKEN":      "xapp-TOPSECRET2",
		"SLACK_SIGNING_SECRET": "TOPSECRET3",
		"DISCORD_BOT_TOKEN":    "TOPSECRET4",
		"DISCORD_PUBLIC_KEY":   "TOPSECRET5",
	}
	c, err := config.Load("", env(secrets))
	if err != nil {
		t.Fatal(err)
	}
	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("config", "config", c)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("config", "config", c)
	outputs := map[string]string{"String": c.String(), "slog text": text.String(), "slog json": js.String()}
	for name, out := range outputs {
		if strings.Contains(out, "TOPSECRET") {
			t.Errorf("%s shows a secret:\n%s", name, out)
		}
		if !strings.Contains(out, "set (redacted)") {
			t.Errorf("%s does not say the secrets are set:\n%s", name, out)
		}
	}
	if !strings.Contains(text.String(), "config.slack.bot_token=\"set (redacted)\"") {
		t.Errorf("slog line lacks the slack token state:\n%s", text.String())
	}
	if !strings.Contains(text.String(), "config.server.addr=127.0.0.1:8080") {
		t.Errorf("slog line lacks the settings:\n%s", text.String())
	}
}

// TestStringLoadsBack checks String() is a config file for the same
// settings, so `faqbot config > faqbot.toml` is a working start.
func TestStringLoadsBack(t *testing.T) {
	want := config.Default()
	want.Server.AnswerTimeout = 1500 * time.Millisecond
	want.RateLimit.Every = 0
	want.Engine.MinScore = 0.4
	want.Replies.Intro = "Hello from the clinic.\nAsk me anything about our services."
	want.Resources.Crisis = []config.Resource{{Name: "Samaritans", Phone: "116 123", URL: "https://www.samaritans.org"}}
	want.Slack.Admins = []string{"U1"}
	want.Discord.ShardID, want.Discord.ShardCount = 2, 4
	got, err := config.Load(writeFile(t, want.String()), nil)
	if err != nil {
		t.Fatalf("Load(String()): %v\n%s", err, want.String())
	}
	if diff := cmp.Diff(want, got, equateEmpty); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// keys lists the dotted keys a TOML document sets.
func keys(t *testing.T, doc string) []string {
	t.Helper()
	var m map[string]any
	if err := toml.Unmarshal([]byte(doc), &m); err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if sub, ok := m[k].(map[string]any); ok {
				walk(prefix+k+".", sub)
				continue
			}
			out = append(out, prefix+k)
		}
	}
	walk("", m)
	return out
}
