"""Basing precision checklist (issue 3): sentences that speak of forces, bases, troops, deployments or ports but
tell no base access between two states, written by construction before measuring. Each row is one look-alike:
forces fighting or invading (military action, not access used), troops at home or on their own border, joint
exercises and drills (military training, cooperation, by the ontology), missions of an organisation (UN, AU,
ECOWAS, EU: the organisation's mission, not state basing), warships transiting a strait or sea, arms deliveries
and training (cooperation), evacuations of citizens, bases in general or in history, a base proposed, sought or
refused (not asserted), mercenaries (the dev gold codes Wagner as cooperation, not basing), a host misread from a
place name that holds a country word ("the Sea of Japan", "Georgia" the American state, "Chad" a first name),
pairs leaking from other states named in the same sentence, an attack on a base (the attacker is no side of the access) and forces pulling back in a war (a second batch, also written before measuring). A few true base-access rows stand beside them as
controls. Sentences are our own, about real events of 2011-2025. Rows are (name, text, present, absent): (sorted
pair, event type or category) among the asserted events; "base_access" matches any of its types."""

from __future__ import annotations

import pytest

from tests.nlp.checklist import asserted_events, pair_labels, row_id

B = "base_access"
C = "cooperation"

CASES = [
    # forces fighting in a war, invading, advancing, retreating: military action, not access
    ("war-advanced", "Russian troops advanced near Avdiivka in Ukraine's Donetsk region in February 2024.",
     [], [("RUS-UKR", B)]),
    ("war-invaded", "Russian forces invaded Ukraine from Belarus in February 2022.",
     [], [("RUS-UKR", B), ("BLR-UKR", B)]),
    ("war-entered-offensive", "Turkish troops entered northeastern Syria in October 2019 in an offensive against "
     "Kurdish fighters.", [], [("SYR-TUR", B)]),
    ("war-crossed-into", "Ukrainian forces crossed into Russia's Kursk region in August 2024.",
     [], [("RUS-UKR", B)]),
    ("war-ground-troops-into", "Israeli ground troops pushed into southern Lebanon in October 2024.",
     [], [("ISR-LBN", B)]),
    ("war-captured-town", "Azerbaijani forces captured the town of Shusha from Armenian troops in November 2020.",
     [], [("ARM-AZE", B)]),
    ("war-fought-alongside", "Rwandan soldiers fought alongside M23 rebels in eastern Congo in 2024, United Nations "
     "experts said.", [], [("COD-RWA", B)]),
    ("war-bombed", "Saudi warplanes bombed Houthi positions in Yemen in March 2015.", [], [("SAU-YEM", B)]),
    # troops at home or along their own border
    ("own-border-deployed", "India deployed troops along its border with China in June 2020.",
     [], [("CHN-IND", B)]),
    ("own-border-massed", "Russia massed troops near its border with Ukraine in November 2021.",
     [], [("RUS-UKR", B)]),
    ("own-border-sent-soldiers", "Poland sent thousands of soldiers to its border with Belarus in November 2021.",
     [], [("BLR-POL", B)]),
    ("own-border-national-guard", "The United States deployed National Guard troops to its border with Mexico in "
     "April 2018.", [], [("MEX-USA", B)]),
    ("own-troops-home-base", "Greek troops returned to their barracks near the Evros river after the border crisis "
     "with Turkey in March 2020.", [], [("GRC-TUR", B)]),
    # exercises and drills: military training (cooperation), not access
    ("exercise-joint-drills-sea", "Chinese and Russian warships held joint drills in the Sea of Japan in July 2023.",
     [], [("CHN-RUS", B), ("CHN-JPN", B), ("JPN-RUS", B)]),
    ("exercise-trained-together", "Indian and American soldiers trained together in Alaska in October 2021.",
     [], [("IND-USA", B)]),
    ("exercise-joint-held", "Egypt and Saudi Arabia held joint naval exercises in the Red Sea in 2018.",
     [], [("EGY-SAU", B)]),
    ("exercise-took-part", "Pakistani and Turkish special forces took part in a joint exercise in 2019.",
     [], [("PAK-TUR", B)]),
    # a mission of an organisation, not state basing
    ("org-un-mission-ended", "The United Nations peacekeeping mission in Mali ended in December 2023.",
     [], [("MLI-UN", B)]),
    ("org-ecowas-sent", "ECOWAS sent troops into the Gambia in January 2017 to force Yahya Jammeh to step down.",
     [], [("ECOWAS-GMB", B)]),
    ("org-au-fought", "African Union troops fought al-Shabaab militants in Somalia in 2012.", [], [("AU-SOM", B)]),
    ("org-eu-training", "The European Union's training mission trained Malian soldiers from 2013.",
     [], [("EU-MLI", B)]),
    # warships transiting a strait or a sea
    ("transit-strait", "A British destroyer sailed through the Taiwan Strait in September 2021.",
     [], [("CHN-GBR", B)]),
    ("transit-bosphorus", "Russian warships passed through the Bosphorus on their way to Syria in 2016.",
     [], [("RUS-TUR", B)]),
    ("transit-near-islands", "An American destroyer sailed near the Paracel Islands in October 2016, angering "
     "China.", [], [("CHN-USA", B)]),
    ("transit-channel", "Royal Navy ships shadowed Russian warships through the English Channel in 2023.",
     [], [("GBR-RUS", B)]),
    # arms deliveries and training: cooperation
    ("arms-delivered-tanks", "Germany delivered Leopard tanks to Ukraine in March 2023.",
     [("DEU-UKR", C)], [("DEU-UKR", B)]),
    ("arms-sold-drones", "Turkey sold Bayraktar drones to Poland in 2021.", [], [("POL-TUR", B)]),
    ("training-recruits-at-home", "British instructors trained Ukrainian recruits in England in 2023.",
     [], [("GBR-UKR", B)]),
    # evacuations of citizens
    ("evac-citizens", "France evacuated its citizens from Niger in August 2023.", [], [("FRA-NER", B)]),
    ("evac-nationals", "India evacuated its nationals from Sudan in April 2023.", [], [("IND-SDN", B)]),
    ("evac-aircraft-flew-out", "South Korean military aircraft flew South Korean citizens out of Sudan in April "
     "2023.", [], [("KOR-SDN", B)]),
    # bases in general or in history
    ("history-had-bases-until", "The United States had large bases in the Philippines until 1992.",
     [], [("PHL-USA", B)]),
    ("history-once-had", "Britain once kept a large naval base in Singapore.", [], [("GBR-SGP", B)]),
    ("general-bases-friction", "Foreign military bases are often a source of friction with local residents, "
     "as in Okinawa.", [], [("JPN-USA", B)]),
    # a base proposed, sought, refused or denied
    ("proposed-refused", "Serbia refused in 2019 to host a Russian military base.", [], [("RUS-SRB", B)]),
    ("proposed-seeking", "Russia was seeking a naval base in Libya in 2024, officials said.", [], [("LBY-RUS", B)]),
    ("proposed-denied-reports", "Vanuatu denied reports in April 2018 that China planned a military base on its "
     "territory.", [], [("CHN-VUT", B)]),
    ("proposed-talks-stalled", "Talks on hosting American counterterrorism forces in Uzbekistan stalled in 2021.",
     [], [("USA-UZB", B)]),
    # mercenaries: the dev gold codes Wagner as cooperation, not basing
    ("pmc-wagner-arrived", "Wagner mercenaries arrived in the Central African Republic in 2018.",
     [], [("CAF-RUS", B)]),
    ("pmc-syrian-mercenaries", "Syrian mercenaries recruited by Turkey fought in Libya in 2020.",
     [], [("LBY-SYR", B)]),
    # a host misread from a place name that holds a country word
    ("host-us-state-georgia", "American soldiers trained at Fort Stewart in Georgia in 2023.",
     [], [("GEO-USA", B)]),
    ("host-first-name-chad", "Chad Wolf, the acting US homeland security secretary, sent federal agents to Portland "
     "in July 2020.", [], [("TCD-USA", B)]),
    ("host-persian-gulf", "American warships patrolled the Persian Gulf in 2019.", [], [("IRN-USA", B)]),
    ("host-jordan-valley", "Israeli troops were deployed in the Jordan Valley in 2020.", [], [("ISR-JOR", B)]),
    ("host-indian-ocean", "Chinese warships patrolled the Indian Ocean in 2023.", [], [("CHN-IND", B)]),
    # pairs leaking from other states named in the sentence
    ("leak-like-before-it", "Like France before it, the United States withdrew its troops from Niger in 2024.",
     [("NER-USA", B)], [("FRA-USA", B)]),
    ("leak-next-to", "Germany stationed a brigade in Lithuania in 2025, next to Poland and Latvia.",
     [("DEU-LTU", B)], [("DEU-POL", B), ("DEU-LVA", B), ("LTU-POL", B)]),
    ("leak-moved-to", "After leaving Mali in 2022, French forces moved to Niger.",
     [], [("MLI-NER", B)]),
    ("leak-angering", "Turkish troops arrived at their base in Qatar in June 2017, as Saudi Arabia blockaded the "
     "emirate.", [("QAT-TUR", B)], [("SAU-TUR", B), ("QAT-SAU", B)]),
    ("leak-list-of-states", "Kenya, Uganda and Burundi sent troops to Somalia under the African Union mission.",
     [], [("KEN-UGA", B), ("BDI-KEN", B), ("BDI-UGA", B)]),
    ("leak-allies-threatened", "The United States keeps troops in Japan and South Korea, allies threatened by "
     "North Korea.", [], [("JPN-KOR", B), ("KOR-PRK", B), ("JPN-PRK", B)]),
    # an attack on a base: the attacker is no side of the access
    ("attack-missiles-at-base", "Iran fired missiles at American troops at the Ain al-Asad base in Iraq in January "
     "2020.", [], [("IRN-IRQ", B), ("IRN-USA", B)]),
    ("attack-drone-killed", "A drone launched by Iran-backed militants killed three American soldiers at a base in "
     "Jordan in January 2024.", [], [("IRN-JOR", B), ("IRN-USA", B)]),
    ("attack-shelled-base", "Russian artillery shelled a Ukrainian military base near Yavoriv, close to the Polish "
     "border, in March 2022.", [], [("RUS-UKR", B), ("POL-RUS", B), ("POL-UKR", B)]),
    # forces pulling back in a war, or blocked: no access lost
    ("war-pulled-back", "Ukrainian forces pulled back from Avdiivka in February 2024 as Russian troops advanced.",
     [], [("RUS-UKR", B)]),
    ("war-retreated-from", "Armenian forces retreated from the Kelbajar district, handing it to Azerbaijan in "
     "November 2020.", [], [("ARM-AZE", B)]),
    ("blockade-resupply", "Chinese coast guard ships blocked Philippine boats resupplying troops at Second Thomas "
     "Shoal in August 2023.", [], [("CHN-PHL", B)]),
    ("war-carrier-moved", "The United States moved an aircraft carrier to the eastern Mediterranean in October 2023 "
     "after the Hamas attack on Israel.", [], [("ISR-USA", B)]),
    # access only threatened, weighed, wished for, warned of or denied (a third batch, written before measuring)
    ("modal-could-be-asked", "American forces could be asked to leave Iraq, the Iraqi prime minister warned in "
     "January 2020.", [], [("IRQ-USA", B)]),
    ("modal-if-expels", "If Niger expels the Americans, Washington will lose its drone base at Agadez.",
     [], [("NER-USA", B)]),
    ("modal-weighing", "The Pentagon was weighing whether to pull its troops out of Syria in December 2018.",
     [], [("SYR-USA", B)]),
    ("modal-threatened", "Donald Trump threatened in 2019 to withdraw American troops from South Korea.",
     [], [("KOR-USA", B)]),
    ("modal-long-wanted", "Moscow has long wanted a naval base on the Red Sea coast of Eritrea.",
     [], [("ERI-RUS", B)]),
    ("modal-rumours", "Rumours that Russian troops would deploy to Burkina Faso spread in 2023.",
     [], [("BFA-RUS", B)]),
    ("modal-never-stationed", "Chinese troops have never been stationed in Cambodia, officials in Phnom Penh "
     "insisted in 2019.", [], [("CHN-KHM", B)]),
    ("modal-unlikely", "Washington is unlikely to pull its troops out of Japan, analysts said in 2017.",
     [], [("JPN-USA", B)]),
    # controls: true base access that the fixes must keep
    ("control-withdrew-from", "The United States withdrew its last troops from Niger in August 2024.",
     [("NER-USA", B)], []),
    ("control-stationed", "Britain stationed troops in Estonia in 2017.", [("EST-GBR", B)], []),
    ("control-ordered-out", "Burkina Faso ordered French special forces out in January 2023.",
     [("BFA-FRA", B)], []),
]

