package search

import (
	"context"
	"slices"
	"testing"

	"github.com/faqbot/faqbot/internal/question"
	"github.com/faqbot/faqbot/knowledge"
)

// TestGroupLookups holds the synonym-group plan to what it replaces:
// bleve finds the same passages for a question with one query per synonym
// group as with one per term and per synonym, and a term no document
// holds is never sent.
func TestGroupLookups(t *testing.T) {
	f, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(f)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{
		"Do sex therapists see individuals or only couples?",
		"a caller asks whether couples can come together",
		"will my therapist touch me",
		"is it confidential",
		"is sex therapy the same as counseling",
		"What time is it in Tokyo?",
		"wat is sex therpy",
	} {
		tokens := ix.questionTerms(question.Analyze(q).Words)
		var clauses []clause
		var each []lookup // the old plan: the term and every synonym
		for _, tk := range tokens {
			clauses = append(clauses, clause{term: tk, synonyms: ix.syn.equiv[tk], boost: 1})
			each = append(each, lookup{tk, 1})
			for _, s := range ix.syn.equiv[tk] {
				each = append(each, lookup{s, 1})
			}
		}
		ctx := context.Background()
		n := len(ix.passages)
		got, err := ix.store.candidates(ctx, ix.lookups(clauses), n, true)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ix.store.candidates(ctx, each, n, true)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: group lookups found %v, term lookups %v", q, got, want)
		}
		if len(ix.lookups(clauses)) > len(each) {
			t.Errorf("%q: %d group lookups for %d terms and synonyms", q, len(ix.lookups(clauses)), len(each))
		}
	}
	if _, ok := ix.store.has["zzzqqq"]; ok {
		t.Error("the store claims a term no passage has")
	}
}
