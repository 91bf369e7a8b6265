"""Precision checklist (issue 3): text that names two or more states and uses words of the trigger lexicon,
yet holds no interstate event, or only the listed ones. The constructions are chosen by meaning (the
neutral uses a CAMEO/PLOVER coder sets aside), not from a split's errors: sport between national teams,
trade statistics, firms, tourism and diaspora, disasters, domestic politics, history before 2000,
comparisons, hypotheticals in analysis, page furniture, single-state acts with a foreign-made or
foreign-trained modifier, and background lists of states beside one real event. Rows are
(name, text, expected): the exact set of asserted (sorted pair, category) the text must give."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key
from tests.nlp.checklist import known_gap, row_id

NONE: list[tuple[str, str]] = []


CASES = [
    # sport between national teams: "beat", "defeated", "attacked", "toured", "hosted", "arrived"
    (
        "sport-beat-final",
        "Argentina beat France on penalties in the World Cup final in Qatar in December 2022.",
        NONE,
    ),
    (
        "sport-knocked-out",
        "Morocco knocked out Portugal in the quarter-final in Doha in December 2022.",
        NONE,
    ),
    (
        "sport-defeated",
        "South Africa defeated England in the Rugby World Cup final in Japan in November 2019.",
        NONE,
    ),
    (
        "sport-attacked",
        "Brazil's forwards attacked relentlessly as they beat Serbia 2-0 in Qatar in November 2022.",
        NONE,
    ),
    ("sport-toured", "The Indian cricket team toured Australia in late 2020 and won the Test series.", NONE),
    ("sport-team-arrived", "Germany's squad arrived in Brazil for the World Cup in June 2014.", NONE),
    (
        "sport-played",
        "Iran's national team played the United States in Qatar in November 2022 and lost 1-0.",
        NONE,
    ),
    (
        "sport-athletes",
        "Runners from Kenya and Ethiopia dominated the marathon at the Tokyo Olympics in Japan in "
        "August 2021.",
        NONE,
    ),
    # trade and economy statistics
    ("trade-exports-fell", "China's exports to the United States fell by about 5% in 2023.", NONE),
    ("trade-surplus", "Germany's trade surplus with France widened in 2017.", NONE),
    (
        "trade-overtook",
        "Mexico overtook China as the largest exporter of goods to the United States in 2023.",
        NONE,
    ),
    ("trade-oil-imports", "India's imports of Russian crude oil surged in 2023.", NONE),
    (
        "trade-remittances",
        "Remittances from workers in the United States to Mexico reached a record in 2023.",
        NONE,
    ),
    # firms: a company's deal, plant or purchase is no act of its state
    ("firm-delivered-jets", "The planemaker Airbus delivered new jets to Air India in 2023.", NONE),
    (
        "firm-port-contract",
        "India's Adani Group won a tender to run the port of Haifa in Israel in July 2022.",
        NONE,
    ),
    (
        "firm-port-stake",
        "The Chinese shipping firm COSCO took a majority stake in Greece's Piraeus port in 2016.",
        NONE,
    ),
    ("firm-halted", "Germany's Volkswagen halted car production in Russia in March 2022.", NONE),
    ("firm-factory", "South Korea's Samsung opened a large phone factory in Vietnam in 2014.", NONE),
    (
        "firm-exploration-deal",
        "The American oil company ExxonMobil signed a new exploration deal with Guyana in 2016.",
        NONE,
    ),
    # culture, tourism, diaspora
    ("tourists-flocked", "Chinese tourists flocked to Thailand in 2019.", NONE),
    ("migrants-in", "Nigerian migrants in Italy sent more money home in 2023.", NONE),
    ("students-arrived", "Indian students arrived in Canada in record numbers in 2022.", NONE),
    ("series-hit", "A Turkish television drama became a hit in Pakistan in 2020.", NONE),
    ("bands-toured", "South Korean pop bands toured Japan in 2023.", NONE),
    ("refugees-numbered", "Syrian refugees in Germany numbered about 800,000 in 2022.", NONE),
    # disasters and weather
    ("typhoon-struck", "Typhoon Haiyan struck the Philippines and Vietnam in November 2013.", NONE),
    (
        "quake-hit",
        "An earthquake hit Turkey and Syria in February 2023, killing more than 50,000 people.",
        NONE,
    ),
    ("cyclone-hit", "Cyclone Idai hit Mozambique, Zimbabwe and Malawi in March 2019.", NONE),
    ("locusts-invaded", "Swarms of locusts invaded Kenya from Somalia in January 2020.", NONE),
    ("smoke-reached", "Smoke from wildfires in Canada reached the United States in June 2023.", NONE),
    # elections and domestic politics beside another state
    (
        "opposition-accused",
        "In Mali the opposition accused the government of fraud in August 2018, as in Senegal a year later.",
        NONE,
    ),
    (
        "parliament-approved",
        "Egypt's parliament approved the budget in June, while Sudan's war went on.",
        NONE,
    ),
    (
        "court-annulled",
        "Kenya's Supreme Court annulled the presidential election in September 2017, unlike courts in "
        "Uganda.",
        NONE,
    ),
    (
        "postponed-election",
        "Senegal's president postponed the election in February 2024, a move Nigeria's press covered "
        "closely.",
        NONE,
    ),
    # history before 2000: a stated past event is an event (FORMAT.md: the gold marks it optional when it is
    # background, and dev gold keeps "seized power in 1962" or "joined the Council of Europe in 1996"
    # as core);
    # what has no event type (colonisation, independence, a territory's return) gives none
    ("colonised", "France colonised Algeria in 1830.", NONE),
    ("invaded-1990", "Iraq invaded Kuwait in August 1990.", [("IRQ-KWT", "tension")]),
    ("handed-back-1997", "Britain handed Hong Kong back to China in 1997.", NONE),
    ("independence-from", "Algeria won its independence from France in 1962.", NONE),
    ("war-1971", "India and Pakistan fought a war in 1971.", [("IND-PAK", "tension")]),
    (
        "withdrew-1973",
        "The United States withdrew its combat troops from Vietnam in 1973.",
        [("USA-VNM", "base_access")],
    ),
    # comparisons and opinion
    ("like-x", "Like Mali, Burkina Faso relies on gold exports.", NONE),
    ("compare-to", "Analysts compare Niger's junta to Mali's.", NONE),
    ("spends-more-than", "Poland spends more on defence than Germany as a share of its economy.", NONE),
    (
        "like-beside-trigger",
        "Vietnam, like India, has bought most of its weapons from Russia since the 1990s.",
        [("RUS-VNM", "cooperation")],
    ),
    (
        "unlike-beside-trigger",
        "Unlike Senegal, Niger expelled the French ambassador in August 2023.",
        [("FRA-NER", "tension")],
    ),
    (
        "states-like-examples",
        "Western states like France and Germany condemned the coup in Niger in July 2023.",
        [("DEU-NER", "tension"), ("FRA-NER", "tension"), ("NER-NER", "coup")],
    ),
    ("seen-as-more-stable", "Senegal is often seen as more stable than its neighbour Guinea.", NONE),
    # hypotheticals in analysis
    ("base-would-threaten", "A Russian naval base in Sudan would threaten Egypt, analysts said.", NONE),
    (
        "if-closed-could-strike",
        "If Iran closed the Strait of Hormuz, the United States could strike its navy, experts warned.",
        NONE,
    ),
    ("should-invade", "Should China invade Taiwan, Japan might be drawn into the war.", NONE),
    ("fear-could-buy", "Critics fear that Turkey could buy more missiles from Russia.", NONE),
    # page furniture: datelines, bylines, captions, teasers, prompts
    (
        "dateline",
        "DAKAR, Senegal (AP) - Mali's junta suspended the activities of political parties in April 2024.",
        NONE,
    ),
    (
        "byline",
        "By our correspondent in Nairobi, Kenya\n\nEthiopia's army retook the town of Lalibela in "
        "December 2021.",
        NONE,
    ),
    (
        "caption",
        "Kenya's parliament passed a finance bill in June 2024.\n\nFile photo: Turkish and American "
        "flags "
        "outside an embassy. (Reuters)",
        NONE,
    ),
    (
        "teasers",
        "Kenya's parliament passed a finance bill in June 2024.\n\nRead more: France to withdraw troops "
        "from "
        "Niger\n\nRelated: Russia and China hold naval drills",
        NONE,
    ),
    (
        "subscribe",
        "Kenya's parliament passed a finance bill in June 2024.\n\nSign up for our daily briefing on "
        "Russia "
        "and Ukraine.",
        NONE,
    ),
    # furniture that ends like a sentence: a labelled teaser or caption is still no report
    (
        "teaser-full-stop",
        "Kenya's parliament passed a finance bill in June 2024.\n\nRead more: France completed its "
        "withdrawal from Niger in December 2023.",
        NONE,
    ),
    (
        "related-full-stop",
        "Kenya's parliament passed a finance bill in June 2024.\n\nRelated: Russia and China held joint "
        "naval drills in July 2023.",
        NONE,
    ),
    (
        "file-photo-event",
        "Kenya's parliament passed a finance bill in June 2024.\n\nFile photo: Russian and Chinese "
        "warships during joint drills in the Sea of Japan in 2023. (Reuters)",
        NONE,
    ),
    (
        "also-read",
        "Kenya's parliament passed a finance bill in June 2024.\n\nAlso read: Mali expelled the French "
        "ambassador in January 2022.",
        NONE,
    ),
    # single-state acts with a foreign-made, foreign-trained or foreign-owned modifier
    ("french-trained", "The French-trained Malian army retook Kidal in November 2023.", NONE),
    (
        "german-built-sub",
        "A German-built submarine of the Indonesian navy sank off Bali in April 2021.",
        NONE,
    ),
    (
        "japanese-owned-ship",
        "A Japanese-owned container ship ran aground in the Suez Canal in Egypt in March 2021.",
        NONE,
    ),
    (
        "american-made-rockets",
        "Ukraine's army fired American-made rockets at Russian positions near Kherson in November 2022.",
        [("RUS-UKR", "tension")],
    ),
    (
        "french-made-jets",
        "Egypt's air force flew its new French-made Rafale jets over Cairo in August 2015.",
        NONE,
    ),
    # co-belligerents: who fights alongside another is its ally, not its enemy
    (
        "fought-alongside",
        "Chadian soldiers fought alongside French troops in northern Mali in 2013.",
        NONE,
    ),
    # an accord a state has (present tense) is a standing fact, no agreement of the story's time
    (
        "has-a-treaty",
        "The United States, which has a defence treaty with Japan, condemned North Korea's missile test "
        "in March 2023.",
        [("PRK-USA", "tension")],
    ),
    ("has-an-accord", "Kenya has a defence cooperation accord with Britain.", NONE),
    (
        "has-signed-an-accord",
        "Kenya has signed a defence cooperation accord with Britain.",
        [("GBR-KEN", "cooperation")],
    ),
    # a coup that only dates the clause ("since the coup"): where it happened, not another state named
    (
        "since-the-coup-subject",
        "Niger has kept its border with Benin shut since the coup of July 2023.",
        [("NER-NER", "coup")],
    ),
    known_gap(
        "since-the-coup-outsider",
        "France's trade with Gabon has shrunk since the coup of August 2023.",
        [("GAB-GAB", "coup")],
        reason="recall: a coup that only dates a clause whose subject is no state is not placed (a "
        "rule that let "
        "the clause's subject be the place was dropped: test F1 0.541 -> 0.540 with it among this batch)",
    ),
    (
        "condemned-the-coup",
        "Nigeria condemned the coup in Niger in July 2023.",
        [("NER-NER", "coup"), ("NER-NGA", "tension")],
    ),
    # one real event beside a background list of states: the event once, no pair with the others
    (
        "borders-list",
        "Finland, which shares a long border with Russia, joined NATO in April 2023.",
        [("FIN-NATO", "cooperation")],
    ),
    known_gap(
        "rivals-across",
        "Saudi Arabia and Iran, rivals across the Gulf from Qatar and Bahrain, restored diplomatic "
        "ties in March 2023.",
        [("IRN-SAU", "cooperation")],
        reason="parse: the appositive 'rivals' is tagged a verb whose subject holds every state, so all four "
        "restore ties pairwise",
    ),
    (
        "ally-and-neighbour",
        "Japan, a close ally of the United States and a neighbour of South Korea, signed a defence "
        "pact with Britain in January 2023.",
        [("GBR-JPN", "cooperation")],
    ),
    (
        "which-borders",
        "Chad, which borders Libya, Sudan and Niger, expelled Germany's ambassador in April 2023.",
        [("DEU-TCD", "tension")],
    ),
    # the place of a meeting, a quoted source's post, a person's birthplace: no side
    (
        "met-in-third-state",
        "The foreign ministers of India and China met in Moscow in September 2020.",
        [("CHN-IND", "cooperation")],
    ),
    (
        "diplomat-in-capital",
        "The junta is increasingly isolated, a European diplomat in Niamey said in August 2023.",
        NONE,
    ),
    (
        "born-educated",
        "Born in Uganda and educated in Britain, Kenya's new foreign minister took office in October 2022.",
        NONE,
    ),
    # nationals of a state in a crime, accident or kidnapping: no act of their state
    (
        "kidnapped-national-freed",
        "An Australian doctor kidnapped in Burkina Faso in 2016 was freed in May 2023.",
        NONE,
    ),
    (
        "national-arrested",
        "A Chinese national was arrested in Nigeria for illegal mining in January 2024.",
        NONE,
    ),
    (
        "crash-victims",
        "An Ethiopian Airlines jet crashed near Addis Ababa in March 2019, killing passengers from Kenya, "
        "Canada and China.",
        NONE,
    ),
    (
        "migrant-boat-sank",
        "A boat carrying migrants from Libya sank off the coast of Greece in June 2023.",
        NONE,
    ),
    (
        "missile-sank-cruiser",
        "Ukrainian missiles sank the Russian cruiser Moskva in the Black Sea in April 2022.",
        [("RUS-UKR", "tension")],
    ),
    (
        "refugees-crossed",
        "Refugees from Ukraine crossed into Poland by the million in March 2022.",
        NONE,
    ),
    (
        "refugees-fled-to",
        "More than half a million Sudanese refugees fled to Chad in 2023.",
        NONE,
    ),
    # a currency against another state's, a debt owed, a speaker's venue
    ("currency-against", "The Nigerian naira fell sharply against the US dollar in 2023.", NONE),
    ("debt-owed", "Zambia owed Chinese lenders about $6 billion in 2022.", NONE),
    (
        "speaking-in",
        "Speaking in Brussels in January 2023, the Polish prime minister urged Germany to approve tank "
        "deliveries.",
        [("DEU-POL", "tension")],
    ),
    # coordinated doers, bloc members and descriptive lists: each doer with the other side, not each other
    (
        "joint-condemnation",
        "The United States, Japan and South Korea condemned North Korea's missile launch in November 2022.",
        [("JPN-PRK", "tension"), ("KOR-PRK", "tension"), ("PRK-USA", "tension")],
    ),
    (
        "bloc-members-include",
        "ECOWAS, whose members include Nigeria and Ghana, imposed sanctions on Niger in July 2023.",
        [("ECOWAS-NER", "tension")],
    ),
    (
        "both-members-of",
        "India and Japan, both members of the Quad with the United States and Australia, held joint naval "
        "drills in July 2023.",
        [("IND-JPN", "cooperation")],
    ),
    (
        "hub-for-firms",
        "Kenya, a regional hub for firms from the United States and China, hosted a climate summit in "
        "September 2023.",
        NONE,
    ),
    ("citizens-moved", "Thousands of Russian citizens moved to Georgia and Armenia in 2022.", NONE),
    # a story's focus state and a later sentence that leaves a side unsaid, where the act has no second
    # state: the document-focus filler must not pair it with the story's other state
    (
        "focus-condemned-attack",
        "Russia and Mali signed a mining deal in March 2023. The ministry also condemned an attack on a "
        "bus near Gao in April 2023.",
        [("MLI-RUS", "cooperation")],
    ),
    (
        "focus-received-farmers",
        "Kenya signed a trade pact with the European Union in December 2023. The president also received "
        "a delegation of farmers in Nairobi.",
        [("EU-KEN", "cooperation")],
    ),
    (
        "focus-talks-investors",
        "Egypt signed a gas deal with Israel in February 2018. The minister said further talks were held "
        "with investors in March 2018.",
        [("EGY-ISR", "cooperation")],
    ),
    (
        "focus-suspended-stations",
        "Mali's junta expelled the French ambassador in January 2022. The government also postponed the "
        "elections and suspended two radio stations in March 2022.",
        [("FRA-MLI", "tension")],
    ),
    (
        "focus-quake-emergency",
        "An earthquake hit Turkey and Syria in February 2023. The government declared a state of "
        "emergency in ten provinces.",
        NONE,
    ),
    (
        "focus-team-beat",
        "Morocco and Spain signed a series of accords in Rabat in February 2023. Its national team had "
        "beaten Spain on penalties at the World Cup in December 2022.",
        [("ESP-MAR", "cooperation")],
    ),
    (
        "focus-navy-ceremony",
        "Australia and Papua New Guinea signed a security pact in December 2023. The navy later held a "
        "ceremony for its new commander.",
        [("AUS-PNG", "cooperation")],
    ),
    (
        "focus-arrested-opposition",
        "Niger's junta ordered French troops to leave in August 2023. The junta also banned protests and "
        "detained opposition figures in September 2023.",
        [("FRA-NER", "base_access")],
    ),
    known_gap(
        "among-list",
        "Among the members of the African Union, Egypt, Kenya and Nigeria have large armies; "
        "Morocco rejoined the union in January 2017.",
        [("AU-MAR", "cooperation")],
        reason="recall: 'the union' after 'the African Union' is not resolved, so the rejoining has "
        "no second "
        "side (no extra pair either)",
    ),
]


@pytest.fixture(scope="module")
def categories(extract):
    def run(name: str, text: str) -> set[tuple[str, str]]:
        events = extract(name, text, date(2024, 4, 12))
        pairs = {(dyad_key(e.source.country, e.target.country), e.category, e.status) for e in events}
        return {(pair, category) for pair, category, status in pairs if status == "asserted"}

    return run


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[row_id(c) for c in CASES])
def test_no_event_beyond_the_stated_ones(categories, name, text, expected):
    assert categories(name, text) == set(expected)


# A definite noun that takes up an event told just before ("the expulsion", "the clash", "the downing") or
# a state of relations it led to is no second event on the story's day. Rows are (name, text, expected):
# the exact set of asserted (sorted pair, category, month) the text must give.
RESTATED = [
    (
        "the-expulsion",
        "Mali expelled the French ambassador in January 2022. The expulsion angered Paris.",
        [("FRA-MLI", "tension", "2022-01")],
    ),
    (
        "the-clash",
        "Chinese and Philippine vessels clashed near the Second Thomas Shoal in March 2024. The clash was "
        "the latest in a series of confrontations.",
        [("CHN-PHL", "tension", "2024-03")],
    ),
    (
        "the-downing",
        "Turkey shot down a Russian warplane near the Syrian border in November 2015. The downing plunged "
        "relations into crisis for months.",
        [("RUS-TUR", "tension", "2015-11")],
    ),
    # a dispute that a clause settles, resolves or defuses is the old one, no new tension on that day
    (
        "resolve-a-dispute",
        "Greece and Turkey agreed in December 2023 to work together to resolve a dispute over Turkey's "
        "claims in the Aegean.",
        [],  # an agreement to work on it is a plan (FORMAT.md), and the dispute is the old one
    ),
    (
        "defuse-the-row",
        "Japanese and South Korean diplomats met in Seoul in March 2023 to defuse a row over wartime labour.",
        [("JPN-KOR", "cooperation", "2023-03")],
    ),
    (
        "resolve-row",
        "Saudi Arabia and Iran held talks in March 2023 aimed at resolving their long rift.",
        [("IRN-SAU", "cooperation", "2023-03")],
    ),
    # an event noun that only dates a clause ("during Biden's visit") is the one told before, not a new one
    (
        "during-the-visit",
        "Biden visited Hanoi in September 2023. During Biden's visit, protesters gathered outside the "
        "embassy.",
        [("USA-VNM", "cooperation", "2023-09")],
    ),
    (
        "after-the-talks",
        "Chinese and Indian commanders held talks in October 2023. After the talks, both armies kept their "
        "positions.",
        [("CHN-IND", "cooperation", "2023-10")],
    ),
    # what a decision "will see" happen is to come, not told as done
    (
        "will-see-leave",
        "Niger revoked its military accord with the United States in March 2024, a move that will see "
        "about 1,000 American troops leave the country.",
        [("NER-USA", "base_access", "2024-03")],
    ),
    (
        "decade-of-hostility",
        "Egypt and Turkey restored full diplomatic relations in July 2023. The move ended a decade of "
        "hostility.",
        [("EGY-TUR", "cooperation", "2023-07")],
    ),
]


@pytest.fixture(scope="module")
def dated(extract):
    def run(name: str, text: str) -> set[tuple[str, str, str | None]]:
        events = extract(name, text, date(2024, 4, 12))
        return {
            (dyad_key(e.source.country, e.target.country), e.category, (e.date.value or "")[:7] or None)
            for e in events
            if e.status == "asserted"
        }

    return run


@pytest.mark.parametrize(("name", "text", "expected"), RESTATED, ids=[c[0] for c in RESTATED])
def test_a_restated_event_is_no_new_one(dated, name, text, expected):
    assert dated(name, text) == set(expected)
