package safety

import "regexp"

// matcher is one compiled alternative; id is its place in the litIndex.
type matcher struct {
	re *regexp.Regexp
	// anchored, when set, is re anchored at the start of the text without
	// the leading word boundary: every match starts with a prefix literal,
	// so it is tried only where litIndex found one (see literals).
	anchored *regexp.Regexp
	id       int
}

// match reports whether m matches text. Go's regexp tries every position
// of the text, about a microsecond and a half per alternative for a short
// question; trying only where a prefix literal starts is much cheaper.
func (m *matcher) match(text string, h *hits) bool {
	if !h.may(m.id) {
		return false
	}
	if m.anchored == nil {
		return m.re.MatchString(text)
	}
	var buf [8]int
	for _, at := range h.at(m.id, buf[:0]) {
		if (at == 0 || !isWordByte(text[at-1])) && m.anchored.MatchString(text[at:]) {
			return true
		}
	}
	return false
}

// findAll appends the spans of m's matches in text to spans.
func (m *matcher) findAll(text string, h *hits, spans [][2]int) [][2]int {
	if !h.may(m.id) {
		return spans
	}
	if m.anchored == nil {
		for _, loc := range m.re.FindAllStringIndex(text, -1) {
			spans = append(spans, [2]int{loc[0], loc[1]})
		}
		return spans
	}
	var buf [8]int
	for _, at := range h.at(m.id, buf[:0]) {
		if at > 0 && isWordByte(text[at-1]) {
			continue
		}
		if loc := m.anchored.FindStringIndex(text[at:]); loc != nil {
			spans = append(spans, [2]int{at, at + loc[1]})
		}
	}
	return spans
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
