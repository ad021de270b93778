package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/knowledge"
)

// Replay is what `faqbot check --replay DRAFT` found: which of the
// inbox's groups the draft answers, and which @expect questions (of the
// live file and of the draft) it answers differently from the live file.
type Replay struct {
	Groups        int            `json:"groups"`
	Answered      []ReplayGroup  `json:"answered"`
	ExpectChanges []ReplayChange `json:"expect_changes"`
}

// ReplayGroup is an inbox group the draft answers, and from where.
type ReplayGroup struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Source  string `json:"source"` // "no_match" or "not_helpful"
	Section string `json:"section"`
	Before  string `json:"before,omitempty"` // for not_helpful: the section that answered
}

// ReplayChange is an @expect question the draft answers differently.
type ReplayChange struct {
	Question string `json:"question"`
	Live     string `json:"live"`
	Draft    string `json:"draft"`
}

// replay answers every inbox group and every @expect question with the
// live file and with the draft. A Not helpful group counts as answered
// when the draft answers it from another section than the live file did.
func replay(ctx context.Context, cfg config.Config, draft *knowledge.File, stdout io.Writer, asJSON bool) error {
	if !cfg.Insights.On() {
		return fmt.Errorf("check --replay: insights are off: set insights.path or insights.dsn in the config, with keep_unanswered = true")
	}
	live, err := knowledge.Load(cfg.Knowledge.Path)
	if err != nil {
		return fmt.Errorf("check --replay: the live file: %w", err)
	}
	st, err := openInsights(ctx, cfg.Insights)
	if err != nil {
		return fmt.Errorf("check --replay: %w", err)
	}
	defer st.Close()
	// every group, not the chat list's first 100
	rep, err := st.Report(ctx, time.Time{}, allGroups)
	if err != nil {
		return fmt.Errorf("check --replay: %w", err)
	}
	opts := engineOptions(cfg, slog.New(slog.DiscardHandler), nil)
	before, err := engine.NewFromFile(live, opts)
	if err != nil {
		return fmt.Errorf("check --replay: the live file: %w", err)
	}
	defer before.Close()
	after, err := engine.NewFromFile(draft, opts)
	if err != nil {
		return fmt.Errorf("check --replay: %w", err)
	}
	defer after.Close()
	ask := func(e *engine.Engine, q string) (faqbot.Reply, error) {
		return e.Answer(ctx, faqbot.Question{Text: q, Platform: "check"})
	}
	out := Replay{Answered: []ReplayGroup{}, ExpectChanges: []ReplayChange{}}
	for _, src := range []struct {
		name   string
		groups []faqbot.Group
	}{{"no_match", rep.Unanswered}, {"not_helpful", rep.NotHelpful}} {
		for _, g := range src.groups {
			out.Groups++
			r, err := ask(after, g.Text)
			if err != nil {
				return fmt.Errorf("check --replay: %w", err)
			}
			if r.Kind != faqbot.KindAnswer || src.name == "not_helpful" && r.Section == g.Section {
				continue
			}
			out.Answered = append(out.Answered, ReplayGroup{ID: g.ID, Text: g.Text, Source: src.name, Section: r.Section, Before: g.Section})
		}
	}
	seen := map[string]bool{}
	for _, f := range []*knowledge.File{live, draft} {
		for _, x := range f.Expectations {
			if seen[x.Question] {
				continue
			}
			seen[x.Question] = true
			a, err := ask(before, x.Question)
			if err != nil {
				return fmt.Errorf("check --replay: %w", err)
			}
			b, err := ask(after, x.Question)
			if err != nil {
				return fmt.Errorf("check --replay: %w", err)
			}
			if was, now := outcome(a), outcome(b); was != now {
				out.ExpectChanges = append(out.ExpectChanges, ReplayChange{Question: x.Question, Live: was, Draft: now})
			}
		}
	}
	if asJSON {
		return printJSON(stdout, out)
	}
	fmt.Fprintf(stdout, "with this draft, %d of %d unanswered groups get an answer", len(out.Answered), out.Groups)
	if len(out.ExpectChanges) == 0 {
		fmt.Fprintln(stdout, ", and no @expect changes")
	} else {
		fmt.Fprintf(stdout, ", and %d @expect question(s) get another reply\n", len(out.ExpectChanges))
	}
	for _, g := range out.Answered {
		if g.Source == "not_helpful" {
			fmt.Fprintf(stdout, "  %s  %q → %q (was %q, marked Not helpful)\n", g.ID, g.Text, g.Section, g.Before)
			continue
		}
		fmt.Fprintf(stdout, "  %s  %q → %q\n", g.ID, g.Text, g.Section)
	}
	for _, c := range out.ExpectChanges {
		fmt.Fprintf(stdout, "  @expect %q: %s now, %s with the draft\n", c.Question, c.Live, c.Draft)
	}
	return nil
}

// outcome names a reply for a comparison: the section of an answer, or
// the kind (and reason) of anything else.
func outcome(r faqbot.Reply) string {
	switch {
	case r.Kind == faqbot.KindAnswer:
		return fmt.Sprintf("answer from %q", r.Section)
	case r.Reason != "":
		return string(r.Kind) + " (" + string(r.Reason) + ")"
	}
	return string(r.Kind)
}
