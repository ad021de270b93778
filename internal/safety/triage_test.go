package safety_test

import (
	"testing"

	"github.com/faqbot/faqbot/internal/safety"
	"github.com/faqbot/faqbot/internal/textnorm"
)

// triageCase is one message and the category it must get. Messages go
// through textnorm.Clean first, as the engine does.
type triageCase struct {
	text   string
	want   safety.Category
	urgent bool
}

// crisisCases: suicide and self-harm, as people write them. Recall here
// matters more than anything else in the package.
var crisisCases = []triageCase{
	{text: "I feel like ending it all", want: safety.Crisis},
	{text: "I want to kill myself", want: safety.Crisis},
	{text: "i wanna die", want: safety.Crisis},
	{text: "I just want to die", want: safety.Crisis},
	{text: "I'm suicidal", want: safety.Crisis},
	{text: "been having suicidal thoughts lately", want: safety.Crisis},
	{text: "thinking about suicide", want: safety.Crisis},
	{text: "sucide", want: safety.Crisis},
	{text: "suicde thoughts", want: safety.Crisis},
	{text: "i keep thinking about suiside", want: safety.Crisis},
	{text: "kms", want: safety.Crisis},
	{text: "honestly might just kms", want: safety.Crisis},
	{text: "i'm gonna kys", want: safety.Crisis},
	{text: "i should just kys tbh", want: safety.Crisis},
	{text: "I want to unalive myself", want: safety.Crisis},
	{text: "thinking of sewerslide", want: safety.Crisis},
	{text: "sewer slide", want: safety.Crisis},
	{text: "I don't want to be here anymore", want: safety.Crisis},
	{text: "i do not want to be alive", want: safety.Crisis},
	{text: "not want to be here anymore", want: safety.Crisis},
	{text: "everyone would be better off without me", want: safety.Crisis},
	{text: "I'd be better off dead", want: safety.Crisis},
	{text: "there's no reason to live", want: safety.Crisis},
	{text: "I have nothing to live for", want: safety.Crisis},
	{text: "life isn't worth living", want: safety.Crisis},
	{text: "I can't go on like this", want: safety.Crisis},
	{text: "I can't take it anymore", want: safety.Crisis},
	{text: "I hurt myself last night", want: safety.Crisis},
	{text: "I've been cutting myself", want: safety.Crisis},
	{text: "started cutting again", want: safety.Crisis},
	{text: "self harm", want: safety.Crisis},
	{text: "I self-harm when I feel rejected", want: safety.Crisis},
	{text: "thinking of od on my pills", want: safety.Crisis},
	{text: "I took all my pills", want: safety.Crisis},
	{text: "I've been stockpiling my meds", want: safety.Crisis},
	{text: "overdose", want: safety.Crisis},
	{text: "ihavebeenhurtingmyselfagain", want: safety.Crisis},
	{text: "noreasontoliveanymore", want: safety.Crisis},
	{text: "I want to end my life", want: safety.Crisis},
	{text: "planning to take my own life", want: safety.Crisis},
	{text: "wish I was dead", want: safety.Crisis},
	{text: "i wish i had never been born", want: safety.Crisis},
	{text: "I hope I don't wake up tomorrow", want: safety.Crisis},
	{text: "someone please kill me", want: safety.Crisis},
	{text: "i'm thinking of jumping off a bridge", want: safety.Crisis},
	// third person and staff phrasing
	{text: "a caller says she wants to kill herself", want: safety.Crisis},
	{text: "my client is suicidal, what do I do", want: safety.Crisis},
	{text: "my friend said he wants to end it all", want: safety.Crisis},
	{text: "A client disclosed self-harm in the session", want: safety.Crisis},
	// a partner who threatens self-harm to stop someone leaving is coercive
	// control: the abuse handoff, with the crisis lines attached (it was a
	// crisis handoff before the concept layer)
	{text: "he threatened to kill himself if I leave", want: safety.Abuse},
	{text: "my partner hurts herself when we fight", want: safety.Crisis},
	// disguises: spacing, dots, zero-width, full width, leetspeak, stretching, capitals
	{text: "k i l l  m y s e l f", want: safety.Crisis},
	{text: "i want to k i l l m y s e l f", want: safety.Crisis},
	{text: "s.u.i.c.i.d.e", want: safety.Crisis},
	{text: "su\u200bi\u200bcide", want: safety.Crisis},
	{text: "kill\u200b myself", want: safety.Crisis},
	{text: "ｋｉｌｌ ｍｙｓｅｌｆ", want: safety.Crisis},
	{text: "I want to k1ll mys3lf", want: safety.Crisis},
	{text: "$uicide", want: safety.Crisis},
	{text: "SUICIDE", want: safety.Crisis},
	{text: "I WANT TO DIE", want: safety.Crisis},
	{text: "i want to diiiiie", want: safety.Crisis},
	{text: "killlll myselffff", want: safety.Crisis},
	{text: "wanna killmyself", want: safety.Crisis},
	{text: "kill my self", want: safety.Crisis},
	{text: "ѕuісіdе", want: safety.Crisis},
	{text: "t h i s i s m y l a s t m e s s a g e i w a n t t o k i l l m y s e l f t o n i g h t b e c a u s e n o b o d y c a r e s", want: safety.Crisis},
	// more ways people say it
	{text: "i dont wanna be alive anymore", want: safety.Crisis},
	{text: "I'm going to end it tonight", want: safety.Crisis},
	{text: "tired of living", want: safety.Crisis},
	{text: "i feel like a burden to everyone", want: safety.Crisis},
	{text: "nobody would care if i died", want: safety.Crisis},
	{text: "everyone would be happier if i was gone", want: safety.Crisis},
	{text: "how many pills does it take to die", want: safety.Crisis},
	{text: "what's the most painless way to die", want: safety.Crisis},
	{text: "I'm not safe right now", want: safety.Crisis},
	{text: "my wrists are covered in cuts", want: safety.Crisis},
	{text: "i'm done with life", want: safety.Crisis},
	{text: "I don't see the point in living", want: safety.Crisis},
	{text: "I'm going to jump", want: safety.Crisis},
	{text: "I wish I could sleep forever", want: safety.Crisis},
	{text: "thinking about ending things", want: safety.Crisis},
	{text: "i cant do this anymore", want: safety.Crisis},
	{text: "i'm at the end of my rope", want: safety.Crisis},
	{text: "i have the pills ready", want: safety.Crisis},
	{text: "i've written my goodbye letter to my family", want: safety.Crisis},
	{text: "my daughter said she wants to die", want: safety.Crisis},
	{text: "my client mentioned wanting to end her life", want: safety.Crisis},
	{text: "I want it all to end", want: safety.Crisis},
	{text: "gonna off myself", want: safety.Crisis},
	{text: "what's the point anymore", want: safety.Crisis},
	{text: "my husband said he'll kill himself if I leave", want: safety.Abuse},
	{text: "i'm going to hang myself", want: safety.Crisis},
	{text: "i want to stop existing", want: safety.Crisis},
}

