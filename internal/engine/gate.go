package engine

import (
	"github.com/faqbot/faqbot/internal/question"
	"github.com/faqbot/faqbot/internal/search"
	"github.com/faqbot/faqbot/knowledge"
)

// The gate's bars for what a question asks (see README, "How it answers").
const (
	// DefaultMinFocus is the share of the question's focus, by word
	// rarity, that a passage must cover: "can BDSM behavior be healthy"
	// is not answered by a passage on healthy behaviors that never names
	// BDSM. 0.45, not 0.4: over every question set, 31 more questions the
	// file does not answer get an honest no_match ("will my sessions show
	// up on my medical records"), for 22 fewer answered from the right
	// passage, most of them long questions whose focus is chatter.
	DefaultMinFocus = 0.45
	// minSide is the share of each side of a comparison that the passage's
	// own text must cover: all of it, but for rounding.
	minSide = 0.99
	// minFitScore is how close to the best match a passage that can give
	// the type of answer must rank, when the best cannot: "when did it
	// start" may be answered from the history passage although the
	// definition matches a little better, but not from a passage that
	// barely matches.
	minFitScore = 0.8
	// minPhrasing is how close a question must be to one of a passage's
	// @ask phrasings (search.Hit.Phrasing) for the phrasing's words to
	// count as covering the question's focus.
	minPhrasing = 0.4
	// minEligible is the share of an eligibility question's focus, less
	// everyday words, that the passage's own words must cover: all of it,
	// but for rounding.
	minEligible = 0.99
	// minVouched is how close a question must be to one of a passage's
	// @ask lines for the line to vouch that the passage answers it,
	// whatever the type of answer it asks for.
	minVouched = 0.8
)

// why says why a passage does not answer a question, for the reply and
// for `faqbot check`.
type why int

const (
	answers      why = iota
	weak             // too little of the question covered, or too weak a match
	offTopic         // mostly words the file never uses
	ambiguous        // another section matches as well
	wrongType        // the passage cannot give the type of answer asked for
	noFocus          // the passage does not cover what the question is about
	oneSide          // a comparison, and the passage names one side only
	notNamed         // a condition the passage does not name
	opinionAsked     // the therapist's own views: the file has none
)

// fits reports whether the passage of hit h can give the type of answer a
// asks for and covers what a is about.
func (e *Engine) fits(a question.Analysis, h search.Hit, p search.Passage) why {
	switch {
	case a.Type == question.Opinion && !p.Facts.Supplies.Has(question.Opinion):
		return opinionAsked
	case a.Type == question.Comparison:
		if h.Sides[0] < minSide || h.Sides[1] < minSide {
			return oneSide
		}
		if !p.Facts.Supplies.Has(question.Comparison) {
			return wrongType
		}
	case a.Type == question.Condition:
		named := false
		for _, pr := range a.Problems {
			named = named || p.Facts.Names(pr)
		}
		if !named {
			return notNamed
		}
	case !a.Type.Free() && !p.Facts.Supplies.Has(a.Type):
		return wrongType
	case a.Type.InSentence() && !p.Declared.Has(a.Type) && h.Stated < h.Core && h.Phrasing < minVouched:
		// a date, a name, a length of time is given by one sentence, and
		// that sentence must be about what was asked, as much as the
		// whole passage is: "when was AASECT founded" is not answered by
		// the date sex therapy emerged, in a passage that names AASECT
		// elsewhere. A question that is all but one of the moderators'
		// @ask lines is answered as they said.
		return wrongType
	}
	// The focus must be in the passage's own words (or their synonyms).
	// A moderator's @ask phrasing vouches for the words of a question
	// only when the question is close to that phrasing as a whole: one
	// shared word ("first" in "what is the first session like") says
	// nothing about "what questions will you ask in the first session".
	focus := h.Said
	if h.Phrasing >= minPhrasing {
		focus = max(focus, h.Focus)
	}
	if focus < e.opts.MinFocus {
		return noFocus
	}
	// who may come is about the whole group asked about: "can same-sex
	// couples come in" is not answered by a passage on couples, nor "do
	// you work with non-binary people" by one on people
	if a.Type == question.Eligibility && h.Core < minEligible {
		return noFocus
	}
	// a question about someone the file names must be answered about
	// what it asks of them: "where is AASECT headquartered" is not
	// answered by the passage that names AASECT, whose rare name alone
	// would carry the focus
	if h.Beyond < e.opts.MinFocus && h.Phrasing < minVouched {
		return noFocus
	}
	// what a term means is said by a passage that defines it ("X is a
	// ...", "X refers to", an abbreviation spelt out): "what does
	// psychodynamic mean" is not answered by a passage that only lists it
	// among other approaches, nor "what is the PLISSIT model" by one on
	// models. A question that is all but one of the moderators' @ask lines
	// is answered as they said.
	if a.Term && !p.Facts.Defined(a.Focus) && h.Phrasing < minVouched {
		return noFocus
	}
	// a synonym alone does not carry a general question: "will I have
	// homework" is not answered by a passage on skill-building that
	// never says homework, nor any other word of the question's focus
	if a.Type == question.General && h.Literal == 0 {
		return noFocus
	}
	return answers
}

