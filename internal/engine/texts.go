package engine

import "github.com/faqbot/faqbot"

// Texts are the engine's own words. Every one can be replaced from the
// config file; the defaults are written to be plain, warm and
// non-judgmental, and to say that the bot is an automated assistant.
type Texts struct {
	Intro     string // smalltalk: who the bot is and what to ask
	Thanks    string // smalltalk: a reply to thanks
	Goodbye   string
	NoMatch   string // before the "did you mean" list
	Practical string // after a practical no_match when no clinic contact is configured
	Decline   string
	Truncated string // %d is replaced with the number of characters read
	Footer    string // after a quoted answer
	Empty     string // an empty or unreadable message

	Crisis, Abuse, Medical, Urgent, Referral string // handoff leads
	// CheckIn leads a crisis handoff given for risk signals rather than a
	// clear sign: it says why the bot asks.
	CheckIn string
	// Attached comes before the resources added to the answer of a
	// question about therapy that touches crisis or abuse.
	Attached string
}

// DefaultTexts are the built-in replies.
func DefaultTexts() Texts {
	return Texts{
		Intro: "Hi! " + faqbot.Disclaimer + " You could ask, for example: \u201cWhat is sex therapy?\u201d, " +
			"\u201cCan couples come together?\u201d, \u201cWill the therapist touch me?\u201d or \u201cIs it confidential?\u201d",
		Thanks:    "You're welcome. If anything else comes up, just ask.",
		Goodbye:   "Take care. I'm here if you have more questions.",
		NoMatch:   "I don't have an answer to that in the clinic's information, and I'd rather not guess.",
		Practical: "Please contact the clinic directly for practical details.",
		Decline:   "I can't help with that request. I'm an automated assistant that answers questions about sex therapy, and I don't create sexual content. Sex therapy itself is not a form of entertainment or explicit performance. You're welcome to ask what sex therapy is or what to expect in a session.",
		Truncated: "(Your message was long, so I read only the first %d characters.)",
		Footer:    "(An automated answer quoted from the clinic's information. I'm not a therapist, so this isn't personal advice.)",
		Empty:     "I didn't catch a question there. " + faqbot.Disclaimer + " Try asking, for example, \"What is sex therapy?\"",

		Crisis: "I'm really sorry you're going through this, and I'm glad you reached out. I'm an automated assistant and can't help in a crisis, " +
			"but people can, right now, for free and in confidence. If you're asking for someone else, you can contact them on that person's behalf or share these:",
		CheckIn: "I want to check in with you. Some of what you wrote sounds like you may be going through something really hard, and I'd rather ask than guess. " +
			"I'm an automated assistant, so I can't be the support you deserve, but people can, right now, for free and in confidence. " +
			"If you're thinking about suicide or hurting yourself, or just need to talk, please reach out:",
		Attached: "If this touches something that happened to you or someone close to you, confidential support is there any time:",
		Abuse: "I'm so sorry. What happened is not your fault, and you deserve support. I'm an automated assistant, " +
			"but these confidential services are there 24/7, whether it happened recently or long ago, to you or to someone you care about:",
		Medical: "That sounds like a question for a doctor or another medical professional. Sex therapy is not a replacement for medical care, " +
			"and sex therapists work with medical professionals when it helps. Please talk to a doctor, nurse or pharmacist about it.",
		Urgent: "This can be a medical emergency. Please call 911 or go to the nearest emergency room now. An erection that lasts more than four hours needs care right away.",
		Referral: "I'm an automated assistant, so I can't be your therapist, diagnose anything or recommend a particular person. " +
			"AASECT's referral directory lists certified sex therapists, counselors and educators you can contact:",
	}
}

// DefaultResources are the US resources each handoff points to. A region
// replaces them from the config file.
func DefaultResources() map[faqbot.Reason][]faqbot.Resource {
	aasect := faqbot.Resource{Name: "AASECT referral directory of certified sex therapists", URL: "https://www.aasect.org/referral-directory",
		Text: "Find a certified sex therapist, counselor or educator near you."}
	emergency := faqbot.Resource{Name: "Emergency services", Phone: "911", Text: "If anyone is in immediate danger, call 911."}
	return map[faqbot.Reason][]faqbot.Resource{
		faqbot.ReasonCrisis: {
			{Name: "988 Suicide & Crisis Lifeline", Phone: "988", URL: "https://988lifeline.org/chat", Text: "Call or text 988, or chat online, any time."},
			{Name: "Crisis Text Line", Phone: "741741", Text: "Text HOME to 741741."},
			{Name: "Outside the US: Find A Helpline", URL: "https://findahelpline.com", Text: "Free, confidential helplines in your country."},
			emergency,
		},
		faqbot.ReasonAbuse: {
			{Name: "RAINN National Sexual Assault Hotline", Phone: "800-656-4673", URL: "https://hotline.rainn.org/online", Text: "Call 800-656-HOPE (4673) or chat online, 24/7."},
			{Name: "National Domestic Violence Hotline", Phone: "800-799-7233", URL: "https://www.thehotline.org", Text: "Call 800-799-7233 or text START to 88788."},
			emergency,
		},
		faqbot.ReasonMedical: {
			{Name: "A doctor or other medical professional", Text: "Your doctor, a clinic, an urgent care centre or a pharmacist."},
			emergency,
		},
		faqbot.ReasonReferral: {aasect},
	}
}
