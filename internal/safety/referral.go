package safety

// Who a person may want to be referred to, and the words that may come
// before it ("a good certified sex therapist"). Only such words may stand
// between a verb and the therapist, so "I want to know what therapists do"
// is not a request for one.
const (
	therapistWord = `(?:sex therapists?|therapists?|sex counsel(?:l)?ors?|counsel(?:l)?ors?|psychologists?|psychiatrists?|sexologists?|` +
		`psychotherapists?|specialists?|professionals?|providers?|practitioners?|clinicians?|shrinks?)`
	therapistAdj = `(?:(?:a|an|the|some|any|my|our|a few|good|great|certified|qualified|licensed|local|real|professional|sex|couples?|` +
		`trained|aasect|reputable|female|male|lgbtq|queer|kink friendly|affordable|online|another|new|other|proper) )*`
)

// referralRules find people who want a therapist (to find, book or afford
// one) and people who want the bot to be one: to counsel, assess or
// diagnose them. Questions about what therapists do are not referrals: "do
// sex therapists see individuals or only couples?", "what training does a
// sex therapist have?" and "is the therapist going to touch me?" do not
// fire, and "are you a therapist?" is smalltalk (see Smalltalk).
//
// Judgment call: questions about price, insurance and booking fire, since
// the clinic's pages do not answer them and the referral resources do.
//
// Asking who to see ("who should I see?", "can you refer me?", "do I need a
// referral?") fires, and so does a place said next to a wish for a
// therapist ("know any good sex therapists who see couples? im in
// Toronto"). A place alone does not ("I'm in Sydney, do you have online
// sessions?"), and "I'm in a relationship" is no place, which is why the
// location rule also needs a word like "any", "know" or "recommend".
var referralRules = []rule{
	{name: "find-therapist", any: []string{
		// one alternative per group of verbs keeps each regexp small enough
		// for Go's fast matcher
		`(?:find|finding|locate|locating|search(?:ing)? for|look(?:ing)? for) ` + therapistAdj + therapistWord,
		`(?:recommend|recommendation\w*|recs?|suggest|suggestions?|refer|referral|referrals) (?:me |us )?(?:to |for |of )?` + therapistAdj + therapistWord,
		`(?:know|know of|heard of|got|have you got|do you have|have any) (?:any|a few|any good|a good|good|great|a great|decent|a decent|reliable|recommended) ` + therapistAdj + therapistWord,
		`(?:book|booking|schedule|contact|reach|hire|choose|pick) ` + therapistAdj + therapistWord,
		`(?:talk to|speak to|speak with|see|seeing|visit|work with) ` + therapistAdj + therapistWord,
		`(?:need|needs|needed|want|wants|get) (?:to (?:see|find|talk to|speak to|speak with|book|contact|visit|get|try|work with) )?` + therapistAdj + therapistWord,
		`(?:connect|put|direct|point|send) (?:me|us) (?:with|to|in touch with) ` + therapistAdj + therapistWord,
		`(?:list|directory|names?|numbers?|phone numbers?|emails?|contact details) (?:of|for) ` + therapistAdj + therapistWord,
		`(?:find|recommend|get|see|book|choose|pick) (?:a |an )?(?:(?:good|certified|licensed|qualified|local|reputable|aasect|trained|real) )+one`,
		`(?:sex therapists?|therapists?|counsel(?:l)?ors?|sexologists?|clinic|clinics|practice|practitioners?|someone|somebody|anyone|professionals?) ` +
			`{gap2}(?:near me|nearby|in my area|near my|close to me|around me|in my city|in my town|local to me)`,
		`(?:is there|are there|do you know) (?:a |any )?(?:good )?` + therapistWord + ` (?:in|near|around)`,
		`do you know (?:a|an|any|of a|of an|of any|some) ` + therapistAdj + therapistWord,
		`(?:any|some) (?:good |great |decent |recommended |reliable )?` + therapistAdj + therapistWord +
			` (?:in|near|around|close to|you (?:know|recommend|can recommend|would recommend|suggest|could recommend))`,
		`(?:know|recommend|suggest) (?:anyone|someone|somebody|any one) (?:who|that) (?:can|could|might|does|specializ\w*|works|deals|sees)`,
	}},
	{
		// who to see, or a referral: "who should I see", "can you refer me"
		name: "who-to-see",
		any: []string{
			`who (?:should|do|can|could|would|shall) (?:i|we|my partner|my (?:wife|husband|bf|gf|boyfriend|girlfriend|client)|she|he|they) ` +
				`(?:see|talk to|speak to|speak with|go to|turn to|contact|call|book with|book|reach out to)(?:\W*$| about| for| if| regarding| first| next| instead|,)`,
			`(?:what|which) (?:kind of |type of |sort of )?(?:therapist|doctor|specialist|professional|counsel(?:l)?or|provider|expert|practitioner)s? ` +
				`(?:should|do|can|could|would) (?:i|we) (?:see|go to|look for|find|book|contact|talk to)`,
			`refer (?:me|us|my client|a client|her|him|them|my (?:partner|wife|husband))(?:\W*$| to| somewhere| on| elsewhere| out)`,
			`(?:get|need|want|like|have|give me|getting|ask for) (?:a |an )?referral`,
			`where (?:can|do|should|could) (?:i|we|she|he|they|my client) (?:go|turn|get|find|look) (?:for )?(?:help|support|someone|treatment|therapy|counsel\w*)`,
		},
	},
	{
		// a therapist wanted where someone lives: "know any good sex
		// therapists who see couples? im in Toronto"
		name: "therapist-location",
		any: []string{
			`(?:i'?m|im|i am|we'?re|we are|i live|we live|living|based|located) (?:in|near|around|outside(?: of)?|close to|out of) \S+`,
		},
		and: [][]string{
			{therapistWord},
			{`any`, `know`, `recommend\w*`, `suggest\w*`, `(?:who|that) (?:see|sees|work|works|specializ\w*|speak|speaks|take|takes|accept\w*)`,
				`where`, `looking`, `find`, `near`, `local`},
		},
	},
	{name: "talk-to-someone", any: []string{
		`(?:need|want|have|like|wish|could) (?:to )?(?:talk|speak) (?:to|with) (?:someone|somebody|a person|a human|a real person|` +
			`a professional|an expert|a specialist|a counsel(?:l)?or|a therapist|a real therapist|a sex therapist|a doctor|anyone)`,
		`(?:talk|speak) to (?:a )?(?:human|real person|person|professional)`, `(?:need|want|get) (?:some )?(?:professional )?help(?:\W*$| with (?:my|our|this|it)| for (?:my|our|this))`,
	}},
	{name: "be-my-therapist", any: []string{
		`(?:be|act as|act like|work as|serve as|pretend to be) (?:my|our|a) (?:sex )?(?:therapist|counsel(?:l)?or|psychologist|doctor|coach|sexologist|shrink)`,
		`(?:diagnose|diagnosis for|assess|evaluate|analy[sz]e) (?:me|us|my|our)`, `diagnose (?:what|if|whether)`,
		`(?:what'?s|what is|whats) wrong with (?:me|us|my|our)`, `(?:is|could) (?:there )?(?:something|anything) (?:be )?wrong with (?:me|us|my|our)`,
		`(?:can|could|will|would) you (?:counsel|treat|advise|coach|fix|therapize) (?:me|us)`, `counsel (?:me|us)`,
		`(?:give|need|want|get) (?:me |us )?(?:some )?(?:personal |professional |relationship |marriage |sex |sexual )?advice`,
		`(?:give|do|have|start) (?:me |us )?(?:a )?(?:therapy|counsel(?:l)?ing) (?:session )?(?:with you|for me|for us)`,
		`(?:therapy|session|sessions|counsel(?:l)?ing) with (?:you|the bot)`,
		`what should (?:i|we) do about (?:my|our)`,
		`(?:help|fix|save) (?:me |us )?(?:with )?(?:my|our) (?:marriage|relationship|sex life)`,
	}},
	{name: "book-or-pay", any: []string{
		`(?:book|make|schedule|get|set up|cancel|reschedule|arrange) (?:an? |my |the |our )?(?:appointment|session|consult\w*|intake|visit)`,
		`how much (?:does|do|is|are|would|will|for|to) {gap4}(?:cost|charge|session|sessions|therapy|therapist|appointment|visit)`,
		`(?:cost|costs|price|prices|pricing|fees?|rates?|charges?) {gap3}(?:session|sessions|therapy|therapist|therapists|appointment|visit|consult\w*)`,
		`(?:session|sessions|therapy|therapist|appointment) {gap3}(?:cost|costs|price|fee|fees|rate|rates|charge|charges)`,
		`insurance`, `covered by`, `sliding scale`, `afford (?:therapy|a therapist|sessions?|it)`,
		`how much (?:is it|does it cost|do you charge|will it cost|do they charge)`, `(?:is it|is therapy|is sex therapy|are sessions) expensive`,
		`(?:your|the|their) (?:rates|fees|prices)`,
	}},
}
