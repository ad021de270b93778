package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/insights"
	"github.com/faqbot/faqbot/knowledge"
)

// The moderators' commands: report, inbox (assign, dismiss) and forget.
// Each reads the same --config as serve, so it opens the same store.

// moderatorStore loads the config and opens its insights store.
func moderatorStore(ctx context.Context, cfgPath string, getenv func(string) string) (config.Config, insights.Store, error) {
	cfg, err := config.Load(cfgPath, getenv)
	if err != nil {
		return cfg, nil, err
	}
	if !cfg.Insights.On() {
		return cfg, nil, errors.New("insights are off: set insights.path or insights.dsn in the config")
	}
	st, err := openInsights(ctx, cfg.Insights)
	return cfg, st, err
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// runReport is `faqbot report [--since 168h] [--json]`.
func runReport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("report", stderr)
	cfgPath := fs.String("config", getenv("FAQBOT_CONFIG"), "the bot's TOML config file (env FAQBOT_CONFIG)")
	since := fs.Duration("since", 7*24*time.Hour, "how far back to look")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	top := fs.Int("top", 10, "how many unanswered groups to show")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	_, st, err := moderatorStore(ctx, *cfgPath, getenv)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer st.Close()
	rep, err := st.Report(ctx, time.Now().Add(-*since), *top)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if *asJSON {
		return printJSON(stdout, rep)
	}
	total := rep.Total()
	kinds := slices.Sorted(maps.Keys(rep.Replies))
	fmt.Fprintf(stdout, "Since %s: %d replies\n", rep.Since.Format(time.DateTime), total)
	for _, k := range kinds {
		fmt.Fprintf(stdout, "  %-10s %d\n", k, rep.Replies[k])
	}
	if total > 0 {
		fmt.Fprintf(stdout, "no_match rate: %.1f%%\n", 100*rep.NoMatchRate())
	}
	fmt.Fprintln(stdout, "\nFeedback by section and version (helpful / not helpful):")
	if len(rep.Sections) == 0 {
		fmt.Fprintln(stdout, "  none yet")
	}
	for _, s := range rep.Sections {
		fmt.Fprintf(stdout, "  %-40s %-12s %d / %d\n", s.Section, s.Version, s.Helpful, s.Unhelpful)
	}
	printGroups(stdout, rep)
	return nil
}

// printGroups lists the unanswered groups, then the answers marked Not
// helpful, for a moderator's terminal.
func printGroups(w io.Writer, rep insights.Report) {
	fmt.Fprintln(w, "\nUnanswered (id, times asked, people, latest wording):")
	if len(rep.Unanswered) == 0 {
		fmt.Fprintln(w, "  none (insights.keep_unanswered must be true to keep any)")
	}
	for _, g := range rep.Unanswered {
		fmt.Fprintf(w, "  %s  ×%d  %d people  %s\n", g.ID, g.Count, g.Askers, g.Text)
	}
	if len(rep.NotHelpful) > 0 {
		fmt.Fprintln(w, "\nAnswered, but marked Not helpful (id, times, people, section that answered, wording):")
	}
	for _, g := range rep.NotHelpful {
		fmt.Fprintf(w, "  %s  ×%d  %d people  [%s]  %s\n", g.ID, g.Count, g.Askers, g.Section, g.Text)
	}
}

// runInbox is `faqbot inbox [--json]`, `faqbot inbox assign ID SECTION`
// and `faqbot inbox dismiss ID`.
func runInbox(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("inbox", stderr)
	cfgPath := fs.String("config", getenv("FAQBOT_CONFIG"), "the bot's TOML config file (env FAQBOT_CONFIG)")
	asJSON := fs.Bool("json", false, "print JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: faqbot inbox [--json]                 list the unanswered groups\n"+
			"       faqbot inbox assign ID \"SECTION\"      add the group's text as an @ask line under SECTION, and publish\n"+
			"       faqbot inbox dismiss ID               drop a group")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	cfg, st, err := moderatorStore(ctx, *cfgPath, getenv)
	if err != nil {
		return fmt.Errorf("inbox: %w", err)
	}
	defer st.Close()
	switch {
	case len(pos) == 0:
		rep, err := st.Report(ctx, time.Time{}, allGroups)
		if err != nil {
			return fmt.Errorf("inbox: %w", err)
		}
		if *asJSON {
			return printJSON(stdout, map[string][]insights.Group{"unanswered": rep.Unanswered, "not_helpful": rep.NotHelpful})
		}
		printGroups(stdout, rep)
		return nil
	case pos[0] == "dismiss" && len(pos) == 2:
		if err := st.Dismiss(ctx, pos[1]); err != nil {
			return fmt.Errorf("inbox dismiss: %w", err)
		}
		if *asJSON {
			return printJSON(stdout, map[string]string{"dismissed": pos[1]})
		}
		fmt.Fprintf(stdout, "dismissed %s\n", pos[1])
		return nil
	case pos[0] == "assign" && len(pos) == 3:
		return assign(ctx, cfg, st, pos[1], pos[2], *asJSON, getenv, stdout, stderr)
	}
	fs.Usage()
	return fmt.Errorf("%w: inbox takes no argument, assign ID SECTION, or dismiss ID", errUsage)
}

// assign is `faqbot inbox assign ID SECTION`.
func assign(ctx context.Context, cfg config.Config, st insights.Store, id, section string, asJSON bool, getenv func(string) string, stdout, stderr io.Writer) error {
	var out bytes.Buffer
	a, err := storeInbox{cfg: cfg, st: st, getenv: getenv}.assign(ctx, id, section, &out, stderr)
	if !asJSON || err != nil {
		stdout.Write(out.Bytes())
	}
	if err != nil {
		return fmt.Errorf("inbox assign: %w", err)
	}
	if asJSON {
		return printJSON(stdout, a)
	}
	fmt.Fprintf(stdout, "added \"@ask: %s\" under %q (version %s)\n", a.Ask, a.Section, a.Version)
	return nil
}

