"""How news English names the sides (issue 3): the ways a state is named in a sentence, listed by
construction rather than from a corpus error. Combining forms and hyphenated dyads ("Sino-Russian",
"US-China talks", "India–Pakistan"), short names ("the DRC", "the Emirates", "Czechia"), demonyms
(also plural: "the Malians"), capitals and seats of power standing for the government ("Niamey",
"the Kremlin", "the Quai d'Orsay"), institutions standing for a state's government or military ("the
Bundeswehr", "Algeria's foreign ministry", "the Chinese coast guard"), leaders by title and by name on
the event date. Proxies are not their sponsor ("Iranian-backed militias" are not Iran), and a state's
name inside another name is not the state ("Indo-Pacific", "Austro-Hungarian"). Every sentence is about
a real event of 2011-2025, written for this file. Rows are (name, text, present, absent): (sorted pair,
event type)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key

PUBLISHED = date(2025, 12, 31)  # after every event of the file: none of them is in the future

CASES = [
    # (a) combining forms and hyphen/en-dash dyads
    ("sino-russian", "A Sino-Russian gas agreement was signed in Shanghai in May 2014.",
     [("CHN-RUS", "agreement")], []),
    ("franco-german", "The Franco-German treaty of friendship was signed in Aachen in January 2019.",
     [("DEU-FRA", "agreement")], []),
    ("anglo-french", "An Anglo-French summit was held at Sandhurst in January 2018.",
     [("FRA-GBR", "meeting")], []),
    ("russo-ukrainian", "Russo-Ukrainian talks were held in Istanbul in March 2022.",
     [("RUS-UKR", "meeting")], []),
    ("indo-pakistani", "Indo-Pakistani talks on the Kartarpur corridor were held in March 2019.",
     [("IND-PAK", "meeting")], []),
    ("turco-greek", "Turco-Greek exploratory talks resumed in Istanbul in January 2021.",
     [("GRC-TUR", "meeting")], []),
    ("greco-turkish", "A Greco-Turkish declaration on friendly relations was signed in Athens in December 2023.",
     [("GRC-TUR", "agreement")], []),
    ("italo-libyan", "An Italo-Libyan memorandum on migration was signed in Rome in February 2017.",
     [("ITA-LBY", "agreement")], []),
    ("luso-spanish", "A Luso-Spanish summit was held in Trujillo in October 2021.",
     [("ESP-PRT", "meeting")], []),
    ("hispano-moroccan", "A Hispano-Moroccan joint declaration was signed in Rabat in April 2022.",
     [("ESP-MAR", "agreement")], []),
    ("japano-indian", "Japano-Indian talks on a high-speed railway were held in Tokyo in November 2016.",
     [("IND-JPN", "meeting")], []),
    ("sino-indian-clash", "Sino-Indian clashes in the Galwan valley killed twenty soldiers in June 2020.",
     [("CHN-IND", "military_action")], []),
    ("indo-us", "An Indo-US defence agreement was signed in New Delhi in October 2020.",
     [("IND-USA", "alliance")], []),
    ("afghan-pakistani", "Afghan-Pakistani border clashes killed dozens of soldiers in October 2025.",
     [("AFG-PAK", "military_action")], []),
    ("us-china", "US-China trade talks were held in Geneva in May 2025.", [("CHN-USA", "meeting")], []),
    ("india-pakistan-en-dash", "An India–Pakistan ceasefire was agreed on 10 May 2025.",
     [("IND-PAK", "agreement")], []),
    ("russia-ukraine", "Russia-Ukraine talks were held in Istanbul in May 2025.", [("RUS-UKR", "meeting")], []),
    ("armenia-azerbaijan", "The Armenia-Azerbaijan peace talks were held in Washington in August 2025.",
     [("ARM-AZE", "meeting")], []),
    ("israeli-palestinian", "Israeli-Palestinian peace talks resumed in Washington in July 2013.",
     [("ISR-PSE", "meeting")], []),
    ("saudi-iranian", "A Saudi-Iranian agreement was signed in Beijing in March 2023.",
     [("IRN-SAU", "agreement")], []),
    pytest.param("us-philippine", "The US-Philippine alliance held its largest joint exercises in April 2023.",
     [("PHL-USA", "military_training")], [],
     marks=pytest.mark.xfail(strict=True, reason="a subject that is a trigger ('alliance') hides its pair")),
    ("chinese-russian", "Chinese-Russian naval drills were held in the Sea of Japan in July 2023.",
     [("CHN-RUS", "military_training")], [("CHN-JPN", "military_training"), ("JPN-RUS", "military_training")]),
    # look-alikes: a combining form inside another name
    ("indo-pacific", "Japan signed an Indo-Pacific security agreement with Australia in October 2022.",
     [("AUS-JPN", "alliance")], [("AUS-IND", "alliance"), ("IND-JPN", "alliance")]),
    ("austro-hungarian", "Austro-Hungarian troops invaded Serbia in 1914.",
     [], [("AUT-HUN", "military_action"), ("AUT-HUN", "agreement")]),
    ("anglo-saxon", "Anglo-Saxon media criticised Niger in 2023.", [], [("GBR-NER", "condemnation")]),

    # (b) short names, demonyms (also plural), capitals, possessives
    ("the-drc", "The DRC expelled the Rwandan ambassador in October 2022.", [("COD-RWA", "expulsion")], []),
    ("congo-brazzaville", "Congo-Brazzaville signed a military cooperation agreement with Russia in May 2019.",
     [("COG-RUS", "agreement")], []),
    ("the-uae", "The UAE and Israel signed the Abraham Accords in September 2020.",
     [("ARE-ISR", "agreement")], []),
    ("the-emirates", "The Emirates and Israel signed a trade agreement in May 2022.",
     [("ARE-ISR", "agreement")], []),
    ("britain", "Britain expelled 23 Russian diplomats in March 2018.", [("GBR-RUS", "expulsion")], []),
    ("holy-see", "The Holy See and China renewed their agreement on bishops in October 2020.",
     [("CHN-VAT", "agreement")], []),
    ("turkiye", "Türkiye shot down a Russian warplane in November 2015.", [("RUS-TUR", "military_action")], []),
    ("czechia", "Czechia expelled 18 Russian diplomats in April 2021.", [("CZE-RUS", "expulsion")], []),
    ("ivory-coast", "Ivory Coast signed a defence partnership treaty with France in January 2012.",
     [("CIV-FRA", "alliance")], []),
    ("cote-divoire", "France handed over its military base in Port-Bouët to Côte d'Ivoire in February 2025.",
     [("CIV-FRA", "handover")], []),
    ("the-malians", "The Malians expelled the French ambassador in January 2022.", [("FRA-MLI", "expulsion")], []),
    ("nigeriens-plural", "The Nigeriens ordered the withdrawal of French troops in September 2023.",
     [("FRA-NER", "revoke_access")], []),
    ("capital-niamey", "Niamey expelled the French ambassador in August 2023.", [("FRA-NER", "expulsion")], []),
    ("capital-both", "Kyiv accused Minsk of helping the invasion in February 2022.", [("BLR-UKR", "accusation")], []),
    ("possessive-capital", "Beijing's coast guard fired water cannon at a Philippine boat in August 2023.",
     [("CHN-PHL", "military_action")], []),
    ("possessive-state", "Russia's invasion of Ukraine began in February 2022.", [("RUS-UKR", "military_action")], []),
    ("south-sudanese", "South Sudanese troops clashed with Sudanese forces in Heglig in April 2012.",
     [("SDN-SSD", "military_action")], []),

    # (c) seats of power and institutions
    ("white-house", "The White House imposed sanctions on Venezuela in August 2019.", [("USA-VEN", "sanction")], []),
    ("elysee-recall", "The Élysée recalled the French ambassador from Italy in February 2019.",
     [("FRA-ITA", "recall_ambassador")], []),
    ("downing-street", "Downing Street condemned Iran's seizure of a British tanker in July 2019.",
     [("GBR-IRN", "condemnation")], []),
    ("state-department", "The State Department condemned North Korea's missile launch in March 2023.",
     [("PRK-USA", "condemnation")], []),
    ("pentagon", "The Pentagon delivered Abrams tanks to Ukraine in September 2023.",
     [("UKR-USA", "arms_transfer")], []),
    ("quai-dorsay", "The Quai d'Orsay summoned the Italian ambassador in January 2019.",
     [("FRA-ITA", "recall_ambassador")], []),
    ("blue-house", "The Blue House signed a military intelligence pact with Tokyo in November 2016.",
     [("JPN-KOR", "agreement")], []),
    ("koulouba", "Koulouba expelled the French ambassador in January 2022.", [("FRA-MLI", "expulsion")], []),
    ("kremlin", "The Kremlin signed a defence pact with Pyongyang in June 2024.", [("PRK-RUS", "alliance")], []),
    ("bundeswehr", "The Bundeswehr completed its withdrawal from Mali in December 2023.",
     [("DEU-MLI", "withdrawal")], []),
    ("the-idf", "The IDF struck Iranian military targets in October 2024.", [("IRN-ISR", "military_action")], []),
    ("tatmadaw-coup", "The Tatmadaw seized power in Myanmar in February 2021.", [("MMR-MMR", "coup")], []),
    ("ministry-of-defence-of", "The Ministry of Defence of Mali signed a cooperation agreement with Russia in June 2019.",
     [("MLI-RUS", "alliance")], []),
    ("foreign-ministry-possessive", "Algeria's foreign ministry recalled its ambassador from France in July 2024.",
     [("DZA-FRA", "recall_ambassador")], []),
    ("nigerien-army", "The Nigerien army received Bayraktar drones from Turkey in 2022.",
     [("NER-TUR", "arms_transfer")], []),
    ("coast-guard", "The Chinese coast guard fired water cannon at Philippine vessels in December 2023.",
     [("CHN-PHL", "military_action")], []),
    ("warplanes", "Russian warplanes struck Ukrainian power plants in October 2022.",
     [("RUS-UKR", "military_action")], []),
    ("backed-militias", "Iranian-backed militias attacked US troops in Syria in January 2024.",
     [], [("IRN-USA", "military_action")]),
    ("backed-separatists", "Russian-backed separatists shot down a Malaysian airliner in July 2014.",
     [], [("MYS-RUS", "military_action")]),

    # (d) leaders by title and by name on the event date
    ("junta-leader-title", "The Malian junta leader visited Moscow in June 2025.", [("MLI-RUS", "visit")], []),
    ("president-possessive", "Egypt's president visited Djibouti in May 2021.", [("DJI-EGY", "visit")], []),
    ("foreign-minister-title", "The Greek foreign minister visited Turkey in February 2023.",
     [("GRC-TUR", "visit")], []),
    ("defence-minister-title", "The Chinese defence minister met his American counterpart in Cambodia in November 2022.",
     [("CHN-USA", "meeting")], []),
    ("modi-xi", "Modi met Xi in Kazan in October 2024.", [("CHN-IND", "meeting")], []),
    ("erdogan-cairo", "Erdogan visited Cairo in February 2024.", [("EGY-TUR", "visit")], []),
    ("albanese-beijing", "Albanese visited Beijing in November 2023.", [("AUS-CHN", "visit")], []),
    ("shoigu-pyongyang", "Shoigu visited Pyongyang in July 2023.", [("PRK-RUS", "visit")], []),
    ("johnson-tenure", "Johnson visited Kyiv in April 2022.", [("GBR-UKR", "visit")], []),
    ("jaishankar-lavrov", "Jaishankar met Lavrov in Moscow in December 2023.", [("IND-RUS", "meeting")], []),
    ("lula-biden", "Lula met Biden at the White House in February 2023.", [("BRA-USA", "meeting")], []),
    ("prabowo-xi", "Prabowo met Xi in Beijing in November 2024.", [("CHN-IDN", "meeting")], []),
    ("tinubu-macron", "Tinubu visited Macron in Paris in November 2024.", [("FRA-NGA", "visit")], []),
    ("kishida-seoul", "Kishida visited Seoul in May 2023.", [("JPN-KOR", "visit")], []),

    # second batch, written before it was run. (d) a leader counts as the state of the office he held on
    # the event's date, not on the day of publication
    ("stoltenberg-nato-then", "Stoltenberg visited Kyiv in April 2023.", [("NATO-UKR", "visit")],
     [("NOR-UKR", "visit")]),
    ("rutte-dutch-then", "Rutte met Zelensky in Kyiv in July 2022.", [("NLD-UKR", "meeting")],
     [("NATO-UKR", "meeting")]),
    ("costa-portuguese-then", "Costa met Sanchez in Trujillo in October 2021.", [("ESP-PRT", "meeting")],
     [("ESP-EU", "meeting")]),
    ("castro-cuban-then", "Castro met Putin in Moscow in May 2015.", [("CUB-RUS", "meeting")],
     [("HND-RUS", "meeting")]),
    # foreign and defence ministers of states often in the news, by name
    ("yang-jiechi", "Yang Jiechi met Clinton in Beijing in September 2012.", [("CHN-USA", "meeting")], []),
    ("saud-al-faisal", "Saud al-Faisal met Kerry in Riyadh in March 2013.", [("SAU-USA", "meeting")], []),
    ("william-hague", "William Hague met Kerry in London in February 2013.", [("GBR-USA", "meeting")], []),
    ("zarif-kerry", "Zarif met Kerry in Geneva in November 2013.", [("IRN-USA", "meeting")], []),
    ("demeke-blinken", "Demeke Mekonnen met Blinken in Addis Ababa in March 2023.", [("ETH-USA", "meeting")], []),
    ("del-rosario", "Del Rosario met Clinton in Washington in April 2012.", [("PHL-USA", "meeting")], []),
    ("manalo-blinken", "Manalo met Blinken in Washington in April 2023.", [("PHL-USA", "meeting")], []),
    ("phan-van-giang", "Lloyd Austin met Phan Van Giang in Hanoi in July 2021.", [("USA-VNM", "meeting")], []),
    ("jeong-kyeong-doo", "Jeong Kyeong-doo met Mattis in Washington in October 2018.", [("KOR-USA", "meeting")], []),
    # offices without a name
    ("army-chief", "The Pakistani army chief visited Washington in July 2019.", [("PAK-USA", "visit")], []),
    ("fm-possessive", "China's foreign minister visited Pyongyang in September 2019.", [("CHN-PRK", "visit")], []),
    ("iranian-president", "The Iranian president visited Riyadh in November 2023.", [("IRN-SAU", "visit")], []),
    ("emir-of", "The Emir of Qatar visited Washington in April 2018.", [("QAT-USA", "visit")], []),
    ("crown-prince", "Saudi Arabia's crown prince visited Washington in March 2018.", [("SAU-USA", "visit")], []),
    ("indian-pm", "The Indian prime minister visited Moscow in July 2024.", [("IND-RUS", "visit")], []),
    ("burkinabe-junta-leader", "The Burkinabe junta leader visited Moscow in May 2025.", [("BFA-RUS", "visit")], []),
    # (c) more institutions and seats
    ("foreign-office-summoned", "The Foreign Office summoned the Russian ambassador in March 2018.",
     [("GBR-RUS", "recall_ambassador")], []),
    ("elysee-unaccented", "The Elysee recalled the French ambassador from Washington in September 2021.",
     [("FRA-USA", "recall_ambassador")], []),
    ("external-affairs", "India's external affairs ministry summoned the Pakistani high commissioner in February 2019.",
     [("IND-PAK", "recall_ambassador")], []),
    ("us-treasury", "The US Treasury imposed sanctions on Russian banks in February 2022.",
     [("RUS-USA", "sanction")], []),
    ("turkish-army", "The Turkish army shelled Syrian government positions in Idlib in February 2020.",
     [("SYR-TUR", "military_action")], []),
    ("pakistani-air-force", "The Pakistani air force shot down an Indian jet in February 2019.",
     [("IND-PAK", "military_action")], []),
    ("ukrainian-drones", "Ukrainian drones struck Russian airfields in June 2025.", [("RUS-UKR", "military_action")], []),
    # groups are not the state they fight from
    ("houthis-not-yemen", "The Houthis attacked a British tanker in the Red Sea in January 2024.",
     [], [("GBR-YEM", "military_action")]),
    ("hezbollah-not-lebanon", "Hezbollah fired rockets at Israel in October 2023.", [], [("ISR-LBN", "military_action")]),
    ("israel-hamas-war", "The Israel-Hamas war began in October 2023.", [], [("ISR-PSE", "military_action")]),
    # (a) more pairs
    ("sino-american", "Sino-American talks were held in Anchorage in March 2021.", [("CHN-USA", "meeting")], []),
    ("franco-italian", "A Franco-Italian treaty was signed in Rome in November 2021.", [("FRA-ITA", "agreement")], []),
    ("india-china-clash", "The India-China border clash in June 2020 killed twenty soldiers.",
     [("CHN-IND", "military_action")], []),
    ("eu-china-summit", "The EU-China summit was held in Beijing in July 2025.", [("CHN-EU", "meeting")], []),
    ("nato-russia-council", "The NATO-Russia Council met in Brussels in January 2022.", [("NATO-RUS", "meeting")], []),

    # third batch, written before it was run: offices by of-phrase, title + name, possessive + surname,
    # nicknames and abbreviations, look-alike names of two states, people who are not their state
    ("head-of-junta", "The head of Mali's junta visited Moscow in June 2025.", [("MLI-RUS", "visit")], []),
    ("president-of", "The president of Kenya visited Beijing in October 2023.", [("CHN-KEN", "visit")], []),
    ("prime-minister-of", "The prime minister of Japan visited Kyiv in March 2023.", [("JPN-UKR", "visit")], []),
    ("title-name-fm", "Foreign Minister Wang Yi visited Moscow in February 2023.", [("CHN-RUS", "visit")], []),
    ("title-name-secstate", "US Secretary of State Antony Blinken visited Beijing in June 2023.",
     [("CHN-USA", "visit")], []),
    ("demonym-title-name", "Russian President Vladimir Putin visited Pyongyang in June 2024.",
     [("PRK-RUS", "visit")], []),
    ("new-president", "Senegal's new president visited Mauritania in April 2024.", [("MRT-SEN", "visit")], []),
    ("army-chief-sudan", "The Sudanese army chief visited Egypt in August 2023.", [("EGY-SDN", "visit")], []),
    ("possessive-surname", "Turkey's Erdogan visited Baghdad in April 2024.", [("IRQ-TUR", "visit")], []),
    ("possessive-surname-fm", "Russia's Lavrov visited Pyongyang in October 2023.", [("PRK-RUS", "visit")], []),
    ("possessive-surname-pm", "Britain's Starmer met Trump at the White House in February 2025.",
     [("GBR-USA", "meeting")], []),
    ("nickname-mbs", "MBS met Biden in Jeddah in July 2022.", [("SAU-USA", "meeting")], []),
    ("abbreviation-ksa", "The KSA restored relations with Iran in March 2023.", [("IRN-SAU", "restore_relations")], []),
    ("two-koreas", "The two Koreas held talks at Panmunjom in January 2018.", [("KOR-PRK", "meeting")], []),
    ("capitals-accuse", "Kinshasa accused Kigali of backing the M23 rebels in 2022.", [("COD-RWA", "accusation")], []),
    ("guinea-bissau", "Guinea-Bissau's president visited Moscow in February 2024.", [("GNB-RUS", "visit")],
     [("GIN-RUS", "visit")]),
    ("chad-expels", "Chad expelled the German ambassador in April 2023.", [("DEU-TCD", "expulsion")], []),
    ("people-evacuated", "Thousands of Americans were evacuated from Sudan in April 2023.",
     [], [("SDN-USA", "withdrawal")]),
    ("ethnic-people", "Ethnic Serbs in Kosovo clashed with NATO peacekeepers in May 2023.",
     [], [("NATO-SRB", "military_action")]),

    # fourth batch, written before it was run: a state named only to describe someone's side or seat
    ("pro-russian", "Pro-Russian separatists seized government buildings in Donetsk in April 2014.",
     [], [("RUS-UKR", "military_action")]),
    ("anti-chinese", "Anti-Chinese rioters attacked factories in Vietnam in May 2014.",
     [], [("CHN-VNM", "military_action")]),
    ("london-based", "The London-based Syrian Observatory said Russian strikes killed ten civilians in Syria in May 2019.",
     [], [("GBR-RUS", "military_action")]),
    ("washington-based", "A Washington-based think tank criticised Beijing in March 2024.",
     [], [("CHN-USA", "condemnation")]),
    ("paris-based-sides-kept", "Mali expelled the Paris-based envoy of ECOWAS in 2022.", [], [("FRA-MLI", "expulsion")]),
]


def _name(case) -> str:
    return case.values[0] if hasattr(case, "values") else case[0]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[_name(c) for c in CASES])
def test_naming_checklist(extract, name, text, present, absent):
    events = extract(name, text, PUBLISHED)
    found = {(dyad_key(e.source.country, e.target.country), e.type) for e in events if e.status == "asserted"}
    assert set(present) <= found, found
    assert not set(absent) & found, found
