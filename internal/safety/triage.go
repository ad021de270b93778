// Package safety triages a message before any search: does it need a
// crisis line, abuse support, a doctor, a polite no, or a therapist, rather
// than a quote from the clinic's pages? It also recognizes smalltalk
// ("hi", "thanks", "who are you") so that the engine does not search for it.
//
// Triage has two layers, both data a reviewer can read and change without
// reading Go (data/README.md):
//
//   - The concept layer (data/words.txt, concepts-*.txt, rules.txt) reads
//     the message word by word, spelt out ("im" is "i am", "dont" is "not",
//     "dying" is "die"), finds concepts in it (a wish, death, a means,
//     readiness, an agent, a harmful act, a target, pressure, control, an
//     age under 18, secrecy, intimate images ...) and fires on combinations
//     of them inside one sentence: "wish ~5 death", "agent ~4 harm-act ~3
//     target". Idioms ("dying to know", "she beats me at chess") are set
//     aside first, and a "not" or "never" just before a concept cancels it.
//   - The phrase layer (data/phrases-*.txt) holds regular expressions for
//     exact phrasings, slang and disguises ("kms", "s*icide", "sewer
//     slide"), and all the medical, decline and referral rules.
//
// The decision, in precedence order:
//
//  1. crisis: a clear sign of suicide or self-harm, from either layer;
//  2. abuse: a clear sign of abuse or assault, from either layer;
//  3. a crisis check-in: risk signals that are not a clear sign
//     (hopelessness, being a burden, feeling trapped, a farewell, thoughts
//     of death, a means with readiness). The reply is the crisis handoff
//     (988 and the other lines), worded as a check-in that says why the
//     bot asks. It is never an FAQ passage. Despair, shame and feeling
//     trapped rank below a sign of abuse (they are often the abuse
//     itself); the writer's own wish not to be here and a means looked at
//     (rules.txt's "check-in?+") rank above it, with the abuse lines
//     attached;
//  4. medical, decline, referral, from the phrase layer.
//
// Play, care or sport said so ("a pillow fight", "as a surprise", "in
// self-defence class") turns off the rules of holds and things taken, the
// net, and an abuse phrase rule no concept rule backs, unless the message
// also holds pressure, a "no" ignored, fear, a minor or secrecy.
//
// Pills, bleeding or pain with intent are crisis, not medical; a minor with
// anything sexual is abuse, not a decline.
//
// Questions about these subjects: a message that asks about therapy and
// does not tell of the writer's own experience keeps its answer, with the
// resources attached ("Can sex therapy help after sexual assault?",
// "do you work with people who self-harm?"): Verdict.Attach says which. So
// does a message that talks about a subject (a novel, the news, a policy,
// research). This never applies when a concept rule found a disclosure
// (an agent, an act and a target; a wish and death), and a risk signal in
// a question about therapy ("I feel trapped in my marriage, can sex therapy
// help?") keeps the answer too. Recovery told as a milestone keeps it even
// without a question ("8 years free from cutting, getting a tattoo over
// the old scars"), unless the message tells of it starting again. Teaching
// body safety ("no adult should ask you to keep secrets") turns off the
// minor rules that found no act. A case asked about in general ("what does
// the clinic do if someone says they feel suicidal?") keeps its answer
// unless the writer says it is theirs. A method asked as the odds or the
// least pain, and a farewell ("check-in!" in rules.txt), hold even in a
// question about therapy, save in a song or a story being written that
// the writer does not say is their own ("a character who is basically
// me": [own-case]). A joke or an idiom that takes back the phrase
// layer's crisis leaves the check-ins below it to decide, as Explain
// shows them. Despair said of one problem the clinic sees ("hopeless about my low
// desire") is no risk sign; despair about life is. A milestone keeps its
// answer unless a later sentence, with no milestone of its own, tells of
// a sign now ("8 years free from cutting, but now I want to kill
// myself"). A laugh turns off the softer check-ins anywhere in a message,
// but a means at hand only in its own sentence, or just before a laugh
// said alone ("my dad's gun is in the closet lol"), not sentences away.
//
// The net reads a message with no word of the crisis or abuse lists at
// its strict threshold: its own words are little to go on there.
//
// Behind the rules, a statistical net (net.go) may flag what they missed,
// with the check-in. It is not asked about subjects talked about, play or
// jokes. In a message that asks a question (a question mark, a question
// word first, or a relayed "caller wants to know …"), it reads only the
// sentences around the question, at a stricter threshold, and only when
// the whole message scores over the usual one: "everyone is better off
// when im not in the picture. do you have weekend appointments?" gets the
// check-in; the question alone is the rules' to read.
//
// The rules lean towards firing on crisis and abuse: a missed crisis is the
// worst failure this product can have, while a needless handoff costs a
// person one extra message.
//
// Everything here is pure: no I/O, no logging, no state beyond tables
// compiled once at start-up.
package safety