// abuseCases: sexual assault, abuse, coercion, partner violence, image abuse,
// a minor with an adult; first person, third person and staff phrasing.
var abuseCases = []triageCase{
	{text: "I was sexually abused", want: safety.Abuse},
	{text: "I was raped", want: safety.Abuse},
	{text: "my friend was raped", want: safety.Abuse},
	{text: "he raped me last year", want: safety.Abuse},
	{text: "mystepdadmolestedme", want: safety.Abuse},
	{text: "I think it was date rape", want: safety.Abuse},
	{text: "a client disclosed abuse", want: safety.Abuse},
	{text: "a caller says her husband abuses her", want: safety.Abuse},
	{text: "I was molested as a child", want: safety.Abuse},
	{text: "my uncle touched me when I was little", want: safety.Abuse},
	{text: "I was sexually assaulted at a party", want: safety.Abuse},
	{text: "I got assaulted", want: safety.Abuse},
	{text: "my boyfriend forced me to have sex", want: safety.Abuse},
	{text: "I was forced into sex", want: safety.Abuse},
	{text: "my partner pressures me into sex", want: safety.Abuse},
	{text: "he keeps pressuring me for nudes", want: safety.Abuse},
	{text: "she guilted me into sex", want: safety.Abuse},
	{text: "I said no but he kept going", want: safety.Abuse},
	{text: "he doesn't stop when I say no", want: safety.Abuse},
	{text: "he had sex with me without my consent", want: safety.Abuse},
	{text: "I was too drunk to consent", want: safety.Abuse},
	{text: "I think I was roofied", want: safety.Abuse},
	{text: "I was coerced into it", want: safety.Abuse},
	{text: "my husband uses coercive control", want: safety.Abuse},
	{text: "my husband hits me", want: safety.Abuse},
	{text: "my boyfriend choked me", want: safety.Abuse},
	{text: "my partner threatened to hurt me", want: safety.Abuse},
	{text: "I'm scared of my husband", want: safety.Abuse},
	{text: "is this domestic violence?", want: safety.Abuse},
	{text: "I'm in an abusive relationship", want: safety.Abuse},
	{text: "he took the condom off without telling me", want: safety.Abuse},
	// a question about the law on it is about the subject: its answer, with
	// the abuse resources attached (an abuse handoff before the concept layer)
	{text: "is stealthing illegal", want: safety.None},
	{text: "my ex posted my nudes", want: safety.Abuse},
	{text: "revenge porn", want: safety.Abuse},
	{text: "someone is threatening to share my pics", want: safety.Abuse},
	{text: "I'm 15 and my 25 year old boyfriend wants sex", want: safety.Abuse},
	{text: "I'm 14 and my teacher keeps sending me sexual messages", want: safety.Abuse},
	{text: "my 16 year old daughter is dating a 30 year old", want: safety.Abuse},
	{text: "an adult having sex with a minor", want: safety.Abuse},
	{text: "my therapist touched me inappropriately", want: safety.Abuse},
	{text: "my old therapist had sex with me", want: safety.Abuse},
	{text: "I'm being sexually harassed at work", want: safety.Abuse},
	{text: "my ex is stalking me", want: safety.Abuse},
	{text: "r@pe", want: safety.Abuse},
	{text: "i was r a p e d", want: safety.Abuse},
	// a question about therapy keeps its answer, with the abuse resources
	// attached (TestAttach); it was an abuse handoff before the concept layer
	{text: "Can sex therapy help survivors of abuse?", want: safety.None},
	{text: "is it abuse if my therapist forced me to have sex", want: safety.Abuse},
	{text: "do you think my therapist was abusive", want: safety.Abuse},
	{text: "my therapist pressured me into sex", want: safety.Abuse},
	{text: "I was trafficked", want: safety.Abuse},
	{text: "he made me do things I didn't want to", want: safety.Abuse},
	{text: "my husband forces himself on me", want: safety.Abuse},
	{text: "i woke up and he was having sex with me", want: safety.Abuse},
	{text: "my boyfriend won't take no for an answer", want: safety.Abuse},
	{text: "my stepdad abused me", want: safety.Abuse},
	{text: "I was groomed as a teen", want: safety.Abuse},
	{text: "my partner won't let me see my friends and checks my phone", want: safety.Abuse},
	{text: "he threatens to leave if I don't have sex", want: safety.Abuse},
	{text: "someone recorded us without my consent", want: safety.Abuse},
	{text: "I'm 13 and dating a 19 year old", want: safety.Abuse},
	{text: "marital rape", want: safety.Abuse},
	{text: "he slapped me", want: safety.Abuse},
	{text: "a client says her partner beats her", want: safety.Abuse},
	{text: "I feel pressured to have sex more often", want: safety.Abuse}, // pressure into sex is coercion
	{text: "can sex therapy help after sexual assault", want: safety.None},
}

