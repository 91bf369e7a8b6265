"""The state in focus is not the other side of a named doer when the sentence names another state, not as
a doer, and does not name the state in focus (issue 3: a side filled from the story's focus was the
largest class of false positives). Rows are (name, text, present, absent): sorted pairs, category."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key

PUB = date(2024, 4, 12)
STORY = "Brazil opened talks with Chile on Monday. Brazil and Chile have long been partners. "

CASES = [
    # another state named as a place or a recipient: the unsaid side is not the story's state
    (
        "greeted-in-capital",
        STORY + "Argentine President Javier Milei, in Lima to co-host a summit, was greeted by officials.",
        [],
        [("ARG-BRA", "cooperation"), ("ARG-CHL", "cooperation")],
    ),
    (
        "embargo-borders-with",
        STORY + "Argentina imposed an embargo and closed its borders with Peru in January.",
        [("ARG-PER", "tension")],
        [("ARG-BRA", "tension")],
    ),
    (
        "sanctions-after-talks-in",
        STORY + "Argentina announced sanctions on Tuesday, days after talks in Lima.",
        [],
        [("ARG-BRA", "tension")],
    ),
    # nothing else named: the state in focus is the other side, as before
    (
        "only-focus-missing",
        STORY + "Argentina condemned the move on Tuesday.",
        [("ARG-BRA", "tension")],
        [],
    ),
    # the doer unsaid ("its soldiers"): the state in focus is the doer, whoever else is named
    (
        "doer-unsaid",
        "France will close its last base in Chad. French troops have been in Chad since 1986. Its soldiers "
        "were pushed out of Mali last year.",
        [("FRA-MLI", "base_access")],
        [],
    ),
    # another state that is itself a subject acts alongside and leaves the fill alone
    (
        "alongside-subject",
        STORY + "Argentina condemned the move on Tuesday, while Peru said nothing.",
        [("ARG-BRA", "tension")],
        [],
    ),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_focus_is_no_side_when_another_state_is_named(extract, name, text, present, absent):
    events = extract(name, text, PUB)
    found = {
        (dyad_key(e.source.country, e.target.country), e.category) for e in events if e.status == "asserted"
    }
    for pair, category in present:
        assert (pair, category) in found, found
    for pair, category in absent:
        assert (pair, category) not in found, found
