package search

import "github.com/faqbot/faqbot/internal/question"

// commonWords are everyday English words (question.Everyday, kept with
// comments in the question package's words.txt): they rarely say what a
// question is about ("time", "thing", "people", "make"), yet in a small
// knowledge file a word used in one phrasing looks as rare, and so as
// telling, as "psychodynamic". Their weight is cut (see weight), so "what
// time is it in Tokyo" is not answered from the passage whose phrasing says
// "over time". Analyzed (stemmed) forms are kept.
var commonWords = func() map[string]struct{} {
	a := newAnalyzer()
	out := map[string]struct{}{}
	for _, w := range question.Everyday() {
		for _, t := range analyze(a, w) {
			out[t] = struct{}{}
		}
	}
	return out
}()

// topicTerms are the analyzed topic words (question.Topic).
var topicTerms = func() map[string]struct{} {
	a := newAnalyzer()
	out := map[string]struct{}{}
	for _, w := range question.Topic() {
		for _, t := range analyze(a, w) {
			out[t] = struct{}{}
		}
	}
	return out
}()

// questionWords start questions; they tell "who started it" from "what is
// it" in a phrasing, but say nothing about whether a passage covers the
// question, so coverage leaves them out.
var questionWords = map[string]struct{}{
	"what": {}, "who": {}, "whom": {}, "when": {}, "where": {}, "why": {}, "how": {}, "which": {},
}
