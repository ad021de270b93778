package safety

// crisisRules find suicide and self-harm, in the first person and as staff
// report them ("a caller says she wants to kill herself"). They fire on
// slang and misspellings, and when unsure they fire: a crisis line offered
// to someone who did not need it is a small cost next to the other mistake.
//
// Idioms that use the same words ("dying to know", "this is killing me",
// "to kill time", "I could die of embarrassment", "dead tired", "I'm dead"
// as laughter) do not match any rule here, since every rule needs a wish, a
// method or a reflexive object; the tests hold a list of them. The one
// idiom that carries a trigger word itself, "suicide mission" (and "suicide
// squad", "suicide doors", "suicide sprints"), is masked in benign.go.
var crisisRules = []rule{
	{name: "suicide", any: []string{
		`suicid\w*`, `sucid\w*`, `suicd\w*`, `suiscid\w*`, `suisid\w*`, `suicie?d\w*`, `sucicid\w*`,
		// misspellings: "siucide", "suiced", "sueicide", "suacide", "suiside"
		`s(?:ui|iu|u|ue|uei|uie|ua|ooi)(?:c|s|sc|cs)(?:i|ie|ei|e)?d(?:e|es|al|ally|ial|ality|ed|ing)?`,
		// starred out: "s*icide", "su*cide", "s**cide"
		`s\*{1,3}(?:u?icid|cid)\w*`, `su\*{1,2}cid\w*`, `sui\*{1,2}id\w*`,
		`sewer ?-?slid\w*`, `sewer ?-?side`, `sui ?-?slide`, `self ?-?(?:delete|deleting|deletion|deleted|unalive|unaliving|terminat\w*)`,
		`un ?-?aliv\w*`, `ctb`, `c\.t\.b`, `ctbing`, `catch(?:ing)? the bus`,
		`toaster bath`, `(?:forever|permanent|eternal|dirt) (?:nap|sleep)`,
		// clinical shorthand: "passive SI", "having SI", "SH urges"
		`(?:passive|active|having|had|experiencing|struggling with|dealing with) (?:passive |active )?si`,
		`suicidal (?:ideation|thoughts|feelings)`,
	}},
	{name: "kill-self", any: []string{
		`(?:kill?|kll|k\*ll|ki\*l|kills|killing|killed|end|ends|ending|off|offs|offing|hang|hangs|hanging|hung|shoot|shoots|shooting|shot|` +
			`stab|stabs|stabbing|drown|drowns|drowning|poison|poisons|poisoning|strangle|strangles|strangling|` +
			`suffocate|suffocates|suffocating|starve|starves|starving|burn|burns|burning|cut|cuts|cutting|slit|slits|slitting|` +
			`hurt|hurts|hurting|harm|harms|harming|injure|injures|injuring|punish|punishes|punishing|` +
			`mutilate|mutilates|mutilating|choke|chokes|choking|destroy|destroys|destroying|` +
			`hitting|punching|scratching|carving|bashing|beating) {self}`,
	}},
	{name: "self-harm", any: []string{
		`self ?-?harm\w*`, `self ?-?injur\w*`, `self ?-?mutilat\w*`, `self ?-?destruct\w*`,
		`(?:been|started|start|keep|kept|stop|quit|urges? to|urge of|relapsed?|relapsing|back to|went back to) cutting`,
		`cutting again`, `cut again`, `(?:my|her|his) (?:wrists?|arms?|thighs?|legs?) {gap3}(?:cut|cuts|cutting|slit|scars?)`,
		`(?:cut|cutting|slit|slitting|slice|slicing) (?:\S+ )?(?:my|her|his|their) (?:wrists?|arms?|thighs?|legs?|skin)`,
		`razor blades?`, `until i bleed`, `till i bleed`, `til i bleed`, `until it bleeds`, `till it bleeds`,
		`cut (?:myself|herself|himself) again`, `(?:cut|cuts|cutting|slit) (?:\S+ )?(?:again|deeper|deep)(?:\W*$| last night| tonight| today| yesterday)`,
		// "sh" is the community's word for self-harm: "relapsed on sh", "sh urges"
		`(?:relapsed?|relapsing|relapse) (?:on |into |with )?(?:sh|self ?-?harm\w*|cutting)`, `sh (?:urges?|relapse|scars?|wounds?)`,
		`(?:urges?|urge) to (?:sh|cut|hurt myself|harm myself)`, `(?:clean|free) from (?:sh|self ?-?harm|cutting)`,
		`burn(?:ed|ing|t)? (?:myself|herself|himself) (?:with|on|again)`,
	}},
	{name: "want-to-die", any: []string{
		`(?:want|wanna|wanted|wanting|wants|wnat|wnt|whant|watn|ready|deserve|deserves|prefer|rather|like|longing|begging|trying) ` +
			`(?:to |2 )?(?:just |really |fucking |honestly |simply |so bad to |to )?(?:die|dye|be dead|not exist|stop existing|not be alive|` +
			`(?:disappear|vanish) (?:forever|for good|permanently|and never)|never wake up|not wake up|sleep forever|go to sleep forever|be gone|` +
			`(?:go to )?sleep and (?:never|not) wake up|fall asleep and (?:never|not) wake up|end it|not be here|stop living)`,
		`(?:want|wanna|wish i could|wish to|need to) (?:to )?(?:just |really |honestly )?(?:disappear|vanish)(?:\W*$| from (?:this|the) (?:world|earth|planet)| and never)`,
		`(?:sleep|asleep) and (?:never|not|don'?t|didn'?t) wake(?: up)?`, `not wake up (?:again|ever|tomorrow)`,
		`wish (?:i|i'?d|id|she|he|they) (?:was|were|had|could|would|'?d)? ?(?:just )?(?:dead|die|died|never been born|` +
			`not born|not here|not alive|gone|not wake up|never wake up|disappear|never existed|not exist)`,
		`(?:hope|hoping) (?:i|to) (?:don'?t|do not|never|not) wake up`,
		`(?:hope|hoping) i die`, `let me die`, `sleep forever`, `never wake up`,
		`(?:way|ways|how|method|methods) (?:to|i could|i can|do i|can i) (?:die|kill myself|end (?:it|my life))`,
		`(?:pills|meds|tablets|much|many) (?:\S+ ){0,4}(?:to die|to kill (?:myself|yourself|someone)|to end it)`,
		`(?:painless|quick|quickest|easy|easiest|best|fastest|surest) (?:way|ways|method|methods) to (?:die|go)`,
	}},
	{name: "better-off-dead", any: []string{
		`better off dead`, `better off without me`, `better without me`,
		`(?:better|happier|easier) (?:off )?if i (?:was|were|wasn'?t|weren'?t|died|disappeared|was gone|were gone|wasn'?t here|wasn'?t around)`,
		`better (?:off )?(?:w/o|w/out|w/) me`,
		`(?:nobody|no one|noone) (?:would|will) (?:care|miss me|notice) if i (?:die|died|was gone|were gone|disappeared|killed)`,
		`(?:nobody|no one|noone) (?:would|will|'?d) (?:even )?(?:miss me|notice (?:i'?m|i was) gone|care if i'?m gone)`,
		`(?:i'?m|im|i am|feel like|feels like|felt like) (?:just |such |only )?a burden`,
	}},
	{name: "no-reason-to-live", any: []string{
		`no (?:reason|point|will|desire|purpose|motivation) (?:to|in|for) (?:live|living|go on|going on|keep going|be alive|being alive|life|exist|existing|` +
			`carry on|carrying on|continue|continuing|be here|being here|stay alive|staying alive|stay|wake up|waking up|get up|getting up|` +
			`keep trying|try anymore|trying anymore|keep fighting|fight anymore)`,
		`(?:don'?t|dont|do not|doesn'?t|does not|can'?t|cant|cannot|no longer) (?:really |even )?see (?:the|a|any) (?:point|reason)` +
			`(?: anymore| any more| in anything| of anything| in trying| in going on| in living| in life| in being here| in waking up| to anything| to go on| to keep going|\W*$)`,
		`(?:there'?s|theres|there is|is) no point (?:anymore|any more|to anything|in anything|in trying anymore)`,
		`(?:no|not any|nothing) (?:more )?(?:to|worth) (?:keep going|keep living|stay) for`,
		`nothing (?:left )?to live for`, `(?:isn'?t|is not|ain'?t|not) worth living`,
		`(?:lost|losing|have no|no) (?:the |my )?will to live`,
		`what'?s the point (?:of|in) (?:living|life|going on|being alive|anything|even trying)`, `what'?s the point anymore`,
		`what'?s (?:even |really |honestly |actually )?the point (?:anymore|any more|of (?:anything|living|life|going on|it all|trying|being here|waking up))`,
		`(?:tired|sick|exhausted|weary) of (?:living|being alive|life|existing|being here|waking up|being me|it all\W*$|everything\W*$)`,
		`done (?:with|w|w/) (?:life|living|it all|everything|this life|being alive|existing)`, `done living`,
		`(?:hate|hating) (?:being alive|existing|waking up every)`,
		`(?:see|find|there'?s) (?:no|the|any) point (?:in|of) (?:living|life|going on|being alive|anything|waking up)`,
		`life (?:is|feels) (?:pointless|meaningless|not worth it)`,
	}},
	{name: "not-want-to-live", any: []string{
		`(?:don'?t|dont|do not|no longer|not|never|doesn'?t|does not|didn'?t|don) (?:really |even )?(?:want|wanna|wish) (?:to )?` +
			`(?:live|be alive|exist|be here|be around anymore|wake up|keep living|continue living|see tomorrow|` +
			`go on (?:anymore|any more|living|like this))`,
		`(?:can'?t|cant|cannot|can not|couldn'?t|could not) (?:go on(?: anymore| any more| like this| living|\W*$)|do this anymore|do this any more|` +
			`keep going(?: anymore| any more| like this| on|\W*$)|keep doing this(?: anymore| any more|\W*$)|carry on(?: anymore| any more| like this|\W*$)|` +
			`handle being alive|live with (?:myself|this) (?:anymore|any more)|` +
			`take (?:it|this|life|this pain|the pain|this life) (?:anymore|any more)|take (?:any ?more|much more)(?:\W*$| of this)|` +
			`live like this|keep living|handle (?:it|this|life) anymore|cope anymore)`,
		`(?:won'?t|will not|not going to) be (?:here|around|alive) (?:much longer|anymore|any more|for long)`,
		`(?:give|giving|gave) up on (?:life|living|everything)`,
		`(?:i'?m|im|i am) not safe`, `(?:don'?t|do not|dont) feel safe (?:with|around|from) myself`,
		`(?:end|edge) of my (?:rope|tether)`,
		`(?:check|checking|checked) out (?:for good|permanently|early|of life|of this life)`,
		`(?:last|final) (?:day|night|days|hours|week) (?:on earth|alive|of my life)`,
		`(?:want|wanted|need) (?:it all|everything|my life) to (?:end|stop|be over)`,
	}},
	{name: "end-my-life", any: []string{
		`end(?:ing|ed|s)? (?:it all|my life|my own life|her life|his life|their life|her own life|his own life|it tonight|it today|` +
			`it now|it soon|it for good|things for good|everything|my suffering|my existence)`,
		`(?:take|taking|took|takes) (?:my|her|his|their) (?:own )?li(?:fe|ves)`,
		`(?:jump|jumping|jumped) (?:off|from|in front of) (?:a|the|my) (?:bridge|building|roof|cliff|balcony|train|bus|car|window|ledge)`,
		`(?:in front of|under) (?:a|the) (?:train|bus|truck|car) (?:on purpose|intentionally|to die|and die)`,
		`(?:gun|pistol|rifle) (?:to|in) (?:my|her|his) (?:head|mouth)`, `(?:blow|blowing) my brains out`,
		`noose`, `goodbye (?:note|letter|message)s? to (?:my|everyone|everybody|the world)`,
		`(?:my|her|his|their|a|the) (?:goodbye|good ?-?bye|farewell|suicide) (?:notes?|letters?|videos?)`,
		`(?:my|her|his|their) (?:final|last) (?:notes?|letters?)(?: to| for|\W*$)`,
		`(?:letters?|notes?|messages?|videos?) {gap4}(?:saying|to say) (?:my )?(?:goodbye|good ?-?bye|bye|farewell)`,
		`(?:written|wrote|writing|finished|left) my (?:final |last |goodbye )?note(?:\W*$| already| for (?:my|everyone)| to (?:my|everyone))`,
		`(?:wrote|written|writing|write|left|leave|leaving|drafted|drafting|finished) (?:\S+ )?(?:goodbye|good ?-?bye|farewell|suicide) (?:notes?|letters?|messages?|videos?)`,
		`(?:saying|said|say) (?:my )?(?:final |last )?goodbyes? to (?:everyone|everybody|my family|the world|my kids|my friends)`,
		`(?:giving|gave|give) away (?:all )?(?:my|her|his) (?:stuff|things|belongings|possessions|pets?|cat|dog)`,
		`this (?:is|will be) (?:my|her|his) (?:last|final) (?:message|post|night|goodbye|day)(?:\W*$| ever| to| here)`,
		`(?:please|pls|plz|someone|somebody|anyone|can someone|just|god) kill me`,
		`(?:going to|gonna|want to|wanna|about to|will) jump(?:\W*$| off| from| in front)`,
		`end(?:ing)? things(?:\W*$| for good| tonight| now| forever| today| permanently| once and for all)`,
	}},
	{
		// a plan, the means or a date: the questions a crisis line asks
		// first. "I have a plan" on its own is enough; "a plan for" only
		// with what the plan is for.
		name: "plan",
		any: []string{
			`(?:i|i'?ve|ive|she|she'?s|he|he'?s|they|they'?ve|my (?:client|friend|partner)) (?:have|has|had|made|got|'?ve got|'?ve made|already have|already made|came up with|worked out) ` +
				`(?:a|my|the|her|his) (?:suicide )?plan(?:\W*$|[.,!;] | now| ready| in place| and (?:i |i'?ve |she |he )?(?:have |has |got |'?ve got )?(?:the|a|my|her|his) (?:means|date|time|pills|rope|gun|meds)| (?:for|to|of) (?:how|when|ending|dying|killing|doing it|it tonight|tonight|the end|end (?:it|my life|things|everything)|die|kill|take my|do it|go through with))`,
			`(?:planning|planned|plan|plans) (?:out )?(?:my|her|his|their|how to|how i'?ll|how i will|when to|when i'?ll) (?:death|suicide|exit from life|end|die|kill|do it)`,
			`(?:picked|chose|chosen|set|pick) (?:a|the) (?:date|day|time) (?:to|for when|when i) (?:die|end it|do it|kill)`,
			`(?:have|got|has) the means`,
		},
	},
	{name: "kms", any: []string{
		`kms`,
		`(?:i|i'?ll|ill|ima|imma|i'?m|im|gonna|going to|wanna|want to|should|might|will|about to|ready to|to|finally|just) (?:just |finally |fucking |gonna )?kys`,
	}},
	{
		// thoughts of not living, said indirectly: "thinking of ending
		// things", "keep thinking about not waking up". "ending things with
		// my boyfriend" is a break-up and does not match.
		name: "ideation",
		any: []string{
			`(?:thinking|thought|thoughts|think|considering|consider) (?:of|about) (?:just |maybe |seriously )?ending (?:it|it all|everything|my life|things)(?:\W*$|[.,!;]| tbh| honestly| lately| again| now| soon| tonight| for good| forever| sometimes| a lot)`,
			`(?:not|never|stop) waking up`, `(?:thinking|thought|thoughts|think|dream|dreaming|wish|wishing|hope|hoping) (?:of|about)? ?(?:just )?(?:not|never) (?:waking up|wake up|being here|being alive|existing)`,
		},
	},
	{
		// how much of a medicine would kill: a method question, not a
		// dosage question, whatever it is worded as.
		name: "lethal-amount",
		any: []string{
			`(?:lethal|fatal|deadly) (?:dose|amount|overdose)`,
			`(?:how many|how much)\b.{0,50}\b(?:would it take|does it take|it takes|to take) to (?:die|not wake up|never wake up|kill|end it|go to sleep forever|sleep forever|stop (?:my|her|his) heart)`,
			`(?:how many|how much)\b.{0,50}\b(?:would|will|could|to) (?:kill|be lethal|be fatal)`,
			`(?:pills|meds|tablets|medications?) (?:\S+ )?(?:saved|stockpiled|hoarded|stashed|collected|stored)(?: up)?`,
			`(?:going to|gonna|will|plans? to|planning to|about to) (?:take|swallow|down) (?:them|it|the pills|the meds|the tablets|all (?:of )?(?:them|the pills|my pills|the meds)) all`,
			`(?:take|swallow|down) (?:them|the pills|the meds|the tablets) all (?:tonight|today|at once|now)`,
		},
	},
	{name: "overdose", any: []string{
		`overdos\w*`, `over dos\w*`, `od(?:'?ing|'?ed|'?d|'?s)? on`, `(?:i|she|he|they|just|almost|nearly) od'?(?:d|ed)`, `od'?(?:d|ed)(?:\W*$| last| yesterday| again| tonight| today)`,
		`(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed) (?:all|every|a bunch|a handful|handfuls|the whole (?:bottle|pack|box|packet)|too many|loads|lots) ` +
			`(?:of )?(?:my |the |these |those |her |his )?(?:pills|meds|medications?|tablets|sleeping pills|painkillers|pain killers|antidepressants|benzos|xanax|tylenol|paracetamol|ibuprofen|insulin)`,
		`(?:took|take|taking|taken|swallow|swallowing|swallowed|down|downing|downed) (?:like |about |around |maybe |over |almost )?(?:[1-9]\d+|twenty|thirty|forty|fifty|a hundred|a dozen|dozens of|a (?:whole )?bottle of|the whole bottle of|a box of|a pack of|a packet of|an entire (?:bottle|box|pack) of) ` +
			`(?:of )?(?:my |the |these |those |her |his )?(?:pills|meds|medications?|tablets|sleeping pills|painkillers|pain killers|antidepressants|benzos|xanax|tylenol|paracetamol|ibuprofen|advil|aspirin|insulin|\w+ pills)`,
		`(?:drank|drink|drinking|swallowed|swallow|took|take) (?:\S+ )?(?:bleach|antifreeze|poison|drain cleaner|rat poison|weed killer)`,
		`stockpil\w*`, `(?:got|have|has|had) (?:the |my |a )?(?:pills|meds|rope|gun|noose|razor|blade|knife) (?:\S+ )?ready`, `(?:saving|saved|save|hoarding|hoarded|collecting|collected) (?:up )?(?:my |the )?(?:pills|meds|tablets)`,
	}},
}
