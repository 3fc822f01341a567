"""Saved web pages: trafilatura body with the lead, markup dates, post-cleaning; html-bench figures."""

from __future__ import annotations

import pytest

from detente.evaluation.ingest import render_text, run, token_f1
from detente.html import extract_html

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Ceasefire agreed in Nagorno-Karabakh | Caucasus Wire</title>
<meta property="og:site_name" content="Caucasus Wire">
<meta property="article:published_time" content="2020-11-10T01:30:00+03:00">
<script>var tracking = {"date": "2019-01-01"};</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Ceasefire agreed in Nagorno-Karabakh</h1>
<div itemprop="description"><p>Armenia and Azerbaijan agreed to end six weeks of fighting under a deal brokered by
Russia.</p></div>
<div itemprop="articleBody">
<p>The leaders of Armenia, Azerbaijan and Russia signed a statement overnight ending the fighting over the disputed
region of Nagorno-Karabakh, which began in late September.</p>
<p>Under the deal, about 2,000 Russian peacekeepers will be deployed along the front line and the Lachin corridor
linking the region with Armenia for at least five years.</p>
<p>Protesters stormed government buildings in Yerevan after Prime Minister Nikol Pashinyan announced the
agreement, which he called painful for him and for the people.</p>
<h3>See also</h3><ul><li><a href="/a">Fighting escalates around Shusha – November 6, 2020</a></li></ul>
</div></article>
<footer><p>© 2020 Caucasus Wire. All rights reserved.</p></footer></body></html>"""


def test_extract_html_body_lead_metadata():
    cleaned = extract_html(PAGE)
    paragraphs = cleaned.body.split("\n\n")
    assert paragraphs[0].startswith("Armenia and Azerbaijan agreed to end six weeks of fighting")
    assert paragraphs[-1].startswith("Protesters stormed government buildings in Yerevan")
    assert "See also" not in cleaned.body and "Shusha" not in cleaned.body
    assert "Home" not in cleaned.body and "All rights reserved" not in cleaned.body
    assert cleaned.title == "Ceasefire agreed in Nagorno-Karabakh"
    assert cleaned.published == "2020-11-10"
    assert cleaned.outlet == "Caucasus Wire"
    assert cleaned.language == "en"


def test_page_of_scripts_has_no_body():
    page = "<html><head></head><body>" + "<script>var x = 1;</script>" * 2000 + "<p>Menu</p></body></html>"
    assert extract_html(page).body == ""


def test_render_text_keeps_page_chrome():
    text = render_text(PAGE)
    assert "Home" in text and "All rights reserved" in text and "var tracking" not in text


def test_token_f1():
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "a") == 0.0
    assert round(token_f1("a b", "a b c d"), 3) == 0.667


@pytest.mark.integration
def test_html_bench_figures(shared):
    if not (shared / "corpora" / "html-bench" / "manifest.json").exists():
        pytest.skip("../shared/corpora/html-bench not found")
    result = run(shared)
    assert result["pages"] == 15
    assert result["html_body_f1"] >= 0.95
    assert result["html_body_f1_vs_body_text"] >= 0.95
    assert result["html_title_matches"] == 15
    assert result["html_date_matches"] == 15
    assert result["text_body_f1"] >= 0.90
    assert result["text_body_f1_vs_body_text"] >= 0.90
    assert result["noisy"]["body_passages_correct"] == 1.0


def test_headline_and_kicker_at_the_top_of_the_body_are_not_body():
    paragraphs = "".join(
        f"<p>{sentence} The talks in Moscow covered the ceasefire, the return of prisoners and the role of "
        "Russian peacekeepers in the region.</p>"
        for sentence in ("Armenia and Azerbaijan met again.", "Both sides spoke of progress.", "Observers doubt it.")
    )
    page = (
        "<html><head><title>Ceasefire talks resume | Caucasus Wire</title></head><body><main><article>"
        '<p class="kicker">Analysis &middot; Caucasus</p><h1>Ceasefire talks resume</h1>'
        f"{paragraphs}</article></main></body></html>"
    )
    cleaned = extract_html(page)
    assert cleaned.title == "Ceasefire talks resume"
    assert cleaned.body.startswith("Armenia and Azerbaijan met again.")
