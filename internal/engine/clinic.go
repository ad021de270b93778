package engine

import (
	"strings"

	"github.com/faqbot/faqbot"
)

// Clinic is how to reach the clinic, from the config file's [clinic]
// table. Every field is optional; with none set, replies say "contact the
// clinic" and give no way to, as before.
type Clinic struct {
	Name       string // "Riverside Sexual Health Clinic"
	Phone      string
	Email      string
	URL        string // the clinic's website
	BookingURL string // where to book an appointment
	Hours      string // "Monday to Friday, 9am to 5pm"
}

func (c Clinic) empty() bool {
	return c.Phone == "" && c.Email == "" && c.URL == "" && c.BookingURL == "" && c.Hours == ""
}

func (c Clinic) name() string {
	if c.Name != "" {
		return c.Name
	}
	return "The clinic"
}

// clinicResources are the clinic's contact as resources, which Slack and
// Discord show as text with link buttons: the clinic itself (phone, email,
// hours, website), then booking, when there is a booking link.
func (e *Engine) clinicResources() []faqbot.Resource {
	c := e.opts.Clinic
	if c.empty() {
		return nil
	}
	var notes []string
	if c.Email != "" {
		notes = append(notes, "Email: "+c.Email+".")
	}
	if c.Hours != "" {
		notes = append(notes, "Hours: "+c.Hours+".")
	}
	out := []faqbot.Resource{}
	if c.Phone != "" || c.Email != "" || c.URL != "" || c.Hours != "" {
		out = append(out, faqbot.Resource{Name: c.name(), Phone: c.Phone, URL: c.URL, Text: strings.Join(notes, " ")})
	}
	if c.BookingURL != "" {
		out = append(out, faqbot.Resource{Name: "Book an appointment", URL: c.BookingURL})
	}
	return out
}

// clinicLine is the clinic's contact as one line of plain text: "The
// clinic can answer this: call 555-0100, email hello@example.org, or book
// at https://…. Open Monday to Friday, 9am to 5pm."
func (e *Engine) clinicLine() string {
	c := e.opts.Clinic
	var ways []string
	if c.Phone != "" {
		ways = append(ways, "call "+c.Phone)
	}
	if c.Email != "" {
		ways = append(ways, "email "+c.Email)
	}
	if c.BookingURL != "" {
		ways = append(ways, "book at "+c.BookingURL)
	}
	if c.URL != "" {
		ways = append(ways, "see "+c.URL)
	}
	var b strings.Builder
	b.WriteString(c.name())
	b.WriteString(" can help with this")
	switch len(ways) {
	case 0:
	case 1:
		b.WriteString(": " + ways[0])
	default:
		b.WriteString(": " + strings.Join(ways[:len(ways)-1], ", ") + " or " + ways[len(ways)-1])
	}
	b.WriteString(".")
	if c.Hours != "" {
		b.WriteString(" Open " + c.Hours + ".")
	}
	return b.String()
}