// medicalCases: a doctor's questions. The urgent ones are an erection that
// will not go down.
var medicalCases = []triageCase{
	{text: "I have severe pain during intercourse", want: safety.Medical},
	{text: "it hurts when we have sex", want: safety.Medical},
	// asking for medical help, or which doctor (real questions of these
	// kinds are in the shared dev split; these are our own words)
	{text: "my husband needs medical help for his erections", want: safety.Medical},
	{text: "what kind of doctor should men see for erection problems", want: safety.Medical},
	{text: "sex is painful for me", want: safety.Medical},
	{text: "burning when I pee after sex", want: safety.Medical},
	{text: "my vagina hurts", want: safety.Medical},
	{text: "pain in my testicles", want: safety.Medical},
	{text: "bleeding after sex", want: safety.Medical},
	{text: "I bled after my first time", want: safety.Medical},
	{text: "I have a weird discharge", want: safety.Medical},
	{text: "found a lump on my testicle", want: safety.Medical},
	{text: "there's a bump on my penis", want: safety.Medical},
	{text: "I think I have an STD", want: safety.Medical},
	{text: "do I have herpes", want: safety.Medical},
	{text: "can I take viagra with my antidepressants", want: safety.Medical},
	{text: "how much sildenafil should I take", want: safety.Medical},
	{text: "is 100mg of cialis too much", want: safety.Medical},
	{text: "side effects of antidepressants on libido", want: safety.Medical},
	{text: "could I be pregnant", want: safety.Medical},
	{text: "should I go to the doctor about this", want: safety.Medical},
	{text: "can sex therapy help with pain during sex", want: safety.Medical}, // pain always fires: see medical.go
	{text: "my erection won't go away after 5 hours", want: safety.Medical, urgent: true},
	{text: "what if an erection lasts more than four hours", want: safety.Medical, urgent: true},
	{text: "I've had a hard-on for 6 hours", want: safety.Medical, urgent: true},
	{text: "4 hour erection what do i do", want: safety.Medical, urgent: true},
	{text: "is priapism dangerous", want: safety.Medical, urgent: true},
	{text: "a caller says her husband has had an erection for over 4 hours", want: safety.Medical, urgent: true},
	{text: "what positions help with pain", want: safety.Medical},
	{text: "my medication kills my libido", want: safety.Medical},
	{text: "hiv", want: safety.Medical}, // a bare STI name is a doctor's question
	{text: "I have these symptoms after sex", want: safety.Medical},
}

