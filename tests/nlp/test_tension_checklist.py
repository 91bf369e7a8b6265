"""Tension events, roles and direction (issue 3): a challenge set written by meaning before running the
extractor. FORMAT.md: the source is the doer, the target the one acted on. The rows go through the shapes in
which news English tells the tension acts of CAMEO 11-19 (PLOVER ACCUSE, DEMAND, THREATEN, SANCTION, REDUCE
RELATIONS, EXPEL, ASSAULT): active, passive with and without an agent, a possessor or demonym naming the
target ("Y's assets frozen by X", "X's sanctions against Y's oil sector"), the doer as a possessor or
demonym on the act's noun ("the X invasion of Y", "X's jets struck"), a state moved out of the subject
("Y was hit with X sanctions", "Y came under X shelling", "Y's envoy was expelled from X"), and tit-for-tat.
Neutral look-alikes (a curfew, sanctions lifted or eased, a charge dropped, a street protest outside an
embassy) must not fire.

Each row is (name, text, present, absent). `present` holds directed (source, target, label), where a label is
an event type or the category "tension" (whichever tension type the words chose); the reverse direction of a
present row must not be found unless the row lists it too. `absent` holds (sorted pair, label) that must not
be found in either direction. Sentences are about real events of 2011-2025, in our own words."""

from __future__ import annotations

import pytest

from kg.model import dyad_key
from tests.nlp.checklist import LATE, asserted_events, directed_labels, known_gap, row_id

