"""Framing per source: loaded terms, scare quotes, tone per target actor, share of quoted voice."""

from __future__ import annotations

from detente.framing import framing_by_source, sentence_spans
from detente.synthetic import CorpusBuilder


def corpus():
    b = CorpusBuilder()
    b.actor("ISR", "Israel", "ISR", aliases=("The Zionist regime",))
    b.actor("IRN", "Iran", "IRN")
    b.actor("ali-khamenei", "Ali Khamenei", "IRN", "GOV", "person")
    b.actor("benjamin-netanyahu", "Benjamin Netanyahu", "ISR", "GOV", "person")
    doc = b.document("a", outlet="Tehran Times")
    doc.say("The Zionist regime committed brutal crimes and atrocities.")
    b.corpus.mentions[-1].loaded = True
    doc.say("Iran welcomed the peaceful and constructive talks.")
    doc.say("\u201cWe will respond with great strength,\u201d Ali Khamenei said.")
    doc.quote("We will respond with great strength", "ali-khamenei")
    doc.say("Officials called the deal a \u201cvictory\u201d for Iran.")
    doc.signal("scare_quote", "victory")
    other = b.document("b", outlet="Tehran Times")
    other.say("The Zionist regime is a terrible threat.")
    other.signal("loaded_term", "The Zionist regime", "ISR")
    b.corpus.mentions[-1].loaded = True
    third = b.document("c")
    third.say("Israel signed a good and welcome agreement.")
    third.say("\u201cPeace is possible,\u201d Benjamin Netanyahu said of Iran.")
    third.quote("Peace is possible", "benjamin-netanyahu")
    third.say("Some said it was wrong.")
    third.quote("it was wrong", None, kind="indirect")
    return b.corpus


def test_sources_group_documents_and_unknown_outlet():
    framings = {f.source: f for f in framing_by_source(corpus())}
    assert set(framings) == {"Tehran Times", "unknown"}
    assert framings["Tehran Times"].documents == ["a", "b"]
    assert framings["unknown"].words == 20


def test_loaded_terms_from_mentions_and_signals_are_counted_once_each():
    tehran = framing_by_source(corpus())[0]
    (term,) = tehran.loaded_terms
    assert term.text == "The Zionist regime" and term.actor_id == "ISR" and term.count == 2
    assert [loc[0] for loc in term.locations] == ["a", "b"]
    (scare,) = tehran.scare_quotes
    assert scare.text == "victory" and scare.locations == [("a", "body", scare.locations[0][2],
                                                            scare.locations[0][2] + 7)]


def test_tone_is_aggregated_per_target_actor():
    framings = {f.source: f for f in framing_by_source(corpus())}
    tone = {t.actor_id: t for t in framings["Tehran Times"].tone}
    assert tone["ISR"].sentences == 2 and tone["ISR"].tone < -0.5
    assert tone["IRN"].tone > 0.3
    unknown = {t.actor_id: t for t in framings["unknown"].tone}
    assert unknown["ISR"].tone > 0.3


def test_voice_share_by_speaker_country():
    framings = {f.source: f for f in framing_by_source(corpus())}
    assert framings["Tehran Times"].voice_share == {"Iran": 1.0}
    unknown = framings["unknown"]
    assert unknown.quoted_chars == len("Peace is possible") + len("it was wrong")
    assert unknown.voice_share == {"Israel": round(17 / 29, 3), "unattributed": round(12 / 29, 3)}


def test_sentence_spans_keep_abbreviations_and_initials_together():
    text = "Mr. Putin met Gen. J. Smith in the U.S. on Jan. 5. He left!\n\nNext paragraph."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Mr. Putin met Gen. J. Smith in the U.S. on Jan. 5.", "He left!", "Next paragraph."]
