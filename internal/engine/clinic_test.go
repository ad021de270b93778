package engine_test

import (
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/knowledge"
)

// TestClinicContact: the clinic's contact, as much of it as is configured,
// in plain text and as resources, on practical and no_match replies only.
func TestClinicContact(t *testing.T) {
	f, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		clinic engine.Clinic
		line   string
		res    []faqbot.Resource
	}{
		{"everything", engine.Clinic{Name: "Riverside Clinic", Phone: "555 0100", Email: "hi@r.example", URL: "https://r.example", BookingURL: "https://r.example/book", Hours: "weekdays 9 to 5"},
			"Riverside Clinic can help with this: call 555 0100, email hi@r.example, book at https://r.example/book or see https://r.example. Open weekdays 9 to 5.",
			[]faqbot.Resource{{Name: "Riverside Clinic", Phone: "555 0100", URL: "https://r.example", Text: "Email: hi@r.example. Hours: weekdays 9 to 5."}, {Name: "Book an appointment", URL: "https://r.example/book"}}},
		{"phone only", engine.Clinic{Phone: "555 0100"},
			"The clinic can help with this: call 555 0100.",
			[]faqbot.Resource{{Name: "The clinic", Phone: "555 0100"}}},
		{"booking only", engine.Clinic{Name: "Riverside", BookingURL: "https://r.example/book"},
			"Riverside can help with this: book at https://r.example/book.",
			[]faqbot.Resource{{Name: "Book an appointment", URL: "https://r.example/book"}}},
		{"name only", engine.Clinic{Name: "Riverside"}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := engine.NewFromFile(f, engine.Options{Clinic: tt.clinic})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			r := ask(t, e, "how much does a session cost")
			if r.Kind != faqbot.KindNoMatch {
				t.Fatalf("kind %s", r.Kind)
			}
			if tt.line == "" {
				if !strings.Contains(r.Text, "Please contact the clinic directly") {
					t.Errorf("no contact configured, reply:\n%s", r.Text)
				}
			} else if !strings.Contains(r.Text, "\n"+tt.line+"\n") {
				t.Errorf("reply lacks the line %q:\n%s", tt.line, r.Text)
			}
			got := r.Resources[:len(r.Resources)-1] // the directory is last
			if len(tt.res) == 0 {
				got = nil
			}
			if len(got) != len(tt.res) {
				t.Fatalf("resources %+v, want %+v", r.Resources, tt.res)
			}
			for i := range got {
				if got[i] != tt.res[i] {
					t.Errorf("resource %d: %+v, want %+v", i, got[i], tt.res[i])
				}
			}
			if a := ask(t, e, "what is sex therapy"); strings.Contains(a.Text, "can help with this") {
				t.Errorf("an answer carries the contact:\n%s", a.Text)
			}
		})
	}
}