CASES = [
    # sanctions (CAMEO 163 embargo, boycott, sanction; 1621 reduce economic aid)
    ("imposed-on-possessor", "Canada imposed sanctions on Iran's morality police in October 2022.",
     [("CAN", "IRN", "sanction")], []),
    ("sanctions-on-by", "New sanctions on North Korea by the United Nations were adopted in December 2017.",
     [("UN", "PRK", "sanction")], []),
    ("hit-with-demonym-sanctions", "Nicaragua was hit with new American sanctions in November 2021.",
     [("USA", "NIC", "sanction")], []),
    ("possessor-sanctions-against",
     "Washington's sanctions against Venezuela's oil sector took effect in April 2019.",
     [("USA", "VEN", "sanction")], []),
    ("blacklisted-officials", "Canada blacklisted Sri Lanka's two former presidents in January 2023.",
     [("CAN", "LKA", "sanction")], []),
    ("assets-frozen-by", "Afghanistan's central bank assets were frozen by the United States in August 2021.",
     [("USA", "AFG", "sanction")], []),
    ("arms-embargo-on", "The European Union imposed an arms embargo on Venezuela in November 2017.",
     [("EU", "VEN", "sanction")], []),
    ("state-sanctioned-by",
     "Turkey was sanctioned by the United States over its Russian missiles in December 2020.",
     [("USA", "TUR", "sanction")], []),
    ("announced-sanctions-against",
     "Australia announced sanctions against Russia's central bank in March 2022.",
     [("AUS", "RUS", "sanction")], []),
    ("banned-imports", "China banned imports of Japanese seafood in August 2023.",
     [("CHN", "JPN", "sanction")], []),
    known_gap("faced-bloc-sanctions", "Guinea faced ECOWAS sanctions after the coup in September 2021.",
        [("ECOWAS", "GIN", "sanction")], [], reason="parse: 'ECOWAS' tagged a verb"),
    # expulsions, recalls (CAMEO 174 expel, 161 reduce or break relations)
    ("expelled-demonym-diplomats", "Burkina Faso expelled three French diplomats in April 2024.",
     [("BFA", "FRA", "expulsion")], []),
    ("envoy-expelled-from", "Germany's ambassador was expelled from Venezuela in March 2019.",
     [("VEN", "DEU", "expulsion")], []),
    ("declared-persona-non-grata", "Bulgaria declared two Russian diplomats persona non grata in March 2022.",
     [("BGR", "RUS", "expulsion")], []),
    ("ordered-to-leave-state", "Twenty Czech diplomats were ordered to leave Russia in April 2021.",
     [("RUS", "CZE", "expulsion")], []),
    ("ordered-ambassador-to-leave", "Chad ordered Germany's ambassador to leave in April 2023.",
     [("TCD", "DEU", "expulsion")], []),
    ("envoy-in-capital-expelled", "Rwanda's ambassador in Kinshasa was expelled in October 2022.",
     [("COD", "RWA", "expulsion")], []),
    ("responded-in-kind",
     "Poland expelled 45 Russian diplomats in March 2022, and Russia responded in kind in April.",
     [("POL", "RUS", "expulsion"), ("RUS", "POL", "expulsion")], []),
    ("recalled-from", "Turkey recalled its ambassador from Israel in November 2023.",
     [("TUR", "ISR", "recall_ambassador")], []),
    ("withdrew-envoy-to", "Jordan withdrew its envoy to Israel in November 2023.",
     [("JOR", "ISR", "recall_ambassador")], []),
    ("called-home", "Chile called its ambassador to Israel home for consultations in October 2023.",
     [("CHL", "ISR", "recall_ambassador")], []),
    ("diplomats-recalled-from", "South Africa's diplomats were recalled from Israel in November 2023.",
     [("ZAF", "ISR", "recall_ambassador")], []),
    # summons and protests (CAMEO 114 complain officially)
    ("summoned-top-diplomat", "India summoned Canada's top diplomat in September 2023.",
     [("IND", "CAN", "tension")], []),
    ("summoned-to-ministry",
     "Sweden's ambassador was summoned to the Turkish foreign ministry in January 2023.",
     [("TUR", "SWE", "tension")], []),
    ("lodged-protest-with", "Vietnam lodged a protest with China over the oil rig in May 2014.",
     [("VNM", "CHN", "tension")], []),
    ("called-in-ambassador", "Iran called in Britain's ambassador in January 2020.",
     [("IRN", "GBR", "tension")], []),
    ("charge-summoned-by", "Iran's chargé d'affaires was summoned by Germany in October 2024.",
     [("DEU", "IRN", "tension")], []),
    # accusations (CAMEO 112)
    ("accused-of", "Colombia accused Venezuela of harbouring rebel commanders in 2019.",
     [("COL", "VEN", "accusation")], []),
    known_gap("accused-by-of", "Rwanda was accused by Congo of backing the M23 rebels in 2022.",
        [("COD", "RWA", "accusation")], [], reason="gazetteer: bare 'Congo' read as COG"),
    ("blamed-for", "Ukraine blamed Russia for the destruction of the Kakhovka dam in June 2023.",
     [("UKR", "RUS", "accusation")], []),
    ("possessor-accusation-that",
     "Canada's accusation that India was behind the killing of a Sikh leader angered "
     "New Delhi in September 2023.", [("CAN", "IND", "accusation")], []),
    ("blame-on", "Azerbaijan put the blame on Armenia for the shelling in September 2022.",
     [("AZE", "ARM", "accusation")], []),
    # condemnations (CAMEO 111 criticise or denounce)
    ("condemned-possessor-act", "Saudi Arabia condemned Israel's raid on the Al-Aqsa mosque in April 2023.",
     [("SAU", "ISR", "condemnation")], []),
    ("statement-condemning",
     "In a statement condemning North Korea's missile launch in October 2022, Japan called "
     "it reckless.", [("JPN", "PRK", "condemnation")], []),
    ("denounced-possessor", "Brazil denounced Israel's offensive in Gaza in February 2024.",
     [("BRA", "ISR", "condemnation")], []),
    ("drew-condemnation-from",
     "North Korea's satellite launch drew condemnation from South Korea in November 2023.",
     [("KOR", "PRK", "condemnation")], []),
    ("condemned-by", "Russia was condemned by the United Nations General Assembly in March 2022.",
     [("UN", "RUS", "condemnation")], []),
    ("criticised-possessor", "Germany criticised Hungary's veto of aid to Ukraine in December 2023.",
     [("DEU", "HUN", "condemnation")], []),
    # threats and ultimatums (CAMEO 13 threaten, 15 show of force)
    ("threatened-with", "The United States threatened Mexico with tariffs in May 2019.",
     [("USA", "MEX", "threat")], []),
    ("gave-days-to", "Saudi Arabia gave Qatar ten days to meet thirteen demands in June 2017.",
     [("SAU", "QAT", "ultimatum")], []),
    ("warned-against", "Russia warned Finland against joining NATO in May 2022.",
     [("RUS", "FIN", "threat")], []),
    ("warned-by", "Azerbaijan was warned by Iran against changing the border in October 2022.",
     [("IRN", "AZE", "threat")], []),
    # military acts (CAMEO 19 fight, 18 assault)
    ("possessor-jets-struck", "Turkey's jets struck targets in northern Iraq in April 2022.",
     [("TUR", "IRQ", "military_action")], []),
    known_gap("came-under-shelling",
        "Ukraine's second city Kharkiv came under Russian shelling in March 2022.",
        [("RUS", "UKR", "military_action")], [], reason="parse: 'Russian' object of 'under'"),
    ("drone-shot-down-by", "An American drone was shot down by Iran over the Strait of Hormuz in June 2019.",
     [("IRN", "USA", "military_action")], []),
    ("invaded", "Israel invaded Lebanon in October 2024.", [("ISR", "LBN", "military_action")], []),
    ("demonym-invasion-of", "The Russian invasion of Ukraine began in February 2022.",
     [("RUS", "UKR", "military_action")], []),
    ("territory-seized-by", "Syrian territory was seized by Turkish forces in October 2019.",
     [("TUR", "SYR", "military_action")], []),
    ("launched-strikes-on", "Pakistan launched strikes on Iran in January 2024.",
     [("PAK", "IRN", "military_action")], []),
    ("demonym-troops-shelled", "Thai troops shelled Cambodian positions in February 2011.",
     [("THA", "KHM", "military_action")], []),
    ("strikes-by-on", "Air strikes by Saudi Arabia on Yemen began in March 2015.",
     [("SAU", "YEM", "military_action")], []),
    ("army-struck-in", "India's army struck targets in Pakistan in May 2025.",
     [("IND", "PAK", "military_action")], []),
    # ties cut or suspended, borders closed (CAMEO 161, 172)
    ("severed-ties-with",
     "Bolivia severed ties with Israel in October 2023.", [("BOL", "ISR", "suspension")], []),
    ("membership-suspended", "Gabon's membership of the African Union was suspended in August 2023.",
     [("AU", "GAB", "suspension")], []),
    ("suspended-flights-to",
     "Russia suspended flights to Georgia in July 2019.", [("RUS", "GEO", "suspension")], []),
    ("closed-border-with", "Nigeria closed its border with Benin in August 2019.",
     [("NGA", "BEN", "border_closure")], []),
    ("broke-off-relations",
     "Morocco broke off relations with Iran in May 2018.", [("MAR", "IRN", "suspension")], []),
    ("suspended-from-bloc",
     "Mali was suspended from ECOWAS in May 2021.", [("ECOWAS", "MLI", "suspension")], []),
    ("closed-airspace-to", "Algeria closed its airspace to Moroccan aircraft in September 2021.",
     [("DZA", "MAR", "border_closure")], []),
    # neutral look-alikes: no tension between the two states
    ("sanctions-relief", "Iran received sanctions relief from the United States in January 2016.",
     [], [("IRN-USA", "sanction")]),
    ("lifted-sanctions",
     "The United States lifted sanctions on Sudan in October 2017.", [], [("SDN-USA", "sanction")]),
    ("eased-sanctions", "The United States eased sanctions on Venezuela's oil sector in October 2023.",
     [], [("USA-VEN", "sanction")]),
    ("charges-dropped", "The United States dropped its charges against the Chinese executive Meng Wanzhou in "
     "December 2022.", [], [("CHN-USA", "accusation")]),
    ("protest-outside-embassy", "Thousands held a protest outside the French embassy in Niamey in July 2023.",
     [], [("FRA-NER", "tension")]),
    ("rallied-outside-embassy", "Protesters rallied outside the Israeli embassy in Amman in October 2023.",
     [], [("ISR-JOR", "tension")]),
    ("removed-from-list",
     "The United States removed Cuba from its list of state sponsors of terrorism in May 2015.",
     [], [("CUB-USA", "sanction")]),
]

