package knowledge

import (
	"fmt"
	"strings"
)

// Diff describes what changes from old to new, section by section, in a
// moderator's words: the pre-flight before saving an edit.
func Diff(old, new *File) string {
	var b strings.Builder
	oldBy := map[string]*Section{}
	for i := range old.Sections {
		oldBy[headingKey(old.Sections[i].Heading)] = &old.Sections[i]
	}
	newKeys := map[string]bool{}
	var added, changed, removed, same int
	for _, s := range new.Sections {
		k := headingKey(s.Heading)
		newKeys[k] = true
		o, ok := oldBy[k]
		switch {
		case !ok:
			added++
			fmt.Fprintf(&b, "+ section added: %s (%d passages)\n", quote(s.Heading), len(s.Passages))
		case !sameSection(o, &s):
			changed++
			fmt.Fprintf(&b, "~ section changed: %s (%d → %d passages)\n", quote(s.Heading), len(o.Passages), len(s.Passages))
		default:
			same++
		}
	}
	for _, s := range old.Sections {
		if !newKeys[headingKey(s.Heading)] {
			removed++
			fmt.Fprintf(&b, "- section removed: %s\n", quote(s.Heading))
		}
	}
	if len(old.Synonyms) != len(new.Synonyms) {
		fmt.Fprintf(&b, "~ synonym groups: %d → %d\n", len(old.Synonyms), len(new.Synonyms))
	}
	if len(old.Expectations) != len(new.Expectations) {
		fmt.Fprintf(&b, "~ expectations: %d → %d\n", len(old.Expectations), len(new.Expectations))
	}
	fmt.Fprintf(&b, "compared with %s (version %s): %d added, %d changed, %d removed, %d unchanged\n",
		old.Name, old.Version, added, changed, removed, same)
	return b.String()
}

func sameSection(a, b *Section) bool {
	if a.Heading != b.Heading || len(a.Passages) != len(b.Passages) {
		return false
	}
	for i := range a.Passages {
		pa, pb := a.Passages[i], b.Passages[i]
		if pa.Text != pb.Text || len(pa.Asks) != len(pb.Asks) {
			return false
		}
		for j := range pa.Asks {
			if pa.Asks[j].Text != pb.Asks[j].Text {
				return false
			}
		}
	}
	return true
}

// Removed counts old's sections that new no longer has (by heading, case
// and surrounding space aside). An edit that removes most of them is more
// often a file cut short than a moderator's intent.
func Removed(old, new *File) int {
	n := 0
	for _, s := range old.Sections {
		if _, ok := new.Section(s.Heading); !ok {
			n++
		}
	}
	return n
}
