"""Time expressions: found in text, resolved against the publication date (kg/dates.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.dates import DateMention, find_dates, in_year_told, resolve_date
from kg.model import EventDate
from tests.conftest import SEED_ARTICLE

FRI = date(2024, 4, 12)  # the seed article: a Friday
WED = date(2024, 4, 10)
MON = date(2024, 4, 8)
JAN = date(2024, 1, 15)
DEC = date(2024, 12, 28)

# (text, published, expected value or None for "no date", expected precision)
CASES = [
    # the seed article
    ("Russian military trainers arrived in Niger on Wednesday, as shown in a state television broadcast",
     FRI, "2024-04-10", "day"),
    ("some Nigerian forces trained by the U.S. were involved in a coup last year that overthrew",
     FRI, "2023", "year"),
    ("The diplomatic situation worsened last month when Niger's junta deemed U.S. military flights illegal",
     FRI, "2024-03", "month"),
    ("the arrival comes after a conversation back in March between the military leaders",
     FRI, "2024-03", "month"),
    ("two Russian military trainers featured in the RTN broadcast on Thursday.", FRI, "2024-04-11", "day"),
    # explicit dates
    ("The junta revoked the agreement on 16 March 2024.", FRI, "2024-03-16", "day"),
    ("The junta revoked the agreement on March 16, 2024.", FRI, "2024-03-16", "day"),
    ("It was revoked on March 16th.", FRI, "2024-03-16", "day"),
    ("It was revoked on March 16.", FRI, "2024-03-16", "day"),
    ("It was revoked on 16 March.", FRI, "2024-03-16", "day"),
    ("It was revoked on the 16th of March.", FRI, "2024-03-16", "day"),
    ("It was revoked on Saturday, March 16, 2024.", FRI, "2024-03-16", "day"),
    ("Troops arrive on April 18.", FRI, "2024-04-18", "day"),  # up to a week after publication
    ("Troops arrived on April 25.", FRI, "2023-04-25", "day"),  # later than that: last year's
    ("Talks opened on December 30.", JAN, "2023-12-30", "day"),
    ("Talks open on January 2.", DEC, "2025-01-02", "day"),
    ("The talks were held on 29 February.", date(2025, 4, 1), "2024-02-29", "day"),
    ("Filed 2024-03-16 in Niamey.", FRI, "2024-03-16", "day"),
    ("Signed in Niamey on 16/03/2024.", FRI, "2024-03-16", "day"),
    ("Signed in Niamey on 05/03/2024.", FRI, "2024-03-05", "day"),  # day first
    ("Signed in Niamey on 03/16/2024.", FRI, "2024-03-16", "day"),  # month first: day first is impossible
    ("Signed in Niamey on 16.03.2024.", FRI, "2024-03-16", "day"),
    ("Mr Tiani met the envoy on Feb. 3, 2024.", FRI, "2024-02-03", "day"),
    ("The coup took place on 26 July 2023.", FRI, "2023-07-26", "day"),
    ("The coup took place on July 26 last year.", FRI, "2023-07-26", "day"),
    ("The junta took power in July 2023.", FRI, "2023-07", "month"),
    ("The junta took power in Sept. 2023.", FRI, "2023-09", "month"),
    ("Since March 2024 flights have been banned.", FRI, "2024-03", "month"),
    ("The deal was signed in March.", FRI, "2024-03", "month"),
    ("The deal was signed in May.", FRI, "2023-05", "month"),  # the most recent May
    ("The deal was signed in April.", FRI, "2024-04", "month"),
    ("The deal was signed last March.", FRI, "2024-03", "month"),
    ("The deal was signed last April.", FRI, "2023-04", "month"),
    ("The deal will be signed next March.", FRI, "2025-03", "month"),
    ("Fighting resumed in mid-September.", FRI, "2023-09", "month"),
    ("Fighting resumed in early March.", FRI, "2024-03", "month"),
    ("Fighting resumed early March.", FRI, "2024-03", "month"),
    ("Fighting resumed by the end of March.", FRI, "2024-03", "month"),
    ("Fighting resumed in late 2023.", FRI, "2023", "year"),
    ("Fighting resumed in mid-2023.", FRI, "2023", "year"),
    ("Fighting resumed by the end of 2023.", FRI, "2023", "year"),
    ("Niger and France ended their partnership in 2023.", FRI, "2023", "year"),
    ("In 2023, Niger expelled the French ambassador.", FRI, "2023", "year"),
    ("Since 1960 Niger has been independent.", FRI, "1960", "year"),
    ("Officers who led the 2023 coup in Niger", FRI, "2023", "year"),
    ("Niger's 2023 coup isolated it.", FRI, "2023", "year"),
    ("Niger\u2019s 2023 coup isolated it.", FRI, "2023", "year"),
    ("2021's coup in Mali was the second.", FRI, "2021", "year"),
    ("after the 2020 elections in Burkina", FRI, "2020", "year"),
    ("the coup of 2023 surprised Washington", FRI, "2023", "year"),
    ("The drought in the summer of 2022 hit Niger.", FRI, "2022-06", "month"),
    ("Troops left between March and May 2024.", FRI, "2024-03", "month"),
    ("Troops left March\u2013May 2024.", FRI, "2024-03", "month"),
    ("Troops were stationed there from 2015 to 2019.", FRI, "2015", "year"),
    ("Troops were stationed there between 2015 and 2019.", FRI, "2015", "year"),
    ("Troops were stationed there in 2015-19.", FRI, "2015", "year"),
    # weekdays
    ("Officials met on Wednesday.", WED, "2024-04-10", "day"),  # published a Wednesday: the same day
    ("Officials met on Monday.", FRI, "2024-04-08", "day"),
    ("Officials met Sunday.", FRI, "2024-04-07", "day"),
    ("Officials met last Wednesday.", FRI, "2024-04-10", "day"),
    ("Officials met last Wednesday.", WED, "2024-04-03", "day"),
    ("Officials met this past Tuesday.", FRI, "2024-04-09", "day"),
    ("Officials will meet next Wednesday.", FRI, "2024-04-17", "day"),
    ("Officials will meet next Monday.", MON, "2024-04-15", "day"),
    ("Officials met late on Wednesday night.", FRI, "2024-04-10", "day"),
    ("officials met ON WEDNESDAY", FRI, "2024-04-10", "day"),
    ("Officials met on Friday.", MON, "2024-04-05", "day"),
    # relative to the publication date
    ("The ministry said today that flights are banned.", FRI, "2024-04-12", "day"),
    ("The ministry said yesterday that flights are banned.", FRI, "2024-04-11", "day"),
    ("The ministry will say tomorrow whether flights resume.", FRI, "2024-04-13", "day"),
    ("Troops arrived earlier today.", FRI, "2024-04-12", "day"),
    ("Troops arrived three days ago.", FRI, "2024-04-09", "day"),
    ("Troops arrived this week.", FRI, "2024-04", "month"),
    ("Troops arrived earlier in the week.", FRI, "2024-04", "month"),
    ("Talks resume later in the week, officials said.", FRI, "2024-04", "month"),
    ("Troops arrived last week.", FRI, "2024-04", "month"),
    ("Troops arrived last week.", date(2024, 4, 3), "2024-03", "month"),
    ("Troops arrived two weeks ago.", FRI, "2024-03", "month"),
    ("Troops arrived this month.", FRI, "2024-04", "month"),
    ("Troops arrived earlier this month.", FRI, "2024-04", "month"),
    ("Troops arrived late last month.", FRI, "2024-03", "month"),
    ("Troops arrived last month.", JAN, "2023-12", "month"),
    ("Troops arrive next month.", DEC, "2025-01", "month"),
    ("Troops arrived three months ago.", FRI, "2024-01", "month"),
    ("Troops arrived this year.", FRI, "2024", "year"),
    ("Troops arrived earlier this year.", FRI, "2024", "year"),
    ("Troops arrived late last year.", FRI, "2023", "year"),
    ("Troops will arrive next year.", FRI, "2025", "year"),
    ("Troops arrived a year ago.", FRI, "2023-04", "month"),
    ("One year ago the junta demanded that the troops leave.", JAN, "2023-01", "month"),
    ("Troops arrived two years ago.", FRI, "2022", "year"),
    ("Troops arrived about 20 years ago.", FRI, "2004", "year"),
    ("Troops arrived in March last year.", FRI, "2023-03", "month"),
    ("Troops arrived in March of last year.", FRI, "2023-03", "month"),
    ("Troops arrived back in March 2023.", FRI, "2023-03", "month"),
    ("Troops arrived last summer.", FRI, "2023-06", "month"),
    ("Troops arrived last winter.", FRI, "2023-12", "month"),
    ("Troops arrived last autumn.", FRI, "2023-09", "month"),
    ("Troops arrived last fall.", FRI, "2023-09", "month"),
    ("Troops arrived last spring.", FRI, "2023-03", "month"),
    ("Troops arrived on the 3rd.", FRI, "2024-04-03", "day"),
    ("Troops arrived last night.", FRI, "2024-04-11", "day"),
    ("Troops arrived on the 16th.", FRI, "2024-03-16", "day"),  # after the 12th: last month's
    ("France's ambassador was told in the last days of January to leave.", date(2022, 2, 3), "2022-01",
     "month"),
    ("Troops arrived in the first week of March.", FRI, "2024-03", "month"),
    ("Its army shot down a drone at the start of the month.", FRI, "2024-04", "month"),
    ("Troops will leave by the end of the year.", FRI, "2024", "year"),
    # not dates: anchored to a date the text does not give ("in June" alone would be this June)
    ("Algeria recalled its envoy in June that year.", FRI, None, None),
    ("Algeria recalled its envoy in June of that year.", FRI, None, None),
    ("Troops arrived earlier that month.", FRI, None, None),
    ("Troops left later that year.", FRI, None, None),
    ("Troops left the following year.", FRI, None, None),
    ("in the summer of that year", FRI, None, None),
    ("Talks may resume over the next year.", FRI, None, None),
    ("the Arab Spring", FRI, None, None),
    ("the spring offensive", FRI, None, None),
    # not dates
    ("Troops have arrived in recent weeks.", FRI, None, None),
    ("Troops have recently arrived.", FRI, None, None),
    ("Troops arrived a few days ago.", FRI, None, None),
    ("Troops arrived the previous day.", FRI, None, None),
    ("Troops arrived a year later.", FRI, None, None),
    ("Over the last year, relations soured.", FRI, None, None),
    ("Niger has historically been an ally of the U.S.", FRI, None, None),
    ("Some 1,500 troops are stationed at the base.", FRI, None, None),
    ("494", FRI, None, None),
    ("They left the 102nd base.", FRI, None, None),
    ("China holds a 49-year lease on the port.", FRI, None, None),
    ("JAMB Defends 6:30am Reporting Time", FRI, None, None),
    ("The council adopted Resolution 2719.", FRI, None, None),
    ("Washington pledged $20 million in aid.", FRI, None, None),
    ("Remo Stars Clinch First League Title in 15 Years", FRI, None, None),
    ("The base has been there for 20 years.", FRI, None, None),
    ("The 2000 troops left the base.", FRI, None, None),
    ("a force of 2000 soldiers", FRI, None, None),
    ("a 2000-strong force", FRI, None, None),
    ("from 2000 to 2500 soldiers", FRI, None, None),
    ("Port of Lom\u00e9 Growth 2024", FRI, None, None),
    ("Protesters joined the march on the capital.", FRI, None, None),
    ("The troops may leave.", FRI, None, None),
    ("They stayed on the 16th floor.", FRI, None, None),
    ("The Sunday Times reported the withdrawal.", FRI, None, None),
    ("the 1990s were calmer", FRI, None, None),
    ("version 1.2.24 of the app", FRI, None, None),
    ("", FRI, None, None),
]


@pytest.mark.parametrize(("text", "published", "value", "precision"), CASES)
def test_find_dates(text, published, value, precision):
    found = find_dates(text, published)
    if value is None:
        assert found == []
    else:
        assert [(m.date.value, m.date.precision) for m in found] == [(value, precision)]
        assert found[0].date.text == found[0].text == text[found[0].start:found[0].end]


# (text, published, the anchored mention's value and end): against the date named last before it
ANCHORED = [
    ("In March 2022 Algeria recalled its envoy, and in June that year it suspended the treaty.", FRI,
     "2022-06", None),
    ("In March 2022 Algeria recalled its envoy; in June of that year it suspended the treaty.", FRI,
     "2022-06", None),
    ("Troops came on 3 May 2021 and left later that month.", FRI, "2021-05", None),
    ("In March 2022 they met; the next month they signed.", FRI, "2022-04", None),
    ("They signed in 2019; the following year they left.", FRI, "2020", None),
    ("They signed in 2019, the previous year they had met.", FRI, "2018", None),
    ("They signed in 2019 and left in the summer of that year.", FRI, "2019-06", "2019-08"),
    ("They met in 2020, and that summer they signed.", FRI, "2020-06", "2020-08"),
    # days and weeks, and counted distances: "the next day", "two days later", "a year earlier"
    ("Troops came on 30 August 2023. The next day they left.", FRI, "2023-08-31", None),
    ("Troops came on 30 August 2023. The previous day they had massed.", FRI, "2023-08-29", None),
    ("Troops came on 30 August 2023. Later that day they left.", FRI, "2023-08-30", None),
    ("Troops came on 30 August 2023. That same day they left.", FRI, "2023-08-30", None),
    ("Troops came on 30 August 2023. The following week they left.", FRI, "2023-09", None),
    ("Troops came in August 2023. The next day they left.", FRI, "2023-08", None),
    ("Troops came in 2023. The next day they left.", FRI, "2023", None),
    ("Troops came in 2023. The following week they left.", FRI, "2023", None),
    ("Troops came on 21 February 2022. Two days later sanctions followed.", FRI, "2022-02-23", None),
    ("Troops came on 21 February 2022, and sanctions followed two weeks later.", FRI, "2022-03", None),
    ("Troops came in August 2020. Eighteen months later they left.", FRI, "2022-02", None),
    ("Troops came in January 2022. A year later they left.", FRI, "2023-01", None),
    ("Troops came in 2019. Two years later they left.", FRI, "2021", None),
    ("Troops left in March 2014. A year earlier they had come.", FRI, "2013-03", None),
    ("Troops came on 26 July 2023. Four days after the coup, sanctions followed.", FRI, "2023-07-30", None),
    ("Troops came on 30 August 2023. Hours later they left.", FRI, "2023-08-30", None),
    ("Troops came on 30 August 2023. The day before, talks had failed.", FRI, "2023-08-29", None),
    ("Troops came on 3 May 2021. They had been invited the year before.", FRI, "2020", None),
    # vague distances: the anchor's month, or year, when the most they can mean stays in it
    ("Troops came on 3 May 2021. Days later they left.", FRI, "2021-05", None),
    ("Troops came on 26 May 2021. A few days later they left.", FRI, "2021", None),
    ("Troops came on 26 July 2023. Weeks later they left.", FRI, "2023", None),
]


# anchored expressions that take no date: no anchor to measure from, a vague distance, an unknown one
UNANCHORED = [
    "Two days later, sanctions followed.",
    "Troops came on 3 May 2021, and more than two weeks later they left.",
    "Troops came in August 2023. Ten days later they left.",
    "Troops came in 2023. Two months later they left.",
    "Troops came on 28 December 2021. Days later they left.",
    "Troops came in May 2021. Hours later they left.",
    "Troops came on 3 May 2021. Months later they left.",
    "Troops came on 3 May 2021. They met the day before the summit.",
]


@pytest.mark.parametrize("text", UNANCHORED)
def test_unanchored_dates(text):
    """Only the dates naming their year resolve; the anchored expression is left without a date."""
    assert [m.text for m in find_dates(text, FRI)] == re.findall(r"(?:on|in) [\w ]*?20\d\d", text)


def test_after_with_its_own_date_is_not_measured_from_the_one_before():
    """ "Two weeks after Russia invaded Ukraine on 24 February 2022, …" is dated by its own clause."""
    text = "Troops came on 3 May 2021. Two weeks after Russia invaded Ukraine on 24 February 2022, they left."
    assert [m.date.value for m in find_dates(text, FRI)] == ["2021-05-03", "2022-02-24"]


def test_after_inside_a_sentence_is_left_to_the_extractor():
    """ "…, two days after X": the event after 'after' may be dated by the sentence itself."""
    text = "Troops came on 3 May 2021 and left, two days after the vote."
    assert [m.date.value for m in find_dates(text, FRI)] == ["2021-05-03"]


@pytest.mark.parametrize(("text", "published", "value", "end"), ANCHORED)
def test_anchored_dates(text, published, value, end):
    anchor, anchored = find_dates(text, published)
    assert anchor.end <= anchored.start and (anchored.date.value, anchored.date.end) == (value, end)


# (text, published, value, end, precision): ranges set ``end``
RANGES = [
    # the latest weekend begun by the publication day; "last weekend" read on a weekend is the one before
    ("The African Union denounced the coup over the weekend.", date(2022, 10, 3), "2022-10-01", "2022-10-02",
     "day"),
    ("Talks were held at the weekend.", FRI, "2024-04-06", "2024-04-07", "day"),
    ("Talks were held last weekend.", date(2024, 4, 13), "2024-04-06", "2024-04-07", "day"),
    ("between March and May 2024", FRI, "2024-03", "2024-05", "month"),
    ("from March 2023 to May 2024", FRI, "2023-03", "2024-05", "month"),
    ("between December and February", FRI, "2023-12", "2024-02", "month"),
    ("from 2015 to 2019", FRI, "2015", "2019", "year"),
    ("in 2023-24", FRI, "2023", "2024", "year"),
    ("the 2024\u20132025 budget", FRI, "2024", "2025", "year"),
    ("the summer of 2022", FRI, "2022-06", "2022-08", "month"),
    # quarters: their three months
    ("in the third quarter of 2024", FRI, "2024-07", "2024-09", "month"),
    ("in the last quarter of 2023", FRI, "2023-10", "2023-12", "month"),
    ("in Q1 2023", FRI, "2023-01", "2023-03", "month"),
    ("in the winter of 2022", FRI, "2022-12", "2023-02", "month"),
    ("the fall of 2021", FRI, "2021-09", "2021-11", "month"),
    ("last summer", FRI, "2023-06", "2023-08", "month"),
    ("last winter", FRI, "2023-12", "2024-02", "month"),
    ("last winter", date(2024, 1, 20), "2022-12", "2023-02", "month"),
    ("this summer", FRI, "2024-06", "2024-08", "month"),
    ("16-18 March 2024", FRI, "2024-03-16", "2024-03-18", "day"),
    # a season without a year: the latest one begun by the published month; "last": the latest one ended
    ("in the spring", DEC, "2024-03", "2024-05", "month"),
    ("in the spring", FRI, "2024-03", "2024-05", "month"),
    ("in the spring", JAN, "2023-03", "2023-05", "month"),
    ("in spring", DEC, "2024-03", "2024-05", "month"),
    ("over the summer", DEC, "2024-06", "2024-08", "month"),
    ("in late spring", DEC, "2024-03", "2024-05", "month"),
    ("during the winter", JAN, "2023-12", "2024-02", "month"),
    ("last spring", DEC, "2024-03", "2024-05", "month"),
    ("last spring", FRI, "2023-03", "2023-05", "month"),
    ("last summer", date(2024, 8, 30), "2023-06", "2023-08", "month"),
    ("March 16\u201318", FRI, "2024-03-16", "2024-03-18", "day"),
]


@pytest.mark.parametrize(("text", "published", "value", "end", "precision"), RANGES)
def test_ranges(text, published, value, end, precision):
    [mention] = find_dates(text, published)
    assert (mention.date.value, mention.date.end, mention.date.precision) == (value, end, precision)
    first, last = mention.date.bounds()
    assert first <= last


# (text, the words of the one mention): prepositions are kept, overlaps go to the longest
WORDS = [
    ("arrived in Niger on Wednesday, as shown", "on Wednesday"),
    ("a conversation back in March between", "back in March"),
    ("a conversation back in March 2023 between", "back in March 2023"),
    ("took power in early March", "in early March"),
    ("it fell by the end of 2024, officials said", "by the end of 2024"),
    ("held on Wednesday, 10 April 2024, in Niamey", "on Wednesday, 10 April 2024"),
    ("Troops left between March and May 2024.", "between March and May 2024"),
    ("the 2023 coup", "2023"),
    ("2021's coup", "2021"),
    ("since\u00a0March 2024", "since\u00a0March 2024"),
    ("ON WEDNESDAY", "ON WEDNESDAY"),
]


@pytest.mark.parametrize(("text", "words"), WORDS)
def test_mention_words_and_offsets(text, words):
    [mention] = find_dates(text, FRI)
    assert mention.text == words == mention.date.text
    assert text[mention.start:mention.end] == words
    assert mention.start == text.index(words)


def test_seed_article():
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    found = find_dates(text, FRI)
    assert [(m.text, m.date.value) for m in found] == [
        ("on Thursday", "2024-04-11"),
        ("on Wednesday", "2024-04-10"),
        ("last year", "2023"),
        ("last month", "2024-03"),
        ("on Thursday", "2024-04-11"),
        ("back in March", "2024-03"),
        ("in 2024", "2024"),  # a teaser headline: "Growth in 2024"
    ]
    for m in found:
        assert text[m.start:m.end] == m.text
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_several_mentions_in_order():
    text = "After the 2023 coup, trainers arrived on Wednesday; in March, Tiani called Putin."
    found = find_dates(text, FRI)
    assert [(m.text, m.date.value, m.date.precision) for m in found] == [
        ("2023", "2023", "year"), ("on Wednesday", "2024-04-10", "day"), ("in March", "2024-03", "month")]


NO_PUBLISHED = [
    ("on Wednesday", None),
    ("last month", None),
    ("back in March", None),
    ("on March 16", None),
    ("on the 16th", None),
    ("three months ago", None),
    ("last summer", None),
    ("16 March 2024", "2024-03-16"),
    ("in March last year", None),
    ("in March 2023", "2023-03"),
    ("the 2023 coup", "2023"),
    ("between March and May 2024", "2024-03"),
    ("2024-03-16", "2024-03-16"),
]


@pytest.mark.parametrize(("text", "value"), NO_PUBLISHED)
def test_without_publication_date(text, value):
    found = find_dates(text, None)
    assert [m.date.value for m in found] == ([value] if value else [])
    resolved = resolve_date(text, None)
    assert (resolved.value if resolved else None) == value


def test_resolve_date():
    assert resolve_date("last month", published=FRI) == EventDate(value="2024-03", precision="month",
                                                                  text="last month")
    assert resolve_date("on Wednesday", FRI) == EventDate(value="2024-04-10", precision="day",
                                                          text="on Wednesday")
    assert resolve_date("recently", FRI) is None
    assert resolve_date("", FRI) is None
    # the longest expression wins when there are several
    assert resolve_date("in March, after the 2023 coup", FRI).value == "2024-03"


def test_never_stamps_the_publication_date():
    for text in ("Niger expelled the French envoy.", "The junta says troops must go.", "Related Articles"):
        assert find_dates(text, FRI) == []


def test_publication_dates_at_the_edges():
    assert resolve_date("yesterday", date.min) is None
    assert resolve_date("tomorrow", date.max) is None
    assert resolve_date("on March 16", date.min) is None
    assert resolve_date("next year", date(9999, 6, 1)) is None
    # years before 1000 cannot be written as YYYY: left out rather than malformed
    assert resolve_date("last year", date(1000, 6, 1)) is None
    assert resolve_date("in March", date(1000, 2, 1)) is None
    assert resolve_date("this year", date(1000, 6, 1)).value == "1000"


def _well_formed(m: DateMention, text: str) -> None:
    assert 0 <= m.start < m.end <= len(text)
    assert text[m.start:m.end] == m.text == m.date.text
    assert m.date.known and m.date.precision in ("day", "month", "year")
    assert EventDate.model_validate(m.date.model_dump()) == m.date  # re-validates format and precision
    first, last = m.date.bounds()
    assert first <= last


@settings(max_examples=300, deadline=None)
@given(text=st.text(), published=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_text_any_date(text, published):
    found = find_dates(text, published)
    for m in found:
        _well_formed(m, text)
    spans = [(m.start, m.end) for m in found]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


_WORDS = st.sampled_from([
    "on", "in", "back", "last", "next", "this", "the", "of", "early", "mid-", "late", "since", "between",
    "and", "to", "from", "March", "May", "Wednesday", "summer", "year", "month", "week", "ago", "two", "16",
    "16th", "2023", "2024", "1,500", "troops", "coup", "'s", ",", "-", "/", "03", "today", "yesterday",
    "2100", "1900", "winter", "29", "February", "31st", "\u2013", " ", "\u00a0",
])


@settings(max_examples=500, deadline=None)
@given(words=st.lists(_WORDS, max_size=12), published=st.none()
       | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_date_like_word_salad(words, published):
    text = " ".join(words)
    for m in find_dates(text, published):
        _well_formed(m, text)


# (words, anchor, the month re-read in the year told, or None: not a yearless month, or after publication)
YEARS_TOLD = [
    ("In August", "2022-01", "2022-08"),
    ("in early March", "2022-01", "2022-03"),
    ("on 17 February", "2022-01-31", "2022-02-17"),
    ("In January", "2022-02", "2023-01"),  # before the anchor's month: the next year
    ("In March", "2023-07", None),  # March 2024, the latest March before publication: no other reading
    ("In June", "2023-07", None),  # June 2024 is after publication
    ("last March", "2022-01", None),
    ("in March 2023", "2022-01", None),
    ("In August", "2022", None),  # a year alone does not say where in it the story is
]


@pytest.mark.parametrize(("words", "anchor", "value"), YEARS_TOLD)
def test_in_year_told(words, anchor, value):
    (mention,) = find_dates(words, FRI)
    precision = {4: "year", 7: "month", 10: "day"}[len(anchor)]
    told = in_year_told(mention, EventDate(value=anchor, precision=precision), FRI)
    assert (told.date.value if told else None) == value
