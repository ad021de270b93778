package question_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/internal/question"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestType: every type of answer, from the wh-phrase and the words around
// it, with the near misses that must not be taken for it.
func TestType(t *testing.T) {
	tests := []struct {
		q    string
		want question.Type
	}{
		// the therapist's own opinion or experience
		{"How do you personally feel about masturbation?", question.Opinion},
		{"what do you think about open relationships", question.Opinion},
		{"what's your experience with couples like us", question.Opinion},
		{"in your opinion is it worth it", question.Opinion},
		{"will the therapist impose their values on me", question.General},
		{"what's your personal view on sexting", question.Opinion},
		{"is the therapist married themselves?", question.Opinion},
		{"is the counselor gay herself", question.Opinion},
		{"how do your therapists personally feel about porn", question.Opinion},
		{"do your therapists think monogamy is natural", question.Opinion},
		{"whats the dropout rate for sex therapy", question.Number},
		{"if its a physical thing, does the sex therapist just handle all of it themselves", question.General},
		{"Is there a faith-based sex therapy option?", question.Offering},
		// the clinic's own rules: a referral to come, a booking asked about
		{"Do you require a referral from a doctor before booking?", question.Schedule},
		{"do i need a GP referral to book with you", question.Schedule},
		{"need a referral for a sex therapist for my client", question.General},
		{"is it confidential? just checking before booking", question.General},
		{"Does sex therapy tend to work better for individuals or for couples?", question.Comparison},
		// what happens if
		{"What if I start crying in the session?", question.Consequence},
		{"what happens if i miss a session", question.Consequence},
		{"caller asks what happens when therapy ends", question.Consequence},
		{"what happens in a session", question.Procedure},
		// the exceptions to what the file states
		{"Are there limits to confidentiality?", question.Limit},
		{"caller asks when a therapist would have to tell someone what was said", question.Limit},
		{"is there anything you cant keep confidential", question.Limit},
		{"is it confidential", question.General},
		// how something has changed since
		{"How has sex therapy changed since the 1970s?", question.Change},
		{"is sex therapy different nowadays", question.Change},
		{"how has society changed sex therapy", question.General},
		{"how did sex therapy develop", question.General},
		{"Which evidence-based practices did AASECT promote, specifically?", question.Detail},
		// the particulars of something the file names only in passing
		{"What specific skills are taught in the skill-building part?", question.Detail},
		{"caller asks what exact year sex therapy officially started", question.Detail},
		{"what exactly did Masters and Johnson discover", question.Detail},
		{"what exactly are AASECT's ethical standards", question.Detail},
		{"what were masters and johnsons first names", question.Detail},
		{"what is sex therapy exactly", question.Definition},
		{"what exactly do sex therapists treat", question.General},
		{"Which published studies show that sex therapy actually works?", question.Detail},
		{"what books did Masters and Johnson write", question.Detail},
		{"what methods do sex therapists use", question.General},
		{"does sex therapy address my specific needs", question.General},
		{"do you have any trans therapists on staff", question.Offering},
		{"are there AASECT-certified therapists at this clinic", question.Offering},
		{"are your therapists kink aware", question.Offering},
		{"is there any touching at the clinic", question.General},
		{"does the counselor have her own views on polyamory", question.Opinion},
		{"caller wonders if the therapists are religious", question.Opinion},
		{"have you treated people like me before", question.Opinion},
		{"do you think couples should share passwords", question.Opinion},
		{"what got you into this line of work", question.Opinion},
		{"does the therapist have experience with polyamory", question.Opinion},
		{"do therapists have a code of experience", question.General},
		{"Client asks: what's the therapist's personal view on kink?", question.Opinion},
		{"Client wants to know if the therapist is married.", question.Opinion},
		// comparison
		{"What is the difference between sex therapy and couples counseling?", question.Comparison},
		{"sex therapy vs seeing a doctor, which one do i need", question.Comparison},
		{"how is a sexologist different from a sex therapist", question.Comparison},
		{"is sex therapy judgmental or coercive", question.General},
		{"which works better for sex issues, cbt or psychodynamic", question.Comparison},
		{"is sex therapy more effective than medication", question.Comparison},
		{"is group or individual therapy better for shy people", question.Comparison},
		{"are online or in-person sessions more helpful", question.Comparison},
		{"is it about sex or about the relationship too", question.General},
		// credentials and training
		{"what training does a therapist have", question.Credentials},
		{"What degree does a sex therapist need?", question.Credentials},
		{"how do you become a sex therapist", question.Credentials},
		{"do you need a license to practice sex therapy", question.Credentials},
		{"does the counselor have to be a psychologist", question.Credentials},
		{"do i need to bring anything to my first session", question.Recommendation},
		{"what does being AASECT certified mean", question.Credentials},
		{"What does it mean to be AASECT certified?", question.Credentials},
		{"is the therapist trained", question.General},
		{"what are the therapist's qualifications", question.Credentials},
		{"where did your therapists do their training", question.Credentials},
		{"is the therapist a licensed psychologist", question.Credentials},
		{"is the therapist kind", question.General},
		// a date
		{"when did sex therapy start", question.When},
		{"how long has sex therapy been around", question.When},
		{"a caller asks how long sex therapy has been around", question.When},
		{"what decade did it become a profession", question.When},
		// duration and frequency
		{"how long does therapy take", question.Duration},
		{"how often do people go", question.Duration},
		{"how many sessions will I need", question.Duration},
		{"is it 50 minutes", question.General},
		{"is sex therapy a short term thing", question.Duration},
		// cost
		{"Does Insurance Cover Sex Therapy?", question.Cost},
		{"how much does a session cost", question.Cost},
		{"can I pay with my HSA card", question.Cost},
		{"is the first consultation free", question.Cost},
		{"is sex therapy judgement free", question.General},
		{"how much does sex therapy focus on intercourse", question.General},
		// scheduling and hours
		{"how do I book an appointment", question.Schedule},
		{"can I cancel or reschedule", question.Schedule},
		{"are you open on saturdays", question.Schedule},
		{"is there a waiting list", question.Schedule},
		// place and format
		{"where is the clinic located", question.Place},
		{"where can I park my car", question.Place},
		{"do you offer online sessions", question.Place},
		{"Is TeleHealth Sex & Relationship Therapy Effective?", question.Place},
		{"where did sex therapy begin", question.General},
		{"do you do video sessions", question.Place},
		{"can I have a phone appointment instead", question.Place},
		{"do you take clients from out of state", question.Place},
		{"what kind of problems does sex therapy address", question.Definition},
		// figures
		{"how many people go to sex therapy each year", question.Number},
		{"what is the success rate of sex therapy", question.Number},
		{"how many sex therapists are there in canada", question.Number},
		// what is normal or healthy
		{"Can BDSM behavior be healthy?", question.Normal},
		{"is it normal to lose interest in sex", question.Normal},
		{"is masturbation healthy", question.Normal},
		{"is it safe to open up to a sex therapist", question.General},
		{"is sex therapy just normal therapy but focused on sex", question.General},
		{"is it weird to want sex every day", question.Normal},
		{"is it ok to go alone", question.General},
		// cause
		{"What causes low libido?", question.Cause},
		{"what can cause erection problems", question.Cause},
		// reason
		{"Why should you see a sex therapist?", question.Reason},
		{"what is the point of sex therapy", question.Reason},
		{"What can you see a sex therapist for?", question.Reason},
		// when should one go, is it right for me
		{"When Is Sex Therapy Recommended?", question.Recommendation},
		{"When Is It Time to See a Sex Therapist?", question.Recommendation},
		{"Should I try sex therapy?", question.Recommendation},
		{"how do I know if I need sex therapy", question.Recommendation},
		{"when do couples usually decide to try it", question.Recommendation},
		{"at what point is it worth seeing someone", question.Recommendation},
		{"how bad does it have to get before we see someone", question.Recommendation},
		{"how bad is it to cancel before we book", question.Schedule}, // booking comes first
		{"is it too late to start in my sixties", question.Recommendation},
		{"should I see a doctor first", question.General},
		{"should i skip the doctor and just do sex therapy", question.General},
		{"do i need a partner to do sex therapy", question.General},
		// who may
		{"Who can join AASECT?", question.Eligibility},
		{"who is sex therapy for", question.Eligibility},
		{"can my girlfriend come in with me", question.Eligibility},
		{"do you work with trans clients", question.Eligibility},
		{"do sex therapists work with lgbtq couples", question.Eligibility},
		{"does a therapist see people over 70", question.Eligibility},
		{"do sex therapists work with doctors", question.General},
		// "who" in a relative clause asks nothing
		{"do they work with people who are in a relationship", question.General},
		{"a caller asks who founded AASECT", question.Who},
		{"do you work with doctors", question.General},
		{"who does a sex therapist see", question.Eligibility},
		// who
		{"who pioneered sex therapy", question.Who},
		{"which organization set professional standards", question.Who},
		{"who leads the sessions", question.Who},
		// how to do something
		{"How do I join AASECT?", question.HowTo},
		{"how can i spice things up in the bedroom", question.HowTo},
		{"how do I know the therapist is ethical", question.General},
		{"how would you define sex therapy", question.Definition},
		// procedure
		{"how does sex therapy work", question.Procedure},
		{"what happens in a session", question.Procedure},
		{"what does sex therapy involve", question.Procedure},
		// yes or no on a condition
		{"Can sex therapy help premature ejaculation?", question.Condition},
		{"can it help with vaginismus", question.Condition},
		{"does sex therapy treat depression", question.Condition},
		{"can sex therapy help us communicate", question.General},
		// definition and general
		{"What is sex therapy?", question.Definition},
		{"define sex therapy", question.Definition},
		{"will the therapist touch me", question.General},
		{"is it confidential", question.General},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := question.Analyze(tt.q)
			if a.Type != tt.want {
				t.Errorf("type %s (cue %q), want %s", a.Type, a.Cue, tt.want)
			}
		})
	}
}

