"""Hard cases from the errors of dev split e (data/eval/dev-e.gold.json), one rule per group, with
sentences written for these tests: each row is (name, text, published, pairs that must be found as
(sorted pair, category, date), and pairs/categories that must not be)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key

PUB = date(2024, 4, 12)  # a Friday

CASES = [
    # a demonym on armed opponents of a state ("Syrian rebels") names no side: the state is not attacked
    (
        "rebels-not-the-state",
        "In 2019 Turkish jets struck a convoy of Syrian rebels moving from Iraq.",
        PUB,
        [],
        [("SYR-TUR", "tension")],
    ),
    (
        "insurgents-not-the-state",
        "In March Ethiopian troops attacked Eritrean insurgents near the town.",
        PUB,
        [],
        [("ERI-ETH", "tension")],
    ),
    (
        "soldiers-are-the-state",
        "In March Ethiopian troops attacked Eritrean soldiers near the town.",
        PUB,
        [("ERI-ETH", "tension", "2024-03")],
        [],
    ),
    # an attack on rebels or militants takes the government's side: support for the state they fight
    (
        "strike-on-jihadist-camps",
        "Mali's army is fighting jihadists. Russian jets bombed jihadist camps near Gao in March.",
        PUB,
        [("MLI-RUS", "cooperation", "2024-03")],
        [("MLI-RUS", "tension")],
    ),
    (
        "strike-on-rebel-column-focus-is-the-attacker",
        "France has long backed Chad, and French troops are based in Chad. France sold jets to Chad. In 2019 "
        "French jets bombed a rebel column heading south from Libya.",
        PUB,
        [("FRA-TCD", "cooperation", "2019")],
        [("FRA-LBY", "tension")],
    ),
    (
        "strike-on-troops-is-tension",
        "Russian jets bombed Ukrainian troops near Kharkiv in March.",
        PUB,
        [("RUS-UKR", "tension", "2024-03")],
        [("RUS-UKR", "cooperation")],
    ),
    # a leader attending a funeral or an inauguration abroad visits the state where it is held
    (
        "attend-funeral",
        "The president of Ghana attended the funeral in Ivory Coast on Tuesday.",
        PUB,
        [("CIV-GHA", "cooperation", "2024-04-09")],
        [],
    ),
    (
        "attend-inauguration-list",
        "The presidents of Senegal and Gambia attended the inauguration in Mauritania on Monday.",
        PUB,
        [("MRT-SEN", "cooperation", "2024-04-08"), ("GMB-MRT", "cooperation", "2024-04-08")],
        [],
    ),
    (
        "attend-no-ceremony",
        "The president of Ghana attended talks on cocoa prices in Ivory Coast on Tuesday.",
        PUB,
        [],
        [("CIV-GHA", "cooperation")],
    ),
    (
        "ceremony-attended-by",
        "France keeps a naval pier in Djibouti. The pier was opened in May in a ceremony attended by "
        "Djiboutian ministers.",
        PUB,
        [],
        [("DJI-FRA", "cooperation")],
    ),
    # pressing for something is lobbying; pressing a state is pressure
    (
        "pressed-for",
        "Lithuanian officials had long pressed for a larger German presence.",
        PUB,
        [],
        [("DEU-LTU", "tension")],
    ),
    (
        "pressed-a-state",
        "Washington pressed Seoul for a larger contribution in March.",
        PUB,
        [("KOR-USA", "tension", "2024-03")],
        [],
    ),
    # a stabilisation force sent by a bloc supports the state, it is not a base
    (
        "stabilisation-force",
        "ECOWAS leaders agreed on Monday to deploy a stabilisation force to Gambia.",
        PUB,
        [("ECOWAS-GMB", "cooperation", "2024-04-08")],
        [("ECOWAS-GMB", "base_access")],
    ),
    # a force setting up or building its own base abroad gains access from the host; a bloc named as
    # the owner of a flank is neither side
    (
        "set-up-garrison",
        "Britain set up a permanent garrison in Oman in March.",
        PUB,
        [("GBR-OMN", "base_access", "2024-03")],
        [],
    ),
    (
        "established-airbase",
        "Italy established a new airbase in Niger in 2019.",
        PUB,
        [("ITA-NER", "base_access", "2019")],
        [],
    ),
    (
        "bloc-flank-no-side",
        "The United States set up a garrison in Lithuania in March, the first on NATO's northern flank.",
        PUB,
        [("LTU-USA", "base_access", "2024-03")],
        [("NATO-USA", "base_access"), ("LTU-NATO", "base_access")],
    ),
    # a partnership unveiled or launched by leaders binds each pair of their states (launched missiles: no)
    (
        "partnership-unveiled-by",
        "The row follows the partnership unveiled on Tuesday by Japanese Prime Minister Fumio Kishida, "
        "Philippine President Ferdinand Marcos and US President Joe Biden.",
        PUB,
        [
            ("JPN-PHL", "cooperation", "2024-04-09"),
            ("JPN-USA", "cooperation", "2024-04-09"),
            ("PHL-USA", "cooperation", "2024-04-09"),
        ],
        [],
    ),
    (
        "launched-missiles",
        "North Korea launched missiles toward Japan in March.",
        PUB,
        [],
        [("JPN-PRK", "cooperation")],
    ),
    # solidarity expressed with a state is support from who expressed it ("in solidarity with" stays no side)
    (
        "expressed-solidarity",
        "On Tuesday Algiers and Tunis expressed their solidarity with Libya's government.",
        PUB,
        [("DZA-LBY", "cooperation", "2024-04-09"), ("LBY-TUN", "cooperation", "2024-04-09")],
        [],
    ),
    (
        "in-solidarity-with",
        "Britain, France and Germany expelled Russian diplomats in solidarity with Poland in March.",
        PUB,
        [("FRA-RUS", "tension", "2024-03")],
        [("FRA-POL", "tension"), ("FRA-POL", "cooperation")],
    ),
    # deciding not to renew a lease or a defence pact ends the access, when the decision was taken
    (
        "voted-not-to-extend-lease",
        "Russian ships use the port under a lease. Sudan's council voted in May not to extend the lease "
        "beyond 2030.",
        PUB,
        [("RUS-SDN", "base_access", "2023-05")],
        [],
    ),
    (
        "decided-not-to-renew-pact",
        "Senegal decided in February not to renew its defence pact with France.",
        PUB,
        [("FRA-SEN", "base_access", "2024-02")],
        [],
    ),
    (
        "did-not-renew-is-negated",
        "Senegal did not renew its defence pact with France in February.",
        PUB,
        [],
        [("FRA-SEN", "base_access")],
    ),
    # "persona non grata" parsed as a clause: its subject is who is expelled
    (
        "persona-non-grata-clause",
        "Bolivia on Wednesday declared the Chilean ambassador persona non grata.",
        PUB,
        [("BOL-CHL", "tension", "2024-04-10")],
        [],
    ),
    # concluding an accord described as "signed in March 2021" happened then
    (
        "concluded-signed-in",
        "Canberra has concluded similar arrangements with Tokyo, signed in March 2021, and with Seoul in May "
        "2022, but this accord is its first with an African state.",
        date(2024, 7, 8),
        [("AUS-JPN", "cooperation", "2021-03")],
        [],
    ),
    # an embassy reopened in a capital restores relations with its state
    (
        "reopened-embassy-in-capital",
        "Moscow reopened its embassy in Bamako in March.",
        PUB,
        [("MLI-RUS", "cooperation", "2024-03")],
        [],
    ),
    # soldiers of two states killed in clashes: a clash between them; of one state only: none
    (
        "killed-in-clashes-two-sides",
        "In May 2021, three Kyrgyz guards and two Tajik soldiers were killed in clashes near the border.",
        PUB,
        [("KGZ-TJK", "tension", "2021-05")],
        [],
    ),
    (
        "killed-in-clashes-one-side",
        "France has troops in Mali. Two Malian soldiers were killed in clashes with jihadists in March.",
        PUB,
        [],
        [("FRA-MLI", "tension")],
    ),
    # an armed attack on the seat of power is a coup attempt, unless a foreign state's forces make it
    (
        "gunmen-attack-palace",
        "Gunmen attacked the presidential palace in Bissau on Monday.",
        PUB,
        [("GNB-GNB", "coup", "2024-04-08")],
        [],
    ),
    (
        "own-soldiers-storm-palace",
        "Malian soldiers stormed the presidential palace in Bamako in March.",
        PUB,
        [("MLI-MLI", "coup", "2024-03")],
        [],
    ),
    (
        "foreign-troops-attack-palace",
        "Russian troops attacked the presidential palace in Kyiv in March.",
        PUB,
        [],
        [("UKR-UKR", "coup")],
    ),
    # holding a ruler is detaining him; holding talks or an election is not
    (
        "army-holding-president",
        "Gabon's army said on Wednesday it was holding President Ali Bongo and his son.",
        date(2023, 8, 31),
        [("GAB-GAB", "coup", "2023-08-30")],
        [],
    ),
    (
        "held-talks-with-president",
        "Macron held talks with Senegalese President Macky Sall in Paris on Monday.",
        PUB,
        [],
        [("SEN-SEN", "coup"), ("FRA-FRA", "coup")],
    ),
    (
        "held-election",
        "Guinea held a presidential election in March.",
        PUB,
        [],
        [("GIN-GIN", "coup")],
    ),
    # "brought down" by a missile is shot down: nothing is delivered
    (
        "brought-down",
        "A Turkish drone was brought down by a Syrian missile on Monday.",
        PUB,
        [],
        [("SYR-TUR", "cooperation")],
    ),
    (
        "brought-missiles",
        "Moscow brought missiles to Syria in October.",
        PUB,
        [("RUS-SYR", "cooperation", "2023-10")],
        [],
    ),
    # "the country" after a preposition is the state named last, not the story's most-named state
    (
        "country-named-sentence-before",
        "Moscow signed a security deal with Bangui on Monday, and Russian instructors train the army. "
        "Russia's envoy met the president in Bangui. "
        "Paris ended its military mission in the country in 2016.",
        PUB,
        [("CAF-FRA", "base_access", "2016")],
        [("FRA-RUS", "base_access")],
    ),
    (
        "country-named-earlier-in-sentence",
        "Mali hosts Russian advisers. Mali's junta has ties with Russia. "
        "ECOWAS kept Guinea suspended from the bloc but did not impose new sanctions on the country, "
        "whose army took power in 2021.",
        PUB,
        [("GIN-GIN", "coup", "2021")],
        [("MLI-MLI", "coup")],
    ),
    # "whose junta" belongs to the state the relative clause describes, not to the story's junta
    (
        "whose-junta",
        "Mali hosts Russian advisers. Mali's junta has ties with Russia. "
        "The bloc met leaders of Guinea, whose junta took power in 2021.",
        PUB,
        [("GIN-GIN", "coup", "2021")],
        [("MLI-MLI", "coup")],
    ),
    # a demonym ("American forces") names who moves, not the country talked about
    (
        "country-not-a-demonym",
        "Niamey has broken with the West. French troops left Niger in December, and American forces are "
        "withdrawing. Russian military instructors arrived in the country in April.",
        PUB,
        [("NER-RUS", "cooperation", "2024-04")],
        [("RUS-USA", "cooperation")],
    ),
    # the state in focus keeps "the country" when the sentence names it
    (
        "country-focus-named",
        "Niger's junta expelled French troops in 2023. Last month Niger's junta resisted US pressure on the "
        "country to avoid partnering with Iran.",
        PUB,
        [("NER-USA", "tension", "2024-03")],
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "published", "expected", "absent"), CASES, ids=[c[0] for c in CASES]
)
def test_dev_e_case(extract, name, text, published, expected, absent):
    found = {
        (dyad_key(e.source.country, e.target.country), e.category, e.date.value)
        for e in extract(name, text, published)
        if e.status == "asserted"
    }
    for pair, category, when in expected:
        assert (pair, category, when) in found, (
            f"missing {(pair, category, when)} in {sorted(found, key=str)}"
        )
    for pair, category in absent:
        assert not any(p == pair and c == category for p, c, _ in found), (
            f"unexpected {pair} {category}: {found}"
        )


def test_the_deal_signed_by_is_the_dated_accord_again(extract):
    """ "The deal, signed by Lavrov and Diop" after a pact signed on Monday: no second, undated agreement."""
    text = (
        "Russia and Mali signed a defence pact on Monday. "
        "The deal, signed by Sergei Lavrov and Malian Foreign Minister Abdoulaye Diop, allows Russian ships "
        "to call at ports."
    )
    accords = [e for e in extract("deal-signed-by", text, date(2023, 6, 12)) if e.category == "cooperation"]
    assert accords and all(e.date.value == "2023-06-12" for e in accords), accords
