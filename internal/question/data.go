package question

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed words.txt
var wordsTxt string

// data is words.txt, read.
type data struct {
	spell   map[string][]string
	numbers map[string]bool
	filler  map[string]bool
	// predicates are the verbs of a who question that the sentence naming
	// someone must say too ("founded")
	predicates map[string]bool
	everyday   map[string]bool
	topic      map[string]bool
	people     map[string]bool
	// heads are the topic words an everyday word before them makes a
	// kind of ("group" therapy, "phone" sessions)
	heads     map[string]bool
	modifiers map[string]bool
	roles     map[string]bool

	types []typeDef // in file order: the first that matches wins
	asks  phrases   // owner: index into types
	// terms are the asks (by index) that ask what a term means ("term:")
	terms    map[int]bool
	supplies phrases // owner: index into types
	kinds    []kindDef
	problems phrases // owner: index into kinds
}

type typeDef struct {
	t    Type
	say  string
	free bool // "any: yes": any passage about the question will do
	// "sentence: yes": one sentence must give the answer and name what
	// the question is about ("when was AASECT founded" is not answered by
	// a date in a sentence about something else)
	sentence bool
}

type kindDef struct {
	name  string
	names [][]string // the words a passage uses for the kind, spelled
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("question: words.txt: "+format, args...)
}

// parseData reads words.txt. It fails on anything it does not understand,
// so a mistake in the file is caught by the package's tests, not guessed at.
func parseData(src string) (*data, error) {
	d := &data{spell: map[string][]string{}, numbers: map[string]bool{}, filler: map[string]bool{}, predicates: map[string]bool{},
		everyday: map[string]bool{}, topic: map[string]bool{}, people: map[string]bool{}, heads: map[string]bool{}, modifiers: map[string]bool{}, roles: map[string]bool{},
		terms: map[int]bool{}}
	// the sections that are plain lists of words
	wordSets := map[string]map[string]bool{"numbers": d.numbers, "filler": d.filler, "everyday": d.everyday,
		"topic": d.topic, "people": d.people, "predicates": d.predicates, "heads": d.heads, "modifiers": d.modifiers, "roles": d.roles}
	section := ""
	var cur *typeDef
	var kind *kindDef
	for n, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.TrimSpace(line[1 : len(line)-1])
			cur, kind = nil, nil
			switch {
			case strings.HasPrefix(section, "type "):
				name := strings.TrimSpace(strings.TrimPrefix(section, "type "))
				t, ok := ParseType(name)
				if !ok {
					return nil, errorf("line %d: unknown type %q", n+1, name)
				}
				for _, td := range d.types {
					if td.t == t {
						return nil, errorf("line %d: type %q twice", n+1, name)
					}
				}
				d.types = append(d.types, typeDef{t: t})
				cur = &d.types[len(d.types)-1]
			case strings.HasPrefix(section, "kind "):
				d.kinds = append(d.kinds, kindDef{name: strings.TrimSpace(strings.TrimPrefix(section, "kind "))})
				kind = &d.kinds[len(d.kinds)-1]
			case section == "spell", wordSets[section] != nil:
			default:
				return nil, errorf("line %d: unknown section [%s]", n+1, section)
			}
			continue
		}
		switch {
		case section == "spell":
			from, to, ok := strings.Cut(line, "=")
			from, to = strings.TrimSpace(from), strings.TrimSpace(to)
			if !ok || from == "" || to == "" || strings.Contains(from, " ") {
				return nil, errorf("line %d: write a spelling as \"word = words\"", n+1)
			}
			d.spell[from] = strings.Fields(to)
		case wordSets[section] != nil:
			set := wordSets[section]
			for _, w := range strings.Fields(line) {
				for _, t := range tokenize(w, nil) {
					set[t] = true
				}
			}
		case cur != nil || kind != nil:
			key, value, ok := strings.Cut(line, ":")
			if !ok {
				return nil, errorf("line %d: write \"ask: …\", \"supply: …\" or \"say: …\"", n+1)
			}
			if err := d.entry(cur, kind, strings.TrimSpace(key), strings.TrimSpace(value)); err != nil {
				return nil, errorf("line %d: %v", n+1, err)
			}
		default:
			return nil, errorf("line %d: text outside a section", n+1)
		}
	}
	for _, td := range d.types {
		if td.say == "" {
			return nil, errorf("type %q has no say: line", td.t)
		}
	}
	for t := Type(1); t < numTypes; t++ {
		if d.typeIndex(t) < 0 {
			return nil, errorf("type %q is missing", t)
		}
	}
	for w := range d.modifiers {
		if !d.everyday[w] {
			return nil, errorf("[modifiers] %q is not an [everyday] word: only everyday words need listing there", w)
		}
	}
	return d, nil
}

func (d *data) entry(cur *typeDef, kind *kindDef, key, value string) error {
	if kind != nil {
		ki := len(d.kinds) - 1
		for _, phrase := range strings.Split(value, ",") {
			ws := respell(tokenize(phrase, d.spell), d.spell)
			if len(ws) == 0 {
				continue
			}
			switch key {
			case "names":
				kind.names = append(kind.names, ws)
			case "problems":
				p, err := compile(strings.Join(ws, " "), d.spell)
				if err != nil {
					return err
				}
				d.problems.add(p, ki, false)
			default:
				return fmt.Errorf("a kind has names: and problems: lines, not %q", key)
			}
		}
		return nil
	}
	ti := len(d.types) - 1
	switch key {
	case "say":
		cur.say = value
	case "any":
		cur.free = value == "yes"
	case "sentence":
		cur.sentence = value == "yes"
	case "ask", "alone", "supply", "term":
		p, err := compile(value, d.spell)
		if err != nil {
			return err
		}
		if key == "supply" {
			d.supplies.add(p, ti, false)
		} else {
			if key == "term" {
				d.terms[len(d.asks.list)] = true
			}
			d.asks.add(p, ti, key == "alone")
		}
	default:
		return fmt.Errorf("unknown %q: use say:, ask:, alone:, term:, supply:, any: or sentence:", key)
	}
	return nil
}

func (d *data) typeIndex(t Type) int {
	for i, td := range d.types {
		if td.t == t {
			return i
		}
	}
	return -1
}

// words is the parsed words.txt. A mistake in it is a bug caught by the
// package's tests, so it panics.
var words = func() *data {
	d, err := parseData(wordsTxt)
	if err != nil {
		panic(err)
	}
	return d
}()
