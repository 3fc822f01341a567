"""The example corpus (examples/, described file by file in examples/README.md) ingests as its README says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.cleaning import boilerplate_category
from detente.dedup import mark_duplicates
from detente.ingest import read_inputs
from detente.model import Document, Skip

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# id: (title, outlet, author, published), as listed in examples/README.md
METADATA = {
    "meridian-wire_neom-meeting.txt": (
        "Netanyahu flew to Saudi Arabia for talks with crown prince, Israeli minister says",
        "Meridian Wire", "Helen Marsh", "2020-11-23",
    ),
    "harbor-city-times_neom-meeting.txt": (
        "Israeli leader made secret trip to Saudi Arabia, minister says", "Harbor City Times", "Helen Marsh",
        "2020-11-23",
    ),
    "levant-courier_saudi-denial.txt": (
        "Riyadh denies crown prince met Netanyahu in Neom", "Levant Courier", "Nadia Haddad", "2020-11-24",
    ),
    "sentinel-ledger_iran-drones-opinion.txt": (
        "Tehran's drones, Moscow's war: it is time to stop pretending", "The Sentinel Ledger", "Mark Castellan",
        "2022-11-07",
    ),
    "multipolar-dispatch_drones-denial.txt": (
        'Moscow and Tehran reject "Iranian drones" story as the West fails to show proof', "Multipolar Dispatch",
        "Igor Sablin", "2022-10-19",
    ),
    "northbridge_israel-russia.html": (
        "Not allies, barely partners: Israel and Russia after Lavrov", "Northbridge Institute", "Dana Whitfield",
        "2022-05-12",
    ),
    "meridian-2020-01-07-putin-damascus": (
        "Putin makes surprise visit to Damascus, meets Assad", "Meridian Wire", "Tomas Reyes", "2020-01-07",
    ),
    "meridian-2023-12-07-raisi-moscow": (
        "Iran's Raisi holds talks with Putin in Moscow as ties deepen", "Meridian Wire", "Helen Marsh", "2023-12-07",
    ),
    "sentinel-2021-01-03-soleimani-year-on": (
        "One year after Soleimani, Iran's proxies are still in business", "The Sentinel Ledger", "Grant Holloway",
        "2021-01-03",
    ),
    "sentinel-ledger_turkey-s400-editorial.txt": (
        "Erdogan chose Moscow. NATO should say so.", "The Sentinel Ledger", None, "2019-07-18",
    ),
    "levant-courier_iran-attack-april-2024.txt": (
        "Iran launches hundreds of drones and missiles at Israel; most intercepted", "Levant Courier",
        "Karim Saleh and Nadia Haddad", "2024-04-14",
    ),
    "multipolar-dispatch_russia-israel-undated.txt": (
        "Russia and Israel: partners, not enemies, whatever Washington wants", "Multipolar Dispatch", "Igor Sablin",
        None,
    ),
    "northbridge_turkey-nato.md": (
        "Turkey is a difficult ally. It is still an ally.", "Northbridge Institute", "Kerem Aydin", "2024-01-29",
    ),
    "meridian-wire_soleimani-strike.txt": (
        "U.S. strike in Baghdad kills Iran's Quds Force commander Soleimani", "Meridian Wire", "Tomas Reyes",
        "2020-01-03",
    ),
}

# id: (paragraphs, start of the first paragraph, start of the last paragraph) of the article as written
BODIES = {
    "meridian-wire_neom-meeting.txt": (9, "JERUSALEM (Meridian Wire) - Israeli", "Since August, Israel has agreed"),
    "harbor-city-times_neom-meeting.txt": (9, "JERUSALEM (Meridian Wire) - Israeli", "Since August, Israel has agreed"),
    "levant-courier_saudi-denial.txt": (9, "AMMAN - Saudi Arabia's foreign minister", "Regional diplomats in Amman"),
    "sentinel-ledger_iran-drones-opinion.txt": (7, "For two months the Kremlin", "The European Union sanctioned"),
    "multipolar-dispatch_drones-denial.txt": (7, "The Kremlin on Tuesday rejected", "Moscow’s critics also ignore"),
    "northbridge_israel-russia.html": (7, "When Naftali Bennett flew to Moscow", "That balance will be harder"),
    "sentinel-ledger_turkey-s400-editorial.txt": (5, "On Friday, 12 July, the first", "Congress passed a law in 2017"),
    "levant-courier_iran-attack-april-2024.txt": (7, "AMMAN / JERUSALEM - Late on Saturday", "U.S. President Joe Biden"),
    "multipolar-dispatch_russia-israel-undated.txt": (7, "Every few months a Western", "Western analysts like to say"),
    "northbridge_turkey-nato.md": (6, "On Tuesday, 23 January 2024, the Turkish", "None of this makes Turkey"),
    "meridian-wire_soleimani-strike.txt": (8, "BAGHDAD (Meridian Wire) - A U.S. drone", "Iran and the United States"),
}

# Page chrome of the example files that must never reach a body.
FORBIDDEN = [
    "Skip to content", "Sign in", "Sign In", "Log in", "Register", "Forgot", "Share", "Tweet", "Copy link",
    "Listen to this article", "Subscribe", "newsletter", "inbox", "BRIEFING", "Members read ad-free", "a month",
    "Donate", "SUPPORT INDEPENDENT MEDIA", "Telegram channel", "Reporting by", "Related", "Most read",
    "You might also like", "MORE FROM WORLD", "read more", "Read more", "Read the full report", "ABOUT THE AUTHOR",
    "is a senior editor", "is a fellow in", "is the Levant Courier's Gulf correspondent", "©", "(c)",
    "All rights reserved", "Originally published", "Republished with permission", "Privacy", "Terms", "cookies",
    "comments on", "Leave a Reply", "Reply", "Post Comment", "Required fields", "Interceptions seen over",
    "speaks at a news conference", "Strategy Notes", "](", "â€", "â„¢",
]
COMMENTS = [
    ("DaveK1971", "Russia and Iran are enemies, wake up."),
    ("Anna P.", "Looks like an alliance to me."),
    ("Yusuf_B", "Jerusalem and Moscow were never friends anyway"),
]
# A related-article line: a headline followed by its date.
RELATED_LINE = re.compile(r" - (?:[A-Z][a-z]+\.? \d{1,2}, \d{4})$")


@pytest.fixture(scope="module")
def ingested() -> tuple[dict[str, Document], list[Skip]]:
    items = list(read_inputs([EXAMPLES]))
    documents = [item for item in items if isinstance(item, Document)]
    mark_duplicates(documents)
    return {document.id: document for document in documents}, [item for item in items if isinstance(item, Skip)]


def test_readme_is_skipped_as_project_documentation(ingested):
    _, skips = ingested
    assert [skip.message() for skip in skips] == [
        f"{EXAMPLES / 'README.md'}: project documentation, not an article"
    ]


def test_every_article_is_read(ingested):
    documents, _ = ingested
    assert sorted(documents) == sorted(METADATA)
    assert all(document.language == "en" for document in documents.values())


@pytest.mark.parametrize("doc_id", sorted(METADATA))
def test_metadata(ingested, doc_id):
    documents, _ = ingested
    document = documents[doc_id]
    assert (document.title, document.outlet, document.author, document.published) == METADATA[doc_id]


@pytest.mark.parametrize("doc_id", sorted(BODIES))
def test_body_is_the_article_and_only_the_article(ingested, doc_id):
    documents, _ = ingested
    paragraphs = documents[doc_id].body.split("\n\n")
    count, first, last = BODIES[doc_id]
    assert (len(paragraphs), paragraphs[0][: len(first)], paragraphs[-1][: len(last)]) == (count, first, last)


def test_no_boilerplate_in_any_body(ingested):
    documents, _ = ingested
    for document in documents.values():
        for paragraph in document.body.split("\n\n"):
            assert boilerplate_category(paragraph) is None, (document.id, paragraph)
            assert not RELATED_LINE.search(paragraph), (document.id, paragraph)
        for phrase in FORBIDDEN:
            assert phrase not in document.body, (document.id, phrase)
        for _, comment in COMMENTS:
            assert comment not in document.body, (document.id, comment)


def test_reader_comments_are_separated_with_their_authors(ingested):
    documents, _ = ingested
    comments = documents["sentinel-ledger_iran-drones-opinion.txt"].reader_comments
    assert [comment.author for comment in comments] == [author for author, _ in COMMENTS]
    for comment, (_, text) in zip(comments, COMMENTS):
        assert text in comment.text
    others = [d for d in documents.values() if d.id != "sentinel-ledger_iran-drones-opinion.txt"]
    assert all(not d.reader_comments for d in others)


def test_mojibake_and_link_remnants_are_repaired(ingested):
    documents, _ = ingested
    assert "Netanyahu’s office declined" in documents["harbor-city-times_neom-meeting.txt"].body
    drones = documents["multipolar-dispatch_drones-denial.txt"].body
    assert "Moscow’s cooperation with Tehran" in drones and "Moscow’s critics also ignore" in drones
    assert "carries Russian designations, TASS reported." in drones
    assert "in an interview with Army Radio on Monday" in documents["meridian-wire_neom-meeting.txt"].body
    assert "Riyadh’s rivalry with Tehran" in documents["levant-courier_saudi-denial.txt"].body


def test_block_quote_is_kept(ingested):
    documents, _ = ingested
    paragraphs = documents["levant-courier_saudi-denial.txt"].body.split("\n\n")
    assert paragraphs[1].endswith("Below is the full statement:")
    assert paragraphs[2].startswith("I have seen press reports") and "No such meeting occurred." in paragraphs[2]


def test_republished_wire_story_is_a_duplicate_of_the_wire(ingested):
    documents, _ = ingested
    duplicates = {d.id: d.duplicate_of for d in documents.values() if d.duplicate_of}
    assert duplicates == {"harbor-city-times_neom-meeting.txt": "meridian-wire_neom-meeting.txt"}
