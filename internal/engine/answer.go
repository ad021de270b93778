package engine

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/question"
	"github.com/faqbot/faqbot/internal/search"
	"github.com/faqbot/faqbot/knowledge"
)

// answer runs the pipeline on one snapshot: clean → triage → smalltalk →
// search → confidence gate. Nothing after triage runs for a message that
// needs a handoff or a decline.
func (e *Engine) answer(ctx context.Context, snap *snapshot, q faqbot.Question) (faqbot.Reply, error) {
	if q.Section != "" {
		return e.sectionReply(snap, q.Section), nil
	}
	text, cut := clean(q.Text, e.opts.MaxQuestionRunes)
	r, err := e.classified(ctx, snap, text)
	if err != nil {
		return faqbot.Reply{}, err
	}
	r.Question = text
	if cut {
		r.Truncated = true
		note := fmt.Sprintf(e.texts.Truncated, e.opts.MaxQuestionRunes)
		r.Lead = joinNonEmpty(" ", note, r.Lead)
		r.Text = note + "\n\n" + r.Text
	}
	return r, nil
}

func (e *Engine) classified(ctx context.Context, snap *snapshot, text string) (faqbot.Reply, error) {
	if strings.TrimSpace(text) == "" {
		return e.smalltalkReply(snap, e.texts.Empty), nil
	}
	v := triage(text)
	// "is it covered by insurance?" is a practical question, not a request
	// for a therapist: the clinic, not the directory, can answer it.
	if v.kind != "" && !(v.reason == faqbot.ReasonReferral && question.Analyze(text).Type.Practical()) {
		r := e.safetyReply(v)
		r.Flagged = true
		return r, nil
	}
	if s, ok := smalltalk(text); ok {
		return e.smalltalkReply(snap, e.smalltalkText(s)), nil
	}
	r, err := e.searchReply(ctx, snap, stripGreeting(text))
	if err == nil && v.attach != "" {
		r = e.withResources(r, v.attach)
	}
	r.Flagged = v.kind != "" || v.attach != ""
	return r, err
}

// withResources adds the resources for reason to a reply, first: a
// question about therapy that touches crisis or abuse ("can sex therapy
// help after sexual assault?") keeps its answer, and the person asking,
// who may be the survivor, also gets the lines that help now.
func (e *Engine) withResources(r faqbot.Reply, reason faqbot.Reason) faqbot.Reply {
	res := e.res[reason]
	r.Resources = append(append([]faqbot.Resource{}, res...), r.Resources...)
	r.Text += "\n" + e.texts.Attached + "\n" + formatResources(res)
	return r
}

func (e *Engine) safetyReply(v verdict) faqbot.Reply {
	if v.kind == faqbot.KindDecline {
		return faqbot.Reply{Kind: faqbot.KindDecline, Lead: e.texts.Decline, Text: e.texts.Decline}
	}
	lead := map[faqbot.Reason]string{
		faqbot.ReasonCrisis:   e.texts.Crisis,
		faqbot.ReasonAbuse:    e.texts.Abuse,
		faqbot.ReasonMedical:  e.texts.Medical,
		faqbot.ReasonReferral: e.texts.Referral,
	}[v.reason]
	res := e.res[v.reason]
	if v.attach != "" && v.attach != v.reason {
		// a partner's threat to themselves: abuse and crisis lines both
		res = append([]faqbot.Resource{}, res...)
		for _, a := range e.res[v.attach] {
			if !slices.ContainsFunc(res, func(r faqbot.Resource) bool { return r.Name == a.Name }) {
				res = append(res, a)
			}
		}
	}
	if v.checkIn {
		lead = e.texts.CheckIn
	}
	if v.urgent {
		// an emergency: say so alone, and put the emergency number first
		lead = e.texts.Urgent
		res = emergencyFirst(res)
	}
	return faqbot.Reply{
		Kind: faqbot.KindHandoff, Reason: v.reason, Lead: lead, Resources: res,
		Text: lead + "\n" + formatResources(res),
	}
}

