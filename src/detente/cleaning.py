"""Cleaning of web text: keep the article body, split off reader comments, read metadata the text states.

Two entry points:
- `clean_text(raw)` for a whole web page saved as text (menus, footers, comments and all): it finds the body region,
  reads title / byline / dates / outlet / URL lines around it and parses the comment section;
- `clean_article(text)` for text that is already the article (a `.jsonl` record, trafilatura's output): it only repairs
  the text and drops boilerplate lines, related-article lists and comment sections.

Boilerplate phrases, metadata labels and the English stop-word list are data files in `data/cleaning/`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import ftfy
import yaml

from detente.model import Comment

PARAGRAPH_BREAK = "\n\n"

# Boilerplate categories that are only boilerplate in their place (a comment section, above a headline list).
_COMMENT_ONLY = ("comment_chrome", "comment_start", "related_header")
# Roles of one unit (a paragraph or a line) of a page saved as text.
GOOD, SENTENCE, OTHER, BAD, META = "good", "sentence", "other", "bad", "meta"

_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_MD_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)([^\s*_](?:.*?[^\s*_])?)\1$")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
# An apostrophe followed by a (mis-decoded) trade mark sign inside a word is what is left of a doubly broken "’".
_BROKEN_APOSTROPHE = re.compile("['\u2019](?:\u00e2\u201e\u00a2|\u2122)(?=[^\\W\\d_])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_URL = re.compile(r"https?://\S+|www\.\S+\.\S+")
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?|\b\d{1,2}\s*[ap]\.?m\.?",
    re.IGNORECASE,
)
_SEPARATORS = "|·•–—-/,"


@dataclass
class CleanedText:
    """An article's body (paragraphs separated by a blank line), its reader comments and the metadata found."""

    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    reader_comments: list[Comment] = field(default_factory=list)


def _data(name: str) -> dict:
    return yaml.safe_load(resources.files("detente").joinpath("data", "cleaning", name).read_text(encoding="utf-8"))


def _without_groups(pattern: str) -> str:
    """A regular expression with its parenthesised groups (nested too) removed: what is left is its top level."""
    while (stripped := re.sub(r"\([^()]*\)", "", pattern)) != pattern:
        pattern = stripped
    return pattern


class _LinePattern:
    """A case-insensitive whole-line pattern, run on the lowercased line (so that the regex engine can skip ahead to
    literal text). One of the form `.{0,A}CORE.{0,B}` is run as a search for CORE with bounds on what precedes and
    follows it, which is much faster than trying every start position. A pattern with a case-sensitive part
    (`(?-i:...)`) is run on the line as written."""

    _FLOATING = re.compile(r"\.\{0,(\d+)\}(.+?)\.\{0,(\d+)\}")

    def __init__(self, pattern: str) -> None:
        floating = self._FLOATING.fullmatch(pattern)
        self.before = self.after = -1
        if floating and "|" not in _without_groups(floating.group(2)):
            self.before, self.after = int(floating.group(1)), int(floating.group(3))
            pattern = floating.group(2)
        self.cased = "(?-i:" in pattern
        flags = re.IGNORECASE if self.cased else 0
        self.regex = re.compile(pattern, flags)
        # CORE starting within the first `before` characters: tried at those positions only, to reject most lines.
        self.head = re.compile(f".{{0,{self.before}}}?(?:{pattern})", flags) if self.before >= 0 else None

    def fullmatch(self, line: str, lowered: str) -> bool:
        if not self.cased:
            line = lowered
        if self.head is None:
            return self.regex.fullmatch(line) is not None
        first = self.head.match(line)
        if first is None:
            return False
        if len(line) - first.end() <= self.after:
            return True
        for m in self.regex.finditer(line, 0, len(line)):
            if m.start() > self.before:
                return False
            if len(line) - m.end() <= self.after:
                return True
        return False


class _AnyOf:
    """The patterns of one category: anchored ones joined into one regex, floating ones run one by one."""

    def __init__(self, patterns: list[str]) -> None:
        compiled = [_LinePattern(p) for p in patterns]
        anchored = [p for p in patterns if _LinePattern(p).before < 0 and "(?-i:" not in p]
        self.joined = re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None
        self.others = [p for p in compiled if p.before >= 0 or p.cased]

    def fullmatch(self, line: str, lowered: str | None = None) -> bool:
        lowered = line.lower() if lowered is None else lowered
        if self.joined is not None and self.joined.fullmatch(lowered):
            return True
        return any(p.fullmatch(line, lowered) for p in self.others)


