package search

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/faqbot/faqbot/internal/question"
	"github.com/faqbot/faqbot/knowledge"
)

// TestGroupLookups holds the synonym-group plan to what it replaces:
// bleve finds the same passages for a question with one query per synonym
// group as with one per term and per synonym, and a term no document
// holds is never sent.
func TestGroupLookups(t *testing.T) {
	ix := defaultIndex(t)
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

// TestHolders holds the per-term memory to what it stands for: on a small
// file the candidates of a question, cold or remembered, are the passages
// one bleve disjunction of its lookups finds.
func TestHolders(t *testing.T) {
	ix := defaultIndex(t)
	ctx := context.Background()
	n := len(ix.passages)
	for _, q := range []string{
		"is it confidential",
		"Do sex therapists see individuals or only couples?",
		"is it confidential for couples", // terms remembered and a new one
		"wat is sex therpy",
		"What time is it in Tokyo?",
	} {
		var clauses []clause
		for _, tk := range ix.questionTerms(question.Analyze(q).Words) {
			clauses = append(clauses, clause{term: tk, synonyms: ix.syn.equiv[tk], boost: 1})
		}
		ls := ix.lookups(clauses)
		var qs []bquery.Query
		for _, l := range ls {
			tq := bleve.NewTermQuery(l.term)
			tq.SetField(storeField)
			qs = append(qs, tq)
		}
		var want []int32
		if len(qs) > 0 {
			req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), n, 0, false)
			var err error
			if want, err = ix.store.search(ctx, req); err != nil {
				t.Fatal(err)
			}
		}
		slices.Sort(want)
		for _, pass := range []string{"cold", "remembered"} {
			got, err := ix.store.candidates(ctx, ls, n, true)
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%q (%s): candidates %v, bleve's disjunction %v", q, pass, got, want)
			}
		}
	}
}

// defaultIndex builds the index of the embedded default file, closed when
// the test ends.
func defaultIndex(t *testing.T) *Index {
	t.Helper()
	f, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestSameWord: a synonym that is the question's own word in another form
// counts as the word itself (Hit.Literal); a name's adjective does not.
func TestSameWord(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"emot", "emotion", true}, // "emotional", "emotionally"
		{"emotion", "emot", true},
		{"judg", "judgment", true},
		{"couple", "couples", true},
		{"freud", "freudian", false},
		{"sex", "sexe", false}, // too short to tell
		{"touch", "hug", false},
	}
	for _, tc := range tests {
		if got := sameWord(tc.a, tc.b); got != tc.want {
			t.Errorf("sameWord(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
