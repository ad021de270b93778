package safety

// Words that make a request one for sexual content. Strong ones are enough
// on their own after a request verb ("write me something sexy"); weak ones
// need a content noun after them ("tell me a sexual story"), so that "tell
// me about sexual function" stays a question.
const (
	strongLewd = `(?:sexy|dirty|erotic|naughty|steamy|spicy|kinky|smutty|smut|nsfw|x ?-?rated|raunchy|horny|lewd|filthy|` +
		`porn\w*|nude|nudes|naked|sext\w*|hentai|xxx|slutty|freaky|` +
		`kinkiest|dirtiest|sexiest|naughtiest|filthiest|steamiest|raunchiest|horniest|lewdest|smuttiest|freakiest|spiciest)`
	weakLewd = `(?:sexual|sex|hot|intimate|romantic|adult|explicit|sensual|seductive|juicy|graphic)`
	content  = `(?:story|stories|text|texts|message|messages|poem|poems|scene|scenes|fantasy|fantasies|pic|pics|picture|pictures|` +
		`photo|photos|image|images|video|videos|fanfic|fan fiction|fiction|chat|roleplay|role play|joke|jokes|song|lyrics|letter|` +
		`novel|content|material|description|scenario|script|dialogue|conversation|talk|selfie|selfies)`
	// filler is the words that may stand between a request verb and what is
	// asked for; "about" and "what" are not among them, so "tell me about
	// sexy lingerie in therapy" is not a request for content.
	filler = `(?:(?:me|us|a|an|the|some|something|anything|really|very|super|more|another|quick|short|long|little|good|nice|` +
		`real|truly|extremely|kind of|kinda|sort of|bit|of|your|most|hella|fucking|damn|pretty|totally|cute|new|couple|few) ){0,4}`
	request = `(?:write|tell|send|give|show|make|create|generate|describe|narrate|type|compose|text|sing|draw|read|` +
		`produce|craft|say|post|drop|dm|whisper)`
	// toBot is how a request addresses the bot, for acts that are ordinary
	// words in a question about one's own sex life ("how can my partner
	// make me orgasm?" is a question; "can you make me orgasm?" is not).
	// A request may also start the message: see the ^ alternatives.
	toBot = `(?:can you|could you|will you|would you|please|pls|you|u|i want you to|i need you to)`
	// askBot is where an order to the bot may start: the start of the
	// message, after toBot, or after a word and a comma ("hey bot,
	// describe …"). "will the therapist give me orders?" has none of them.
	askBot = `(?:^|` + toBot + ` |(?:now|just|ok|okay|come on|go on) |\w+[,.!:;] )`
	// kink is who the bot may be asked to play.
	kink = `(?:dominatrix|domme|dom|dominant|mistress|master|sub|submissive|slave|daddy|mommy|stripper|hooker|escort|prostitute|` +
		`cam ?girl|sex worker|sex \w+|nympho\w*|succubus|incubus|slut|whore|porn ?star|sugar (?:daddy|mommy|baby)|` +
		`(?:naughty|sexy|slutty|dirty|kinky|strict|horny) (?:nurse|teacher|maid|secretary|schoolgirl|nun|cop|doctor|student|` +
		`stepmom|stepsister|step mom|step sister|neighbou?r|boss|librarian|girl|boy|woman|man))`
	// act is a sex act described for arousal or instruction.
	// "have sex" only as "how to have sex": "explain in detail why he doesn't
	// want to have sex" is a question.
	act = `(?:oral|oral sex|blow ?jobs?|bj|(?:give|giving|gives) (?:\S+ )?head|hand ?jobs?|fingering|finger (?:her|him)|anal|anal sex|69|` +
		`cunnilingus|fellatio|deep ?throat\w*|eat(?:ing)? (?:her|him|pussy|ass|out)|going down|go down on|rimming|having sex|` +
		`how (?:to|do i|do you|you'?d|you would) (?:\S+ )?(?:have sex|fuck|make love)|fuck (?:her|him|me|you)|` +
		`sex positions?|make (?:her|him|me|a (?:girl|guy|woman|man)) (?:cum|come|orgasm|squirt)|get (?:her|him) off)`
)

