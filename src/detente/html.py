"""Saved web pages: trafilatura finds the article body, title and metadata, htmldate the date.

Publication dates come from the page's machine-readable markup (schema.org `datePublished`, Open Graph
`article:published_time`, JSON-LD) before htmldate's own header search; a date only guessed from free text is not
taken. The lead paragraph marked as the article's summary (schema.org `description`, microformats `p-summary`) is part
of the body; the headline repeated at the top of the body is not. The same post-cleaning as for plain text then drops
boilerplate lines and related-article lists.
"""

from __future__ import annotations

import re

import htmldate
import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

from detente.cleaning import PARAGRAPH_BREAK, CleanedText, clean_article, detect_language, find_dates, parse_comments

_BLOCKS = ("p", "head", "quote", "item", "row", "cell", "code")
_LEAD_XPATH = (
    "//*[@itemprop='description' and not(self::meta)]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' p-summary ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' entry-summary ')]"
)
_DATE_XPATH = (
    "//meta[@property='article:published_time' or @itemprop='datePublished' or @name='article:published_time'"
    " or @name='pubdate' or @name='publish-date' or @name='dc.date.issued' or @name='DC.date.issued']/@content"
    " | //*[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished' and not(self::meta)]/@content"
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/")
_SPACES = re.compile(r"\s+")


def _paragraphs(body) -> list[str]:
    """Block texts of trafilatura's body tree, one paragraph per block (list items separately)."""
    paragraphs = []
    for element in body.iter(*_BLOCKS):
        if element.tag in ("row",) and element.find(".//cell") is not None:
            continue
        if any(child.tag in _BLOCKS for child in element):
            text = element.text or ""
        else:
            text = element.text_content() if hasattr(element, "text_content") else "".join(element.itertext())
        text = _SPACES.sub(" ", text).strip()
        if text:
            paragraphs.append(text)
    return paragraphs


def _lead(tree) -> str | None:
    for element in tree.xpath(_LEAD_XPATH):
        text = _SPACES.sub(" ", element.text_content()).strip()
        if len(text.split()) >= 5:
            return text
    return None


def _published(tree, raw: str, url: str | None) -> str | None:
    """The publication date stated by the page's markup, then htmldate's header search, then a dated URL path."""
    stated = [str(v) for v in tree.xpath(_DATE_XPATH)] + _JSONLD_DATE.findall(raw[:500_000])
    for value in stated:
        if dates := find_dates(value):
            return dates[0][2]
    try:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        found = None
    if found:
        return found
    if url and (m := _URL_DATE.search(url)) and (dates := find_dates("-".join(m.groups()))):
        return dates[0][2]
    return None


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _without_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """The body without the headline printed at its top, nor the short kicker lines above it ("Analysis · Europe")."""
    if not title:
        return paragraphs
    for i, paragraph in enumerate(paragraphs[:4]):
        if _norm(paragraph) == _norm(title):
            if all(len(p.split()) <= 8 for p in paragraphs[:i]):
                return paragraphs[i + 1 :]
            break
    return paragraphs


def extract_html(raw: str) -> CleanedText:
    """Body (paragraphs), reader comments and metadata of a saved web page; empty body when no article is found."""
    try:
        tree = lxml_html.document_fromstring(raw)
    except (ParserError, ValueError):
        return CleanedText(body="")
    result = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=True, include_tables=True, include_images=False
    )
    if result is None or result.body is None:
        return CleanedText(body="")
    title = _SPACES.sub(" ", result.title).strip() if result.title else None
    paragraphs = _without_headline(_paragraphs(result.body), title)
    lead = _lead(tree)
    if lead and paragraphs and _norm(lead)[:200] not in _norm(" ".join(paragraphs[:3])):
        paragraphs.insert(0, lead)
    article = clean_article(PARAGRAPH_BREAK.join(paragraphs))
    comments = article.reader_comments
    if result.comments:
        comments = comments + parse_comments([line.strip() for line in result.comments.split("\n") if line.strip()])
    return CleanedText(
        body=article.body,
        title=title,
        outlet=result.sitename or None,
        author=result.author or None,
        published=_published(tree, raw, result.url),
        url=result.url or None,
        language=detect_language(article.body)[0],
        reader_comments=comments,
    )
