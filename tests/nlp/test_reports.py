"""Reports of one event that outlets tell in passing (issue 4: every source of an event is read): an
accord torn up with a partner named elsewhere in the sentence, a withdrawal agreed or done under an accord,
the forces a base is used by. Sentences written for these tests, with the real model.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key


def found(events) -> set[tuple[str, str, str | None]]:
    return {
        (e.type, dyad_key(e.source.country, e.target.country), e.date.value)
        for e in events
        if e.status == "asserted"
    }


# (name, text, published, an asserted (type, pair, date) that must be found)
READ = [
    # an act answering a coup told in its "after" clause is aimed at the coup's state (not the story's);
    # "its leaders" are the leaders of the subject before; ordering a standby force readied threatens force
    (
        "after-coup-ordered-standby-force",
        "Mali's junta has new friends in Moscow, and Malian officials say Mali will not return to ECOWAS. "
        "After soldiers seized power in Conakry on 5 September, ECOWAS met in Accra and, in October, its "
        "leaders ordered a standby force to be readied.",
        date(2023, 11, 1),
        ("threat", "ECOWAS-GIN", "2023-10"),
    ),
    (
        "after-coup-suspended-cooperation",
        "Mali's junta has new friends in Moscow, and Malian officials say Mali will not change course. After "
        "Gabonese officers seized power on 30 August, France suspended military cooperation.",
        date(2023, 11, 1),
        ("suspension", "FRA-GAB", None),
    ),
    # what a revoked basing accord rested on granted the access, between the same two states
    (
        "it-rested-on-notes",
        "Chad's junta on Monday scrapped the accord under which French troops are stationed in the country. "
        "It had rested on an exchange of diplomatic notes concluded in 2019.",
        date(2024, 7, 1),
        ("access_granted", "FRA-TCD", "2019"),
    ),
    (
        "arrangement-based-on-memorandum",
        "In May the Malian rulers revoked the agreement allowing Danish soldiers to operate in Mali. The "
        "arrangement was based on a memorandum signed in 2021.",
        date(2024, 7, 1),
        ("access_granted", "DNK-MLI", "2021"),
    ),
    # a delegation that has been in a capital has visited it
    (
        "delegation-that-had-been-in-capital",
        "Bamako's rulers later criticised the Turkish delegation that had been in the Malian capital "
        "earlier in the week.",
        date(2024, 3, 17),
        ("visit", "MLI-TUR", "2024-03"),
    ),
    (
        "delegation-was-in-capital",
        "A Qatari delegation was in Kigali on Tuesday for talks on investment.",
        date(2024, 3, 17),
        ("visit", "QAT-RWA", "2024-03-12"),
    ),
    # a withdrawal named by its user only: the host is the other side of the story's last basing event
    (
        "withdrawal-host-of-last-handover",
        "France hands over its last base in Chad. On Monday French soldiers handed the Abeche camp to the "
        "Chadian army, the French defence ministry said. It is a step in the French withdrawal, which must "
        "be completed by June under an agreement reached in January.",
        date(2024, 3, 5),
        ("withdrawal_announced", "FRA-TCD", "2024-01"),
    ),
    (
        "withdrawal-agreed-after-handover",
        "Britain leaves Kenya. British soldiers handed their training camp to Kenya's army on Friday, the "
        "British ministry said. The handover is part of the British withdrawal, which London and Nairobi "
        "agreed in March.",
        date(2024, 4, 5),
        ("withdrawal_announced", "GBR-KEN", "2024-03"),
    ),
    # a withdrawal planned in the sentence after a dated joint statement: the statement announced it
    (
        "joint-statement-released-then-withdrawal",
        "The joint statement that French and Chadian officials published on 2 May was short. French forces "
        "will leave Chad by 31 July, and the two armies will keep talking.",
        date(2024, 5, 24),
        ("withdrawal_announced", "FRA-TCD", "2024-05-02"),
    ),
    (
        "issued-joint-statement-then-withdrawal",
        "Washington and Hanoi issued a joint statement on Tuesday. American troops will leave Vietnam by the "
        "end of June.",
        date(2024, 5, 24),
        ("withdrawal_announced", "USA-VNM", "2024-05-21"),
    ),
    # a person said to be "no longer welcome" is expelled by who said so
    (
        "told-envoy-no-longer-welcome",
        "Bamako told the Swedish ambassador on Monday that he was no longer welcome.",
        date(2024, 3, 14),
        ("expulsion", "MLI-SWE", "2024-03-11"),
    ),
    (
        "said-attache-no-longer-welcome",
        "Algeria's foreign ministry said on 14 April that the French attaché was no longer welcome in the "
        "country.",
        date(2025, 4, 20),
        ("expulsion", "DZA-FRA", "2025-04-14"),
    ),
    # an unqualified ministry in a datelined story is the dateline's state, whoever the story is about
    (
        "dateline-ministry-gave-envoy-hours",
        "BAMAKO - Sweden's envoy has been told to go. The ministry of foreign affairs gave the Swedish "
        "ambassador 72 hours to leave on Monday. Stockholm called the decision regrettable, and Sweden said "
        "it would respond.",
        date(2024, 3, 14),
        ("expulsion", "MLI-SWE", "2024-03-11"),
    ),
    (
        "dateline-foreign-ministry-no-longer-welcome",
        "LIMA - Mexico's envoy has been told to go. The foreign ministry told Mexican diplomats on 2 May "
        "that the ambassador was no longer welcome. Mexico City said Mexico would answer.",
        date(2024, 5, 6),
        ("expulsion", "MEX-PER", "2024-05-02"),
    ),
    # the state in focus tore up an accord: the partner is the one other state the sentence names
    (
        "accord-partner-named-in-another-clause",
        "Chad's rulers have turned to Moscow. Washington still keeps soldiers in Chad, but in May the junta "
        "scrapped the accord that let them stay.",
        date(2024, 7, 1),
        ("end_agreement", "TCD-USA", "2024-05"),
    ),
    (
        "accord-partner-subject-of-main-clause",
        "Mali's rulers have turned to Moscow. Paris agreed last month to pull out its 900 soldiers after the "
        "junta revoked a defence accord in February.",
        date(2024, 4, 20),
        ("revoke_access", "FRA-MLI", "2024-02"),
    ),
    # a withdrawal agreed: the agreement is the event, dated by its own clause
    (
        "withdrawal-agreed-to-plan",
        "The talks ended on 4 June, when Chad's defence minister and the French envoy agreed to start "
        "preparing an orderly withdrawal.",
        date(2024, 6, 10),
        ("withdrawal_announced", "FRA-TCD", "2024-06-04"),
    ),
    (
        "withdrawal-under-a-dated-accord",
        "Under the agreement signed in Bamako on 3 March, all Danish soldiers must have left Mali by "
        "30 June.",
        date(2024, 7, 10),
        ("withdrawal_announced", "DNK-MLI", "2024-03-03"),
    ),
    # the agent of a decision noun's to-clause is whose decision it is, dated by the decision's own time
    (
        "decision-of-authorities-to-expel",
        "The move answers the decision of the Malian authorities last Monday to expel the Swedish "
        "ambassador.",
        date(2024, 3, 14),
        ("expulsion", "MLI-SWE", "2024-03-11"),
    ),
    # the parse hangs an event noun's "between" or "of" on the verb it is the object of
    (
        "call-between-on-the-verb",
        "The agreement followed a phone call in early May between Prime Minister Narendra Modi and President "
        "Emmanuel Macron.",
        date(2024, 6, 2),
        ("call", "FRA-IND", "2024-05"),
    ),
    (
        "revocation-of-on-the-verb",
        "Mali's junta has grown bolder. The departure of the French contingent follows the revocation, in "
        "February, of the accord governing French troops in the country.",
        date(2024, 4, 2),
        ("revoke_access", "FRA-MLI", "2024-02"),
    ),
    # "the military council" is the junta, and a later subject "it" in the sentence is that council
    (
        "military-council-then-it",
        "France has defended its envoy in Bamako, and Paris says he will stay. The military council has "
        "already told Paris that the old accords are dead: on 5 May it announced that it was scrapping the "
        "defence accords with France.",
        date(2024, 5, 9),
        ("revoke_access", "FRA-MLI", "2024-05-05"),
    ),
    # "the two governments" that agreed a withdrawal are its two sides
    (
        "withdrawal-the-two-governments-agreed",
        "On Monday the French army handed its last base to Chad's forces. It was the final step in a "
        "withdrawal that the two governments had agreed in January.",
        date(2024, 3, 5),
        ("withdrawal_announced", "FRA-TCD", "2024-01"),
    ),
    # a state's delegation holding talks in another state's capital is a visit
    (
        "delegation-held-talks",
        "A Turkish delegation led by the foreign minister held talks in Bamako on Tuesday.",
        date(2024, 4, 12),
        ("visit", "MLI-TUR", "2024-04-09"),
    ),
    # instructors sent to a state arrive to train its army
    (
        "instructors-sent",
        "Mali's army is rebuilding. Among the passengers were Turkish instructors, sent to help the Malian "
        "army fly its new drones.",
        date(2024, 4, 12),
        ("military_training", "MLI-TUR", None),
    ),
    # one charter signed with two others: all three are parties to one another
    (
        "signed-it-with-two",
        "Ghana's president said he had signed it with the leaders of Togo and Benin on Monday.",
        date(2024, 4, 12),
        ("agreement", "BEN-TGO", "2024-04-08"),
    ),
    # forces arrive in the one state the sentence names, not in the state the story is about
    (
        "arrival-in-the-named-state",
        "Washington has pulled out its last soldiers, the Pentagon said on Sunday. Turkish instructors who "
        "arrived in May remain at the Bamako base, officials said.",
        date(2024, 7, 1),
        ("military_training", "MLI-TUR", "2024-05"),
    ),
]


@pytest.mark.parametrize(("name", "text", "published", "event"), READ, ids=[c[0] for c in READ])
def test_the_report_is_read(extract, name, text, published, event):
    events = found(extract(name, text, published))
    assert event in events, events


# (name, text, published, an asserted (type, pair) that must not be found)
NOT_READ = [
    # what a friendship rested on, with no basing accord told before, grants no access
    (
        "friendship-rested-on-treaty",
        "France and Chad held talks on Monday. The friendship had rested on a treaty signed in 1976.",
        date(2024, 7, 1),
        ("access_granted", "FRA-TCD"),
    ),
    # a delegation that was late, or angry, was not anywhere
    (
        "delegation-was-late",
        "Rwanda's president met investors on Tuesday. The Qatari delegation was late, officials said.",
        date(2024, 3, 17),
        ("visit", "QAT-RWA"),
    ),
    # a state "no longer welcome" is told its forces must go, no diplomat is expelled
    (
        "state-no-longer-welcome",
        "Mali told France in May that it was no longer welcome.",
        date(2024, 7, 1),
        ("expulsion", "FRA-MLI"),
    ),
    # "the ministry" after another state's ministry was named is that one, not the dateline's
    (
        "dateline-ministry-named-before",
        "WASHINGTON - Iran's foreign ministry has summoned Britain's envoy. The ministry ordered a British "
        "diplomat to leave on Monday. London said Britain would respond.",
        date(2024, 3, 14),
        ("expulsion", "GBR-USA"),
    ),
    # a withdrawal told as done ("was complete") is no agreement to withdraw
    (
        "withdrawal-announced-complete",
        "On Sunday officials announced that the Italian withdrawal from the Niamey base was complete.",
        date(2024, 7, 1),
        ("withdrawal_announced", "ITA-NER"),
    ),
    # the base's users are not the clause's subject: no side from the story's other state
    (
        "base-user-not-the-story-state",
        "The last American soldiers left Mali on Sunday. Turkish instructors who arrived in May remain at "
        "the Bamako base, officials said.",
        date(2024, 7, 1),
        ("access_used", "MLI-USA"),
    ),
    # several accords signed with two states: each with its own partner, not the two with each other
    (
        "signed-accords-with-two",
        "Ghana's president said he had signed accords with the leaders of Togo and Benin on Monday.",
        date(2024, 4, 12),
        ("agreement", "BEN-TGO"),
    ),
    # an accord ended with two other states named: no partner guessed
    (
        "accord-partner-ambiguous",
        "Chad's rulers have turned to Moscow. Paris and Berlin voiced concern after the junta scrapped the "
        "accord in May.",
        date(2024, 7, 1),
        ("revoke_access", "DEU-TCD"),
    ),
]


@pytest.mark.parametrize(("name", "text", "published", "event"), NOT_READ, ids=[c[0] for c in NOT_READ])
def test_the_report_is_not_read_as(extract, name, text, published, event):
    events = {(t, p) for t, p, _ in found(extract(name, text, published))}
    assert event not in events, events