func (e *Engine) smalltalkReply(snap *snapshot, lead string) faqbot.Reply {
	sugg := suggestions(snap.index.Headings(), nil, e.opts.Suggestions+1)
	return faqbot.Reply{
		Kind: faqbot.KindSmalltalk, Lead: lead, Suggestions: sugg,
		Text: lead + "\n" + bullets("Topics I can answer from:", sugg),
	}
}

// searchReply answers from the best passage when the gate passes, and says
// "I don't know" with suggestions when it does not.
//
// Each part of the question (questionParts) is analyzed for the type of
// answer it expects and its focus, then searched; the first part that a
// passage answers gets the answer. A question whose type no passage can
// give ("how long does therapy take") gets a no_match that says what the
// file does not say, and the clinic's contact.
func (e *Engine) searchReply(ctx context.Context, snap *snapshot, text string) (faqbot.Reply, error) {
	passages := snap.index.Passages()
	var first search.Result
	var firstA question.Analysis
	firstWhy := weak
	for i, part := range questionParts(text) {
		a, r, err := e.search(ctx, snap, part)
		if err != nil {
			return faqbot.Reply{}, err
		}
		if i > 0 && (!inherit(&a, firstA, part) || continues(a)) {
			continue
		}
		best, w := e.decide(a, r, passages)
		if i == 0 {
			first, firstA, firstWhy = r, a, w
		} else if best >= 0 && pointsBack(a) && !e.aboutMessage(first, r.Hits[best].Passage) {
			continue
		}
		if best >= 0 {
			return e.answerReply(e.sources(a, r, best, passages), r.Hits[best].Score), nil
		}
	}
	var near []string
	for _, h := range first.Hits {
		near = append(near, passages[h.Passage].Heading)
	}
	score := 0.0
	if len(first.Hits) > 0 {
		score = round(first.Hits[0].Score)
	}
	lead, practical := e.texts.NoMatch, false
	if targeted(firstA, firstWhy) {
		lead, practical = firstA.Type.Say(), firstA.Type.Practical()
	}
	return e.noMatchReply(snap, lead, near, score, practical), nil
}

// continues reports whether a part of a longer message only carries on
// its question ("who founded AASECT, | and in what year?"): it opens with
// "and", "or" or "also" and has no focus of its own. The whole message
// was asked already.
func continues(a question.Analysis) bool {
	if len(a.Words) == 0 || len(a.Focus) > 0 {
		return false
	}
	switch a.Words[0] {
	case "and", "or", "also", "plus":
		return true
	}
	return false
}

// pointsBack reports whether a part of a longer message asks about
// something only the rest of the message names: "do you work with that?"
// after "I'm questioning my gender identity" has no focus of its own.
func pointsBack(a question.Analysis) bool {
	if len(a.Focus) > 0 {
		return false
	}
	for _, w := range a.Words {
		switch w {
		case "that", "this", "those", "these":
			return true
		}
	}
	return false
}

// aboutMessage reports whether passage p's own text covers the focus of
// the whole message (whole, its search), as a part that points back must
// have it: "a doctor once lectured me … is therapy going to be like
// that?" is answered by the passage that says it is not directive, but
// "do you work with that?" after "I'm questioning my gender identity" by
// no passage that never names it.
func (e *Engine) aboutMessage(whole search.Result, p int) bool {
	for _, h := range whole.Hits {
		if h.Passage == p {
			return h.Said >= e.opts.MinFocus
		}
	}
	return false
}

