"""Basing checklist (issue 3): how news English tells base access, written by construction before measuring.
Each row is one construction: the host as subject (grants, leases, allows, orders out, revokes, closes, hosts,
"is home to"), the foreign user as subject (operates, opens, stations, rotates, withdraws, pulls out, hands
over), passives ("troops stationed in", "were ordered out by"), nominalisations ("the withdrawal of US forces
from", "the closure of the French base in", "the American presence in"), a named facility standing for its host
and its user on the date, access treaties (a defence cooperation or access agreement that lets foreign forces
in is access granted, by the ontology), and what is no asserted basing: planned or negotiated bases, denials,
negations, requests, and neutral look-alikes ("the base of the mountain", "a fan base", "withdrew its
ambassador", tourists). Sentences are our own, about real events of 2011-2025. Base access has source = host,
target = the foreign state (FORMAT.md). Rows are (name, text, present, absent): (sorted pair, event type or
category) among the asserted events; a category ("base_access") matches any of its types."""

from __future__ import annotations

import pytest

from kg.model import dyad_key
from tests.nlp.checklist import LATE, asserted_events, directed_labels, pair_labels, row_id

B = "base_access"

CASES = [
    # the host as subject: grants, leases, allows, agrees to host
    ("host-leased-land", "Djibouti leased land to China in 2016 for its first overseas military base.",
     [("CHN-DJI", "access_granted")], []),
    ("host-granted-access-sites", "The Philippines granted the United States access to four more military sites "
     "in February 2023.", [("PHL-USA", "access_granted")], []),
    ("host-allowed-to-use-facility", "Turkey allowed the United States to use Incirlik for air strikes on the "
     "Islamic State in July 2015.", [("TUR-USA", "access_granted")], []),
    ("host-agreed-to-host", "Australia agreed in November 2011 to host rotations of American Marines in Darwin.",
     [("AUS-USA", B)], []),
    ("host-offered-base", "Equatorial Guinea allowed Chinese warships to use the port of Bata in 2022.",
     [("CHN-GNQ", "access_granted")], []),
    # the host as subject: orders out, revokes, suspends, ends a lease
    ("host-ordered-to-leave", "Chad ordered American troops to leave the country in April 2024.",
     [("TCD-USA", "revoke_access")], []),
    ("host-ordered-out", "Mali's junta ordered French troops out of the country in February 2022.",
     [("FRA-MLI", "revoke_access")], []),
    ("host-gave-month-to-leave", "Burkina Faso gave French forces one month to leave in January 2023.",
     [("BFA-FRA", "revoke_access")], []),
    ("host-revoked-military-accord", "Niger revoked its military cooperation agreement with the United States in "
     "March 2024.", [("NER-USA", "revoke_access")], []),
    pytest.param("host-presence-illegal", "Niger's junta declared the presence of American troops on its soil "
     "illegal in March 2024.", [("NER-USA", "revoke_access")], [],
     marks=pytest.mark.xfail(strict=True, reason="'illegal' parsed as modifying 'soil'")),
    ("host-must-close-bases", "Senegal's president said in November 2024 that France must close its military "
     "bases in the country.", [("FRA-SEN", B)], []),
    ("host-voted-end-lease", "Kyrgyzstan's parliament voted in June 2013 to end the American lease at Manas.",
     [("KGZ-USA", "revoke_access")], []),
    pytest.param("host-suspended-flights", "Turkey suspended American flights from Incirlik in July 2016 after the "
     "failed coup.", [("TUR-USA", "revoke_access")], [],
     marks=pytest.mark.xfail(strict=True, reason="suspending access: rule dropped, its scope unclear")),
    ("host-expelled-forces", "The Central African Republic expelled the last French soldiers in December 2022.",
     [("CAF-FRA", B)], []),
    # the user as subject: operates, opens, stations, deploys, rotates
    ("user-operates-facility", "Russia operates a naval facility at Tartus on the Syrian coast.",
     [("RUS-SYR", "access_used")], []),
    ("user-opened-base-in", "China opened its first overseas military base in Djibouti in August 2017.",
     [("CHN-DJI", "access_granted")], []),
    ("user-stationed-brigade", "Germany stationed a combat brigade in Lithuania in 2025.",
     [("DEU-LTU", "access_used")], []),
    pytest.param("user-keeps-base", "Russia keeps about 7,000 soldiers at its 201st military base in Tajikistan.",
     [("RUS-TJK", "access_used")], [],
     marks=pytest.mark.xfail(strict=True, reason="'keeps soldiers at its base': stative rule dropped")),
    ("user-deployed-to-facility", "The United States deployed B-2 bombers to Diego Garcia in March 2025.",
     [("GBR-USA", "access_used")], []),
    ("user-rotate-through", "American Marines rotate through Darwin in northern Australia every dry season.",
     [("AUS-USA", "access_used")], []),
    ("user-warships-docked", "Chinese warships docked at Cambodia's Ream naval base in December 2023.",
     [("CHN-KHM", "access_used")], []),
    pytest.param("user-moved-headquarters", "US Forces Korea moved its headquarters to Camp Humphreys in June 2018.",
     [("KOR-USA", "access_used")], [],
     marks=pytest.mark.xfail(strict=True, reason="'US Forces Korea' also reads as Korea")),
    pytest.param("user-jets-flew-from", "Russian jets flew from Hmeimim to bomb Idlib in 2019.",
     [("RUS-SYR", "access_used")], [],
     marks=pytest.mark.xfail(strict=True, reason="date in the purpose clause: undated, below the floor")),
    # the user as subject: withdraws, leaves, pulls out, hands over
    ("user-withdrew-from", "France withdrew its last soldiers from Niger in December 2023.",
     [("FRA-NER", "withdrawal")], []),
    ("user-pulled-out", "France pulled its troops out of Mali in August 2022.", [("FRA-MLI", "withdrawal")], []),
    ("user-left-facility", "American forces left the Manas transit centre in June 2014.",
     [("KGZ-USA", "withdrawal")], []),
    ("user-completed-withdrawal", "The United States completed the withdrawal of its troops from Niger in August "
     "2024.", [("NER-USA", "withdrawal")], []),
    ("user-handed-over-base", "France handed over its military base in Port-Bouët to Côte d'Ivoire in February "
     "2025.", [("CIV-FRA", "handover")], []),
    ("user-handed-facility-to", "France handed the Adji Kossei air base over to Chad in January 2025.",
     [("FRA-TCD", "handover")], []),
    ("user-returned-camp", "France returned Camp de Gaulle in Libreville to Gabon in July 2025.",
     [("FRA-GAB", "handover")], []),
    ("user-announced-withdrawal", "France announced in July 2023 that it would withdraw its troops from Niger "
     "by the end of the year.", [("FRA-NER", B)], []),
    # passives
    ("passive-stationed-in", "Some 28,500 American troops are stationed in South Korea.",
     [("KOR-USA", "access_used")], []),
    ("passive-based-in", "About 10,000 US troops are based in Qatar.", [("QAT-USA", "access_used")], []),
    ("passive-used-by", "The Kant air base in Kyrgyzstan is used by Russian aircraft.",
     [("KGZ-RUS", "access_used")], []),
    ("passive-ordered-out-by", "French troops were ordered out of Niger by the junta in August 2023.",
     [("FRA-NER", "revoke_access")], []),
    ("passive-deployed-to", "British troops have been deployed to Estonia since 2017 as part of a NATO "
     "battlegroup.", [("EST-GBR", "access_used")], []),
    # nominalisations
    ("nominal-withdrawal-of-from", "The withdrawal of US forces from Niger ended in August 2024.",
     [("NER-USA", "withdrawal")], []),
    ("nominal-closure-of-base", "The closure of the last French base in Senegal took place in July 2025.",
     [("FRA-SEN", B)], []),
    ("nominal-presence-ended", "The American military presence in Niger ended in 2024.",
     [("NER-USA", "withdrawal")], []),
    ("nominal-departure-of", "The departure of French troops from Burkina Faso was completed in February 2023.",
     [("BFA-FRA", "withdrawal")], []),
    ("nominal-deployment-of-in", "The deployment of Chinese troops in Djibouti began in 2017.",
     [("CHN-DJI", "access_used")], []),
    # "host" verbs and "home to"
    ("host-hosts-facility", "Qatar hosts Al Udeid, the largest American air base in the Middle East.",
     [("QAT-USA", "access_used")], []),
    ("host-hosts-list", "Djibouti hosts Chinese, American and Japanese military bases.",
     [("CHN-DJI", "access_used"), ("DJI-USA", "access_used"), ("DJI-JPN", "access_used")], []),
    ("host-hosts-troops", "Japan hosts about 54,000 American troops, many of them on Okinawa.",
     [("JPN-USA", "access_used")], []),
    ("host-home-to", "Bahrain is home to the US Navy's Fifth Fleet.", [("BHR-USA", "access_used")], []),
    ("facility-hosts-user", "Al Udeid hosts the forward headquarters of US Central Command.",
     [("QAT-USA", "access_used")], []),
    # access treaties: an agreement that lets foreign forces in grants access (ontology: access_granted)
    ("dca-giving-access", "Sweden signed a defence cooperation agreement with the United States in December 2023 "
     "giving American forces access to 17 bases.", [("SWE-USA", "access_granted")], []),
    pytest.param("dca-allowing-troops", "Poland and the United States signed a defence cooperation agreement in "
     "August 2020 allowing more American troops in the country.", [("POL-USA", "access_granted")], [],
     marks=pytest.mark.xfail(strict=True, reason="'allowing more troops': no access word")),
    ("reciprocal-access-agreement", "The Philippines and Japan signed a reciprocal access agreement in July 2024.",
     [("JPN-PHL", B)], []),
    ("status-of-forces-agreement", "Kenya and Britain signed a status of forces agreement for British troops "
     "training in Kenya in 2021.", [("GBR-KEN", B)], []),
    ("edca-sites", "Under the Enhanced Defense Cooperation Agreement, the Philippines opened four new sites to US "
     "forces in April 2023.", [("PHL-USA", "access_granted")], []),
    # second batch, written before measuring: the user leases or renews, arrivals, nominal handovers and
    # departures, demands told by a noun, deployments to the user's own base abroad
    ("user-renewed-lease", "The United States renewed its lease on Camp Lemonnier in 2014.",
     [("DJI-USA", "access_granted")], []),
    ("user-signed-lease-with", "Russia signed a 49-year lease on Tartus with Syria in January 2017.",
     [("RUS-SYR", "access_granted")], []),
    ("host-gave-permission", "Niger gave the United States permission to fly armed drones from Agadez in 2017.",
     [("NER-USA", "access_granted")], []),
    ("user-troops-arrived-in", "American troops arrived in Poland in January 2017.", [("POL-USA", "access_used")], []),
    ("user-deployed-to-own-base", "Turkey deployed more troops to its base in Qatar in June 2017.",
     [("QAT-TUR", "access_used")], []),
    ("user-inaugurated-facility", "India inaugurated an airstrip on Mauritius's Agaléga island in February 2024.",
     [("IND-MUS", B)], []),
    ("user-dismantled-base", "The United Arab Emirates dismantled parts of its base at Assab in Eritrea in 2021.",
     [("ARE-ERI", "withdrawal")], []),
    ("last-soldiers-left", "The last American soldiers left Afghanistan in August 2021.",
     [("AFG-USA", "withdrawal")], []),
    ("peacekeepers-left", "Japanese engineers serving as peacekeepers left South Sudan in May 2017.",
     [("JPN-SSD", "withdrawal")], []),
    ("nominal-handover-of-to", "The handover of the Gao base to the Malian army took place in August 2022.",
     [("FRA-MLI", "handover")], []),
    ("nominal-handover-possessive", "Britain's handover of Camp Bastion to Afghan forces was completed in October "
     "2014.", [("AFG-GBR", "handover")], []),
    ("nominal-withdrawal-possessive", "Germany's withdrawal from Mali ended in December 2023.",
     [("DEU-MLI", "withdrawal")], []),
    ("demanded-departure", "Mali demanded the immediate departure of Danish special forces in January 2022.",
     [("DNK-MLI", "revoke_access")], []),
    ("host-agreed-to-host-ships", "Spain agreed in June 2022 to host two more American destroyers at Rota.",
     [("ESP-USA", B)], []),
    # third batch, written before measuring: the host takes a base back, a rotation told by a noun, the users
    # named by a demonym, a base reopened, a deployment approved
    ("host-took-over-base", "Côte d'Ivoire took over the French military base at Port-Bouët in February 2025.",
     [("CIV-FRA", "handover")], []),
    ("host-took-back-base", "Chad took back the Adji Kossei air base from French forces in January 2025.",
     [("FRA-TCD", "handover")], []),
    pytest.param("host-regained-control", "Senegal regained control of the last French military bases in July 2025.",
     [("FRA-SEN", "handover")], [],
     marks=pytest.mark.xfail(strict=True, reason="'regained control': dropped (war recaptures)")),
    ("nominal-rotation-began", "The first rotation of American Marines through Darwin in Australia began in April "
     "2012.", [("AUS-USA", "access_used")], []),
    ("evicted-demonym", "Kyrgyzstan evicted the Americans from the Manas air base in 2014.",
     [("KGZ-USA", B)], []),
    ("user-reopened-base", "Britain opened a permanent naval base in Bahrain in April 2018.",
     [("BHR-GBR", "access_granted")], []),
    ("parliament-approved-deployment", "Turkey's parliament approved the deployment of troops to Qatar in June 2017.",
     [("QAT-TUR", B)], []),
]

