"""Near-duplicates: a republished article points at the earlier one."""

from __future__ import annotations

from detente.dedup import mark_duplicates, similarity, sketch
from detente.model import Document

ARTICLE = (
    "Iran fired more than 300 drones and missiles at Israel overnight in its first direct military attack on the "
    "country, in retaliation for a strike on its consulate in Damascus that killed senior commanders.\n\n"
    "Israel said almost all of the projectiles were intercepted with the help of the United States, Britain, France "
    "and Jordan, and that a young girl was injured in the south of the country.\n\n"
    "World leaders urged restraint, and President Joe Biden said he would convene G7 leaders to coordinate a "
    "diplomatic response to what he called a brazen attack."
)
OTHER = (
    "Finland formally joined NATO on Tuesday, doubling the length of the alliance's border with Russia, after "
    "Turkey's parliament ratified its application last week. Sweden's bid remains blocked by Ankara and Budapest."
)


def doc(doc_id: str, body: str, published: str | None = None) -> Document:
    return Document(id=doc_id, path=doc_id, body=body, published=published)


def test_republished_article_points_to_the_earlier_one():
    republished = "Via Gulf Courier\n\n" + ARTICLE.replace("overnight", "overnight on Saturday") + "\n\nShare this."
    documents = [doc("b.txt", republished, "2024-04-15"), doc("a.txt", ARTICLE, "2024-04-14"), doc("c.txt", OTHER)]
    mark_duplicates(documents)
    assert [d.duplicate_of for d in documents] == ["a.txt", None, None]


def test_known_documents_come_first_and_same_id_is_not_a_duplicate():
    documents = [doc("new.txt", ARTICLE), doc("old.txt", ARTICLE)]
    mark_duplicates(documents, known=[("old.txt", ARTICLE)])
    assert [d.duplicate_of for d in documents] == ["old.txt", None]


def test_input_order_decides_without_dates_and_chains_collapse():
    documents = [doc("1", ARTICLE), doc("2", ARTICLE + " Updated."), doc("3", ARTICLE)]
    mark_duplicates(documents)
    assert [d.duplicate_of for d in documents] == [None, "1", "1"]


def test_similarity_of_unrelated_texts_is_low():
    assert similarity(sketch(ARTICLE), sketch(OTHER)) < 0.1
    assert similarity(sketch(ARTICLE), sketch(ARTICLE)) == 1.0


def test_same_day_copy_that_credits_the_other_outlet_is_the_duplicate():
    wire = "AMMAN (Gulf Wire) - " + ARTICLE
    paper = Document(id="a-paper.txt", path="a-paper.txt", body=wire, published="2024-04-14", outlet="Harbor Times")
    original = Document(id="z-wire.txt", path="z-wire.txt", body=wire, published="2024-04-14", outlet="Gulf Wire")
    third = Document(id="b-blog.txt", path="b-blog.txt", body=wire, published="2024-04-14", outlet=None)
    documents = [paper, third, original]
    mark_duplicates(documents)
    assert [d.duplicate_of for d in documents] == ["z-wire.txt", "z-wire.txt", None]
