package insights

import (
	"regexp"
	"strings"
)

// redactions are applied in order: the more specific shapes first, so an
// email's digits are not taken for a number.
var redactions = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b`), "[email]"},
	{regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|org|net|io|co|uk|de|fr|info|me|app|dev)(?:/\S*)?\b`), "[url]"},
	{regexp.MustCompile(`<[@#!][^>\s]*>|<@&\d+>`), "[mention]"},
	{regexp.MustCompile(`@[\p{L}\p{N}_.-]+`), "[mention]"},
	{regexp.MustCompile(`\b[UWCDGTB][A-Z0-9]{8,}\b`), "[id]"},
	{regexp.MustCompile(`\+?\(?\d[\d\s().-]{6,}\d`), "[phone]"},
	{regexp.MustCompile(`\d{5,}`), "[number]"},
}

// Redact removes what could name or reach a person from a question before
// it is kept: emails, URLs, mentions and platform ids, phone numbers and
// long digit runs. It is applied to text that the engine already cleaned.
func Redact(text string) string {
	for _, r := range redactions {
		text = r.re.ReplaceAllString(text, r.with)
	}
	return strings.Join(strings.Fields(text), " ")
}
