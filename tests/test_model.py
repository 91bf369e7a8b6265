from datetime import date

import pytest
from pydantic import ValidationError

from kg.model import Actor, EventDate, Tenure, dyad_key


@pytest.mark.parametrize(
    ("value", "precision", "end", "first", "last"),
    [
        ("2024-04-10", "day", None, date(2024, 4, 10), date(2024, 4, 10)),
        ("2024-02", "month", None, date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12", "month", None, date(2023, 12, 1), date(2023, 12, 31)),
        ("2023", "year", None, date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-03", "month", "2024-05", date(2024, 3, 1), date(2024, 5, 31)),
    ],
)
def test_event_date_bounds(value, precision, end, first, last):
    assert EventDate(value=value, precision=precision, end=end).bounds() == (first, last)


@pytest.mark.parametrize(
    ("value", "precision"), [("2024-04-10", "month"), ("2024", "day"), ("April 2024", "month"), (None, "day")]
)
def test_event_date_rejects_inconsistent_precision(value, precision):
    with pytest.raises(ValidationError):
        EventDate(value=value, precision=precision)


def test_unknown_date_has_no_bounds():
    assert EventDate().bounds() is None and not EventDate().known


def test_leader_counts_as_the_state_of_the_office_held_on_the_date():
    putin = Actor(
        id="leader/putin",
        label="Vladimir Putin",
        kind="leader",
        tenures=(
            Tenure(country="RUS", role="head_of_government", start=date(2008, 5, 8), end=date(2012, 5, 7)),
            Tenure(country="RUS", role="head_of_state", start=date(2012, 5, 7)),
        ),
    )
    guterres = Actor(
        id="leader/guterres",
        label="António Guterres",
        kind="leader",
        tenures=(
            Tenure(country="PRT", start=date(1995, 10, 28), end=date(2002, 4, 6)),
            Tenure(country="UN", start=date(2017, 1, 1)),
        ),
    )
    assert putin.country_on(date(2010, 1, 1)) == "RUS"
    assert putin.country_on(date(2005, 1, 1)) is None
    assert guterres.country_on(date(2000, 1, 1)) == "PRT"
    assert guterres.country_on(date(2023, 1, 1)) == "UN"


def test_dyad_key_is_unordered():
    assert dyad_key("USA", "NER") == dyad_key("NER", "USA") == "NER-USA"