import (
	"slices"
	"strings"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// Verdict is the result of Triage.
type Verdict struct {
	Category
	// Urgent marks a medical emergency (an erection lasting hours): the
	// engine should say "seek care now", not "talk to your doctor".
	Urgent bool
	// CheckIn marks a crisis verdict from risk signals rather than a clear
	// sign: the reply is a gentle check-in that says why the bot asks.
	CheckIn bool
	// Attach, on a None verdict, is the category whose resources go with
	// the answer: a question about therapy that touches crisis or abuse.
	Attach Category
	// Rule names the rule that fired, for tests and debugging. It is never
	// the matched text, so it is safe to log and to count in metrics.
	Rule string
}

// String shows the category and, when one fired, the rule: "crisis/kms",
// "medical/priapism (urgent)", "none".
func (v Verdict) String() string {
	s := v.Category.String()
	if v.Rule != "" {
		s += "/" + v.Rule
	}
	if v.Urgent {
		s += " (urgent)"
	}
	if v.CheckIn {
		s += " (check-in)"
	}
	if v.Attach != None {
		s += " +" + v.Attach.String()
	}
	return s
}

// Triage decides which Category text needs. text should have been through
// textnorm.Clean, which bounds its length; Triage folds it itself.
func Triage(text string) Verdict {
	return decide(compiledRules, compiledLexicon, text, nil, true)
}

// TriageRules is Triage without the statistical net, for measuring what
// the net adds.
func TriageRules(text string) Verdict {
	return decide(compiledRules, compiledLexicon, text, nil, false)
}

// compiledLexicon is the concept layer, read from the embedded data at
// start-up; a bad file panics then, and TestDataLoads names the line.
var compiledLexicon = mustLoadLexicon()

func mustLoadLexicon() *lexicon {
	lx, err := loadLexicon(data)
	if err != nil {
		panic(err)
	}
	return lx
}

// decide runs both layers and combines them; ex, when not nil, records
// how (for Explain).
func decide(r *rules, lx *lexicon, text string, ex *Explanation, useNet bool) Verdict {
	folded := textnorm.Fold(text)
	// the phrase layer's benign phrases ("5 kms", "will the therapist
	// make me ...") are masked for both layers
	masked, mh := r.mask(folded)
	pv := r.triageMasked(masked, mh)
	question := strings.Contains(folded, "?")
	ws := lx.sp.words(masked, nil)
	hits := lx.find(ws)
	var fired [nTiers]string
	// emotional is the first check-in a joke could turn off (despair,
	// shame, loneliness): it ranks below abuse. The others (a means, a
	// plan, a farewell) rank with crisis, above abuse.
	var emotional string
	// emotionalOver: that check-in outranks a sign of abuse (check-in?+)
	var emotionalOver bool
	// a joke, or a request for everyday advice, turns the softer
	// check-ins off; only a joke turns off a phrase rule (below): "any
	// tips on the most painless way to die" is no request for advice
	laughing := lx.laughing(hits)
	advice := lx.has(hits, "advice-ask")
	x := newHitIndex(len(lx.concepts), ws, hits)
	defer x.release()
	// a laugh sets the tone of the whole message for despair, shame and
	// the like ("i hate myself for eating the whole pizza. next time
	// dinner after lol"), but takes back a means at hand only when said
	// beside it ("my dad's gun is in the closet lol"), not sentences
	// away: "i checked my grandad's revolver still works last night. the
	// therapist wants me to do a desire journal lol" (safety_tune48)
	var near *hitIndex
	if laughing {
		near = newHitIndex(len(lx.concepts), ws, lx.nearLaughter(ws, hits))
		defer near.release()
	}
	joked := func(cr *conceptRule) bool {
		return cr.jokeable && (advice || laughing && (!cr.atHand || cr.matches(near)))
	}
	// the first rule of each tier that fires; a tier below one that has
	// decided is not tried (except for Explain, which shows them all)
	try := func(tiers ...tier) {
		for i := range lx.rules {
			cr := &lx.rules[i]
			if !slices.Contains(tiers, cr.tier) || joked(cr) {
				continue // a jokeable risk signal said laughing is hyperbole
			}
			if cr.jokeable && cr.tier == tierCheckIn {
				if emotional == "" && cr.matches(x) {
					emotional, emotionalOver = cr.name, cr.overAbuse
				}
				continue
			}
			if fired[cr.tier] == "" && cr.matches(x) {
				fired[cr.tier] = cr.name
			}
		}
	}
	try(tierControl, tierCrisis)
	tried := ex != nil || pv.Category != Crisis && fired[tierCrisis] == ""
	if tried {
		try(tierAbuse, tierCheckIn)
	}
	if ex != nil {
		ex.fill(lx, ws, hits, pv, fired)
		if emotional != "" {
			ex.Rules = append(ex.Rules, "check-in?/"+emotional)
		}
	}
	// the concept layer's idioms ("she beats me at chess", "hang out") are
	// masked for the phrase layer too, when there are any
	if pv.Category == Crisis || pv.Category == Abuse {
		if idiomed := lx.maskIdioms(masked, ws, hits); idiomed != masked {
			pv = r.triage(idiomed)
		}
	}
	// a joke ("she kills me 😂", "my boss will kill me if i'm late haha")
	// turns off a phrase rule that no concept rule backs
	if laughing && (pv.Category == Crisis || pv.Category == Abuse) && fired[tierCrisis] == "" && fired[tierAbuse] == "" && fired[tierControl] == "" {
		pv = r.triage(masked, Crisis, Abuse)
	}
	// play, care or a sport said so ("he held me down and tickled me",
	// "took my keys as a surprise", "pinned me in self defence class")
	// turns off an abuse phrase rule that no concept rule backs
	if pv.Category == Abuse && fired[tierAbuse] == "" && fired[tierControl] == "" && (lx.benign(hits) || lx.has(hits, "sport") && !lx.hasAny(hits, notBenign)) {
		pv = r.triage(masked, Crisis, Abuse)
	}
	// the phrase layer's crisis, taken back by an idiom, a joke or play,
	// leaves the tiers below it to decide, as Explain shows them: "lol
	// whats the lethal dose of X, i have a big supply" is still a method
	// asked (safety_tune45)
	if !tried && pv.Category != Crisis && fired[tierCrisis] == "" {
		try(tierAbuse, tierCheckIn)
	}
	var v Verdict
	switch {
	case fired[tierControl] != "" && fired[tierCrisis] != "" && (lx.has(hits, "means") || lx.has(hits, "lethal-target")):
		// the partner's threat comes with the means at hand: their
		// crisis first, the abuse lines too
		v = Verdict{Category: Crisis, Attach: Abuse, Rule: "concept/" + fired[tierCrisis]}
	case fired[tierControl] != "":
		// the partner's threat is the partner's crisis too: both lines
		v = Verdict{Category: Abuse, Attach: Crisis, Rule: "concept/" + fired[tierControl]}
	case pv.Category == Crisis:
		v = pv
	case fired[tierCrisis] != "":
		v = Verdict{Category: Crisis, Rule: "concept/" + fired[tierCrisis]}
	case fired[tierCheckIn] != "":
		v = Verdict{Category: Crisis, CheckIn: true, Rule: "concept/" + fired[tierCheckIn]}
	case (pv.Category == Abuse || fired[tierAbuse] != "") && emotionalOver:
		// a sign of abuse, and a risk signal of the writer's own: the
		// crisis check-in first, the abuse lines too
		v = Verdict{Category: Crisis, CheckIn: true, Attach: Abuse, Rule: "concept/" + emotional}
	case pv.Category == Abuse:
		v = pv
	case fired[tierAbuse] != "":
		v = Verdict{Category: Abuse, Rule: "concept/" + fired[tierAbuse]}
	case emotional != "":
		v = Verdict{Category: Crisis, CheckIn: true, Rule: "concept/" + emotional}
	default:
		if useNet && lx.net != nil && (pv.Category == None || pv.Category == Medical || pv.Category == Referral) {
			if c := lx.netFlag(ws, hits, question, pv.Category != None); c != None {
				if ex != nil {
					ex.Net = c.String()
				}
				return Verdict{Category: c, CheckIn: true, Rule: "net/" + c.String()}
			}
		}
		return pv
	}
	// a concept rule that found a disclosure (an agent, an act and a
	// target; a wish and death) holds even in a question about therapy;
	// one that found a name alone ("self-harm", "stalker") does not
	var name string
	switch {
	case v.Category == Crisis && !v.CheckIn:
		name = fired[tierCrisis]
	case v.Category == Abuse && fired[tierControl] != "":
		name = fired[tierControl]
	case v.Category == Abuse:
		name = fired[tierAbuse]
	}
	disclosure := name != "" && lx.structural[name]
	if !disclosure && v.Category == Crisis {
		// a check-in that holds in any question ("check-in!"), behind
		// the phrase layer's crisis too, which stops the tiers below it
		if fired[tierCheckIn] == "" && ex == nil {
			try(tierCheckIn)
		}
		// save in a song, a poem or a story being written
		// ("a story where the main character is basically me" is no story)
		disclosure = lx.told[fired[tierCheckIn]] && (!lx.has(hits, "creative-frame") || lx.has(hits, "own-case"))
	}
	// a disclosure of something past and worked through, with a question
	// ("years ago an ex shared photos of me; I've done the therapy; how do
	// people share photos more safely?") is asked about, not told
	worked := lx.has(hits, "resolved") && (question || lx.opensWithQuestion(ws, hits)) && !v.CheckIn
	if (!disclosure || worked) && lx.aboutTheSubject(r, ws, hits, v, question) {
		if ex != nil {
			ex.Topic = true
		}
		attach := v.Category
		v = r.triage(folded, Crisis, Abuse)
		v.Attach = attach
	}
	return v
}

// netFlag asks the statistical net about a message the rules let
// through. It is not asked about subjects talked about, play or kindness
// said so, or jokes: there its words are more often topics than signs. A
// question that shows risk is the rules' to find ("does the big sleep
// hurt?"), and a relayed one too ("caller wants to know what AASECT
// means"); what a message tells around its question is the net's all the
// same ("so tired of being me. what are your hours?"). It reads those
// sentences at the stricter threshold, a sentence or two being little to
// go on, and only when the whole message is over the usual one: "my wife
// and i want to go together" is no wish to die beside "do your therapists
// see couples?".
func (lx *lexicon) netFlag(ws []word, hits []hit, questionMark, strict bool) Category {
	if lx.laughing(hits) || lx.has(hits, "topic-frame") || lx.benign(hits) {
		return None
	}
	if questionMark || lx.opensWithQuestion(ws, hits) || lx.has(hits, "relayed-question") {
		if whole, _ := lx.net.flag(lx, ws, hits, false); whole == None {
			return None
		}
		ws, hits = lx.statements(ws, hits)
		if len(ws) == 0 {
			return None
		}
		strict = true
	}
	if !lx.anyRisk(hits) {
		// not one word of risk the lists know: the net's words alone are
		// little to go on ("left her reading glasses in room 3")
		strict = true
	}
	c, _ := lx.net.flag(lx, ws, hits, strict)
	return c
}

// anyRisk reports whether hits hold a concept of the crisis or abuse lists.
func (lx *lexicon) anyRisk(hits []hit) bool {
	for _, h := range hits {
		if lx.riskOf[h.concept] != None {
			return true
		}
	}
	return false
}

// statements are the sentences of a message that are not questions (no
// question mark ends them, no question word opens them, they pass on no
// one's question), with the hits inside them, renumbered.
func (lx *lexicon) statements(ws []word, hits []hit) ([]word, []hit) {
	asks := lx.askedSentences(ws, hits, true)
	if len(asks) == 0 {
		return ws, hits
	}
	at := make([]int, len(ws)+1) // new index of each word, -1 when dropped
	var kept []word
	for i, w := range ws {
		at[i] = -1
		if !asks[w.sent] {
			at[i] = len(kept)
			kept = append(kept, w)
		}
	}
	at[len(ws)] = len(kept)
	var in []hit
	for _, h := range hits {
		if at[h.start] < 0 || h.end > h.start && at[h.end-1] < 0 {
			continue
		}
		h.start, h.end = at[h.start], at[h.end-1]+1
		in = append(in, h)
	}
	return kept, in
}

// notRespected are the concepts that keep an abuse phrase rule on even
// when the message tells of a "no" respected: pressure, a "no" ignored,
// fear, a minor, secrecy, a threat.
var notRespected = []string{"pressure", "ignored", "nonconsent", "compel", "fear", "minor", "grooming", "threat", "threat-harm"}

// notBenign are the concepts that keep an abuse phrase rule on even when
// the message speaks of play, care or sport: a "no" itself, and the rest.
var notBenign = append([]string{"refusal"}, notRespected...)

// laughing reports a joke in the message ("lol", "haha"), unless it says
// it is none ("lol ... not really a joke anymore").
func (lx *lexicon) laughing(hits []hit) bool {
	return lx.has(hits, "laughter") && !lx.has(hits, "serious")
}

// nearLaughter keeps the hits of the sentences a laugh is in, and of the
// sentence before a laugh said on its own (a sentence of three words or
// fewer: "lol", "haha jk").
func (lx *lexicon) nearLaughter(ws []word, hits []hit) []hit {
	id := lx.ids["laughter"]
	var sents []int
	for _, h := range hits {
		if h.concept != id || h.start >= len(ws) {
			continue
		}
		s := ws[h.start].sent
		sents = append(sents, s)
		n := 0
		for _, w := range ws {
			if w.sent == s {
				n++
			}
		}
		if n <= 3 {
			sents = append(sents, s-1)
		}
	}
	var out []hit
	for _, h := range hits {
		if h.start < len(ws) && slices.Contains(sents, ws[h.start].sent) {
			out = append(out, h)
		}
	}
	return out
}

// benign reports play, care or kindness said so, with none of notBenign;
// or a "no" told as respected ("i said no and he said no worries"), with
// none of notBenign but the refusal itself.
func (lx *lexicon) benign(hits []hit) bool {
	if lx.has(hits, "respected") && !lx.hasAny(hits, notRespected) {
		return true
	}
	return lx.has(hits, "benign-frame") && !lx.hasAny(hits, notBenign)
}

// hasAny reports whether hits hold any of the concepts names.
func (lx *lexicon) hasAny(hits []hit, names []string) bool {
	for _, n := range names {
		if lx.has(hits, n) {
			return true
		}
	}
	return false
}

// has reports whether hits hold the concept name.
func (lx *lexicon) has(hits []hit, name string) bool {
	id := lx.ids[name]
	for _, h := range hits {
		if h.concept == id {
			return true
		}
	}
	return false
}

// maskIdioms blanks out the words of idioms in text, as the phrase
// layer's own mask does.
func (lx *lexicon) maskIdioms(text string, ws []word, hits []hit) string {
	var b strings.Builder
	last := 0
	for _, h := range hits {
		if h.concept != lx.idiom {
			continue
		}
		at, end := ws[h.start].at, ws[h.end-1].end
		if at < last {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[last:at])
		b.WriteString(" ~ ")
		last = end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// aboutTheSubject reports whether a message that would get verdict v asks
// about therapy, or talks about a subject, rather than telling of the
// writer's own situation. A check-in keeps its answer in any question
// about therapy; a clear sign only when the sentences that show it do not
// speak of the writer.
func (lx *lexicon) aboutTheSubject(r *rules, ws []word, hits []hit, v Verdict, questionMark bool) bool {
	has := func(name string) bool { return lx.has(hits, name) }
	if (has("report-worry") || has("staff-report")) && !has("case-in-general") {
		return false // someone worried about a person, or staff telling of a client
	}
	// "any tips for ..." asks, without a question mark
	question := questionMark || lx.opensWithQuestion(ws, hits) || has("advice-ask")
	if !has("topic-frame") && !(has("milestone") && !has("relapse-now")) && !(question && (has("therapy") || has("resolved") || has("case-in-general") || v.Category == Crisis && has("past"))) {
		return false // the common case, decided without the sentences
	}
	// the sentences that hold a sign, and those that hold a sign of the
	// verdict's own kind: "want to" is a crisis word, and says nothing of
	// the writer in a question about abuse
	risky, ofKind := map[int]bool{}, map[int]bool{}
	for _, h := range hits {
		if cat := lx.riskOf[h.concept]; cat != None {
			risky[ws[h.start].sent] = true
			if cat == v.Category {
				ofKind[ws[h.start].sent] = true
			}
		}
	}
	// phrased: the sentences where the phrase layer finds the verdict's kind
	phrased := map[int]bool{}
	for _, s := range sentencesOf(ws) {
		if r.triage(textnorm.Fold(s.text)).Category == v.Category {
			risky[s.n], ofKind[s.n], phrased[s.n] = true, true, true
		}
	}
	self := lx.ids["self"]
	selfInSign := false
	for _, h := range hits {
		if h.concept == self && ofKind[ws[h.start].sent] {
			selfInSign = true
		}
	}
	// a subject talked about (a novel, the news, a workshop): in the
	// sentence of the sign, or anywhere when the sign is not about the
	// writer. The sign's sentence is one where a rule of the verdict's
	// kind fires on its own: a weak word beside the frame ("going to the
	// conference") is no sign, and leaves the sign elsewhere unframed
	// the writer saying the case is theirs ("asking for a character who's
	// exactly like me") turns no subject into a disclosure of their own
	frame := lx.ids["topic-frame"]
	for _, h := range hits {
		if h.concept != frame || has("own-case") {
			continue
		}
		n := ws[h.start].sent
		signed := phrased[n] || lx.signIn(ws, hits, n, v.Category)
		if !selfInSign || !v.CheckIn && risky[n] || signed {
			return true
		}
	}
	// a case asked about in general, with the sign in the case and no
	// word of the writer there: "what does the clinic do if someone says
	// they feel suicidal in a session?"
	if question {
		asked, inCase := lx.askedSentences(ws, hits, false), lx.ids["case-in-general"]
		for _, h := range hits {
			if h.concept != inCase {
				continue
			}
			n := ws[h.start].sent
			if asked[n] && !has("me-too") && !has("own-case") && !lx.selfIn(ws, hits, n) && (phrased[n] || lx.signIn(ws, hits, n, v.Category)) {
				return true
			}
		}
	}
	// something long past, asked about: "I self-harmed as a teen, how do
	// I bring it up with a new partner?"; or past and worked through: "I
	// was groomed as a teenager and I've done the work; are there
	// frameworks for a blog post?"
	// the past must be the sign's own: "an infection years ago" says
	// nothing of the hair dryer by the bath last night
	pastInSign := false
	for _, h := range hits {
		if h.concept == lx.ids["past"] && ofKind[ws[h.start].sent] {
			pastInSign = true
		}
	}
	// a milestone of recovery says so even without a question ("8 years
	// free from cutting and I'm getting a tattoo over the old scars")
	if (question || has("milestone")) && (v.Category == Crisis && pastInSign || has("resolved") || has("milestone")) && !has("relapse-now") && !lx.signAfterMilestone(r, ws, hits, v.Category) {
		return true
	}
	if !question || !has("therapy") {
		return false
	}
	// a risk signal keeps the answer only when it is in the question
	// itself ("I feel trapped in my marriage, can sex therapy help?"), not
	// told before it; a clear sign only when it is not about the writer
	if v.CheckIn {
		return lx.signsInQuestions(ws, hits, risky)
	}
	return !selfInSign && !has("me-too") && !has("own-case")
}

// selfIn reports whether sentence n speaks of the writer.
func (lx *lexicon) selfIn(ws []word, hits []hit, n int) bool {
	self := lx.ids["self"]
	for _, h := range hits {
		if h.concept == self && ws[h.start].sent == n {
			return true
		}
	}
	return false
}

// signIn reports whether a concept rule of category c's tiers fires on
// the hits of sentence n alone.
func (lx *lexicon) signIn(ws []word, hits []hit, n int, c Category) bool {
	var in []hit
	for _, h := range hits {
		if ws[h.start].sent == n {
			in = append(in, h)
		}
	}
	if len(in) == 0 {
		return false
	}
	x := newHitIndex(len(lx.concepts), ws, in)
	defer x.release()
	for i := range lx.rules {
		cr := &lx.rules[i]
		switch {
		case c == Crisis && cr.tier != tierCrisis && cr.tier != tierCheckIn,
			c == Abuse && cr.tier != tierAbuse && cr.tier != tierControl:
			continue
		}
		if cr.matches(x) {
			return true
		}
	}
	return false
}

// signsInQuestions reports whether every sentence that holds a sign is a
// question (a question mark closes it, or a question word opens it).
func (lx *lexicon) signsInQuestions(ws []word, hits []hit, risky map[int]bool) bool {
	asked := lx.askedSentences(ws, hits, false)
	for s := range risky {
		if !asked[s] {
			return false
		}
	}
	return true
}

// askedSentences are the sentences of a message that ask: a question mark
// ends them or a question word opens them (opensQuestion), and, with
// relayed, those that pass on someone's question ("caller wants to know
// …").
func (lx *lexicon) askedSentences(ws []word, hits []hit, relayed bool) map[int]bool {
	asked := map[int]bool{}
	for _, w := range ws {
		if w.askMark {
			asked[w.sent] = true
		}
	}
	q, rq := lx.ids["question"], lx.ids["relayed-question"]
	for _, h := range hits {
		if h.concept == q && opensQuestion(ws, h) || relayed && h.concept == rq {
			asked[ws[h.start].sent] = true
		}
	}
	return asked
}

// opensQuestion reports whether the question word of hit h opens a
// question: it starts its sentence, and is not chat's subjectless "wont
// be needing it" or "cant go on" (an auxiliary, then "not", with no
// question mark at the end).
func opensQuestion(ws []word, h hit) bool {
	if h.start > 0 && ws[h.start-1].sent == ws[h.start].sent {
		return false
	}
	return h.end >= len(ws) || ws[h.end].w != "not" || ws[h.end].askMark
}

// opensWithQuestion: a question word opens a sentence.
func (lx *lexicon) opensWithQuestion(ws []word, hits []hit) bool {
	q := lx.ids["question"]
	for _, h := range hits {
		if h.concept == q && opensQuestion(ws, h) {
			return true
		}
	}
	return false
}

// sentence is one sentence's words joined, for the phrase layer.
type sentence struct {
	n    int
	text string
}

// signAfterMilestone reports whether a clause told after a milestone,
// holding none itself and not told as past, shows a sign of kind cat on
// its own: "8 years free from cutting, but now I want to kill myself"
// tells of today, whatever came before. Signs told before a milestone are
// the past it is measured from ("it took me years to stop hurting myself,
// 5 years now").
func (lx *lexicon) signAfterMilestone(r *rules, ws []word, hits []hit, cat Category) bool {
	milestone, past := lx.ids["milestone"], lx.ids["past"]
	first := -1              // the first clause with a milestone
	marked := map[int]bool{} // clauses with a milestone, or told as past
	for _, h := range hits {
		if h.concept == milestone || h.concept == past {
			c := ws[h.start].clause
			marked[c] = true
			if h.concept == milestone && (first < 0 || c < first) {
				first = c
			}
		}
	}
	if first < 0 {
		return false
	}
	var b strings.Builder
	check := func(clause int) bool {
		ok := clause > first && !marked[clause] && b.Len() > 0 && r.triage(textnorm.Fold(b.String())).Category == cat
		b.Reset()
		return ok
	}
	for i, w := range ws {
		if i > 0 && ws[i-1].clause != w.clause && check(ws[i-1].clause) {
			return true
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.w)
	}
	return len(ws) > 0 && check(ws[len(ws)-1].clause)
}

func sentencesOf(ws []word) []sentence {
	var out []sentence
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && ws[i-1].sent != w.sent {
			out = append(out, sentence{ws[i-1].sent, b.String()})
			b.Reset()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.w)
	}
	if b.Len() > 0 {
		out = append(out, sentence{ws[len(ws)-1].sent, b.String()})
	}
	return out
}
