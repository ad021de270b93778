package safety

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// The statistical net: a small linear classifier behind the rules. It
// reads the same spelt-out words and concepts as the concept layer and
// gives a probability that a message shows crisis or abuse. Its weights
// are data (data/net.txt), trained by `go run ./cmd/trainsafety` from the
// project's own real-language sets; the trainer sets the thresholds. A
// message it flags that the rules did not gets the check-in, never an FAQ
// passage.

// netClasses are the classifier's outputs, in the order of each weight
// line.
var netClasses = [...]Category{None, Crisis, Abuse}

// net is the compiled classifier.
type net struct {
	bias      [len(netClasses)]float64
	weights   map[string][len(netClasses)]float64    // words and concepts ("c:means")
	pairs     map[[2]string][len(netClasses)]float64 // word pairs, "a_b" in the file
	threshold [len(netClasses)]float64               // for Crisis and Abuse; None's is unused
	// strict is the threshold for a message the phrase layer read as a
	// medical question or a referral: a flag there overrides that reading
	strict [len(netClasses)]float64
	// stemmed holds, for each word the net has a weight for, the weight of
	// its stem's feature ("s:hopeless"), if any: stemming is most of the
	// net's time, and most words of a message are words it knows. Words
	// it does not know are stemmed when read. Only the net's own
	// vocabulary is kept, never a message's words.
	stemmed map[string]stemWeight
}

type stemWeight struct {
	w  [len(netClasses)]float64
	ok bool
}

// stemWeight returns the weight of w's stem's feature, if it has one.
func (n *net) stemWeight(w string) ([len(netClasses)]float64, bool) {
	if sw, known := n.stemmed[w]; known {
		return sw.w, sw.ok
	}
	return n.stemFeature(w)
}

// stemFeature looks up the feature of w's stem; a word that is its own
// stem has none.
func (n *net) stemFeature(w string) ([len(netClasses)]float64, bool) {
	st := stemOf(w)
	if st == w {
		return [len(netClasses)]float64{}, false
	}
	v, ok := n.weights["s:"+st]
	return v, ok
}