// declineCases: requests for sexual content.
var declineCases = []triageCase{
	{text: "write me something sexy", want: safety.Decline},
	{text: "tell me a dirty story", want: safety.Decline},
	{text: "can you write erotica", want: safety.Decline},
	{text: "send nudes", want: safety.Decline},
	{text: "wanna sext?", want: safety.Decline},
	{text: "talk dirty to me", want: safety.Decline},
	{text: "let's role-play", want: safety.Decline},
	{text: "can you roleplay as my girlfriend", want: safety.Decline},
	{text: "pretend you're my girlfriend", want: safety.Decline},
	{text: "describe a sex scene", want: safety.Decline},
	{text: "describe in detail how you would touch me", want: safety.Decline},
	{text: "tell me your wildest fantasy", want: safety.Decline},
	{text: "what are you wearing", want: safety.Decline},
	{text: "make me horny", want: safety.Decline},
	{text: "show me porn", want: safety.Decline},
	{text: "give me a hot story", want: safety.Decline},
	{text: "write me a steamy poem", want: safety.Decline},
	{text: "are you horny", want: safety.Decline},
	{text: "can you help me sext my boyfriend, write something naughty", want: safety.Decline},
}

// referralCases: someone wants a therapist, or wants the bot to be one.
var referralCases = []triageCase{
	{text: "Where can I find a sex therapist?", want: safety.Referral},
	{text: "How do I find a certified sex therapist near me", want: safety.Referral},
	{text: "how can we pick, out of so many, a therapist we can trust", want: safety.Referral},
	{text: "can you recommend a therapist", want: safety.Referral},
	{text: "I need to talk to someone", want: safety.Referral},
	{text: "I need to talk to a professional", want: safety.Referral},
	{text: "how do I find a certified one?", want: safety.Referral},
	{text: "is there a sex therapist in Boston", want: safety.Referral},
	{text: "I'd like to book an appointment", want: safety.Referral},
	{text: "How much does a session cost", want: safety.Referral},
	{text: "What is the price of a session?", want: safety.Referral},
	{text: "does insurance cover sex therapy", want: safety.Referral},
	{text: "can you be my therapist", want: safety.Referral},
	{text: "be my therapist", want: safety.Referral},
	{text: "diagnose me", want: safety.Referral},
	{text: "what's wrong with me", want: safety.Referral},
	{text: "can you counsel me", want: safety.Referral},
	{text: "I need advice about my marriage", want: safety.Referral},
	{text: "a caller asks how to get a referral to a sex therapist", want: safety.Referral},
	{text: "looking for a good sexologist", want: safety.Referral},
	{text: "I want to see a therapist", want: safety.Referral},
	{text: "I need help", want: safety.Referral},
	{text: "I need help with my sex life", want: safety.Referral},
	{text: "do you know a good sex therapist in London", want: safety.Referral},
	{text: "can I talk to a human", want: safety.Referral},
	{text: "can you help me with my marriage", want: safety.Referral},
	{text: "please help save my marriage", want: safety.Referral},
	{text: "we need help with our relationship", want: safety.Referral},
	{text: "how do I choose a therapist", want: safety.Referral},
	{text: "is sex therapy covered by insurance?", want: safety.Referral},
	{text: "what are your rates", want: safety.Referral},
	{text: "when can i see a therapist", want: safety.Referral},
	{text: "if possible can i see a therapist this week", want: safety.Referral},
}

