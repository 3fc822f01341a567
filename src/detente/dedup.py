"""Near-duplicate articles (the same text republished by another outlet): word shingles, bottom-k MinHash sketches.

Each body becomes the set of its 5-word shingles (case-folded word tokens), hashed. A sketch keeps the
`SKETCH_SIZE` smallest hashes; documents sharing sketch values are candidates, and a candidate pair is a duplicate when
the Jaccard similarity estimated from the sketches (the bottom-k of the union, Broder's estimator) is at least
`THRESHOLD`. Deterministic: the same bodies always give the same answer.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache

from detente.model import Document

SHINGLE_WORDS = 5
SKETCH_SIZE = 128
THRESHOLD = 0.5
MIN_SHARED = 8  # sketch values two documents must share before the estimate is computed
MAX_HOLDERS = 64  # a shingle held by more documents is boilerplate: it does not make candidates

_TOKEN = re.compile(r"\w+")


@cache
def _word_code(word: str) -> int:
    return zlib.crc32(word.encode())


def shingles(text: str) -> set[int]:
    """Hashed 5-word shingles of a text (a text shorter than that is one shingle). Words are CRC-32 coded and a
    shingle is the hash of its tuple of codes, which does not depend on Python's per-process string hash seed."""
    codes = list(map(_word_code, _TOKEN.findall(text.casefold())))
    if len(codes) < SHINGLE_WORDS:
        return {hash(tuple(codes))} if codes else set()
    return set(map(hash, zip(*(codes[i:] for i in range(SHINGLE_WORDS)))))


def sketch(text: str) -> frozenset[int]:
    return frozenset(heapq.nsmallest(SKETCH_SIZE, shingles(text)))


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity estimated from two bottom-k sketches (exact when both sets are smaller than k)."""
    if not a or not b:
        return 0.0
    union_bottom = heapq.nsmallest(SKETCH_SIZE, a | b)
    return sum(1 for h in union_bottom if h in a and h in b) / len(union_bottom)


def mark_duplicates(documents: list[Document], known: Iterable[tuple[str, str]] = ()) -> None:
    """Set `duplicate_of` on each document whose body nearly equals an earlier one's.

    `known` are (id, body) pairs already stored; they come first. Among new documents, the earlier publication date
    wins, then the copy that credits the other (a wire story republished by a paper names the wire), then the input
    order. A document is never a duplicate of a document with its own id."""
    ordered: list[tuple[str, frozenset[int]]] = [(doc_id, sketch(body)) for doc_id, body in known]
    known_count = len(ordered)
    new = sorted(
        range(len(documents)), key=lambda i: (documents[i].published is None, documents[i].published or "", i)
    )
    ordered += [(documents[i].id, sketch(documents[i].body)) for i in new]
    index: dict[int, list[int]] = defaultdict(list)
    original_of: dict[int, int] = {}
    for position, (doc_id, current) in enumerate(ordered):
        shared: dict[int, int] = defaultdict(int)
        for value in current:
            holders = index[value]
            if len(holders) <= MAX_HOLDERS:
                for other in holders:
                    shared[other] += 1
        needed = min(MIN_SHARED, len(current))
        for other in sorted(o for o, count in shared.items() if count >= needed):
            original = original_of.get(other, other)
            if doc_id in (ordered[other][0], ordered[original][0]):
                continue
            if similarity(current, ordered[other][1]) >= THRESHOLD:
                original_of[position] = original
                break
        for value in current:
            index[value].append(position)
    groups: dict[int, list[int]] = defaultdict(list)
    for position, original in original_of.items():
        groups[original].append(position)
    for first, copies in groups.items():
        original = first
        if first >= known_count:  # a stored original stays the original
            original = _credited_original(first, copies, lambda p: documents[new[p - known_count]])
        for position in [first, *copies]:
            if position != original and position >= known_count:
                documents[new[position - known_count]].duplicate_of = ordered[original][0]


def _credited_original(original: int, copies: list[int], document: Callable[[int], Document]) -> int:
    """Among copies of the same day, the one the others credit (its outlet named in their text, as in a wire's
    dateline, and not the reverse) is the original."""
    first = document(original)
    for position in copies:
        candidate = document(position)
        if candidate.published == first.published and _credits(first, candidate):
            return position
    return original


def _credits(copy: Document, original: Document) -> bool:
    return bool(original.outlet) and _names(copy.body, original.outlet) and not _names(original.body, copy.outlet)


def _names(text: str, outlet: str | None) -> bool:
    return bool(outlet) and re.search(rf"\b{re.escape(outlet)}\b", text) is not None
