package engine

import (
	"context"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/search"
	"github.com/faqbot/faqbot/knowledge"
)

// Check runs a file's expectations on an engine built from it, with the
// same options as e, and returns every failure with its file and line.
// It is what `faqbot check` and every reload run before publishing.
func (e *Engine) Check(ctx context.Context, f *knowledge.File) (knowledge.Errors, error) {
	snap, err := e.build(f)
	if err != nil {
		return nil, err
	}
	defer snap.retire()
	return e.checkOn(ctx, snap), nil
}

// Check builds an engine with opts for f and runs its expectations.
func Check(ctx context.Context, f *knowledge.File, opts Options) (knowledge.Errors, error) {
	return newEngine(opts).Check(ctx, f)
}

func (e *Engine) checkOn(ctx context.Context, snap *snapshot) knowledge.Errors {
	var errs knowledge.Errors
	for _, x := range snap.file.Expectations {
		r, err := e.answer(ctx, snap, faqbot.Question{Text: x.Question, Platform: "check"})
		if err != nil {
			errs = append(errs, lineError(snap.file, x.Line, "expectation %q could not run: %v", x.Question, err))
			continue
		}
		if !meets(r, x.Want) {
			errs = append(errs, lineError(snap.file, x.Line, "expectation failed: %q should get %s, got %s",
				x.Question, x.Want, describe(r)))
		}
	}
	return errs
}

func meets(r faqbot.Reply, t knowledge.Target) bool {
	if r.Kind != t.Kind {
		return false
	}
	switch t.Kind {
	case faqbot.KindAnswer:
		return r.Section == t.Section
	case faqbot.KindHandoff:
		return r.Reason == t.Reason
	}
	return true
}

func describe(r faqbot.Reply) string {
	return knowledge.Target{Kind: r.Kind, Reason: r.Reason, Section: r.Section}.String()
}

// Warnings lists what in f works but will confuse the bot: phrasings in
// two sections that read as the same question (search.Collision). They do
// not stop a publish; `faqbot check` shows them so a moderator can reword.
func Warnings(f *knowledge.File) (knowledge.Errors, error) {
	ix, err := search.Build(f)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	var out knowledge.Errors
	for _, c := range ix.Collisions() {
		out = append(out, lineError(f, c.Line,
			"warning: @ask %q (section %q) reads to the bot like %q at line %d (section %q): it cannot tell them apart; add a word that says which topic is meant",
			c.Ask, c.Section, c.Other, c.OtherLine, c.OtherSect))
	}
	return out, nil
}