// noneCases: near misses. Each uses words the rules look for, in a way that
// needs nothing from safety: idioms, and questions about therapy worded like
// the clinic's own pages.
var noneCases = []triageCase{
	// why, when or what for people see a sex therapist: a question about
	// therapy, not a request for one (issue 10, referral precision)
	{text: "can sex therapy help our relationship overall, not just the bedroom?"},
	{text: "will sex therapy save my marriage?"},
	{text: "Why should you see a sex therapist?", want: safety.None},
	{text: "When is it time to see a sex therapist?", want: safety.None},
	{text: "What can you see a sex therapist for?", want: safety.None},
	{text: "when should someone see a sex therapist", want: safety.None},
	{text: "what are the signs a couple needs a sex therapist", want: safety.None},
	{text: "can trans people see a sex therapist here?", want: safety.None},
	{text: "a caller asks whether single people can see a sex therapist", want: safety.None},
	{text: "what would we get out of seeing a sex therapist", want: safety.None},
	{text: "does sex therapy have a good success rate", want: safety.None},
	// a price word at the start of a longer word is no price ("fee" in "feel")
	{text: "will we feel closer after therapy", want: safety.None},
	// committing to something is no suicide word
	{text: "how many sessions would I need to commit to", want: safety.None},
	// what being one means is no wish for the bot to be one
	{text: "what does it take to be a sex therapist", want: safety.None},
	// idioms
	{text: "I'm dying to know what happens in a session", want: safety.None},
	{text: "my therapist is killing it", want: safety.None},
	{text: "this question is killing me lol", want: safety.None},
	{text: "I could die of embarrassment", want: safety.None},
	{text: "drop dead gorgeous", want: safety.None},
	{text: "to kill time", want: safety.None},
	{text: "that joke slayed", want: safety.None},
	{text: "I'd cut myself some slack", want: safety.None},
	{text: "I shot myself in the foot by lying", want: safety.None},
	{text: "we are cutting back on screen time", want: safety.None},
	{text: "the clinic is 5 kms away", want: safety.None},
	{text: "I don't want to go on a date", want: safety.None},
	{text: "I can't go on a trip this month", want: safety.None},
	{text: "I'm going to die of embarrassment", want: safety.None},
	// questions about therapy, in the clinic's words
	{text: "Is sex therapy judgmental or coercive?", want: safety.None},
	{text: "Does sex therapy replace medical treatment?", want: safety.None},
	{text: "Does sex therapy replace medical interventions?", want: safety.None},
	{text: "Do therapists collaborate with medical professionals?", want: safety.None},
	{text: "Is sex therapy a form of entertainment?", want: safety.None},
	{text: "Is it explicit performance?", want: safety.None},
	{text: "Do therapists engage in physical contact or sexual activities with clients?", want: safety.None},
	{text: "Is the therapist going to have physical contact with me?", want: safety.None},
	{text: "Do sex therapists see individuals or only couples?", want: safety.None},
	{text: "What does a sex therapist do?", want: safety.None},
	{text: "what do sex therapists do", want: safety.None},
	{text: "What training does a sex therapist have?", want: safety.None},
	{text: "Is sex therapy confidential?", want: safety.None},
	{text: "Can sex therapy help with low desire?", want: safety.None},
	{text: "Does sex therapy address sexual function?", want: safety.None},
	{text: "Which organization set professional standards?", want: safety.None},
	{text: "Which organization set professional standards for sex therapy?", want: safety.None},
	{text: "what is sex therapy", want: safety.None},
	{text: "Tell me what sex therapy is", want: safety.None},
	{text: "a caller asks whether couples can come together", want: safety.None},
	{text: "is it safe to talk about my fantasies in therapy?", want: safety.None},
	{text: "Is sex therapy a replacement for seeing a doctor?", want: safety.None},
	{text: "Is the therapist going to touch me", want: safety.None},
	{text: "Will the therapist force me to talk about sex?", want: safety.None},
	{text: "Is the therapist going to pressure me to have sex?", want: safety.None},
	{text: "can therapy be coercive", want: safety.None},
	{text: "Is sex therapy abusive?", want: safety.None},
	{text: "is sex therapy about sexual techniques?", want: safety.None},
	{text: "Does sex therapy focus only on sexual techniques?", want: safety.None},
	{text: "does therapy talk about fantasies?", want: safety.None},
	{text: "Is sex therapy a means to fulfill personal fantasies?", want: safety.None},
	{text: "What can I expect during a sex therapy session?", want: safety.None},
	{text: "How did sex therapy begin?", want: safety.None},
	{text: "Which therapy models are integrated in sex therapy?", want: safety.None},
	{text: "are you a therapist?", want: safety.None},
	{text: "are you a real person", want: safety.None},
	// sexual function is what therapy addresses: answered, not handed off (see medical.go)
	{text: "Can sex therapy help with erectile dysfunction?", want: safety.None},
	{text: "can therapy help with premature ejaculation", want: safety.None},
	{text: "my partner doesn't want to have sex with me", want: safety.None},
	{text: "how can my partner make me orgasm", want: safety.None},
	{text: "I feel hurt when he refuses sex", want: safety.None},
	{text: "I'm uncomfortable talking about sex", want: safety.None},
	{text: "Can sex therapy help with porn addiction?", want: safety.None},
	{text: "is it normal to be horny all the time", want: safety.None},
	{text: "how do I share my fantasies with my partner", want: safety.None},
	{text: "we have a minor problem with communication", want: safety.None},
	{text: "can sex therapy help with substance abuse issues", want: safety.None},
	{text: "What time is it in Tokyo?", want: safety.None},
	{text: "*** ??? !!!", want: safety.None},
	{text: "", want: safety.None},
	{text: "the therapist was great", want: safety.None},
	// everyday sex-therapy questions
	{text: "how long should sex last", want: safety.None},
	{text: "is it normal to not want sex", want: safety.None},
	{text: "we haven't had sex in a year", want: safety.None},
	{text: "how do I talk to my partner about sex", want: safety.None},
	{text: "my partner cheated on me", want: safety.None},
	{text: "I have anxiety about sex", want: safety.None},
	{text: "can sex therapy help with trauma", want: safety.None},
	{text: "can therapy help with vaginismus", want: safety.None},
	{text: "I can't orgasm", want: safety.None},
	{text: "how do I say no to sex without hurting him", want: safety.None},
	{text: "is kink normal", want: safety.None},
	{text: "my girlfriend is much older than me", want: safety.None},
	{text: "the session felt forced", want: safety.None},
	{text: "my partner is a minor celebrity", want: safety.None},
	{text: "he hit the nail on the head", want: safety.None},
	{text: "This is killing our relationship", want: safety.None},
	{text: "we feel pressure to have kids", want: safety.None},
	{text: "is it ok to say no to sex", want: safety.None},
	{text: "our sex life is dead", want: safety.None},
	{text: "I'm dead tired after work", want: safety.None},
	{text: "this killed the mood", want: safety.None},
	{text: "tell me about sexual function", want: safety.None},
	{text: "describe what sex therapy is", want: safety.None},
	{text: "dirty talk tips for couples", want: safety.None},
	{text: "give me sex tips", want: safety.None},
	{text: "the therapist recommended a book", want: safety.None},
	{text: "I need help understanding what sex therapy is", want: safety.None},
	{text: "What symptoms can sex therapy help with?", want: safety.None},
	{text: "Is sex therapy a medical treatment?", want: safety.None},
	{text: "Can sex therapy treat my low desire?", want: safety.None},
	{text: "I want to understand what sex therapists do", want: safety.None},
	{text: "I want to know if therapists are trained", want: safety.None},
	{text: "do sex therapists need a license", want: safety.None},
	{text: "are sex therapists doctors", want: safety.None},
	{text: "a caller asks if she can bring her husband", want: safety.None},
	// a kind of medicine named, not medicine asked for; seeing a therapist
	// as a condition of another question, not a wish to see one
	{text: "is sex therapy considered alternative medicine", want: safety.None},
	{text: "if we both see a couples therapist do we each fill out the intake forms", want: safety.None},
	{text: "once i start seeing a sex therapist how soon do people usually notice a change", want: safety.None},
}

