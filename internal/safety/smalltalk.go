package safety

import (
	"regexp"
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
// preferring the longest ("see you later" over "see you").
func smallRegexp(alternatives string) *regexp.Regexp {
	re := regexp.MustCompile(`^(?:` + alternatives + `)(?: |$)`)
	re.Longest()
	return re
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
	if !ok || s == "" {
		return 0, false
	}
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
