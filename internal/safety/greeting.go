package safety

import (
	"regexp"
	"strings"
)

// leadIn matches one greeting or politeness formula at the start of a
// message, with the punctuation after it: "hi, ", "hello! ", "hey there - ",
// "good morning everyone: ", "quick question: ", "sorry to bother you but ".
// Formulas that could start a real question ("so", "please", "I was
// wondering") are left alone, and a greeting must be a whole word, so "HIV"
// keeps its H.
var leadIn = regexp.MustCompile(`(?i)^(?:` +
	// greetings, with whom they greet
	`(?:hi+|hello+|hey+|heya|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|dear)` +
	`(?:\s+(?:there|bot|faqbot|all|everyone|everybody|team|folks|guys|friends?|y'?all|again))*\b[\s,!.:;\-–—]*` +
	// thanks before a follow-up
	`|(?:thanks|thank you|thx|ty)(?:\s+(?:so much|a lot|again))?[\s]*[,!.:;\-–—]+\s*` +
	// announcing a question
	`|(?:(?:i\s+have|i'?ve\s+got|got|just)\s+)?(?:a\s+|one\s+|another\s+)?(?:quick|random|dumb|stupid|silly|simple|small|short|general|weird|basic)?\s*question` +
	`(?:\s+for\s+(?:you|the bot|y'?all))?\s*[:,\-–—.?!]+\s*` +
	`|(?:can|could|may)\s+i\s+ask(?:\s+you)?(?:\s+(?:a|something|one))?(?:\s+(?:quick|small|short|simple))?(?:\s+(?:question|thing))?\s*[?:,.\-–—]+\s*` +
	// apologies
	`|sorry\s+to\s+(?:bother|trouble|disturb|interrupt)(?:\s+(?:you|y'?all|everyone|you all))?(?:\s*,)?(?:\s+but)?[\s,:\-–—]*` +
	`|sorry\s+(?:if\s+this\s+is|for)\s+(?:a\s+|the\s+)?(?:dumb|stupid|silly|weird|basic|random|odd)\s+question(?:\s*,)?(?:\s+but)?[\s,:\-–—]*` +
	`|sorry\s*[,!.:\-–—]+\s*` +
	`|(?:excuse|pardon)\s+me[\s,!.:;\-–—]*` +
	// hesitation
	`|(?:um+|uh+|erm+|hmm+|ok(?:ay)?\s+so|so)\s*[,.:\-–—]+\s*|(?:um+|uh+|erm+|hmm+|ok(?:ay)?\s+so)\s+` +
	`)`)

// maxLeadIns bounds how many formulas StripGreeting removes ("hi! sorry to
// bother you, quick question: ..." has three).
const maxLeadIns = 5

// StripGreeting removes greetings and politeness formulas from the start of
// text, so that search sees only the question: "hi, what is sex therapy?"
// becomes "what is sex therapy?". A message that is nothing but a greeting is
// returned unchanged (Smalltalk is for those), so the result is never empty
// for a non-empty text.
func StripGreeting(text string) string {
	s := text
	for range maxLeadIns {
		loc := leadIn.FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			break
		}
		s = s[loc[1]:]
	}
	s = strings.TrimSpace(s)
	if strings.Trim(s, " ,.!?:;-–—") == "" {
		return text
	}
	return s
}