// inherit gives a part of a longer message the type of answer the whole
// message asks for, when the part is a statement that asks nothing itself:
// in "do you offer video sessions? I live 3 hours away" the second part is
// still about where sessions take place. A part that is a question of its
// own keeps its own type. It reports false for a part that cannot be
// answered alone: the tail of a comparison or a condition question
// ("sex therapy vs counseling, which is better").
func inherit(a *question.Analysis, whole question.Analysis, part string) bool {
	if a.Type != question.General || whole.Type == question.General ||
		strings.HasSuffix(strings.TrimSpace(part), "?") {
		return true
	}
	if whole.Type == question.Comparison || whole.Type == question.Condition {
		return false
	}
	a.Type = whole.Type
	return true
}

// sources are the passage of hit best, and a close runner-up that covers
// the question as well: when two passages answer it almost equally, the
// person gets both, each under its own section, rather than a coin toss.
func (e *Engine) sources(a question.Analysis, res search.Result, best int, passages []search.Passage) []faqbot.Source {
	top := res.Hits[best]
	p := passages[top.Passage]
	srcs := []faqbot.Source{{Section: p.Heading, Passage: p.Text}}
	add := func(r search.Hit) bool {
		rp := passages[r.Passage]
		if r.Score < 0.9*top.Score || e.fits(a, r, rp) != answers || len(p.Text)+len(rp.Text) > knowledge.MaxPassage {
			return false
		}
		srcs = append(srcs, faqbot.Source{Section: rp.Heading, Passage: rp.Text})
		return true
	}
	// the best passage of another section, when it ties (decide let it
	// through as one)
	for _, r := range res.Hits[best+1:] {
		if passages[r.Passage].Section == p.Section {
			continue
		}
		if r.Coverage >= top.Coverage && top.Score < e.opts.MinMargin*r.Score && add(r) {
			return srcs
		}
		break
	}
	// else the next passage, when it covers the question as well
	if best+1 < len(res.Hits) {
		r := res.Hits[best+1]
		if r.Coverage >= top.Coverage || r.Focus == 1 && top.Focus == 1 {
			add(r)
		}
	}
	return srcs
}

// noMatchReply says the bot does not know (lead), offers the sections
// nearest the question (or the file's first ones), and says who can help:
// the clinic, when its contact is configured, and the directory.
func (e *Engine) noMatchReply(snap *snapshot, lead string, near []string, score float64, practical bool) faqbot.Reply {
	sugg := suggestions(snap.index.Headings(), near, e.opts.Suggestions)
	contact := e.clinicResources()
	if practical && len(contact) == 0 {
		lead += " " + e.texts.Practical
	}
	res := append(contact, e.res[faqbot.ReasonReferral]...)
	var b strings.Builder
	b.WriteString(lead)
	if len(contact) > 0 {
		b.WriteString("\n")
		b.WriteString(e.clinicLine())
	}
	b.WriteString("\n")
	b.WriteString(bullets("Topics I can answer from:", sugg))
	b.WriteString("\nFor your own situation, a certified sex therapist can help.\n")
	b.WriteString(formatResources(e.res[faqbot.ReasonReferral]))
	return faqbot.Reply{
		Kind: faqbot.KindNoMatch, Lead: lead, Suggestions: sugg, Resources: res, Score: score,
		Text: b.String(),
	}
}

// questionParts returns the text to search, then, for a message of
// several sentences or clauses, the parts that are most likely the
// question: each sentence that ends in a question mark, the last sentence
// and its last clause. People tell their story around the question ("my
// partner and I … could a sex therapist help us talk about it"; "is it all
// about intercourse? our issue is more about affection"), and the story's
// words would otherwise count against it.
func questionParts(text string) []string {
	parts := []string{text}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(strings.Fields(s)) < 3 {
			return
		}
		for _, p := range parts {
			if p == s {
				return
			}
		}
		parts = append(parts, s)
	}
	var sentences []string
	start := 0
	for i, r := range text {
		if r == '.' || r == '?' || r == '!' || r == '\n' {
			sentences = append(sentences, text[start:i+1])
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		sentences = append(sentences, rest)
	}
	if len(sentences) > 1 {
		for _, s := range sentences {
			if strings.HasSuffix(strings.TrimSpace(s), "?") {
				add(s)
			}
		}
		add(sentences[len(sentences)-1])
	}
	if len(sentences) == 0 {
		return parts // only spaces: nothing more to split
	}
	last := sentences[len(sentences)-1]
	clauses := strings.FieldsFunc(last, func(r rune) bool { return r == ',' || r == ';' || r == ':' || r == '\u2014' })
	if len(clauses) > 1 {
		add(clauses[len(clauses)-1])
		// "caller wants to know if sessions are confidential, she lives
		// in a small town": the question may come first, the story after
		if question.Asks(clauses[0]) {
			add(clauses[0])
		}
	}
	if len(parts) > 4 {
		parts = parts[:4] // each part is a search: bound the work
	}
	return parts
}

