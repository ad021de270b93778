package safety

// crisisRules find suicide and self-harm, in the first person and as staff
// report them ("a caller says she wants to kill herself"). They fire on
// slang and misspellings, and when unsure they fire: a crisis line offered
// to someone who did not need it is a small cost next to the other mistake.
//
// Idioms that use the same words ("dying to know", "this is killing me",
// "to kill time", "I could die of embarrassment") do not match any rule
// here, since every rule needs a wish, a method or a reflexive object; the
// tests hold a list of them.
var crisisRules = []rule{
	{name: "suicide", any: []string{
		`suicid\w*`, `sucid\w*`, `suicd\w*`, `suiscid\w*`, `suisid\w*`, `suicie?d\w*`, `sucicid\w*`,
		`sewer slide`, `sewerslid\w*`, `sui slide`, `self (?:delete|deleting|deletion|unalive)`,
		`unaliv\w*`, `un alive`, `ctb`, `catch the bus`,
	}},
	{name: "kill-self", any: []string{
		`(?:kill?|kills|killing|killed|end|ends|ending|off|offs|offing|hang|hangs|hanging|hung|shoot|shoots|shooting|shot|` +
			`stab|stabs|stabbing|drown|drowns|drowning|poison|poisons|poisoning|strangle|strangles|strangling|` +
			`suffocate|suffocates|suffocating|starve|starves|starving|burn|burns|burning|cut|cuts|cutting|slit|slits|slitting|` +
			`hurt|hurts|hurting|harm|harms|harming|injure|injures|injuring|punish|punishes|punishing|` +
			`mutilate|mutilates|mutilating|choke|chokes|choking|destroy|destroys|destroying) {self}`,
	}},
	{name: "self-harm", any: []string{
		`self ?-?harm\w*`, `self ?-?injur\w*`, `self ?-?mutilat\w*`, `self ?-?destruct\w*`,
		`(?:been|started|start|keep|kept|stop|quit|urges? to|urge of|relapsed?|relapsing|back to|went back to) cutting`,
		`cutting again`, `cut again`, `(?:my|her|his) (?:wrists?|arms?|thighs?|legs?) {gap3}(?:cut|cuts|cutting|slit|scars?)`,
		`(?:cut|cutting|slit|slitting|slice|slicing) (?:\S+ )?(?:my|her|his|their) (?:wrists?|arms?|thighs?|legs?|skin)`,
		`razor blades?`, `until i bleed`, `till i bleed`, `til i bleed`,
	}},
	{name: "want-to-die", any: []string{
		`(?:want|wanna|wanted|wanting|wants|ready|deserve|deserves|prefer|rather|like|longing|begging|trying) ` +
			`(?:to )?(?:just |really |fucking |honestly |simply )?(?:die|be dead|not exist|stop existing|not be alive|disappear forever|` +
			`never wake up|not wake up|sleep forever|go to sleep forever|be gone)`,
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
		`(?:nobody|no one|noone) (?:would|will) (?:care|miss me|notice) if i (?:die|died|was gone|were gone|disappeared|killed)`,
		`(?:i'?m|im|i am|feel like) (?:just )?a burden`,
	}},
	{name: "no-reason-to-live", any: []string{
		`no (?:reason|point|will|desire|purpose|motivation) (?:to|in|for) (?:live|living|go on|going on|keep going|be alive|being alive|life|exist|existing)`,
		`nothing (?:left )?to live for`, `(?:isn'?t|is not|ain'?t|not) worth living`,
		`(?:lost|losing|have no|no) (?:the |my )?will to live`,
		`what'?s the point (?:of|in) (?:living|life|going on|being alive|anything|even trying)`, `what'?s the point anymore`,
		`(?:tired|sick) of (?:living|being alive|life|existing)`, `done with (?:life|living|it all|everything|this life)`,
		`(?:see|find|there'?s) (?:no|the|any) point (?:in|of) (?:living|life|going on|being alive|anything|waking up)`,
		`life (?:is|feels) (?:pointless|meaningless|not worth it)`,
	}},
	{name: "not-want-to-live", any: []string{
		`(?:don'?t|dont|do not|no longer|not|never|doesn'?t|does not|didn'?t|don) (?:really |even )?(?:want|wanna|wish) (?:to )?` +
			`(?:live|be alive|exist|be here|be around anymore|wake up|keep living|continue living|see tomorrow|` +
			`go on (?:anymore|any more|living|like this))`,
		`(?:can'?t|cant|cannot|can not) (?:go on(?: anymore| any more| like this| living|\W*$)|do this anymore|do this any more|` +
			`take (?:it|this|life|this pain|the pain|this life) (?:anymore|any more)|take (?:any ?more|much more)(?:\W*$| of this)|` +
			`live like this|keep living|handle (?:it|this|life) anymore|cope anymore)`,
		`(?:won'?t|will not|not going to) be (?:here|around|alive) (?:much longer|anymore|any more|for long)`,
		`(?:give|giving|gave) up on (?:life|living|everything)`,
		`(?:i'?m|im|i am) not safe`, `(?:don'?t|do not|dont) feel safe (?:with|around|from) myself`,
		`(?:end|edge) of my (?:rope|tether)`,
		`(?:want|wanted|need) (?:it all|everything|my life) to (?:end|stop|be over)`,
	}},
	{name: "end-my-life", any: []string{
		`end(?:ing|ed|s)? (?:it all|my life|my own life|her life|his life|their life|her own life|his own life|it tonight|it today|` +
			`it now|it soon|it for good|things for good|everything|my suffering|my existence)`,
		`(?:take|taking|took|takes) (?:my|her|his|their) (?:own )?li(?:fe|ves)`,
		`(?:jump|jumping|jumped) (?:off|from|in front of) (?:a|the|my) (?:bridge|building|roof|cliff|balcony|train|bus|car|window|ledge)`,
		`(?:in front of|under) (?:a|the) (?:train|bus|truck|car) (?:on purpose|intentionally|to die|and die)`,
		`(?:gun|pistol|rifle) (?:to|in) (?:my|her|his) (?:head|mouth)`, `(?:blow|blowing) my brains out`,
		`noose`, `goodbye (?:note|letter|message)s? to (?:my|everyone|everybody)`,
		`(?:please|pls|plz|someone|somebody|anyone|can someone|just|god) kill me`,
		`(?:going to|gonna|want to|wanna|about to|will) jump(?:\W*$| off| from| in front)`,
		`end(?:ing)? things(?:\W*$| for good| tonight| now| forever| today)`,
	}},
	{name: "kms", any: []string{
		`kms`,
		`(?:i|i'?ll|ill|ima|imma|i'?m|im|gonna|going to|wanna|want to|should|might|will|about to|ready to|to|finally|just) (?:just |finally |fucking |gonna )?kys`,
	}},
	{name: "overdose", any: []string{
		`overdos\w*`, `over dos\w*`, `od(?:'?ing|'?ed|'?d|'?s)? on`,
		`(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed) (?:all|every|a bunch|a handful|handfuls|the whole (?:bottle|pack|box|packet)|too many|loads|lots) ` +
			`(?:of )?(?:my |the |these |those |her |his )?(?:pills|meds|medications?|tablets|sleeping pills|painkillers|pain killers|antidepressants|benzos|xanax|tylenol|paracetamol|ibuprofen|insulin)`,
		`stockpil\w*`, `(?:got|have|has|had) (?:the |my |a )?(?:pills|meds|rope|gun|noose|razor|blade|knife) (?:\S+ )?ready`, `(?:saving|saved|save|hoarding|hoarded|collecting|collected) (?:up )?(?:my |the )?(?:pills|meds|tablets)`,
	}},
}
