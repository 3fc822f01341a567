"""Plain-text cleaning: body, reader comments and metadata of web pages saved as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.cleaning import clean_article, clean_text, detect_language, find_dates, repair

NOISY = Path(__file__).resolve().parent / "data" / "noisy"
CASES = sorted(p.name.removesuffix(".expected.json") for p in NOISY.glob("*.expected.json"))


def test_there_are_at_least_ten_labelled_noisy_cases():
    assert len(CASES) >= 10


@pytest.mark.parametrize("name", CASES)
def test_noisy_page(name):
    expected = json.loads((NOISY / f"{name}.expected.json").read_text(encoding="utf-8"))
    cleaned = clean_text((NOISY / f"{name}.txt").read_text(encoding="utf-8"))
    for passage in expected["body_contains"]:
        assert passage in cleaned.body
    for passage in expected["body_excludes"]:
        assert passage not in cleaned.body
    assert len(cleaned.body.split("\n\n")) == expected["paragraphs"]
    for key, value in expected["metadata"].items():
        assert getattr(cleaned, key) == value, key
    assert [(c.author, c.text) for c in cleaned.reader_comments] == [
        (c["author"], c["text"]) for c in expected["comments"]
    ]
    for comment in cleaned.reader_comments:
        assert comment.text not in cleaned.body


def test_repair_fixes_mojibake_and_link_remnants_but_keeps_curly_quotes():
    text = repair("Iranâ€™s envoy [said](#) â€œnoâ€\x9d to [the plan](https://example.org/plan \"x\"). ![map](m.png)")
    assert text == "Iran’s envoy said “no” to the plan."


def test_find_dates_reads_written_and_iso_dates_only_when_valid():
    assert [d for _, _, d in find_dates("On 3rd of March 2021 and Mar. 5, 2021, not 2021-02-30")] == [
        "2021-03-03",
        "2021-03-05",
    ]
    assert [d for _, _, d in find_dates("1402/09/03 — 2023-11-24")] == ["2023-11-24"]


def test_byline_with_pipes_gives_author_and_date():
    page = (
        "Iran and Saudi Arabia agree to restore ties\n\nBy Jane Roe | March 10, 2023 | 9:15am EST\n\n"
        "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations and reopen their embassies within "
        "two months, in a deal brokered by China after talks in Beijing.\n\n"
        "The two countries cut ties in 2016 after protesters stormed the Saudi embassy in Tehran.\n"
    )
    cleaned = clean_text(page)
    assert (cleaned.title, cleaned.author, cleaned.published) == (
        "Iran and Saudi Arabia agree to restore ties",
        "Jane Roe",
        "2023-03-10",
    )
    assert cleaned.body.startswith("Iran and Saudi Arabia agreed on Friday")


def test_dates_in_the_body_are_not_the_publication_date():
    page = (
        "Soleimani anniversary marked in Tehran\n\n"
        "Thousands gathered in Tehran to mark the killing of Qassem Soleimani, who died in a US strike in Baghdad "
        "on January 3, 2020, according to state media reports on the ceremony.\n\n"
        "Officials repeated calls for the withdrawal of American forces from the region.\n"
    )
    assert clean_text(page).published is None


def test_via_teleconference_is_not_an_outlet():
    page = (
        "Background press call on the G7 summit\n\nVia Teleconference\n\n"
        "Senior administration officials briefed reporters on the leaders' plans to discuss support for Ukraine, "
        "energy prices and the situation in the Middle East during the summit.\n"
    )
    assert clean_text(page).outlet is None


def test_language_is_english_for_prose_and_not_for_french():
    english = "The foreign ministers said they would meet again in Geneva next week to discuss the ceasefire."
    french = "Les ministres des affaires étrangères se réuniront à Genève la semaine prochaine pour discuter."
    assert detect_language(english * 2)[0] == "en"
    assert detect_language(french * 2)[0] == "und"
    assert detect_language("Putin")[0] is None


def test_clean_article_keeps_a_clean_article_whole():
    text = (
        "Vladimir Putin: Thank you.\n\n* * *\n\nThe talks covered Syria and Libya, and the membership of both "
        "countries in regional bodies; a donation of medical supplies was also discussed."
    )
    assert clean_article(text).body == text


def test_clean_article_drops_comment_section_and_related_list():
    text = (
        "The summit ended without a joint statement on the war in Ukraine.\n\n"
        "See also\n\nLeaders arrive in Bali for G20 – November 14, 2022\n\n"
        "Officials said talks would continue at the level of foreign ministers.\n\n"
        "2 comments\n\nAmy Lee says:\n\nNothing will change after this.\n"
    )
    cleaned = clean_article(text)
    assert cleaned.body == (
        "The summit ended without a joint statement on the war in Ukraine.\n\n"
        "Officials said talks would continue at the level of foreign ministers."
    )
    assert [(c.author, c.text) for c in cleaned.reader_comments] == [("Amy Lee", "Nothing will change after this.")]


@pytest.mark.integration
def test_clean_article_leaves_the_shared_corpora_untouched_but_photo_captions(shared):
    def norm(text: str) -> str:
        return " ".join(text.replace("\u200b", "").split())

    lost = []
    for path in sorted((shared / "corpora").glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            body = {norm(p) for p in clean_article(record["text"]).body.split("\n\n")}
            lost += [p for p in record["text"].split("\n\n") if p.strip() and norm(p) not in body]
    assert all(". Image: " in p for p in lost), lost


LEAD = (
    "Turkey's parliament approved Sweden's membership of NATO on Tuesday, twenty months after Stockholm applied, "
    "removing one of the last obstacles to the enlargement of the alliance.\n\n"
    "The vote followed months of bargaining over fighter jets and Kurdish militants.\n"
)


def test_copyright_holder_is_the_outlet_never_the_author():
    page = "Ankara ratifies Sweden's NATO bid\n\n" + LEAD + "\n© 2024 Sentinel Ledger · Privacy · Terms\n"
    cleaned = clean_text(page)
    assert (cleaned.outlet, cleaned.author) == ("Sentinel Ledger", None)
    named = clean_text("Ankara ratifies Sweden's NATO bid\n\nBy Jane Roe\n\n" + LEAD + "\n© 2024 Jane Roe\n")
    assert (named.outlet, named.author) == (None, "Jane Roe")


def test_outlet_named_as_byline_is_not_the_author():
    page = "Ankara ratifies Sweden's NATO bid\n\nBy The Daily Ledger\n\n" + LEAD + "\nCopyright © Daily Ledger 2024\n"
    cleaned = clean_text(page)
    assert (cleaned.outlet, cleaned.author) == ("Daily Ledger", None)


def test_title_is_the_headline_above_the_byline_not_page_chrome():
    page = (
        "DAILY LEDGER\nWorld | Politics | Opinion\n\nANALYSIS\n\nAnkara ratifies Sweden's NATO bid\n\n"
        "By Jane Roe | January 23, 2024 | 6:00am ET\n\nShare on Facebook   Tweet   Email   Print\n\n"
        "Listen to this article (3 min)\n\n"
        "A photo of the parliament in session. (Daily Ledger)\nA photo of the parliament in session. (Daily Ledger)\n\n"
        + LEAD
    )
    cleaned = clean_text(page)
    assert (cleaned.title, cleaned.author, cleaned.published) == (
        "Ankara ratifies Sweden's NATO bid", "Jane Roe", "2024-01-23",
    )
    assert cleaned.body.startswith("Turkey's parliament approved") and "photo" not in cleaned.body


def test_headline_of_short_sentences_keeps_its_period_but_a_standfirst_is_not_the_title():
    editorial = "EDITORIAL\n\nErdogan chose Moscow. NATO should say so.\n\nJuly 18, 2019\n\n" + LEAD
    assert clean_text(editorial).title == "Erdogan chose Moscow. NATO should say so."
    standfirst = (
        "Ankara ratifies Sweden's NATO bid\n\nThe vote ends a twenty-month wait and clears the way for a sale of "
        "fighter jets.\n\nBy Jane Roe\n\n" + LEAD
    )
    assert clean_text(standfirst).title == "Ankara ratifies Sweden's NATO bid"


def test_footer_lines_are_not_joined_to_the_paragraph_above():
    page = (
        "Ankara ratifies Sweden's NATO bid\n\n" + LEAD + "\nAbout the Ledger  |  Contact us  |  Advertise  |  Terms\n"
        "© 2024 Daily Ledger. All rights reserved.\n"
    )
    cleaned = clean_text(page)
    assert cleaned.outlet == "Daily Ledger" and "Contact us" not in cleaned.body


def test_author_bio_under_its_header_and_credit_line_are_not_body():
    page = (
        "Ankara ratifies Sweden's NATO bid\n\n" + LEAD + "\n(Reporting by Jane Roe; editing by John Doe)\n\n"
        "ABOUT THE AUTHOR\nJane Roe is the Daily Ledger's Ankara correspondent. She has covered Turkish politics "
        "and the country's relations with its allies since 2015.\n"
    )
    cleaned = clean_text(page)
    assert cleaned.body.endswith("Kurdish militants.")


def test_doubly_broken_apostrophe_is_repaired():
    assert repair("Moscow'â„¢s critics and Moscowâ€™s partners") == "Moscow’s critics and Moscow’s partners"
