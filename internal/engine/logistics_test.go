package engine

import "testing"

func TestLogistics(t *testing.T) {
	practical := []string{
		"how much does a session cost",
		"is it covered by my insurance",
		"can I pay with my HSA card",
		"do you take medicaid",
		"how long is each session",
		"how long does therapy take",
		"how many sessions will I need",
		"how often do people go",
		"how do I book an appointment",
		"can I cancel or reschedule",
		"is there a waitlist",
		"where is the clinic located",
		"is there parking",
		"do you offer online sessions",
		"can therapy be done over zoom",
		"are sessions in person or virtual",
		"is it 50 minutes",
		"are you open on saturdays",
		"do you have evening appointments",
	}
	for _, q := range practical {
		if !logistics(q) {
			t.Errorf("%q: not recognized as a practical question", q)
		}
	}
	// questions the knowledge file answers, with words practical
	// questions also use
	answerable := []string{
		"how long has sex therapy been around",
		"I read a lot online about sex therapy, what is it",
		"what happens in a session",
		"how did sex therapy begin",
		"does sex therapy replace medical treatment",
		"is it confidential",
		"how much does sex therapy focus on intercourse",
		"will the therapist touch me",
		"is it a safe and open space",
		"can I be open about my kinks",
	}
	for _, q := range answerable {
		if logistics(q) {
			t.Errorf("%q: taken for a practical question", q)
		}
	}
}
