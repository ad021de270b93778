package search

// commonWords are everyday English words that are not stop words: they
// rarely say what a question is about ("time", "thing", "people", "make"),
// yet in a small knowledge file a word used in one phrasing looks as rare,
// and so as telling, as "psychodynamic". Their weight is cut (see weight),
// so "what time is it in Tokyo" is not answered from the passage whose
// phrasing says "over time". Analyzed (stemmed) forms are listed.
var commonWords = map[string]struct{}{}

func init() {
	for _, w := range []string{
		"time", "year", "day", "week", "month", "way", "thing", "stuff", "lot", "bit", "kind", "sort", "type",
		"part", "place", "point", "case", "fact", "number", "group", "world", "life", "hand", "home", "name",
		"person", "peopl", "man", "men", "woman", "women", "guy", "someon", "anyon", "everyon", "friend",
		"get", "got", "make", "made", "go", "goe", "went", "gone", "come", "came", "take", "took", "see", "saw",
		"look", "find", "give", "use", "put", "keep", "let", "seem", "tri", "leav", "turn", "show", "move",
		"good", "bad", "great", "big", "small", "littl", "long", "short", "high", "low", "old", "young",
		"right", "wrong", "real", "sure", "okai", "ok", "fine", "import", "possibl", "same", "own", "whole",
		"new", "first", "last", "next", "earli", "late", "differ", "certain", "general", "usual", "actual",
		"thank", "pleas", "sorri", "yeah", "yes", "hei", "lol", "honestli", "basic", "exactli", "probabl",
		"els", "anyth", "someth", "everyth", "noth", "even", "still", "also", "alreadi", "ever", "never",
		"alwai", "sometim", "often", "realli", "pretti", "quit", "much", "mani", "more", "most", "less", "enough",
		"go", "work", "start", "end", "need", "want", "like", "feel", "think", "know", "sai", "said", "tell",
		"ask", "call", "happen", "mean", "help", "talk", "question", "answer", "idea", "reason", "wai",
		"todai", "tomorrow", "yesterdai", "now", "soon", "ago", "around", "back", "awai", "far",
		"fix", "chang", "stop", "deal", "handl", "solv", "better", "wors", "best", "easi", "hard", "problem", "issu",
	} {
		commonWords[w] = struct{}{}
	}
}

// questionWords start questions; they tell "who started it" from "what is
// it" in a phrasing, but say nothing about whether a passage covers the
// question, so coverage leaves them out.
var questionWords = map[string]struct{}{
	"what": {}, "who": {}, "whom": {}, "when": {}, "where": {}, "why": {}, "how": {}, "which": {},
}