func (e *Engine) answerReply(srcs []faqbot.Source, score float64) faqbot.Reply {
	section := srcs[0].Section
	lead := fmt.Sprintf("From the clinic's information, \u201c%s\u201d:", section)
	var b strings.Builder
	b.WriteString(lead)
	for i, s := range srcs {
		if i > 0 && s.Section != srcs[i-1].Section {
			fmt.Fprintf(&b, "\n\nAnd from \u201c%s\u201d:", s.Section)
		}
		b.WriteString("\n\n")
		b.WriteString(s.Passage)
	}
	b.WriteString("\n\n")
	b.WriteString(e.texts.Footer)
	return faqbot.Reply{
		Kind: faqbot.KindAnswer, Section: section, Score: round(score), Sources: srcs,
		Lead: lead, Text: b.String(),
	}
}

// sectionReply answers a "did you mean" choice: the section's first passage.
func (e *Engine) sectionReply(snap *snapshot, heading string) faqbot.Reply {
	s, ok := snap.file.Section(heading)
	if !ok {
		sugg := suggestions(snap.index.Headings(), nil, e.opts.Suggestions)
		return faqbot.Reply{
			Kind: faqbot.KindNoMatch, Lead: e.texts.NoMatch, Suggestions: sugg,
			Text: e.texts.NoMatch + "\n" + bullets("Topics I can answer from:", sugg),
		}
	}
	r := e.answerReply([]faqbot.Source{{Section: s.Heading, Passage: s.Passages[0].Text}}, 0)
	r.Question = s.Heading
	return r
}

func (e *Engine) smalltalkText(s small) string {
	switch s {
	case smallThanks:
		return e.texts.Thanks
	case smallGoodbye:
		return e.texts.Goodbye
	default:
		return e.texts.Intro
	}
}

// suggestions returns up to n distinct headings: those near the question
// first, then the file's own order.
func suggestions(all, near []string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{near, all} {
		for _, h := range list {
			if len(out) == n {
				return out
			}
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

func formatResources(rs []faqbot.Resource) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("\u2022 ")
		b.WriteString(r.Name)
		if r.Text != "" {
			b.WriteString(": ")
			b.WriteString(r.Text)
		}
		if r.Phone != "" && !strings.Contains(r.Text, r.Phone) {
			b.WriteString(" Phone: ")
			b.WriteString(r.Phone)
			b.WriteString(".")
		}
		if r.URL != "" {
			b.WriteString(" ")
			b.WriteString(r.URL)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func bullets(title string, items []string) string {
	if len(items) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(title)
	for _, it := range items {
		b.WriteString("\n\u2022 ")
		b.WriteString(it)
	}
	return b.String()
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

// emergencyFirst returns rs with the resources that have an emergency
// number (911, 112, 999, 000) moved to the front.
func emergencyFirst(rs []faqbot.Resource) []faqbot.Resource {
	var first, rest []faqbot.Resource
	for _, r := range rs {
		switch r.Phone {
		case "911", "112", "999", "000":
			first = append(first, r)
		default:
			rest = append(rest, r)
		}
	}
	return append(first, rest...)
}
