package safety

// Body words shared by the pain and symptom rules.
const (
	bodyPart = `(?:vagina\w*|vulva\w*|penis|penile|testic\w*|balls|scrotum|clit\w*|labia|genital\w*|groin|pelvi\w*|crotch|` +
		`dick|cock|pussy|foreskin|prostate|uterus|ovar\w*|cervix|anus|anal|rectum|rectal|bladder|urethra|nipples?|breasts?|` +
		`down there|private parts?|privates|shaft|glans|frenulum|perineum)`
	sexAct = `(?:sex|intercourse|penetrat\w*|ejaculat\w*|orgasm\w*|climax\w*|cum\w*|coming|erection\w*|urinat\w*|pee|peeing|` +
		`masturbat\w*|foreplay|insert\w*|tampons?|condoms?|lube|oral|anal|fingering|it goes in|he enters|entering)`
)

// medicalRules find questions for a doctor: pain, bleeding, discharge,
// lumps, STI symptoms, medication and dosage. An erection that will not go
// down after hours (priapism) is an emergency, so that rule comes first and
// is marked urgent.
//
// Judgment calls:
//   - Pain always fires, also in a question about therapy ("can sex therapy
//     help with pain during sex?"): pain during sex can have physical causes
//     a doctor should rule out first, which is also what a sex therapist
//     would say. Feeling hurt is not pain: "I feel hurt when he refuses sex"
//     and "I'm uncomfortable with sex" do not fire.
//   - Sexual function on its own does not fire ("erectile dysfunction", "low
//     desire", "premature ejaculation", "can't orgasm"): improving sexual
//     function is what the clinic's pages say sex therapy does, so those
//     questions are answered from them. They become medical when they come
//     with a sign of their own: pain, bleeding, medication, hours.
//   - Words about medicine in general do not fire ("medical treatment",
//     "medical professionals", "seeing a doctor"): the pages answer whether
//     therapy replaces or works with medicine.
//   - Life stages fire only with a sign: "postpartum" or "menopause" with
//     pain, tearing, stitches, bleeding, dryness, hot flashes and the like
//     fires; "can sex therapy help with low desire after menopause?" is a
//     question about function and does not. Dryness and hot flashes are
//     signs on their own.
var medicalRules = []rule{
	{name: "priapism", urgent: true, any: []string{
		`priapism`,
		`(?:erection|hard ?-?on|boner|penis|dick|cock)s? {gap3}(?:won'?t|will not|wont|doesn'?t|does not|isn'?t|is not|not|never) (?:go(?:ing)? )?(?:away|down|soften\w*|subside\w*|stop\w*)`,
		`(?:erection|hard ?-?on|boner|hard|stiff|erect)s? {gap3}(?:for|over|more than|longer than|past|after|lasting|lasted|lasts|going on|since) {gap2}(?:[4-9]|[1-9]\d|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many) ?(?:hours|hrs|h)`,
		`(?:[4-9]|[1-9]\d|four|five|six|seven|eight|nine|ten|twelve|several|many) ?-?(?:hours?|hrs?) (?:long )?(?:erection|hard ?-?on|boner)`,
		`(?:erection|hard ?-?on|boner)s? {gap2}(?:lasting|lasts|lasted|that lasts) {gap3}(?:hours|hrs)`,
	}},
	{name: "pain", any: []string{
		`(?:pain\w*|hurts|hurting|ache\w*|aching|sore|soreness|burn(?:s|ing)?|sting\w*|itch\w*|throb\w*|cramp\w*|discomfort) ` +
			`(?:during|after|when|while|with|in|on|from|around|at|inside|near|down|before|following|of|through|every time|each time|whenever|if|whilst) {gap3}(?:` + sexAct + `|` + bodyPart + `)`,
		`(?:it|that|this) (?:really |always |still |kind of |kinda |sometimes |usually )?(?:hurt|hurts|hurting|burns|burned|stings|stung|aches) ` +
			`(?:during|after|when|while|with|in|on|every time|each time|whenever|if) {gap3}(?:` + sexAct + `|` + bodyPart + `)`,
		bodyPart + ` {gap2}(?:hurts?|hurting|is sore|sore|burns|burning|aches|aching|itch\w*|sting\w*|is swollen|throb\w*|painful|is painful|pain|is tender|feels raw)`,
		`(?:sex|intercourse|penetration|ejaculation|ejaculating|orgasms?|orgasming|cumming|peeing|urinating|urination|masturbating|insertion|foreplay|erections?) ` +
			`{gap2}(?:hurts|hurt (?:me|so|a lot|badly|like hell)|is painful|are painful|was painful|painful|burns|stings|aches)`,
		`(?:severe|sharp|stabbing|shooting|burning|chronic|constant|intense|terrible|excruciating|unbearable|pelvic|genital|vaginal|testicular|vulvar|penile|rectal|abdominal|nerve) (?:\S+ )?(?:pain|ache|cramps?)`,
		`(?:i'?m|im|i am) in (?:so much |a lot of )?pain`, `(?:have|having|had|feel|felt|experiencing|experience|get|getting) (?:\S+ )?pain`,
		`(?:feels?|felt|feeling) (?:\S+ )?like (?:it'?s |i'?m |something'?s )?(?:tearing|ripping|being torn|being ripped|burning|knives|broken glass|glass|sandpaper|razors?|razor blades|needles|stabbing)` +
			` {gap4}(?:` + sexAct + `|` + bodyPart + `|inside)`,
		`(?:` + sexAct + `|` + bodyPart + `) {gap3}(?:feels?|felt|is) (?:\S+ )?like (?:it'?s |i'?m )?(?:tearing|ripping|being torn|burning|knives|glass|sandpaper|razors?|needles|stabbing)`,
		`(?:burns|hurts|stings) to (?:pee|urinate|sit|wipe)`,
		`(?:itchy|itching|burning|stinging|sore|raw|swollen|irritated|inflamed|numb|bruised) {gap2}` + bodyPart,
		`dyspareunia`, `vulvodynia`, `vestibulodynia`, `painful (?:sex|intercourse|erection\w*|ejaculat\w*|orgasm\w*|urination|periods?|penetration)`,
	}},
	{
		// pain anywhere in a message about sex or the body: "what positions
		// help with pain?"
		name: "pain-and-sex",
		any:  []string{`pain|painful|sore|soreness|aching|stinging|burning sensation`},
		and:  [][]string{{sexAct, bodyPart, `positions?`, `lubricants?`, `dryness`}},
	},
	{name: "bleeding", any: []string{
		`bleed\w*`, `bled`, `blood\w*`, `spotting`, `ha?emorrhag\w*`,
	}},
	{name: "discharge", any: []string{
		`discharge`, `fishy`, `(?:smells?|smelly|odou?r) (?:\S+ )?(?:bad|fishy|weird|funny|off|strong|different|down there|foul|rotten)`,
		bodyPart + ` {gap2}(?:smells?|smelly|odou?r)`, `(?:yellow|green|grey|gray|brown|cloudy|frothy|clumpy|cottage cheese) (?:\S+ )?(?:fluid|stuff|discharge)`,
	}},
	{name: "lumps", any: []string{
		`lumps?`, `blisters?`, `warts?`, `rash(?:es)?`, `lesions?`, `ulcers?`, `swollen`, `swelling`, `cysts?`,
		`(?:bumps?|sores?|spots?|cuts?|tears?|tear|redness|pimples?|growths?|scabs?|patches|marks?) {gap3}(?:on|in|around|near|inside) {gap2}` + bodyPart,
		`numb(?:ness)? {gap3}` + bodyPart, `peyronie\w*`, `(?:bent|curved|curve|bend|bends|curves) (?:\S+ )?(?:penis|erection|dick|shaft)`, `(?:penis|erection|dick|shaft) {gap2}(?:bent|curved|curves|bends)`,
		`prolapse\w*`, `incontinen\w*`, `(?:leak|leaks|leaking|leaked) (?:urine|pee|when)`, `lichen \w+`, `endometriosis`, `adenomyosis`, `fibroids?`, `pcos`, `(?:lost|losing|no|loss of) (?:\S+ )?(?:sensation|feeling) (?:in|down)`, `tingling`,
	}},
	{name: "sti", any: []string{
		`stds?`, `stis?`, `std'?s`, `sti'?s`, `herpes`, `hpv`, `chlamydia`, `gonorrh\w*`, `syphilis`, `hiv`, `trichomon\w*`,
		`crabs`, `pubic lice`, `yeast infection\w*`, `utis?`, `urinary tract infection\w*`, `bacterial vaginosis`, `bv`, `thrush`,
		`infection\w*`, `infected`, `(?:get|got|getting) tested`, `tested positive`, `testing positive`, `positive for`, `sexually transmitted`,
		`condom (?:broke|broken|split|slipped|came off|tore|ripped|fell off)`, `unprotected (?:sex|oral|anal)`, `(?:on|start|starting|take|taking|get|getting) (?:prep|pep)(?:\W*$| for| and| but| because| since| after| now)`,
		`(?:sores?|bumps?|blisters?|spots?) (?:after|since|from) (?:sex|oral|hooking up)`, `exposed to (?:hiv|an? st[di]|herpes|chlamydia|gonorrh\w*|syphilis)`,
	}},
	{name: "medication", any: []string{
		`viagra`, `cialis`, `levitra`, `sildenafil`, `tadalafil`, `vardenafil`, `avanafil`, `stendra`, `addyi`, `flibanserin`,
		`vyleesi`, `bremelanotide`, `testosterone`, `estrogen`, `oestrogen`, `progesterone`, `hormones?`, `hrt`, `trt`,
		`ssris?`, `snris?`, `anti ?-?depressants?`, `prozac`, `zoloft`, `lexapro`, `paxil`, `wellbutrin`, `bupropion`,
		`sertraline`, `fluoxetine`, `citalopram`, `escitalopram`, `paroxetine`, `finasteride`, `propecia`,
		`birth control`, `contracepti\w*`, `the pill`, `morning ?-?after pill`, `plan b`, `iud`,
		`doses?`, `dosage`, `dosing`, `\d+ ?mg`, `milligrams?`, `prescri\w*`, `medications?`, `medicines?`, `meds`,
		`pills?`, `tablets?`, `side ?-?effects?`, `drug interactions?`, `poppers`, `nitrates?`, `nitroglycerin`,
		`(?:mix|mixing|combine|combining) (?:\S+ )?with (?:alcohol|drinking|weed|cannabis|poppers)`,
		`blood pressure`, `beta ?-?blockers?`, `statins?`, `antihistamines?`, `adderall`, `ritalin`, `vyvanse`, `lithium`, `gabapentin`, `lyrica`,
		`spironolactone`, `accutane`, `isotretinoin`, `tamoxifen`, `letrozole`, `anastrozole`, `metformin`, `insulin`, `ozempic`, `wegovy`, `semaglutide`, `mounjaro`,
		`supplements`, `(?:a|any|this|these|the|herbal|natural|dietary|libido|testosterone) supplement`, `yohimbin\w*`, `horny goat weed`,
		`chemo\w*`, `radiotherapy`, `radiation (?:therapy|treatment)`, `prostatectomy`, `hysterectomy`, `vasectomy`, `mastectomy`, `oophorectomy`,
		`(?:had|having|after|since|recovering from|before) (?:my |his |her |a |the )?(?:\S+ )?surgery`,
	}},
	{name: "pregnancy", any: []string{
		`pregnan\w*`, `missed (?:my )?period`, `late period`, `period is late`, `miscarr\w*`, `abortion`,
	}},
	{
		// after childbirth or around menopause, with a sign: "6 weeks
		// postpartum and sex feels like tearing", "menopause and hot
		// flashes". The stage alone is a question about function.
		name: "postpartum-menopause",
		any: []string{
			`post ?-?partum`, `post ?-?natal`, `pp`, `episiotomy`, `c ?-?section`, `(?:gave|giving) birth`, `childbirth`, `(?:my|the) (?:delivery|birth|labou?r)`,
			`(?:since|after) (?:having )?(?:the|my|our|a) (?:baby|son|daughter|twins|kid)`, `(?:after|since|from) (?:birth|delivery|labou?r)`, `(?:weeks|months) (?:after|since) (?:birth|delivery|the baby)`, `breast ?-?feeding`, `nursing`,
			`(?:peri|post) ?-?menopaus\w*`, `menopaus\w*`, `perimenopaus\w*`, `(?:my )?periods? (?:stopped|ending|ended|are irregular|became irregular)`,
		},
		and: [][]string{{
			`pain`, `pains`, `painful`, `hurts`, `hurting`, `it hurt`, `sore\w*`, `tearing`, `torn (?:stitches|perineum|skin|muscles?)`, `(?:a|my|the|\w+ degree|perineal|vaginal) tear`, `ripping`, `ripped`,
			`stitch\w*`, `scars?`, `scarring`, `scar tissue`, `bleed\w*`, `blood\w*`, `spotting`, `dryness`,
			`dry (?:down there|vagina|during|when|inside|all the time)`,
			`(?:i'?m|im|i am|i get|i feel|she'?s|she gets|she is|always|get|gets|getting|feel|feels|vagina is|vulva is) (?:so |very |really |too |super |always )?dry`,
			`burns`, `burning`, `itch\w*`, `sting\w*`, `hot (?:flash|flush)\w*`, `night sweats`, `sweat\w*`, `leak\w*`, `incontinen\w*`, `numb\w*`, `loose`,
			`(?:not|haven'?t|hasn'?t|never|didn'?t|isn'?t|fully|properly) (?:\S+ )?healed`, `atrophy`, `thinning`, `thin (?:skin|walls|tissue)`, `symptoms?`, `discomfort`,
		}},
	},
	{name: "dryness", any: []string{
		`hot (?:flash|flush)\w*`, `night sweats`, `(?:vaginal|vulvar|vulval|genital) (?:dryness|atrophy|dry)`, `dryness`, `atrophic \w+`, `genitourinary syndrome`,
		`(?:` + bodyPart + `) {gap2}(?:is |feels |gets |get |are |always )?(?:so |very |really |too |super |extremely )?dry`,
		`(?:i'?m|im|i am|i get|i got|i feel|she'?s|she gets|she is|always|so|very|too|really|super|extremely|stay|stays|staying|gets|getting|feel|feels) dry (?:during|when|down|after|before|even when|every time)`,
		`dry (?:down there|vagina|vulva|sex|intercourse|penetration)`,
	}},
	{name: "see-a-doctor", any: []string{
		`(?:my|his|her|their|these|those|the same|having|have|has|with|experiencing|any|weird|strange|new) symptoms?`, `fever`, `emergency room`, `urgent care`,
		`(?:should|do|must|need to) (?:i|we|he|she) (?:go to|see|call|visit) (?:a |the |my |an )?(?:doctor|gp|er|hospital|urgent care|urologist|gyn\w*|obgyn|physician|nurse)`,
		`(?:is|is this|is it|could it be|could this be) (?:an? )?(?:emergency|medical emergency)`,
		`injur(?:y|ed|ies)`, `(?:broke|broken|fractured?) (?:my |his )?penis`, `penile fracture`,
		`(?:tore|torn|tear|ripped) (?:my |her |his )?(?:frenulum|foreskin|vagina|skin down there)`,
		`(?:tearing|tore|torn|ripping|splitting|fissures?) (?:during|after|when|while|from) {gap3}(?:` + sexAct + `|` + bodyPart + `)`,
	}},
}
