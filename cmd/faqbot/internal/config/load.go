package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// file is the TOML document's shape. It differs from Config only where TOML
// has no type for a Go one: durations are written as strings ("5s").
type file struct {
	Server    fileServer    `toml:"server"`
	Knowledge fileKnowledge `toml:"knowledge"`
	Engine    Engine        `toml:"engine"`
	RateLimit fileRateLimit `toml:"rate_limit"`
	Replies   Replies       `toml:"replies"`
	Resources Resources     `toml:"resources"`
	Slack     Slack         `toml:"slack"`
	Discord   Discord       `toml:"discord"`
	Clinic    Clinic        `toml:"clinic"`
	Insights  fileInsights  `toml:"insights"`
}

type fileInsights struct {
	Path           string   `toml:"path"`
	DSN            string   `toml:"dsn"`
	KeepUnanswered bool     `toml:"keep_unanswered"`
	Retention      duration `toml:"retention"`
}

// duration is a duration as the file writes it ("5s"); its own type so that
// type errors can say so.
type duration string

type fileServer struct {
	Addr            string   `toml:"addr"`
	MaxBodyBytes    int64    `toml:"max_body_bytes"`
	MaxConcurrent   int      `toml:"max_concurrent"`
	AnswerTimeout   duration `toml:"answer_timeout"`
	ShutdownTimeout duration `toml:"shutdown_timeout"`
	TrustProxy      bool     `toml:"trust_proxy"`
	LogFormat       string   `toml:"log_format"`
	LogLevel        string   `toml:"log_level"`

	// Faults and shutdown.
	MaxConnections int      `toml:"max_connections"`
	DrainPeriod    duration `toml:"drain_period"`
}

type fileKnowledge struct {
	Path  string `toml:"path"`
	Watch bool   `toml:"watch"`

	// Edits in progress.
	Settle        duration `toml:"settle"`
	Hold          duration `toml:"hold"`
	ReloadTimeout duration `toml:"reload_timeout"`
}

type fileRateLimit struct {
	Every duration `toml:"every"`
	Burst int      `toml:"burst"`
}

