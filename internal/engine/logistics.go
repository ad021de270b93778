package engine

import (
	"regexp"
	"strings"
)

// Practical questions (fees, insurance, how long or how many sessions,
// booking, where the clinic is, online sessions) are the most common thing
// staff and members ask that the knowledge file does not answer. Their
// words often share a term with a passage ("how long is a session"), so
// the engine recognizes them before searching and says plainly that it
// cannot help with practical details, rather than quoting a passage about
// something else.
var logisticsPatterns = []*regexp.Regexp{
	// money and insurance
	regexp.MustCompile(`\b(cost|costs|price|prices|pricing|priced|fee|fees|afford|affordable|expensive|cheap|sliding scale|insurance|insured|insurer|copay|co-pay|deductible|hsa|fsa|medicaid|medicare|out of pocket|billing|invoice|refund|payment plan|pay for (it|sessions?|therapy))\b`),
	regexp.MustCompile(`\bhow much\b.{0,40}\b(cost|costs|charge|charged|charges|pay|paid|spend)\b`),
	regexp.MustCompile(`\bhow much (is|are|for|would be|will be) (it|a session|one session|each session|a visit|an appointment|therapy|sex therapy|sessions)\b\W*$`),
	regexp.MustCompile(`\b(covered|cover) (by|under) (my |the )?(insurance|plan|policy)\b`),
	regexp.MustCompile(`\bpay (with|by|using)\b`),
	// length and number of sessions
	regexp.MustCompile(`\bhow long (is|are|does|do|will|would)( a| an| each| the| one| my| every)? ?(sex therapy )?(session|sessions|appointment|appointments|visit|visits|therapy|treatment|it) ?(last|take|run|be)?\b`),
	regexp.MustCompile(`\bhow many (session|sessions|appointments|visits|weeks|months|times)\b`),
	regexp.MustCompile(`\bhow (often|frequently) (do|will|would|should|are)\b`),
	regexp.MustCompile(`\b(session|appointment) (length|duration)\b|\b\d+ ?(min|mins|minutes|hour|hours)\b`),
	// booking and practical arrangements
	regexp.MustCompile(`\b(book|booking|reschedule|rescheduling|cancel|cancellation|cancellations|waitlist|wait list|waiting list|intake form|sign up|make an appointment|schedule an appointment|schedule a session|next available|availability|opening hours|office hours|open on (weekends|saturday|sunday)|what time do you open)\b`),
	// place and format
	regexp.MustCompile(`\b(parking|park my car|directions to|address of|where is (the|your) (clinic|office)|where are you located|located)\b`),
	regexp.MustCompile(`\bwhere (can|do|should|could) (i|we) park\b`),
	regexp.MustCompile(`\b(are you|is the clinic|is the office|are they) open\b|\bopen (on|at|during|until|till|late|early|today|tomorrow)\b`),
	regexp.MustCompile(`\b(weekends?|saturdays?|sundays?|evenings?|weekdays?)\b.{0,20}\b(open|appointments?|sessions?|available|hours)\b`),
	regexp.MustCompile(`\b(telehealth|telemedicine|teletherapy)\b`),
	regexp.MustCompile(`\b(online|virtual|video|zoom|remote|in.person)\s+(sex\s+)?(session|sessions|therapy|appointment|appointments|visit|visits|option|options|counseling)\b`),
	regexp.MustCompile(`\b(do|can|does|could) (you|they|it|i|we)\b.{0,25}\b(online|virtually|remotely|over zoom|on zoom|over video|over the phone)\b`),
	regexp.MustCompile(`\b(session|sessions|therapy|appointment|appointments|visit|visits)\s+(be\s+|done\s+|be done\s+|happen\s+|held\s+|be held\s+|available\s+)?(online|virtual|virtually|over video|on zoom|over zoom|over the phone|remotely|in person)\b`),
}

// logistics reports whether text asks a practical question the knowledge
// file is not for. text is cleaned; this lower-cases it.
func logistics(text string) bool {
	low := strings.ToLower(text)
	if !mayBeLogistics(low) {
		return false
	}
	for _, re := range logisticsPatterns {
		if re.MatchString(low) {
			return true
		}
	}
	return false
}

// logisticsHints are substrings every practical pattern needs one of: most
// questions have none, and skip the regular expressions.
var logisticsHints = []string{
	"cost", "pric", "fee", "afford", "expensive", "cheap", "scale", "insur", "copay", "co-pay", "deductible",
	"hsa", "fsa", "medica", "pocket", "bill", "invoice", "refund", "pay", "how much", "how long", "how many",
	"how often", "how frequent", "length", "duration", "min", "hour", "book", "schedul", "cancel", "wait",
	"intake", "sign up", "appointment", "availab", "open", "park", "direction", "address", "locat",
	"tele", "online", "virtual", "video", "zoom", "phone", "remote", "person",
}

func mayBeLogistics(low string) bool {
	for _, h := range logisticsHints {
		if strings.Contains(low, h) {
			return true
		}
	}
	return false
}
