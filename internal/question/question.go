// Package question works out what a question asks before anything is
// searched: the type of answer it expects (how long, how much, who, why, a
// comparison, the therapist's own opinion…) from its wh-phrase and the
// words around it, and its focus, what is left once the words that only
// frame it and the file's topic words ("sex", "therapy", "session") are set
// aside. It also reads, from a passage's text, which types of answer the
// passage can give: a duration, a date, a name, a list of who it is for.
//
// A passage answers a question only when it can give the type of answer the
// question expects and covers its focus; the search and the engine decide
// the second, this package the first. The words it goes by are in
// words.txt, with comments, for anyone to review.
package question

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Type is the type of answer a question expects.
type Type uint8

// The types, as words.txt and the knowledge file's @answers lines name them.
const (
	General        Type = iota // anything: answered by any passage about the question
	Opinion                    // the therapist's own views or experience
	Comparison                 // X vs Y, the difference between
	Credentials                // training, degrees, certification
	When                       // a date: when did it start, how long has it been around
	Duration                   // how long, how often, how many sessions
	Cost                       // fees, insurance
	Schedule                   // booking, opening hours
	Place                      // where, online or in person
	Number                     // how many people, what percentage
	Normal                     // is it normal or healthy to …
	Cause                      // what causes it
	Recommendation             // when should one go, is it right for me
	Eligibility                // who may or can
	Who                        // a person or an organisation
	HowTo                      // how do I do something
	Procedure                  // how is it done, what happens
	Condition                  // can it help with a named problem
	Reason                     // why, what for
	Definition                 // what is it
	Offering                   // what the clinic offers, who is on its staff
	Detail                     // the particulars of something: which specific skills, the exact year
	Consequence                // what happens if: what if I cry, what happens if I miss a session
	Limit                      // the exceptions to something: limits of confidentiality
	Change                     // how something has changed since: since the 1970s, nowadays
	numTypes
)

var typeNames = [numTypes]string{
	"general", "opinion", "comparison", "credentials", "when", "duration", "cost", "schedule", "place", "number", "normal", "cause",
	"recommendation", "eligibility", "who", "howto", "procedure", "condition", "reason", "definition",
	"offering", "detail", "consequence", "limit", "change",
}

func (t Type) String() string {
	if t < numTypes {
		return typeNames[t]
	}
	return "unknown"
}

// ParseType reads a type's name, as written in words.txt and @answers.
func ParseType(name string) (Type, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for i, n := range typeNames {
		if n == name {
			return Type(i), true
		}
	}
	return 0, false
}

// TypeNames lists the types a moderator may declare, for messages.
func TypeNames() []string { return append([]string(nil), typeNames[1:]...) }

// Practical reports whether t is about the clinic's practical matters
// (fees, hours, place, length of sessions, the services it offers), which
// a clinic answers itself.
func (t Type) Practical() bool {
	return t == Cost || t == Schedule || t == Place || t == Duration || t == Offering
}

// Free reports whether any passage about the question can answer it, as
// for "what is …" and general questions: no passage has to supply the type.
func (t Type) Free() bool {
	if t == General {
		return true
	}
	i := words.typeIndex(t)
	return i >= 0 && words.types[i].free
}

// InSentence reports whether one sentence of a passage must give an answer
// of type t and name what the question is about: a date, a name, a length
// of time, a price is a fact that one sentence states ("sentence: yes" in
// words.txt).
func (t Type) InSentence() bool {
	i := words.typeIndex(t)
	return i >= 0 && words.types[i].sentence
}

// Say is what the bot says when the file has no answer of type t: "The
// clinic's information doesn't say how long therapy takes." It is "" for
// a general question.
func (t Type) Say() string {
	if i := words.typeIndex(t); i >= 0 {
		return words.types[i].say
	}
	return ""
}

// Types is a set of types.
type Types uint32

// Has reports whether t is in the set.
func (s Types) Has(t Type) bool { return s&(1<<t) != 0 }

// With returns the set with t added.
func (s Types) With(t Type) Types { return s | 1<<t }

// maxWords is how much of a question Analyze reads: a question is short,
// and the rest of a long message is story around it.
const maxWords = 200

