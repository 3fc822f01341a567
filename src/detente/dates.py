"""When did it happen: absolute and relative date expressions in a sentence, resolved against a reference date.

`resolve_date(text, published)` returns `(date, precision)`: `date` is an ISO `YYYY-MM-DD` string and `precision` is
day | month | year | none. A named period ("in March 2019", "last year") gives its first day; a week ("last week")
gives its Monday with precision "month", the finest honest one; a distance ("three weeks later", "one year ago") gives
the exact shifted day with the precision of its unit (weeks count as days). Relative expressions ("on Tuesday", "last week",
"yesterday", "three days ago") need the publication date; "three weeks later" and "the next day" count from the date
stated before them in the same text ("in June 2018, and three weeks later", no more precise than it), else from an
`anchor` (the date of the previous dated event in the text). Without what an expression needs, and without an absolute date in the
text, the result is `(None, "none")`: never the date of the run.

Plain regular expressions cover the forms news text uses, so no slow general-purpose parser is needed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3, "couple of": 2,
}

_MONTH = r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|" \
         r"sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_COUNT = r"(?P<count>(?:a|one|two|three|four|five|six|seven|eight|nine) hundred|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|couple of)"
_UNIT = r"(?P<unit>day|week|month|year)s?"

# Each pattern is tried in order; the first match that can be resolved wins.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?!\s*(?:%|percent|million|billion))",
                             re.I)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I)),
    ("ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago(?:\s+(?P<today>today|this week|this month))?\b", re.I)),
    ("later", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?P<dir>later|earlier|afterwards|before)\b", re.I)),
    ("yesterday", re.compile(r"\b(?P<word>yesterday|today|tonight|this (?:morning|afternoon|evening)|last night|"
                             r"tomorrow|the day before yesterday)\b", re.I)),
    ("next_day", re.compile(r"\bthe (?P<word>next|following|previous) (?P<unit>day|week|month|year)\b|"
                            r"\bthe (?P<unit2>day|week|month|year) (?P<word2>after|before)\b", re.I)),
    ("same_day", re.compile(r"\b(?:later|earlier) that day\b|\b(?:on )?the same day\b|\bthat same day\b", re.I)),
    ("weekend", re.compile(r"\b(?P<rel>last|next|this past|this coming|this|over the|at the|on the)\s+weekend\b",
                           re.I)),
    ("weekday", re.compile(r"\b(?P<rel>last|next|this|on|since|by|until)?\s*"
                           r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("month_year", re.compile(rf"\b(?:(?P<part>early|mid|late)[\s-]+)?{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("relative_period", re.compile(r"\b(?P<rel>last|this|next|past|earlier this|later this)\s+"
                                   r"(?P<unit>week|month|year)\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|during|until|by|of|early|mid|late|last|this|next)[\s-]+(?:early\s+|mid-?|late\s+)?"
                            rf"{_MONTH}\b(?!\s+[0-3]?\d\b)(?!\s+(?:of\s+)?(?:19|20)\d\d)", re.I)),
    ("year", re.compile(rf"\b(?:in|during|since|of|until|by|early|mid|late)[\s-]+(?:early\s+|mid-?|late\s+)?{_YEAR}\b"
                        rf"(?!\s*[-–]\s*\d)", re.I)),
]
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}
NARRATIVE = ("later", "next_day", "same_day")  # expressions that count from an earlier date of the narrative
PRECISION_ORDER = ["day", "month", "year", "none"]
_QUICK = re.compile(
    r"\d|yesterday|today|tonight|tomorrow|morning|night|ago|later|earlier|afterwards|before|after|next|following|"
    r"previous|same|weekend|"
    r"last|this|past|day|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)


def parse_iso(value: str | None) -> date | None:
    """A `YYYY-MM-DD` string (longer strings are cut) as a date, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date(text: Any, published: str | date | None, anchor: str | date | None = None,
                 future: bool = False) -> tuple[str | None, str]:
    """The first date a sentence (str or spaCy Span) states, resolved against `published`.

    `anchor` resolves narrative expressions ("two days later"); `future` makes a bare weekday or month point forward
    ("will meet on Tuesday")."""
    found = find_dates(text if isinstance(text, str) else text.text, published, anchor, future)
    return (found[0][2], found[0][3]) if found else (None, "none")