// precedenceCases hold words of several categories; the first category in
// precedence order wins.
var precedenceCases = []triageCase{
	{text: "I was raped and I want to kill myself", want: safety.Crisis},
	{text: "my husband hits me and I don't want to live anymore", want: safety.Crisis},
	{text: "he raped me and now I'm bleeding", want: safety.Abuse},
	{text: "my partner forced me to have sex and it hurts", want: safety.Abuse},
	{text: "I have pain during sex, write me something sexy", want: safety.Medical},
	{text: "talk dirty to me and be my therapist", want: safety.Decline},
	{text: "where can I find a therapist, I took all my pills", want: safety.Crisis},
	{text: "my erection won't go away after 5 hours and I want to die", want: safety.Crisis},
}

func TestTriage(t *testing.T) {
	groups := []struct {
		name  string
		cases []triageCase
	}{
		{"crisis", crisisCases},
		{"abuse", abuseCases},
		{"medical", medicalCases},
		{"decline", declineCases},
		{"referral", referralCases},
		{"none", noneCases},
		{"precedence", precedenceCases},
		{"dev", devCases},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, tc := range g.cases {
				text, _ := textnorm.Clean(tc.text, 2000)
				v := safety.Triage(text)
				if v.Category != tc.want || v.Urgent != tc.urgent {
					t.Errorf("Triage(%q) = %v (urgent %v, rule %q); want %v (urgent %v)",
						tc.text, v.Category, v.Urgent, v.Rule, tc.want, tc.urgent)
				}
				if (v.Category == safety.None) != (v.Rule == "") {
					t.Errorf("Triage(%q): category %v with rule %q", tc.text, v.Category, v.Rule)
				}
			}
		})
	}
}