# One rule each, beyond the rows above: civilians leaving are no forces withdrawing; an act that is the topic of
# talks is not asserted; a country word inside a river, valley or delta name is no state; a state the act is only
# next to or near is no side.
RULES = [
    ("civilians-evacuated", "Italy evacuated Italian civilians from Khartoum in April 2023.", [], [("ITA-SDN", B)]),
    ("civilians-evacuated-nationals", "China evacuated thousands of its nationals from Libya in March 2011.",
     [], [("CHN-LBY", B)]),
    ("talks-over-base", "Negotiations over a Russian naval base in Sudan dragged on through 2023.",
     [], [("RUS-SDN", B)]),
    ("talks-about-stationing", "Discussions about stationing American troops in Poland continued in 2019.",
     [], [("POL-USA", B)]),
    ("name-river", "French troops patrolled the Niger River near Gao in 2015.", [], [("FRA-NER", B)]),
    ("name-delta", "Nigerian soldiers fought militants in the Niger Delta in 2016.", [], [("NER-NGA", B)]),
    ("beside-near-border", "Britain deployed troops to Estonia in 2017, near the border with Russia.",
     [("EST-GBR", B)], [("GBR-RUS", B), ("EST-RUS", B)]),
    ("beside-close-to", "Canada stationed soldiers in Latvia in 2017, close to Russia.",
     [("CAN-LVA", B)], [("CAN-RUS", B), ("LVA-RUS", B)]),
]


ROWS = CASES + RULES


@pytest.mark.parametrize(("name", "text", "present", "absent"), ROWS, ids=[row_id(c) for c in ROWS])
def test_basing_precision(extract, name, text, present, absent):
    found = pair_labels(asserted_events(extract, name, text))
    assert set(present) <= found, f"missing {set(present) - found}; found {found}"
    assert not set(absent) & found, f"wrong {set(absent) & found}"