NOTHING = [
    # planned, negotiated, requested, denied or negated basing is no asserted event
    ("planned-port-sudan", "Russia plans to build a naval base at Port Sudan.", [("RUS-SDN", B)]),
    ("negotiating-base", "Sudan and Russia are still negotiating over a naval base on the Red Sea.",
     [("RUS-SDN", B)]),
    ("requested-fort-trump", "Poland asked the United States in 2018 for a permanent base it offered to call Fort "
     "Trump.", [("POL-USA", B)]),
    ("denied-use", "Cambodia denied that China would have exclusive use of the Ream naval base.", [("CHN-KHM", B)]),
    ("negated-ordered", "Chad has not ordered French troops to leave, the foreign minister said.",
     [("FRA-TCD", B)]),
    ("may-host", "Armenia may one day stop hosting Russian soldiers in Gyumri, a minister said.", [("ARM-RUS", B)]),
    # look-alikes: not basing
    ("base-of-mountain", "Climbers from China camped at the base of Everest in Nepal in May 2023.",
     [("CHN-NPL", B)]),
    ("fan-base", "The Nigerian singer's fan base in Kenya grew in 2022.", [("KEN-NGA", B)]),
    ("stationed-reporters", "American networks stationed reporters in Ukraine in February 2022.",
     [("UKR-USA", B)]),
    ("withdrew-ambassador", "France withdrew its ambassador from Niger in September 2023.", [("FRA-NER", B)]),
    ("tourists", "Chinese tourists in Djibouti visited the port in 2019.", [("CHN-DJI", B)]),
    ("withdrew-from-bloc", "Mali, Burkina Faso and Niger withdrew from ECOWAS in January 2024.",
     [("ECOWAS-MLI", B), ("ECOWAS-NER", B), ("BFA-ECOWAS", B)]),
    ("based-decision", "The United States based its decision on intelligence from Qatar.", [("QAT-USA", B)]),
    ("handed-patrol-boats", "Japan handed over patrol boats to the Philippines in 2022.", [("JPN-PHL", B)]),
    ("investors-left", "Russian investors left Kyrgyzstan in 2022.", [("KGZ-RUS", B)]),
    # second batch: denials and plans, and leaving that is no basing
    ("no-plans-to-withdraw", "The United States has no plans to withdraw its troops from Iraq, the Pentagon said.",
     [("IRQ-USA", B)]),
    ("would-never-allow", "Djibouti would never allow a Russian base on its soil, its president said.",
     [("DJI-RUS", B)]),
    ("hopes-to-host", "Poland hopes to host a permanent American base.", [("POL-USA", B)]),
    ("could-lose", "Russia could lose its naval base at Tartus after the fall of Assad.", [("RUS-SYR", B)]),
    ("brexit", "Britain's withdrawal from the European Union took effect in January 2020.", [("EU-GBR", B)]),
    ("pulled-diplomats", "The United States pulled its diplomats out of Sudan in April 2023.", [("SDN-USA", B)]),
    pytest.param("retreat-in-war", "Russian forces withdrew from Kherson in Ukraine in November 2022.",
                 [("RUS-UKR", B)], marks=pytest.mark.xfail(strict=True, reason="a retreat in war reads as basing")),
    ("company-operates-port", "A Chinese company operates the container port in Djibouti.", [("CHN-DJI", B)]),
    ("grain-deal", "Russia withdrew from the Black Sea grain deal with Ukraine in July 2023.", [("RUS-UKR", B)]),
    # third batch
    ("party-base", "The ruling party's base in Turkey turned against the government in 2019.", [("TUR-USA", B)]),
    ("troops-returned-home", "Ukrainian troops returned home from exercises in Poland in 2021.", [("POL-UKR", B)]),
    ("ambassador-left", "The French ambassador left Niger in September 2023.", [("FRA-NER", B)]),
]