// declineRules find requests for sexual content: stories, sexting, nudes,
// role-play, talking dirty, a sex act described for arousal or step by step,
// pictures of the bot, orders and moans from it. Questions about
// the same subjects are not requests: "does therapy talk about fantasies?",
// "is sex therapy about sexual techniques?", "is sex therapy a means to
// fulfill personal fantasies?" and "my partner doesn't want to have sex with
// me" do not fire. Nor do questions about what therapy is like that use the
// same words without asking the bot for anything: "is sex therapy
// explicit?", "will the therapist give me orders?", "is it a role-play based
// therapy?". An order needs an addressee (askBot), and "explicit" alone is
// a word about therapy, not a request.
var declineRules = []rule{
	{name: "lewd-content", any: []string{
		request + ` ` + filler + strongLewd,
		request + ` ` + filler + weakLewd + ` ` + content,
		`erotica`, `smut`, `sexting`, `sext (?:me|with me)`, `(?:let'?s|lets|wanna|want to|can we|could we) sext`,
		`(?:send|show|give|post|drop|dm) (?:me |us )?(?:your |some |a |more )?(?:nudes|nude|naked \w+|tits|boobs|dick|cock|pussy)`,
		`nudes`, `(?:dick|tit|boob|ass|nude|naked) pics?`, `sex chat`, `cyber ?sex`, `phone sex`,
		`(?:show|send|give|find|link|share|recommend|get) (?:me |us )?(?:some |a |good |free )?(?:porn\w*|erotica|smut|hentai|xxx)`,
		// pictures of the bot: "send pics", "show me your body"
		// pictures of the bot: "send pics", "send me a pic", "show me your body";
		// not "should I send pics?"
		`(?:send|show|give|post|drop|dm) (?:me|us) (?:your |ur |some |a |more |sexy |hot |cute |naughty |spicy )*(?:pics?|pictures?|photos?|selfies?|pix|snaps|vids?)` +
			`(?: of (?:you|yourself|your \w+|ur \w+)|\W*$| pls| please| plz| now| babe| baby| bby| daddy| ;\))`,
		askBot + `(?:send|show|drop|dm|post) (?:some |a |more |sexy |hot |cute |naughty |spicy )*(?:pics?|pictures?|photos?|selfies?|pix|snaps|vids?)` +
			`(?: of (?:you|yourself|your \w+|ur \w+)|\W*$| pls| please| plz| now| babe| baby| bby| daddy| ;\))`,
		`(?:send|show|give|post|drop|dm) (?:me |us )?(?:your|ur) (?:\S+ )?(?:pics?|pictures?|photos?|selfies?|pix|snaps|vids?)`,
		`(?:show|send) (?:me |us )?(?:your|ur) (?:body|bod|feet|ass|butt|tits|boobs|breasts|chest|abs|naked \w+|pussy|dick|cock)`,
		`(?:feet|foot) pics?`, `(?:see|seeing) you naked`,
	}},
	{name: "talk-dirty", any: []string{
		// "talk dirty" as an order, not "how do I talk dirty to my partner"
		`talk(?:ing)? dirty(?:\W*$| (?:to|2|with) (?:me|us)| (?:pls|please|plz|now|babe|baby|bby|daddy|for me))`, askBot + `talk(?:ing)? dirty`,
		`dirty talk(?:ing)? (?:to|with|for) me`, `talk sexy`, `talk (?:\S+ )?(?:nasty|naughty|sexy) to me`,
		`what are you wearing`, `are you (?:horny|naked|wet|hard|turned on)`,
		toBot + ` (?:make|get|put) me (?:horny|wet|hard|cum|come|orgasm|off|aroused|turned on|moan|scream|squirt|beg|drip|throb|in the mood)`, toBot + ` turn me on`, `arouse me`,
		`^(?:make|get|put) me (?:horny|wet|hard|cum|come|orgasm|off|aroused|turned on|moan|scream|squirt|beg|drip|throb|in the mood)`, `^turn me on`,
		`moan for me`, `moan (?:my name|louder)`,
		askBot + `(?:groan|whimper|pant|squirm|strip|undress|cum|come|get naked|touch yourself|play with yourself|beg|scream) for me`,
		askBot + `(?:say|whisper|write|text|tell me|send me|give me|type|send) {gap3}(?:to|that will|that'?ll|that would|to help|that) (?:\S+ )?` +
			`(?:get|put|make|turn|gets|puts|makes|turns) me (?:in the mood|horny|hot|wet|hard|going|excited|aroused|turned on|on|off|moan|cum|come)`,
		askBot + `whisper {gap3}(?:in my ear|sweet nothings|dirty|sexy|naughty)`,
		askBot + `(?:dominate|degrade|humiliate|punish|own|use|breed|choke|slap|whip|edge|tease|seduce|tie up|flirt with) me`, askBot + `tie me (?:up|down)`,
		askBot + `call me (?:a |your )?(?:slut|whore|good girl|good boy|princess|daddy|mommy|kitten|pet|baby|babe|bitch|toy)`,
		askBot + `(?:give|bark|issue) me (?:your |some |sexy |dirty |naughty |strict |more )?(?:orders|commands)`, askBot + `order me (?:around|to)`,
		`(?:fuck|suck|lick|spank|undress|finger) me`, `(?:sit on|blow|go down on) me`,
		toBot + ` (?:touch|kiss|fuck|suck|lick|undress|spank|choke) (?:me|you)`, `^(?:touch|kiss) me`, `let me (?:touch|kiss|fuck|suck|lick|undress) you`,
		`(?:let'?s|lets) (?:fuck|bang|hook up|have sex|make love|get naked|get freaky)`,
		`(?:do|would|will|can) you (?:wanna|want to|like to) (?:fuck|bang|hook up|have sex|make love|get naked)`,
		`(?:i|i'?d|we) (?:want|wanna|would like|like|need|could|should|will) (?:to )?(?:have sex with|fuck|bang|make love to|sleep with) you`,
		`(?:give|show) me (?:a )?(?:blowjob|handjob|bj|hj|lap dance|striptease)`,
	}},
	{name: "role-play", any: []string{
		`(?:let'?s|lets|can we|could we|can you|could you|will you|would you|wanna|want to|i want to|i want you to|please) ` +
			`(?:do (?:a |some )?|try (?:a |some )?)?(?:sexy |dirty |naughty |erotic )?role ?-?play`,
		`role ?-?play (?:with me|as (?:my|your)|a (?:sex|sexy|dirty|naughty) \w+)`, `rp with me`, `erp`,
		`pretend (?:to be|you'?re|you are|that you'?re|that you are) (?:my|a) (?:girlfriend|boyfriend|lover|wife|husband|mistress|master|dom|sub|daddy|mommy|partner|slave|sex \w+|hooker|stripper)`,
		// a part for the bot to play needs the bot as addressee: "pretend you're
		// a dominatrix", "roleplay as a dom" at the start; not "I like to play
		// as a sub with my partner" or "my gf wants to be a dom for me"
		`(?:pretend|imagine) (?:you'?re|you are|that you'?re|that you are|you were) (?:my |a |an |the |your )?(?:sexy |naughty |dirty |strict |kinky |hot |horny |slutty )?` + kink,
		askBot + `(?:pretend|imagine) to be (?:my |a |an |the |your )?(?:sexy |naughty |dirty |strict |kinky |hot |horny |slutty )?` + kink,
		askBot + `(?:act|play|talk|speak|behave) (?:like you'?re|like you are|as if you'?re|as if you were|like|as) (?:my |a |an |the |your )?(?:sexy |naughty |dirty |strict |kinky |hot |horny |slutty )?` + kink,
		askBot + `role ?-?play (?:as |like )?(?:a |an |my |your )?(?:sexy |naughty |dirty |strict |kinky |hot |horny |slutty )?` + kink,
		askBot + `(?:be|play|become|act as) (?:a|an|my|the) (?:sexy |naughty |dirty |strict |kinky |hot |horny |slutty )?` + kink,
		`be my (?:girlfriend|boyfriend|lover|mistress|master|dom|domme|sub|daddy|mommy|slave|sex \w+|sugar \w+|wife|husband|waifu|dominatrix|gf|bf|bae|baby|babe)`,
	}},
	{name: "describe-sex", any: []string{
		`(?:describe|narrate|explain|tell me|walk me through) (?:in (?:\S+ )?detail )?(?:how|what) (?:you'?d|you would|you will|you'?ll|you want to|you'?re going to) ` +
			`{gap2}(?:fuck|touch|kiss|lick|suck|undress|please|pleasure|seduce|ride|eat out|go down on|finger|stroke|spank|tease|do to) (?:me|you)`,
		`(?:describe|narrate|write|write out|depict) (?:me |us )?(?:a |an |the |some |your )?(?:sexy |hot |dirty |steamy |graphic |explicit )?` +
			`(?:sex act|sexual act|sex scene|sexual encounter|sex position|blowjob|handjob|oral sex|anal sex|threesome|orgy|foreplay|` +
			`having sex|intercourse|an orgasm|masturbation)`,
		`(?:tell me about|explain|talk about|tell me) {gap2}(?:sex act|sexual act|sex scene|blowjob|oral sex|anal sex|having sex|intercourse|orgasm|foreplay) ` +
			`{gap3}(?:in (?:graphic |vivid |explicit |full |great |more |juicy |dirty )?detail|graphically|explicitly|vividly|step by step|for me)`,
		`(?:tell|write|describe|give|send) (?:me |us )?(?:a |an |your |some |one of your |the )?` +
			`(?:(?:sexual|sex|dirty|erotic|wildest|kinkiest|secret|hot|naughty|kinky|sexiest|deepest|darkest) )*fantas(?:y|ies)`,
		`(?:^|` + toBot + ` )(?:fulfill|fulfil|act out|play out|live out|satisfy) (?:my|a|your|our) (?:\S+ )?(?:fantas(?:y|ies)|kinks?|fetish\w*)`,
		// sex described in graphic detail: "describe sex in graphic detail"
		askBot + `(?:describe|narrate|explain|detail|depict|write|write out|write about|tell me|tell me about|talk about|talk to me about|walk me through|go through) ` +
			`{gap5}(?:in (?:graphic|vivid|explicit|juicy|dirty|lurid|steamy|nsfw|x ?-?rated|erotic|filthy|naughty|sexy|raunchy|intimate|gory|pornographic) (?:\S+ )?detail|` +
			`graphically|explicitly|vividly|in explicit terms|pornographically|in a (?:sexy|dirty|naughty|erotic) way|sexily|erotically)`,
		`(?:graphic|explicit|vivid|steamy|erotic|dirty|nsfw) (?:description|account|depiction|details?|play ?-?by ?-?play) of (?:sex|having sex|oral|anal|a blowjob|an orgasm|intercourse|fucking|two people|us|you)`,
		// sex acts step by step: "describe step by step exactly how to give the best oral"
		`(?:describe|explain|tell me|walk me through|show me|write|give me|teach me|list|go through|detail) {gap4}` +
			`(?:step ?-?by ?-?step|exactly|in detail|in (?:great|full|more|complete) detail|precisely|in depth) {gap5}` + act,
		`(?:describe|explain|tell me|walk me through|show me|write|teach me|go through|detail) {gap3}` + act +
			` {gap3}(?:step ?-?by ?-?step|in (?:\S+ )?detail|exactly|precisely|in depth)`,
		`step ?-?by ?-?step {gap5}` + act,
		// "what's the kinkiest thing you can write for me"
		`(?:kinkiest|dirtiest|sexiest|naughtiest|filthiest|steamiest|raunchiest|nastiest|horniest|lewdest|freakiest|spiciest|juiciest|` +
			`most (?:explicit|erotic|sexual|graphic|pornographic|x ?-?rated)) {gap3}(?:you can|you could|you'?ve|you have|you'?d|you would|u can|for me|you know|you got|you'?re able)`,
	}},
}