# second batch, written by construction before running it: nominalised acts with their doer as possessor or
# "by" phrase, participles and relative clauses, acts told through their object (assets, imports, gas,
# flights, airspace), verbs of rebuke and demand, strikes and seizures told by their weapon, bodies expelling
# members
CASES_2 = [
    ("possessor-expulsion-of", "Niger's expulsion of France's ambassador in August 2023 angered Paris.",
     [("NER", "FRA", "expulsion")], []),
    ("expulsion-of-by", "The expulsion of Venezuela's ambassador by Peru in August 2017 followed the vote.",
     [("PER", "VEN", "expulsion")], []),
    ("decision-to-expel", "Britain's decision to expel 23 Russian diplomats came in March 2018.",
     [("GBR", "RUS", "tension")], []),
    ("told-to-leave-within", "Chad told Germany's ambassador to leave within 48 hours in April 2023.",
     [("TCD", "DEU", "tension")], []),
    ("sanctions-imposed-by-on",
     "Sanctions imposed by Britain on Iran's Revolutionary Guards took effect in 2023.",
     [("GBR", "IRN", "sanction")], []),
    ("sanctions-relative-clause",
     "The sanctions that the United States imposed on Venezuela in 2019 remain in place.",
     [("USA", "VEN", "sanction")], []),
    ("froze-assets",
     "Switzerland froze Russian assets worth billions in 2022.", [("CHE", "RUS", "sanction")], []),
    ("targeted-with-sanctions", "Washington targeted Iran's oil exports with new sanctions in November 2018.",
     [("USA", "IRN", "sanction")], []),
    ("halted-imports-from", "Russia halted imports of Moldovan wine in September 2013.",
     [("RUS", "MDA", "sanction")], []),
    ("exports-banned-by", "Ukrainian grain imports were banned by Poland in April 2023.",
     [("POL", "UKR", "sanction")], []),
    ("barred-airlines", "Canada barred Russian airlines from its airspace in February 2022.",
     [("CAN", "RUS", "tension")], []),
    ("cut-off-gas",
     "Russia cut off gas supplies to Bulgaria in April 2022.", [("RUS", "BGR", "tension")], []),
    ("rebuked-over",
     "Indonesia rebuked China over its fishing boats near the Natuna Islands in January 2020.",
     [("IDN", "CHN", "condemnation")], []),
    ("criticised-for", "Australia criticised China for detaining the journalist Cheng Lei in 2020.",
     [("AUS", "CHN", "condemnation")], []),
    ("lashed-out-at", "Pakistan lashed out at India over the Kashmir decision in August 2019.",
     [("PAK", "IND", "condemnation")], []),
    known_gap("demanded-that-withdraw", "Armenia demanded that Azerbaijan withdraw its troops in May 2021.",
        [("ARM", "AZE", "pressure")], [], reason="a demand that forces leave is read as revoking "
                                          "their access"),
    ("urged-to-release", "The Netherlands urged Russia to release the Greenpeace activists in October 2013.",
     [("NLD", "RUS", "pressure")], []),
    ("missiles-hit", "Iran's missiles hit Pakistan's Balochistan province in January 2024.",
     [("IRN", "PAK", "military_action")], []),
    ("fired-missiles-at", "North Korea fired missiles at South Korea's waters in November 2022.",
     [("PRK", "KOR", "military_action")], []),
    known_gap("troops-crossed-into", "Russia's troops crossed into Ukraine in February 2022.",
        [("RUS", "UKR", "military_action")], [], reason="'crossed into' dropped by design "
                                                 "(withdrawing forces)"),
    ("seized-tanker", "Iran seized a British tanker in the Strait of Hormuz in July 2019.",
     [("IRN", "GBR", "tension")], []),
    ("shot-down-jet", "Turkey shot down a Russian jet near the Syrian border in November 2015.",
     [("TUR", "RUS", "military_action")], [("RUS-SYR", "military_action"), ("SYR-TUR", "military_action")]),
    ("accused-of-violating-airspace", "Greece accused Turkey of violating its airspace in 2022.",
     [("GRC", "TUR", "accusation")], []),
    ("downgraded-ties", "China downgraded ties with Lithuania in November 2021.",
     [("CHN", "LTU", "tension")], []),
    ("suspended-from-active",
     "The African Union suspended Niger in August 2023.", [("AU", "NER", "suspension")], []),
    ("expelled-from-body",
     "The Council of Europe expelled Russia in March 2022.", [("COE", "RUS", "expulsion")], []),
    ("issued-ultimatum-to", "ECOWAS issued an ultimatum to Niger's junta in July 2023.",
     [("ECOWAS", "NER", "ultimatum")], []),
    ("warned-of-retaliation", "China warned of retaliation against Lithuania in August 2021.",
     [("CHN", "LTU", "threat")], []),
    # look-alikes
    ("threatened-to-cut", "Turkey threatened to cut ties with the United Arab Emirates in August 2020.",
     [("TUR", "ARE", "threat")], [("ARE-TUR", "suspension")]),
    ("lifted-embargo", "The United States lifted its arms embargo on Vietnam in May 2016.",
     [], [("USA-VNM", "sanction")]),
    ("condemned-attack-on-embassy",
     "Jordan condemned the attack on the Saudi embassy in Tehran in January 2016.",
     [("JOR", "IRN", "condemnation")], [("JOR-SAU", "condemnation")]),
    ("embassy-reopened", "Britain reopened its embassy in Iran in August 2015.",
     [], [("GBR-IRN", "tension")]),
]

