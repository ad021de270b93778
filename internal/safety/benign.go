package safety

import (
	"sort"
	"strings"
)

// Benign phrases carry a rule's trigger word but mean nothing for safety
// (distances in "kms", drug abuse, "a minor problem", "cut back"); they are
// listed in data/phrases-mask.txt.

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
