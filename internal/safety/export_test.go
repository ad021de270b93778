package safety

import (
	"io/fs"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// RuleNames lists every phrase rule's name, for the test that each one is
// exercised.
func RuleNames() []string {
	var names []string
	for _, c := range compiledRules.table {
		names = append(names, c.name)
	}
	return names
}

// ConceptNames and ConceptRuleNames list the concept layer's concepts and
// rules, for the tests that each one is found and fires.
func ConceptNames() []string {
	var names []string
	for _, c := range compiledLexicon.concepts {
		names = append(names, c.name)
	}
	return names
}

func ConceptRuleNames() []string {
	var names []string
	for _, r := range compiledLexicon.rules {
		names = append(names, r.name)
	}
	return names
}

// LoadData loads every triage data file from fsys, as start-up does from
// the embedded files.
func LoadData(fsys fs.FS) error {
	ps, err := loadPhrases(fsys)
	if err != nil {
		return err
	}
	if _, err := compileRules(ps); err != nil {
		return err
	}
	_, err = loadLexicon(fsys)
	return err
}

// Data is the embedded data, for tests that change one file of it.
var Data = data

// Words spells text out as the concept layer reads it.
func Words(text string) []string {
	var out []string
	for _, w := range compiledLexicon.sp.words(textnorm.Fold(text), nil) {
		out = append(out, w.w)
	}
	return out
}

// PhraseOnly is the phrase layer alone: the triage before the concept
// layer, as the benchmark's yardstick.
func PhraseOnly(text string) Category {
	return compiledRules.triage(textnorm.Fold(text)).Category
}

// FiredConceptRules lists every concept rule that matches text, in order.
func FiredConceptRules(text string) []string {
	lx := compiledLexicon
	masked, _ := compiledRules.mask(textnorm.Fold(text))
	ws := lx.sp.words(masked, nil)
	hits := lx.find(ws)
	var out []string
	x := newHitIndex(len(lx.concepts), ws, hits)
	for i := range lx.rules {
		if lx.rules[i].matches(x) {
			out = append(out, lx.rules[i].name)
		}
	}
	return out
}

// FoundConcepts lists the concepts found in text.
func FoundConcepts(text string) []string {
	var out []string
	for _, c := range Explain(text).Concepts {
		out = append(out, c.Concept)
	}
	return out
}
