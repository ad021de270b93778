package safety

// abuseRules find sexual assault, abuse, coercion, partner violence, image
// abuse and sexual contact between a minor and an adult, told first-hand or
// by staff ("my friend was raped", "a client disclosed abuse"). A message
// that names abuse as a topic ("can therapy help abuse survivors?") also
// fires: the person asking is often the survivor, and the handoff still
// answers the question.
//
// Words the clinic's own pages use about therapy are left out: "coercive"
// alone does not fire (the page says therapy "is not coercive"), only
// "coerced", "coercion" and "coercive control" do; "physical contact" and
// "sexual activities with clients" do not fire without a verb of something
// done ("touched me", "had sex with a client").
var abuseRules = []rule{
	{name: "rape", any: []string{
		`rap(?:e|ed|es|ing|ist|ists)`, `raype`, `raep(?:d|ed)?`, `gang ?rap\w*`, `date ?rap\w*`,
		`statutory`, `non ?-?con(?:sensual)?`, `nonconsensual`,
	}},
	{name: "sexual-assault", any: []string{
		`sexual(?:ly)? (?:assault\w*|abus\w*|violen\w*|exploit\w*|harass\w*|misconduct|coerc\w*|trauma|attack\w*|violat\w*)`,
		`assault(?:ed|ing|s)?`, `attacked (?:me|her|him|them)`, `(?:was|were|got|been|being) attacked`,
		`violated (?:me|her|him|them)`, `(?:was|were|got|been|being|felt) violated`,
	}},
	{name: "abuse", any: []string{
		`abus(?:e|ed|er|ers|es|ing|ive)`, `molest\w*`, `incest\w*`, `pedo(?:s|phile\w*|philia)?`,
		`paedo(?:s|phile\w*|philia)?`, `child porn\w*`, `csam`,
		`groom(?:ed|ing) (?:me|her|him|them|a (?:child|kid|minor|teen)|kids|children|minors|teens|my (?:son|daughter|child|kid))`,
		`(?:was|were|being|got|been) groomed`,
	}},
	{name: "partner-violence", any: []string{
		`(?:domestic|intimate partner|dating|family|relationship|partner) (?:violence|abuse)`, `ipv`, `dv`,
		`violent (?:partner|husband|wife|boyfriend|girlfriend|relationship|ex|marriage|home)`,
		`{who} (?:is|gets|was|can be|becomes|became|got) (?:\S+ )?(?:violent|physical with me|rough with me)`,
		`{who} {gap2}(?:hits|hit|beats|beat|slaps|slapped|punches|punched|kicks|kicked|chokes|choked|strangles|strangled|` +
			`shoves|shoved|pushed|hurts|hurt|bruised|burned|bit|throws things at|threw things at|locks|locked|restrains|restrained) {them}`,
		`(?:got|get|getting|was|were|been|being) (?:beaten|beat up|hit|choked|strangled|slapped|punched|kicked) (?:by|up)`,
		`{who} {gap2}(?:threaten\w*|said (?:he|she|they)'?(?:d|ll| would| will)|is going to|will|would|wants to|gonna|tried to|try to|tries to) (?:to )?(?:kill|hurt|beat|rape|choke) {them}`,
		`(?:scared|afraid|terrified|frightened|fearful) (?:of|for my life from|to go home to) (?:my |her |his )?{partner}`,
		`(?:my |her |his )?{partner} (?:is|is so|is very|is really|is being) (?:controlling|possessive and controlling)`,
		`coercive control`, `stalk(?:ed|ing|er|ers)`, `stalks (?:me|her|him)`, `harass\w*`,
		`(?:won'?t|doesn'?t|will not|does not|never) let (?:me|her|him) (?:see (?:my |her |his )?(?:friends|family)|leave|go out|have (?:my |her |his )?(?:own )?money|work|talk to)`,
		`(?:checks|controls|tracks|monitors|goes through|reads) (?:my|her|his) (?:phone|money|messages|location|texts|finances|emails)`,
		`isolat(?:es|ed|ing) (?:me|her|him)`,
	}},
	{name: "coercion", any: []string{
		`coerc(?:ed|ing|ion|es)`,
		`forced (?:me|her|him|them|us)`,
		`forced (?:into|to) (?:have |having )?(?:sex|sexual|oral|anal|it|do it|sleep|perform|watch)`,
		`(?:i|she|he|they|we) (?:was|were|been|got|felt|feel|am) forced`, `(?:i'?m|im|i am|she'?s|he'?s|was|been) being forced`,
		`forc(?:es|ed|ing) (?:himself|herself|themselves) (?:on|onto|upon) {them}`,
		`(?:had|have|has|having|was having|started having) sex with (?:me|her|him) (?:while|when) (?:i|she|he) (?:was )?(?:asleep|sleeping|passed out|unconscious|drunk|high|out of it)`,
		`woke up {gap4}(?:having sex with|inside|on top of|touching|undressing|fingering) (?:me|her|him)`,
		`threaten\w* {gap4}if (?:i|she|he|they) (?:don'?t|do not|won'?t|will not|refuse)`,
		`forc(?:e|es|ing) (?:me|her|him|them|us) (?:to|into|down)`,
		`made (?:me|her|him|them) (?:have sex|do (?:it|things|stuff|sexual \w+|that|anal|oral)|perform|give (?:him|her) (?:oral|head|a blowjob)|touch|watch porn|sleep with|suck|go down)`,
		`pressur\w* (?:me |her |him |them )?(?:in)?to (?:have sex|having sex|sex|sleep with|sleeping with|do (?:it|things|stuff|anal|oral|sexual \w+)|send (?:nudes|pics|photos)|sending (?:nudes|pics|photos))`,
		`pressur\w* (?:me |her |him |them )?for (?:sex|nudes|pics|photos|anal|oral)`,
		`guilt(?:s|ed|ing|trips?|tripped|tripping)? (?:me |her |him |them )?into (?:sex|having sex|it|sleeping|anal|oral)`,
		`won'?t take no`, `wouldn'?t take no`, `doesn'?t take no`,
		`(?:doesn'?t|does not|didn'?t|did not|won'?t|wouldn'?t|never) (?:stop|listen) when (?:i|she|he|they) (?:say|said|says|tell|told|ask|asked)`,
		`(?:i|she|he|they) said no (?:but|and|yet) (?:he|she|they|it)`, `kept going after i said`,
		`against (?:my|her|his|their) will`,
		`(?:sex|sexual\w*|touch\w*|kiss\w*|film\w*|record\w*|photo\w*|penetrat\w*|inside me|did it|went further|kept going|finished|came) ` +
			`{gap4}without (?:my|her|his|their|asking for|any|getting)? ?consent`,
		`(?:didn'?t|did not|never|couldn'?t|could not|can'?t|cannot|unable to|too drunk to|too high to|wasn'?t able to|was not able to) (?:give )?consent`,
		`(?:was|were) (?:asleep|passed out|unconscious|blackout drunk) (?:when|while) (?:he|she|they)`,
		`unwanted (?:sex|sexual|touch\w*|advances|contact|kiss\w*)`,
		`(?:drugged|roofied|spiked) (?:me|her|him|my drink|her drink|his drink)`, `spiked (?:my|her|his) drink`, `roofie\w*`,
	}},
	{name: "unwanted-touch", any: []string{
		`touch(?:ed|es|ing) (?:me|her|him|them|my \w+|her \w+|his \w+) {gap2}(?:inappropriately|without|when i (?:was|said)|` +
			`as a (?:child|kid)|when (?:i|she|he) was (?:little|young|a child|a kid|\d+)|while i (?:was )?(?:slept|sleeping|asleep))`,
		`inappropriate(?:ly)? touch\w*`, `bad touch`, `grop(?:e|ed|es|ing)`, `fondl(?:e|ed|es|ing)`,
		`flash(?:ed|es|ing) (?:me|her|him|us|his)`, `exposed (?:himself|herself|themselves|his)`,
		`(?:therapist|doctor|counsel(?:l)?or|teacher|coach|priest|pastor|boss|professor|dentist|masseuse|masseur|massage therapist|` +
			`psychologist|psychiatrist|nurse|tutor|trainer) {gap2}(?:touched|groped|kissed|had sex with|slept with|came on to|hit on|` +
			`made a pass at|sexually|harassed|abused|molested|seduced|propositioned) (?:me|her|him|them|a client|clients|a patient|patients|my \w+)`,
	}},
	{name: "image-abuse", any: []string{
		`revenge ?porn`, `sextort\w*`, `blackmail\w*`, `deep ?fakes?`,
		`non ?-?consensual (?:images?|porn|photos|pics|videos?|intimate)`,
		`{who} {gap2}(?:leaked|shared|posted|spread|sent|distributed|uploaded|is sharing|is posting|is sending|` +
			`threaten\w* to (?:post|share|send|leak|release|expose)) (?:my|her|his|their|our) ` +
			`(?:nudes|nude \w+|naked \w+|intimate \w+|sex tape|sex video|private \w+|pics|photos|pictures|videos)`,
		`leaked (?:my|her|his|their) (?:nudes|pics|photos|videos|sex tape|pictures)`,
		`(?:filmed|recorded|photographed) (?:me|her|him|us) (?:\S+ ){0,3}(?:without|naked|having sex|during sex|in the shower|undress\w*)`,
	}},
	{name: "stealthing", any: []string{
		`stealth(?:ing|ed)`,
		`(?:took|take|takes|taking|pulled|removed|remove|removes|removing|slipped) (?:the |his |her |their )?condom off`,
		`(?:removed|remove|removing|took off|ripped|poked holes? in|sabotaged|sabotaging) (?:the |his |her |their |my )?condoms? (?:without|during|secretly|halfway|behind)`,
		`(?:lied|lies|lying) about (?:using |wearing )?(?:a )?condom`,
	}},
	{name: "trafficking", any: []string{
		`traffick\w*`, `pimp(?:ed|ing|s)? (?:me|her|him|out)`, `forced (?:prostitution|sex work)`,
		`sold (?:me|her|him) for sex`, `sex slave\w*`,
	}},
	{name: "child-sexual-contact", any: []string{
		`(?:(?:had|have|having|has) sex with|sexual(?:ly)? (?:contact|abuse|activity|relations|relationship|touching|images?|photos?|pictures?|videos?|content) (?:with|of|involving)|` +
			`(?:nude|naked|sexual|explicit) (?:photos?|pics|pictures|images?|videos?) of|porn (?:of|with|involving)|touch(?:ed|ing) (?:a|the)|kiss(?:ed|ing) (?:a|the)) ` +
			`(?:a |an |the )?(?:child|children|kid|kids|minor|minors|underage \w+|(?:1[0-7]|[5-9]) ?(?:yo|year old|years old))`,
	}},
	{
		// A minor and an adult in a sexual or dating context: three facts,
		// each of which alone is ordinary ("I'm 16", "my coach", "dating").
		name: "minor-and-adult",
		any: []string{
			`(?:1[0-7]|[5-9]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) ?-?(?:years? ?-?olds?|yr ?-?olds?|yrs? old|yo|y/o|y\.o)`,
			`(?:i'?m|im|i am|she'?s|she is|he'?s|he is|they'?re|they are|was|am|turned|only|just) (?:only |just )?(?:1[0-7]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)`,
			`under ?-?age`, `a minor`, `minors`,
		},
		and: [][]string{
			{
				`adults?`, `grown (?:man|woman|up|men|women)`, `older (?:man|guy|woman|girl|boy|person|dude|men|women|people|friend)`,
				`(?:1[89]|[2-9]\d) ?-?(?:years? ?-?olds?|yr ?-?olds?|yrs? old|yo|y/o)`,
				`(?:he|she|they|who|boyfriend|girlfriend|bf|gf|partner|guy|man|woman)(?:'?s| is|'?re| are) (?:1[89]|[2-9]\d)`,
				`teacher`, `coach`, `uncle`, `step ?dad`, `step ?father`, `boss`, `priest`, `pastor`, `tutor`, `babysitter`,
				`neighbou?r`, `mentor`, `youth (?:leader|pastor|worker)`, `counsel(?:l)?or`, `family friend`, `(?:my|his|her) friend'?s (?:dad|father|mom|mother)`,
			},
			{
				`(?:have|had|having|has|want|wants|wanted) sex`, `sex with`, `sexual\w*`, `sleep(?:ing)? with`, `slept with`,
				`dating`, `date`, `dates`, `relationship`, `touch\w*`, `kiss\w*`, `nudes`, `naked`, `pics`, `photos`,
				`hook(?:ing|ed)? up`, `sext\w*`, `in love`, `seeing (?:each other|him|her)`, `intimate`, `groom\w*`,
				`inappropriate`, `(?:boy|girl)friend`, `bf`, `gf`, `meet up`, `meeting up`, `secret`,
			},
		},
	},
}
