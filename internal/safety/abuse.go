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
//
// Second-pass families (each has a block of tests):
//   - coercion said plainly: "makes me do things in bed I don't want", "I
//     froze and he kept going", "I was drunk and couldn't say no", "he
//     ignored my safeword", "I gave in so he'd stop";
//   - coercive control: a partner who takes the phone, keys or money, will
//     not let someone leave, tracks them, cuts them off from family;
//   - violence told in passing ("... and hits her if she refuses"), fear of
//     a partner, threats, stalking;
//   - childhood sexual abuse in euphemism ("my uncle did things to me when I
//     was small"): a childhood context and an act, both needed;
//   - image abuse: someone else's spreading of, or threat with, a person's
//     nudes. It outranks Decline, so "my ex is sending my nudes around" is
//     abuse although it says "nudes".
var abuseRules = []rule{
	{name: "rape", any: []string{
		`rap(?:e|ed|es|ing|ist|ists)`, `raype`, `raep(?:d|ed)?`, `gang ?rap\w*`, `date ?rap\w*`,
		`statutory`, `non ?-?con(?:sensual)?`, `nonconsensual`,
		// disguised and slang: "r*pe", "SA'd", "got SA", "graped"
		`r\*{1,2}pe[ds]?`, `r\*{1,3}ped`, `ra\*e[ds]?`, `sa'd`, `sa'ed`, `(?:was|were|got|been|being|get) (?:sa|s\.a\.?)`, `graped`,
		`(?:was|got|been) (?:rapped|raiped|rapd)`, `(?:rapped|raiped|rapd) (?:me|her|him)`,
		`(?:wasn'?t|was not|isn'?t|is not|weren'?t|were not|not|never) (?:fully |really |entirely |totally |exactly |even |very )?consensual`,
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
		`csa`, `child (?:sexual|sex) (?:abuse|exploitation)`,
	}},
	{name: "partner-violence", any: []string{
		`(?:domestic|intimate partner|dating|family|relationship|partner) (?:violence|abuse)`, `ipv`, `dv`,
		`violent (?:partner|husband|wife|boyfriend|girlfriend|relationship|ex|marriage|home)`,
		`{who} (?:is|gets|was|can be|becomes|became|got) (?:\S+ )?(?:violent|physical with me|rough with me)`,
		`{who} {gap2}(?:hits|hit|hitting|beats|beat|beating|slaps|slapped|slapping|punches|punched|punching|kicks|kicked|kicking|` +
			`chokes|choked|choking|strangles|strangled|strangling|smacks|smacked|smacking|shoves|shoved|shoving|pushed|pushes|` +
			`hurts|hurt|hurting|bruised|burned|bit|spat on|spits on|grabbed|grabs|pinned|` +
			`throws things at|threw things at|locks|locked|restrains|restrained) {them}`,
		// violence in a clause of its own: "... and hits her if she refuses"
		`(?:and|then|also|always|sometimes|often|who|keeps|kept|started|starts) ` +
			`(?:hits|beats|slaps|slapped|punches|punched|kicks|kicked|chokes|choked|strangles|strangled|smacks|smacked|shoves|shoved|` +
			`hitting|beating|slapping|punching|kicking|choking|strangling|smacking|shoving) {them}`,
		`(?:hits|hit|beats|beat|slaps|slapped|punishes|punished|hurts|hurt|chokes|choked|` +
			`kicks|kicked|punches|punched|threatens|threatened|rapes|raped|forces|forced) ` +
			`{them} (?:if|when|whenever|every time|each time|because|after|anytime) (?:i|she|he|they|we) ` +
			`(?:refuse\w*|say no|says no|said no|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|do not|does not|talk back|disagree\w*|turn (?:him|her) down|say stop)`,
		// anger at a sexual no: "my wife yells at me when I refuse sex"
		`(?:yells at|yelled at|screams at|screamed at|gets (?:angry|violent|mad|aggressive) (?:at|with)|punishes|punished|sulks at|rages at) ` +
			`{them} (?:if|when|whenever|every time|each time|because|after|anytime) (?:i|she|he|they|we) ` +
			`(?:refuse\w*|say no|says no|said no|turn (?:him|her) down|say stop|don'?t want (?:sex|to have sex|it)|won'?t have sex|reject\w*)`,
		`(?:got|get|gets|getting|was|were|been|being) (?:beaten|beat up|hit|choked|strangled|slapped|punched|kicked|smacked|shoved|thrown|pinned)` +
			`(?: by| up| again| when| if| every| for| during| at home|\W*$)`,
		`{who} {gap2}(?:threaten\w*|(?:said|says|told me|tells me|told her|tells her) (?:he|she|they)(?:'?d|'?ll| would| will| is going to| was going to| gonna)|is going to|will|would|wants to|gonna|tried to|try to|tries to) (?:to )?(?:kill|hurt|beat|rape|choke) {them}`,
		`{who} {gap2}threat(?:en|ens|ened|ening) (?:me|her|him|us|my (?:client|friend|kids|children|family))`,
		`threat(?:en|ens|ened|ening) (?:me |her |him )?(?:to (?:kill|hurt|beat|hit|rape|choke|take (?:the|my|our|her) (?:kids|children|baby)|kick (?:me|her) out|out (?:me|her)|` +
			`tell everyone|expose|report me|call immigration|have me deported)|with (?:a |his |her )?(?:knife|gun|weapon))`,
		`(?:scared|afraid|terrified|frightened|fearful) (?:of|for my life from|to go home to) (?:my |her |his )?{partner}`,
		`(?:scared|afraid|terrified|frightened|fearful) of (?:him|her)(?:\W*$| when| because| and| sometimes| most| all| so| but| now| tbh| honestly)`,
		`(?:scared|afraid|terrified|frightened) (?:of )?what (?:he|she|they)(?:'ll| will| would| might| could|'d| may) do`,
		`(?:scared|afraid|terrified|frightened|too scared|too afraid) (?:to|of) (?:go home|going home|leave (?:him|her)|leaving (?:him|her)|` +
			`tell (?:him|her) no|(?:say|saying) no(?:\W*$| to (?:him|her|sex|my (?:partner|husband|wife|bf|gf|boyfriend|girlfriend))| because| when| or)|` +
			`refuse (?:him|her|sex)|refusing (?:him|her|sex)|turn (?:him|her) down|break up with (?:him|her))`,
		`(?:fear|fearing|afraid|scared|worried) for (?:my|her|his) (?:life|safety)`, `walk(?:ing|s)? on egg ?-?shells`,
		`(?:punch\w*|kick\w*|smash\w*) (?:a |the )?(?:holes? in the |hole through the |through the )?(?:wall|walls|door|doors)`,
		`(?:my |her |his )?{partner} (?:is|is so|is very|is really|is being) (?:controlling|possessive and controlling)`,
		`coercive control`, `stalk(?:ed|ing|er|ers|s)`, `stalks (?:me|her|him)`, `harass\w*`,
		`(?:keeps |kept )?(?:showing|shows|showed|turning|turns|turned) up (?:at|outside) (?:my|her) (?:work|house|home|door|apartment|flat|job|school|place|office)`,
		`(?:following|follows|followed) (?:me|her) (?:home|everywhere|around|to work)`,
		`(?:keeps|kept|keep|been|is|was|started|won'?t stop) (?:following|stalking|watching|tracking) (?:me|her)(?:\W*$| around| home| everywhere| to| online| at)`, `(?:tracker|airtag|gps) (?:on|in|under) (?:my|her) (?:car|phone|bag)`,
		`(?:won'?t|wouldn'?t|doesn'?t|didn'?t|will not|does not|did not|never) let (?:me|her|him) (?:see (?:my |her |his )?(?:friends|family)|leave|go\W*$|go out|go anywhere|` +
			`have (?:my |her |his )?(?:own )?(?:money|phone|friends|bank account)|work|get a job|talk to|use (?:my|her|the) phone|out of (?:his|her|their) sight|drive)`,
		`(?:checks|controls|controlling|tracks|tracking|monitors|monitoring|goes through|reads|spies on|spying on|` +
			`controlled|tracked|monitored|went through) (?:all )?(?:my|her|his) ` +
			`(?:phone|money|messages|location|texts|finances|emails|bank account|accounts|spending|dms|calls|car|whereabouts|every move|social media)`,
		`{lover} {gap2}(?:checked|checking|read|reading|going through|looked through|looks through|looking through) (?:all )?(?:my|her) ` +
			`(?:phone|messages|texts|emails|dms|calls|social media)`,
		`(?:controls|controlling|controlled) (?:all )?the (?:money|finances|bank account|accounts|spending)`,
		`(?:controls|controlled|decides|decided) (?:who (?:i|she) (?:see|sees|talk to|talks to|can see)|where (?:i|she) (?:go|goes|can go)|what (?:i|she) (?:wear|wears|eat|eats)|everything (?:i|she) do)`,
		`isolat(?:es|ed|ing) (?:me|her|him)`, `cut (?:me|her) off from (?:my|her|all|everyone)`, `keeps (?:me|her) (?:away|apart) from (?:my|her) (?:friends|family)`,
		// coercive control: a partner takes the means of leaving
		`(?:{lover}|and|who|then|also|always|even|just) {gap1}(?:took|takes|taken|taking|hides|hid|hiding|smashed|smashes|broke|breaks|confiscat\w*|withholds|withheld|` +
			`destroyed|locked up) (?:away )?(?:all )?(?:my|her) (?:phone|keys|car keys|passport|id|documents|papers|wallet|bank cards?|credit cards?|paycheck|money)` +
			`(?:\W*$| away| and| so| from| because| when| whenever| every| again| to (?:stop|keep|check on|read|see who|look through|go through|control))`,
		`(?:so|and|now) (?:i|she) (?:can'?t|cannot|couldn'?t|can not|could not) (?:leave(?:\W*$| (?:him|her|them|the house|the apartment|home|the relationship|my (?:house|home|room|husband|wife|partner|boyfriend|girlfriend)))|` +
			`get away|escape|call (?:anyone|for help|the police|my family|her family)|contact (?:anyone|my family|her family)|get out of (?:the house|there|the relationship))`,
		`(?:i'?m|im|i am|she'?s|she is|i was|she was|we'?re|am|are) (?:not|never) (?:allowed|permitted) to (?:leave(?:\W*$| (?:him|her|them|the house|the apartment|home|the relationship))|go out|` +
			`see (?:my|her) (?:friends|family)|have (?:friends|my own money|money|a phone)|talk to (?:anyone|other|my|her)|use (?:my|her|the) phone|go anywhere|say no)`,
		`{who} {gap2}(?:locks|locked|locking) (?:me|her) (?:in|out|up)`, `(?:held|holds|hold|keeps|kept) (?:me|her) (?:captive|prisoner|hostage)`,
		// pressure without the word sex, from a partner: "my bf pressures me constantly"
		`{lover} {gap2}(?:pressur(?:es|ed|ing)|guilt ?-?trips|guilt ?-?tripped|badgers|badgered) (?:me|her|him) ` +
			`(?:\S+ )?(?:constantly|all the time|every (?:day|night|time)|nonstop|non stop|relentlessly|so much|a lot|daily|until|\W*$)`,
		`(?:keeps|kept|always|constantly) (?:pressuring|guilting|guilt ?-?tripping|badgering) (?:me|her|him)`,
	}},
	{name: "coercion", any: []string{
		`coerc(?:ed|ing|ion|es)`,
		`forced (?:me|her|him|them|us)`,
		`forced (?:into|to) (?:have |having )?(?:sex|sexual|oral|anal|it|do it|sleep|perform|watch)`,
		`(?:i|she|he|they|we) (?:was|were|been|got|felt|feel|am) forced`, `(?:i'?m|im|i am|she'?s|he'?s|was|been) being forced`,
		`forc(?:es|ed|ing) (?:himself|herself|themselves) (?:on|onto|upon) {them}`,
		`(?:had|have|has|having|was having|started having) sex with (?:me|her|him) (?:while|when) (?:i|she|he) (?:was )?(?:asleep|sleeping|passed out|unconscious|drunk|high|out of it)`,
		`woke up {gap4}(?:having sex with|inside|on top of|touching|undressing|fingering) (?:me|her|him)`,
		`threaten\w* {gap4}if (?:i|she|he|they) (?:don'?t|do not|won'?t|will not|refuse|tell|told|leave|left|report|say no|break up|go to)`,
		`(?:told|tells|telling|warned) (?:me|her|him) (?:not to|never to|to never|i can'?t|i couldn'?t|i shouldn'?t|she can'?t|she couldn'?t|he can'?t) tell (?:anyone|anybody|my|her|his|no one|nobody)`,
		`(?:said|says|told (?:me|her)|tells (?:me|her)|because|cause|cuz|coz|since) (?:that )?(?:no one|nobody|noone) (?:would|will|'?d) (?:ever )?believe (?:me|her|him|you)`,
		`our little secret`,
		`forc(?:e|es|ing) (?:me|her|him|them|us) (?:to|into|down)`, `forc(?:es|ed|ing) (?:me|her|him|them|us)(?:\W*$| anyway| again| every| regardless| even)`,
		`{lover} {gap2}(?:makes|made|pushes|pushed|does it|did it|keeps going|kept going|goes ahead|went ahead|has sex with me|had sex with me|` +
			`does it to me|did it to me) (?:me |her )?(?:anyway|regardless|all the same)`,
		`made (?:me|her|him|them) (?:have sex|do (?:it|things|stuff|sexual \w+|that|anal|oral)|perform|give (?:him|her) (?:oral|head|a blowjob)|touch|watch porn|watch (?:him|her|them)|sleep with|suck|go down|undress|strip)`,
		`{who} {gap3}(?:makes|forces|pressures|pushes|will make|tries to make|tried to make|wants to make) {them} ` +
			`(?:have sex|do (?:it|things|stuff|sexual \w+|anal|oral|that)|give (?:him|her) (?:oral|head|a blowjob)|watch porn|sleep with|suck|go down|perform)`,
		// the same told as what the person did not want: "makes her do things in bed she doesn't want"
		`(?:make|makes|making|made|force|forces|forcing|forced|pressur\w*|push(?:es|ed|ing)?|coerc\w*|guilt\w*|talk(?:s|ed)?) {them} (?:in)?(?:to )?(?:do|try|doing|trying|perform|have|having|go along with) ` +
			`{gap5}(?:(?:i|she|he|they|we) (?:really )?(?:don'?t|doesn'?t|didn'?t|do not|does not|did not|never) (?:want|like|enjoy|agree|consent|feel comfortable)|` +
			`(?:i'?m|im|i am|she'?s|she is|he'?s|we'?re|i was|she was) not (?:ok|okay|comfortable|into|ready for|cool with))`,
		`pressur\w* {them} (?:in)?to {gap5}(?:in (?:the )?bed(?:room)?|sexual\w*|sexually)`,
		`(?:things|stuff|acts) (?:in bed |sexually )?(?:i|she|he|they) (?:(?:really|just) )?(?:don'?t|doesn'?t|didn'?t|do not|does not|did not) (?:want|consent|agree)(?: to)? (?:\S+ )?(?:but|and) (?:he|she|they) (?:makes|made|forces|forced|insists|insisted)`,
		`(?:didn'?t|did not|don'?t|do not|doesn'?t) want (?:to|it|sex|that|this|him to|her to)(?: \S+){0,6} (?:but|and|yet) (?:he|she|they) ` +
			`(?:still |just )?(?:did it anyway|did anyway|does it anyway|kept going|forced|made (?:me|her)|went ahead|had sex|didn'?t stop|wouldn'?t stop|continued|pushed|pinned|held (?:me|her) down)`,
		`(?:held|pinned) (?:me|her|him) down`,
		`(?:kept|keeps|keep) (?:asking|begging|pushing|pressuring|nagging|pestering|on at (?:me|her)|on (?:me|her)) {gap4}until (?:i|she) (?:finally |just )?(?:gave|give|gives) in`,
		`gave in (?:just |only )?(?:so (?:he|she|they)|to make (?:him|her|them) stop|because i was (?:scared|afraid)|out of fear)`,
		// a no or a stop that was ignored
		`(?:won'?t|wouldn'?t|doesn'?t|didn'?t|will not|does not|did not|never|refuses to|refused to) (?:take|accept|hear|listen to|respect|care about) ` +
			`(?:no|my no|her no|a no|my boundaries|her boundaries|(?:me|her) saying no)`,
		`(?:even though|although|though|after|despite) (?:i|she|me|her) (?:said|saying|told (?:him|her|them)|kept saying|was saying|begged|asked (?:him|her|them)|cried|was crying) (?:\S+ )?(?:no|stop|not to)`,
		`(?:kept|keep) saying (?:no|stop)`, `(?:begged|asked|told|pleaded with|screamed at|yelled at) (?:him|her|them) to stop (?:but|and|yet|he|she|they)`, `begged (?:him|her|them) to stop`,
		`(?:pushed|tried to push|trying to push) (?:him|her|them) (?:off|away)`,
		`ignor(?:ed|es|ing) (?:me|her) (?:when (?:i|she) (?:say|said|says|told)|saying) (?:no|stop)`,
		`(?:ignor\w*|didn'?t respect|doesn'?t respect|disregard\w*|broke|didn'?t stop at|wouldn'?t stop at) (?:my|her|his|the|our) safe ?-?words?`,
		// freezing and being unable to consent
		`(?:froze|frozen|freeze|freezing|went limp|couldn'?t move|could not move|couldn'?t speak|shut down|dissociated|was crying|cried|started crying|` +
			`was asleep|was passed out|said stop|said no|pushed (?:him|her) away|tried to stop|told (?:him|her) to stop|asked (?:him|her) to stop|was in pain|was hurting) ` +
			`{gap5}(?:{lover}|but|and) (?:still |just )?(?:kept going|continued|didn'?t stop|did not stop|wouldn'?t stop|kept on|carried on|went ahead|finished|` +
			`kept touching|kept pushing|kept doing|kept at it|did it anyway)`,
		`(?:he|she|they) (?:just )?(?:kept going|didn'?t stop|did not stop|wouldn'?t stop|carried on|continued) (?:even though|although|though|while|when|after|despite) (?:i|me|my|she|her)`,
		`(?:drunk|wasted|(?:was|were|so|too|really) high|intoxicated|passed out|blacked out|out of it|asleep|unconscious|blackout|roofied|drugged|stoned|half asleep) ` +
			`{gap5}(?:couldn'?t|could not|can'?t|cannot|wasn'?t able to|was not able to|was unable to|unable to|too \w+ to|didn'?t|did not) ` +
			`(?:say no|consent|stop (?:him|her|them)|fight (?:him|her|them|back)|push (?:him|her|them) away|resist|move|say anything|remember (?:anything|what happened|much|consenting|saying yes))`,
		`(?:couldn'?t|could not|wasn'?t able to|was not able to|was unable to|didn'?t feel (?:like )?i could|didn'?t feel able to|felt like i couldn'?t|felt i couldn'?t) ` +
			`(?:say no|refuse (?:him|her|them|sex)|stop (?:him|her|them))(?:\W*$| to (?:him|her|them|sex)| because| and| so| when| while| but| even)`,
		`(?:can'?t|cannot|can not) (?:ever )?say no to (?:him|her|my (?:partner|husband|wife|bf|gf|boyfriend|girlfriend)|sex)`,
		`woke up {gap4}(?:naked|undressed|with(?:out)? (?:my|no|her) (?:clothes|pants|underwear|panties)) ` +
			`(?:and|with) (?:no memory|(?:i )?(?:don'?t|didn'?t|can'?t|couldn'?t) remember|no idea)`,
		`woke up {gap4}next to (?:a stranger|someone (?:i|she) (?:don'?t|didn'?t) know)`,
		`(?:blacked out|passed out|was drugged|was roofied) {gap6}(?:woke up|and (?:he|she|they) (?:had|was|were|did))`,
		`(?:don'?t|do not|can'?t|cannot|didn'?t) remember (?:consenting|saying yes|agreeing to (?:it|sex|that)|what happened (?:that night|at the party|after (?:i|the|my) drinks?))`,
		`pressur\w* (?:me |her |him |them )?(?:in)?to (?:have sex|having sex|sex|sleep with|sleeping with|do (?:it|things|stuff|anal|oral|sexual \w+)|send (?:nudes|pics|photos)|sending (?:nudes|pics|photos))`,
		`pressur\w* (?:me |her |him |them )?for (?:sex|nudes|pics|photos|anal|oral)`,
		`guilt(?:s|ed|ing|trips?|tripped|tripping)? (?:me |her |him |them )?into (?:sex|having sex|it|sleeping|anal|oral)`,
		`won'?t take no`, `wouldn'?t take no`, `doesn'?t take no`,
		`(?:doesn'?t|does not|didn'?t|did not|won'?t|wouldn'?t|never) (?:stop|listen) when (?:i|she|he|they) (?:say|said|says|tell|told|ask|asked)`,
		`(?:i|she|he|they) said no (?:but|and|yet) (?:he|she|they|it)`,
		`(?:i|she|he|they) (?:said|say|says|told (?:him|her|them)) (?:no|stop|to stop) (?:but|yet) (?:he|she|they|it)`,
		`(?:i|she|he|they) (?:say|says|said stop|told (?:him|her|them) (?:no|to stop)) and (?:he|she|they) (?:still|kept|did|didn'?t|wouldn'?t|went|continued|just|forced|pushed|made|ignored|laughed|got mad|got angry|pulled|held|pinned|won'?t|doesn'?t)`, `kept going after i said`,
		`against (?:my|her|his|their) will`,
		`(?:sex|sexual\w*|touch\w*|kiss\w*|film\w*|record\w*|photo\w*|penetrat\w*|inside me|did it|went further|kept going|finished|came) ` +
			`{gap4}without (?:my|her|his|their|asking for|any|getting)? ?consent`,
		`(?:didn'?t|did not|never|couldn'?t|could not|can'?t|cannot|unable to|too drunk to|too high to|wasn'?t able to|was not able to) (?:give |have given |really |ever )?consent(?:ed)?`,
		`(?:drunk|wasted|blackout|blacked out|passed out|unconscious|asleep|out of it|roofied|drugged|too high) {gap4}(?:and|when|while) (?:he|she|they|someone|a guy|a man|my \w+) ` +
			`(?:had sex with|slept with|fucked|touched|raped|took advantage|started having sex|was on top|got on top|undressed|fingered|was inside)`,
		`took advantage of (?:me|her|him|my (?:client|friend|daughter|son))(?: sexually| when| while|\W*$| and| at| after| in)`,
		`(?:froze|went limp|dissociated) (?:when|while|as) (?:he|she|they) {gap3}` +
			`(?:touch\w*|undress\w*|kiss\w*|got on top|pulled|grabbed|started|tried|had sex|penetrat\w*|forced|pushed|was on top|was inside)`,
		`too (?:drunk|wasted|high|out of it|intoxicated|fucked up|messed up|sleepy|scared|afraid|frozen|shocked) to (?:say no|consent|stop (?:him|her|them)|fight (?:back|him|her|them)|resist|move|push (?:him|her|them) away)`,
		`(?:was|were) (?:asleep|passed out|unconscious|blackout drunk) (?:when|while) (?:he|she|they)`,
		`unwanted (?:sex|sexual|touch\w*|advances|contact|kiss\w*)`,
		`(?:drugged|roofied|spiked) (?:me|her|him|my drink|her drink|his drink)`, `spiked (?:my|her|his) drink`, `roofie\w*`,
	}},
	{name: "unwanted-touch", any: []string{
		`touch(?:ed|es|ing) (?:me|her|him|them|my \w+|her \w+|his \w+) {gap2}(?:inappropriately|without|when i (?:was|said)|` +
			`as a (?:child|kid)|when (?:i|she|he) was (?:little|small|young|younger|a child|a kid|a (?:little )?(?:boy|girl)|a teen\w*|a baby|a toddler|\d+)|while i (?:was )?(?:slept|sleeping|asleep))`,
		`inappropriate(?:ly)? touch\w*`, `bad touch`,
		`(?:did|done|doing) (?:bad |sexual |weird |terrible |awful )?(?:things|stuff|something) to (?:me|her|him|my (?:client|daughter|son|kid|child|sister|brother))` +
			`(?: when| while| as| that| i| she| he| at| in| and| but|\W*$)`, `grop(?:e|ed|es|ing)`, `fondl(?:e|ed|es|ing)`,
		`flash(?:ed|es|ing) (?:me|her|him|us|his)`, `exposed (?:himself|herself|themselves|his)`,
		`(?:therapist|doctor|counsel(?:l)?or|teacher|coach|priest|pastor|boss|professor|dentist|masseuse|masseur|massage therapist|` +
			`psychologist|psychiatrist|nurse|tutor|trainer) {gap2}(?:touched|groped|kissed|had sex with|slept with|came on to|hit on|` +
			`made a pass at|sexually|harassed|abused|molested|seduced|propositioned) (?:me|her|him|them|a client|clients|a patient|patients|my \w+)`,
	}},
	{name: "image-abuse", any: []string{
		`revenge ?porn`, `sextort\w*`, `blackmail\w*`, `deep ?fakes?`,
		`non ?-?consensual (?:images?|porn|photos|pics|videos?|intimate)`,
		`{who} {gap2}(?:leak|leaks|leaked|leaking|share|shares|shared|sharing|post|posts|posted|posting|spread|spreads|spreading|` +
			`send|sends|sent|sending|distribut\w*|upload\w*|forward\w*|show|shows|showed|showing|sell|sells|sold|selling|circulat\w*|publish\w*|` +
			`is sharing|is posting|is sending|threaten\w* to (?:post|share|send|leak|release|expose|show|sell|upload|spread)) (?:around )?(?:my|her|his|their|our) ` +
			`(?:nudes|nude \w+|naked \w+|intimate \w+|sex tape|sex video|private \w+|pics|photos|pictures|videos)`,
		`{who} {gap2}(?:leaked|shared|posted|spread|sent|sends|shares|posts|uploaded|forwarded|showed|shows|sold|is sharing|is posting|is sending) (?:\S+ )?` +
			`(?:nudes|nude \w+|naked \w+|intimate \w+|explicit \w+|sex tape|sexual \w+|private \w+) (?:of|from) (?:me|her|him|us|them)`,
		`leaked (?:my|her|his|their) (?:nudes|pics|photos|videos|sex tape|pictures)`,
		`threat\w* to (?:post|share|send|leak|release|expose|show|sell|upload|spread|publish) (?:my|her|our|the|those|these|them|it|nudes|pics|photos|videos)`,
		`(?:nudes|nude \w+|naked \w+|intimate \w+|pics|photos|pictures|videos|sex tape) (?:of (?:me|her|him|us) )?{gap4}without (?:my|her|his|their) (?:consent|permission|knowledge|knowing)`,
		`(?:filmed|recorded|photographed) (?:me|her|him|us) (?:\S+ ){0,3}(?:without|naked|having sex|during sex|in the shower|undress\w*)`,
		`secretly (?:film|record|photograph|tap)\w*`, `(?:hidden|secret|spy) cam\w*`, `upskirt\w*`, `creep ?shots?`,
	}},
	{
		// a person's own nudes in the hands of someone who spreads them or
		// threatens to: "my ex keeps sending my nudes around and threatens
		// me". Sending one's own nudes is not enough.
		name: "image-threat",
		any: []string{
			`(?:my|her|his|our|their) (?:nudes|nude (?:pics|photos|pictures|videos|images)|naked (?:pics|photos|pictures|videos|images)|` +
				`intimate (?:pics|photos|pictures|videos|images)|sex tape|sex videos?|private (?:pics|photos|pictures|videos))`,
			`(?:nudes|naked (?:pics|photos|pictures|videos)|intimate (?:pics|photos|images|videos)|sex tape|explicit (?:pics|photos|videos)) (?:of|from) (?:me|her|him|us|my)`,
		},
		and: [][]string{{
			`threat\w*`, `leak\w*`, `spread\w*`, `around`, `expos\w*`, `blackmail\w*`, `unless`, `everyone`, `everybody`, `all over`,
			`group ?chat`, `forward\w*`, `without (?:my|her|his|their) (?:consent|permission|knowledge)`,
			`(?:are|were|got|ended up|being|is|now) (?:online|on the internet|on (?:a |some )?(?:site|website|porn site)|out there|everywhere)`,
			`(?:show|shows|showed|showing|sent|sends|sending|shared|shares|sharing) (?:them |it )?(?:to )?(?:everyone|people|his friends|her friends|their friends|my (?:family|friends|boss|parents|mom|dad|work)|strangers|others|other people)`,
			`(?:won'?t|refuses to|refused to) (?:delete|remove)`,
		}},
	},
	{name: "stealthing", any: []string{
		`stealth(?:ing|ed)`,
		`(?:took|take|takes|taking|pulled|removed|remove|removes|removing|slipped) (?:the |his |her |their )?condom off`,
		`(?:removed|remove|removing|took off|ripped|poked holes? in|sabotaged|sabotaging) (?:the |his |her |their |my )?condoms? (?:without|during|secretly|halfway|behind)`,
		`(?:lied|lies|lying) about (?:using |wearing )?(?:a )?condom`,
	}},
	{
		// childhood sexual abuse in the words people use for it: "my uncle
		// did things to me when I was small", "he'd come into my room at
		// night when I was a kid". A childhood context and an act are both
		// needed, since either alone is ordinary.
		name: "childhood-abuse",
		any: []string{
			`when (?:i|she|he|they|we) (?:was|were) (?:(?:very|really|so|only|just) )?(?:little|small|young|younger|a (?:little |small )?(?:kid|child|boy|girl)|kids|children|` +
				`a teen\w*|teens|a baby|a toddler|a minor|underage|in (?:grade|elementary|primary|middle|junior high) school|(?:[3-9]|1[0-7])(?: years old)?)`,
			`as (?:a )?(?:little |small |young )?(?:kid|child|children|kids|boy|girl|teen\w*|minor)`, `in my childhood`, `(?:my|her|his) childhood`, `growing up`,
			`(?:at|from|since) (?:age|the age of) (?:[3-9]|1[0-7])`,
		},
		and: [][]string{{
			`(?:did|done|does|doing|do) (?:\S+ )?(?:things|stuff|something) to (?:me|her|him|us)`,
			`(?:sexual|bad|weird|wrong|gross) (?:things|stuff) (?:to|with) (?:me|her|him|us)`,
			`touch(?:ed|ing) (?:me|her|him|us)`, `touched (?:my|her|his) (?:private|privates|genitals|vagina|penis|chest|breasts?|body|butt|bottom|thighs?|legs?)`,
			`(?:was|were|got|been|being) touched`,
			`(?:made|make|makes|would make|used to make) (?:me|her|him|us) (?:do (?:things|stuff|sexual)|touch|watch (?:him|her|porn|them)|undress|suck|` +
				`keep (?:it )?(?:a )?secret|sit on (?:his|her) lap|take (?:off )?(?:my|her|his) clothes|get naked)`,
			`show(?:ed|s)? (?:me|her|him|us) (?:porn|(?:his|her) (?:penis|privates|private parts|dick|thing|genitals|body|breasts|vagina)|(?:dirty|naked|sexual) (?:pictures|videos|photos)|himself|herself)`,
			`(?:crawl|climb|get|got|came|come)\w* (?:in|into|in to) (?:my|her|his|our) bed`,
			`(?:came|come|would come|used to come|snuck|sneak|sneaking)\w* into (?:my|her|his|our) (?:room|bedroom) at night`,
			`kiss(?:ed|ing)? (?:me|her|him) on the mouth`,
			`(?:abus|molest|fondl|grop)\w*`, `exposed (?:himself|herself)`,
		}},
	},
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