// Analysis is what a question asks.
type Analysis struct {
	// Words are the question's words, lower case, chat spellings and
	// contractions written out ("whats" is "what is").
	Words []string
	// Type is the type of answer it expects.
	Type Type
	// Cue is the phrase that showed the type, as words.
	Cue []string
	// Focus is what the question is about: its words less the cue, the
	// words that only frame a question, and the file's topic words.
	Focus []string
	// Sides are the two things a comparison compares, as words; a side may
	// be empty (only topic words: "sex therapy").
	Sides [2][]string
	// Compound says a side names a kind of the topic ("couples therapy"):
	// a passage must name it so too, not merely mention couples.
	Compound [2]bool
	// Problems are the problems a condition question names.
	Problems []Problem
	// Predicate is what a "who" question's cue itself asks, when it is a
	// word of words.txt's [predicates]: "founded" in "who founded
	// AASECT". The sentence that names someone must say it too.
	Predicate []string
	// Alternatives are the focus words on each side of an "or" that joins
	// two options ("is it just CBT or do they use other methods"; "does it
	// help emotionally or only sexually"): a passage that covers either
	// option answers. Nil for a comparison, and when either side has no
	// focus word of its own.
	Alternatives [2][]string
	// Kinds are the everyday words of the focus that name a kind of
	// therapy or session, right before the topic word: "group" in "do you
	// offer group sessions", "phone" in "phone therapy". They count as
	// what the question is about, as everyday words do not.
	Kinds []string
	// Term says the question asks what a term means ("what is sensate
	// focus", "what does CBT mean"), a term: line of words.txt: the
	// passage must define it (Facts.Defined).
	Term bool
	// Names are the words the question writes as names: capitalised inside
	// a sentence ("was Alfred Kinsey involved", "the Gottman method") or
	// all in capitals ("EMDR"), as words (lower case), less framing,
	// everyday and topic words, a named problem's words ("ED") and the
	// name of someone close ("my husband Tom"). A name the file never uses
	// is what the question is about, and no passage answers it.
	Names []string
}

// Problem is one problem a question names ("premature ejaculation"), with
// the kinds it belongs to ("sexual function").
type Problem struct {
	Words []string
	Kinds []string
}

// Words splits text into the words Analyze reads: lower case, chat
// spellings and contractions written out.
func Words(text string) []string { return respell(tokenize(text, words.spell), words.spell) }

// Analyze finds what text asks. text is one question, cleaned.
func Analyze(text string) Analysis {
	a := Analysis{Words: Words(text)}
	if len(a.Words) > maxWords {
		a.Words = a.Words[:maxWords]
	}
	problems, problemAt := findProblems(a.Words)
	a.Names = names(text, problemAt, a.Words)

	// every phrase that matches, once; the first type (in words.txt's
	// order) with a phrase that counts is the question's
	var found []match
	words.asks.find(a.Words, words.numbers, func(m match) bool {
		found = append(found, m)
		return true
	})
	var best *match
	bestType := len(words.types)
	var bestCue []int
	for i := range found {
		m := &found[i]
		ti := words.asks.owner[m.pattern]
		if ti >= bestType || words.types[ti].t == Condition && len(problems) == 0 {
			continue
		}
		if words.asks.alone[m.pattern] {
			cue := words.asks.cue(*m, a.Words, words.numbers)
			if len(focusOf(a.Words, cue, problemAt)) > 0 {
				continue // "should I see a doctor first" asks about the doctor
			}
			bestCue = cue
		} else {
			bestCue = nil
		}
		best, bestType = m, ti
	}
	if best == nil {
		a.Focus = focusOf(a.Words, nil, nil)
		a.Alternatives = alternatives(a.Words, nil, a.Focus)
		a.Kinds = kinds(a.Words, a.Focus)
		return a
	}
	// every phrase of the type that matched is cue: in "where can I park
	// my car" both "where … park" and "park my car" are
	for _, m := range found {
		if words.asks.owner[m.pattern] == bestType && !words.asks.alone[m.pattern] {
			for _, i := range words.asks.cue(m, a.Words, words.numbers) {
				if !slices.Contains(bestCue, i) {
					bestCue = append(bestCue, i)
				}
			}
		}
	}
	bestFocus := focusOf(a.Words, bestCue, problemAt)
	a.Type = words.types[bestType].t
	for _, m := range found {
		a.Term = a.Term || words.asks.owner[m.pattern] == bestType && words.terms[m.pattern]
	}
	slices.Sort(bestCue)
	for _, i := range bestCue {
		a.Cue = append(a.Cue, a.Words[i])
		if w := a.Words[i]; a.Type == Who && words.predicates[w] {
			a.Predicate = append(a.Predicate, w)
		}
	}
	a.Focus = bestFocus
	if a.Type == Condition {
		a.Problems = problems
	} else if problems != nil {
		// a problem named in another type of question is part of its focus
		a.Focus = focusOf(a.Words, bestCue, nil)
	}
	if a.Type == Comparison {
		a.Sides, a.Compound = sides(a.Words, best.start, best.end)
		return a
	}
	a.Alternatives = alternatives(a.Words, bestCue, a.Focus)
	a.Kinds = kinds(a.Words, a.Focus)
	return a
}

