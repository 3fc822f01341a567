"""The spaCy pipeline with the actor entity ruler, and the actor stage on real articles."""

from __future__ import annotations

import json

import pytest

from detente.actors import ActorRegistry, resolve
from detente.model import Document, DocumentAnalysis
from detente.nlp import RULER_NAME, load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(ActorRegistry.default(), model="sm")


def entities(nlp, text: str) -> dict[str, str]:
    return {ent.text: ent.ent_id_ for ent in nlp(text).ents}


def test_ruler_runs_before_ner(nlp):
    names = nlp.pipe_names
    assert names.index(RULER_NAME) < names.index("ner")


def test_ruler_finds_known_actors_ner_misses(nlp):
    found = entities(nlp, "The IRGC and the Quds Force backed Hezbollah against Daesh.")
    assert found["IRGC"].startswith("organization|")
    assert found["Daesh"].startswith("organization|")
    assert {"Quds Force", "Hezbollah"} <= set(found)


def test_headline_title_case_and_upper_case(nlp):
    assert "Zionist Regime" in entities(nlp, "Iran Slams Zionist Regime Over Strike")
    assert "the Zionist regime" in entities(nlp, "Iran slammed the Zionist regime.")
    assert "KREMLIN" in entities(nlp, "KREMLIN DENIES REPORT")


def test_short_acronyms_are_case_sensitive(nlp):
    assert list(entities(nlp, "Sanctions by the US and the UK.").values()) == ["country|USA||0", "country|GBR||0"]
    assert not any(entities(nlp, "Tell us more about the uk deal.").values())
    assert entities(nlp, "U.S. sanctions")["U.S."] == "country|USA||0"


def test_possessive_is_not_part_of_the_entity(nlp):
    found = entities(nlp, "Moscow's response came quickly.")
    assert "Moscow" in found and "Moscow's" not in found


@pytest.mark.integration
def test_focus_corpus_resolves_known_actors(shared, nlp):
    """Every focus article yields mentions; Russia, Israel, Iran and Syria are all found across the set."""
    path = shared / "corpora" / "focus" / "focus_russia_israel_iran_syria_soleimani.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    countries = set()
    for record in records:
        analysis = DocumentAnalysis(Document(record["id"], "<focus>", record["text"], title=record["title"],
                                             published=record["date"]))
        for section, text in (("title", record["title"]), ("body", record["text"])):
            analysis.mentions += resolve(nlp(text), analysis, section)
        assert analysis.mentions, record["id"]
        for mention in analysis.mentions:
            assert analysis.document.body[mention.start:mention.end] == mention.text or mention.section == "title"
            assert mention.actor_id in analysis.actors
        countries |= {m.country for m in analysis.mentions}
    assert {"RUS", "ISR", "IRN", "SYR", "USA"} <= countries
