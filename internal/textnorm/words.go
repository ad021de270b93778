package textnorm

import "strings"

// vocabulary is what segment splits spelled-out letters into: the commonest
// English words, and the words people spell out to hide them from filters
// (the ones the safety rules look for). A word missing here costs little: its
// letters stay joined, and matchers allow words to run together.
var vocabulary, maxVocabLen = words(`
a i u am an as at be by do go he if in is it me my no of oh ok on or so to up us we
all and any are bad but can did die don dont few for get got had has her him his how
its let lot man may new not now off old one our out own per say see she the too try two
use was way who why yes yet you
able also back been best body both call came come cum dead does done down each else
even ever fast feel felt find fine from gave give good hard have help here high hold home
hope hurt into just keep kill kind know last left life like live long look lose lost made
make many mind more most much must name need never next nice only open over pain part
pill play real rest said same seem self sent show sick some soon stop such sure take talk
tell than that them then they this time told very want week well went were what when
will wish with work year your
about after again alive alone always another because before being better bleed blood
bother could cutting doctor dying every first friend gonna great hello hurts killing
leave little looking maybe might money month myself nobody nothing other people please
really right should since someone something still sorry thank thanks their there these
thing things think those three today tonight under until wanna where which while would
wrong
anymore anything everyone everything forever herself himself itself yourself ourselves
themselves themself without
abuse abused abuser abusive assault assaulted attack attacked beat beaten beats blade
bleeding choke choked coerced consent cut cuts death drown drugged end ending ends erotic
erotica forced grope groped hang hanged harass harassed harm harming hit hits hitting
incest jump knife kys kms killed kills molest molested molester naked noose nude nudes od
overdose pills poison porn pressure pressured rape raped rapes raping rapist razor sext
sexting sexy shoot slit stab starve stealthing suicidal suicide touch touched unalive
violence violent wrist wrists
sex sexual sexually therapy therapist therapists counselor session sessions couple couples
partner husband wife boyfriend girlfriend client caller patient child kid minor adult
erection penis vagina viagra bleeds lump discharge pregnant std sti
story dirty hot write send pic pics photo photos roleplay role
`)

func words(list string) (map[string]bool, int) {
	m := map[string]bool{}
	longest := 0
	for _, w := range strings.Fields(list) {
		m[w] = true
		longest = max(longest, len(w))
	}
	return m, longest
}