DIRECTED = [  # (name, text, (source = host, target = foreign state, type))
    ("dir-withdrew", "France withdrew its last soldiers from Niger in December 2023.", ("NER", "FRA", "withdrawal")),
    ("dir-opened", "China opened its first overseas military base in Djibouti in August 2017.",
     ("DJI", "CHN", "access_granted")),
    ("dir-leased", "Djibouti leased land to China in 2016 for its first overseas military base.",
     ("DJI", "CHN", "access_granted")),
    ("dir-ordered", "Chad ordered American troops to leave the country in April 2024.",
     ("TCD", "USA", "revoke_access")),
    ("dir-handed", "France handed over its military base in Port-Bouët to Côte d'Ivoire in February 2025.",
     ("CIV", "FRA", "handover")),
    ("dir-user-renewed", "The United States renewed its lease on Camp Lemonnier in 2014.",
     ("DJI", "USA", "access_granted")),
    ("dir-leased-from", "China leased land from Djibouti in 2016 for its first overseas base.",
     ("DJI", "CHN", "access_granted")),
    ("dir-took-over", "Côte d'Ivoire took over the French military base at Port-Bouët in February 2025.",
     ("CIV", "FRA", "handover")),
    ("dir-took-back", "Chad took back the Adji Kossei air base from French forces in January 2025.",
     ("TCD", "FRA", "handover")),
]