// decide picks the passage that answers a, from one search's hits: the
// best hit that can give the type of answer asked for and covers the
// question's focus, when it also covers enough of the question and is a
// real match. When the best such hit of another section matches as well,
// both answer (sources quotes them together) if they fit in one reply;
// if not, neither does. It returns the hit's index, or -1 and why not.
func (e *Engine) decide(a question.Analysis, res search.Result, passages []search.Passage) (int, why) {
	if len(res.Hits) == 0 || res.Terms == 0 {
		return -1, weak
	}
	// a condition question names a problem the bot knows ("premature
	// ejaculation"), however few of its words the file uses
	if res.Unknown >= maxUnknown && a.Type != question.Condition {
		return -1, offTopic
	}
	best, reason := -1, weak
	for i, h := range res.Hits {
		// the rest match the question too poorly; but a passage that names
		// the problem a condition question asks about is worth a look
		// however few of the question's other words it shares
		if h.Score < minFitScore*res.Hits[0].Score && a.Type != question.Condition {
			break
		}
		w := e.fits(a, h, passages[h.Passage])
		if w == answers && len(res.UnknownNames) > 0 && a.Type != question.Condition && h.Phrasing < minVouched {
			// a name the file never uses is what the question is about:
			// "was Alfred Kinsey involved in founding sex therapy?" is not
			// answered by the history passage (a question that is all but
			// one of the moderators' @ask lines is answered as they said)
			w = noFocus
		}
		if w == answers {
			best = i
			break
		}
		if i == 0 {
			reason = w // the top passage's reason is the one to tell
		}
	}
	if best < 0 {
		return -1, reason
	}
	top := res.Hits[best]
	// the words of a named problem are covered when the passage names the
	// problem or its kind, which fits checked: coverage, which counts
	// them as words the file never uses, does not apply
	if top.Coverage < e.opts.MinCoverage && a.Type != question.Condition || top.Score < e.opts.MinScore {
		return -1, weak
	}
	for _, h := range res.Hits[best+1:] {
		if passages[h.Passage].Section == passages[top.Passage].Section {
			continue
		}
		if e.fits(a, h, passages[h.Passage]) != answers {
			continue
		}
		if h.Coverage >= top.Coverage && top.Score < e.opts.MinMargin*h.Score {
			// two sections answer it as well: quote both, each under its
			// own heading, when they fit in one reply
			if len(passages[top.Passage].Text)+len(passages[h.Passage].Text) <= knowledge.MaxPassage {
				return best, answers
			}
			return -1, ambiguous
		}
		break // only the best hit of another section counts
	}
	return best, answers
}

// targeted reports whether a no_match for this reason should say what the
// file does not say ("The clinic's information doesn't say how long
// therapy takes."): when the question is about the file's topic and asks
// for a type of answer the file does not give.
func targeted(a question.Analysis, w why) bool {
	if a.Type == question.General || w == offTopic {
		return false
	}
	return a.Type.Say() != ""
}
