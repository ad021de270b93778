package textnorm

import "strings"

// leet maps the digits and symbols people put in place of letters to the
// letters they stand for.
var leet = map[byte]byte{
	'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't',
	'@': 'a', '$': 's', '!': 'i',
}

// units are the letters that follow a number to make a quantity, an ordinal
// or a time ("5mg", "3rd", "4hrs", "7pm"). A leading digit followed by one
// of these is a number, not leetspeak.
var units = map[string]bool{
	"mg": true, "mcg": true, "ml": true, "g": true, "kg": true, "lb": true, "lbs": true,
	"h": true, "hr": true, "hrs": true, "hour": true, "hours": true, "min": true, "mins": true,
	"minute": true, "minutes": true, "s": true, "sec": true, "secs": true, "am": true, "pm": true,
	"st": true, "nd": true, "rd": true, "th": true, "x": true, "k": true, "m": true,
	"d": true, "day": true, "days": true, "w": true, "wk": true, "wks": true, "week": true,
	"weeks": true, "mo": true, "mos": true, "month": true, "months": true, "y": true, "yr": true,
	"yrs": true, "year": true, "years": true, "yo": true, "km": true, "kms": true, "cm": true,
	"mm": true, "ft": true, "in": true, "ish": true, "times": true, "pack": true,
}

// unleet reads leetspeak in w as letters, only where it is clearly standing
// in for one:
//
//   - a lone digit (0 1 3 4 5 7) next to a letter: "k1ll", "su1c1de",
//     "5uicide", but not one that starts a quantity ("5mg", "3rd", "7pm",
//     "4hours") and not a leading 4 ("4ever", "4get" mean "for");
//   - a run of such digits with letters on both sides: "g00d", "l33t", but
//     not "covid19" or "100mg";
//   - '@' or '$' next to a letter: "r@pe", "$uicide";
//   - '!' between two letters: "k!ll", but not "help!".
//
// Words with no ASCII letter are never changed, so "24/7", "4 hours" and
// "$50" stay as they are. A symbol read as a letter can make its neighbour
// touch a letter ("0$a"), so unleet repeats until nothing changes; that
// makes it idempotent, which keeps Fold idempotent.
func unleet(w string) string {
	if !strings.ContainsAny(w, "013457@$!") || !hasASCIILetter(w) {
		return w
	}
	for {
		next := unleetOnce(w)
		if next == w {
			return w
		}
		w = next
	}
}

// unleetOnce is one pass of unleet.
func unleetOnce(w string) string {
	b := []byte(w)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if isDigit(c) {
			j := i + 1
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			if leetDigits(b, i, j) {
				for k := i; k < j; k++ {
					b[k] = leet[b[k]]
				}
			}
			i = j - 1
			continue
		}
		left := i > 0 && isLetterByte(b[i-1])
		right := i+1 < len(b) && isLetterByte(b[i+1])
		switch c {
		case '!':
			if left && right {
				b[i] = 'i'
			}
		case '@', '$':
			if left || right {
				b[i] = leet[c]
			}
		}
	}
	return string(b)
}

// leetDigits reports whether the digits b[i:j] stand for letters.
func leetDigits(b []byte, i, j int) bool {
	for k := i; k < j; k++ {
		if _, ok := leet[b[k]]; !ok {
			return false
		}
	}
	left := i > 0 && isLetterByte(b[i-1])
	right := j < len(b) && isLetterByte(b[j])
	if j-i > 1 {
		return left && right
	}
	if left {
		return true
	}
	return right && !isQuantity(b, i)
}

// isQuantity reports that the digit at i, which starts a word, is followed
// by a unit ("5mg", "3rd") or is a 4.
func isQuantity(b []byte, i int) bool {
	if b[i] == '4' {
		return true
	}
	j := i + 1
	for j < len(b) && isLetterByte(b[j]) {
		j++
	}
	return units[strings.ToLower(string(b[i+1:j]))]
}

func hasASCIILetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if isLetterByte(w[i]) {
			return true
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
