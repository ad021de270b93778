package safety

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// Small is the kind of smalltalk a message is.
type Small int

// The kinds of smalltalk. When a message holds several ("hi, who are
// you?"), the last in this list wins, since it says the most about what
// the person wants.
const (
	Greeting Small = iota + 1 // "hi", "good morning", "hey bot"
	Thanks                    // "thanks!", "ty", "ok great"
	Goodbye                   // "bye", "have a good day"
	Help                      // "help", "what can you do", "how does this work"
	Identity                  // "who are you", "are you a bot", "are you a therapist?"
)

var smallNames = [...]string{"none", "greeting", "thanks", "goodbye", "help", "identity"}

func (s Small) String() string {
	if s < 0 || int(s) >= len(smallNames) {
		return "unknown"
	}
	return smallNames[s]
}

// maxSmalltalk is the longest message Smalltalk considers, in bytes:
// smalltalk is short, and a long message is a question even if it starts
// with "hi".
const maxSmalltalk = 120

// smallPhrases are the phrases of each kind, over folded text with
// punctuation removed and apostrophes dropped ("what's" is "whats").
// "help me" is deliberately not Help: someone writing only that may be in
// distress, and is better served by a search that ends with resources than
// by a list of topics.
var smallPhrases = []struct {
	kind Small
	re   *regexp.Regexp
}{
	{Greeting, smallRegexp(`hi+|hello+|hey+|heya|hiya|howdy|yo|sup|greetings|hallo|hola|bonjour|ciao|salut|namaste|gm|` +
		`good (?:morning|afternoon|evening|day)|morning|evening|whats up|wassup|what up|hows it going|how are (?:you|u|things)(?: doing| today)?|` +
		`how do you do|hope you(?:re| are) (?:well|good|doing well)|nice to meet you|long time no see`)},
	{Thanks, smallRegexp(`thanks?|thank (?:you|u)|thx|thnx|tnx|ty|tysm|tyvm|cheers|many thanks|much appreciated|(?:i )?appreciate (?:it|that|you)|` +
		`that (?:helps|helped|is helpful|was helpful)|thats (?:helpful|great|perfect|good|nice|cool|all i needed)|(?:very )?helpful|` +
		`great|perfect|awesome|cool|nice|ok|okay|okey|k|kk|got it|gotcha|understood|makes sense|good to know|noted|lovely|amazing|brilliant|` +
		`sounds good|alright|all right|fair enough|i see|ah ok|oh ok|sweet|excellent|wonderful|fantastic|super|good`)},
	{Goodbye, smallRegexp(`bye+|bye bye|goodbye|good bye|see (?:you|ya|u)(?: later| soon| around)?|cya|later|laters|gn|good ?night|take care|` +
		`have a (?:good|nice|great|lovely) (?:day|one|night|evening|weekend|week)|talk (?:to you )?(?:later|soon)|ttyl|` +
		`thats all|that is all|(?:im|i am) done|nothing else|no more questions|bye for now|farewell|until next time`)},
	{Help, smallRegexp(`help|help please|please help|what can you do|what do you do|what can i ask(?: you)?|what (?:do|can) you (?:know|answer|help with)|` +
		`how does (?:this|it|this bot) work|how do (?:i|you) use (?:this|you|it|this bot)|how do you work|what is this|whats this|` +
		`what are you for|what topics(?: do you (?:cover|know|have))?|what can you (?:tell me|help me with)|commands|menu|options|` +
		`get started|start|info|information|faq|faqs|what should i ask|where do i start`)},
	{Identity, smallRegexp(`who are (?:you|u)|what are (?:you|u)|who r u|what r u|are (?:you|u) (?:a |an )?(?:bot|robot|ai|human|real|real person|person|` +
		`therapist|sex therapist|doctor|counsell?or|psychologist|chatgpt|gpt|machine|computer|program|live person|actual person|real human|` +
		`a real therapist|automated|an actual human)|is this (?:a )?(?:bot|real person|human|person|robot|ai)|` +
		`am i (?:talking|speaking|chatting) (?:to|with) (?:a )?(?:bot|human|real person|person|robot|ai|therapist|machine)|` +
		`whats your name|what is your name|who made you|who built you|who created you|who runs you|who owns you|` +
		`tell me about yourself|introduce yourself`)},
}

// smallFiller may stand between smalltalk phrases without changing them:
// "thanks so much", "hi there bot", "ok thanks again lol".
var smallFiller = smallRegexp(`bot|faqbot|there|all|everyone|everybody|team|folks|friend|friends|guys|yall|again|lol|haha+|hehe+|` +
	`oh|ah|um+|uh+|hmm+|so|well|very|much|so much|a lot|a bunch|really|just|and|then|but|for now|for that|for your help|` +
	`for the (?:help|info|information|answer)|man|mate|dude|buddy|please|pls|plz|you|u|to you|too|as well|yes|yeah|yep|no|nope|sir|maam`)

