"""report.html: escaping, self-containment, and links that reach their sentences."""

from __future__ import annotations

import json
import re

import pytest

from detente.compare import compare
from detente.report import render_report, write_report
from detente.synthetic import CorpusBuilder, synthetic_corpus

HOSTILE = "Iran and Israel are enemies, the post said <script>window.pwned = 1</script> </script><b>bold</b>."


def hostile_corpus():
    b = CorpusBuilder()
    b.actor("IRN", "Iran", "IRN")
    b.actor("ISR", "Israel", "ISR")
    b.document("a", outlet="Wire <One>", published="2024-04-13", title="Iran <script>alert(1)</script>",
               author="A & B").say(HOSTILE).claim("IRN", "ISR", "enemy")
    b.document("b", outlet="Herald", title="Calm").say("Iran and Israel are allies.").claim("IRN", "ISR", "ally")
    b.corpus.documents[0].url = "javascript:alert(1)"
    return b.corpus


def test_article_text_is_escaped_everywhere():
    corpus = hostile_corpus()
    html = render_report(corpus, compare(corpus))
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == ['<script type="application/json" id="report-data">', "<script>"]
    assert "window.pwned" not in re.sub(r"&lt;script&gt;window\.pwned = 1&lt;/script&gt;", "", html)
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "Wire &lt;One&gt;" in html and "A &amp; B" in html
    assert 'href="javascript:' not in html


def test_embedded_json_cannot_close_its_script_element():
    corpus = hostile_corpus()
    html = render_report(corpus, compare(corpus))
    payload = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in payload and ">" not in payload
    data = json.loads(payload)
    assert data["edges"][0]["t"] == "Iran – Israel"
    assert set(data["edges"][0]["ev"]) == {"a#c1", "b#c1"}


def test_report_is_self_contained():
    corpus = synthetic_corpus(20)
    html = render_report(corpus, compare(corpus))
    assert not re.search(r"<(script|img|iframe)[^>]+src=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert "@import" not in html and "url(http" not in html
    assert "default-src 'none'" in html


def test_every_link_reaches_an_anchor_and_bodies_are_rendered_once(tmp_path):
    corpus = synthetic_corpus(20)
    findings = compare(corpus)
    path = write_report(corpus, findings, tmp_path / "report.html")
    html = path.read_text("utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]*)"', html)) | {
        anchor for more in re.findall(r'data-more="([^"]+)"', html) for anchor in more.split()}
    assert targets - ids == set()
    sentence = corpus.documents[1].body.split(". ")[0]
    assert html.count(sentence) == 1 or all(sentence not in f.explanation for f in findings)
    for finding in findings[:5]:
        assert f'id="{finding.id}"' in html


def test_contradiction_card_shows_both_sentences_side_by_side():
    corpus = hostile_corpus()
    findings = compare(corpus)
    assert [f.topic for f in findings] == ["claim_relation"]
    html = render_report(corpus, findings)
    card = html[html.index('id="f1"'):html.index('id="agree"')]
    assert "Iran and Israel are allies." in card and "are enemies, the post said" in card
    assert card.count('class="go" href="#d') == 2


@pytest.mark.integration
def test_report_on_real_articles(shared, pipeline, tmp_path):
    from detente.evaluation.compare import corpus_from_analyses

    records = [json.loads(line) for line in
               (shared / "corpora/focus/focus_russia_israel_iran_syria_soleimani.jsonl").open(encoding="utf-8")]
    chosen = [r for r in records if r["id"] in ("wh-ff3934dbcdec", "wh-5674c379244d", "wh-e8d481fc1972")]
    analyses = [pipeline.analyze_text(r["text"], title=r["title"], published=r["date"], document_id=r["id"])
                for r in chosen]
    for analysis, record in zip(analyses, chosen):
        analysis.document.outlet = record["outlet"]
    corpus = corpus_from_analyses(analyses)
    path = write_report(corpus, compare(corpus), tmp_path / "report.html")
    html = path.read_text("utf-8")
    assert "Iran" in html and 'id="d2-s0"' in html
    assert html.count('class="s" id="d0-s') >= 5
