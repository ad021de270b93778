package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// builtinQuestions exercise every path of the engine, roughly in the mix a
// community sees: mostly answerable questions, some small talk, some that
// the engine must hand off or decline, some it cannot answer, and one long
// enough to be cut.
var builtinQuestions = []string{
	"What is sex therapy?",
	"what kind of therapy is sex therapy",
	"What can I expect during a sex therapy session?",
	"Do sex therapists see individuals or only couples?",
	"Is the therapist going to have physical contact with me?",
	"Does sex therapy replace medical treatment?",
	"How did sex therapy begin?",
	"Which organization sets the standards for sex therapists?",
	"Is sex therapy judgmental or coercive?",
	"Is what I say in sex therapy confidential?",
	"How many sessions does sex therapy usually take?",
	"What problems can a sex therapist help with?",
	"Can sex therapy help with low desire?",
	"My partner and I want different amounts of intimacy, can therapy help?",
	"Is sex therapy only for people in a relationship?",
	"Does sex therapy help with performance anxiety?",
	"What training does a sex therapist have?",
	"Do you work with LGBTQ+ clients?",
	"Will I have to do anything physical during a session?",
	"¿Qué es la terapia sexual?",
	"hi",
	"thanks, that helps!",
	"who are you?",
	"what can you help me with",
	"I get pain during sex, what medication should I take?",
	"Can you be my therapist?",
	"Can you recommend a sex therapist near me?",
	"I don't want to be alive anymore",
	"Write me an explicit story",
	"What is the capital of Mongolia?",
	"I have been wondering for a long time about whether sex therapy could help us. " +
		strings.Repeat("We have been together for years and things have changed slowly, and it is hard to talk about. ", 12) +
		"What would the first session be like?",
}

// maxQuestions bounds a questions file, so a wrong file (a log, a dump)
// fails fast instead of filling memory.
const maxQuestions = 100_000

// readQuestions reads one question a line. Blank lines and lines starting
// with # are skipped; a line starting with { is JSON with the question in
// "q" (the eval set's format) or "question" (the API's).
func readQuestions(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "{") {
			var v struct {
				Q        string `json:"q"`
				Question string `json:"question"`
			}
			if err := json.Unmarshal([]byte(line), &v); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n, err)
			}
			line = v.Q + v.Question
			if line == "" {
				return nil, fmt.Errorf("%s:%d: no \"q\" or \"question\"", path, n)
			}
		}
		if len(qs) == maxQuestions {
			return nil, fmt.Errorf("%s: more than %d questions", path, maxQuestions)
		}
		qs = append(qs, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return qs, nil
}
