package engine_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/knowledge"
)

// TestGatePairs: pairs of questions that share most of their words, where
// one asks what the file says and the other asks what it does not. The
// second of each pair gets a no_match that names what the file does not
// say.
func TestGatePairs(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		answered, section string
		unanswered, says  string
	}{
		{"is the therapist trained", secExpect,
			"what training does a therapist have", "doesn't describe what training, degrees or certification"},
		{"how long has sex therapy been around", secHistory,
			"how long does sex therapy take", "doesn't say how long therapy takes"},
		{"sex therapy vs seeing a doctor, which one do i need", secNot,
			"what is the difference between sex therapy and couples counseling", "doesn't compare those"},
		// a comparison's side in the passage's own words, not a synonym's
		{"is sex therapy a kind of psychotherapy", secWhat,
			"sex therapist vs sex coach, whats the difference", "doesn't compare those"},
		{"do sex therapists see couples", secWhat,
			"what is the difference between a sex therapist and a couples counselor", "doesn't compare those"},
		{"will the therapist judge my kinks", secNot,
			"how do you personally feel about kinks", "doesn't give a therapist's personal views"},
		{"can sex therapy help with premature ejaculation", secWhat,
			"can sex therapy help with depression", "doesn't say whether sex therapy helps with that"},
		{"should i skip the doctor and just do sex therapy", secNot,
			"should I try sex therapy", "doesn't say when someone should start sex therapy"},
		{"who pioneered sex therapy", secHistory,
			"who can join AASECT", "doesn't say who may take part"},
		{"when did sex therapy start", secHistory,
			"how often are sessions", "how often sessions happen"},
		{"does sex therapy replace medical treatment", secNot,
			"is sex therapy covered by insurance", "doesn't cover fees, payment or insurance"},
		{"will my family find out what I say", secExpect,
			"is it normal to lose interest in sex", "doesn't say what is normal or healthy"},
		// who may come: the whole group asked about must be named
		{"do you work with couples", secWhat,
			"do you work with same-sex couples", "doesn't say who may take part"},
		// a modality the file never names
		{"what happens in a session", secExpect,
			"do you do phone sessions", "whether they're offered online"},
		// a kind of session the file never names, in everyday words
		{"can i come to sessions on my own", secWhat,
			"do you offer group sex therapy sessions", "I don't have an answer to that"},
		// someone the file names: what is asked of them must be covered
		// too, not the rare name alone
		// a name the file never uses is what the question is about
		{"did Masters and Johnson pioneer sex therapy", secHistory,
			"was Alfred Kinsey involved in founding sex therapy", "I don't have an answer to that"},
		{"what approaches does sex therapy draw on", secWhat,
			"do your therapists use the Gottman Method", "I don't have an answer to that"},
		// the particulars of something the file names in passing
		{"does sex therapy include skill-building", secExpect,
			"what specific skills are taught in skill-building", "doesn't go into that much detail"},
		{"what role did AASECT play", secHistory,
			"does AASECT have an office in Chicago", "I don't have an answer to that"},
		// what a term means: the passage that defines it, not one that
		// lists it
		{"what is sex therapy", secWhat,
			"what does psychodynamic mean", "doesn't define that"},
		// one word shared with an @ask line does not carry the question
		{"what is the first session like", secExpect,
			"is the therapist a medical doctor", "doesn't describe what training"},
		// a date or a name is given by one sentence, and it must be the
		// sentence about what was asked: the history passage dates sex
		// therapy and names AASECT, but never dates or founds AASECT
		{"what decade did sex therapy start", secHistory,
			"when was AASECT founded", "doesn't give a date for that"},
		{"who pioneered sex therapy", secHistory,
			"who founded AASECT", "doesn't say who that is"},
		// a part that points back ("that") is about what the message
		// around it names
		{"a doctor once lectured me about my sex life. is therapy going to be like that?", secNot,
			"I'm questioning my gender identity. do you work with that?", "I don't have an answer to that"},
		// either option of an "or" question may be what a passage answers
		{"is it only about intercourse or more than that", secNot,
			"have you treated vaginismus before", "doesn't give a therapist's personal views"},
	}
	for _, tt := range tests {
		t.Run(tt.unanswered, func(t *testing.T) {
			r := ask(t, e, tt.answered)
			if r.Kind != faqbot.KindAnswer || r.Section != tt.section {
				t.Errorf("%q: got %s from %q, want an answer from %q", tt.answered, r.Kind, r.Section, tt.section)
			}
			r = ask(t, e, tt.unanswered)
			if r.Kind != faqbot.KindNoMatch {
				t.Fatalf("%q: got %s from %q, want no_match", tt.unanswered, r.Kind, r.Section)
			}
			if !strings.Contains(r.Lead, tt.says) || !strings.HasPrefix(r.Text, r.Lead) {
				t.Errorf("%q: lead %q, want it to say %q", tt.unanswered, r.Lead, tt.says)
			}
			if !strings.Contains(r.Text, "Topics I can answer from:") {
				t.Errorf("%q: no topics in\n%s", tt.unanswered, r.Text)
			}
		})
	}
}

// TestWarningsAskNoMatch: `faqbot check` warns, with file and line, about
// a section's own @ask line that the bot would not answer, and says what
// to do; an @answers line that declares the type silences it.
func TestWarningsAskNoMatch(t *testing.T) {
	const src = `## Sessions

Sessions are a calm, private conversation with a trained therapist.
@ask: what is a session like
@ask: how long does a session take
%s
## Fees

We do not publish our fees here.
`
	tests := []struct {
		name, answers string
		want          []string
	}{
		{"undeclared", "", []string{`kb.md:5: warning: @ask "how long does a session take" (section "Sessions") gets no answer now: it expects an answer of type "duration"`, `add "@answers: duration"`}},
		{"declared", "@answers: duration\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := knowledge.Parse("kb.md", []byte(fmt.Sprintf(src, tt.answers)))
			if err != nil {
				t.Fatal(err)
			}
			warns, err := engine.Warnings(f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warns {
				if strings.Contains(w.Error(), "gets no answer now") {
					got = append(got, w.Error())
				}
			}
			if len(tt.want) == 0 {
				if len(got) != 0 {
					t.Errorf("warnings %q, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("warnings %q, want one", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got[0], w) {
					t.Errorf("warning %q does not say %q", got[0], w)
				}
			}
		})
	}
}

// TestCheckExplainsNoMatch: a failing @expect that gets a no_match says why
// and what to do, with its file and line.
func TestCheckExplainsNoMatch(t *testing.T) {
	f, err := knowledge.Parse("kb.md", []byte("## Sessions\n\nSessions are a calm, private conversation with a trained therapist.\n@expect: how long does a session take\n"))
	if err != nil {
		t.Fatal(err)
	}
	fails, err := engine.Check(context.Background(), f, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `kb.md:4: expectation failed: "how long does a session take" should get answer from “Sessions”, got no_match: it expects an answer of type "duration"`
	if len(fails) != 1 || !strings.HasPrefix(fails[0].Error(), want) || !strings.Contains(fails[0].Error(), `add "@answers: duration"`) {
		t.Errorf("got %v", fails)
	}
}