# third batch, written by construction before running it: the doer named by its capital, ministry or seat
# of power ("Islamabad", "the Kremlin", "the White House", "Morocco's foreign ministry"), diplomatic titles
# beyond "ambassador" (high commissioner, chargé), acts ordered as nouns ("ordered the expulsion of"),
# trade curbs, and a second sentence that goes on about the act
CASES_3 = [
    ("capital-expelled-high-commissioner", "Islamabad expelled India's high commissioner in August 2019.",
     [("PAK", "IND", "expulsion")], []),
    ("recalled-high-commissioner", "India recalled its high commissioner from Canada in October 2024.",
     [("IND", "CAN", "recall_ambassador")], []),
    ("expelled-including",
     "Canada expelled six Indian diplomats, including the high commissioner, in October 2024.",
     [("CAN", "IND", "expulsion")], []),
    ("ordered-the-expulsion-of", "Kuwait ordered the expulsion of 15 Iranian diplomats in July 2017.",
     [("KWT", "IRN", "expulsion")], []),
    ("ministry-recalled", "Morocco's foreign ministry recalled its ambassador from Germany in May 2021.",
     [("MAR", "DEU", "recall_ambassador")], []),
    ("kremlin-expelled", "The Kremlin expelled ten American diplomats in April 2021.",
     [("RUS", "USA", "expulsion")], []),
    ("white-house-sanctions", "The White House announced sanctions on Russia's two largest oil companies in "
     "October 2025.", [("USA", "RUS", "sanction")], []),
    ("capital-summoned-charge", "Ankara summoned the Dutch chargé d'affaires in March 2017.",
     [("TUR", "NLD", "tension")], []),
    ("export-curbs-on",
     "Tokyo imposed export curbs on South Korea in July 2019.", [("JPN", "KOR", "sanction")], []),
    ("cut-ties-with-allies", "Saudi Arabia and its allies cut ties with Qatar in June 2017.",
     [("SAU", "QAT", "suspension")], []),
    ("broke-off-relations-2", "Mexico broke off diplomatic relations with Ecuador in April 2024.",
     [("MEX", "ECU", "suspension")], []),
    known_gap("blew-up-office", "North Korea blew up the joint liaison office with South Korea in June 2020.",
        [("PRK", "KOR", "tension")], [], reason="no entry for a joint facility blown up"),
    ("second-sentence-move",
     "Algeria recalled its ambassador from Spain in March 2022. The move followed Madrid's "
     "shift on Western Sahara.", [("DZA", "ESP", "recall_ambassador")], []),
    ("second-sentence-it-said",
     "Poland summoned Belarus's chargé d'affaires in August 2023. It said two Belarusian "
     "helicopters had violated its airspace.", [("POL", "BLR", "tension")], []),
    ("headline-present", "Algeria recalls its envoy from France\n\nAlgeria recalled its ambassador from "
     "France in July 2024.", [("DZA", "FRA", "recall_ambassador")], []),
    # look-alikes
    ("high-commissioner-met", "India's high commissioner met Canada's foreign minister in 2023.",
     [], [("CAN-IND", "tension")]),
    ("refused-to-expel", "Hungary refused to expel Russian diplomats in 2022.",
     [], [("HUN-RUS", "expulsion")]),
]

