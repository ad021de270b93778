package safety

// Words that make a request one for sexual content. Strong ones are enough
// on their own after a request verb ("write me something sexy"); weak ones
// need a content noun after them ("tell me a sexual story"), so that "tell
// me about sexual function" stays a question.
const (
	strongLewd = `(?:sexy|dirty|erotic|naughty|steamy|spicy|kinky|smutty|smut|nsfw|x ?-?rated|raunchy|horny|lewd|filthy|` +
		`porn\w*|nude|nudes|naked|sext\w*|hentai|xxx|slutty)`
	weakLewd = `(?:sexual|sex|hot|intimate|romantic|adult|explicit|sensual|seductive|juicy)`
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
)

// declineRules find requests for sexual content: stories, sexting, nudes,
// role-play, talking dirty, a sex act described for arousal. Questions about
// the same subjects are not requests: "does therapy talk about fantasies?",
// "is sex therapy about sexual techniques?", "is sex therapy a means to
// fulfill personal fantasies?" and "my partner doesn't want to have sex with
// me" do not fire.
var declineRules = []rule{
	{name: "lewd-content", any: []string{
		request + ` ` + filler + strongLewd,
		request + ` ` + filler + weakLewd + ` ` + content,
		`erotica`, `smut`, `sexting`, `sext (?:me|with me)`, `(?:let'?s|lets|wanna|want to|can we|could we) sext`,
		`(?:send|show|give|post|drop|dm) (?:me |us )?(?:your |some |a |more )?(?:nudes|nude|naked \w+|tits|boobs|dick|cock|pussy)`,
		`nudes`, `(?:dick|tit|boob|ass|nude|naked) pics?`, `sex chat`, `cyber ?sex`, `phone sex`,
		`(?:show|send|give|find|link|share|recommend|get) (?:me |us )?(?:some |a |good |free )?(?:porn\w*|erotica|smut|hentai|xxx)`,
	}},
	{name: "talk-dirty", any: []string{
		`talk(?:ing)? dirty`, `dirty talk(?:ing)? (?:to|with) me`, `talk sexy`, `talk (?:\S+ )?(?:nasty|naughty|sexy) to me`,
		`what are you wearing`, `are you (?:horny|naked|wet|hard|turned on)`,
		toBot + ` (?:make|get) me (?:horny|wet|hard|cum|come|orgasm|off|aroused|turned on)`, toBot + ` turn me on`, `arouse me`,
		`^(?:make|get) me (?:horny|wet|hard|cum|come|orgasm|off|aroused|turned on)`, `^turn me on`,
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
		`be my (?:girlfriend|boyfriend|lover|mistress|master|dom|domme|sub|daddy|mommy|slave|sex \w+|sugar \w+|wife|husband|waifu)`,
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
	}},
}