// Load reads the file at path over Default(), then the environment through
// getenv (os.Getenv in production, a map in tests), and validates the
// result. An empty path means no file. Every problem found is reported, one
// per line, each naming its key; secrets never appear in an error.
func Load(path string, getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	f := toFile(Default())
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("config: %w", err)
		}
		if err := decode(path, data, &f); err != nil {
			return Config{}, err
		}
	}
	var p problems
	c := f.config(&p)
	from := applyEnv(&c, getenv)
	// With only the signing secret set there is no Socket Mode to speak of:
	// serve Slack's HTTP requests (slash commands, clicks).
	if s := &c.Slack; s.BotToken == "" && s.AppToken == "" && s.SigningSecret != "" {
		s.Mode = "http"
	}
	c.validate(&p, from)
	if err := p.err(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// decode reads data over f, turning go-toml's errors into ones that name
// the file, the line and the key. Values are never quoted back from the
// file: the key might be a secret put there by mistake.
func decode(path string, data []byte, f *file) error {
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(f)
	if err == nil {
		return nil
	}
	var missing *toml.StrictMissingError
	if errors.As(err, &missing) {
		errs := make([]error, 0, len(missing.Errors))
		for i := range missing.Errors {
			errs = append(errs, unknownKey(path, &missing.Errors[i]))
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		key := strings.Join(de.Key(), ".")
		if key == "" {
			return fmt.Errorf("config: %s: line %d: %s", path, line, msg)
		}
		if want := wantedType(de.Key()); want != "" {
			// go-toml names Go types ("struct field config.fileServer.Addr
			// of type string"); say it in the file's terms instead.
			msg = "must be " + want
		}
		return fmt.Errorf("config: %s: line %d: %s: %s", path, line, key, msg)
	}
	return fmt.Errorf("config: %s: %w", path, err)
}

func unknownKey(path string, e *toml.DecodeError) error {
	line, _ := e.Position()
	key := strings.Join(e.Key(), ".")
	if env, ok := secretKeys[strings.ToLower(key)]; ok {
		return fmt.Errorf("config: %s: line %d: %s is a secret and is not read from the file: remove it and set %s in the environment",
			path, line, key, env)
	}
	what := "key"
	if strings.HasSuffix(e.Error(), "missing table") {
		what = "table"
	}
	return fmt.Errorf("config: %s: line %d: unknown %s %q", path, line, what, key)
}

// toFile is c as the file would spell it.
func toFile(c Config) file {
	return file{
		Server: fileServer{
			Addr:            c.Server.Addr,
			MaxBodyBytes:    c.Server.MaxBodyBytes,
			MaxConcurrent:   c.Server.MaxConcurrent,
			AnswerTimeout:   duration(c.Server.AnswerTimeout.String()),
			ShutdownTimeout: duration(c.Server.ShutdownTimeout.String()),
			TrustProxy:      c.Server.TrustProxy,
			LogFormat:       c.Server.LogFormat,
			LogLevel:        c.Server.LogLevel,

			MaxConnections: c.Server.MaxConnections,
			DrainPeriod:    duration(c.Server.DrainPeriod.String()),
		},
		Knowledge: fileKnowledge{
			Path: c.Knowledge.Path, Watch: c.Knowledge.Watch,

			Settle:        duration(c.Knowledge.Settle.String()),
			Hold:          duration(c.Knowledge.Hold.String()),
			ReloadTimeout: duration(c.Knowledge.ReloadTimeout.String()),
		},
		Engine:    c.Engine,
		RateLimit: fileRateLimit{Every: duration(c.RateLimit.Every.String()), Burst: c.RateLimit.Burst},
		Replies:   c.Replies,
		Resources: c.Resources,
		Slack:     c.Slack,
		Discord:   c.Discord,
		Clinic:    c.Clinic,
		Insights: fileInsights{Path: c.Insights.Path, DSN: c.Insights.DSN, KeepUnanswered: c.Insights.KeepUnanswered,
			Retention: duration(c.Insights.Retention.String())},
	}
}

// config converts f back, noting durations that do not parse.
func (f file) config(p *problems) Config {
	return Config{
		Server: Server{
			Addr:            f.Server.Addr,
			MaxBodyBytes:    f.Server.MaxBodyBytes,
			MaxConcurrent:   f.Server.MaxConcurrent,
			AnswerTimeout:   p.duration("server.answer_timeout", f.Server.AnswerTimeout),
			ShutdownTimeout: p.duration("server.shutdown_timeout", f.Server.ShutdownTimeout),
			TrustProxy:      f.Server.TrustProxy,
			LogFormat:       f.Server.LogFormat,
			LogLevel:        f.Server.LogLevel,

			MaxConnections: f.Server.MaxConnections,
			DrainPeriod:    p.duration("server.drain_period", f.Server.DrainPeriod),
		},
		Knowledge: Knowledge{
			Path: f.Knowledge.Path, Watch: f.Knowledge.Watch,

			Settle:        p.duration("knowledge.settle", f.Knowledge.Settle),
			Hold:          p.duration("knowledge.hold", f.Knowledge.Hold),
			ReloadTimeout: p.duration("knowledge.reload_timeout", f.Knowledge.ReloadTimeout),
		},
		Engine:    f.Engine,
		RateLimit: RateLimit{Every: p.duration("rate_limit.every", f.RateLimit.Every), Burst: f.RateLimit.Burst},
		Replies:   f.Replies,
		Resources: f.Resources,
		Slack:     f.Slack,
		Discord:   f.Discord,
		Clinic:    f.Clinic,
		Insights: Insights{Path: f.Insights.Path, DSN: f.Insights.DSN, KeepUnanswered: f.Insights.KeepUnanswered,
			Retention: p.duration("insights.retention", f.Insights.Retention)},
	}
}

// problems collects every configuration error, so one run reports them all.
type problems []error

func (p *problems) add(key, format string, args ...any) {
	*p = append(*p, fmt.Errorf("config: %s: %s", key, fmt.Sprintf(format, args...)))
}

func (p *problems) duration(key string, s duration) time.Duration {
	d, err := time.ParseDuration(string(s))
	if err != nil {
		p.add(key, "%q is not a duration (write it like \"5s\", \"250ms\" or \"1m30s\")", s)
		return 0
	}
	if d < 0 {
		p.add(key, "%q must not be negative", s)
	}
	return d
}

func (p problems) err() error { return errors.Join(p...) }
