package safety

// RuleNames lists every rule's name, for the test that each one is
// exercised.
func RuleNames() []string {
	var names []string
	for _, c := range compiledRules.table {
		names = append(names, c.name)
	}
	return names
}