// loadNet reads data/net.txt: "threshold CLASS P" lines, a "bias W W W"
// line, then "FEATURE W W W" lines. A missing file is no net.
func loadNet(fsys fs.FS) (*net, error) {
	n := &net{weights: map[string][len(netClasses)]float64{}, pairs: map[[2]string][len(netClasses)]float64{}}
	err := eachLine(fsys, "data/net.txt", func(at, line string) error {
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && (f[0] == "threshold" || f[0] == "strict"):
			c := -1
			for i, nc := range netClasses {
				if nc.String() == f[1] {
					c = i
				}
			}
			p, err := strconv.ParseFloat(f[2], 64)
			if c <= 0 || err != nil || p <= 0 || p > 1 {
				return fmt.Errorf("%s: want: %s crisis|abuse P, with P in (0, 1]", at, f[0])
			}
			if f[0] == "strict" {
				n.strict[c] = p
			} else {
				n.threshold[c] = p
			}
		case len(f) == 1+len(netClasses):
			var w [len(netClasses)]float64
			for i := range w {
				v, err := strconv.ParseFloat(f[i+1], 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("%s: bad weight %q", at, f[i+1])
				}
				w[i] = v
			}
			a, b, pair := strings.Cut(f[0], "_")
			switch {
			case f[0] == "bias":
				n.bias = w
			case pair && a != "" && b != "":
				n.pairs[[2]string{a, b}] = w
			default:
				n.weights[f[0]] = w
			}
		default:
			return fmt.Errorf("%s: want FEATURE and %d weights, or a threshold line", at, len(netClasses))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	n.stemmed = make(map[string]stemWeight, len(n.weights))
	for f := range n.weights {
		if !strings.Contains(f, ":") {
			v, ok := n.stemFeature(f)
			n.stemmed[f] = stemWeight{v, ok}
		}
	}
	for i := 1; i < len(netClasses); i++ {
		if n.threshold[i] == 0 {
			return nil, fmt.Errorf("data/net.txt: no threshold for %s", netClasses[i])
		}
		if n.strict[i] == 0 {
			n.strict[i] = n.threshold[i]
		}
	}
	return n, nil
}

// features are what the net reads: each word, each pair of words in a
// sentence, and each concept found ("c:means").
func (lx *lexicon) features(ws []word, hits []hit) []string {
	out := make([]string, 0, 2*len(ws)+len(hits))
	idiom := lx.idiomWords(ws, hits)
	for i, w := range ws {
		if idiom != nil && idiom[i] {
			continue
		}
		out = append(out, w.w)
		if st := stemOf(w.w); st != w.w {
			out = append(out, "s:"+st)
		}
		if i > 0 && ws[i-1].sent == w.sent && (idiom == nil || !idiom[i-1]) {
			out = append(out, ws[i-1].w+"_"+w.w)
		}
	}
	for _, h := range hits {
		if h.concept != lx.idiom {
			out = append(out, "c:"+lx.concepts[h.concept].name)
		}
	}
	return out
}

// idiomWords marks the words inside an idiom ("suffering for it", "pull
// the trigger on"): the net, like the rules, does not read them. It is
// nil when there is no idiom.
func (lx *lexicon) idiomWords(ws []word, hits []hit) []bool {
	var in []bool
	for _, h := range hits {
		if h.concept != lx.idiom {
			continue
		}
		if in == nil {
			in = make([]bool, len(ws))
		}
		for j := h.start; j < h.end; j++ {
			in[j] = true
		}
	}
	return in
}

// probs gives the probability of each class for a message's words and
// concepts: the sum of the weights of its features, as the trainer adds
// them (see features), without building the features' strings.
func (n *net) probs(lx *lexicon, ws []word, hits []hit) [len(netClasses)]float64 {
	z := n.bias
	add := func(w [len(netClasses)]float64) {
		for i := range z {
			z[i] += w[i]
		}
	}
	idiom := lx.idiomWords(ws, hits)
	for i, w := range ws {
		if idiom != nil && idiom[i] {
			continue
		}
		if v, ok := n.weights[w.w]; ok {
			add(v)
		}
		if v, ok := n.stemWeight(w.w); ok {
			add(v)
		}
		if i > 0 && ws[i-1].sent == w.sent && (idiom == nil || !idiom[i-1]) {
			if v, ok := n.pairs[[2]string{ws[i-1].w, w.w}]; ok {
				add(v)
			}
		}
	}
	for _, h := range hits {
		if h.concept != lx.idiom {
			if v, ok := n.weights[lx.conceptFeature[h.concept]]; ok {
				add(v)
			}
		}
	}
	return Softmax(z)
}

// Softmax turns the net's class scores into probabilities; the trainer
// uses it too, so training and triage read scores the same way.
func Softmax(z [len(netClasses)]float64) [len(netClasses)]float64 {
	m := z[0]
	for _, v := range z {
		m = max(m, v)
	}
	var sum float64
	for i := range z {
		z[i] = math.Exp(z[i] - m)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
	return z
}

// flag returns the category the net flags, or None.
func (n *net) flag(lx *lexicon, ws []word, hits []hit, strict bool) (Category, float64) {
	p := n.probs(lx, ws, hits)
	th := &n.threshold
	if strict {
		th = &n.strict
	}
	best, bp := None, 0.0
	for i := 1; i < len(netClasses); i++ {
		if p[i] >= th[i] && p[i] > bp {
			best, bp = netClasses[i], p[i]
		}
	}
	return best, bp
}

// Features are the net's features for text (after textnorm.Clean), for
// the trainer.
func Features(text string) []string {
	r, lx := compiledRules, compiledLexicon
	masked, _ := r.mask(textnorm.Fold(text))
	ws := lx.sp.words(masked, nil)
	return lx.features(ws, lx.find(ws))
}

// stemOf is a word's English (Porter2) stem: "hopelessness" and
// "hopeless" share "hopeless", "overdosing" and "overdosed" "overdos", so
// the net learns a word once for all its forms.
func stemOf(w string) string {
	if len(w) < 4 {
		return w
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}