// smallRegexp matches one phrase of alternatives at the start of a text,
// preferring the longest ("see you later" over "see you"). It adds the
// words of its phrases to smallVocab.
func smallRegexp(alternatives string) *regexp.Regexp {
	re := regexp.MustCompile(`^(?:` + alternatives + `)(?: |$)`)
	re.Longest()
	addSmallVocab(alternatives)
	return re
}

// smallVocab holds every word of every smalltalk phrase and filler, with
// runs of a repeated letter squeezed to one ("hiii" and "hi" are "hi",
// "cool" is "col"). A message with a word outside it cannot be smalltalk,
// since phrases and filler must cover all of it: most messages are
// questions, and this spares them the regexps (Smalltalk was a seventh of
// a fresh question's cost). It is nil when a list's phrases are too many
// to spell out, and then every message is tried.
var smallVocab = map[string]bool{}

// maxSmallPhrases bounds how many phrases one list may spell out.
const maxSmallPhrases = 1 << 16

// addSmallVocab adds the words of the phrases that alternatives matches.
// A repetition ("hi+", "um+") counts once, which squeezing makes the same
// word as any number of repeats.
func addSmallVocab(alternatives string) {
	if smallVocab == nil {
		return
	}
	re, err := syntax.Parse(alternatives, syntax.Perl)
	if err != nil {
		panic("safety: smalltalk phrases: " + err.Error())
	}
	phrases, ok := spellOut(re.Simplify(), maxSmallPhrases)
	if !ok {
		smallVocab = nil
		return
	}
	for _, p := range phrases {
		for _, w := range strings.Fields(p) {
			smallVocab[squeezeOne(w)] = true
		}
	}
}

// spellOut lists the strings re (simplified: no counted repeats) matches,
// repeats counted once, or reports false when they are more than limit or
// re is not a finite list of words (a star, a class wider than a few
// letters).
func spellOut(re *syntax.Regexp, limit int) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return spellOut(re.Sub[0], limit)
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if out = append(out, string(r)); len(out) > 8 {
					return nil, false
				}
			}
		}
		return out, true
	case syntax.OpPlus:
		return spellOut(re.Sub[0], limit)
	case syntax.OpQuest:
		sub, ok := spellOut(re.Sub[0], limit)
		if !ok || len(sub)+1 > limit {
			return nil, false
		}
		return append(sub, ""), true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			sub, ok := spellOut(s, limit)
			if !ok || len(out)+len(sub) > limit {
				return nil, false
			}
			out = append(out, sub...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			sub, ok := spellOut(s, limit)
			if !ok || len(out)*len(sub) > limit {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(sub))
			for _, a := range out {
				for _, b := range sub {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// squeezeOne writes each run of one repeated letter once ("hiii" is
// "hi"); a word with no such run is returned as it is.
func squeezeOne(w string) string {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return squeeze(w, 1)
		}
	}
	return w
}

// smallKnown reports whether every word of s (as smallWords writes it)
// is a word of some smalltalk phrase or filler.
func smallKnown(s string) bool {
	if smallVocab == nil {
		return true
	}
	for _, w := range strings.Fields(s) {
		if !smallVocab[squeezeOne(w)] {
			return false
		}
	}
	return true
}

// Smalltalk reports whether text (cleaned, as for Triage) is smalltalk and
// nothing else, and which kind. "hi, what is sex therapy?" is not smalltalk:
// it is a question with a greeting, which StripGreeting takes off. "are you
// a therapist?" is Identity here, though Triage knows the word therapist:
// asking what the bot is is not asking for therapy.
func Smalltalk(text string) (Small, bool) {
	if len(text) > maxSmalltalk {
		return 0, false
	}
	s, ok := smallWords(textnorm.Fold(text))
	if !ok || s == "" || !smallKnown(s) {
		return 0, false
	}
	return smallScan(s)
}

// smallScan reads s (as smallWords writes it) as smalltalk phrases and
// filler from start to end, or reports false.
func smallScan(s string) (Small, bool) {
	var kind Small
	for s != "" {
		best, n := Small(0), 0
		for _, p := range smallPhrases {
			if loc := p.re.FindStringIndex(s); loc != nil && loc[1] > n {
				best, n = p.kind, loc[1]
			}
		}
		if loc := smallFiller.FindStringIndex(s); loc != nil && loc[1] > n {
			best, n = 0, loc[1]
		}
		if n == 0 {
			return 0, false
		}
		kind = max(kind, best)
		s = s[n:]
	}
	return kind, kind != 0
}

// smallWords reduces folded text to lower-case ASCII words separated by
// single spaces: apostrophes are dropped and other punctuation and emoji
// become spaces. It fails on letters or digits outside ASCII, which are
// words Smalltalk does not know.
func smallWords(folded string) (string, bool) {
	var b strings.Builder
	for _, r := range folded {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '\'':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return "", false
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " "), true
}