@cache
def _patterns() -> dict[str, _AnyOf]:
    """The whole-line patterns of each boilerplate category."""
    return {category: _AnyOf(patterns) for category, patterns in _data("boilerplate.yaml").items()}


@cache
def _anchored_anywhere() -> re.Pattern[str] | None:
    """The anchored patterns of every category valid anywhere, joined: one test tells most lines apart."""
    joined = [any_of.joined.pattern for c, any_of in _patterns().items() if c not in _COMMENT_ONLY and any_of.joined]
    return re.compile("|".join(f"(?:{p})" for p in joined)) if joined else None


@cache
def _metadata_words() -> dict:
    return _data("metadata.yaml")


@cache
def _english() -> tuple[frozenset[str], float, int]:
    data = _data("english.yaml")
    return frozenset(data["stopwords"]), float(data["min_ratio"]), int(data["min_words"])


def boilerplate_category(line: str) -> str | None:
    """The boilerplate category a whole line belongs to (outside comment sections), or None."""
    if len(line) > _MAX_BOILERPLATE_CHARS:
        return None
    lowered = line.lower()
    anchored = _anchored_anywhere()
    if anchored is not None and anchored.fullmatch(lowered):
        return next(c for c, p in _patterns().items() if c not in _COMMENT_ONLY and p.fullmatch(line, lowered))
    for category, pattern in _patterns().items():
        if category not in _COMMENT_ONLY and any(p.fullmatch(line, lowered) for p in pattern.others):
            return category
    return None


def _is(category: str, line: str) -> bool:
    return len(line) <= _MAX_BOILERPLATE_CHARS and _patterns()[category].fullmatch(line)


# --- repairing the characters -------------------------------------------------------------------------------------

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
_FTFY_NO_ENCODING = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False, fix_encoding=False)
# UTF-8 read as Windows-1252 / Latin-1: a lead byte (Â..ô) followed by what was a continuation byte.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Characters ftfy's other fixes act on: HTML entities, control characters, odd line breaks, ligatures, full width.
_FTFY_TARGETS = re.compile("[&\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\u2028\u2029\ufb00-\ufb06\uff01-\uff5e\\r]")
# Longer lines are never boilerplate (every pattern is bounded well below this).
_MAX_BOILERPLATE_CHARS = 500


def repair(text: str) -> str:
    """Fix mojibake, drop invisible characters, turn markdown links into their text, collapse spaces per line."""
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, _FTFY)
    elif _FTFY_TARGETS.search(text):
        text = ftfy.fix_text(text, _FTFY_NO_ENCODING)
    elif not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _BROKEN_APOSTROPHE.sub("\u2019", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# --- words and language -------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def stopword_ratio(tokens: list[str]) -> float:
    return sum(map(_english()[0].__contains__, tokens)) / len(tokens) if tokens else 0.0


def detect_language(text: str) -> tuple[str | None, float]:
    """("en", ratio) for English prose, ("und", ratio) for another language, (None, ratio) when too short to tell.

    The test is the share of English function words among the words, which is 0.3-0.5 in English prose and close
    to zero in other languages (and in scripts other than Latin)."""
    _, min_ratio, min_words = _english()
    tokens = words(text[:5000].lower())
    ratio = stopword_ratio(tokens)
    if len(tokens) < min_words:
        return ("en" if ratio >= min_ratio and tokens else None), ratio
    return ("en" if ratio >= min_ratio else "und"), ratio


# --- dates ---------------------------------------------------------------------------------------------------------


@cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months = "|".join(sorted(_metadata_words()["months"], key=len, reverse=True))
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:19|20)\d\d)"
    month = rf"(?P<m>{months})\.?"
    iso = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?![\d/.-]|:\d)")
    month_first = re.compile(rf"\b{month}\s+{day},?\s+{year}\b", re.IGNORECASE)
    day_first = re.compile(rf"\b{day}(?:\s+of)?\s+{month},?\s+{year}\b", re.IGNORECASE)
    return iso, month_first, day_first


