package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/question"
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
			msg := fmt.Sprintf("expectation failed: %q should get %s, got %s", x.Question, x.Want, describe(r))
			if r.Kind == faqbot.KindNoMatch && x.Want.Kind == faqbot.KindAnswer {
				msg += ": " + e.whyNot(snap, x.Question, "change the test")
			}
			errs = append(errs, lineError(snap.file, x.Line, "%s", msg))
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

// Warnings lists what in f works but will confuse the bot. They do not
// stop a publish; `faqbot check` shows them so a moderator can act:
//   - phrasings in two sections that read as the same question
//     (search.Collision);
//   - a section's own @ask line that the bot would not answer (a no_match):
//     it asks for a type of answer the paragraph does not give ("how long"
//     of a paragraph that states no duration) or about something it does
//     not cover. An edit must not quietly stop answering.
func Warnings(f *knowledge.File) (knowledge.Errors, error) {
	e := newEngine(Options{NoCache: true})
	snap, err := e.build(f)
	if err != nil {
		return nil, err
	}
	defer snap.retire()
	var out knowledge.Errors
	for _, c := range snap.index.Collisions() {
		out = append(out, lineError(f, c.Line,
			"warning: @ask %q (section %q) reads to the bot like %q at line %d (section %q): it cannot tell them apart; add a word that says which topic is meant",
			c.Ask, c.Section, c.Other, c.OtherLine, c.OtherSect))
	}
	ctx := context.Background()
	for _, s := range f.Sections {
		for _, p := range s.Passages {
			for _, a := range p.Asks {
				r, err := e.answer(ctx, snap, faqbot.Question{Text: a.Text, Platform: "check"})
				if err != nil {
					return nil, err
				}
				if r.Kind == faqbot.KindNoMatch {
					out = append(out, lineError(f, a.Line, "warning: @ask %q (section %q) gets no answer now: %s",
						a.Text, s.Heading, e.whyNot(snap, a.Text, "remove the @ask")))
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out, nil
}

// whyNot says, for a moderator, why the top passage does not answer text,
// and what to do about it; otherwise is the last resort ("remove the
// @ask").
func (e *Engine) whyNot(snap *snapshot, text, otherwise string) string {
	a := question.Analyze(text)
	res, err := snap.index.SearchQuestion(context.Background(), a)
	if err != nil {
		return err.Error()
	}
	_, w := e.decide(a, res, snap.index.Passages())
	switch w {
	case wrongType:
		return fmt.Sprintf("it expects an answer of type %q, which the paragraph's text does not give; if the paragraph does answer it, add \"@answers: %s\" under it, or else %s", a.Type, a.Type, otherwise)
	case oneSide:
		return "it compares two things and the paragraph's text does not name both; if it does compare them, add \"@answers: comparison\" under it, or else " + otherwise
	case notNamed:
		return "it asks about a problem the paragraph does not name; if the paragraph does answer it, add \"@answers: condition\" under it, or else " + otherwise
	case opinionAsked:
		return "it asks for the therapist's own views, which the bot gives only from a paragraph marked \"@answers: opinion\""
	case noFocus:
		return fmt.Sprintf("the paragraph does not cover what it asks about (%s); add @synonyms for the words people use, or %s", strings.Join(a.Focus, ", "), otherwise)
	case ambiguous:
		return "another section matches it as well; add a word that says which topic is meant"
	case offTopic:
		return "most of its words are words the file never uses"
	}
	return "too little of it matches the paragraph; reword it closer to the paragraph or add @synonyms"
}