// storeInbox is the insights store as moderators work it, from the CLI
// and from /faq-admin in Slack and Discord (faqbot.Inbox).
type storeInbox struct {
	cfg    config.Config
	st     insights.Store
	getenv func(string) string
	log    *slog.Logger // nil from the CLI
	mu     *sync.Mutex  // one assign at a time in serve (nil from the CLI)
}

// inboxTop bounds the groups a chat report lists; allGroups is what the
// CLI's inbox and check --replay read (the store's own bound).
const (
	inboxTop  = 100
	allGroups = 1000
)

func (b storeInbox) Report(ctx context.Context, since time.Time) (faqbot.Insights, error) {
	return b.st.Report(ctx, since, inboxTop)
}

func (b storeInbox) Dismiss(ctx context.Context, id, by string) error {
	if err := b.st.Dismiss(ctx, id); err != nil {
		return err
	}
	if b.log != nil {
		b.log.Info("inbox: group dismissed", "group", id, "by", by)
	}
	return nil
}

func (b storeInbox) Assign(ctx context.Context, id, section, by string) (faqbot.Assigned, error) {
	if b.mu != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
	}
	var out bytes.Buffer
	a, err := b.assign(ctx, id, section, &out, &out)
	if b.log != nil {
		if err != nil {
			// the publish output names file lines, never a person
			b.log.Warn("inbox: assign failed", "group", id, "section", section, "by", by, "err", err)
		} else {
			b.log.Info("inbox: group assigned", "group", id, "section", a.Section, "version", a.Version, "by", by)
		}
	}
	if err != nil && out.Len() > 0 && !errors.Is(err, faqbot.ErrUnknownGroup) {
		return a, fmt.Errorf("%w\n%s", err, strings.TrimSpace(out.String()))
	}
	return a, err
}

// assign adds a group's text as an @ask line right under the section's
// heading (so it belongs to the section's first paragraph), then publishes
// the result exactly as `faqbot publish` does: checked, then replaced
// atomically, so the watcher makes it live. The group is then dismissed.
// What publish prints goes to stdout.
func (b storeInbox) assign(ctx context.Context, id, section string, stdout, stderr io.Writer) (faqbot.Assigned, error) {
	live := b.cfg.Knowledge.Path
	if live == "" {
		return faqbot.Assigned{}, fmt.Errorf("%w: inbox assign needs knowledge.path (the live file) in the config", errUsage)
	}
	g, err := b.st.Group(ctx, id)
	if err != nil {
		return faqbot.Assigned{}, err
	}
	data, err := os.ReadFile(live)
	if err != nil {
		return faqbot.Assigned{}, err
	}
	f, err := knowledge.Parse(live, data)
	if err != nil {
		return faqbot.Assigned{}, fmt.Errorf("the live file has problems: %w", err)
	}
	line := 0
	var names []string
	for _, s := range f.Sections {
		names = append(names, s.Heading)
		if strings.EqualFold(strings.TrimSpace(s.Heading), strings.TrimSpace(section)) {
			line, section = s.Line, s.Heading
		}
	}
	if line == 0 {
		return faqbot.Assigned{}, fmt.Errorf("no section %q; the sections are: %s", section, strings.Join(names, "; "))
	}
	lines := strings.SplitAfter(string(data), "\n")
	text := strings.Join(strings.Fields(g.Text), " ")
	draft := strings.Join(lines[:line], "") + "@ask: " + text + "\n" + strings.Join(lines[line:], "")
	if !strings.HasSuffix(lines[line-1], "\n") {
		draft = strings.Join(lines[:line], "") + "\n@ask: " + text + "\n" + strings.Join(lines[line:], "")
	}
	dir, err := os.MkdirTemp("", "faqbot-assign-*")
	if err != nil {
		return faqbot.Assigned{}, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, filepath.Base(live))
	if err := os.WriteFile(path, []byte(draft), 0o600); err != nil {
		return faqbot.Assigned{}, err
	}
	if err := runPublish(ctx, []string{"--to", live, path}, b.getenv, stdout, stderr); err != nil {
		return faqbot.Assigned{}, err
	}
	if err := b.st.Dismiss(ctx, id); err != nil && !errors.Is(err, insights.ErrNotFound) {
		return faqbot.Assigned{}, fmt.Errorf("published, but the group stays in the inbox: %w", err)
	}
	nf, err := knowledge.Load(live)
	if err != nil {
		return faqbot.Assigned{}, err
	}
	return faqbot.Assigned{ID: id, Section: section, Ask: text, Version: nf.Version}, nil
}

// runForget is `faqbot forget --all`: empty the store, key included.
func runForget(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("forget", stderr)
	cfgPath := fs.String("config", getenv("FAQBOT_CONFIG"), "the bot's TOML config file (env FAQBOT_CONFIG)")
	all := fs.Bool("all", false, "delete everything insights keep")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if !*all {
		return fmt.Errorf("%w: forget needs --all (it deletes every count, vote and unanswered question)", errUsage)
	}
	_, st, err := moderatorStore(ctx, *cfgPath, getenv)
	if err != nil {
		return fmt.Errorf("forget: %w", err)
	}
	defer st.Close()
	if err := st.Forget(ctx); err != nil {
		return fmt.Errorf("forget: %w", err)
	}
	if *asJSON {
		return printJSON(stdout, map[string]bool{"forgotten": true})
	}
	fmt.Fprintln(stdout, "insights emptied: every count, vote and unanswered question is deleted, and the asker key replaced\n(a running serve takes the new key when it restarts)")
	return nil
}