# fourth batch, written by construction before running it: retaliation and tariffs, responsibility said,
# protests and concern as verbs, threats and vows, strikes by operation, missions closed, outlets banned
CASES_4 = [
    ("retaliated-with-tariffs",
     "China retaliated against the United States with tariffs on soybeans in July 2018.",
     [("CHN", "USA", "sanction")], []),
    ("retaliatory-tariffs-on", "Canada imposed retaliatory tariffs on American goods in March 2025.",
     [("CAN", "USA", "sanction")], []),
    ("said-was-responsible", "Britain said Russia was responsible for the Salisbury poisoning in March 2018.",
     [("GBR", "RUS", "accusation")], []),
    ("denounced-as", "Turkey's president denounced Israel as a terror state in November 2023.",
     [("TUR", "ISR", "condemnation")], []),
    ("voiced-concern-over", "Japan voiced concern over China's military buildup in 2023.",
     [("JPN", "CHN", "condemnation")], []),
    ("protested-verb", "China protested Japan's release of treated water in August 2023.",
     [("CHN", "JPN", "condemnation")], []),
    ("filed-protest-with", "The Philippines filed a diplomatic protest with China in April 2021.",
     [("PHL", "CHN", "tension")], []),
    ("threatened-with-response", "Iran threatened Israel with a crushing response in April 2024.",
     [("IRN", "ISR", "threat")], []),
    ("vowed-to-retaliate",
     "Iran vowed to retaliate against Israel in August 2024.", [("IRN", "ISR", "threat")], []),
    ("massed-troops-on-border",
     "Russia massed troops on Ukraine's border in 2021.", [("RUS", "UKR", "threat")], []),
    ("conducted-airstrikes-in", "Turkey conducted airstrikes in northern Syria in November 2022.",
     [("TUR", "SYR", "military_action")], []),
    ("closed-consulate", "The United States closed China's consulate in Houston in July 2020.",
     [("USA", "CHN", "tension")], []),
    ("banned-outlets", "The European Union banned Russia's RT and Sputnik in March 2022.",
     [("EU", "RUS", "sanction")], []),
    ("slapped-tariffs",
     "Washington slapped tariffs on Canadian lumber in 2017.", [("USA", "CAN", "sanction")], []),
    # look-alikes
    ("named-ambassador", "Saudi Arabia named its first ambassador to Iran in seven years in September 2023.",
     [], [("IRN-SAU", "tension")]),
    ("players-protested",
     "Iranian players protested during the anthem at the World Cup in Qatar in November 2022.",
     [], [("IRN-QAT", "tension")]),
    ("sanctions-expired", "United Nations sanctions on Iran's missile programme expired in October 2023.",
     [], [("IRN-UN", "sanction")]),
]