// kinds finds the words of focus that name a kind of therapy or session:
// one of words.txt's [modifiers] right before one of its [heads]
// ("group sessions"), or before "sex" or "sexual" that comes before one
// ("group sex therapy").
func kinds(ws, focus []string) []string {
	head := func(j int) bool {
		return j < len(ws) && words.heads[ws[j]]
	}
	var out []string
	for i, w := range ws {
		if !words.modifiers[w] || !slices.Contains(focus, w) || slices.Contains(out, w) {
			continue
		}
		if head(i+1) || i+2 < len(ws) && (ws[i+1] == "sex" || ws[i+1] == "sexual") && head(i+2) {
			out = append(out, w)
		}
	}
	return out
}

// yesNo reports whether a question asks yes or no: it opens with a verb
// ("is it …", "do they …", "will it …"), or asks "if" or "whether"
// before its "or". "What does it mean to be a sex
// therapist, sexologist or sex coach?" lists things to tell apart; "is it
// CBT or something else?" offers options.
func yesNo(ws []string) bool {
	if auxiliary(ws[0]) {
		return true
	}
	// relayed: "a caller asks whether it looks at the whole person or
	// just the symptom"
	for _, w := range ws {
		switch w {
		case "or":
			return false
		case "if", "whether":
			return true
		}
	}
	return false
}

// auxiliary reports whether w is a verb a yes-or-no question opens with.
func auxiliary(w string) bool {
	switch w {
	case "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "am", "has", "have":
		return true
	}
	return false
}

// Asks reports whether a clause reads as a question: it opens with a
// question word or an auxiliary ("is", "can", "do"), or has a question
// word in it ("if", "whether", "what", "how" …). "my partner and I barely
// talk" does not; "caller wants to know if sessions are confidential"
// does.
func Asks(clause string) bool {
	ws := Words(clause)
	if len(ws) == 0 {
		return false
	}
	if auxiliary(ws[0]) || ws[0] == "when" {
		return true
	}
	for _, w := range ws {
		switch w {
		case "if", "whether", "what", "how", "why", "where", "who", "which":
			return true // "wants to know what a session is like"
		}
	}
	return false
}

// alternatives splits a question's focus at its first "or", into the
// focus words before it and after it: in "is there any nudity or
// demonstration during the sessions" one is "nudity", the other
// "demonstration". Both sides need a focus word.
func alternatives(ws []string, cue []int, focus []string) [2][]string {
	at := slices.Index(ws, "or")
	if at <= 0 || at == len(ws)-1 || len(focus) < 2 || !yesNo(ws) {
		return [2][]string{}
	}
	var alt [2][]string
	for i, w := range ws {
		if i == at || !slices.Contains(focus, w) || slices.Contains(cue, i) {
			continue
		}
		k := 0
		if i > at {
			k = 1
		}
		alt[k] = append(alt[k], w)
	}
	if len(alt[0]) == 0 || len(alt[1]) == 0 {
		return [2][]string{}
	}
	return alt
}

