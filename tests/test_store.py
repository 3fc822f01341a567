"""The DuckDB store: round trips, atomic replacement of a document, resumable state."""

from __future__ import annotations

from detente.model import (Actor, ActorRef, Claim, Comment, Document, DocumentAnalysis, Event, Evidence, Finding,
                           FramingSignal, Mention, Quote)
from detente.store import Store

RUS = ActorRef("RUS", "Russia", "RUS", "GOV")
ISR = ActorRef("ISR", "Israel", "ISR", "GOV")


def sample_analysis(doc_id: str = "a", body: str = "Russia struck Israel. Putin said \"no\".") -> DocumentAnalysis:
    document = Document(id=doc_id, path=f"{doc_id}.txt", body=body, title="T", published="2020-01-03",
                        reader_comments=[Comment("bob", "Nonsense.")], content_hash="h-" + doc_id)
    return DocumentAnalysis(
        document=document,
        actors={"RUS": Actor("RUS", "Russia", "RUS", "GOV", "state"), "ISR": Actor("ISR", "Israel", "ISR", "GOV", "state")},
        mentions=[Mention(f"{doc_id}#m1", doc_id, 0, 6, "Russia", "RUS", "RUS", "GOV", "dictionary"),
                  Mention(f"{doc_id}#m2", doc_id, 14, 20, "Israel", "ISR", "ISR", "GOV", "dictionary", loaded=True)],
        events=[Event(f"{doc_id}#e1", doc_id, "Russia struck Israel.", 0, 21, RUS, ISR, "ASSAULT", "190",
                      "material_conflict", -10.0, date="2020-01-03", date_precision="day",
                      evidence=[Evidence(doc_id, "Russia struck Israel.", 0, 21)])],
        quotes=[Quote(f"{doc_id}#q1", doc_id, "no", 34, 36, "direct", "said", RUS, speaker_text="Putin")],
        claims=[Claim(f"{doc_id}#c1", doc_id, "Russia struck Israel.", 0, 21, RUS, ISR, "enemy", "affirmed",
                      "asserted", None)],
        framing=[FramingSignal(doc_id, "scare_quote", "no", 34, 36)],
    )


def test_round_trip_keeps_every_field(tmp_path):
    analysis = sample_analysis()
    with Store(tmp_path / "t.duckdb") as store:
        store.save_analysis(analysis)
        corpus = store.load_corpus()
    assert corpus.documents == [analysis.document]
    assert corpus.mentions == analysis.mentions
    assert corpus.events == analysis.events
    assert corpus.quotes == analysis.quotes
    assert corpus.claims == analysis.claims
    assert corpus.framing == analysis.framing
    assert sorted(a.id for a in corpus.actors) == ["ISR", "RUS"]


def test_saving_a_document_again_replaces_its_rows(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.save_analysis(sample_analysis())
        changed = sample_analysis()
        changed.events = []
        store.save_analysis(changed)
        counts = store.counts()
    assert counts["documents"] == 1 and counts["events"] == 0 and counts["mentions"] == 2


def test_hashes_survive_reopening(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.save_analysis(sample_analysis("a"))
        store.save_analysis(sample_analysis("b"))
    with Store(path) as store:
        assert store.document_hashes() == {"a": "h-a", "b": "h-b"}


def test_filters_and_findings(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.save_analysis(sample_analysis())
        finding = Finding("f1", "contradiction", "relation", ("ISR", "RUS"), ["a#c1"], [], ["a", "b"], "A vs B")
        store.replace_corpus_results([], [finding])
        assert [e.id for e in store.events(dyad=("ISR", "RUS"))] == ["a#e1"]
        assert store.events(plover="protest") == []
        assert store.events(since="2021-01-01") == []
        assert [q.id for q in store.quotes(speaker="put")] == ["a#q1"]
        assert [c.id for c in store.claims(("ISR", "RUS"))] == ["a#c1"]
        assert store.findings(("RUS", "ISR")) == [finding]
        assert store.counts()["contradictions"] == 1
        summary = store.actor_summary("RUS")
        assert summary[0]["id"] == "RUS" and summary[0]["mentions"] == 1


def test_a_failed_write_leaves_the_previous_version(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.save_analysis(sample_analysis())
        broken = sample_analysis()
        broken.mentions.append("not a mention")  # makes the insert fail half-way
        try:
            store.save_analysis(broken)
        except AttributeError:
            pass
        assert store.counts()["mentions"] == 2 and store.counts()["documents"] == 1


def test_the_database_folder_is_created(tmp_path):
    with Store(tmp_path / "new" / "folder" / "t.duckdb") as store:
        assert store.counts()["documents"] == 0