# written after the first measurement, for the rules of the first batch (not part of the fresh-text number)
RULES = [
    ("prompted-sanctions-from",
     "Russia's invasion of Ukraine prompted sanctions from Japan in February 2022.",
     [("JPN", "RUS", "sanction")], []),
    ("faced-demonym-sanctions", "Iran faced fresh American sanctions in November 2018.",
     [("USA", "IRN", "sanction")], []),
    ("envoy-to-expelled", "Canada's ambassador to Saudi Arabia was expelled in August 2018.",
     [("SAU", "CAN", "expulsion")], []),
    ("ordered-out-of", "Two Chinese diplomats were ordered out of the Philippines in 2024.",
     [("PHL", "CHN", "expulsion")], []),
    ("laid-blame-on", "Israel laid the blame on Iran for the tanker attack in July 2021.",
     [("ISR", "IRN", "accusation")], []),
    ("warning-that", "Russia's warning that Finland would face retaliation came in May 2022.",
     [("RUS", "FIN", "threat")], []),
    ("responsible-no-sayer", "Russia was responsible for the attack on Kyiv in 2022.",
     [], [("RUS-UKR", "accusation")]),
    ("retaliated-in-kind",
     "Britain expelled 23 Russian diplomats in March 2018, and Moscow retaliated in kind.",
     [("GBR", "RUS", "expulsion"), ("RUS", "GBR", "expulsion")], []),
]