// Everyday lists the [everyday] words of words.txt: words people use every
// day that rarely say what a question is about. The search weighs them
// little, and leaves those the file never uses out of a question's focus.
func Everyday() []string {
	out := make([]string, 0, len(words.everyday))
	for w := range words.everyday {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// Topic lists the [topic] words of words.txt: what every passage is about.
func Topic() []string {
	out := make([]string, 0, len(words.topic))
	for w := range words.topic {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// IsRole reports whether w asks what someone does or is for ("mission",
// "role"): words.txt's [roles].
func IsRole(w string) bool { return words.roles[w] }

// IsEveryday reports whether w (a word of Words) is an everyday word. A
// number is one too: "5" in "explain it like I'm 5".
func IsEveryday(w string) bool { return words.everyday[w] || isNumber(w, words.numbers) }

// content reports whether w can say what a question is about.
func content(w string) bool {
	return !words.filler[w] && !words.topic[w] && w != "'s"
}

// focusOf is the content words that are neither the cue's (positions,
// in any order) nor a named problem's.
func focusOf(ws []string, cue []int, problemAt []bool) []string {
	var out []string
	for i, w := range ws {
		if problemAt != nil && problemAt[i] || !content(w) || slices.Contains(cue, i) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func findProblems(ws []string) ([]Problem, []bool) {
	var out []Problem
	var at []bool
	words.problems.find(ws, words.numbers, func(m match) bool {
		if at == nil {
			at = make([]bool, len(ws))
		}
		kind := words.kinds[words.problems.owner[m.pattern]].name
		for j := range out {
			// the same words listed under another kind too
			if p := &out[j]; slices.Equal(p.Words, ws[m.start:m.end]) {
				if !slices.Contains(p.Kinds, kind) {
					p.Kinds = append(p.Kinds, kind)
				}
				return true
			}
		}
		for i := m.start; i < m.end; i++ {
			if at[i] {
				return true // inside a problem already found
			}
		}
		for i := m.start; i < m.end; i++ {
			at[i] = true
		}
		out = append(out, Problem{Words: ws[m.start:m.end], Kinds: []string{kind}})
		return true
	})
	return out, at
}

// sides splits a comparison around its cue: "the difference between A and
// B", "compare A with B" put both after it; "A vs B", "how is A different
// from B" put one on each side. A side is compound when its last word
// names a kind of the topic: "couples" in "couples therapy".
func sides(ws []string, start, end int) ([2][]string, [2]bool) {
	cue := ws[start:end]
	after := ws[end:]
	for len(after) > 0 && (after[0] == "between" || after[0] == "of") {
		cue, after = ws[start:end+1], after[1:] // "what is the difference | between"
		end++
	}
	// the second side ends where a new question starts: "A vs B, which is
	// better"
	for i, w := range after {
		if i > 0 && (w == "which" || w == "what" || w == "who" || w == "whats" || w == "should" || w == "do" || w == "does") {
			after = after[:i]
			break
		}
	}
	var raw [2][]string
	raw[0], raw[1] = ws[:start], after
	if hasAny(cue, "between", "compare", "comparison", "differences", "difference") {
		raw[0], raw[1] = nil, after
		for i, w := range after {
			if w == "and" || w == "or" || w == "vs" || w == "versus" || w == "with" || w == "to" {
				raw[0], raw[1] = after[:i], after[i+1:]
				break
			}
		}
	}
	var out [2][]string
	var compound [2]bool
	for k, side := range raw {
		out[k] = contentOnly(side)
		for i := len(side) - 2; i >= 0; i-- {
			if content(side[i]) {
				compound[k] = words.topic[side[i+1]]
				break
			}
		}
	}
	return out, compound
}

func hasAny(ws []string, any ...string) bool {
	for _, w := range ws {
		for _, a := range any {
			if w == a {
				return true
			}
		}
	}
	return false
}

func contentOnly(ws []string) []string {
	var out []string
	for _, w := range ws {
		if content(w) {
			out = append(out, w)
		}
	}
	return out
}

// Facts are what a passage's text can answer.
type Facts struct {
	// Supplies are the types of answer the text gives.
	Supplies Types
	// Kinds are the kinds of problem it names ("sexual function").
	Kinds []string
	// Problems are the problems it names, each as its words joined by spaces.
	Problems []string
	// Sentences are the text's sentences that give a type of answer one
	// sentence must give (Type.InSentence), with the types each gives.
	Sentences []Sentence
	// Defines are the words of the terms the text defines: the subject of
	// "X is a ...", "X refers to", "X stands for", and an abbreviation
	// spelt out before it in brackets ("... Therapists (AASECT)").
	Defines map[string]bool
}

// Sentence is one sentence of a passage and the types of answer it gives.
type Sentence struct {
	Text     string
	Supplies Types
}

// Read finds the facts in a passage's text.
func Read(text string) Facts {
	ws := Words(text)
	var f Facts
	for i, td := range words.types {
		if td.free {
			f.Supplies = f.Supplies.With(words.types[i].t)
		}
	}
	f.Supplies = f.Supplies.With(General)
	words.supplies.find(ws, words.numbers, func(m match) bool {
		f.Supplies = f.Supplies.With(words.types[words.supplies.owner[m.pattern]].t)
		return true
	})
	if namesSomeone(text, ws) {
		f.Supplies = f.Supplies.With(Who)
	}
	for _, k := range words.kinds {
		for _, name := range k.names {
			if containsRun(ws, name) {
				f.Kinds = append(f.Kinds, k.name)
				break
			}
		}
	}
	ps, _ := findProblems(ws)
	for _, p := range ps {
		f.Problems = append(f.Problems, strings.Join(p.Words, " "))
	}
	for _, s := range sentences(text) {
		if t := supplied(s); t != 0 {
			f.Sentences = append(f.Sentences, Sentence{Text: s, Supplies: t})
		}
	}
	f.Defines = defines(text)
	return f
}

// Defined reports whether the text defines every word of term that is not
// an everyday word: "what does psychodynamic mean" is not answered by a
// passage that only lists psychodynamic among other approaches.
func (f Facts) Defined(term []string) bool {
	for _, w := range term {
		if !f.Defines[w] && !IsEveryday(w) {
			return false
		}
	}
	return true
}

// defVerbs are the verbs of a definition, with the word that must follow
// them: "X is a ...", "X refers to", "X stands for".
var defVerbs = map[string][]string{
	"is": {"a", "an", "the", "one"}, "are": {"a", "an", "the", "one"},
	"means": nil, "refers": {"to"}, "stands": {"for"},
}

// defines finds the words of the terms text defines (Facts.Defines).
func defines(text string) map[string]bool {
	out := map[string]bool{}
	for _, s := range sentences(text) {
		for _, clause := range strings.Split(s, ",") {
			ws := Words(clause)
			for i := 1; i+1 < len(ws); i++ {
				next, ok := defVerbs[ws[i]]
				if !ok || ws[i+1] == "not" || next != nil && !slices.Contains(next, ws[i+1]) {
					continue
				}
				for _, w := range ws[:i] {
					out[w] = true
				}
				break
			}
		}
		// an abbreviation spelt out before it: "(AASECT)"
		for rest := s; ; {
			open := strings.IndexByte(rest, '(')
			if open < 0 {
				break
			}
			end := strings.IndexByte(rest[open:], ')')
			if end < 0 {
				break
			}
			if inner := rest[open+1 : open+end]; acronym(inner) {
				for _, w := range Words(inner) {
					out[w] = true
				}
			}
			rest = rest[open+end:]
		}
	}
	return out
}

// supplied is the types that one sentence must give which s gives.
func supplied(s string) Types {
	var t Types
	ws := Words(s)
	words.supplies.find(ws, words.numbers, func(m match) bool {
		if td := words.types[words.supplies.owner[m.pattern]]; td.sentence {
			t = t.With(td.t)
		}
		return true
	})
	if Who.InSentence() && namesSomeone(s, ws) {
		t = t.With(Who)
	}
	return t
}

// sentences splits a passage into its sentences: at ".", "!" or "?"
// followed by a space or the end.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// NameWords returns the words of text written as names: capitalised
// where no sentence starts ("Masters and Johnson"), or acronyms
// ("AASECT"), lower-cased.
func NameWords(text string) []string {
	var out []string
	for _, s := range sentences(text) {
		for i, f := range strings.FieldsFunc(s, unicode.IsSpace) {
			word := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			word, _, _ = strings.Cut(word, "'") // "AASECT's"
			word, _, _ = strings.Cut(word, "’")
			r, _ := utf8.DecodeRuneInString(word)
			if word != "" && unicode.IsUpper(r) && (i > 0 || acronym(word)) {
				out = append(out, strings.ToLower(word))
			}
		}
	}
	return out
}

// Names reports whether the facts name a problem or its kind.
func (f Facts) Names(p Problem) bool {
	for _, k := range f.Kinds {
		if slices.Contains(p.Kinds, k) {
			return true
		}
	}
	key := strings.Join(p.Words, " ")
	for _, q := range f.Problems {
		if q == key {
			return true
		}
	}
	return false
}

// namesSomeone reports whether a text names a person or an organisation:
// one of the [people] words, a capitalised word that does not start a
// sentence ("Masters and Johnson"), or an acronym ("AASECT").
func namesSomeone(text string, ws []string) bool {
	for _, w := range ws {
		for _, part := range strings.Split(w, "-") { // "client-centered"
			if words.people[part] {
				return true
			}
		}
	}
	sentenceStart := true
	for _, f := range strings.FieldsFunc(text, unicode.IsSpace) {
		word := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		r, _ := utf8.DecodeRuneInString(word)
		if word != "" && unicode.IsUpper(r) && (!sentenceStart || acronym(word)) {
			return true
		}
		if word != "" {
			sentenceStart = strings.ContainsAny(f[len(f)-1:], ".!?:")
		}
	}
	return false
}

func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 3
}

func containsRun(haystack, needle []string) bool {
	for i := 0; i+len(needle) <= len(haystack); i++ {
		match := true
		for j := range needle {
			if haystack[i+j] != needle[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// tokenize splits text into lower-case words: letters and digits, with
// inner hyphens kept ("in-person") and apostrophes dropped ("what's" is
// "whats"); "$", "%", "€" and "£" are words of their own; "@name" is a
// mention and no word at all.
func tokenize(s string, spell map[string][]string) []string {
	out := make([]string, 0, 16)
	low := strings.ToLower(s)
	var buf []byte  // the word, when an apostrophe was dropped from it
	start := -1     // where the word being read starts in low
	edited := false // the word is in buf, not a slice of low
	apos := false   // the last letters follow an apostrophe inside the word
	mention := false
	word := func(end int) string {
		if edited {
			return string(buf)
		}
		return low[start:end]
	}
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := word(end)
		// "clinic's" is the clinic's: the possessive s goes, unless the
		// word is a contraction the spellings know ("what's", "it's")
		if apos && strings.HasSuffix(w, "s") && spell[w] == nil {
			w = w[:len(w)-1]
		}
		if w = strings.Trim(w, "-"); w != "" {
			out = append(out, w)
		}
		start, edited, apos, buf = -1, false, false, buf[:0]
	}
	for i, r := range low {
		if mention {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || r == '-' {
				continue
			}
			mention = false
		}
		switch {
		case r == '@' && start < 0:
			mention = true // "@channel", "@here", "@everyone": a ping, not a word
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' && start >= 0:
			if start < 0 {
				start = i
			}
			if apos && r != 's' {
				apos = false // "don't": an apostrophe inside a word
			}
			if edited {
				buf = utf8.AppendRune(buf, r)
			}
		case (r == '\'' || r == '\u2019') && start >= 0:
			// dropped: "don't" → "dont", then spelled out ("do not")
			if !edited {
				buf = append(buf[:0], low[start:i]...)
				edited = true
			}
			apos = true
		case r == '$' || r == '%' || r == '\u20ac' || r == '\u00a3':
			flush(i)
			out = append(out, string(r))
		default:
			flush(i)
		}
	}
	flush(len(low))
	return out
}

// respell writes out chat spellings and contractions.
func respell(ws []string, spell map[string][]string) []string {
	var out []string
	for i, w := range ws {
		if r, ok := spell[w]; ok {
			if out == nil {
				out = append(make([]string, 0, len(ws)+4), ws[:i]...)
			}
			out = append(out, r...)
			continue
		}
		if out != nil {
			out = append(out, w)
		}
	}
	if out == nil {
		return ws
	}
	return out
}

// close are the words for someone close to the writer, after which a
// capitalised word is their name: "my husband Tom".
var close = map[string]bool{
	"husband": true, "wife": true, "partner": true, "boyfriend": true, "girlfriend": true, "bf": true, "gf": true,
	"fiance": true, "fiancee": true, "spouse": true, "son": true, "daughter": true, "friend": true, "mom": true,
	"mum": true, "dad": true, "brother": true, "sister": true, "colleague": true, "dr": true, "named": true,
	"called": true, "doctor": true, "therapist": true, "counselor": true, "counsellor": true,
}

// names finds the words of text written as names (Analysis.Names).
// problemAt marks the words of ws, the text's words, that name a problem.
func names(text string, problemAt []bool, ws []string) []string {
	problem := map[string]bool{}
	for i, w := range ws {
		if problemAt != nil && problemAt[i] {
			problem[w] = true
		}
	}
	var out []string
	start, prev := true, ""
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '?' && r != '!' && r != ':' && r != '\''
	})
	if len(fields) > maxWords {
		fields = fields[:maxWords] // as much of a long message as Analyze reads
	}
	for _, f := range fields {
		word := strings.TrimRight(f, ".?!:")
		ends := word != f
		rs := []rune(word)
		upper, caps := false, len(rs) >= 2
		for i, r := range rs {
			if unicode.IsLetter(r) && !unicode.IsUpper(r) {
				caps = false
			}
			if i == 0 {
				upper = unicode.IsUpper(r)
			}
		}
		if (caps || upper && !start) && !close[prev] {
			for _, w := range Words(word) {
				if w != "i" && content(w) && !words.everyday[w] && !problem[w] && !slices.Contains(out, w) {
					out = append(out, w)
				}
			}
		}
		if !(upper && close[prev]) {
			prev = strings.ToLower(word)
		}
		start = ends || word == ""
	}
	return out
}