def _valid(year: str, month: int, day: str) -> str | None:
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every full calendar date (Gregorian, day precision) written in `text`, as (start, end, YYYY-MM-DD)."""
    months = _metadata_words()["months"]
    iso, month_first, day_first = _date_patterns()
    found: list[tuple[int, int, str]] = []
    for m in iso.finditer(text):
        if value := _valid(m["y"], int(m["m"]), m["d"]):
            found.append((m.start(), m.end(), value))
    for pattern in (month_first, day_first):
        for m in pattern.finditer(text):
            if value := _valid(m["y"], months[m["m"].lower()], m["d"]):
                found.append((m.start(), m.end(), value))
    return sorted(found)


def _date_only(line: str) -> str | None:
    """The date of a line that says nothing but a date (with weekday, time, time zone or label), else None."""
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    for start, end, _ in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = _TIME.sub(" ", rest)
    weekdays = set(_metadata_words()["weekdays"])
    labels = {w for label in _metadata_words()["published_labels"] for w in label.split()}
    leftover = [w for w in words(rest) if w.lower() not in weekdays and w.lower() not in labels and w.lower() != "at"]
    if leftover:
        return None
    calendars = {value for _, _, value in dates}
    return dates[0][2] if len(calendars) == 1 else None


# --- names and bylines ---------------------------------------------------------------------------------------------


def _is_name(text: str, max_words: int = 5) -> bool:
    """A person's name as written in a byline: 2-5 capitalised words, particles allowed, no digits, no leading "The"
    (that is an outlet)."""
    tokens = text.split()
    if not 2 <= len(tokens) <= max_words or any(ch.isdigit() for ch in text) or tokens[0].lower() == "the":
        return False
    meta = _metadata_words()
    particles, roles = set(meta["name_particles"]), set(meta["not_person_words"])
    for token in tokens:
        bare = token.strip(".,")
        if bare.lower() in roles:
            return False
        if not (bare[:1].isupper() or bare.lower() in particles or bare.lower().startswith(("al-", "el-"))):
            return False
    return True


def _names(text: str) -> str | None:
    """One or more person names joined by commas / "and" / "&", or None."""
    parts = [p.strip() for p in re.split(r",\s*|\s+(?:and|&)\s+", text) if p.strip()]
    if parts and all(_is_name(p) for p in parts):
        return text.strip()
    return None


@cache
def _label_regex(labels: tuple[str, ...], prefix: str = "") -> re.Pattern[str]:
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"{prefix}(?P<label>{alternatives})\b\s*[:\-–—]?\s*(?P<value>.+)$", re.IGNORECASE)


def _label_value(line: str, labels: list[str]) -> str | None:
    """The text after one of `labels` ("Published: X", "By X") at the start of a line."""
    m = _label_regex(tuple(labels)).match(line)
    return m["value"].strip() if m else None


def _segments(line: str) -> list[str]:
    return [s.strip() for s in re.split(r"\s+[|·•–—]\s+|\s+-\s+|\s*\|\s*", line) if s.strip()]


@dataclass
class _Found:
    """Metadata candidates with their strength (higher wins)."""

    values: dict[str, tuple[int, str]] = field(default_factory=dict)

    def offer(self, key: str, value: str | None, strength: int) -> None:
        if value and (key not in self.values or strength > self.values[key][0]):
            self.values[key] = (strength, value.strip(" |") if key == "title" else value.strip(" .,;:|"))

    def get(self, key: str) -> str | None:
        return self.values[key][1] if key in self.values else None


def _is_organisation(name: str) -> bool:
    org_words = set(_metadata_words()["organisation_words"])
    return any(w.lower() in org_words for w in words(name)) or not _is_name(name, 4)


def _outlet_name(text: str) -> str | None:
    """An outlet as named after "Via", "Originally published by" ...: a short capitalised name, not a channel."""
    text = re.split(r"\s+(?:on|in|at)\s+(?=\S*\d)|\s*[.(]\s|,\s*(?=\S*\d)", text.strip(), maxsplit=1)[0].strip(" .,;:")
    if _URL.fullmatch(text):
        return None
    if not text or len(text.split()) > 8 or not text[:1].isupper():
        return None
    if text.lower() in _metadata_words()["not_outlets"]:
        return None
    return text


def _read_copyright(line: str, found: _Found) -> None:
    """"Copyright © Author, Outlet, 2021" names both; a single holder ("© 2020 Outlet. All rights reserved · Privacy")
    is the site's owner, the outlet, unless it is the author the byline named."""
    m = re.match(r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(.+)$", line, re.IGNORECASE)
    if not m:
        return
    text = re.sub(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?", " ", m.group(1))
    text = next(iter(_segments(text)), "")
    text = re.split(r"\.\s|all rights reserved", text, flags=re.IGNORECASE)[0]
    parts = [p.strip(" .,") for p in text.split(",") if p.strip(" .,")]
    if len(parts) >= 2 and _is_name(parts[0], 4) and not _is_organisation(parts[0]):
        found.offer("author", parts[0], 2)
        found.offer("outlet", _outlet_name(parts[1]), 2)
    elif len(parts) == 1 and not same_name(parts[0], found.get("author")):
        found.offer("outlet", _outlet_name(parts[0]), 2)


def same_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one name ("THE SENTINEL LEDGER", "Sentinel Ledger"): equal without case and a leading "the"."""
    if not a or not b:
        return False
    return re.sub(r"^the\s+", "", a.casefold()).strip() == re.sub(r"^the\s+", "", b.casefold()).strip()


def read_metadata_line(line: str, found: _Found, *, header: bool) -> bool:
    """Record what a title-zone or footer line says about the article; True when the line is only metadata."""
    meta = _metadata_words()
    lower = line.lower()
    if _is("footer", line) and re.match(r"(copyright|©|\(c\))", lower):
        _read_copyright(line, found)
        return True
    if any(lower.startswith(label) for label in meta["updated_labels"]) or lower.startswith("last updated"):
        return _date_only(line) is not None or bool(_is("footer", line))
    if value := _label_value(line, meta["published_labels"]):
        if date := _date_only(value) or (find_dates(value)[0][2] if find_dates(value) else None):
            found.offer("published", date, 5)
            return True
    if (value := _label_value(line, ["title", "headline"])) and ":" in line[:10]:
        found.offer("title", value, 5)
        return True
    if value := _label_value(line, meta["url_labels"]):
        if url := _URL.search(value):
            found.offer("url", url.group(0).rstrip(".,;)"), 5)
            return True
    if header and (value := _label_value(line, meta["author_labels"])):
        segments = _segments(value)
        author = _names(segments[0].split(",")[0]) if len(segments[0].split(",")) > 1 else _names(segments[0])
        if author and (line.lower().startswith("by ") or ":" in line[:12] or lower.startswith(("written", "author"))):
            found.offer("author", author, 4)
            for segment in segments[1:]:
                if date := _date_only(segment) or (find_dates(segment)[0][2] if find_dates(segment) else None):
                    found.offer("published", date, 4)
            return True
    outlet = _label_regex(tuple(meta["outlet_labels"]), "(?:this (?:article|story|piece) (?:was )?)?").match(line)
    if outlet and not _URL.match(outlet["value"]):
        strength = 3 if outlet["label"].lower() in ("outlet", "publication", "publisher") else 1
        if name := _outlet_name(outlet["value"]):
            found.offer("outlet", name, strength)
            return len(line.split()) <= 14
        return False
    if header:
        if date := _date_only(line):
            found.offer("published", date, 3)
            return True
        segments = _segments(line)
        comma = re.match(r"(?P<name>[^,|]{2,60}),\s*(?P<rest>.+)$", line)
        if comma and (date := _date_only(comma["rest"])) and _outlet_name(comma["name"]):
            if not comma["name"].isupper():
                found.offer("outlet", _outlet_name(comma["name"]), 3)
            found.offer("published", date, 3)
            return True
        if len(segments) >= 2:
            dates = [_date_only(s) for s in segments]
            if any(dates):
                for segment, date in zip(segments, dates):
                    if date:
                        found.offer("published", date, 3)
                    elif _TIME.fullmatch(segment):
                        continue
                    elif (author := _names(segment)) and not _is_organisation(segment):
                        found.offer("author", author, 3)
                    elif name := _outlet_name(segment):
                        found.offer("outlet", name, 2)
                return True
    return False


# --- units of a page saved as text --------------------------------------------------------------------------------


def _split_units(text: str) -> list[str]:
    """Paragraphs of a page: blank-line blocks, hard-wrapped lines joined, list-like lines kept apart."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        longest = max(len(line) for line in lines)
        inner = lines[:-1]
        wrapped = (
            len(lines) >= 2
            and longest >= 60
            and all(len(line) >= 0.75 * longest for line in inner)
            and sum(bool(_TERMINAL.search(line)) for line in inner) <= len(inner) / 2
        )
        if wrapped and not _has_separate_lines(lines):
            units.append(" ".join(lines))
            continue
        current = lines[0]
        for line in lines[1:]:
            if not _TERMINAL.search(current) and line[:1].islower():
                current += " " + line
            else:
                units.append(current)
                current = line
        units.append(current)
    return [_strip_markup(u) for u in units]


def _has_separate_lines(lines: list[str]) -> bool:
    """Lines of a block that are not one hard-wrapped paragraph: list items, menus of links, footer lines, or the
    same line printed twice (a photo caption and its alt text)."""
    if len(set(lines)) < len(lines) or any(line.startswith(("- ", "* ", "• ")) for line in lines[1:]):
        return True
    return any(len(_segments(line)) >= 3 or _is("footer", line) for line in lines)


def _strip_markup(unit: str) -> str:
    if m := _MD_HEADING.match(unit):
        unit = m.group(1)
    if (m := _MD_EMPHASIS.match(unit)) and any(c.isalnum() for c in m.group(2)):
        unit = m.group(2)
    return unit.strip()


def _role(unit: str) -> str:
    if boilerplate_category(unit):
        return BAD
    if len(unit) > _MAX_BOILERPLATE_CHARS and _TERMINAL.search(unit):
        return GOOD
    tokens = words(unit.lower())
    if not tokens:
        return OTHER
    stops = sum(map(_english()[0].__contains__, tokens))
    if _TERMINAL.search(unit) and (len(tokens) >= 12 and stops >= 2):
        return GOOD
    if len(tokens) >= 25 and stops >= 4:
        return GOOD
    if _TERMINAL.search(unit) and not _date_only(unit):
        return SENTENCE
    return OTHER


def _drop_related_lists(units: list[str], roles: list[str]) -> None:
    """A "Related / Read more / See also" header and the headline list under it are not body."""
    i = 0
    while i < len(units):
        if _is("related_header", units[i]) or _is("related_header", units[i].split(":")[0] + ":"):
            roles[i] = BAD
            j = i + 1
            while j < len(units) and j <= i + 20 and not _ends_list(units[j], roles[j]):
                roles[j] = BAD
                j += 1
            i = j
        else:
            i += 1


def _drop_author_bios(units: list[str], roles: list[str]) -> None:
    """The paragraph under an "About the author" header (and a name line before it) is a biography, not body."""
    for i, unit in enumerate(units):
        if _is("bio_header", unit):
            for j in range(i + 1, min(i + 3, len(units))):
                roles[j] = BAD
                if len(units[j].split()) > 6:
                    break


def _ends_list(unit: str, role: str) -> bool:
    """A paragraph of prose, not a headline, ends a related-article list."""
    return role == GOOD or (role == SENTENCE and len(unit.split()) >= 6 and not unit.endswith("?"))


def _drop_repeats(units: list[str], roles: list[str]) -> set[int]:
    """A passage printed twice (photo caption and its alt text, pull quotes) is not body; returns their positions."""
    seen: dict[str, int] = {}
    for unit in units:
        if len(unit.split()) >= 5:
            seen[unit] = seen.get(unit, 0) + 1
    repeated = {i for i, unit in enumerate(units) if seen.get(unit, 0) > 1}
    for i in repeated:
        roles[i] = BAD
    return repeated


def _body_region(roles: list[str], units: list[str]) -> tuple[int, int] | None:
    """The span [start, end) of the densest run of good paragraphs; short gaps of other lines do not break it.
    A short text without any full paragraph is its sentences."""
    best: tuple[int, int, int] | None = None  # (chars, start, end)
    start = last = None
    chars = gap = 0
    for i, role in enumerate(roles + [OTHER] * 5):
        if role == GOOD:
            if start is None:
                start, chars = i, 0
            last, gap = i, 0
            chars += len(units[i])
        elif role == OTHER and start is not None:
            gap += 1
            if gap > 3:
                if best is None or chars > best[0]:
                    best = (chars, start, last + 1)
                start, gap = None, 0
    if best is None:
        sentences = [i for i, role in enumerate(roles) if role == SENTENCE]
        return (sentences[0], sentences[-1] + 1) if sentences else None
    _, first, end = best
    while end < len(roles) and roles[end] in (SENTENCE, BAD) and not _is("comment_start", units[end]):
        end += 1
    while end > first and roles[end - 1] != GOOD and roles[end - 1] != SENTENCE:
        end -= 1
    return first, end


_STRICT, _LOOSE = "strict", "loose"
# A menu, breadcrumb or kicker line: words separated by "|", "·", "•", ">" or "/".
_MENU_SEPARATOR = re.compile(r"\s[|·•>/»]\s")
_TRAILING_CREDIT = re.compile(r"\s*\([^()]*\)$")


def _headline_kind(unit: str, role: str) -> str | None:
    """How a line can be a headline: `_STRICT` (no final period), `_LOOSE` (short sentences with a final period, as in
    "Erdogan chose Moscow. NATO should say so."), or None (a paragraph, a label, a menu, a kicker in capitals ...)."""
    n = len(unit.split())
    if role == GOOD or not 2 <= n <= 30 or len(unit) > 220 or unit.endswith((":", ",", ";")):
        return None
    if not (unit[:1].isupper() or unit[:1].isdigit() or unit[:2][-1:].isupper()):
        return None
    if unit.upper() == unit or _MENU_SEPARATOR.search(unit) or _URL.search(unit) or not any(c.isalpha() for c in unit):
        return None
    if not _TERMINAL.search(_TRAILING_CREDIT.sub("", unit)) or unit.endswith(("?", "!")):
        return _STRICT
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", unit) if s]
    return _LOOSE if n <= 14 and all(len(s.split()) <= 8 for s in sentences) else None


def _title_before(units: list[str], roles: list[str], start: int, repeated: set[int]) -> str | None:
    """The headline: the first headline-like line above the byline block (the metadata lines nearest the body; a
    lead paragraph may sit between the two), else the nearest one between the byline and the body. Boilerplate,
    metadata, dates and times are skipped; a line printed twice can be the headline above the byline (headlines are
    repeated in share boxes) but not below it (photo captions are)."""

    def kind(i: int, *, allow_repeated: bool) -> str | None:
        unit = units[i]
        if roles[i] == META or (roles[i] == BAD and not (allow_repeated and i in repeated)):
            return None
        if _date_only(unit) or _TIME.fullmatch(unit):
            return None
        return _headline_kind(unit, roles[i])

    metas = [i for i in range(start) if roles[i] == META]
    top = metas[-1] if metas else start
    while top > 0 and (roles[top - 1] == META or (roles[top - 1] == BAD and top - 1 not in repeated)):
        top -= 1
    paragraphs = 0
    for i in range(top - 1, max(-1, top - 10), -1):
        found = kind(i, allow_repeated=True)
        if found == _LOOSE:  # short sentences with a period: a headline unless a real one sits just above
            above = [j for j in (i - 1, i - 2) if j >= 0 and kind(j, allow_repeated=True) == _STRICT]
            return units[above[0]] if above else units[i]
        if found == _STRICT:
            return units[i]
        if roles[i] == GOOD:
            paragraphs += 1
            if paragraphs > 1 or not metas:
                break
    for i in range(start - 1, top, -1):
        if roles[i] != GOOD and kind(i, allow_repeated=False) == _STRICT:
            return units[i]
    return None


# --- comments -----------------------------------------------------------------------------------------------------

_COMMENT_HEAD = re.compile(
    r"(?P<name>[^\s:|].{0,60}?)\s*(?:(?P<says>says|said|wrote|commented)\s*:?|\s(?:on|[|·•–—-])\s+(?P<when>.+)|:)$",
    re.IGNORECASE,
)


def _commenter(unit: str, next_unit: str | None) -> str | None:
    """The commenter's name when `unit` opens a comment ("Name says:", "Name on DATE", "Name" + a date line)."""
    if m := _COMMENT_HEAD.fullmatch(unit):
        name = m["name"].strip()
        if (m["says"] or (m["when"] and find_dates(m["when"])) or (next_unit and _date_only(next_unit))) and len(
            name.split()
        ) <= 4:
            return name
    unterminated = not _TERMINAL.search(unit) or re.search(r"\b\w\.$", unit)
    if len(unit.split()) <= 4 and unterminated and next_unit and _date_only(next_unit):
        return unit
    return None


def parse_comments(units: list[str]) -> list[Comment]:
    """Reader comments in a comment section: who wrote what; chrome (Reply, Like, forms) dropped."""
    comments: list[Comment] = []
    current: Comment | None = None
    for i, unit in enumerate(units):
        next_unit = units[i + 1] if i + 1 < len(units) else None
        if _is("comment_chrome", unit) or _is("comment_start", unit):
            continue
        if (author := _commenter(unit, next_unit)) is not None:
            current = Comment(author=author, text="")
            comments.append(current)
            continue
        if _date_only(unit) or _TIME.fullmatch(unit):
            continue
        if boilerplate_category(unit) or _role(unit) == OTHER:
            current = None
            continue
        if current is None:
            current = Comment(author=None, text="")
            comments.append(current)
        current.text = f"{current.text}\n\n{unit}" if current.text else unit
    return [c for c in comments if c.text]


def _comment_start(units: list[str], after: int) -> int | None:
    for i in range(after, len(units)):
        if _is("comment_start", units[i]):
            return i
    return None


# --- entry points -------------------------------------------------------------------------------------------------


def clean_text(raw: str) -> CleanedText:
    """A web page saved as text: body paragraphs, reader comments and the metadata the page states."""
    text = repair(raw)
    units = _split_units(text)
    roles = [_role(u) for u in units]
    _drop_related_lists(units, roles)
    _drop_author_bios(units, roles)
    repeated = _drop_repeats(units, roles)
    first_good = next((i for i, r in enumerate(roles) if r == GOOD), len(units))
    comments_at = _comment_start(units, first_good)
    scope = comments_at if comments_at is not None else len(units)
    region = _body_region(roles[:scope], units[:scope])
    found = _Found()
    if region is None:
        return CleanedText(body="")
    start, end = region
    for i in range(0, start):
        if read_metadata_line(units[i], found, header=True):
            roles[i] = META
    for i in range(start, min(end, start + 4)):
        if roles[i] != GOOD and read_metadata_line(units[i], found, header=True):
            roles[i] = META
    for i in range(end, scope):
        read_metadata_line(units[i], found, header=False)
    for unit in units[scope:]:
        if re.match(r"(copyright|©|\(c\))", unit, re.IGNORECASE):
            _read_copyright(unit, found)
    body_units = [
        units[i]
        for i in range(start, end)
        if roles[i] in (GOOD, SENTENCE) or (roles[i] == OTHER and not _date_only(units[i]) and not _TIME.fullmatch(units[i]))
    ]
    body = PARAGRAPH_BREAK.join(body_units)
    heading = re.search(r"^# (.+)$", text, re.MULTILINE)
    if heading and _strip_markup(heading.group(0)) in units[:start]:
        found.offer("title", _strip_markup(heading.group(0)), 4)
    title = found.get("title") or _title_before(units, roles, start, repeated)
    comments = parse_comments(units[comments_at:]) if comments_at is not None else []
    language, _ = detect_language(body)
    outlet, author = found.get("outlet"), found.get("author")
    return CleanedText(
        body=body,
        title=title,
        outlet=outlet,
        author=None if same_name(author, outlet) else author,
        published=found.get("published"),
        url=found.get("url"),
        language=language,
        reader_comments=comments,
    )


def clean_article(text: str) -> CleanedText:
    """Text that is already an article: repaired, boilerplate lines, related lists and comment sections removed."""
    units = [_strip_markup(u) for u in re.split(r"\n\s*\n", repair(text)) if u.strip()]
    units = [u for u in (" ".join(line for line in u.split("\n") if line) for u in units) if u]
    roles = [_role(u) for u in units]
    _drop_related_lists(units, roles)
    _drop_author_bios(units, roles)
    comments_at = _comment_start(units, 1)
    scope = comments_at if comments_at is not None else len(units)
    body = PARAGRAPH_BREAK.join(u for u, r in zip(units[:scope], roles[:scope]) if r != BAD)
    comments = parse_comments(units[comments_at:]) if comments_at is not None else []
    return CleanedText(body=body, language=detect_language(body)[0], reader_comments=comments)