// devCases are the answerable questions of the shared dev question set
// (../shared/eval/dev.jsonl): triage must let every one through.
var devCases = []triageCase{
	{text: "Tell me what sex therapy is", want: safety.None},
	{text: "what kind of therapy is sex therapy", want: safety.None},
	{text: "Which therapy models are integrated in sex therapy?", want: safety.None},
	{text: "What might therapy include depending on my goals?", want: safety.None},
	{text: "good morning", want: safety.None},
	{text: "I was sexually abused", want: safety.Abuse},
	{text: "write me something sexy", want: safety.Decline},
}

// TestEveryRuleFires checks that each rule in the tables is what decides at
// least one case above or in family_test.go, with the category that case
// wants, so no rule goes untested (a rule that fires only on near misses
// does not count).
func TestEveryRuleFires(t *testing.T) {
	fired := map[string]bool{}
	for _, cases := range [][]triageCase{crisisCases, abuseCases, medicalCases, declineCases, referralCases, noneCases, precedenceCases, devCases, familyCases()} {
		for _, tc := range cases {
			text, _ := textnorm.Clean(tc.text, 2000)
			if v := safety.Triage(text); v.Category == tc.want {
				fired[v.Rule] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, name := range safety.RuleNames() {
		if seen[name] {
			t.Errorf("rule name %q is used twice", name)
		}
		seen[name] = true
		if !fired[name] {
			t.Errorf("rule %q decides no test case", name)
		}
	}
}

func TestTriageDeterministic(t *testing.T) {
	for _, tc := range crisisCases {
		if a, b := safety.Triage(tc.text), safety.Triage(tc.text); a != b {
			t.Errorf("Triage(%q) gave %+v, then %+v", tc.text, a, b)
		}
	}
}

func TestCategory(t *testing.T) {
	tests := []struct {
		c      safety.Category
		name   string
		kind   string
		reason string
	}{
		{safety.None, "none", "", ""},
		{safety.Crisis, "crisis", "handoff", "crisis"},
		{safety.Abuse, "abuse", "handoff", "abuse"},
		{safety.Medical, "medical", "handoff", "medical"},
		{safety.Decline, "decline", "decline", ""},
		{safety.Referral, "referral", "handoff", "referral"},
		{safety.Category(99), "unknown", "", ""},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.name {
			t.Errorf("Category(%d).String() = %q, want %q", tt.c, got, tt.name)
		}
		if got := string(tt.c.Kind()); got != tt.kind {
			t.Errorf("%v.Kind() = %q, want %q", tt.c, got, tt.kind)
		}
		if got := string(tt.c.Reason()); got != tt.reason {
			t.Errorf("%v.Reason() = %q, want %q", tt.c, got, tt.reason)
		}
	}
}

func TestVerdictString(t *testing.T) {
	for _, tt := range []struct {
		v    safety.Verdict
		want string
	}{
		{safety.Verdict{}, "none"},
		{safety.Verdict{Category: safety.Crisis, Rule: "kms"}, "crisis/kms"},
		{safety.Verdict{Category: safety.Medical, Urgent: true, Rule: "priapism"}, "medical/priapism (urgent)"},
	} {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.v, got, tt.want)
		}
	}
}
