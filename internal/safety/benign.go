package safety

import (
	"sort"
	"strings"
)

// benignPhrases are phrases that carry a rule's trigger word but mean nothing
// for safety: distances in "kms", drug abuse (which is not sexual abuse),
// "a minor problem", emotional pain, "cut back", "suicide mission", questions
// about whether therapy is coercive or forces anything. Triage blanks them out before the
// rules run, so a trigger elsewhere in the message still fires: "a minor
// issue, but I was raped" is still abuse.
var benignPhrases = []string{
	`\d+ ?kms?`,
	`(?:substance|drug|drugs|alcohol|opioid|opiate|prescription|steroid|cannabis|weed|marijuana|painkiller|benzo|stimulant|cocaine|meth|sugar|caffeine) (?:ab)?use`,
	`(?:emotional|mental|psychological|heart) ?-?(?:pain|hurt|ache)`, `heartache`, `heartbreak`, `pain in the (?:ass|butt|neck)`, `growing pains`,
	`(?:a |the )?minor (?:problem|problems|issue|issues|thing|things|question|questions|concern|concerns|detail|details|change|changes|point|` +
		`injury|surgery|procedure|infection|role|part|adjustment|adjustments|disagreement|argument|fight|key|league|chord|setback|difference|differences)`,
	`cut(?:ting)? (?:back|down|out|off|ties|corners|class|classes|school|carbs|costs|it out|in line|my hair|hair|{self} some slack|me some slack)`, `cutting (?:edge|board)`,
	`(?:shoot|shooting|shot) {self} in the foot`, `(?:drown|drowning) {self} in`,
	// "suicide" as a figure of speech; the real word elsewhere still fires
	`suicide (?:mission|missions|squad|doors?|sprints?|drills?|runs?)`,
	// a question about what therapy is like, in the present or future
	// tense only, so "is it abuse if my therapist forced me" is not masked.
	// "they" is how people ask about therapists ("will they pressure me to
	// try things I'm not ready for?"); a disclosure in the same message
	// still fires, since only the question's opening is masked.
	`(?:is|are|can|could|will|would|does|do|should|might|may) (?:(?:the|a|an|my|your|our|sex|couples?) )*` +
		`(?:therapy|therapists?|sessions?|treatment|counsel(?:l)?ing|counsel(?:l)?ors?|they) ` +
		`(?:(?:be|ever|going to|gonna|try to|judgmental|or|and|ever be) )*` +
		`(?:coercive|abusive|forceful|pushy|manipulative|force|forcing|pressure|pressuring|make)(?: (?:me|us|you|clients|people|anyone|patients))?(?: (?:in)?to)?`,
}

// mask blanks out every benign phrase in folded text, and returns the text
// with its scan. Phrases are found in the text as given, so one mask cannot
// create or hide another.
func (r *rules) mask(folded string) (string, hits) {
	h := r.lits.scan(folded)
	var spans [][2]int
	for i := range r.benign {
		spans = r.benign[i].findAll(folded, &h, spans)
	}
	if spans == nil {
		return folded, h
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[1] <= last {
			continue
		}
		b.WriteString(folded[last:max(last, sp[0])])
		b.WriteString(" ~ ")
		last = sp[1]
	}
	b.WriteString(folded[last:])
	masked := b.String()
	return masked, r.lits.scan(masked)
}