# neutral uses of the words of tension with no other state: no tension event at all
NOTHING = [
    ("curfew", "Kenya imposed a curfew in Nairobi in March 2020."),
    ("curfew-demonym", "The Ecuadorian government imposed a curfew in Quito in October 2019."),
    ("summoned-cabinet", "Brazil's president summoned his cabinet to an emergency meeting in January 2023."),
    ("recalled-cars", "Japan's largest carmaker recalled a million cars in 2023."),
    ("warned-of-drought", "Morocco's king warned of a severe drought in 2023."),
    ("export-controls-no-target", "China announced export controls on gallium in July 2023."),
    ("crowd-protested", "Thousands protested the coup in Niger in July 2023."),
    ("banned-plastic-bags", "Kenya banned plastic bags in August 2017."),
]

@pytest.fixture(scope="module")
def directed(extract):
    """The asserted events of a text as (source, target, type) and (source, target, category)."""
    return lambda name, text: directed_labels(asserted_events(extract, name, text))


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES, ids=[row_id(c) for c in CASES])
def test_tension(directed, name, text, present, absent):
    found = directed(name, text)
    assert set(present) <= found, f"missing {set(present) - found}; found {found}"
    reversed_ = {(t, s, label) for s, t, label in present} - set(present)
    assert not reversed_ & found, f"wrong direction {reversed_ & found}"
    pairs = {(dyad_key(s, t), label) for s, t, label in found}
    assert not set(absent) & pairs, f"look-alike fired {set(absent) & pairs}"


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES_2, ids=[row_id(c) for c in CASES_2])
def test_tension_2(directed, name, text, present, absent):
    test_tension(directed, name, text, present, absent)


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES_3, ids=[row_id(c) for c in CASES_3])
def test_tension_3(directed, name, text, present, absent):
    test_tension(directed, name, text, present, absent)


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES_4, ids=[row_id(c) for c in CASES_4])
def test_tension_4(directed, name, text, present, absent):
    test_tension(directed, name, text, present, absent)


@pytest.mark.parametrize(("name", "text", "present", "absent"), RULES, ids=[row_id(c) for c in RULES])
def test_tension_rules(directed, name, text, present, absent):
    test_tension(directed, name, text, present, absent)


def test_in_kind_takes_the_year_of_the_act_answered(extract):
    text = "Poland expelled 45 Russian diplomats in March 2022, and Russia responded in kind in April."
    dates = {(e.source.country, e.target.country): e.date.value for e in extract("in-kind", text, LATE)}
    assert dates == {("POL", "RUS"): "2022-03", ("RUS", "POL"): "2022-04"}


@pytest.mark.parametrize(("name", "text"), NOTHING, ids=[c[0] for c in NOTHING])
def test_no_tension(directed, name, text):
    assert not {row for row in directed(name, text) if row[2] == "tension"}