DATED = [  # (name, text, sorted pair, month of the asserted basing event)
    ("date-withdrew", "France withdrew its last soldiers from Niger in December 2023.", "FRA-NER", "2023-12"),
    ("date-docked", "Chinese warships docked at Cambodia's Ream naval base in December 2023.", "CHN-KHM", "2023-12"),
    ("date-ordered", "Chad ordered American troops to leave the country in April 2024.", "TCD-USA", "2024-04"),
]


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES, ids=[row_id(c) for c in CASES])
def test_basing(extract, name, text, present, absent):
    found = pair_labels(asserted_events(extract, name, text))
    assert set(present) <= found, f"missing {set(present) - found}; found {found}"
    assert not set(absent) & found, f"wrong {set(absent) & found}"


@pytest.mark.parametrize(("name", "text", "absent"), NOTHING, ids=[row_id(c) for c in NOTHING])
def test_no_basing(extract, name, text, absent):
    found = pair_labels(asserted_events(extract, name, text))
    assert not set(absent) & found, f"wrong {set(absent) & found}"


@pytest.mark.parametrize(("name", "text", "directed"), DIRECTED, ids=[c[0] for c in DIRECTED])
def test_basing_direction(extract, name, text, directed):
    found = directed_labels(asserted_events(extract, name, text))
    assert directed in found, found


@pytest.mark.parametrize(("name", "text", "pair", "month"), DATED, ids=[c[0] for c in DATED])
def test_basing_date(extract, name, text, pair, month):
    events = extract(name, text, LATE)
    months = {str(e.date.value)[:7] for e in events if e.status == "asserted" and e.category == B
              and dyad_key(e.source.country, e.target.country) == pair}
    assert month in months, months
