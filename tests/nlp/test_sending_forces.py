"""Sending armed men to another state is taking its side (support); to a border it is a show of force
(threat), into a state an incursion (military action); stationed or withdrawn, the same units make basing
events; sending arms, a letter or an envoy is none of these
(issue 3: a verb missing from the lexicon was the largest class of false negatives on fresh text). Rows are
(name, text, present, absent): (sorted pair, event type)."""

from __future__ import annotations

import pytest

CASES = [
    ("sent-troops", "Portugal sent 300 troops to Mozambique in March to help its army.",
     [("MOZ-PRT", "support")], []),
    ("troops-were-sent", "About 800 Kenyan soldiers were sent to Somalia in February.",
     [("KEN-SOM", "support")], []),
    ("dispatched-battalion", "Rwanda dispatched a battalion to the Central African Republic on Monday.",
     [("CAF-RWA", "support")], []),
    ("sending-peacekeepers", "Ghana is sending a contingent of peacekeepers to Lebanon this month.",
     [("GHA-LBN", "support")], []),
    # armed men to a border, or into a state: no support
    ("troops-to-border", "India sent more troops to its border with China on Monday.",
     [("CHN-IND", "threat")], [("CHN-IND", "support")]),
    ("troops-into", "Rwanda sent troops into Burundi in 2022, the UN said.",
     [("BDI-RWA", "military_action")], [("BDI-RWA", "support")]),
    # the same units of men make a stationing or a withdrawal
    ("brigade-stationed", "The United States stationed an armoured brigade in Poland in January.",
     [("POL-USA", "access_used")], []),
    ("battalion-pulled-out", "The last Portuguese battalion pulled out of Mozambique in May.",
     [("MOZ-PRT", "withdrawal")], []),
    # not armed men: a transfer, a letter, an envoy
    ("sent-drones", "Turkey sent armed drones to Ethiopia in November.",
     [("ETH-TUR", "arms_transfer")], [("ETH-TUR", "support")]),
    ("letter-sent-by-air-force",
     "A letter sent on Monday by the head of Chad's air force to Washington asked for the talks to end.",
     [], [("TCD-USA", "support")]),
    ("envoy-to-border", "Kenya sent an envoy to its border with Somalia on Friday.",
     [], [("KEN-SOM", "threat"), ("KEN-SOM", "support")]),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_sending_armed_men(asserted, name, text, present, absent):
    found = asserted(name, text)
    assert set(present) <= found, found
    assert not set(absent) & found, found
