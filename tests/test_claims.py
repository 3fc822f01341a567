"""Relationship claims: one unit test per phenomenon on plain spaCy parses with hand-made mentions, plus an
integration test on a real Kremlin readout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.claims import extract_claims, relations
from detente.evaluation import claims as evaluation
from detente.model import Actor, Document, DocumentAnalysis, Mention, Quote
from detente.nlp import load_bare

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"

# surface form -> (actor id, country, sector, kind)
ACTORS = {
    "Turkey": ("TUR", "TUR", None, "state"), "NATO": ("nato", "NATO", "IGO", "organization"),
    "Qatar": ("QAT", "QAT", None, "state"), "Iran": ("IRN", "IRN", None, "state"),
    "Iranian": ("IRN", "IRN", None, "state"), "Moscow": ("RUS-GOV", "RUS", "GOV", "sector"),
    "Damascus": ("SYR-GOV", "SYR", "GOV", "sector"), "Houthis": ("houthis", "YEM", "REB", "group"),
    "Russia": ("RUS", "RUS", None, "state"), "China": ("CHN", "CHN", None, "state"),
    "the United States": ("USA", "USA", None, "state"), "India": ("IND", "IND", None, "state"),
    "Pakistan": ("PAK", "PAK", None, "state"), "Putin": ("vladimir-putin", "RUS", "GOV", "person"),
    "Assad": ("bashar-al-assad", "SYR", "GOV", "person"), "Hezbollah": ("hezbollah", "LBN", "REB", "group"),
    "Lebanon": ("LBN", "LBN", None, "state"), "Egypt": ("EGY", "EGY", None, "state"),
    "Israel": ("ISR", "ISR", None, "state"), "Hamas": ("hamas", "PSE", "REB", "group"),
    "Algeria": ("DZA", "DZA", None, "state"), "Morocco": ("MAR", "MAR", None, "state"),
    "Lindsey Graham": ("lindsey-graham", "USA", "LEG", "person"), "Trump": ("donald-trump", "USA", "GOV", "person"),
    "Mevlut Cavusoglu": ("mevlut-cavusoglu", "TUR", "GOV", "person"), "Saudi Arabia": ("SAU", "SAU", None, "state"),
    "Russian": ("RUS", "RUS", None, "state"), "Turkish": ("TUR", "TUR", None, "state"),
    "Hungary": ("HUN", "HUN", None, "state"), "Ukraine": ("UKR", "UKR", None, "state"),
    "Greece": ("GRC", "GRC", None, "state"), "Germany": ("DEU", "DEU", None, "state"),
}


@pytest.fixture(scope="module")
def nlp():
    return load_bare("md")


def analyse(nlp, text: str, section: str = "body", quotes: list[tuple[str, str]] = ()) -> list:
    """Parse `text`, mark every known actor name as a mention, add quotes (quoted text, speaker) and extract."""
    doc = nlp(text)
    analysis = DocumentAnalysis(document=Document(id="t", path="t", body=text if section == "body" else "",
                                                  title=text if section == "title" else None))
    taken: set[int] = set()
    for surface in sorted(ACTORS, key=len, reverse=True):
        start = 0
        while (at := text.find(surface, start)) >= 0:
            start = at + len(surface)
            boundary_ok = (at == 0 or not text[at - 1].isalpha()) and (
                start == len(text) or not text[start].isalpha())
            if not boundary_ok or taken & set(range(at, start)):
                continue
            taken |= set(range(at, start))
            actor_id, country, sector, kind = ACTORS[surface]
            analysis.actors[actor_id] = Actor(actor_id, surface, country, sector, kind)
            analysis.mentions.append(Mention(f"t#m{len(analysis.mentions) + 1}", "t", at, start, surface, actor_id,
                                             country, sector, "dictionary", section=section))
    for quoted, speaker in quotes:
        at = text.index(quoted)
        mention = next(m for m in analysis.mentions if m.text == speaker)
        analysis.quotes.append(Quote("t#q1", "t", quoted, at, at + len(quoted), "direct", "said",
                                     mention.ref(speaker), speaker, section=section))
    return extract_claims(doc, analysis, section)


def triples(claims) -> set[tuple[str, str, str, str]]:
    return {(c.a.actor_id, c.relation, c.b.actor_id, c.polarity) for c in claims}


def test_relation_vocabulary_is_documented():
    vocabulary = relations()
    for name in ("ally", "partner", "friend", "rival", "enemy", "neutral", "mediator", "patron", "proxy", "dependent"):
        assert vocabulary[name]["definition"]
        assert "symmetric" in vocabulary[name]
    assert vocabulary["patron"]["inverse"] == "proxy"


def test_affirmed_copula_with_coordinated_subject(nlp):
    claims = analyse(nlp, "Qatar and Iran remain close friends.")
    assert triples(claims) == {("QAT", "friend", "IRN", "affirmed")}
    assert claims[0].modality == "asserted" and claims[0].holder_kind == "author" and claims[0].holder is None


def test_denied_no_longer(nlp):
    claims = analyse(nlp, "Turkey is no longer a reliable partner for NATO.")
    assert triples(claims) == {("TUR", "partner", "nato", "denied")}


def test_denied_far_from_and_not(nlp):
    assert triples(analyse(nlp, "India and Pakistan are far from friends.")) == {
        ("IND", "friend", "PAK", "denied")}
    assert triples(analyse(nlp, "Greece and Turkey are not enemies.")) == {("GRC", "enemy", "TUR", "denied")}


def test_hedged(nlp):
    claims = analyse(nlp, "Pakistan appears to be China's closest ally in South Asia.")
    assert triples(claims) == {("PAK", "ally", "CHN", "affirmed")}
    assert claims[0].modality == "hedged"
    hypothetical = analyse(nlp, "Russia and China could become allies if pressure grows.")
    assert [c.modality for c in hypothetical] == ["hedged"]


def test_reported_speaker_holder_through_reporting_verb(nlp):
    claims = analyse(nlp, "Turkish Foreign Minister Mevlut Cavusoglu said Russia and Turkey are not allies.")
    assert triples(claims) == {("RUS", "ally", "TUR", "denied")}
    claim = claims[0]
    assert (claim.modality, claim.holder_kind, claim.holder.actor_id) == ("reported", "speaker", "mevlut-cavusoglu")


def test_reported_inside_quote_uses_the_quote_speaker(nlp):
    text = 'Putin spoke in Ankara. "Turkey is a reliable partner of Russia."'
    claims = analyse(nlp, text, quotes=[("Turkey is a reliable partner of Russia.", "Putin")])
    assert triples(claims) == {("TUR", "partner", "RUS", "affirmed")}
    assert claims[0].holder_kind == "speaker" and claims[0].holder.actor_id == "vladimir-putin"


def test_group_holder_with_regard_verb(nlp):
    claims = analyse(nlp, "Western officials now regard China as a rival of the United States.")
    assert triples(claims) == {("CHN", "rival", "USA", "affirmed")}
    assert (claims[0].holder_kind, claims[0].holder_text, claims[0].modality) == (
        "group", "Western officials", "reported")


def test_negated_regard_verb_denies(nlp):
    claims = analyse(nlp, "Diplomats no longer consider Hungary a friend of Ukraine.")
    assert triples(claims) == {("HUN", "friend", "UKR", "denied")}
    assert claims[0].holder_kind == "group"


def test_some_say_is_hedged_group(nlp):
    claims = analyse(nlp, "Some analysts say Iran is a patron of Hezbollah.")
    assert triples(claims) == {("IRN", "patron", "hezbollah", "affirmed")}
    assert (claims[0].holder_kind, claims[0].modality) == ("group", "hedged")


def test_headline(nlp):
    claims = analyse(nlp, "Putin and Assad Hail Their Alliance", section="title")
    assert triples(claims) == {("RUS", "ally", "SYR", "affirmed")}
    assert claims[0].section == "title"


def test_people_stand_for_their_states(nlp):
    claims = analyse(nlp, "Putin and Assad are close allies.")
    assert triples(claims) == {("RUS", "ally", "SYR", "affirmed")}
    assert claims[0].a.sector == "GOV"


def test_appositive_possessive(nlp):
    assert triples(analyse(nlp, "Moscow's ally Damascus rejected the proposal.")) == {
        ("SYR", "ally", "RUS", "affirmed")}
    assert triples(analyse(nlp, "Hezbollah, an Iranian proxy, controls much of southern Lebanon.")) == {
        ("hezbollah", "proxy", "IRN", "affirmed")}


def test_hyphen_backed_is_patronage(nlp):
    assert triples(analyse(nlp, "Iran-backed Houthis fired another missile.")) == {
        ("IRN", "patron", "houthis", "affirmed")}
    assert triples(analyse(nlp, "Hamas, backed by Iran, launched the attack.")) == {
        ("IRN", "patron", "hamas", "affirmed")}


def test_relation_nouns_and_friendly_ties(nlp):
    assert triples(analyse(nlp, "They discussed the strategic partnership between Russia and Morocco.")) == {
        ("RUS", "partner", "MAR", "affirmed")}
    assert triples(analyse(nlp, "Russia has strong and friendly ties with Algeria.")) == {
        ("RUS", "friend", "DZA", "affirmed")}
    assert triples(analyse(nlp, "The talks strengthened the Russian-Turkish partnership.")) == {
        ("RUS", "partner", "TUR", "affirmed")}


def test_mediator_one_claim_per_party(nlp):
    claims = analyse(nlp, "Egypt has long served as a mediator between Israel and Hamas.")
    assert triples(claims) == {("EGY", "mediator", "ISR", "affirmed"), ("EGY", "mediator", "hamas", "affirmed")}


@pytest.mark.parametrize("text", [
    "Allied forces landed in Normandy in June 1944.",
    "The partner organisation will deliver the aid next week.",
    "Two soldiers were killed by friendly fire near Kandahar.",
    "Enemy combatants were held at the base for months.",
    "Senator Lindsey Graham, Trump's closest ally in the Senate, defended the president.",
    "The United States and its allies imposed new sanctions on Russia.",
    "Iran and its proxies threaten the region.",
    "The friendly nation of Turkey welcomed the visitors.",
])
def test_near_misses_are_not_claims(nlp, text):
    assert analyse(nlp, text) == []


def test_claim_ids_and_offsets(nlp):
    text = "Talks went well. Qatar and Iran remain close friends."
    claims = analyse(nlp, text)
    assert claims[0].id == "t#c1"
    assert text[claims[0].start:claims[0].end] == claims[0].sentence == "Qatar and Iran remain close friends."


def test_labelled_set_shape():
    records = evaluation.load()
    assert len(records) >= 150
    assert sum(1 for r in records if not r["expected"]) >= 40
    vocabulary = relations()
    for record in records:
        assert record["section"] in ("title", "body") and record["split"] in ("dev", "test")
        for claim in record["expected"]:
            assert claim["relation"] in vocabulary
            assert claim["polarity"] in ("affirmed", "denied")
            assert claim["holder_kind"] in ("author", "speaker", "group")


@pytest.mark.integration
def test_real_kremlin_readout():
    corpus = SHARED / "corpora" / "kremlin" / "kremlin_en_foreign_policy_2016_2020.jsonl"
    if not corpus.exists():
        pytest.skip("../shared/corpora is absent")
    from detente.pipeline import Pipeline

    record = next(json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()
                  if "Belarus is Russia’s closest ally." in line)
    analysis = Pipeline().analyze_text(record["text"], title=record["title"], published=record["date"],
                                       document_id=record["id"])
    found = {(c.a.actor_id, c.relation, c.b.actor_id) for c in analysis.claims}
    assert ("BLR", "ally", "RUS") in found or ("RUS", "ally", "BLR") in found
    for claim in analysis.claims:
        assert claim.sentence in (record["text"] if claim.section == "body" else record["title"])
        assert claim.a.actor_id != claim.b.actor_id


def test_evaluation_lists_errors_for_the_dev_split_only(pipeline):
    test = evaluation.run(split="test", pipeline=pipeline)
    assert "errors" not in test["details"] and test["details"]["errors_count"] >= 0
    dev = evaluation.run(split="dev", pipeline=pipeline)
    assert isinstance(dev["details"]["errors"], list) and "errors_count" not in dev["details"]
