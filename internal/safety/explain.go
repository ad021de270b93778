package safety

import (
	"fmt"
	"strings"
)

// Explanation shows how Triage decided: the words as the concept layer
// read them, the concepts it found, the rules that fired in each layer and
// the verdict. It is a moderator's and reviewer's tool (faqbot explain);
// it holds the message's words, so it must never be logged.
type Explanation struct {
	Words    []string `json:"words"`
	Concepts []Found  `json:"concepts"`
	Phrase   string   `json:"phrase_rule,omitempty"`   // the phrase layer's rule, "category/name"
	Rules    []string `json:"concept_rules,omitempty"` // the first concept rule of each tier that fired, "tier/name"
	Topic    bool     `json:"about_the_subject,omitempty"`
	Net      string   `json:"net,omitempty"` // what the statistical net flagged, when it decided
	Verdict  string   `json:"verdict"`
	verdict  Verdict
}

// Found is one concept found in the message.
type Found struct {
	Concept string `json:"concept"`
	Words   string `json:"words"`
	Negated bool   `json:"negated,omitempty"`
}

// Explain triages text as Triage does and says how.
func Explain(text string) Explanation {
	var ex Explanation
	ex.verdict = decide(compiledRules, compiledLexicon, text, &ex, true)
	ex.Verdict = ex.verdict.String()
	return ex
}

// Result is the verdict Explain reached.
func (ex Explanation) Result() Verdict { return ex.verdict }

func (ex *Explanation) fill(lx *lexicon, ws []word, hits []hit, pv Verdict, fired [nTiers]string) {
	for _, w := range ws {
		ex.Words = append(ex.Words, w.w)
	}
	for _, h := range hits {
		var b strings.Builder
		for i := h.start; i < h.end; i++ {
			if i > h.start {
				b.WriteByte(' ')
			}
			b.WriteString(ws[i].w)
		}
		ex.Concepts = append(ex.Concepts, Found{Concept: lx.concepts[h.concept].name, Words: b.String(), Negated: h.neg})
	}
	if pv.Category != None {
		ex.Phrase = pv.Category.String() + "/" + pv.Rule
	}
	for t, name := range fired {
		if name == "" {
			continue
		}
		tn := ""
		for k, v := range tierNames {
			if v == tier(t) {
				tn = k
			}
		}
		ex.Rules = append(ex.Rules, tn+"/"+name)
	}
}

// String formats the explanation for a terminal.
func (ex Explanation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "words:    %s\n", strings.Join(ex.Words, " "))
	b.WriteString("concepts:")
	if len(ex.Concepts) == 0 {
		b.WriteString(" none")
	}
	for _, c := range ex.Concepts {
		neg := ""
		if c.Negated {
			neg = " (negated)"
		}
		fmt.Fprintf(&b, "\n  %-18s %q%s", c.Concept, c.Words, neg)
	}
	b.WriteString("\n")
	phrase := ex.Phrase
	if phrase == "" {
		phrase = "none"
	}
	fmt.Fprintf(&b, "phrases:  %s\n", phrase)
	rules := strings.Join(ex.Rules, ", ")
	if rules == "" {
		rules = "none"
	}
	fmt.Fprintf(&b, "rules:    %s\n", rules)
	if ex.Net != "" {
		fmt.Fprintf(&b, "net:      flagged %s (no rule fired)\n", ex.Net)
	}
	if ex.Topic {
		b.WriteString("about the subject: yes (a question about therapy, or a subject talked about): the answer keeps its place, with resources\n")
	}
	fmt.Fprintf(&b, "verdict:  %s\n", ex.Verdict)
	return b.String()
}
