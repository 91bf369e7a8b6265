"""Cooperation checklist 2 (issue 3): cooperation told across sentences and by one side, written by construction
before measuring, on what test_cooperation_checklist.py, test_pairing_checklist.py, test_lexicon_checklist_3.py
and test_precision_checklist.py leave out. The shapes: a second sentence that continues the first, its sides
carried by a pronoun, a title or "the two leaders", and "the visit" or "the deal" pointing back; meetings of
three or more states (each pair of named states is a side; a bloc not among FORMAT.md's organisations is none);
joint statements and communiqués; memoranda and framework agreements; pacts renewed or extended; talks held;
visits told from the host's side ("X rolled out the red carpet for Y"); calls reported by one side ("the
Kremlin said Putin spoke to Erdogan"); and what must not fire: planned visits, negotiations not concluded,
a company's deal, twin cities, a sports match, an embassy's reception, a state's own ministries (a second
pass of 26 rows, written before running it too, below the first). Sentences are
our own, about real events of 2011-2025. Rows are (name, text, present, absent): (sorted pair, event type or
category) among the asserted events; DATED rows name a row and the (sorted pair, category, month) it must
yield, read in an article published at the end of that month (a story's reference time is recent)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key
from tests.nlp.checklist import asserted_events, known_gap, pair_labels, row_id

C = "cooperation"

CASES = [
    # a second sentence continues the first: pronoun, title, "the two leaders", "the visit", "the deal"
    ("he-and-host",
     "Indian Prime Minister Narendra Modi arrived in Washington in June 2023. He and President Joe Biden "
     "announced a deal to build General Electric jet engines in India.",
     [("IND-USA", C)], []),
    ("two-leaders-agreed",
     "Japanese Prime Minister Fumio Kishida travelled to Seoul in May 2023. There he met President Yoon Suk "
     "Yeol, and the two leaders agreed to resume regular visits.",
     [("JPN-KOR", C)], []),
    ("during-the-visit",
     "Xi Jinping arrived in Moscow in March 2023. During the visit he and Vladimir Putin signed a statement on "
     "economic cooperation.",
     [("CHN-RUS", C)], []),
    ("title-only-visitor",
     "The Indian prime minister visited Moscow in July 2024 and met Vladimir Putin at his residence.",
     [("IND-RUS", C)], []),
    ("first-trip-abroad",
     "Lula arrived in Buenos Aires in January 2023 on his first trip abroad since taking office. He and "
     "Alberto Fernandez announced work on a common unit for trade.",
     [("ARG-BRA", C)], []),
    ("host-named-second",
     "Argentina's president flew to Israel in February 2024. In Jerusalem, Javier Milei met Benjamin "
     "Netanyahu.",
     [("ARG-ISR", C)], []),
    ("the-deal-brokered",
     "Saudi Arabia and Iran agreed in March 2023 to restore diplomatic relations. The deal was reached after "
     "talks in Beijing.",
     [("IRN-SAU", C)], []),
    ("signed-treaty-second",
     "Kim Jong Un received Vladimir Putin in Pyongyang in June 2024. The two leaders signed a mutual defence "
     "treaty.",
     [("PRK-RUS", C)], []),
    ("chancellor-trip",
     "Chancellor Olaf Scholz travelled to Beijing in November 2022. He was the first G7 leader to visit China "
     "since the pandemic.",
     [("CHN-DEU", C)], []),
    ("host-then-guest",
     "Emmanuel Macron hosted Narendra Modi in Paris in July 2023. The Indian leader was the guest of honour at "
     "the Bastille Day parade.",
     [("FRA-IND", C)], []),
    ("pm-signed-memorandum",
     "Niger's prime minister visited Moscow in January 2024. He signed a memorandum on military cooperation "
     "with Russia.",
     [("NER-RUS", C)], []),

    # meetings of three or more states; a bloc is not a side
    ("three-leaders-met",
     "The leaders of Russia, Iran and Turkey met in Tehran in July 2022 to discuss Syria.",
     [("IRN-RUS", C), ("IRN-TUR", C), ("RUS-TUR", C)], []),
    ("quad-listed",
     "The leaders of the United States, India, Japan and Australia met in Tokyo in May 2022.",
     [("IND-USA", C), ("AUS-JPN", C)], []),
    ("sidelines-of-summit",
     "On the sidelines of the G7 summit in Hiroshima in May 2023, Volodymyr Zelensky met Narendra Modi.",
     [("IND-UKR", C)], []),
    ("bloc-gathered", "BRICS leaders gathered in Johannesburg in August 2023.", [], []),
    ("trilateral-pact",
     "Australia, the United Kingdom and the United States announced the AUKUS security pact in September "
     "2021.",
     [("AUS-GBR", C), ("AUS-USA", C), ("GBR-USA", C)], []),

    # joint statements and communiqués
    known_gap("joint-statement",
              "China and Russia issued a joint statement in February 2022 declaring a partnership with no limits.",
              [("CHN-RUS", C)], [],
              reason="the participle 'declaring a partnership' hangs from 'issued' as a clause of its own, outside "
                     "the phrase where the joint statement's tie word is looked for"),
    ("joint-communique",
     "India and Australia issued a joint communiqué after talks in New Delhi in March 2023.",
     [("AUS-IND", C)], []),
    known_gap("released-statement-after-talks",
              "After talks in Brisbane in July 2023, Australia and the United States released a joint statement "
              "on defence cooperation.",
              [("AUS-USA", C)], [],
              reason="'a statement on defence cooperation': the cooperation noun as the statement's topic leaves "
                     "neither trigger an event ('a joint statement on their alliance' works)"),

    # memoranda, framework agreements, partnerships, upgrades
    ("mou-with",
     "Italy signed a memorandum of understanding with China in March 2019 to join the Belt and Road "
     "Initiative.",
     [("CHN-ITA", "agreement")], []),
    ("partnership-signed",
     "The United Kingdom and Rwanda signed a migration and economic development partnership in April 2022.",
     [("GBR-RWA", C)], []),
    ("upgraded-ties",
     "Vietnam and the United States upgraded their ties to a comprehensive strategic partnership in "
     "September 2023.",
     [("USA-VNM", C)], []),
    ("free-trade-agreement",
     "Israel and the United Arab Emirates signed a free trade agreement in May 2023.",
     [("ARE-ISR", "agreement")], []),
    ("maritime-deal", "Greece and Egypt signed a maritime boundary agreement in August 2020.",
     [("EGY-GRC", "agreement")], []),
    ("restore-ambassadors", "Egypt and Turkey agreed in July 2023 to restore ties at ambassador level.",
     [("EGY-TUR", C)], []),

    # renewed and extended
    ("extended-treaty",
     "The United States and Russia extended the New START treaty for five years in February 2021.",
     [("RUS-USA", C)], []),
    ("renewed-deal",
     "China and the Vatican renewed their deal on the appointment of bishops in October 2022.",
     [("CHN-VAT", C)], []),
    ("prolonged-friendship",
     "Russia and China prolonged their 2001 friendship treaty for five more years in June 2021.",
     [("CHN-RUS", C)], []),

    # talks held
    ("talks-continued",
     "Talks between Armenia and Azerbaijan on a peace treaty continued near Washington in May 2023.",
     [("ARM-AZE", C)], []),
    ("held-talks", "The foreign ministers of India and China held talks in Moscow in September 2020.",
     [("CHN-IND", C)], []),

    # visits told from the host's side
    ("red-carpet", "Beijing rolled out the red carpet for Brazil's Lula in April 2023.", [("BRA-CHN", C)], []),
    ("capital-welcomed", "Hanoi welcomed Xi Jinping for a two-day state visit in December 2023.",
     [("CHN-VNM", C)], []),
    ("capital-hosted", "Riyadh hosted Chinese President Xi Jinping in December 2022.", [("CHN-SAU", C)], []),
    ("greeted-guest",
     "Xi Jinping greeted the French president at the Great Hall of the People in April 2023.",
     [("CHN-FRA", C)], []),

    # calls reported by one side
    ("kremlin-said-spoke",
     "The Kremlin said Vladimir Putin spoke to Recep Tayyip Erdogan by phone in September 2022.",
     [("RUS-TUR", C)], []),
    ("capital-said-phoned", "Beijing said Xi had spoken with Volodymyr Zelensky by phone in April 2023.",
     [("CHN-UKR", C)], []),
    ("office-said-call",
     "Downing Street said Rishi Sunak had a call with Benjamin Netanyahu in October 2023.",
     [("GBR-ISR", C)], []),
    ("according-to-ministry",
     "According to the Turkish presidency, Erdogan and Zelensky held a phone call in March 2022.",
     [("TUR-UKR", C)], []),

    # announced and carried out; planned; negotiations not concluded
    ("announced-then-arrived",
     "Germany announced in January 2023 that it would send Leopard 2 tanks to Ukraine. The first tanks "
     "arrived in Ukraine in March 2023.",
     [("DEU-UKR", "arms_transfer")], []),
    ("planned-visit", "Fumio Kishida said in March 2023 that he planned to visit Seoul.",
     [], [("JPN-KOR", "visit"), ("JPN-KOR", C)]),
    ("still-negotiating",
     "Israel and Saudi Arabia were still negotiating a normalisation deal in September 2023.",
     [], [("ISR-SAU", "agreement")]),
    ("began-negotiating",
     "Japan and the Philippines began negotiating a reciprocal access agreement in November 2023.",
     [], [("JPN-PHL", "agreement")]),
    ("expected-to-sign",
     "Officials said in 2024 that Indonesia and Brazil were expected to sign a defence pact the next year.",
     [], [("BRA-IDN", "agreement"), ("BRA-IDN", C)]),

    # look-alikes: no two states cooperating
    ("company-deal",
     "European planemaker Airbus signed a deal with India's IndiGo in June 2023 for 500 jets.", [], []),
    ("company-factory",
     "Chinese carmaker BYD agreed in December 2023 to build a factory in Hungary.", [], []),
    ("twin-cities", "Paris and Rome have been twin cities since 1956.", [], []),
    ("football-final",
     "Argentina beat France on penalties in the World Cup final in December 2022.", [], []),
    ("cricket-match",
     "India and Pakistan played a cricket match in Ahmedabad in October 2023.", [], []),
    ("embassy-reception",
     "The French embassy in Washington hosted a Bastille Day reception in July 2023.", [], []),
    ("own-ministries",
     "Germany's foreign and defence ministries agreed in June 2023 on the country's first national security "
     "strategy.",
     [], []),
    ("own-army-chief",
     "Pakistan's army chief met Prime Minister Shehbaz Sharif in Islamabad in August 2023.", [], []),

    # second pass, written before running it: more ways to tell a visit, a call, a meeting or a signing
    ("trip-ended-with", "Lula's trip to China in April 2023 ended with fifteen agreements.", [("BRA-CHN", C)], []),
    ("paid-a-visit", "Anthony Albanese paid a visit to Beijing in November 2023.", [("AUS-CHN", C)], []),
    ("made-state-visit", "King Charles made a state visit to Kenya in October 2023.", [("GBR-KEN", C)], []),
    ("on-a-visit-to", "On a visit to Hanoi in September 2023, Joe Biden signed a partnership with Vietnam.",
     [("USA-VNM", C)], []),
    ("was-in-for-talks", "Antony Blinken was in Riyadh for talks with Saudi leaders in June 2023.",
     [("SAU-USA", C)], []),
    ("postponed-then-visited",
     "Antony Blinken, who had postponed the trip in February, visited Beijing in June 2023.",
     [("CHN-USA", C)], []),
    ("spoke-by-phone", "Joe Biden and Xi Jinping spoke by phone in April 2024.", [("CHN-USA", C)], []),
    ("call-between", "A phone call between Macron and Putin in May 2022 lasted ninety minutes.",
     [("FRA-RUS", C)], []),
    ("video-link", "Xi Jinping and Vladimir Putin talked by video link in December 2022.", [("CHN-RUS", C)], []),
    ("three-held-summit", "Egypt, Jordan and Iraq held a summit in Baghdad in June 2021.",
     [("EGY-IRQ", C), ("EGY-JOR", C), ("IRQ-JOR", C)], []),
    ("ceremony-signed-with",
     "At a ceremony in Washington in September 2020, Bahrain and the United Arab Emirates signed accords with "
     "Israel.",
     [("ARE-ISR", C), ("BHR-ISR", C)], []),
    ("invited-to-visit", "Joe Biden invited Narendra Modi in 2022 to make a state visit.",
     [], [("IND-USA", "visit")]),
    ("talks-stalled", "Talks on a free trade deal between India and the United Kingdom stalled in 2023.",
     [], [("GBR-IND", "agreement")]),
    ("negotiations-for-treaty",
     "Negotiations for a peace treaty between Armenia and Azerbaijan dragged on through 2024.",
     [], [("ARM-AZE", "agreement")]),
    ("will-travel", "Anthony Albanese will travel to China later this year, his office said.",
     [], [("AUS-CHN", "visit"), ("AUS-CHN", C)]),

    # second pass look-alikes: teams, firms, cities, people and a state's own bodies
    ("hosted-teams", "Qatar hosted Argentina and France for the World Cup final in December 2022.", [], []),
    ("company-contract-port",
     "Indian conglomerate Adani won a contract to run the port of Haifa in Israel in July 2022.", [], []),
    ("embassy-gala", "The Chinese embassy in Lagos held a Lunar New Year gala in February 2024.", [], []),
    ("universities-agreement",
     "Oxford University signed a research agreement with a Saudi university in 2023.", [], []),
    ("ministry-and-firm",
     "Russia's defence ministry and the state firm Rosatom signed a cooperation agreement in 2022.", [], []),
    ("leader-domestic-trip", "Narendra Modi travelled to Kashmir in March 2024.", [], []),
    ("spoke-to-reporters", "Recep Tayyip Erdogan spoke to reporters in Ankara in March 2024.", [], []),
    ("met-farmers", "Emmanuel Macron met farmers' leaders in Paris in February 2024.", [], []),
    ("player-contract", "Lionel Messi signed a contract with Inter Miami in July 2023.", [], []),
    ("sister-cities-pact", "Kyoto and Paris signed a friendship pact between the two cities in 1958.", [], []),
    ("tourists-returned", "Chinese tourists returned to Thailand in large numbers in 2023.", [], []),
    ("exports-fell", "Germany's exports to China fell in 2023.", [], []),
]

DATED = [
    ("he-and-host", ("IND-USA", C, "2023-06")),
    ("during-the-visit", ("CHN-RUS", C, "2023-03")),
    ("signed-treaty-second", ("PRK-RUS", C, "2024-06")),
    ("sidelines-of-summit", ("IND-UKR", C, "2023-05")),
    ("announced-then-arrived", ("DEU-UKR", C, "2023-03")),
    ("kremlin-said-spoke", ("RUS-TUR", C, "2022-09")),
    ("red-carpet", ("BRA-CHN", C, "2023-04")),
]

TEXTS = {row_id(c): (c.values if hasattr(c, "values") else c)[1] for c in CASES}


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES, ids=[row_id(c) for c in CASES])
def test_cooperation_2(extract, name, text, present, absent):
    found = pair_labels(asserted_events(extract, name, text))
    assert set(present) <= found, f"missing {set(present) - found}; found {found}"
    assert not set(absent) & found, f"wrong {set(absent) & found}"
    if not present and not absent:
        assert found == set(), f"no event expected; found {found}"


@pytest.mark.parametrize(("name", "dated"), DATED, ids=[row_id(d) for d in DATED])
def test_cooperation_2_dated(extract, name, dated):
    published = date(int(dated[2][:4]), int(dated[2][5:]), 28)
    found = {(dyad_key(e.source.country, e.target.country), e.category, e.date.value and e.date.value[:7])
             for e in asserted_events(extract, name, TEXTS[name], published)}
    assert dated in found, found


# the rules the set asked for, each on sentences of its own: a leader named as the visitor of a hosting or
# travelling verb (the visitor is the source), the red carpet, a joint statement on the two states' ties
VISITS = [
    ("received-leader", "Egypt's Abdel Fattah al-Sisi received Narendra Modi in Cairo in June 2023.", ("IND", "EGY")),
    ("hosted-leader", "Joe Biden hosted Emmanuel Macron at the White House in December 2022.", ("FRA", "USA")),
    ("greeted-leader", "Recep Tayyip Erdogan greeted Mohamed bin Zayed in Ankara in November 2021.", ("ARE", "TUR")),
    ("leader-landed", "Olaf Scholz landed in New Delhi in February 2023.", ("DEU", "IND")),
    ("red-carpet-for", "Paris rolled out the red carpet for Narendra Modi in July 2023.", ("IND", "FRA")),
]


@pytest.mark.parametrize(("name", "text", "directed"), VISITS, ids=[v[0] for v in VISITS])
def test_leader_visit(extract, name, text, directed):
    found = {(e.source.country, e.target.country, e.type) for e in asserted_events(extract, name, text)}
    assert (*directed, "visit") in found, found


NOT_VISITS = [
    ("received-letter", "Emmanuel Macron received a letter from Xi Jinping in 2023."),
    ("leader-home", "Vladimir Putin arrived in Moscow in 2023."),
    ("carpet-factory", "Iran rolled out a new carpet export scheme in 2019."),
    ("statement-on-third", "France and Germany issued a joint statement condemning the coup in Niger in 2023."),
]


@pytest.mark.parametrize(("name", "text"), NOT_VISITS, ids=[v[0] for v in NOT_VISITS])
def test_no_cooperation_between_them(extract, name, text):
    assert not [e for e in asserted_events(extract, name, text) if e.category == "cooperation"]