// TestFocus: what a question is about, once the words that frame it, the
// type's cue and the file's topic words are set aside.
func TestFocus(t *testing.T) {
	tests := []struct {
		q     string
		focus []string
	}{
		{"What is sex therapy?", nil},
		{"Do sex therapists have sex with their clients?", []string{"clients"}},
		{"what training does a therapist have", nil},
		{"is the therapist trained", []string{"trained"}},
		{"What does it mean to be AASECT certified?", []string{"aasect"}},
		{"Who can join AASECT?", []string{"join", "aasect"}},
		{"How do you personally feel about masturbation?", []string{"masturbation"}},
		{"Can BDSM behavior be healthy?", []string{"bdsm", "behavior"}},
		{"where can I park my car", nil},
		{"can i come on my own", []string{"come", "own"}},
		{"does the clinic's therapist keep notes", []string{"clinic", "keep", "notes"}},
		{"@channel does the clinic keep things confidential", []string{"clinic", "keep", "confidential"}},
		{"whats the therapy approach u guys use", []string{"approach", "guys", "use"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := question.Analyze(tt.q)
			if diff := cmp.Diff(tt.focus, a.Focus, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("focus (-want +got):\n%s", diff)
			}
		})
	}
}

// TestKinds: an everyday word right before a topic word ([heads]) names a
// kind of therapy or session, and is what the question is about.
func TestKinds(t *testing.T) {
	tests := []struct {
		q     string
		kinds []string
	}{
		{"Do you offer group sex therapy sessions?", []string{"group"}},
		{"is sex therapy a real therapy", []string{"real"}},
		{"is phone therapy an option", nil},                  // "phone" asks where: the cue
		{"dumb question, but what is sex therapy", nil},      // not before a topic word
		{"how long is a session", nil},                       // "long" is the cue
		{"do you offer sessions for a group of people", nil}, // "group" not before one
		{"what is the first session like", []string{"first"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := question.Analyze(tt.q)
			if diff := cmp.Diff(tt.kinds, a.Kinds, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("kinds (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNameWords: names are capitalised where no sentence starts, or
// acronyms; a capital that starts a sentence is none.
func TestNameWords(t *testing.T) {
	got := question.NameWords("Sex therapy emerged with the research of Masters and Johnson. Organizations like AASECT's were pivotal. AASECT matters.")
	want := []string{"masters", "johnson", "aasect", "aasect"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NameWords (-want +got):\n%s", diff)
	}
}

// TestTerm: a question that asks what a term means, against one that asks
// about something ("the mission of AASECT") or asks more than the term.
func TestTerm(t *testing.T) {
	tests := []struct {
		q    string
		term bool
	}{
		{"what is sex therapy", true},
		{"What is AASECT?", true},
		{"what does psychodynamic mean", true},
		{"what does client-centered actually mean in practice", true},
		{"what is cognitive behavioral therapy", true},
		{"what's meant by relational dynamics", true},
		{"define sex therapy in one sentence", true},
		{"What is the mission of AASECT?", false},
		{"what is the first session like", false},
		{"how long is a session", false},
		{"what kind of therapy is it", false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := question.Analyze(tt.q).Term; got != tt.term {
				t.Errorf("Term = %v, want %v", got, tt.term)
			}
		})
	}
}

// TestPredicate: what a "who" question asks someone did, which the
// sentence naming them must say too; only the verbs words.txt lists.
func TestPredicate(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"who founded AASECT", []string{"founded"}},
		{"Who invented sex therapy?", []string{"invented"}},
		{"who leads the sessions", nil},  // "guided by a trained sex therapist" answers it
		{"when was AASECT founded", nil}, // not a who question: "founded" is its focus
		{"which organization sets the standards", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := question.Analyze(tt.q).Predicate; !slices.Equal(got, tt.want) {
				t.Errorf("predicate %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAlternatives: the options of an "A or B" question, each of which a
// passage may answer.
func TestAlternatives(t *testing.T) {
	tests := []struct {
		q    string
		want [2][]string
	}{
		{"is there any nudity or demonstration during the sessions", [2][]string{{"nudity"}, {"demonstration", "during"}}},
		{"does it help emotionally too or only sexually", [2][]string{{"help", "emotionally", "too"}, {"only"}}},
		{"is it just CBT or do they use other methods", [2][]string{{"cbt"}, {"use", "other", "methods"}}},
		{"is it confidential", [2][]string{}},
		{"or what", [2][]string{}},
		{"pt asking if it looks at the whole person or just the symptom", [2][]string{{"looks", "whole"}, {"symptom"}}},
		// a list to tell apart, not options
		{"what does it mean to be a sex therapist, sexologist or sex coach", [2][]string{}},
		// a comparison has sides, not alternatives
		{"sex therapy or couples counseling, which is better", [2][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := question.Analyze(tt.q)
			if diff := cmp.Diff(tt.want, a.Alternatives, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("alternatives (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSides: the two things a comparison compares.
func TestSides(t *testing.T) {
	tests := []struct {
		q    string
		a, b []string
	}{
		{"What is the difference between sex therapy and couples counseling?", nil, []string{"couples", "counseling"}},
		{"sex therapy vs seeing a doctor, which one do i need", nil, []string{"seeing", "doctor"}},
		{"how is a sexologist different from a sex therapist", []string{"sexologist"}, nil},
		{"How is sex therapy different from couples therapy?", nil, []string{"couples"}},
		{"compare sex therapy with sex education classes", nil, []string{"education", "classes"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := question.Analyze(tt.q)
			if a.Type != question.Comparison {
				t.Fatalf("type %s", a.Type)
			}
			if diff := cmp.Diff([2][]string{tt.a, tt.b}, a.Sides, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("sides (-want +got):\n%s", diff)
			}
			// "couples therapy" is a kind of therapy: a passage must name it so
			if want := strings.Contains(tt.q, "couples therapy"); a.Compound[1] != want {
				t.Errorf("second side compound %v, want %v", a.Compound[1], want)
			}
		})
	}
}

// TestProblems: a condition question names problems the bot knows, with
// their kinds.
func TestProblems(t *testing.T) {
	tests := []struct {
		q     string
		words []string
		kind  string
	}{
		{"Can sex therapy help premature ejaculation?", []string{"premature", "ejaculation"}, "sexual function"},
		{"can it help with vaginismus", []string{"vaginismus"}, "sexual function"},
		{"will sex therapy help with my low libido", []string{"low", "libido"}, "desire"},
		{"Can you also help people with other issues such as depression and anxiety?", []string{"depression"}, "mental health"},
		{"does sex therapy help with porn addiction", []string{"porn", "addiction"}, "compulsive sexual behaviour"},
		{"I have ED, will sex therapy help or do I need a doctor?", []string{"ed"}, "medical"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := question.Analyze(tt.q)
			if a.Type != question.Condition || len(a.Problems) == 0 {
				t.Fatalf("type %s, problems %v", a.Type, a.Problems)
			}
			p := a.Problems[0]
			if !cmp.Equal(p.Words, tt.words) || !strings.Contains(strings.Join(p.Kinds, ","), tt.kind) {
				t.Errorf("problem %v, want %v of kind %q", p, tt.words, tt.kind)
			}
		})
	}
}

// TestRead: what a passage's text can answer, read when the file is
// indexed.
func TestRead(t *testing.T) {
	has := func(text string, ts ...question.Type) {
		t.Helper()
		f := question.Read(text)
		for _, ty := range ts {
			if !f.Supplies.Has(ty) {
				t.Errorf("%.50q: does not supply %s", text, ty)
			}
		}
	}
	hasNot := func(text string, ts ...question.Type) {
		t.Helper()
		f := question.Read(text)
		for _, ty := range ts {
			if f.Supplies.Has(ty) {
				t.Errorf("%.50q: supplies %s", text, ty)
			}
		}
	}
	has("Sessions last 50 minutes and most clients come weekly.", question.Duration)
	has("A session costs $120; we offer a sliding scale.", question.Cost)
	has("We are open Monday to Friday from 9 am to 5 pm.", question.Schedule)
	has("The clinic is located at 12 Elm Street, second floor. Sessions are also offered online.", question.Place)
	has("Our therapists hold a master's degree and are certified by AASECT after 300 supervised hours.", question.Credentials)
	has("It emerged in the mid-20th century; formal recognition came in the 1960s and 1970s.", question.When)
	has("Sex therapy, as an evidenced-based modality, emerged with the pioneering research of Masters and Johnson.", question.Who)
	has("Sex therapists work collaboratively with individuals and couples.", question.Eligibility, question.Who)
	has("Sex therapy is not a replacement for medical interventions; instead, we work with doctors.", question.Comparison)
	has("We recommend considering sex therapy if you notice a lasting change in desire.", question.Recommendation)
	has("Anything at all: the definition or any general question.", question.Definition, question.General)
	// "a trained sex therapist" says that they are trained, not what training they have
	hasNot("Sessions are guided by a trained sex therapist who uses a client-centered approach.", question.Credentials)
	// "Masters and Johnson" are people, not a master's degree
	hasNot("It emerged with the pioneering research of Masters and Johnson.", question.Credentials)
	// nothing in the default file states a duration, a price or a view of the therapist's own
	for _, text := range []string{
		"In sex therapy, clients can expect a confidential, supportive, and non-judgmental space where concerns related to sexuality, intimacy, and relationships can be safely explored.",
		"Depending on your goals, therapy may include education, skill-building, and open dialogue to help you better understand yourself and your experiences.",
	} {
		hasNot(text, question.Duration, question.Cost, question.Opinion, question.Credentials, question.Recommendation)
	}

	// the sentences that give a date, a name, a length of time: each
	// with the types it gives, and no others
	f := question.Read("Sex therapy emerged in the mid-20th century. Organizations like AASECT were pivotal! Sessions last 50 minutes? It is not coercive.")
	want := []question.Sentence{
		{Text: "Sex therapy emerged in the mid-20th century.", Supplies: question.Types(0).With(question.When)},
		{Text: "Organizations like AASECT were pivotal!", Supplies: question.Types(0).With(question.Who)},
		{Text: "Sessions last 50 minutes?", Supplies: question.Types(0).With(question.Duration)},
	}
	if !slices.Equal(f.Sentences, want) {
		t.Errorf("Sentences:\n got %v\nwant %v", f.Sentences, want)
	}

	// the terms a text defines: "X is a ...", an abbreviation spelt out;
	// not what it lists, nor what "is not"
	f = question.Read("According to the American Association of Sexuality Educators, Counselors, and Therapists (AASECT), sex therapy is a specialized form of psychotherapy. It draws on cognitive-behavioral and psychodynamic approaches. Sex therapy is not entertainment.")
	for term, want := range map[string]bool{"sex therapy": true, "aasect": true, "psychodynamic": false, "cognitive-behavioral": false, "entertainment": false, "sex therapy exactly": true} {
		if got := f.Defined(question.Words(term)); got != want {
			t.Errorf("Defined(%q) = %v, want %v", term, got, want)
		}
	}

	f = question.Read("sex therapy focuses on addressing sexual concerns, improving sexual function, and enhancing overall sexual well-being")
	pe := question.Analyze("can it help premature ejaculation").Problems[0]
	dep := question.Analyze("can it help with depression").Problems[0]
	if !f.Names(pe) || f.Names(dep) {
		t.Errorf("Names: premature ejaculation %v (want true), depression %v (want false); kinds %v", f.Names(pe), f.Names(dep), f.Kinds)
	}
}

// TestPractical: questions about the clinic's practical matters, which the
// clinic answers itself, and answerable ones that share their words.
func TestPractical(t *testing.T) {
	for _, q := range []string{
		"how much does a session cost", "is it covered by my insurance", "can I pay with my HSA card",
		"do you take medicaid", "how long is each session", "how long does therapy take",
		"how many sessions will I need", "how often do people go", "how do I book an appointment",
		"can I cancel or reschedule", "is there a waitlist", "where is the clinic located", "is there parking",
		"do you offer online sessions", "can therapy be done over zoom", "are sessions in person or virtual",
		"are you open on saturdays", "do you have evening appointments",
	} {
		if !question.Analyze(q).Type.Practical() {
			t.Errorf("%q: not practical (%s)", q, question.Analyze(q).Type)
		}
	}
	for _, q := range []string{
		"how long has sex therapy been around", "I read a lot online about sex therapy, what is it",
		"what happens in a session", "how did sex therapy begin", "does sex therapy replace medical treatment",
		"is it confidential", "how much does sex therapy focus on intercourse", "will the therapist touch me",
		"is it a safe and open space", "can I be open about my kinks",
	} {
		if a := question.Analyze(q); a.Type.Practical() {
			t.Errorf("%q: taken for a practical question (%s, cue %q)", q, a.Type, a.Cue)
		}
	}
}

// TestSay: every type but the general one says what the file does not say.
func TestSay(t *testing.T) {
	if question.General.Say() != "" {
		t.Error("a general question has no targeted no_match")
	}
	for _, name := range question.TypeNames() {
		ty, ok := question.ParseType(name)
		if !ok || ty.String() != name {
			t.Errorf("ParseType(%q) = %v, %v", name, ty, ok)
		}
		if s := ty.Say(); !strings.HasPrefix(s, "The clinic's information doesn't") {
			t.Errorf("%s: say %q", name, s)
		}
	}
	want := "The clinic's information doesn't say how long therapy takes or how often sessions happen."
	if got := question.Analyze("how long does therapy take").Type.Say(); got != want {
		t.Errorf("duration says %q", got)
	}
}

// TestWords: chat spellings, contractions, possessives and mentions.
func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"What's sex therapy?", []string{"what", "is", "sex", "therapy"}},
		{"the clinic's hours", []string{"the", "clinic", "hours"}},
		{"I don't know", []string{"i", "do", "not", "know"}},
		{"wat r u", []string{"what", "are", "you"}},
		{"@here is it in-person?", []string{"is", "it", "in-person"}},
		{"$120 or 100%", []string{"$", "120", "or", "100", "%"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, question.Words(tt.in)); diff != "" {
			t.Errorf("Words(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"what is sex therapy", "how long ... ^ $ <number>", "@@@", "'s's's", "difference between", "vs vs vs"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := question.Analyze(s)
		_ = a.Type.Say()
		question.Read(s)
	})
}

// TestAsks: a clause that reads as a question, and one that tells a story.
func TestAsks(t *testing.T) {
	for q, want := range map[string]bool{
		"caller wants to know if sessions are confidential": true,
		"wants to know what a session is like":              true,
		"is it confidential":                                true,
		"when do people usually go":                         true,
		"whats the point":                                   true,
		"my partner and I barely talk":                      false,
		"she lives in a small town":                         false,
		"":                                                  false,
	} {
		if got := question.Asks(q); got != want {
			t.Errorf("Asks(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestNames: the words a question writes as names, which the gate holds to
// the file's own words; not the name of someone close, not a sentence's
// first word, not a named problem.
func TestNames(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"Was Alfred Kinsey involved in founding sex therapy?", []string{"alfred", "kinsey"}},
		{"We did a workshop. Do your therapists use the Gottman Method?", []string{"gottman", "method"}},
		{"a colleague swears by EMDR. is it used in sex therapy?", []string{"emdr"}},
		{"Is AASECT still relevant?", []string{"aasect"}},
		{"My husband Tom won't come. Can I come alone?", nil},
		{"Hello, can sex therapy help with ED?", nil},
		{"Sessions are online? I live in Ohio", []string{"ohio"}},
		{"I'm nervous. Is it confidential?", nil},
		{"what is sex therapy", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := question.Analyze(tt.q).Names; !slices.Equal(got, tt.want) {
				t.Errorf("Names = %q, want %q", got, tt.want)
			}
		})
	}
}
