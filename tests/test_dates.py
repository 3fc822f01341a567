"""Date expressions resolved against a publication date (2020-01-05 is a Sunday)."""

from __future__ import annotations

import pytest

from detente.dates import find_dates, resolve_date

PUBLISHED = "2020-01-05"


@pytest.mark.parametrize("text, expected", [
    ("They met on Tuesday in Moscow.", ("2019-12-31", "day")),
    ("Thursday, US forces killed the general.", ("2020-01-02", "day")),
    ("On Sunday the talks ended.", ("2020-01-05", "day")),
    ("The ministers will meet next Tuesday.", ("2020-01-07", "day")),
    ("Yesterday, the parliament voted.", ("2020-01-04", "day")),
    ("The strike came two days ago.", ("2020-01-03", "day")),
    ("One year ago, the deal collapsed.", ("2019-01-05", "year")),
    ("Three hundred days ago, the war began.", ("2019-03-11", "day")),
    ("It happened last week.", ("2019-12-23", "month")),
    ("Sanctions were imposed last month.", ("2019-12-01", "month")),
    ("Trade fell last year.", ("2019-01-01", "year")),
    ("The talks began in early March 2019.", ("2019-03-01", "month")),
    ("The plant was built in 2012.", ("2012-01-01", "year")),
    ("The attack on January 3 killed him.", ("2020-01-03", "day")),
    ("The attack on December 27th killed two.", ("2019-12-27", "day")),
    ("It was signed on 3 January 2019.", ("2019-01-03", "day")),
    ("It was signed on January 3, 2019.", ("2019-01-03", "day")),
    ("They met in March.", ("2019-03-01", "month")),
    ("Last April, the department designated the group.", ("2019-04-01", "month")),
    ("Seven years ago today, Russia invaded Crimea.", ("2013-01-05", "day")),
    ("They may meet soon.", (None, "none")),
    ("The 2015 agreement still holds.", (None, "none")),
])
def test_forms(text, expected):
    assert resolve_date(text, PUBLISHED) == expected


def test_relative_expressions_need_a_publication_date():
    assert resolve_date("They met on Tuesday.", None) == (None, "none")
    assert resolve_date("It happened yesterday.", None) == (None, "none")
    assert resolve_date("It happened last week.", None) == (None, "none")


def test_absolute_dates_need_no_publication_date():
    assert resolve_date("The accord was signed in 2012.", None) == ("2012-01-01", "year")
    assert resolve_date("They met on 3 January 2019.", None) == ("2019-01-03", "day")


def test_narrative_expressions_use_the_anchor():
    assert resolve_date("Three weeks later, they met again.", PUBLISHED) == (None, "none")
    assert resolve_date("Three weeks later, they met again.", PUBLISHED, anchor="2019-11-01") == \
        ("2019-11-22", "day")
    assert resolve_date("The next day, troops withdrew.", None, anchor="2019-11-01") == ("2019-11-02", "day")


def test_future_statements_point_forward():
    assert resolve_date("They will meet on Tuesday.", PUBLISHED, future=True) == ("2020-01-07", "day")
    assert resolve_date("They will meet in March.", PUBLISHED, future=True) == ("2020-03-01", "month")


def test_all_expressions_with_offsets():
    text = "She spoke today about the attack on October 7."
    found = find_dates(text, "2023-11-07")
    assert [(text[s:e], date) for s, e, date, _ in found] == [("today", "2023-11-07"), ("October 7", "2023-10-07")]


def test_weekends_and_narrative_days():
    assert resolve_date("They met over the weekend.", PUBLISHED) == ("2020-01-04", "month")
    assert resolve_date("They met last weekend.", "2020-01-08") == ("2020-01-04", "month")
    assert resolve_date("Later that day, troops withdrew.", None, anchor="2019-11-01") == ("2019-11-01", "day")
    assert resolve_date("The week before, troops withdrew.", None, anchor="2019-11-13") == ("2019-11-04", "month")
    assert resolve_date("The day after, troops withdrew.", None, anchor="2019-11-01") == ("2019-11-02", "day")


def test_narrative_distance_counts_from_the_date_stated_before_it():
    text = "They met in June 2018, and three weeks later the envoy returned."
    assert [(d[2], d[3]) for d in find_dates(text, "2020-01-09")] == [("2018-06-01", "month"), ("2018-06-22", "month")]
    assert [(d[2], d[3]) for d in find_dates("On 3 January they met; two days later they quarrelled.", "2020-01-09")] \
        == [("2020-01-03", "day"), ("2020-01-05", "day")]
    assert find_dates("Two days later they quarrelled.", "2020-01-09") == []
