package search

// within reports whether a and b are at most k edits apart (Levenshtein,
// on runes). It gives up early once every path is over k, so comparing a
// question's word with a passage's vocabulary stays cheap.
func within(a, b string, k int) bool {
	// words of ordinary length (correct caps them at maxFuzzyRunes) fit in
	// arrays on the stack
	var bufA, bufB [maxFuzzyRunes + 4]rune
	var bufP, bufC [maxFuzzyRunes + 8]int
	ra, rb := bufA[:0], bufB[:0]
	for _, r := range a {
		ra = append(ra, r)
	}
	for _, r := range b {
		rb = append(rb, r)
	}
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	prev := append(bufP[:0], make([]int, len(rb)+1)...)
	cur := append(bufC[:0], make([]int, len(rb)+1)...)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}