def find_dates(text: str, published: str | date | None, anchor: str | date | None = None,
               future: bool = False) -> list[tuple[int, int, str, str]]:
    """Every resolvable date expression of a text as (start, end, date, precision), in text order.

    Where expressions overlap, the more specific pattern wins ("seven years ago today" is one expression)."""
    reference = published if isinstance(published, date) else parse_iso(published)
    narrative = anchor if isinstance(anchor, date) else parse_iso(anchor)
    if not text or not _QUICK.search(text):
        return []
    found: list[tuple[int, int, str | None, str]] = []
    narratives: dict[int, tuple[str, re.Match[str]]] = {}
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end, _, _ in found):
                continue
            if kind in NARRATIVE:  # resolved below, once the dates stated before it are known
                narratives[match.start()] = (kind, match)
                found.append((match.start(), match.end(), None, "none"))
                continue
            resolved = _resolve(kind, match, reference, narrative, future)
            if resolved is not None:
                found.append((match.start(), match.end(), resolved[0].isoformat(), resolved[1]))
    found.sort()
    # "in June 2018, and three weeks later": a narrative expression counts from the date stated before it in the same
    # text, else from the anchor, and is no more precise than what it counts from
    for n, (start, end, _, _) in enumerate(found):
        if start not in narratives:
            continue
        before = [f for f in found[:n] if f[2] is not None]
        base, base_precision = (parse_iso(before[-1][2]), before[-1][3]) if before else (narrative, "day")
        resolved = _resolve(*narratives[start], reference, base, future)
        if resolved is not None:
            found[n] = (start, end, resolved[0].isoformat(),
                        max(resolved[1], base_precision, key=PRECISION_ORDER.index))
    return [f for f in found if f[2] is not None]


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _count(token: str) -> int:
    token = token.lower()
    if token.endswith(" hundred"):
        return 100 * NUMBER_WORDS[token.split()[0]]
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (negative = back in time), clamped to the end of short months."""
    unit = unit.lower()
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = day.month - 1 + (count if unit == "month" else 12 * count)
    year, month = day.year + months // 12, months % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period(day: date, unit: str) -> tuple[date, str]:
    """The start of the week, month or year containing `day`, with its precision."""
    unit = unit.lower()
    if unit == "day":
        return day, "day"
    if unit == "week":
        return day - timedelta(days=day.weekday()), "month"
    if unit == "month":
        return day.replace(day=1), "month"
    return day.replace(month=1, day=1), "year"


def _resolve(kind: str, match: re.Match[str], reference: date | None, anchor: date | None,
             future: bool) -> tuple[date, str] | None:
    groups = match.groupdict()
    if kind == "iso":
        found = _safe_date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
        return (found, "day") if found else None
    if kind in ("month_day_year", "day_month_year"):
        found = _safe_date(int(groups["year"]), _month(groups["month"]), int(groups["day"]))
        return (found, "day") if found else None
    if kind in ("month_day", "day_month"):
        if reference is None or (kind == "month_day" and groups["month"].lower() == "may" and
                                 not match.group(0)[0].isupper()):
            return None
        return _nearest_day(reference, _month(groups["month"]), int(groups["day"]), future)
    if kind == "month_year":
        return date(int(groups["year"]), _month(groups["month"]), 1), "month"
    if kind == "year":
        return date(int(groups["year"]), 1, 1), "year"
    if reference is None and kind not in ("later", "next_day", "same_day"):
        return None
    if kind == "yesterday":
        word = groups["word"].lower()
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
        return reference + timedelta(days=offset), "day"
    if kind == "ago":
        shifted = _shift(reference, groups["unit"], -_count(groups["count"]))
        if groups.get("today"):  # "seven years ago today": the same day, week or month, that many units back
            return _period(shifted, groups["today"].split()[-1].replace("today", "day"))
        return shifted, _UNIT_PRECISION[groups["unit"].lower()]
    if kind == "same_day":
        return (anchor, "day") if anchor is not None else None
    if kind == "weekend":
        # a weekend is given by its Saturday, with the precision of a week ("month", as for "last week")
        ahead = groups["rel"].lower() in ("next", "this coming") or (future and groups["rel"].lower() == "this")
        saturday = reference + timedelta(days=(5 - reference.weekday()) % 7) if ahead else \
            reference - timedelta(days=(reference.weekday() - 5) % 7)
        return saturday, "month"
    if kind in ("later", "next_day"):
        if anchor is None:
            return None
        if kind == "later":
            sign = -1 if groups["dir"].lower() in ("earlier", "before") else 1
            return (_shift(anchor, groups["unit"], sign * _count(groups["count"])),
                    _UNIT_PRECISION[groups["unit"].lower()])
        word = (groups["word"] or groups["word2"]).lower()
        sign = -1 if word in ("previous", "before") else 1
        unit = groups["unit"] or groups["unit2"]
        return _period(_shift(anchor, unit, sign), unit)
    if kind == "weekday":
        return _weekday(reference, WEEKDAYS[groups["weekday"].lower()], (groups["rel"] or "").lower(), future), "day"
    if kind == "relative_period":
        rel, unit = groups["rel"].lower(), groups["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
        return _period(_shift(reference, unit, step), unit)
    if kind == "in_month":
        month = _month(groups["month"])
        if groups["month"].lower() == "may" and not match.group("month")[0].isupper():
            return None
        year = reference.year
        if not future and month > reference.month:
            year -= 1
        if future and month < reference.month:
            year += 1
        return date(year, month, 1), "month"
    return None


def _nearest_day(reference: date, month: int, day: int, future: bool) -> tuple[date, str] | None:
    """A day without a year: in the publication year, or the year before when that would lie well ahead (news
    reports the past), or the year after for future statements that would otherwise lie behind."""
    found = _safe_date(reference.year, month, day)
    if found is None:
        return None
    if not future and found > reference + timedelta(days=7):
        found = _safe_date(reference.year - 1, month, day)
    elif future and found < reference - timedelta(days=7):
        found = _safe_date(reference.year + 1, month, day)
    return (found, "day") if found else None


def _weekday(reference: date, weekday: int, rel: str, future: bool) -> date:
    """The weekday nearest the reference in the stated direction: the past unless "next" or a future statement."""
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if rel == "next":
        return reference + timedelta(days=ahead or 7)
    if rel == "last":
        return reference - timedelta(days=back or 7)
    if future or rel in ("until", "by"):
        return reference + timedelta(days=ahead)
    return reference - timedelta(days=back)
